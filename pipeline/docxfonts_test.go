package pipeline

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"

	"gongwen/document"
	"gongwen/layout"
	"gongwen/templates"
)

// TestDOCXFontNames: with the bundled fonts the pipeline's DOCX names the bundled faces and
// carries them as embedded font parts; with another font set (the machine's 公文 fonts) it
// names the standard faces and embeds nothing.
func TestDOCXFontNames(t *testing.T) {
	g, _ := templates.Builtins().Genre("qingshi")
	doc, err := document.Parse("qingshi", []byte(g.Example))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name      string
		fonts     *layout.Fonts
		embedded  bool
		fontTable string // a name the font table must list
	}{
		{"bundled", nil, true, "FandolFang"},
		{"system", layout.NewSystemFonts(nil), false, "仿宋_GB2312"},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := &Pipeline{Fonts: c.fonts}
			var buf bytes.Buffer
			if _, err := p.Export(&buf, p.Prepare(doc, ""), "docx", nil); err != nil {
				t.Fatal(err)
			}
			zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
			if err != nil {
				t.Fatal(err)
			}
			odttf := 0
			var table string
			for _, f := range zr.File {
				if strings.HasSuffix(f.Name, ".odttf") {
					odttf++
				}
				if f.Name == "word/fontTable.xml" {
					rc, err := f.Open()
					if err != nil {
						t.Fatal(err)
					}
					b, _ := io.ReadAll(rc)
					rc.Close()
					table = string(b)
				}
			}
			if (odttf > 0) != c.embedded {
				t.Errorf("%d embedded font parts, want embedded=%v", odttf, c.embedded)
			}
			if !strings.Contains(table, c.fontTable) {
				t.Errorf("word/fontTable.xml does not name %s", c.fontTable)
			}
		})
	}
}
