package document

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"
)

// allocDuring returns the bytes f allocates and fails when it runs past limit.
func allocDuring(t *testing.T, limit time.Duration, f func()) uint64 {
	t.Helper()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	f()
	if d := time.Since(start); d > limit {
		t.Errorf("took %v, more than %v", d, limit)
	}
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestDocxNumberingBounds: .docx files under 10 KB whose numbering would expand to gigabytes
// (issue 12: lvlText of 100 000 %1, an upperLetter list from 1 000 000, a start of 9e18) import
// in bounded time and memory with short labels. Each ran out of memory or panicked at d3b518c.
func TestDocxNumberingBounds(t *testing.T) {
	lvl := func(start, fmt, text string) string {
		return `<?xml version="1.0" encoding="UTF-8"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="` + start + `"/><w:numFmt w:val="` + fmt + `"/><w:lvlText w:val="` + text + `"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>`
	}
	np := `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>事项。</w:t></w:r></w:p>`
	body := docxHead + wp("关于某某的通知") + wp("各单位：") + strings.Repeat(np, 200) + docxTail
	cases := []struct {
		name      string
		numbering string
		first     string // the first numbered paragraph
	}{
		{"lvlText of 100 000 %1", lvl("1", "decimal", strings.Repeat("%1", 100000)), strings.Repeat("1", 16) + "事项。"},
		{"upperLetter from 1 000 000", lvl("1000000", "upperLetter", "%1."), "32767.事项。"},
		{"upperLetter past ZZZZ", lvl("200", "upperLetter", "%1."), "200.事项。"},
		{"upperLetter in range", lvl("28", "upperLetter", "%1."), "BB.事项。"},
		{"start of 9e18", lvl("9000000000000000000", "upperLetter", "%1、"), "32767、事项。"},
		{"negative start", lvl("-5", "decimal", "%1、"), "0、事项。"},
		{"lowerRoman of a huge start", lvl("99999999", "lowerRoman", "%1)"), "32767)事项。"},
		{"chineseCounting", lvl("1", "chineseCounting", "%1、"), "一、事项。"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			data := makeDocx(t, map[string]string{"word/document.xml": body, "word/numbering.xml": c.numbering})
			if len(data) > 10<<10 {
				t.Fatalf("the crafted file is %d bytes", len(data))
			}
			var doc *Document
			var err error
			n := allocDuring(t, 5*time.Second, func() { doc, err = ImportDocx("n.docx", data, builtinGenres(t)) })
			if err != nil {
				t.Fatal(err)
			}
			if n > 64<<20 {
				t.Errorf("allocated %d MB", n>>20)
			}
			if len(doc.Body) == 0 || doc.Body[0] != c.first {
				first := ""
				if len(doc.Body) > 0 {
					first = doc.Body[0]
				}
				t.Fatalf("first paragraph %.80q, want %q", first, c.first)
			}
			for _, p := range doc.Body {
				if n := len([]rune(p)); n > 200 {
					t.Fatalf("a label of %d characters: %.60q", n, p)
				}
			}
		})
	}
}

// TestYAMLBounds: drafts that slipped past the byte-level nesting pre-check at d3b518c (a
// quote before the brackets, one bracket a line at column 1: 26–35 s and 2.5 GB), many "---"
// documents (time growing with the square of their count) and alias chains are refused fast,
// at the place the bound is passed.
func TestYAMLBounds(t *testing.T) {
	aliases := func() string {
		var b strings.Builder
		b.WriteString("version: 1\nbody: &a0 [x, x]\n")
		for i := 1; i < 30; i++ {
			fmt.Fprintf(&b, "note%d: &a%d [*a%d, *a%d]\n", i, i, i-1, i-1)
		}
		return b.String()
	}
	cases := []struct {
		name, yaml string
		want       string
	}{
		{"brackets after a quote, 80 KB", "version: 1\nbody: [x'y, " + strings.Repeat("[", 40000) + strings.Repeat("]", 40000) + "]\n", "嵌套层次过深"},
		{"brackets after a quote, 160 KB", "version: 1\ntitle: \"关于\"\nbody: [x'y, " + strings.Repeat("[", 80000) + strings.Repeat("]", 80000) + "]\n", "嵌套层次过深"},
		{"a bracket a line at column 1", "version: 1\nbody:\n" + strings.Repeat("[\n", 40000) + strings.Repeat("]\n", 40000), "嵌套层次过深"},
		{"braces a line at column 1", "version: 1\nbody:\n" + strings.Repeat("{\n", 40000) + strings.Repeat("}\n", 40000), "嵌套层次过深"},
		{"20 000 documents", strings.Repeat("---\nversion: 1\n", 20000), "文档过多"},
		{"alias chain", aliases(), "别名"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var err error
			n := allocDuring(t, 2*time.Second, func() { _, err = Parse("d.yaml", []byte(c.yaml)) })
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("err = %v, want %q", err, c.want)
			}
			if n > 100<<20 {
				t.Errorf("allocated %d MB", n>>20)
			}
		})
	}
	// and a real draft's nesting passes
	if _, err := Parse("ok.yaml", []byte("version: 1\ntitle: 关于\nattachments:\n  - table: {header: [a, b], rows: [[1, x], [2, y]]}\n")); err != nil {
		t.Errorf("a table draft: %v", err)
	}
}

// maxFuzzInput is the largest input the fuzz targets of this package work on.
const maxFuzzInput = 2048

// maxFuzzText is the largest input FuzzImportText works on: its round trip costs about 3 ms
// a kilobyte, and the fuzzer minimises each new input by trying to remove bytes and pairs
// of bytes (at 512 bytes one minimisation outlasted a 30 s run: 13 inputs; at 192, 69 000).
const maxFuzzText = 192

// fuzzPieces cuts text at line ends into pieces of at most n bytes.
func fuzzPieces(text string, n int) []string {
	var out []string
	cur := ""
	for _, l := range strings.SplitAfter(text, "\n") {
		if len(cur)+len(l) > n && cur != "" {
			out = append(out, cur)
			cur = ""
		}
		cur += l
	}
	if cur != "" && len(cur) <= n {
		out = append(out, cur)
	}
	return out
}
