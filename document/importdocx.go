package document

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Limits of the .docx reader, against zip bombs and huge entries.
var (
	maxDocxEntries = 10000    // entries in the zip
	maxDocxXML     = 50 << 20 // bytes of word/document.xml read, uncompressed
	maxDocxDepth   = 2000     // XML element nesting
)

const (
	nsW  = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsMC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

// ImportDocx reads a .docx 公文: the text of its paragraphs (w:p, with the text of w:t,
// w:tab and w:br, and the label of Word's automatic numbering from word/numbering.xml;
// everything else ignored), one line a paragraph, then the same line-based import as
// ImportText. Source places count paragraphs as lines (a w:br starts a new line)
// and characters within them as columns.
//
// The reader is archive/zip + encoding/xml rather than github.com/nguyenthenguyen/docx:
// that library hands back the document's raw XML as one string (it is made for search and
// replace), not paragraphs, and reads the entries whole without any size limit. Here the
// number of zip entries, the uncompressed size read and the XML nesting are bounded, and a
// damaged file gives a Chinese error, never a panic. genres is the template set's genre
// table, as for ImportText.
func ImportDocx(file string, data []byte, genres Genres) (*Document, error) {
	lines, err := docxLines(file, data)
	if err != nil {
		return nil, err
	}
	return importLines(file, lines, genres), nil
}

// errDocxTooDeep marks XML nested deeper than maxDocxDepth.
var errDocxTooDeep = errors.New("docx xml nested too deep")

// notZipMessage says what a .docx that is not a zip archive is, when that can be told.
func notZipMessage(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		return "这是旧版 Word 97-2003 文档（.doc）或设置了打开密码的文档，不是 .docx：请在 Word 或 WPS 中取消密码并“另存为” .docx 后再试"
	case bytes.HasPrefix(bytes.TrimSpace(data), []byte(`{\rtf`)):
		return "这是 RTF 文档，不是 .docx：请在 Word 或 WPS 中“另存为” .docx 后再试"
	case len(data) == 0:
		return "文件是空的，不是有效的 Word 文档"
	case bytes.HasPrefix(data, []byte("PK")):
		return "Word 文档已损坏或不完整（zip 压缩包无法读取），请重新复制或在 Word、WPS 中重新保存"
	}
	return "不是有效的 Word 文档（.docx 应是 zip 压缩包），文件可能已损坏或扩展名不对"
}

func docxLines(file string, data []byte) ([]textLine, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, &Error{File: file, Msg: notZipMessage(data), Err: err}
	}
	if len(zr.File) > maxDocxEntries {
		return nil, &Error{File: file, Msg: fmt.Sprintf("文档包含 %d 个部件，超过上限 %d，可能已损坏或是恶意文件", len(zr.File), maxDocxEntries), Err: ErrTooLarge}
	}
	var doc *zip.File
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			doc = f
			break
		}
	}
	if doc == nil {
		for _, f := range zr.File {
			if strings.EqualFold(f.Name, "word/document.xml") {
				doc = f
				break
			}
		}
	}
	if doc == nil {
		return nil, &Error{File: file, Msg: "文档中缺少正文部件 word/document.xml：这不是 Word 文档，或文件已损坏"}
	}
	if doc.UncompressedSize64 > uint64(maxDocxXML) {
		return nil, &Error{File: file, Msg: fmt.Sprintf("文档正文过大（解压后 %d MB，上限 %d MB）", doc.UncompressedSize64>>20, maxDocxXML>>20), Err: ErrTooLarge}
	}
	var num *docxNumbering
	for _, f := range zr.File {
		if f.Name == "word/numbering.xml" && f.UncompressedSize64 <= uint64(maxDocxXML) {
			if rc, err := f.Open(); err == nil {
				num = readNumbering(&limitedReader{r: rc, n: int64(maxDocxXML)})
				rc.Close()
			}
			break
		}
	}
	rc, err := doc.Open()
	if err != nil {
		return nil, &Error{File: file, Msg: "无法读取文档正文 word/document.xml（" + err.Error() + "），文件可能已损坏", Err: err}
	}
	defer rc.Close()
	lr := &limitedReader{r: rc, n: int64(maxDocxXML)}
	paras, err := docxParagraphs(lr, num)
	if lr.exceeded {
		return nil, &Error{File: file, Msg: fmt.Sprintf("文档正文过大（解压后超过 %d MB）", maxDocxXML>>20), Err: ErrTooLarge}
	}
	if err != nil {
		var se *xml.SyntaxError
		if errors.As(err, &se) {
			return nil, &Error{File: file, Msg: fmt.Sprintf("文档正文 word/document.xml 不是有效的 XML（第 %d 行：%s），文件已损坏", se.Line, se.Msg), Err: err}
		}
		if errors.Is(err, errDocxTooDeep) {
			return nil, &Error{File: file, Msg: fmt.Sprintf("文档正文 word/document.xml 无法解析：嵌套层次过深（超过 %d 层），可能已损坏或是恶意文件", maxDocxDepth), Err: err}
		}
		if errors.Is(err, zip.ErrChecksum) || errors.Is(err, zip.ErrFormat) || strings.Contains(err.Error(), "flate") {
			return nil, &Error{File: file, Msg: "文档已损坏：正文 word/document.xml 无法解压（" + err.Error() + "），请在 Word 或 WPS 中打开并重新保存", Err: err}
		}
		return nil, &Error{File: file, Msg: "文档正文 word/document.xml 无法解析（" + err.Error() + "）", Err: err}
	}
	var lines []textLine
	for _, p := range paras {
		for _, l := range strings.Split(p, "\n") {
			lines = append(lines, makeLine(len(lines)+1, l))
		}
	}
	return lines, nil
}

