package layout_test

import (
	"os"
	"path/filepath"
)

// The examples themselves are measured with the yardstick in cmd/gwcli (TestExamplesPassPDFCheck,
// through the CLI); the layout tests use it on the documents they build (keep_test.go).

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
