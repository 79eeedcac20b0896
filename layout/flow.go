package layout

import (
	"strconv"
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
	// para > 0: the row is a line of s.para(para), runes [from, to) of it (正文 lines,
	// which may be reflowed tighter to keep a sign-off or a heading with its text).
	para     int
	from, to int
	// keepNext: a heading alone on its line never ends a page.
	keepNext bool
	// note: a line of the 附件说明 (which may be set tighter with the sign-off, 7.3.5.5).
	note bool
	// pushed starts a new page unless the row already opens one (lines moved over to keep a
	// sign-off or a heading company, 7.3.5.5).
	pushed bool
	// tight: the line was reflowed with a tighter (1) or looser (-1) character pitch.
	tight int
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
	rs []rune
	// roles and elems are per character, as small integers (roleOrder, elemOrder).
	roles []roleID
	elems []elemID
	size  Length
	color Color
	left  Length // the text box's left edge on the page
	width Length
	first Length // the first line's indent inside the box
	rest  Length // the other lines' indent
	// justify sets every line but the last to the full width of the box.
	justify bool
	// path is the element path its glyphs carry (setter.paths).
	path int32
}

// para returns the paragraph of row.para n (from 1; stream.go releases the first ones).
func (s *setter) para(n int) *para {
	return &s.paras[n-1-s.paraBase]
}

// plain makes a para of one role and element.
func plain(text string, role Role, elem Element) para {
	rs := []rune(text)
	p := para{rs: rs, roles: make([]roleID, len(rs)), elems: make([]elemID, len(rs)), size: Hao(3), color: Black,
		left: MarginLeft, width: BodyWidth, justify: true}
	rid, eid := idOfRole(role), idOfElem(elem)
	for i := range rs {
		p.roles[i], p.elems[i] = rid, eid
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
		gs[i] = s.glyphIDs(r, roleOrder[p.roles[i]], p.size, p.color, p.elems[i])
		gs[i].path = p.path
		adv[i] = gs[i].adv
	}
	var after []Length
	if p.justify {
		// the 28-a-line grid: runs of half-width characters take whole cells (grid.go)
		after = make([]Length, n)
		cell := Length(float64(p.size)*s.grid + 0.5)
		padRuns(gs, adv, cell, after)
		widenDashes(gs, adv, cell)
	}
	if cap(s.ruleBuf) < n {
		s.ruleBuf = make([]bool, n)
	}
	s.endBuf = breakLines(p.rs, adv, p.width-p.first, p.width-p.rest, s.ruleBuf[:n], s.endBuf)
	if after != nil {
		padEdges(gs, s.endBuf, after)
	}
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
			adjustLine(ln, x, p.width-ind)
		} else {
			placeFit(ln, x, p.width-ind)
		}
		for i := range ln {
			ln[i].dy = dy
		}
		out = append(out, ln)
		st = e
	}
	markSoft(out)
	return out
}

func (s *setter) addLines(lines [][]glyph, pullable bool) {
	for _, ln := range lines {
		s.rows = append(s.rows, row{glyphs: ln, pullable: pullable})
	}
}

