package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"gongwen/check"
	"gongwen/document"
	"gongwen/export/png"
	"gongwen/layout"
	"gongwen/pipeline"
	"gongwen/templates"
)

// equivInputs are the drafts the equivalence test runs: every example, and every built-in
// template's example written out as a draft.
func equivInputs(t *testing.T) []string {
	root := expRepoRoot(t)
	files, _ := filepath.Glob(filepath.Join(root, "examples", "*.yaml"))
	if len(files) == 0 {
		t.Fatal("no examples")
	}
	dir := t.TempDir()
	for _, g := range templates.Builtins().Genres() {
		if g.Example == "" {
			continue
		}
		f := filepath.Join(dir, "template-"+g.ID+".yaml")
		if err := os.WriteFile(f, []byte(g.Example), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	return files
}

// appRun is what the app's preview does with a draft it opened: the model resolves the
// genre, the analysis runs pipeline.Run with the trainer's boxes (app/preview.go analyse).
func appRun(t *testing.T, file string) (*pipeline.Pipeline, *pipeline.Output) {
	doc, err := document.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	p := newPipeline(layout.DefaultFonts())
	out := p.Run(p.PrepareAs(doc, p.Genre(doc, "")), true)
	if out.Err != nil {
		t.Fatal(out.Err)
	}
	return p, out
}

// pdfWord is a word of pdftotext -bbox, in points from the page's top-left.
type pdfWord struct {
	Text                   string
	XMin, YMin, XMax, YMax float64
}

// pdfWords reads the words of every page of a PDF with their boxes.
func pdfWords(t *testing.T, path string) [][]pdfWord {
	out, err := exec.Command("pdftotext", "-bbox", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	var doc struct {
		Pages []struct {
			Words []struct {
				Text string  `xml:",chardata"`
				XMin float64 `xml:"xMin,attr"`
				YMin float64 `xml:"yMin,attr"`
				XMax float64 `xml:"xMax,attr"`
				YMax float64 `xml:"yMax,attr"`
			} `xml:"word"`
		} `xml:"body>doc>page"`
	}
	dec := xml.NewDecoder(bytes.NewReader(out))
	dec.Strict = false
	dec.AutoClose = xml.HTMLAutoClose
	dec.Entity = xml.HTMLEntity
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("pdftotext output: %v", err)
	}
	pages := make([][]pdfWord, len(doc.Pages))
	for i, p := range doc.Pages {
		for _, w := range p.Words {
			pages[i] = append(pages[i], pdfWord{w.Text, w.XMin, w.YMin, w.XMax, w.YMax})
		}
	}
	return pages
}

func noSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u3000' {
			return -1
		}
		return r
	}, s)
}

// printedAt returns the text the PDF prints inside a record line's box (its em box, the
// width of the line and 1 pt either side), words left to right.
func printedAt(words []pdfWord, ln layout.RecordLine, size layout.Length) string {
	top := (ln.Y - size*88/100).Pt()
	bottom := top + size.Pt()
	left, right := ln.X.Pt()-1, (ln.X+ln.W).Pt()+1
	var in []pdfWord
	for _, w := range words {
		cy := (w.YMin + w.YMax) / 2
		if cy >= top && cy <= bottom && w.XMax > left && w.XMin < right {
			in = append(in, w)
		}
	}
	sort.Slice(in, func(i, j int) bool { return in[i].XMin < in[j].XMin })
	var b strings.Builder
	for _, w := range in {
		b.WriteString(w.Text)
	}
	return noSpace(b.String())
}

