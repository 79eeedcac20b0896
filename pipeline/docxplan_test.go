package pipeline

import (
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"gongwen/document"
	"gongwen/export/docx"
	"gongwen/layout"
	"gongwen/templates"
)

// planInput is a draft of the equivalence tests: an example or a template's example.
type planInput struct {
	name string
	doc  *document.Document
}

// planInputs returns every example and every built-in template's example.
func planInputs(t *testing.T) []planInput {
	var out []planInput
	for _, f := range examples(t) {
		doc, err := document.Load(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, planInput{strings.TrimSuffix(filepath.Base(f), ".yaml"), doc})
	}
	for _, g := range templates.Builtins().Genres() {
		if g.Example == "" {
			continue
		}
		doc, err := document.Parse(g.File, []byte(g.Example))
		if err != nil {
			t.Fatalf("%s: %v", g.File, err)
		}
		out = append(out, planInput{"template-" + g.ID, doc})
	}
	return out
}

// planKey is a line where a page shows it: page, start and baseline (in µm), text.
func planKey(page int, x, y layout.Length, text string) string {
	return fmt.Sprintf("p%d x%d y%d %s", page+1, x, y, text)
}

// docxPlan writes the prepared draft as the pipeline's DOCX export does (its own typesetting
// run, the pipeline's fonts; the fonts are not embedded, which changes no line) and returns
// the writer's page plan.
func docxPlan(t *testing.T, p *Pipeline, d *Draft) []docx.PlanLine {
	res, err := p.Typeset(d, TypesetOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var plan []docx.PlanLine
	opts := p.docxOptions(res, func(m string) { t.Log(m) })
	opts.NoEmbed = true
	opts.Plan = func(l docx.PlanLine) { plan = append(plan, l) }
	if err := docx.Write(io.Discard, d.Doc, opts); err != nil {
		t.Fatal(err)
	}
	return plan
}

// planElements are the elements whose every line the DOCX writer breaks by the engine's
// lines: their lines must all be in the plan.
var planElements = map[layout.Element]bool{
	layout.ElemTitle: true, layout.ElemBody: true, layout.ElemHeading1: true, layout.ElemHeading2: true,
	layout.ElemAttachNotes: true, layout.ElemCC: true, layout.ElemTable: true, layout.ElemTitleNote: true,
}

// TestDOCXPagePlanEquivalence: for every example and every template's example, the DOCX
// writer's page plan (the lines it breaks paragraphs into, on the engine's pages and
// positions) matches the app's preview (Run with the trainer's boxes): the same page count,
// and every planned line is a line of the preview with the same text at the same page and
// position (a label the writer puts before it, 抄送：, a line of the preview on the same
// baseline left of it), and every line of the preview's title, 题注, 正文, headings, 附件说明, tables and
// 抄送 is planned.
func TestDOCXPagePlanEquivalence(t *testing.T) {
	p := &Pipeline{}
	inputs := planInputs(t)
	if len(inputs) < 20 {
		t.Fatalf("only %d inputs", len(inputs))
	}
	total := 0
	for _, in := range inputs {
		t.Run(in.name, func(t *testing.T) {
			d := p.Prepare(in.doc, "")
			if err := d.Ready(); err != nil {
				t.Fatal(err)
			}
			app := p.Run(d, true)
			if app.Err != nil {
				t.Fatal(app.Err)
			}
			preview := map[string]bool{}
			labels := map[string]layout.Length{} // page, baseline and text of a line -> its start

			want := map[string]bool{} // the lines the plan must hold
			byPath := map[string]int{}
			for _, r := range app.Layout.Records {
				for _, l := range r.Lines {
					k := planKey(r.Page, l.X, l.Y, l.Text)
					preview[k] = true
					labels[planKey(r.Page, 0, l.Y, l.Text)] = l.X
					if planElements[r.Element] && strings.TrimSpace(l.Text) != "" {
						want[r.Path+" "+k] = true
						byPath[r.Path]++
					}
				}
			}
			plan := docxPlan(t, p, d)
			if len(plan) == 0 {
				t.Fatal("empty page plan")
			}
			pages := 0
			got := map[string]bool{}
			for _, l := range plan {
				pages = max(pages, l.Page+1)
				k := planKey(l.Page, l.X, l.Y, l.Text)
				got[l.Path+" "+k] = true
				if !preview[k] {
					t.Errorf("DOCX plans %s %s; the preview has no such line", l.Path, k)
				}
				if l.Label != "" {
					x, ok := labels[planKey(l.Page, 0, l.Y, l.Label)]
					if !ok || x >= l.X {
						t.Errorf("DOCX plans %s %s after the label %q; the preview has no such label left of it", l.Path, k, l.Label)
					}
					got[" "+planKey(l.Page, x, l.Y, l.Label)] = true // the label's own record has no path
				}
			}
			if n := len(app.Layout.Pages); pages != n && !(pages == n-1 && app.Layout.Pages[n-1].Blank) {
				t.Errorf("the DOCX plan has %d pages, the preview %d", pages, n)
			}
			var missing []string
			for k := range want {
				if !got[k] {
					missing = append(missing, k)
				}
			}
			sort.Strings(missing)
			for _, k := range missing {
				t.Errorf("the DOCX plan lacks the preview's line %s", k)
			}
			total += len(plan)
			t.Logf("%d pages, %d planned lines, %d elements", len(app.Layout.Pages), len(plan), len(byPath))
		})
	}
	t.Logf("%d inputs, %d planned lines", len(inputs), total)
}