func (s *setter) blank() { s.rows = append(s.rows, row{blank: true}) }

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
		p.path = s.pathID(document.PathRecipients)
		lines := s.lines(p)
		s.addLines(lines, false)
		s.rowBox(len(s.rows)-len(lines), len(lines), ElemRecipients, MarginLeft, BodyWidth, "主送机关 · 7.3.2 · 标题下空一行，居左顶格，回行顶格")
	}
	faces := document.HeadingFaces(d.Body)
	for bi, t := range d.Body {
		p := s.bodyPara(t, faces[bi])
		p.path = s.numberedPathID("body.", bi)
		lines := s.lines(p)
		s.paras = append(s.paras, p)
		first := len(s.rows)
		s.addLines(lines, true)
		st := 0
		for i := first; i < len(s.rows); i++ {
			r := &s.rows[i]
			r.para, r.from = s.paraBase+len(s.paras), st
			st += len(r.glyphs)
			r.to = st
		}
		if headingLine(t, faces[bi]) && len(lines) == 1 {
			s.rows[first].keepNext = true
		}
		lab := "正文 · 7.3.3 · 3号仿宋，每段首行空二字，回行顶格"
		switch headingLevel(t, faces[bi]) {
		case 1:
			lab = "一级标题 · 7.3.3 · 黑体，只标题句（至第一个句号）用黑体"
		case 2:
			lab = "二级标题 · 7.3.3 · 楷体，只标题句用楷体"
		}
		s.rowBox(len(s.rows)-len(lines), len(lines), ElemBody, MarginLeft, BodyWidth, lab)
		if s.settle(); s.err != nil {
			return
		}
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
		p.path = s.pathID(document.PathNote)
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

// headFits refuses a 版头 and title that run past the bottom of page 1's 版心 (at 0d1213c a
// 300-character title or the stacked marks of 20 joint issuers ran off the page, silently);
// the message names the element to shorten.
func (s *setter) headFits() error {
	over := false
	for _, tx := range s.pages[0].Texts {
		if tx.Y > MarginTop+BodyHeight {
			over = true
			break
		}
	}
	if !over {
		return nil
	}
	d := s.doc
	n := len(s.titleLines(d.Title, Hao(2), ElemTitle))
	if n >= LinesPerPage/2 || len(s.issuerNames()) < 2 {
		return fitErrorf("标题共 %d 字，排成 %d 行，首页排不下：GB/T 9704-2012 7.3.1 标题应准确简要地概括公文的主要内容，请精简标题 (the title does not fit on page 1)", len([]rune(strings.ReplaceAll(d.Title, "\n", ""))), n)
	}
	return fitErrorf("版头有 %d 个联合发文机关的标志，首页排不下：GB/T 9704-2012 7.2.4 联合行文时可以只用主办机关名称作发文机关标志，请减少标志中的机关 (the 版头 does not fit on page 1)", len(s.issuerNames()))
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
		p.path = s.pathID("attachment_notes." + itoa(i))
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
	for i := start; i < len(s.rows); i++ {
		s.rows[i].note = true
	}
	s.rowBox(start, len(s.rows)-start, ElemAttachNotes, x0, bodyRight-x0, "附件说明 · 7.3.4 · 正文下空一行，左空二字；多个附件时序号对齐，名称后不加标点")
}

// attendance sets the 纪要 lists: 出席/请假/列席 in 黑体 with a colon, the names in 仿宋,
// wrapped lines aligned after the colon; one blank line below the body.
func (s *setter) attendance() {
	d := s.doc
	items := []struct{ label, text, path string }{{"出席：", d.Present, document.PathPresent},
		{"请假：", d.Absent, document.PathAbsent}, {"列席：", d.Attending, document.PathAttending}}
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
		p.path = s.pathID(it.path)
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
	s.tag(gs, "attachments."+itoa(i)+".label")
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
		lines := s.tagLines(s.titleLines(a.Title, Hao(2), ElemAttachTitle), "attachments."+itoa(i)+".title")
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
	faces := document.HeadingFaces(a.Body)
	for j, t := range a.Body {
		p := s.bodyPara(t, faces[j])
		p.path = s.numberedPathID("attachments."+itoa(i)+".body.", j)
		s.addLines(s.lines(p), false)
		if s.settle(); s.err != nil {
			return
		}
	}
	if a.Table != nil {
		first := len(s.rows)
		s.table(a.Table)
		s.tagTable(s.rows[first:], "attachments."+itoa(i)+".table")
	}
}

// tagTable marks the glyphs of the table rows just built with their cells' paths
// (prefix.header.C, prefix.rows.R.C); a glyph's column is found between the row's vertical
// rules, which are the column edges.
func (s *setter) tagTable(rows []row, prefix string) {
	ri := 0
	var edges []Length
	for k := range rows {
		r := &rows[k]
		edges = edges[:0]
		for _, ru := range r.rules {
			if ru.X0 == ru.X1 {
				edges = append(edges, ru.X0)
			}
		}
		base := prefix + ".header."
		if !r.isHeader {
			base = prefix + ".rows." + strconv.Itoa(ri) + "."
			ri++
		}
		ids := make([]int32, max(len(edges)-1, 1))
		for c := range ids {
			ids[c] = s.pathID(base + strconv.Itoa(c))
		}
		for g := range r.glyphs {
			c := 0
			for c+1 < len(ids) && r.glyphs[g].x >= edges[c+1] {
				c++
			}
			r.glyphs[g].path = ids[c]
		}
	}
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// paginate cuts the rows into pages; the flow on page 1 starts at slot start. A sign-off
// never stands alone on a page (7.3.5.5) and a heading alone on its line never ends one: the
// 正文 above is first set with a slightly tighter character spacing to free the lines needed
// (tighten); only when that cannot free enough do lines move to the next page (push).
func (s *setter) paginate(start int) {
	for iter := 0; iter < 64; iter++ {
		s.placeRows(start)
		if s.fixHeading() || s.fixSignOff() {
			continue
		}
		break
	}
	n := max(1, s.floor)
	for _, pl := range s.places {
		if pl.page+1 > n {
			n = pl.page + 1
		}
	}
	if len(s.pages) > n {
		s.pages = s.pages[:n]
	}
}

// groupNeed is the number of slots the group starting at row i needs.
func (s *setter) groupNeed(i int) int {
	r := &s.rows[i]
	need := r.reserve
	for j := i; j < len(s.rows) && s.rows[j].group == r.group; j++ {
		need++
	}
	return need
}

// placeRows places the rows greedily: a group that does not fit moves whole to the next page.
func (s *setter) placeRows(start int) {
	page := 0
	y := slotTop(start)
	if s.floor > 0 {
		// the rows of the pages handed over are gone: the flow goes on from a full page
		page, y = s.floor-1, BodyHeight
	}
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
		if r.breakBefore || (r.pushed && y > 0) {
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
			if need := s.groupNeed(i); slot+need > LinesPerPage && need <= LinesPerPage && slot > 0 {
				newPage()
				slot = 0
			}
		}
		if r.blank && slot == 0 && page > 0 {
			continue
		}
		s.places = append(s.places, placement{row: i, page: page, top: slotTop(slot)})
		y = slotTop(slot + 1)
	}
}

// textRow reports whether placement k is a line of text (not a blank, a table row or a
// repeated header).
func (s *setter) textRow(k int) bool {
	r := s.places[k].row
	return r >= 0 && !s.rows[r].blank && s.rows[r].height == 0
}

// fixSignOff finds a sign-off group standing alone at the top of a page and frees room for
// it on the page before; it reports whether it changed anything.
func (s *setter) fixSignOff() bool {
	gi := -1
	for k, pl := range s.places {
		if pl.row >= 0 && s.rows[pl.row].group > 0 {
			gi = k
			break
		}
	}
	if gi <= 0 {
		return false
	}
	q := s.places[gi].page
	lp := -1
	for k := gi - 1; k >= 0; k-- {
		if s.places[k].page == q && s.textRow(k) {
			return false // text above the sign-off on its page
		}
		if s.places[k].page < q && s.textRow(k) {
			lp = k
			break
		}
	}
	if lp < 0 || s.places[lp].page != q-1 || s.rows[s.places[gi].row].breakBefore {
		return false
	}
	first := s.places[gi].row
	for first > 0 && s.rows[first-1].group == s.rows[first].group {
		first--
	}
	need := s.groupNeed(first)
	if need > LinesPerPage {
		return false
	}
	p := q - 1
	free := LinesPerPage - (slotAt(s.places[lp].top) + 1)
	// tighter paragraphs free the lines the sign-off needs; or looser ones carry the last
	// free+1 lines over to its page, the page before staying full
	if s.tighten(p, s.places[lp].row+1, need-free) || s.loosen(p, s.places[lp].row+1, free+1) {
		return true
	}
	// the 附件说明 of the group set tighter makes it shorter: then the body again
	if s.tightenNotes(first) {
		return true
	}
	// move the last lines of text (two, or one) over with the sign-off, keeping text on the
	// page (and body text on page 1)
	for want := 2; want >= 1; want-- {
		if want+need > LinesPerPage {
			continue
		}
		k, n := lp, 0
		for ; k >= 0 && s.places[k].page == p; k-- {
			if s.textRow(k) {
				n++
				if n == want {
					break
				}
			}
		}
		if n < want || k < 0 {
			continue
		}
		if !s.textAbove(k, p) {
			continue
		}
		s.rows[s.places[k].row].pushed = true
		return true
	}
	return false
}

// tightenNotes sets the 附件说明 lines of the sign-off group starting at row first with a
// slightly smaller character pitch (7.3.5.5 allows adjusting the character spacing) when that
// takes fewer lines; it reports whether it did. It is tried once.
func (s *setter) tightenNotes(first int) bool {
	g := s.rows[first].group
	a, b := -1, -1
	for i := first; i < len(s.rows) && s.rows[i].group == g; i++ {
		if s.rows[i].note {
			if a < 0 {
				a = i
			}
			b = i
		}
	}
	if a < 0 || s.rows[a].tight != 0 {
		return false
	}
	saved, old := s.grid, s.rows
	defer func() { s.grid, s.rows = saved, old }()
	for _, cpl := range tightPitches {
		s.grid = saved * 28 / (float64(cpl) + 0.001)
		s.rows = nil
		s.attachmentNotes()
		if len(s.rows) >= b-a+1 {
			continue
		}
		nr := make([]row, 0, len(old)-(b-a+1)+len(s.rows))
		nr = append(nr, old[:a]...)
		for _, r := range s.rows {
			r.group, r.tight = g, 1
			nr = append(nr, r)
		}
		nr = append(nr, old[b+1:]...)
		if a == first {
			nr[a].groupStart, nr[a].reserve = old[a].groupStart, old[a].reserve
		}
		old = nr
		return true
	}
	return false
}

// textAbove reports whether page p keeps text above placement k (body text on page 1).
func (s *setter) textAbove(k, p int) bool {
	for j := k - 1; j >= 0 && s.places[j].page == p; j-- {
		if s.textRow(j) && (p > 0 || s.rows[s.places[j].row].pullable) {
			return true
		}
	}
	return false
}

// fixHeading finds a heading alone on its line that ends a page while its text follows on
// the next; it frees a line above it, or moves it over. It reports whether it changed anything.
func (s *setter) fixHeading() bool {
	for k := 0; k+1 < len(s.places); k++ {
		pl := s.places[k]
		if pl.row < 0 || !s.rows[pl.row].keepNext || s.rows[pl.row].pushed || slotAt(pl.top) != LinesPerPage-1 {
			continue
		}
		nx := s.places[k+1]
		if nx.page == pl.page || nx.row < 0 || s.rows[nx.row].para == 0 || s.rows[nx.row].breakBefore {
			continue
		}
		if s.tighten(pl.page, pl.row, 1) || s.loosen(pl.page, pl.row, 1) {
			return true
		}
		if s.textAbove(k, pl.page) {
			s.rows[pl.row].pushed = true
			return true
		}
	}
	return false
}

// tightPitches are the characters a line the tightened paragraphs may take (7.3.5.5 allows
// adjusting the character spacing), tried in order.
var tightPitches = []int{29, 30}

// segment is the part of a paragraph on one page: rows [a, b].
type segment struct{ a, b int }

// tighten reflows paragraphs above row limit on page p (the last first, then those of the
// pages before: a line saved there moves the flow up as well) with a slightly smaller
// character pitch so that they take f fewer lines; it reports whether it did.
func (s *setter) tighten(p, limit, f int) bool {
	return s.respace(p, limit, f, tightPitches, false)
}

// loosen reflows paragraphs above row limit on page p (the last first, then those of the
// pages before) with a slightly larger character pitch so that they take at least f more
// lines, moving lines to the next page while the page stays full; it reports whether it did.
func (s *setter) loosen(p, limit, f int) bool {
	return s.respace(p, limit, f, loosePitches, true)
}

// loosePitches are the characters a line of a loosened paragraph may take.
var loosePitches = []int{27, 26}

// respace reflows the last paragraphs above row limit on pages up to p at the first of cpls
// that changes their line count by f (fewer lines, or more when grow).
func (s *setter) respace(p, limit, f int, cpls []int, grow bool) bool {
	if f <= 0 {
		return false
	}
	var segs []segment
	for _, pl := range s.places {
		if pl.page > p || pl.row < 0 || pl.row >= limit {
			continue
		}
		r := &s.rows[pl.row]
		if r.para == 0 {
			continue
		}
		if n := len(segs); n > 0 && segs[n-1].b == pl.row-1 && s.rows[segs[n-1].a].para == r.para && !r.pushed {
			segs[n-1].b = pl.row
		} else {
			segs = append(segs, segment{pl.row, pl.row})
		}
	}
	// only whole paragraphs, or their tails after a pushed line
	for i := 0; i < len(segs); {
		sg := segs[i]
		if s.rows[sg.b].to != len(s.para(s.rows[sg.b].para).rs) || s.rows[sg.a].pushed || s.rows[sg.a].from > 0 ||
			(grow && s.rows[sg.a].tight != 0) || (!grow && s.rows[sg.a].tight < 0) {
			segs = append(segs[:i], segs[i+1:]...)
			continue
		}
		i++
	}
	for _, cpl := range cpls {
		saved := 0
		var use []segment
		var sets [][][]glyph
		for i := len(segs) - 1; i >= 0 && saved < f; i-- {
			lines := s.reflow(segs[i], cpl)
			d := segs[i].b - segs[i].a + 1 - len(lines)
			if grow {
				d = -d
			}
			// a reflow that spreads a line wider than the justification cap (maxGap) is
			// not taken: the pitch changes to save or add a line, not to open gaps
			if d > 0 && looseLines(lines) > looseLines(s.rowGlyphs(segs[i])) {
				d = 0
			}
			if d > 0 {
				saved += d
				use = append(use, segs[i])
				sets = append(sets, lines)
			}
		}
		if saved < f {
			continue
		}
		// use is from the last segment backwards: replacing in that order keeps indexes valid
		t := 1
		if grow {
			t = -1
		}
		for i, sg := range use {
			s.replaceRows(sg, sets[i], t)
		}
		return true
	}
	return false
}

// rowGlyphs returns the lines of a segment's rows.
func (s *setter) rowGlyphs(sg segment) [][]glyph {
	out := make([][]glyph, 0, sg.b-sg.a+1)
	for k := sg.a; k <= sg.b; k++ {
		out = append(out, s.rows[k].glyphs)
	}
	return out
}

// looseLines counts the justified lines (all but the last) whose characters are spread wider
// than the breaker allows (spreadTooWide).
func looseLines(lines [][]glyph) int {
	n := 0
	var rs []rune
	for li, ln := range lines {
		if li == len(lines)-1 || len(ln) < 2 {
			continue
		}
		var natural, em Length
		rs = rs[:0]
		for _, g := range ln {
			natural += g.adv
			em = max(em, g.adv)
			rs = append(rs, g.r)
		}
		last := ln[len(ln)-1]
		if em > 0 && spreadTooWide(rs, last.x+last.adv-ln[0].x-natural, em) {
			n++
		}
	}
	return n
}

// reflow sets the runes of a segment at cpl characters a line (full lines still justified
// to the 版心's width).
func (s *setter) reflow(sg segment, cpl int) [][]glyph {
	r0 := s.rows[sg.a]
	src := *s.para(r0.para)
	from, to := r0.from, s.rows[sg.b].to
	p := src
	p.rs, p.roles, p.elems = src.rs[from:to], src.roles[from:to], src.elems[from:to]
	if from > 0 {
		p.first = src.rest
	}
	saved := s.grid
	s.grid = saved * 28 / (float64(cpl) + 0.001)
	lines := s.lines(p)
	s.grid = saved
	return lines
}

// replaceRows puts the reflowed lines of a segment in place of its rows.
func (s *setter) replaceRows(sg segment, lines [][]glyph, tight int) {
	old := s.rows[sg.a : sg.b+1]
	d := len(old) - len(lines)
	nr := make([]row, 0, len(s.rows)-d)
	nr = append(nr, s.rows[:sg.a]...)
	st := old[0].from
	for i, ln := range lines {
		r := row{glyphs: ln, pullable: true, para: old[0].para, from: st, tight: tight}
		st += len(ln)
		r.to = st
		if i == 0 {
			r.keepNext = old[0].keepNext && len(lines) == 1
			for _, b := range old[0].boxes {
				if b.H > LinePitch || d < 0 {
					b.H -= Length(d) * LinePitch
				}
				r.boxes = append(r.boxes, b)
			}
		}
		nr = append(nr, r)
	}
	nr = append(nr, s.rows[sg.b+1:]...)
	s.rows = nr
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
	s.renderPlaces(s.places)
	s.paras = nil // reflow is over
}

// renderPlaces draws placed rows onto their pages.
func (s *setter) renderPlaces(places []placement) {
	for len(s.lastBottom) < len(s.pages) {
		s.lastBottom = append(s.lastBottom, 0)
	}
	for _, pl := range places {
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
		if pl.row >= 0 {
			// drawn: the page holds its text now; let the glyphs go as the pages grow
			// (a repeated table header is drawn again and stays)
			r.glyphs = nil
		}
	}
}