// limitedReader reads at most n bytes and remembers when the input had more.
type limitedReader struct {
	r        io.Reader
	n        int64
	exceeded bool
}

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.n <= 0 {
		// Probe one byte to tell "exactly at the limit" from "more".
		var b [1]byte
		if k, _ := l.r.Read(b[:]); k > 0 {
			l.exceeded = true
			return 0, errors.New("size limit exceeded")
		}
		return 0, io.EOF
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	k, err := l.r.Read(p)
	l.n -= int64(k)
	return k, err
}

// docxParagraphs streams word/document.xml and returns the text of each w:p in document
// order, with the labels of automatic numbering (from num) put in front. Paragraphs nested
// in a paragraph (text boxes) come out before the paragraph that holds them; mc:Fallback
// copies and tracked deletions are skipped.
func docxParagraphs(r io.Reader, num *docxNumbering) ([]string, error) {
	type para struct {
		b       strings.Builder
		numID   string
		ilvl    int
		inNumPr bool
	}
	d := xml.NewDecoder(r)
	d.Strict = true
	var out []string
	var stack []*para // open paragraphs
	depth, runDepth, textDepth := 0, 0, 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		var top *para
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth > maxDocxDepth {
				return nil, fmt.Errorf("elements nested deeper than %d: %w", maxDocxDepth, errDocxTooDeep)
			}
			if t.Name.Space == nsMC && t.Name.Local == "Fallback" {
				if err := d.Skip(); err != nil {
					return nil, err
				}
				depth--
				continue
			}
			if t.Name.Space != nsW {
				continue
			}
			switch t.Name.Local {
			case "p":
				stack = append(stack, &para{})
			case "r":
				runDepth++
			case "t":
				textDepth++
			case "tab":
				if runDepth > 0 && top != nil {
					top.b.WriteByte('\t')
				}
			case "br", "cr":
				if runDepth > 0 && top != nil {
					top.b.WriteByte('\n')
				}
			case "numPr":
				if top != nil && runDepth == 0 {
					top.inNumPr = true
				}
			case "numId":
				if top != nil && top.inNumPr {
					top.numID = wAttr(t, "val")
				}
			case "ilvl":
				if top != nil && top.inNumPr {
					top.ilvl, _ = strconv.Atoi(wAttr(t, "val"))
				}
			case "del", "delText", "instrText":
				if err := d.Skip(); err != nil {
					return nil, err
				}
				depth--
			}
		case xml.EndElement:
			depth--
			if t.Name.Space != nsW {
				continue
			}
			switch t.Name.Local {
			case "p":
				if top != nil {
					out = append(out, num.label(top.numID, top.ilvl)+top.b.String())
					stack = stack[:len(stack)-1]
				}
			case "numPr":
				if top != nil {
					top.inNumPr = false
				}
			case "r":
				runDepth = max(runDepth-1, 0)
			case "t":
				textDepth = max(textDepth-1, 0)
			}
		case xml.CharData:
			if textDepth > 0 && top != nil {
				top.b.Write(t)
			}
		}
	}
	return out, nil
}

// wAttr returns the value of the attribute local (in any namespace) of a start element.
func wAttr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// docxNumbering is what word/numbering.xml says about automatic list numbers, enough to
// write the labels (一、 （一） 1. …) in front of numbered paragraphs, since 公文 level
// markers are read from the text.
type docxNumbering struct {
	abstract map[string]map[int]numLevel // abstractNumId → level → format
	nums     map[string]string           // numId → abstractNumId
	counters map[string][]int            // numId → current number per level
}

type numLevel struct {
	format string // w:numFmt, e.g. decimal, chineseCounting
	text   string // w:lvlText, e.g. "%1、"
	start  int
}

