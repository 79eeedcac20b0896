package layout

import (
	"strings"

	"gongwen/document"
)

// The flow: everything after the head (主送, 正文, 附件说明, sign-off, 附注, attendance,
// attachments) as rows that take one line slot each (or a free height, for table rows), then
// cut into pages.

// row is one line of the flow.
type row struct {
	glyphs []glyph // dy: baseline from the row's top
	blank  bool
	// breakBefore starts a new page (an attachment).
	breakBefore bool
	// group > 0 keeps rows together on one page (the sign-off); groupStart marks the first.
	group      int
	groupStart bool
	// reserve is extra room (in slots) a group needs below its last row (a seal's lower half).
	reserve int
	// pullable body lines may move to the next page with a sign-off that would be alone.
	pullable bool
	// height > 0: a free-height row (a table row); 0: one line slot.
	height   Length
	header   *row // the table header to repeat on a new page
	isHeader bool
	images   []Image  // Y from the row's top
	circles  []Circle // CY from the row's top
	rules    []Rule   // Y from the row's top
	boxes    []Box    // Y from the row's top
}

// place records where a row went: its page and its top from the 版心 top.
type placement struct {
	row  int
	page int
	top  Length
}

// para is a paragraph to set: runes with a role and an element each.
type para struct {
	rs    []rune
	roles []Role
	elems []Element
	size  Length
	color Color
	left  Length // the text box's left edge on the page
	width Length
	first Length // the first line's indent inside the box
	rest  Length // the other lines' indent
	// justify sets every line but the last to the full width of the box.
	justify bool
}

// plain makes a para of one role and element.
func plain(text string, role Role, elem Element) para {
	rs := []rune(text)
	p := para{rs: rs, roles: make([]Role, len(rs)), elems: make([]Element, len(rs)), size: Hao(3), color: Black,
		left: MarginLeft, width: BodyWidth, justify: true}
	for i := range rs {
		p.roles[i], p.elems[i] = role, elem
	}
	return p
}

// lines shapes and breaks a paragraph; each line's glyphs are placed and (when full) justified,
// with dy set to the baseline inside a line slot.
func (s *setter) lines(p para) [][]glyph {
	n := len(p.rs)
	if n == 0 {
		return [][]glyph{nil}
	}
	gs := make([]glyph, n)
	adv := make([]Length, n)
	for i, r := range p.rs {
		gs[i] = s.glyphOf(r, p.roles[i], p.size, p.color, p.elems[i])
		adv[i] = gs[i].adv
	}
	if cap(s.ruleBuf) < n {
		s.ruleBuf = make([]bool, n)
	}
	s.endBuf = breakLines(p.rs, adv, p.width-p.first, p.width-p.rest, s.ruleBuf[:n], s.endBuf)
	out := make([][]glyph, 0, len(s.endBuf))
	st := 0
	dy := baselineIn(p.size)
	for li, e := range s.endBuf {
		ln := gs[st:e:e]
		ind := p.rest
		if li == 0 {
			ind = p.first
		}
		x := p.left + ind
		if p.justify && li < len(s.endBuf)-1 {
			justify(ln, x, p.width-ind)
		} else {
			place(ln, x)
		}
		for i := range ln {
			ln[i].dy = dy
		}
		out = append(out, ln)
		st = e
	}
	return out
}

func (s *setter) addLines(lines [][]glyph, pullable bool) {
	for _, ln := range lines {
		s.rows = append(s.rows, row{glyphs: ln, pullable: pullable})
	}
}

func (s *setter) blank() { s.rows = append(s.rows, row{blank: true}) }

// bodyPara sets one 正文 paragraph: indented two characters, the heading sentence of a
// level 1 or 2 heading in 黑体 or 楷体.
func (s *setter) bodyPara(text string) para {
	p := plain(text, FangSong, ElemBody)
	p.first = 2 * CharPitch
	h := document.ParseHeading(text)
	var role Role
	var elem Element
	switch h.Level {
	case 1:
		role, elem = Hei, ElemHeading1
	case 2:
		role, elem = Kai, ElemHeading2
	}
	if role != "" {
		for i := 0; i < h.SentenceEnd && i < len(p.rs); i++ {
			p.roles[i], p.elems[i] = role, elem
		}
	}
	return p
}

