package docx

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"gongwen/assets"
	"gongwen/document"
)

// repoRoot walks up from the package folder to the folder holding go.mod.
func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found above the package")
		}
		dir = parent
	}
}

type checkResult struct {
	Check, Result, Detail string
}

type checkReport struct {
	Checks         []checkResult
	Passed, Failed int
}

// officeDocs returns the documents to convert: every examples/*.yaml plus the samples.
func officeDocs(t *testing.T, root string) map[string]*document.Document {
	docs := sampleDocs()
	if d, ok := blankPageDoc(); ok {
		docs["blankpage"] = d
	} else {
		t.Log("no text length makes the layout engine insert a blank page before the 版记: blankpage sample left out")
	}
	files, _ := filepath.Glob(filepath.Join(root, "examples", "*.yaml"))
	for _, f := range files {
		d, err := document.Load(f)
		if err != nil {
			t.Errorf("load example %s: %v", f, err)
			continue
		}
		docs["example-"+strings.TrimSuffix(filepath.Base(f), ".yaml")] = d
	}
	return docs
}

// TestOfficeSuite writes each example as DOCX, converts them all with LibreOffice in one
// run (the bundled fonts installed for fontconfig) and measures the PDFs with
// ../shared/tools/gbt9704_pdfcheck.py: no check may FAIL.
func TestOfficeSuite(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("soffice (libreoffice-writer-nogui) is missing in CI")
		}
		t.Skip("soffice not installed: skipping the LibreOffice round trip (install libreoffice-writer-nogui)")
	}
	root := repoRoot(t)
	checker := filepath.Join(root, "..", "shared", "tools", "gbt9704_pdfcheck.py")
	if _, err := os.Stat(checker); err != nil {
		t.Skip("../shared/tools/gbt9704_pdfcheck.py absent: skipping")
	}
	if testing.Short() {
		t.Skip("-short: skipping the LibreOffice round trip")
	}
	work := t.TempDir()
	if d := os.Getenv("GONGWEN_DOCX_OUT"); d != "" {
		work = d
		os.MkdirAll(work, 0o755)
	}
	// fonts for fontconfig: a config that adds the bundled fonts folder
	fontDir := filepath.Join(work, "fonts")
	os.MkdirAll(fontDir, 0o755)
	for _, role := range []string{roleFang, roleXBS, roleHei, roleKai, roleSong} {
		data, err := assets.Font(role)
		if err != nil {
			t.Fatal(err)
		}
		name, _ := assets.FontFile(role)
		if err := os.WriteFile(filepath.Join(fontDir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	conf := filepath.Join(work, "fonts.conf")
	os.WriteFile(conf, []byte(`<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>`+fontDir+`</dir><cachedir>`+filepath.Join(work, "fccache")+`</cachedir></fontconfig>`), 0o644)

	docs := officeDocs(t, root)
	var names, files []string
	for n := range docs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		var buf bytes.Buffer
		if err := Write(&buf, docs[n], Options{Fonts: "bundled", Warn: func(s string) { t.Logf("%s: warning: %s", n, s) }}); err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		f := filepath.Join(work, n+".docx")
		if err := os.WriteFile(f, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	// The DOCX goes straight to PDF, as a secretary's LibreOffice opens it: the two
	// properties its import reads otherwise than Word (w:overflowPunct, w:autoSpaceDE/DN)
	// are written so that both lay the text out alike (lo.go). Blank pages are kept: the
	// engine may put one before the 版记 for double-sided printing.
	profile := filepath.Join(work, "lo-profile")
	env := append(os.Environ(), "FONTCONFIG_FILE="+conf, "HOME="+work)
	args := append([]string{"-env:UserInstallation=file://" + profile, "--headless", "--convert-to",
		`pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}`, "--outdir", work}, files...)
	cmd := exec.Command(soffice, args...)
	cmd.Env = env
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice --convert-to pdf: %v\n%s", err, out)
	}
	for _, n := range names {
		pdf := filepath.Join(work, n+".pdf")
		out, _ := exec.Command("python3", checker, "--json", pdf).Output()
		var rep checkReport
		if err := json.Unmarshal(out, &rep); err != nil {
			t.Errorf("%s: pdfcheck output: %v\n%s", n, err, out)
			continue
		}
		var fails []string
		for _, c := range rep.Checks {
			if c.Check == "body.lines" && c.Result == "FAIL" && attachmentBreaksOnly(t, pdf, c.Detail) {
				t.Logf("%s: body.lines: short pages end before an attachment's page break (7.3.7), not a pagination fault: %s", n, c.Detail)
				continue
			}
			if c.Result == "FAIL" {
				fails = append(fails, fmt.Sprintf("%s: %s", c.Check, c.Detail))
			}
		}
		t.Logf("%s: pdfcheck %d passed, %d failed", n, rep.Passed, rep.Failed)
		// the DOCX paginates like the layout engine (same grid, same breaks)
		if pages := typeset(docs[n]); pages != nil {
			info, _ := exec.Command("pdfinfo", pdf).Output()
			if m := regexp.MustCompile(`Pages:\s+(\d+)`).FindSubmatch(info); m != nil {
				if got, _ := strconv.Atoi(string(m[1])); got != len(pages) {
					t.Errorf("%s: LibreOffice lays the DOCX out on %d pages, the layout engine on %d", n, got, len(pages))
				}
			}
		}
		if len(fails) > 0 {
			t.Errorf("%s: pdfcheck FAIL:\n  %s", n, strings.Join(fails, "\n  "))
		}
		if gaps := asianLatinGaps(t, pdf, fmt.Sprintf("%+v", *docs[n])); len(gaps) > 0 {
			t.Errorf("%s: LibreOffice spaces hanzi and Latin letters or digits apart (w:autoSpaceDE/DN=\"0\" not kept): %q", n, gaps)
		}
	}
}

// attachmentBreaksOnly reports whether every page the checker found short (not 22 slots)
// is followed by a page that opens with an attachment label (附件 or 附件N), which starts
// on a new page by rule, so the short page is the end of the text before it.
func attachmentBreaksOnly(t *testing.T, pdf, detail string) bool {
	re := regexp.MustCompile(`\((\d+), (\d+)\)`)
	found := false
	for _, m := range re.FindAllStringSubmatch(detail, -1) {
		page, _ := strconv.Atoi(m[1])
		slots, _ := strconv.Atoi(m[2])
		if slots == 22 {
			continue
		}
		out, err := exec.Command("pdftotext", "-layout", "-f", strconv.Itoa(page+1), "-l", strconv.Itoa(page+1), pdf, "-").Output()
		if err != nil {
			return false
		}
		first := strings.TrimSpace(string(out))
		if !regexp.MustCompile(`^附件\s*\d*\s*(\n|$)`).MatchString(first) {
			return false
		}
		found = true
	}
	return found
}

// asianLatinGaps returns the places where a line of the PDF (as pdftohtml reads it, the way
// the checker does) holds a Latin letter or digit and a hanzi with a space between them
// that the source text does not have: LibreOffice's automatic 1/5 em, which the DOCX asks
// Word to leave out and keeps LibreOffice from adding (lo.go).
func asianLatinGaps(t *testing.T, pdf, source string) []string {
	out, err := exec.Command("pdftohtml", "-xml", "-i", "-zoom", "3", "-stdout", "-q", pdf).Output()
	if err != nil {
		t.Errorf("pdftohtml %s: %v", pdf, err)
		return nil
	}
	line := regexp.MustCompile(`<text[^>]*>(.*?)</text>`)
	tag := regexp.MustCompile(`<[^>]*>`)
	gap := regexp.MustCompile(`[0-9A-Za-z] \p{Han}|\p{Han} [0-9A-Za-z]`)
	var gaps []string
	for _, m := range line.FindAllSubmatch(out, -1) {
		text := html.UnescapeString(tag.ReplaceAllString(string(m[1]), ""))
		for _, g := range gap.FindAllString(text, -1) {
			if !strings.Contains(source, g) {
				gaps = append(gaps, g)
			}
		}
	}
	return gaps
}
