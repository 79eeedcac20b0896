package app

import (
	"strings"
	"testing"

	"gongwen/document"
	"gongwen/layout"
)

// TestLabelsDoNotOverlap: on every page of every example, at 60 %, 100 % and 170 %, the
// labels of 讲解模式 sit in the columns beside the page, none overlapping another, in the
// order of their boxes, each labelled box has one, and they stay on the page's height.
func TestLabelsDoNotOverlap(t *testing.T) {
	for _, name := range []string{"qingshi.yaml", "changqi.yaml", "han.yaml", "ling.yaml", "jiyao.yaml", "lianhe.yaml"} {
		doc, err := document.Load(examplePath(t, name))
		if err != nil {
			t.Fatal(err)
		}
		pages, err := layout.Typeset(doc, layout.Options{Fonts: currentFonts(), Explain: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, zoom := range []float32{0.6, 1, 1.7} {
			scale := unitsPerMm * zoom
			pageH := float32(layout.PageHeight.Mm()) * scale
			for pi, pg := range pages {
				labels := placeLabels(pg.Boxes, scale, pageH)
				labelled := map[int]bool{}
				for _, l := range labels {
					labelled[l.Box] = true
					if l.Y < 0 || l.Y+labelHeight > pageH {
						t.Errorf("%s p%d @%.0f%%: label %q at %.0f runs off the page (height %.0f)", name, pi+1, zoom*100, l.Text, l.Y, pageH)
					}
				}
				for i, a := range labels {
					for _, b := range labels[i+1:] {
						if a.Left == b.Left && a.Y < b.Y+labelHeight && b.Y < a.Y+labelHeight {
							t.Errorf("%s p%d @%.0f%%: labels %q and %q overlap", name, pi+1, zoom*100, a.Text, b.Text)
						}
						if a.Left == b.Left && a.Wants < b.Wants && a.Y > b.Y {
							t.Errorf("%s p%d @%.0f%%: labels %q and %q out of order", name, pi+1, zoom*100, a.Text, b.Text)
						}
					}
				}
				last := ""
				for i, b := range pg.Boxes {
					if b.Label != "" && b.Label != last && !labelled[i] {
						t.Errorf("%s p%d: box %s has no label", name, pi+1, b.Label)
					}
					if b.Label != "" {
						last = b.Label
					}
				}
			}
		}
	}
}

func TestStackCrowdedColumn(t *testing.T) {
	// 40 labels that all want the same place on a short page: in order, no overlap
	var col []*placedLabel
	for i := 0; i < 40; i++ {
		col = append(col, &placedLabel{Wants: 100})
	}
	stack(col, 300)
	for i := 1; i < len(col); i++ {
		if col[i].Y < col[i-1].Y+labelHeight {
			t.Fatalf("labels %d and %d overlap: %.0f %.0f", i-1, i, col[i-1].Y, col[i].Y)
		}
	}
	// three near the bottom go back up onto the page
	col = []*placedLabel{{Wants: 290}, {Wants: 295}, {Wants: 299}}
	stack(col, 300)
	if col[2].Y+labelHeight > 300 || col[0].Y < 0 {
		t.Errorf("bottom labels: %.0f %.0f %.0f", col[0].Y, col[1].Y, col[2].Y)
	}
}

// TestMeasures: clicking an element shows its clause and the measured value beside the
// standard's, as the example lays them out.
func TestMeasures(t *testing.T) {
	doc, err := document.Load(examplePath(t, "qingshi.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	pages, err := layout.Typeset(doc, layout.Options{Fonts: currentFonts(), Explain: true})
	if err != nil {
		t.Fatal(err)
	}
	want := map[layout.Element][]string{
		layout.ElemMark:       {"7.2.4", "35.0 mm", "标准 35 mm", "上边缘至版心上边缘为35 mm"},
		layout.ElemSeparator:  {"7.2.7", "4.0 mm", "标准 4 mm"},
		layout.ElemPageNumber: {"7.5", "7.0 mm", "标准 7 mm"},
		layout.ElemTitle:      {"7.3.1", "2.0 行"},
	}
	seen := map[layout.Element]bool{}
	for _, b := range pages[0].Boxes {
		ws, ok := want[b.Element]
		if !ok || seen[b.Element] {
			continue
		}
		seen[b.Element] = true
		d := explainDetail(b, pages[0].Boxes, doc.Format)
		for _, w := range ws {
			if !strings.Contains(d, w) {
				t.Errorf("%s: detail lacks %q:\n%s", b.Element, w, d)
			}
		}
	}
	for e := range want {
		if !seen[e] {
			t.Errorf("no box for %s on page 1", e)
		}
	}
}

// TestClickToParagraph: clicking a paragraph's box in 讲解模式 puts the cursor on that
// paragraph of the 正文 field (layout's records give the paragraph).
func TestClickToParagraph(t *testing.T) {
	h := newHarness(t)
	h.u.OpenPath(examplePath(t, "qingshi.yaml"))
	h.settle()
	pv := h.u.ed.pv
	pv.explain.SetChecked(true)
	var body []layout.Box
	for _, b := range pv.cur().boxes {
		if b.Element == layout.ElemBody || b.Element == layout.ElemHeading1 {
			body = append(body, b)
		}
	}
	if len(body) < 2 {
		t.Fatalf("%d body boxes on page 1", len(body))
	}
	b := body[1]
	path := pv.boxPath(b)
	if topPath(path) != "body" || pathIndex(path) < 1 {
		t.Fatalf("the second paragraph's box is %q", path)
	}
	pv.boxTapped(b)
	e := h.u.ed.fields["body"].entry
	if h.u.Win.Canvas().Focused() != e {
		t.Fatal("the 正文 field is not focused")
	}
	if want := lineOfItem(e.Text, pathIndex(path)); e.CursorRow != want {
		t.Errorf("cursor on row %d, want %d (%s)", e.CursorRow, want, path)
	}
}
