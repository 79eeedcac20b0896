package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

// expRepoRoot walks up from the package folder to the folder holding go.mod.
func expRepoRoot(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		up := filepath.Dir(dir)
		if up == dir {
			t.Fatal("no go.mod above the test")
		}
		dir = up
	}
}

// TestExamplesPassPDFCheck exports every examples/*.yaml through `gwcli export` to PDF and
// measures each PDF with the independent yardstick ../shared/tools/gbt9704_pdfcheck.py: any
// FAIL fails the test. It skips when ../shared or poppler's pdftohtml is missing, except that
// with CI=true a missing pdftohtml is an error (CI installs poppler-utils).
func TestExamplesPassPDFCheck(t *testing.T) {
	root := expRepoRoot(t)
	tool := filepath.Join(root, "..", "shared", "tools", "gbt9704_pdfcheck.py")
	if _, err := os.Stat(tool); err != nil {
		t.Skipf("../shared is absent (%s): the pdfcheck yardstick is not available", tool)
	}
	if _, err := exec.LookPath("pdftohtml"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftohtml is missing (apt-get install poppler-utils); CI=true requires it")
		}
		t.Skip("pdftohtml is missing (apt-get install poppler-utils)")
	}
	py, err := exec.LookPath("python3")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("python3 is missing; CI=true requires it")
		}
		t.Skip("python3 is missing")
	}
	examples, _ := filepath.Glob(filepath.Join(root, "examples", "*.yaml"))
	if len(examples) == 0 {
		t.Skip("no examples/*.yaml yet")
	}
	keep := os.Getenv("GONGWEN_PDF_OUT")
	for _, ex := range examples {
		name := strings.TrimSuffix(filepath.Base(ex), ".yaml")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			out := filepath.Join(t.TempDir(), name+".pdf")
			if keep != "" {
				out = filepath.Join(keep, name+".pdf")
			}
			var stdout, stderr bytes.Buffer
			if code := run([]string{"export", "-o", out, ex}, &stdout, &stderr); code != 0 {
				t.Fatalf("gwcli export %s: exit %d: %s", ex, code, stderr.String())
			}
			cmd := exec.Command(py, tool, "--json", out)
			res, err := cmd.Output()
			if err != nil {
				if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
					t.Fatalf("pdfcheck %s: %v\n%s", out, err, res)
				}
			}
			var rep struct {
				Checks []struct {
					Check, Result, Detail string
				}
				Passed, Failed int
			}
			if err := json.Unmarshal(res, &rep); err != nil {
				t.Fatalf("pdfcheck output: %v\n%s", err, res)
			}
			for _, c := range rep.Checks {
				if c.Result == "FAIL" {
					t.Errorf("%s: FAIL %s: %s", name, c.Check, c.Detail)
				}
			}
			if rep.Passed == 0 {
				t.Errorf("%s: no check passed", name)
			}
		})
	}
}

// TestExamplesValidPDF exports every example and validates the PDF with pdfcpu (strict), an
// oracle independent of gopdf and poppler.
func TestExamplesValidPDF(t *testing.T) {
	root := expRepoRoot(t)
	examples, _ := filepath.Glob(filepath.Join(root, "examples", "*.yaml"))
	if len(examples) == 0 {
		t.Skip("no examples/*.yaml yet")
	}
	for _, ex := range examples {
		name := strings.TrimSuffix(filepath.Base(ex), ".yaml")
		t.Run(name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), name+".pdf")
			var stdout, stderr bytes.Buffer
			if code := run([]string{"export", "-o", out, ex}, &stdout, &stderr); code != 0 {
				t.Fatalf("gwcli export %s: exit %d: %s", ex, code, stderr.String())
			}
			f, err := os.Open(out)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			conf := model.NewDefaultConfiguration()
			conf.ValidationMode = model.ValidationStrict
			if err := api.Validate(f, conf); err != nil {
				t.Errorf("pdfcpu: %s is not a valid PDF: %v", name, err)
			}
		})
	}
}