// readNumbering parses word/numbering.xml; a missing or damaged part means no numbering.
func readNumbering(r io.Reader) *docxNumbering {
	n := &docxNumbering{abstract: map[string]map[int]numLevel{}, nums: map[string]string{}, counters: map[string][]int{}}
	d := xml.NewDecoder(r)
	var absID, numID string
	lvl := -1
	var cur numLevel
	for {
		tok, err := d.Token()
		if err != nil {
			return n
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Space != nsW {
				continue
			}
			switch t.Name.Local {
			case "abstractNum":
				absID = wAttr(t, "abstractNumId")
				if n.abstract[absID] == nil {
					n.abstract[absID] = map[int]numLevel{}
				}
			case "num":
				numID = wAttr(t, "numId")
			case "abstractNumId":
				if numID != "" {
					n.nums[numID] = wAttr(t, "val")
				}
			case "lvl":
				if absID != "" {
					lvl, _ = strconv.Atoi(wAttr(t, "ilvl"))
					cur = numLevel{start: 1}
				}
			case "start":
				if lvl >= 0 {
					cur.start, _ = strconv.Atoi(wAttr(t, "val"))
					cur.start = min(max(cur.start, 0), maxNumStart)
				}
			case "numFmt":
				if lvl >= 0 {
					cur.format = wAttr(t, "val")
				}
			case "lvlText":
				if lvl >= 0 {
					cur.text = truncRunes(wAttr(t, "val"), maxLvlText)
				}
			}
		case xml.EndElement:
			if t.Name.Space != nsW {
				continue
			}
			switch t.Name.Local {
			case "lvl":
				if absID != "" && lvl >= 0 && lvl < 9 {
					n.abstract[absID][lvl] = cur
				}
				lvl = -1
			case "abstractNum":
				absID = ""
			case "num":
				numID = ""
			}
		}
	}
}

// Bounds of list numbering, so that a crafted numbering.xml cannot make labels of
// megabytes: Word's own limits are a start value of 32767 and a level text of a few dozen
// characters (a 公文 label is 一、 or （一）).
const (
	maxNumStart = 32767
	maxLvlText  = 32 // characters
	maxLetters  = 4  // upperLetter repeats a letter at most this often (AAAA), then decimal
)

// truncRunes keeps the first n characters of s.
func truncRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// label advances the counters of list numID at level ilvl and returns the paragraph's label.
func (n *docxNumbering) label(numID string, ilvl int) string {
	if n == nil || numID == "" || numID == "0" || ilvl < 0 || ilvl > 8 {
		return ""
	}
	levels := n.abstract[n.nums[numID]]
	if levels == nil {
		return ""
	}
	c := n.counters[numID]
	if c == nil {
		c = make([]int, 9)
		for i := range c {
			c[i] = levels[i].start - 1
		}
		n.counters[numID] = c
	}
	if c[ilvl] < maxNumStart*4 { // a counter stops growing: 131 068 paragraphs of one list
		c[ilvl]++
	}
	for i := ilvl + 1; i < 9; i++ {
		c[i] = levels[i].start - 1
	}
	lv := levels[ilvl]
	if lv.format == "bullet" || lv.format == "none" {
		return ""
	}
	// One pass over the (bounded) level text: %1 … %9 become the numbers of their levels.
	var b strings.Builder
	for i := 0; i < len(lv.text); i++ {
		if lv.text[i] == '%' && i+1 < len(lv.text) && lv.text[i+1] >= '1' && lv.text[i+1] <= '9' {
			if k := int(lv.text[i+1] - '1'); k <= ilvl {
				b.WriteString(formatNumber(c[k], levels[k].format))
				i++
				continue
			}
		}
		b.WriteByte(lv.text[i])
	}
	return b.String()
}

// formatNumber writes n in an OOXML number format.
func formatNumber(n int, format string) string {
	switch format {
	case "chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting", "taiwaneseCountingThousand":
		if n >= 1 && n <= 99 {
			return chineseNumeral(n)
		}
	case "ideographTraditional":
		if n >= 1 && n <= 10 {
			return string([]rune("甲乙丙丁戊己庚辛壬癸")[n-1])
		}
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
		if n >= 1 && n <= 20 {
			return string(rune('①' + n - 1))
		}
	case "decimalFullWidth", "decimalFullWidth2":
		return strings.Map(func(r rune) rune { return r - '0' + '０' }, strconv.Itoa(n))
	case "decimalZero":
		return fmt.Sprintf("%02d", n)
	case "upperLetter", "lowerLetter":
		if n >= 1 && (n-1)/26 < maxLetters {
			s := strings.Repeat(string(rune('A'+(n-1)%26)), (n-1)/26+1)
			if format == "lowerLetter" {
				s = strings.ToLower(s)
			}
			return s
		}
	case "upperRoman", "lowerRoman":
		if n >= 1 && n < 4000 {
			s := roman(n)
			if format == "lowerRoman" {
				s = strings.ToLower(s)
			}
			return s
		}
	}
	return strconv.Itoa(n)
}

// chineseNumeral writes 1 … 99 as 一 … 九十九.
func chineseNumeral(n int) string {
	digits := []rune("零一二三四五六七八九")
	switch {
	case n < 10:
		return string(digits[n])
	case n == 10:
		return "十"
	case n < 20:
		return "十" + string(digits[n-10])
	case n%10 == 0:
		return string(digits[n/10]) + "十"
	default:
		return string(digits[n/10]) + "十" + string(digits[n%10])
	}
}

func roman(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}
