package layout

// The 28-a-line grid (5.2.3): every full-width character of a 正文 line takes one cell. Two
// things would put characters off the grid or space them unevenly, and are set right here:
//
//   - Punctuation that a face draws narrower than a cell (LXGW WenKai, the bundled 楷体, has
//     “ ” ‘ ’ and · 0.35 em wide; several faces have a narrow ·) takes a whole cell in every
//     face, as in the body's 仿宋: an opening quote flush right in its cell, a closing one
//     flush left, a middle dot centred (fullCell, applied in setter.resolve).
//   - A 破折号 (——) in a face whose dash is narrower than a cell: each dash takes a cell,
//     the two joined in the middle (widenDashes).
//   - A run of half-width characters (digits, Latin letters) whose width is not a whole
//     number of cells: an even run of 仿宋 digits pairs up into cells, an odd one leaves half a
//     cell over (1日, 30日 are fine, 1日至7日 puts everything after the 1 half a cell off). CLREQ
//     asks that the half-width characters be paired so the gaps stay even: the run is padded
//     to whole cells with the remainder split evenly before and after it (padRuns), so the
//     gap before the run equals the gap after it, and the characters after it are back on the
//     grid. At the start of a line the padding goes after the run, at the end before it
//     (padEdges), so the line keeps its flush edges. The padding is at most half a cell:
//     a run that would need more (15. is 1.25 cells of 仿宋, 2024 in 黑体 2.28) is padded by
//     half a cell and leaves the grid by the rest, rather than stand far apart. The numbers
//     of a cited 发文字号 (〔2013〕144号) are not padded: the number is one token, read back
//     from the PDF without blanks.
//
// The padding is part of the run's box (glyph.adv) and the offset of its first character
// (glyph.off), so the breaker, the justification and the Records see whole cells.

// cellAlign says where a narrow mark sits in its cell.
type cellAlign uint8

const (
	alignLeft cellAlign = iota
	alignRight
	alignCentre
)

// fullCell lists the marks that take a whole cell however narrow a face draws them, and where.
var fullCell = map[rune]cellAlign{
	'“': alignRight, '‘': alignRight,
	'”': alignLeft, '’': alignLeft,
	'·': alignCentre, '・': alignCentre,
}

// setOff sets the drawing offset inside the glyph's box (clamped to the int16 it is kept in:
// 32 mm, more than any mark).
func (g *glyph) setOff(o Length) {
	g.off = int16(min(max(o, 0), 32767))
}

// isHalfWidth reports whether r is set half-width, in a run that is padded to whole cells:
// printable ASCII (a space only inside a run).
func isHalfWidth(r rune) bool { return r >= ' ' && r < 0x7f }

// padRuns pads every run of half-width characters in gs (with at least one graphic
// character) to a whole number of cells: the blank is split evenly, the first half before the
// run (in its first glyph's box, drawn after it), the rest after it (in its last glyph's box).
// adv follows gs. after[i] > 0 records the padding after a run ending at i, for padEdges.
func padRuns(gs []glyph, adv []Length, cell Length, after []Length) {
	n := len(gs)
	// a 发文字号 cited in the text (国办发〔2024〕5号) is one token: no blank inside it
	var rs []rune
	cited := func(i int) bool {
		if rs == nil {
			rs = make([]rune, n)
			for k := range gs {
				rs[k] = gs[k].r
			}
		}
		for j := i - 1; j >= 0 && j >= i-8; j-- {
			if rs[j] == '〔' {
				return docNumberEnd(rs, j) > i
			}
		}
		return false
	}
	for a := 0; a < n; {
		if !isHalfWidth(gs[a].r) {
			a++
			continue
		}
		b := a
		var w Length
		graphic := false
		for b < n && isHalfWidth(gs[b].r) {
			w += gs[b].adv
			graphic = graphic || isASCIIGraphic(gs[b].r)
			b++
		}
		// trailing and leading spaces of a run stay outside it
		s, e := a, b
		for s < e && gs[s].r == ' ' {
			s++
		}
		for e > s && gs[e-1].r == ' ' {
			e--
		}
		if graphic && cell > 0 && !cited(a) {
			w = 0
			for k := s; k < e; k++ {
				w += gs[k].adv
			}
			cells := (w + cell - lineTolerance - 1) / cell
			// at most half a cell: a run that needs more (15. is 1.25 cells, 黑体 2024 2.28)
			// stays off the grid by the rest rather than stand far apart
			if pad := min(cells*cell-w, cell/2); pad > lineTolerance {
				before := pad / 2
				gs[s].adv += before
				gs[s].setOff(Length(gs[s].off) + before)
				gs[e-1].adv += pad - before
				after[e-1] = pad - before
				adv[s], adv[e-1] = gs[s].adv, gs[e-1].adv
			}
		}
		a = b
	}
}

// padEdges moves the padding of a run that starts a line after it, and of a run that ends a
// line before it, so that lines keep flush edges; ends are the lines' end offsets.
func padEdges(gs []glyph, ends []int, after []Length) {
	st := 0
	for _, e := range ends {
		if e-st >= 2 {
			// a run at the start: its padding before goes after it
			if isASCIIGraphic(gs[st].r) && gs[st].off > 0 && (st == 0 || !isHalfWidth(gs[st-1].r)) {
				k := st
				for k+1 < e && isHalfWidth(gs[k+1].r) && gs[k+1].r != ' ' {
					k++
				}
				pb := Length(gs[st].off)
				gs[st].adv -= pb
				gs[st].setOff(0)
				gs[k].adv += pb
				after[k] += pb
			}
			// a run at the end: its padding after goes before it
			if l := e - 1; after[l] > 0 && isASCIIGraphic(gs[l].r) && l > st {
				k := l
				for k-1 >= st && isHalfWidth(gs[k-1].r) && gs[k-1].r != ' ' {
					k--
				}
				if k > st {
					pa := after[l]
					gs[l].adv -= pa
					after[l] = 0
					gs[k].adv += pa
					gs[k].setOff(Length(gs[k].off) + pa)
				}
			}
		}
		st = e
	}
}

// widenDashes gives each dash of a 破折号 (——) a whole cell when the face draws it narrower
// (黑体, 宋体 and 小标宋 draw — 0.9 em): the first dash flush right in its cell, the second
// flush left, so the two still join in the middle and what follows stays on the grid.
func widenDashes(gs []glyph, adv []Length, cell Length) {
	for i := 0; i+1 < len(gs); i++ {
		if gs[i].r != '—' || gs[i+1].r != '—' || gs[i].adv >= cell-lineTolerance || gs[i+1].adv >= cell-lineTolerance {
			continue
		}
		gs[i].setOff(Length(gs[i].off) + cell - gs[i].adv)
		gs[i].adv, gs[i+1].adv = cell, cell
		adv[i], adv[i+1] = cell, cell
		i++
	}
}

// joined reports whether justification must not space a and b apart: inside a Latin word or
// a number, and between the two halves of a 破折号 (——) or a 省略号 (……).
func joined(a, b rune) bool {
	return (isASCIIGraphic(a) && isASCIIGraphic(b)) || (a == b && (a == '—' || a == '…'))
}
