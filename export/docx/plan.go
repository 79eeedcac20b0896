package docx

import (
	"strings"

	"gongwen/layout"
)

// PlanLine is one line of the DOCX writer's page plan: a line of a paragraph the writer
// breaks where the layout engine broke the element (the 标题, 题注, 正文, 附件说明, table
// cells, 抄送 …), with the page and position of the engine's line it follows. The
// equivalence test compares the plan with the preview's lines (pipeline).
type PlanLine struct {
	// Path is the element's document.Field path.
	Path string
	// Page is the engine's page (0-based) of the line; -1 when the writer found no line of
	// the engine's to follow and wrote the text as typed.
	Page int
	// X and Y are the start and baseline of the engine's line the DOCX line follows.
	X, Y layout.Length
	// Text is what the writer puts on the line after Label.
	Text string
	// Label is a label the writer puts before Text on the first line (抄送：, 附件：1.), which
	// the engine sets as a line of its own on the same baseline, left of X.
	Label string
}

// linePages returns the engine's page of each line of path's records, in the order of
// plan.lines (firstLines is its beginning).
func (p *plan) linePages(path string) []int {
	var pages []int
	for _, r := range p.held(path) {
		for range r.Lines {
			pages = append(pages, r.Page)
		}
	}
	return pages
}

// planned hands the writer's lines of path to Options.Plan: lines[i] follows the engine's
// line ls[first+i]; a line without an engine's line gets page -1. The first label runes of
// the first line are a label the engine sets apart (Label).
func (b *builder) planned(path string, ls []layout.RecordLine, first int, lines []string, label int) {
	if b.onLine == nil {
		return
	}
	pages := b.plan.linePages(path)
	for i, text := range lines {
		pl := PlanLine{Path: path, Page: -1, Text: text}
		if i == 0 && label > 0 && label <= len([]rune(text)) {
			pl.Label, pl.Text = string([]rune(text)[:label]), string([]rune(text)[label:])
		}
		if k := first + i; k < len(ls) && k < len(pages) {
			pl.Page, pl.X, pl.Y = pages[k], ls[k].X, ls[k].Y
		}
		b.onLine(pl)
	}
}

// plannedRepeats hands to Options.Plan the lines of a table header cell the engine repeats
// at the top of each further page of the table, which the DOCX repeats as its header row
// (w:tblHeader).
func (b *builder) plannedRepeats(path string) {
	if b.onLine == nil {
		return
	}
	rs := b.plan.records(path) // all of them: the table's pages are held while its header is written
	for _, r := range rs[min(1, len(rs)):] {
		for _, l := range r.Lines {
			b.onLine(PlanLine{Path: path, Page: r.Page, X: l.X, Y: l.Y, Text: l.Text})
		}
	}
}

// typedLines splits text written as it is into the lines the DOCX shows (a typed line
// break is a break in the DOCX too).
func typedLines(text string) []string { return strings.Split(text, "\n") }
