package layout_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"gongwen/document"
	"gongwen/export/pdf"
	"gongwen/layout"
)

// sharedDir finds ../shared from the repository root, or "" when it is absent.
func sharedDir() string {
	dir, err := filepath.Abs(".")
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			s := filepath.Join(dir, "..", "shared")
			if _, err := os.Stat(filepath.Join(s, "tools", "gbt9704_pdfcheck.py")); err == nil {
				return s
			}
			return ""
		}
		up := filepath.Dir(dir)
		if up == dir {
			return ""
		}
		dir = up
	}
}

// TestExamplesPDFCheck exports every example to PDF and measures it with the independent
// yardstick (../shared/tools/gbt9704_pdfcheck.py): no check may FAIL. Set GONGWEN_PDF_OUT to
// a folder to keep the PDFs.
func TestExamplesPDFCheck(t *testing.T) {
	shared := sharedDir()
	if shared == "" {
		t.Skip("../shared is absent")
	}
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 is absent")
	}
	if _, err := exec.LookPath("pdftohtml"); err != nil {
		t.Skip("poppler-utils are absent")
	}
	if testing.Short() {
		t.Skip("short mode")
	}
	out := os.Getenv("GONGWEN_PDF_OUT")
	if out == "" {
		out = t.TempDir()
	}
	files, _ := filepath.Glob("../examples/*.yaml")
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".yaml")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			doc, err := document.Load(f)
			if err != nil {
				t.Fatal(err)
			}
			pages, err := layout.Typeset(doc, layout.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			author := ""
			if len(doc.Issuers) > 0 {
				author = doc.Issuers[0].Name
			}
			if err := pdf.Write(&buf, pages, nil, pdf.Meta{Title: doc.Title, Author: author}); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(out, name+".pdf")
			if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command("python3", filepath.Join(shared, "tools", "gbt9704_pdfcheck.py"), path)
			res, err := cmd.CombinedOutput()
			if err != nil {
				t.Errorf("pdfcheck %s: %v\n%s", name, err, res)
			}
		})
	}
}