// recipientsInBody reports whether the 主送 stays under the title: it moves to the 版记 when
// asked, or when page 1 would otherwise show no body text.
func (s *setter) recipientsInBody(start int) bool {
	d := s.doc
	if strings.TrimSpace(d.Recipients) == "" || d.RecipientsInBanji {
		return false
	}
	p := plain(d.Recipients, FangSong, ElemRecipients)
	n := len(s.lines(p))
	return start+n < LinesPerPage
}

// mainRows builds the rows of the 主体 after the title.
func (s *setter) mainRows(start int) {
	d := s.doc
	s.recipientsMoved = strings.TrimSpace(d.Recipients) != "" && !s.recipientsInBody(start)
	if strings.TrimSpace(d.Recipients) != "" && !s.recipientsMoved {
		p := plain(d.Recipients, FangSong, ElemRecipients)
		lines := s.lines(p)
		s.addLines(lines, false)
		s.rowBox(len(s.rows)-len(lines), len(lines), ElemRecipients, MarginLeft, BodyWidth, "主送机关 · 7.3.2 · 标题下空一行，居左顶格，回行顶格")
	}
	for _, t := range d.Body {
		p := s.bodyPara(t)
		lines := s.lines(p)
		s.addLines(lines, true)
		lab := "正文 · 7.3.3 · 3号仿宋，每段首行空二字，回行顶格"
		switch document.ParseHeading(t).Level {
		case 1:
			lab = "一级标题 · 7.3.3 · 黑体，只标题句（至第一个句号）用黑体"
		case 2:
			lab = "二级标题 · 7.3.3 · 楷体，只标题句用楷体"
		}
		s.rowBox(len(s.rows)-len(lines), len(lines), ElemBody, MarginLeft, BodyWidth, lab)
	}
	s.group++
	g := s.group
	groupStartAt := len(s.rows)
	if len(d.AttachmentNotes) > 0 {
		s.blank()
		s.attachmentNotes()
	}
	if d.Format == document.FormatMinutes {
		// attendance after the body, not part of the sign-off group
		s.attendance()
		groupStartAt = len(s.rows)
	}
	reserve := s.signOff()
	if d.Note != "" {
		// on the line after the 成文日期 (or after the body when there is none)
		p := plain(d.Note, FangSong, ElemNote)
		p.first = 2 * CharPitch
		lines := s.lines(p)
		s.addLines(lines, false)
		s.rowBox(len(s.rows)-len(lines), len(lines), ElemNote, MarginLeft, BodyWidth, "附注 · 7.3.6 · 成文日期下一行，居左空二字，加圆括号")
		reserve -= len(lines)
	}
	for i := groupStartAt; i < len(s.rows); i++ {
		s.rows[i].group = g
	}
	if groupStartAt < len(s.rows) {
		s.rows[groupStartAt].groupStart = true
		if reserve > 0 {
			s.rows[groupStartAt].reserve = reserve
		}
	}
}

// rowBox adds an explanation box spanning n slot rows from row i.
func (s *setter) rowBox(i, n int, e Element, x, w Length, label string) {
	if !s.opts.Explain || n <= 0 {
		return
	}
	s.rows[i].boxes = append(s.rows[i].boxes, Box{Element: e, X: x, Y: 0, W: w, H: Length(n) * LinePitch, Label: label})
}

// attachmentNotes sets the 附件说明: 附件：name, or 附件：1.name with later items under the first
// number and wrapped names hanging under their first character.
func (s *setter) attachmentNotes() {
	d := s.doc
	sz := Hao(3)
	label := s.shape(nil, "附件：", FangSong, sz, Black, ElemAttachNotes)
	lw := width(label)
	x0 := MarginLeft + 2*CharPitch
	start := len(s.rows)
	for i, name := range d.AttachmentNotes {
		prefix := ""
		if len(d.AttachmentNotes) > 1 {
			prefix = itoa(i+1) + "."
		}
		pg := s.shape(nil, prefix, FangSong, sz, Black, ElemAttachNotes)
		pw := width(pg)
		p := plain(name, FangSong, ElemAttachNotes)
		p.left = x0 + lw + pw
		p.width = bodyRight - p.left
		lines := s.lines(p)
		if len(pg) > 0 {
			place(pg, x0+lw)
			for k := range pg {
				pg[k].dy = baselineIn(sz)
			}
			lines[0] = append(pg, lines[0]...)
		}
		if i == 0 {
			place(label, x0)
			for k := range label {
				label[k].dy = baselineIn(sz)
			}
			lines[0] = append(append([]glyph{}, label...), lines[0]...)
		}
		s.addLines(lines, false)
	}
	s.rowBox(start, len(s.rows)-start, ElemAttachNotes, x0, bodyRight-x0, "附件说明 · 7.3.4 · 正文下空一行，左空二字；多个附件时序号对齐，名称后不加标点")
}

