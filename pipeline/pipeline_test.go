package pipeline

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gongwen/check"
	"gongwen/document"
	"gongwen/layout"
	"gongwen/templates"
)

// examples lists the example drafts under examples/.
func examples(t testing.TB) []string {
	files, err := filepath.Glob("../examples/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	return files
}

// TestExampleGenresResolve: the genre id of every example and every template's example names
// a template of the set by its id (not only by a 文种 name or alias).
func TestExampleGenresResolve(t *testing.T) {
	set := templates.Builtins()
	for _, f := range examples(t) {
		doc, err := document.Load(f)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := set.Genre(doc.Genre); !ok {
			t.Errorf("%s: genre %q is no template id", filepath.Base(f), doc.Genre)
		}
	}
	for _, g := range set.Genres() {
		if g.Example == "" {
			continue
		}
		doc, err := document.Parse(g.File, []byte(g.Example))
		if err != nil {
			t.Fatalf("%s: %v", g.File, err)
		}
		if doc.Genre != g.ID {
			t.Errorf("%s: the example's genre is %q, the template's id %q", g.File, doc.Genre, g.ID)
		}
	}
}

func TestGenre(t *testing.T) {
	p := &Pipeline{}
	tests := []struct {
		name, id, genre, title, want string
	}{
		{"the command's --genre wins", "qingshi", "tongzhi", "关于某事的通知", "qingshi"},
		{"--genre by 文种 name", "请示", "", "", "qingshi"},
		{"the document's id", "", "mingling", "", "mingling"},
		{"the document's genre as an alias", "", "令", "", "mingling"},
		{"the title's 文种", "", "", "关于某事的请示", "qingshi"},
		{"the title's 文种 with a note", "", "", "关于某事的请示（代拟稿）", "qingshi"},
		{"nothing matches", "", "", "某事", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := p.Genre(&document.Document{Genre: tt.genre, Title: tt.title}, tt.id)
			got := ""
			if g != nil {
				got = g.ID
			}
			if got != tt.want {
				t.Errorf("genre %q, want %q", got, tt.want)
			}
		})
	}
}

// TestRectificationEverywhere: a 整改方案 draft with items and no attachments gets its plan and
// 整改任务清单 in the preview and in the export alike; the source is left as it is.
func TestRectificationEverywhere(t *testing.T) {
	g, ok := templates.Builtins().Genre("zhenggai")
	if !ok {
		t.Fatal("no zhenggai template")
	}
	doc, err := document.Parse("zhenggai", []byte(g.Example))
	if err != nil {
		t.Fatal(err)
	}
	p := &Pipeline{}
	d := p.Prepare(doc, "")
	if d.Genre == nil || d.Genre.ID != "zhenggai" || d.Ready() != nil {
		t.Fatalf("prepared: genre %v, ready %v", d.Genre, d.Ready())
	}
	if len(doc.Attachments) != 0 || len(d.Doc.Attachments) != 2 || len(d.Doc.AttachmentNotes) != 2 {
		t.Fatalf("source %d attachments, prepared %d (%d notes)", len(doc.Attachments), len(d.Doc.Attachments), len(d.Doc.AttachmentNotes))
	}
	out := p.Run(d, false)
	if out.Err != nil {
		t.Fatal(out.Err)
	}
	var buf bytes.Buffer
	res, err := p.Export(&buf, d, "pdf", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Pages) != len(out.Layout.Pages) || len(res.Pages) < 4 {
		t.Errorf("export %d pages, preview %d (want the attachments: at least 4)", len(res.Pages), len(out.Layout.Pages))
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF")) {
		t.Error("no PDF written")
	}
	// a title that names no plan: the preview goes on and says why, the export refuses
	doc.Title = "关于整改的通知"
	d = p.Prepare(doc, "")
	out = p.Run(d, false)
	if out.Err != nil || len(out.Findings) == 0 || out.Findings[0].Rule != RuleGenerate {
		t.Errorf("preview of a plan without title: err %v, findings %v", out.Err, out.Findings)
	}
	if _, err := p.Export(&buf, d, "pdf", nil); err == nil || !strings.Contains(err.Error(), "整改方案") {
		t.Errorf("export of a plan without title: %v", err)
	}
}

// TestImagesOnce: the seal is read in Prepare; a missing one is reported at its place by
// Ready, the preview goes on without failing the checks.
func TestImagesOnce(t *testing.T) {
	p := &Pipeline{}
	d, err := p.Load("../examples/fujian.yaml", "")
	if err != nil {
		t.Fatal(err)
	}
	if d.Ready() != nil || len(d.Doc.Images) != 1 {
		t.Fatalf("ready %v, %d images", d.Ready(), len(d.Doc.Images))
	}
	res, err := p.Typeset(d, TypesetOptions{})
	if err != nil {
		t.Fatal(err)
	}
	seals := 0
	for _, r := range res.Records {
		if r.Element == layout.ElemSeal && r.Path == "issuers.0.seal" {
			seals++
		}
	}
	if seals != 1 {
		t.Errorf("%d seal records", seals)
	}
	src := d.Source.Clone()
	src.Images = nil
	src.Issuers[0].Seal = "nosuch.png"
	d = p.Prepare(src, "")
	if err := d.Ready(); err == nil || !strings.Contains(err.Error(), "nosuch.png") || !strings.Contains(err.Error(), ":8:") {
		t.Errorf("missing seal: %v", err)
	}
	if out := p.Run(d, false); out.Err == nil || len(out.Findings) == 0 {
		t.Errorf("preview with a missing seal: err %v, %d findings", out.Err, len(out.Findings))
	}
}

