package layout

import (
	"gongwen/document"
)

// Simple ruled tables (e.g. the 整改任务清单 of a 整改方案): a header row in 黑体, cells in
// 4号 仿宋 wrapped inside their column, black rules; a table split across pages repeats its
// header.

var (
	tableRule = Mm(0.25)
	tablePadX = Mm(1.5)
	tablePadY = Mm(1.5)
)

// tableLineStep is the distance between the lines inside a cell.
func tableLineStep(size Length) Length { return size * 135 / 100 }

// table appends the rows of t to the flow.
func (s *setter) table(t *document.Table) {
	cols := len(t.Header)
	for _, r := range t.Rows {
		if len(r) > cols {
			cols = len(r)
		}
	}
	if cols == 0 {
		return
	}
	xs := make([]Length, cols+1)
	xs[0] = MarginLeft
	if len(t.Widths) > 0 {
		ws := make([]float64, cols)
		sum := 0.0
		for i := range ws {
			ws[i] = 1
			if i < len(t.Widths) && t.Widths[i] > 0 {
				ws[i] = t.Widths[i]
			}
			sum += ws[i]
		}
		acc := 0.0
		for i := range ws {
			acc += ws[i]
			xs[i+1] = MarginLeft + Length(float64(BodyWidth)*acc/sum)
		}
	} else {
		ws := s.columnWidths(t, cols, BodyWidth)
		for i, w := range ws {
			xs[i+1] = xs[i] + w
		}
		xs[cols] = MarginLeft + BodyWidth
	}
	var header *row
	if len(t.Header) > 0 {
		r := s.tableRow(t.Header, xs, Hei, true)
		r.isHeader = true
		s.rows = append(s.rows, r)
		header = &s.rows[len(s.rows)-1]
		// keep a stable copy: s.rows may grow and move
		hc := r
		header = &hc
		s.rows[len(s.rows)-1].header = header
	}
	for i, cells := range t.Rows {
		r := s.tableRow(cells, xs, FangSong, false)
		r.header = header
		if hh := headerHeight(header); hh+r.height > BodyHeight && s.err == nil {
			// a row is never split: one taller than a page would run off its bottom
			s.err = fitErrorf("表格第 %d 行高于一页（“%s”），一页排不下：请把该行的内容分成几行，或移到附件正文中 (a table row is taller than a page)", i+1, cellStart(cells))
		}
		s.rows = append(s.rows, r)
	}
}

// headerHeight is the height of a table's header row (0 when none).
func headerHeight(h *row) Length {
	if h == nil {
		return 0
	}
	return h.height
}

// cellStart is the start of a row's longest cell, to name the row in a message.
func cellStart(cells []string) string {
	long := ""
	for _, c := range cells {
		if len([]rune(c)) > len([]rune(long)) {
			long = c
		}
	}
	if rs := []rune(long); len(rs) > 12 {
		return string(rs[:12]) + "……"
	}
	return long
}

// shortCell is the length (in characters) up to which a cell's text counts as a short phrase
// (a date, a name, a deadline) that should not wrap while another column has room.
const shortCell = 12