// TestPipelineEquivalence: for every example and every template's example, `gwcli export`
// to PDF and to PNG and `gwcli check --layout` agree with the app's preview (pipeline.Run):
// the same number of pages; every line of every layout Record printed in the PDF inside its
// line's box; each PNG page byte for byte the preview's page painted at the same resolution;
// the same findings in the same order.
func TestPipelineEquivalence(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext is missing (apt-get install poppler-utils); CI=true requires it")
		}
		t.Skip("pdftotext is missing (apt-get install poppler-utils)")
	}
	for _, file := range equivInputs(t) {
		name := strings.TrimSuffix(filepath.Base(file), ".yaml")
		t.Run(name, func(t *testing.T) {
			p, app := appRun(t, file)
			pages, recs := app.Layout.Pages, app.Layout.Records
			dir := t.TempDir()

			// PDF: page count, and each record line's text where layout put it
			pdfPath := filepath.Join(dir, "out.pdf")
			var stdout, stderr bytes.Buffer
			if code := run([]string{"export", "-o", pdfPath, file}, &stdout, &stderr); code != 0 {
				t.Fatalf("gwcli export: exit %d: %s", code, stderr.String())
			}
			words := pdfWords(t, pdfPath)
			if len(words) != len(pages) {
				t.Fatalf("gwcli export: %d PDF pages, the preview %d", len(words), len(pages))
			}
			lines := 0
			for _, r := range recs {
				for _, ln := range r.Lines {
					want := noSpace(ln.Text)
					if want == "" {
						continue
					}
					lines++
					if got := printedAt(words[r.Page], ln, r.Size); !strings.Contains(got, want) {
						t.Errorf("page %d %s %q: the PDF prints %q in its box", r.Page+1, r.Path, want, got)
					}
				}
			}
			if lines == 0 {
				t.Fatal("no record lines")
			}

			// PNG: every page the same picture as the preview's page painted alike
			pngPath := filepath.Join(dir, "out.png")
			stdout.Reset()
			stderr.Reset()
			if code := run([]string{"export", "--dpi", "40", "-o", pngPath, file}, &stdout, &stderr); code != 0 {
				t.Fatalf("gwcli export png: exit %d: %s", code, stderr.String())
			}
			for i := range pages {
				f := pngPath
				if len(pages) > 1 {
					f = filepath.Join(dir, fmt.Sprintf("out-%d.png", i+1))
				}
				got, err := os.ReadFile(f)
				if err != nil {
					t.Fatalf("page %d: %v", i+1, err)
				}
				img, err := p.RenderPNG(pages[i], 40, false)
				if err != nil {
					t.Fatal(err)
				}
				var want bytes.Buffer
				if err := png.Encode(&want, img); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, want.Bytes()) {
					t.Errorf("page %d: gwcli's PNG differs from the preview's page", i+1)
				}
			}
			if _, err := os.Stat(filepath.Join(dir, fmt.Sprintf("out-%d.png", len(pages)+1))); err == nil {
				t.Errorf("gwcli wrote more PNG pages than the preview has (%d)", len(pages))
			}

			// findings: gwcli check --json by default (and with the old --layout) and the
			// preview's, the geometry rules included; --no-layout leaves only those out
			for _, args := range [][]string{{"check", "--json", file}, {"check", "--json", "--layout", file}} {
				stdout.Reset()
				stderr.Reset()
				run(args, &stdout, &stderr)
				var cli []jsonFinding
				if err := json.Unmarshal(stdout.Bytes(), &cli); err != nil {
					t.Fatalf("gwcli %s: %v: %s %s", strings.Join(args[:len(args)-1], " "), err, stdout.String(), stderr.String())
				}
				if got, want := findingKeys(cli), appKeys(app.Findings); got != want {
					t.Errorf("findings differ\ngwcli %s:\n%s\npreview:\n%s", strings.Join(args[:len(args)-1], " "), got, want)
				}
			}
			stdout.Reset()
			stderr.Reset()
			run([]string{"check", "--json", "--no-layout", file}, &stdout, &stderr)
			var fast []jsonFinding
			if err := json.Unmarshal(stdout.Bytes(), &fast); err != nil {
				t.Fatalf("gwcli check --json --no-layout: %v: %s %s", err, stdout.String(), stderr.String())
			}
			var noGeo []check.Finding
			for _, f := range app.Findings {
				if !strings.HasPrefix(f.Rule, "layout-") {
					noGeo = append(noGeo, f)
				}
			}
			if got, want := findingKeys(fast), appKeys(noGeo); got != want {
				t.Errorf("--no-layout: findings differ from the preview's without the layout rules\ngwcli:\n%s\npreview:\n%s", got, want)
			}
		})
	}
}

