package docx

import (
	"math"
	"sort"
	"strings"

	"gongwen/document"
	"gongwen/layout"
)

// titleLines returns the 标题 broken into lines where the layout engine breaks it (words
// kept whole, lines balanced into a trapezoid), so the DOCX shows the PDF's title shape.
// It returns the title as typed when the engine cannot lay the document out or its
// lines do not spell the title exactly.
func titleLines(doc *document.Document, pages []layout.Page) string {
	return engineLines(doc.Title, layout.ElemTitle, pages)
}

// engineLines returns text (an element set centred on page 1: the 标题 or the 题注) broken
// into the lines the layout engine set it on, or text as typed when the engine's lines do
// not spell it exactly.
func engineLines(text string, el layout.Element, pages []layout.Page) (s string) {
	s = text
	if s == "" || len(pages) == 0 {
		return s
	}
	type piece struct {
		y, x layout.Length
		s    string
	}
	var ps []piece
	for _, t := range pages[0].Texts {
		if t.Element == el && len(t.X) > 0 {
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
	if flat(strings.Join(lines, "")) != flat(text) {
		return s
	}
	return strings.Join(lines, "\n")
}

// typeset lays the document out with the layout engine, whose pagination the DOCX
// follows where Word cannot decide by itself (the title's line breaks, the 版记's page);
// nil when the engine fails.
func typeset(doc *document.Document) (pages []layout.Page) {
	defer func() {
		if recover() != nil {
			pages = nil
		}
	}()
	pages, err := layout.Typeset(doc, layout.Options{})
	if err != nil {
		return nil
	}
	return pages
}

// banjiAlone reports whether the layout engine puts the 版记 on a page of its own (an even
// page after the text), and whether a blank page precedes that page.
func (b *builder) banjiAlone() (alone, blankBefore bool) {
	for k := len(b.pages) - 1; k >= 0; k-- {
		banji, body := false, false
		for _, t := range b.pages[k].Texts {
			switch t.Element {
			case layout.ElemCC, layout.ElemPrint, layout.ElemBanjiRule:
				banji = true
			case layout.ElemPageNumber:
			default:
				body = true
			}
		}
		if banji {
			return !body && k > 0, k > 0 && b.pages[k-1].Blank
		}
	}
	return false, false
}

// hasBanji reports whether the document has a 版记 to write.
func (b *builder) hasBanji() bool {
	d := b.doc
	return d.CC != "" || (d.RecipientsInBanji && d.Recipients != "") ||
		(d.Format != document.FormatLetter && (d.Printer != "" || d.PrintDate != ""))
}

// markSizeFor is the size in points of a one-line 发文机关标志: the layout engine's when it
// typeset the same text, else markSize's estimate.
func (b *builder) markSizeFor(text string) float64 {
	if len(b.pages) > 0 {
		var sb strings.Builder
		size := 0.0
		for _, t := range b.pages[0].Texts {
			if t.Element == layout.ElemMark {
				sb.WriteString(t.S)
				size = max(size, t.Size.Pt())
			}
		}
		if size > 0 && sb.String() == text {
			return math.Round(size*2) / 2
		}
	}
	return markSize(text)
}

// firstTextSlot is the line of the page grid (0 = the 版心's first line) on which the layout
// engine starts the text after the 版头 and title on page 1 (主送 or 正文).
func (b *builder) firstTextSlot() (int, bool) {
	if len(b.pages) == 0 {
		return 0, false
	}
	first := layout.Length(-1)
	for _, t := range b.pages[0].Texts {
		switch t.Element {
		case layout.ElemRecipients, layout.ElemBody, layout.ElemHeading1, layout.ElemHeading2:
			if first < 0 || t.Y < first {
				first = t.Y
			}
		}
	}
	if first < 0 {
		return 0, false
	}
	slot := int((first - layout.MarginTop) / layout.Mm(225.0/22))
	return slot, slot > 0 && slot < 22
}
