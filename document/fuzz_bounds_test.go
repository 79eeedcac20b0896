package document

import (
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzDocxNumbering fuzzes the values of word/numbering.xml (start, format, level text, the
// level of each paragraph) in a well-formed .docx, so that every input reaches the label
// expansion: a label stays short and the import never fails on numbering.
func FuzzDocxNumbering(f *testing.F) {
	f.Add("1", "chineseCounting", "%1、", uint8(0), uint8(3))
	f.Add("1000000", "upperLetter", "%1.", uint8(0), uint8(2))
	f.Add("9000000000000000000", "lowerRoman", "%1)", uint8(0), uint8(1))
	f.Add("-3", "decimalZero", "（%1）", uint8(1), uint8(2))
	f.Add("7", "decimal", strings.Repeat("%1", 40), uint8(0), uint8(5))
	f.Add("1", "bullet", "•", uint8(8), uint8(1))
	f.Add("32767", "ideographTraditional", "%2.%1", uint8(1), uint8(4))
	f.Fuzz(func(t *testing.T, start, numFmt, lvlText string, ilvl, paras uint8) {
		if len(start)+len(numFmt)+len(lvlText) > 4096 {
			return
		}
		attr := func(s string) string {
			var b strings.Builder
			for _, r := range strings.ToValidUTF8(s, "") {
				switch {
				case r == '"':
					b.WriteString("&quot;")
				case r == '&':
					b.WriteString("&amp;")
				case r == '<':
					b.WriteString("&lt;")
				case r < 0x20 || r == 0xFFFE || r == 0xFFFF || r >= 0xD800 && r < 0xE000:
				default:
					b.WriteRune(r)
				}
			}
			return b.String()
		}
		var lv strings.Builder
		for i := 0; i < 9; i++ {
			lv.WriteString(`<w:lvl w:ilvl="` + strconv.Itoa(i) + `"><w:start w:val="` + attr(start) + `"/><w:numFmt w:val="` + attr(numFmt) + `"/><w:lvlText w:val="` + attr(lvlText) + `"/></w:lvl>`)
		}
		numbering := `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0">` +
			lv.String() + `</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`
		np := `<w:p><w:pPr><w:numPr><w:ilvl w:val="` + strconv.Itoa(int(ilvl%10)) + `"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>事项。</w:t></w:r></w:p>`
		body := docxHead + wp("关于某某的通知") + wp("各单位：") + strings.Repeat(np, int(paras%16)+1) + docxTail
		doc, err := ImportDocx("n.docx", makeDocx(t, map[string]string{"word/document.xml": body, "word/numbering.xml": numbering}), builtinGenres(t))
		if err != nil {
			t.Fatalf("numbering failed the import: %v", err)
		}
		for _, p := range doc.Body {
			// a label is at most maxLvlText characters, each %N (two of them) at most 15 (a
			// Roman numeral below 4000)
			if n := utf8.RuneCountInString(p); n > 8*maxLvlText+3 {
				t.Fatalf("a paragraph of %d characters: %.80q", n, p)
			}
		}
	})
}