func findingKeys(fs []jsonFinding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "%s %s %d:%d %s\n", f.Rule, f.Severity, f.Line, f.Column, f.Message)
	}
	return b.String()
}

func appKeys(fs []check.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "%s %s %d:%d %s\n", f.Rule, f.Severity, f.Line, f.Column, f.Message)
	}
	return b.String()
}

// TestFixAllEquivalence: the app's 一键修正 (check.FixAll on the preview's findings) and
// `gwcli fix` give the same document, table cells included.
func TestFixAllEquivalence(t *testing.T) {
	draft := `version: 1
genre: tongzhi
format: file
direction: down
issuers:
  - name: 江城市人民政府
mark_suffix: 文件
number: 江政发[2024]5号
title: 江城市人民政府关于做好防汛工作的通知
recipients: 各区县人民政府，市政府各部门
body:
  - 汛期将至,各地要立即组织开展汛前检查,发现隐患及时整改。
attachment_notes:
  - 任务清单
sign_off: noseal
date: 2024年1月5日
attachments:
  - title: 任务清单
    table:
      header: [序号, 任务]
      rows:
        - ["1", "检查水库,堤防"]
cc: 市委办公室,市人大常委会办公室
printer: 江城市人民政府办公室
print_date: 2024年1月5日
`
	dir := t.TempDir()
	in := filepath.Join(dir, "in.yaml")
	if err := os.WriteFile(in, []byte(draft), 0o644); err != nil {
		t.Fatal(err)
	}
	_, app := appRun(t, in)
	doc := app.Draft.Source
	n := check.FixAll(doc, app.Findings)
	if n < 4 {
		t.Fatalf("the app's fix-all applied %d fixes; the draft has more mechanical problems", n)
	}
	want, err := document.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(want), "检查水库，堤防") {
		t.Errorf("the table cell was not fixed:\n%s", want)
	}
	out := filepath.Join(dir, "out.yaml")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"fix", "-o", out, in}, &stdout, &stderr); code != 0 {
		t.Fatalf("gwcli fix: exit %d: %s", code, stderr.String())
	}
	fixed, err := document.Load(out)
	if err != nil {
		t.Fatal(err)
	}
	got, err := document.Marshal(fixed)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("gwcli fix:\n%s\nthe app's fix-all:\n%s", got, want)
	}
}

// TestCheckLayoutEquivalence: a draft the layout rules object to (a title so long that the
// body leaves page 1) gets the same findings, the layout rule among them, from a default
// `gwcli check --json` as from the app's preview; --no-layout leaves the layout rule out.
func TestCheckLayoutEquivalence(t *testing.T) {
	doc, err := document.Load(filepath.Join(expRepoRoot(t), "examples", "tongzhi.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	doc.Title = "某某市人民政府办公室关于" + strings.Repeat("做好防汛工作", 36) + "的通知" // fits page 1 (a longer one is refused)
	data, err := document.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "long-title.yaml")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	_, app := appRun(t, file)
	if !strings.Contains(appKeys(app.Findings), "layout-page1-body") {
		t.Fatalf("the preview does not find layout-page1-body:\n%s", appKeys(app.Findings))
	}
	checkJSON := func(args ...string) []jsonFinding {
		var stdout, stderr bytes.Buffer
		run(append(append([]string{"check", "--json"}, args...), file), &stdout, &stderr)
		var fs []jsonFinding
		if err := json.Unmarshal(stdout.Bytes(), &fs); err != nil {
			t.Fatalf("gwcli check --json %v: %v: %s %s", args, err, stdout.String(), stderr.String())
		}
		return fs
	}
	if got, want := findingKeys(checkJSON()), appKeys(app.Findings); got != want {
		t.Errorf("findings differ\ngwcli check:\n%s\npreview:\n%s", got, want)
	}
	if got := findingKeys(checkJSON("--no-layout")); strings.Contains(got, "layout-page1-body") {
		t.Errorf("--no-layout ran the layout rules:\n%s", got)
	}
}
