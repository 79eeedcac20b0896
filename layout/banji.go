package layout

import (
	"strings"

	"gongwen/document"
)

// The 版记 (7.4) on the last, even page, and the page numbers (7.5).

var (
	banjiThick = Mm(0.35)
	banjiThin  = Mm(0.25)
	pageNoDrop = Mm(7) // the dash's centre below the 版心's bottom
)

// banjiLines sets the 版记's text lines in 4号 仿宋, one character in on each side:
// the moved 主送, the 抄送 (wrapped lines aligned after the colon), and the 印发 line.
// It returns the lines and the index of the 印发 line (-1 when none).
func (s *setter) banjiLines() ([][]glyph, int) {
	d := s.doc
	sz := Hao(4)
	left, right := MarginLeft+CharPitch, bodyRight-CharPitch
	var out [][]glyph
	labelled := func(label, text string, elem Element) {
		lab := s.shape(nil, label, FangSong, sz, Black, elem)
		place(lab, left)
		p := plain(strings.TrimSpace(text), FangSong, elem)
		p.size = sz
		p.left = left + width(lab)
		p.width = right - p.left
		lines := s.tagLines(s.lines(p), banjiPath(elem))
		for k := range lab {
			lab[k].dy = baselineIn(sz)
		}
		lines[0] = append(lab, lines[0]...)
		out = append(out, lines...)
	}
	if s.recipientsMoved {
		t := strings.TrimSpace(d.Recipients)
		labelled("主送：", t, ElemRecipients)
		s.banjiRecipients = len(out)
	}
	if strings.TrimSpace(d.CC) != "" {
		labelled("抄送：", d.CC, ElemCC)
	}
	printIdx := -1
	if d.Format != document.FormatLetter && (d.Printer != "" || d.PrintDate != "") {
		org := s.tag(s.shape(nil, d.Printer, FangSong, sz, Black, ElemPrint), document.PathPrinter)
		place(org, left)
		date := ""
		if d.PrintDate != "" {
			date = d.PrintDate + "印发"
		}
		dg := s.shape(nil, date, FangSong, sz, Black, ElemPrint)
		s.tag(dg[:len([]rune(d.PrintDate))], document.PathPrintDate)
		place(dg, right-width(dg))
		ln := append(org, dg...)
		for k := range ln {
			ln[k].dy = baselineIn(sz)
		}
		printIdx = len(out)
		out = append(out, ln)
	}
	return out, printIdx
}

// banji places the 版记 in the last slots of the last page, adding pages so that it falls on
// an even page (文件格式, 命令, 纪要), and marks blank pages.
func (s *setter) banji() error {
	d := s.doc
	lines, printIdx := s.banjiLines()
	letter := d.Format == document.FormatLetter
	last := len(s.pages) - 1
	if len(lines) == 0 {
		// no 抄送, no 印发 (决议, 公报 …): no 版记, and no page to keep even
		return nil
	}
	k := len(lines)
	if k > LinesPerPage {
		// 7.4: the 版记 is on the last page, its last element on the last line; it cannot run
		// over two pages, and cut lines would be lost silently.
		what := "抄送机关"
		if s.recipientsMoved && 2*s.banjiRecipients >= k {
			// the 主送 moved to the 版记 (7.3.2) takes most of it
			what = "主送机关（移至版记）"
		}
		return fitErrorf("版记共 %d 行（%s过长），超过一页的 %d 行：GB/T 9704-2012 7.4 要求版记排在最后一面，不能跨页；请精简%s，例如用“各有关单位”等统称 (the 版记 is longer than a page)", k, what, LinesPerPage, what)
	}
	firstSlot := LinesPerPage - k
	bottom := s.lastBottom[last]
	if last == 0 && bottom < slotTop(s.start) {
		bottom = slotTop(s.start)
	}
	fits := bottom <= slotTop(firstSlot-1) && firstSlot > 0
	target := last
	switch {
	case letter:
		if !fits {
			s.pages = append(s.pages, Page{})
			target = last + 1
		}
	case fits && (last+1)%2 == 0:
	case fits || (last+1)%2 == 1:
		s.pages = append(s.pages, Page{})
		target = last + 1
	default:
		s.pages = append(s.pages, Page{Blank: true}, Page{})
		target = last + 2
		s.banjiAfterBlank = true
	}
	p := &s.pages[target]
	for i, ln := range lines {
		top := MarginTop + slotTop(firstSlot+i)
		p.addGlyphs(ln, top)
	}
	lab := "抄送机关 · 7.4.2 · 4号仿宋，左右各空一字，回行与冒号后首字对齐"
	if s.opts.Explain {
		s.box(p, ElemCC, MarginLeft, MarginTop+slotTop(firstSlot), BodyWidth, slotTop(LinesPerPage)-slotTop(firstSlot), lab)
	}
	if letter {
		return nil
	}
	// rules: thick over the first line, thin above the 印发 line, thick with its bottom on the 版心's
	rule := func(y, w Length) {
		p.Rules = append(p.Rules, Rule{Element: ElemBanjiRule, X0: MarginLeft, Y0: y, X1: bodyRight, Y1: y, Width: w, Color: Black})
	}
	top := MarginTop + slotTop(firstSlot)
	rule(top+banjiThick/2, banjiThick)
	if printIdx > 0 {
		rule(MarginTop+slotTop(firstSlot+printIdx), banjiThin)
	}
	rule(MarginTop+BodyHeight-banjiThick/2, banjiThick)
	if printIdx >= 0 {
		s.box(p, ElemPrint, MarginLeft, MarginTop+slotTop(firstSlot+printIdx), BodyWidth, LinePitch,
			"印发机关和印发日期 · 7.4.3 · 版记最后一行，机关左空一字，日期右空一字；末条分隔线与版心下边缘重合")
	}
	return nil
}

// pageNumbers numbers the pages "— N —" in 4号 宋体, the dash 7 mm below the 版心, odd pages
// right and even pages left one character in; none on a blank page, on the 版记 page after
// it, nor on page 1 of a 信函.
func (s *setter) pageNumbers() {
	for i := s.floor; i < len(s.pages); i++ {
		s.numberPage(i, i == len(s.pages)-1)
	}
}

// numberPage numbers page i; last says whether it is the document's last page.
func (s *setter) numberPage(i int, last bool) {
	sz := Hao(4)
	p := &s.pages[i]
	num := i + 1
	switch {
	case p.Blank:
		num = 0
	case s.banjiAfterBlank && last:
		num = 0
	case i == 0 && s.doc.Format == document.FormatLetter:
		num = 0
	}
	p.Number = num
	if num == 0 {
		return
	}
	gs := s.shape(nil, "— "+itoa(num)+" —", Song, sz, Black, ElemPageNumber)
	x := MarginLeft + CharPitch
	lab := "页码 · 7.5 · 版心下边缘之下 7 mm，双页居左空一字"
	if num%2 == 1 {
		x = bodyRight - CharPitch - width(gs)
		lab = "页码 · 7.5 · 版心下边缘之下 7 mm，单页居右空一字"
	}
	place(gs, x)
	y := MarginTop + BodyHeight + pageNoDrop + sz*38/100
	p.addGlyphs(gs, y)
	s.glyphBox(p, gs, y, lab)
}