// attendance sets the 纪要 lists: 出席/请假/列席 in 黑体 with a colon, the names in 仿宋,
// wrapped lines aligned after the colon; one blank line below the body.
func (s *setter) attendance() {
	d := s.doc
	items := []struct{ label, text string }{{"出席：", d.Present}, {"请假：", d.Absent}, {"列席：", d.Attending}}
	first := true
	sz := Hao(3)
	for _, it := range items {
		if strings.TrimSpace(it.text) == "" {
			continue
		}
		if first {
			s.blank()
			first = false
		}
		lab := s.shape(nil, it.label, Hei, sz, Black, ElemAttendance)
		x0 := MarginLeft + 2*CharPitch
		place(lab, x0)
		for k := range lab {
			lab[k].dy = baselineIn(sz)
		}
		p := plain(it.text, FangSong, ElemAttendance)
		p.left = x0 + width(lab)
		p.width = bodyRight - p.left
		lines := s.lines(p)
		lines[0] = append(lab, lines[0]...)
		start := len(s.rows)
		s.addLines(lines, false)
		s.rowBox(start, len(lines), ElemAttendance, x0, bodyRight-x0, "出席列席 · 10.3 · 正文下空一行，左空二字，黑体加冒号，回行与冒号后首字对齐")
	}
}