// columnWidths sizes the columns of a table without declared widths from their content, as
// automatic table layout does: each column has a minimum width (its longest unbreakable run,
// or its whole text when that is a short phrase such as 2024年6月30日) and a preferred width (its
// widest cell on one line). Columns get their preferred widths when these fit, and the room
// over the minimums is shared in proportion to what each column still wants when they do not.
func (s *setter) columnWidths(t *document.Table, cols int, avail Length) []Length {
	minW := make([]Length, cols)
	hardMin := make([]Length, cols)
	pref := make([]Length, cols)
	measure := func(cells []string, role Role) {
		for c, text := range cells {
			if c >= cols {
				break
			}
			rs := []rune(text)
			if len(rs) == 0 {
				continue
			}
			adv := make([]Length, len(rs))
			var total Length
			for i, r := range rs {
				adv[i] = s.glyphOf(r, role, Hao(4), Black, ElemTable).adv
				total += adv[i]
			}
			ok := make([]bool, len(rs))
			breakOpportunities(rs, ok)
			var run, longest Length
			for i := range rs {
				if ok[i] {
					run = 0
				}
				run += adv[i]
				longest = max(longest, run)
			}
			pad := 2 * tablePadX
			hardMin[c] = max(hardMin[c], longest+pad)
			if len(rs) <= shortCell {
				minW[c] = max(minW[c], total+pad)
			} else {
				minW[c] = max(minW[c], longest+pad)
			}
			pref[c] = max(pref[c], total+pad)
		}
	}
	measure(t.Header, Hei)
	for _, r := range t.Rows {
		measure(r, FangSong)
	}
	sum := func(ws []Length) Length {
		var t Length
		for _, w := range ws {
			t += w
		}
		return t
	}
	if sum(minW) > avail {
		minW = hardMin
	}
	out := make([]Length, cols)
	switch sp, sm := sum(pref), sum(minW); {
	case sp <= avail:
		// everything fits on one line: share the rest in proportion to the preferred widths
		for c := range out {
			out[c] = pref[c]
			if sp > 0 {
				out[c] += (avail - sp) * pref[c] / sp
			}
		}
	case sm >= avail:
		for c := range out {
			out[c] = avail / Length(cols)
			if sm > 0 {
				out[c] = avail * minW[c] / sm
			}
		}
	default:
		for c := range out {
			out[c] = minW[c] + (avail-sm)*(pref[c]-minW[c])/(sp-sm)
		}
	}
	return out
}

// tableRow sets one row of cells between the column edges xs.
func (s *setter) tableRow(cells []string, xs []Length, role Role, centre bool) row {
	sz := Hao(4)
	step := tableLineStep(sz)
	var all []glyph
	maxLines := 1
	type cell struct{ lines [][]glyph }
	cs := make([]cell, len(xs)-1)
	for c := 0; c < len(xs)-1; c++ {
		if c >= len(cells) {
			continue
		}
		left, right := xs[c]+tablePadX, xs[c+1]-tablePadX
		elem := ElemTable
		p := plain(cells[c], role, elem)
		p.size = sz
		p.left, p.width = left, right-left
		p.justify = false
		lines := s.lines(p)
		one := len(lines) == 1
		for _, ln := range lines {
			if centre || one && xs[c+1]-xs[c] <= Mm(32) {
				place(ln, (left+right)/2-width(ln)/2)
			}
		}
		cs[c].lines = lines
		if len(lines) > maxLines {
			maxLines = len(lines)
		}
	}
	h := 2*tablePadY + Length(maxLines)*step
	for c := range cs {
		// centre the cell's lines vertically
		off := (Length(maxLines-len(cs[c].lines)) * step) / 2
		for i, ln := range cs[c].lines {
			for k := range ln {
				ln[k].dy = tablePadY + off + Length(i)*step + (step-sz)/2 + emAscent(sz)
			}
			all = append(all, ln...)
		}
	}
	r := row{glyphs: all, height: h}
	left, right := xs[0], xs[len(xs)-1]
	r.rules = append(r.rules,
		Rule{Element: ElemTable, X0: left, Y0: 0, X1: right, Y1: 0, Width: tableRule, Color: Black},
		Rule{Element: ElemTable, X0: left, Y0: h, X1: right, Y1: h, Width: tableRule, Color: Black})
	for _, x := range xs {
		r.rules = append(r.rules, Rule{Element: ElemTable, X0: x, Y0: 0, X1: x, Y1: h, Width: tableRule, Color: Black})
	}
	if s.opts.Explain && role == Hei {
		r.boxes = append(r.boxes, Box{Element: ElemTable, X: left, Y: 0, W: right - left, H: h, Label: "表格 · 表头黑体，跨页时重复表头"})
	}
	return r
}