func TestTemplateOptionsCatchWrongParameterType(t *testing.T) {
	dir := t.TempDir()
	g, _ := templates.Builtins().Genre("qingshi")
	src, err := g.Source()
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(string(src), "id: qingshi", "id: qingshi-bad", 1)
	bad = strings.Replace(bad, "  up-no-lower-cc: {}", "  up-no-lower-cc:\n    params:\n      lower: 5", 1)
	bad = strings.Replace(bad, "genre: qingshi", "genre: qingshi-bad", 1)
	if err := os.WriteFile(filepath.Join(dir, "bad.yaml"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	set, errs := LoadTemplates(dir)
	if _, ok := set.Genre("qingshi-bad"); ok || len(errs) != 1 || !strings.Contains(errs[0].Error(), `"lower"`) {
		t.Errorf("a template with a wrong parameter type loaded: errors %v", errs)
	}
}

// TestDOCXOfGeneratedPlan: the DOCX of a 整改方案 draft carries the generated task list too.
func TestDOCXOfGeneratedPlan(t *testing.T) {
	g, _ := templates.Builtins().Genre("zhenggai")
	doc, err := document.Parse("zhenggai", []byte(g.Example))
	if err != nil {
		t.Fatal(err)
	}
	p := &Pipeline{}
	var buf bytes.Buffer
	if _, err := p.Export(&buf, p.Prepare(doc, ""), "docx", func(m string) { t.Log(m) }); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name != "word/document.xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(rc)
		rc.Close()
		if !bytes.Contains(body, []byte(templates.RectificationListTitle)) || !bytes.Contains(body, []byte("政府采购程序不规范")) {
			t.Error("the DOCX lacks the generated 整改任务清单")
		}
		return
	}
	t.Fatal("no word/document.xml")
}

// TestGeometryFromRecords: the geometry rules of a pipeline run read that run's Records and
// find what they find when the checker typesets the same document itself; a long title
// that pushes the body off page 1 is found from the records.
func TestGeometryFromRecords(t *testing.T) {
	geo := []string{"layout-page1-body", "layout-signoff-alone", "layout-seal-distance", "layout-banji-even"}
	ids := func(fs []check.Finding) []string {
		var out []string
		for _, f := range fs {
			if slices.Contains(geo, f.Rule) {
				out = append(out, f.Rule+" "+f.Message)
			}
		}
		slices.Sort(out)
		return out
	}
	p := &Pipeline{}
	for _, f := range examples(t) {
		d, err := p.Load(f, "")
		if err != nil {
			t.Fatal(err)
		}
		out := p.Run(d, false)
		if out.Err != nil {
			t.Fatalf("%s: %v", filepath.Base(f), out.Err)
		}
		self := check.Run(d.Doc, d.Genre, check.Options{Layout: true, Only: geo, Knowledge: p.Knowledge})
		if got, want := ids(out.Findings), ids(self); !slices.Equal(got, want) {
			t.Errorf("%s: from the records %v, typeset by the checker %v", filepath.Base(f), got, want)
		}
	}
	d := longTitle(t, p, 36)
	if got := ids(p.Run(d, false).Findings); len(got) == 0 || !strings.HasPrefix(got[0], "layout-page1-body") {
		t.Errorf("a title filling page 1: %v", got)
	}
	// a title longer than page 1 is refused, naming it (issue 12: it ran off the page)
	d = longTitle(t, p, 60)
	if out := p.Run(d, false); out.Err == nil || !strings.Contains(out.Err.Error(), "标题") {
		t.Errorf("a title longer than page 1: err %v", out.Err)
	}
}

// TestCheckLaidOutAsRun: checking on a streaming run's Records (what gwcli check does, holding
// no pages) gives Run's findings, in order, for every example and for a document with a
// layout failure (the title longer than page 1).
func TestCheckLaidOutAsRun(t *testing.T) {
	p := &Pipeline{}
	for _, f := range examples(t) {
		d, err := p.Load(f, "")
		if err != nil {
			t.Fatal(err)
		}
		out := p.Run(d, false)
		got, err := p.CheckLaidOut(d, nil)
		if (err != nil) != (out.Err != nil) {
			t.Fatalf("%s: CheckLaidOut err %v, Run err %v", filepath.Base(f), err, out.Err)
		}
		if !slices.Equal(got, out.Findings) {
			t.Errorf("%s: %d findings from the stream, %d from Run", filepath.Base(f), len(got), len(out.Findings))
		}
	}
	d := longTitle(t, p, 60)
	out := p.Run(d, false)
	got, err := p.CheckLaidOut(d, nil)
	if err == nil || out.Err == nil || err.Error() != out.Err.Error() {
		t.Errorf("a title longer than page 1: CheckLaidOut err %v, Run err %v", err, out.Err)
	}
	if !slices.Equal(got, out.Findings) {
		t.Errorf("a title longer than page 1: %d findings from the stream, %d from Run", len(got), len(out.Findings))
	}
}

// longTitle is examples/tongzhi.yaml with a title of n repeats of a phrase, prepared: 36 fill
// page 1, 60 are longer than it.
func longTitle(t *testing.T, p *Pipeline, n int) *Draft {
	t.Helper()
	d, err := p.Load("../examples/tongzhi.yaml", "")
	if err != nil {
		t.Fatal(err)
	}
	d.Source.Title = "某某市人民政府办公室关于" + strings.Repeat("做好防汛工作", n) + "的通知"
	return p.Prepare(d.Source, "")
}