// attachmentRows builds the rows of attachment i: a new page, 附件N on line 1 in 黑体, the
// title on line 3, the body after one blank line, then the table.
func (s *setter) attachmentRows(i int) {
	d := s.doc
	a := d.Attachments[i]
	sz := Hao(3)
	label := "附件"
	if len(d.Attachments) > 1 {
		label += itoa(i + 1)
	}
	gs := s.shape(nil, label, Hei, sz, Black, ElemAttachment)
	place(gs, MarginLeft)
	for k := range gs {
		gs[k].dy = baselineIn(sz)
	}
	r := row{glyphs: gs, breakBefore: true}
	if s.opts.Explain {
		r.boxes = append(r.boxes, Box{Element: ElemAttachment, X: MarginLeft, W: width(gs), H: LinePitch, Label: "附件 · 7.3.7 · 另起页，版心左上第一行顶格，3号黑体"})
	}
	s.rows = append(s.rows, r)
	s.blank()
	if strings.TrimSpace(a.Title) != "" {
		lines := s.titleLines(a.Title, Hao(2), ElemAttachTitle)
		for _, ln := range lines {
			for k := range ln {
				ln[k].dy = baselineIn(Hao(2))
			}
		}
		start := len(s.rows)
		s.addLines(lines, false)
		s.rowBox(start, len(lines), ElemAttachTitle, MarginLeft, BodyWidth, "附件标题 · 7.3.7 · 第三行居中，2号小标宋")
		s.blank()
	}
	for _, t := range a.Body {
		s.addLines(s.lines(s.bodyPara(t)), false)
	}
	if a.Table != nil {
		s.table(a.Table)
	}
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// paginate cuts the rows into pages; the flow on page 1 starts at slot start.
func (s *setter) paginate(start int) {
	page := 0
	y := slotTop(start)
	s.places = s.places[:0]
	newPage := func() {
		page++
		for len(s.pages) <= page {
			s.pages = append(s.pages, Page{})
		}
		y = 0
	}
	for i := 0; i < len(s.rows); i++ {
		r := &s.rows[i]
		if r.breakBefore {
			newPage()
		}
		if r.height > 0 {
			if y+r.height > BodyHeight {
				newPage()
				if r.header != nil && !r.isHeader {
					s.places = append(s.places, placement{row: -1 - s.headerIndex(r.header), page: page, top: y})
					y += r.header.height
				}
			}
			s.places = append(s.places, placement{row: i, page: page, top: y})
			y += r.height
			continue
		}
		slot := slotAt(y)
		if slot >= LinesPerPage {
			newPage()
			slot = 0
		}
		if r.groupStart {
			need := r.reserve
			for j := i; j < len(s.rows) && s.rows[j].group == r.group; j++ {
				need++
			}
			atTop := slot == 0 && page > 0 && (len(s.places) == 0 || s.places[len(s.places)-1].page < page)
			if atTop && need <= LinesPerPage {
				// the sign-off would open a page: bring the last body lines of the page before
				moved := s.pullBack(page - 1)
				for _, m := range moved {
					s.places = append(s.places, placement{row: m, page: page, top: y})
					y = slotTop(slotAt(y) + 1)
				}
				slot = slotAt(y)
			} else if slot+need > LinesPerPage && need <= LinesPerPage {
				// the sign-off would be cut or alone: take the last body lines with it (7.3.5.5)
				moved := s.pullBack(page)
				newPage()
				for _, m := range moved {
					s.places = append(s.places, placement{row: m, page: page, top: y})
					y = slotTop(slotAt(y) + 1)
				}
				slot = slotAt(y)
			}
		}
		if r.blank && slot == 0 && page > 0 {
			continue
		}
		s.places = append(s.places, placement{row: i, page: page, top: slotTop(slot)})
		y = slotTop(slot + 1)
	}
}

// pullBack removes the last (up to two) body lines of page from the placements, keeping at
// least one on the page, and returns their rows.
func (s *setter) pullBack(page int) []int {
	k := len(s.places)
	// trailing blanks
	for k > 0 && s.places[k-1].page == page && s.places[k-1].row >= 0 && s.rows[s.places[k-1].row].blank {
		k--
	}
	j := k
	for j > 0 && k-j < 2 && s.places[j-1].page == page && s.places[j-1].row >= 0 && s.rows[s.places[j-1].row].pullable {
		j--
	}
	if j == k {
		return nil
	}
	// keep some body text on the page (page 1 must show body text, 7.3.3)
	hasBody := false
	for q := j - 1; q >= 0 && s.places[q].page == page; q-- {
		if r := s.places[q].row; r >= 0 && s.rows[r].pullable {
			hasBody = true
			break
		}
	}
	if !hasBody {
		j++
	}
	if j >= k {
		return nil
	}
	var moved []int
	for _, p := range s.places[j:k] {
		moved = append(moved, p.row)
	}
	s.places = s.places[:j]
	return moved
}

// headerIndex returns the index in s.headers of a table header row (placements refer to
// headers with negative row numbers).
func (s *setter) headerIndex(h *row) int {
	for i, x := range s.headers {
		if x == h {
			return i
		}
	}
	s.headers = append(s.headers, h)
	return len(s.headers) - 1
}

// render draws the placed rows onto their pages.
func (s *setter) render() {
	s.lastBottom = make([]Length, len(s.pages))
	for _, pl := range s.places {
		var r *row
		if pl.row < 0 {
			r = s.headers[-1-pl.row]
		} else {
			r = &s.rows[pl.row]
		}
		p := &s.pages[pl.page]
		top := MarginTop + pl.top
		if len(r.glyphs) > 0 {
			p.addGlyphs(r.glyphs, top)
		}
		for _, im := range r.images {
			im.Y += top
			p.Images = append(p.Images, im)
		}
		for _, c := range r.circles {
			c.CY += top
			p.Circles = append(p.Circles, c)
		}
		for _, ru := range r.rules {
			ru.Y0 += top
			ru.Y1 += top
			p.Rules = append(p.Rules, ru)
		}
		for _, b := range r.boxes {
			b.Y += top
			if lim := MarginTop + BodyHeight; b.Y+b.H > lim && r.height == 0 {
				b.H = lim - b.Y // a paragraph running on: the box ends with the page
			}
			p.Boxes = append(p.Boxes, b)
		}
		h := r.height
		if h == 0 {
			h = LinePitch
		}
		for _, im := range r.images {
			if b := im.Y + im.H; b > h {
				h = b
			}
		}
		for _, c := range r.circles {
			if b := c.CY + c.R; b > h {
				h = b
			}
		}
		if !r.blank || len(r.images)+len(r.circles) > 0 {
			if b := pl.top + h; b > s.lastBottom[pl.page] {
				s.lastBottom[pl.page] = b
			}
		}
	}
}
