package docx

import (
	"sort"
	"strings"

	"gongwen/document"
	"gongwen/layout"
)

// titleLines returns the 标题 broken into lines where the layout engine breaks it (words
// kept whole, lines balanced into a trapezoid), so the DOCX shows the PDF's title shape.
// It returns the title as typed when the engine cannot lay the document out or its
// lines do not spell the title exactly.
func titleLines(doc *document.Document) (s string) {
	s = doc.Title
	if s == "" {
		return s
	}
	defer func() {
		if recover() != nil {
			s = doc.Title
		}
	}()
	pages, err := layout.Typeset(doc, layout.Options{})
	if err != nil || len(pages) == 0 {
		return s
	}
	type piece struct {
		y, x layout.Length
		s    string
	}
	var ps []piece
	for _, t := range pages[0].Texts {
		if t.Element == layout.ElemTitle && len(t.X) > 0 {
			ps = append(ps, piece{t.Y, t.X[0], t.S})
		}
	}
	if len(ps) == 0 {
		return s
	}
	sort.Slice(ps, func(i, j int) bool {
		if ps[i].y != ps[j].y {
			return ps[i].y < ps[j].y
		}
		return ps[i].x < ps[j].x
	})
	var lines []string
	var cur strings.Builder
	for i, p := range ps {
		if i > 0 && p.y != ps[i-1].y {
			lines = append(lines, cur.String())
			cur.Reset()
		}
		cur.WriteString(p.s)
	}
	lines = append(lines, cur.String())
	flat := func(x string) string { return strings.Join(strings.Fields(strings.ReplaceAll(x, "\n", "")), "") }
	if flat(strings.Join(lines, "")) != flat(doc.Title) {
		return s
	}
	return strings.Join(lines, "\n")
}
