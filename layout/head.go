package layout

import (
	"fmt"
	"strings"

	"gongwen/document"
)

// The 版头 (7.2) of 文件格式 and the heads of the special formats (10), drawn on page 1 in
// millimetres from the page top, and the title (7.3.1) below them.

const (
	markTopFile   = MarginTop + 35*Millimetre // 7.2.4: 35 mm below the 版心's top
	markTopOrder  = MarginTop + 20*Millimetre // 10.2
	markTopLetter = 30 * Millimetre           // 10.1: from the page top
	markMaxSize   = 22 * Millimetre
	markMaxLetter = 16 * Millimetre // 信函: the organ's name alone, set smaller
	markMaxWidth  = 150 * Millimetre
	separatorGap  = 4 * Millimetre
	separatorW    = 500 * Micrometre
	letterLeft    = 20 * Millimetre
	letterLen     = 170 * Millimetre
	bodyCentre    = MarginLeft + BodyWidth/2
	bodyRight     = MarginLeft + BodyWidth
)

// head draws the 版头 and the title on page 1 and returns the slot where the flow (主送 or
// body) starts.
func (s *setter) head() int {
	d := s.doc
	p := &s.pages[0]
	var below Length // the lowest em bottom / rule bottom drawn so far, from the page top
	switch d.Format {
	case document.FormatLetter:
		below = s.letterHead(p)
	case document.FormatOrder:
		below = s.orderHead(p)
	case document.FormatMinutes:
		below = s.minutesHead(p)
	default:
		if !s.hasFileHead() {
			return s.headless(p)
		}
		below = s.fileHead(p)
	}
	// 标题 two blank lines below; 命令 and 纪要 without a title: the body two blank lines below
	blanks := 2
	if strings.TrimSpace(d.Title) != "" {
		top := below + 2*LinePitch
		below = s.title(p, top)
		blanks = 1
		below = s.titleNote(p, below)
	}
	slot := snapSlot(below + Length(blanks)*LinePitch - MarginTop)
	return slot
}

// titleNote draws the 题注 centred on the lines from below (from the page top) and returns
// the bottom of its last line.
func (s *setter) titleNote(p *Page, below Length) Length {
	d := s.doc
	if d.TitleNote == "" {
		return below
	}
	gs := s.tag(s.shape(nil, d.TitleNote, Kai, Hao(3), Black, ElemTitleNote), document.PathTitleNote)
	// balanced lines like the title's: a note just over one line splits in two halves
	// rather than a full line over a short tail
	rs := make([]rune, len(gs))
	adv := make([]Length, len(gs))
	for i := range gs {
		rs[i], adv[i] = gs[i].r, gs[i].adv
	}
	var lines [][]glyph
	st := 0
	for _, e := range balanceLines(rs, adv, BodyWidth, docWords(s.doc), s.opts.TitleEndings...) {
		ln := gs[st:e:e]
		place(ln, bodyCentre-inkWidth(ln)/2)
		lines = append(lines, ln)
		st = e
	}
	markSoft(lines)
	for _, ln := range lines {
		y := below + baselineIn(Hao(3))
		p.addGlyphs(ln, y)
		s.glyphBox(p, ln, y, "题注 · 7.3.1 · 标题之下居中")
		below += LinePitch
	}
	return below
}

// hasFileHead reports whether a 文件格式 document has a 版头: a 发文机关标志, a 发文字号 or
// 签发人. Without one (决议, 公报) the document starts with its title.
func (s *setter) hasFileHead() bool {
	d := s.doc
	return len(s.issuerNames()) > 0 || strings.TrimSpace(d.MarkSuffix) != "" || strings.TrimSpace(d.Number) != "" ||
		(d.Direction == document.DirectionUp && len(d.Signers) > 0)
}

// headless lays out page 1 of a document without 版头: 份号, 密级 and 紧急程度 (if any) on
// the first lines, then the title on the next line of the 版心 (the first line when there
// are none), the 题注 under it and the body after one blank line. It returns the body's slot.
func (s *setter) headless(p *Page) int {
	d := s.doc
	n := 0
	for _, t := range []string{d.CopyNumber, d.Classification, d.Urgency} {
		if t != "" {
			n++
		}
	}
	s.topLeft(p, MarginTop+(LinePitch-Hao(3))/2, LinePitch, "")
	top := MarginTop + Length(n)*LinePitch
	if strings.TrimSpace(d.Title) == "" {
		return snapSlot(top - MarginTop)
	}
	nb := len(p.Boxes)
	below := s.title(p, top)
	if len(p.Boxes) > nb {
		p.Boxes[nb].Label = "标题 · 7.3.1 · 无版头时排在版心第一行，2号小标宋居中"
	}
	below = s.titleNote(p, below)
	return snapSlot(below + LinePitch - MarginTop)
}

// markSize picks the mark's font size so that its widest line (in ems at size 1 mm) fits.
func (s *setter) markSize(emsWide float64) Length {
	sz := Length(float64(markMaxWidth) / emsWide)
	limit := markMaxSize
	if s.doc.Format == document.FormatLetter {
		limit = markMaxLetter
	}
	if sz > limit {
		sz = limit
	}
	return sz
}

// markMinSize is the size below which a mark is hard to read: the run warns.
const markMinSize = 9 * Millimetre

func (s *setter) warnSmallMark(text string, size Length) {
	if size < markMinSize && s.opts.Warn != nil {
		s.opts.Warn(fmt.Sprintf("发文机关标志“%s”过长，字号已缩小到 %.1f 毫米，可改用规范化简称 (mark too long)", text, size.Mm()))
	}
}

// ems returns the width of glyphs shaped at size in ems.
func ems(gs []glyph, size Length) float64 { return float64(width(gs)) / float64(size) }

// mark draws the red 发文机关标志 with its em top at top and returns its em bottom. Several
// issuers (联合行文) stack their names with the suffix to the right, centred on them.
func (s *setter) mark(p *Page, top Length, names, paths []string, suffix, label string) Length {
	unit := Mm(10)
	if len(names) <= 1 {
		text := suffix
		if len(names) == 1 {
			text = names[0] + suffix
		}
		gs := s.shape(nil, text, XiaoBiaoSong, unit, Red, ElemMark)
		if width(gs) <= 0 {
			return top
		}
		size := s.markSize(ems(gs, unit))
		s.warnSmallMark(text, size)
		gs = s.shape(gs[:0], text, XiaoBiaoSong, size, Red, ElemMark)
		n := 0
		if len(names) == 1 {
			n = len([]rune(names[0]))
			s.tag(gs[:n], paths[0])
		}
		s.tag(gs[n:], document.PathMarkSuffix)
		place(gs, bodyCentre-width(gs)/2)
		y := top + emAscent(size)
		for i := range gs {
			gs[i].dy = 0
		}
		p.addGlyphs(gs, y)
		s.glyphBox(p, gs, y, label)
		return top + size
	}
	// 联合行文: the names justified to the longest, stacked; the suffix to their right
	longest := 0.0
	for _, n := range names {
		gs := s.shape(nil, n, XiaoBiaoSong, unit, Red, ElemMark)
		if e := ems(gs, unit); e > longest {
			longest = e
		}
	}
	sg := s.shape(nil, suffix, XiaoBiaoSong, unit, Red, ElemMark)
	sufEms := ems(sg, unit)
	gap := 0.5
	if suffix == "" {
		gap = 0
	}
	if longest+gap+sufEms <= 0 {
		return top
	}
	size := s.markSize(longest + gap + sufEms)
	s.warnSmallMark(strings.Join(names, "、"), size)
	if lim := Mm(16); size > lim {
		size = lim
	}
	step := size * 6 / 5
	nameW := Length(longest * float64(size))
	sufW := Length(sufEms * float64(size))
	blockW := nameW + Length(gap*float64(size)) + sufW
	left := bodyCentre - blockW/2
	for i, n := range names {
		gs := s.tag(s.shape(nil, n, XiaoBiaoSong, size, Red, ElemMark), paths[i])
		place(gs, left)
		if len(gs) > 1 {
			justify(gs, left, nameW)
		}
		y := top + Length(i)*step + emAscent(size)
		p.addGlyphs(gs, y)
	}
	blockH := Length(len(names)-1)*step + size
	if suffix != "" {
		sg = s.tag(s.shape(sg[:0], suffix, XiaoBiaoSong, size, Red, ElemMark), document.PathMarkSuffix)
		place(sg, left+blockW-sufW)
		y := top + blockH/2 - size/2 + emAscent(size)
		p.addGlyphs(sg, y)
	}
	s.box(p, ElemMark, left, top, blockW, blockH, label)
	return top + blockH
}

func (s *setter) issuerNames() []string {
	names, _ := s.issuerMarks()
	return names
}

// issuerMarks returns the texts of the 发文机关标志 with the element path each comes from
// (issuers.N.mark, or issuers.N.name when the mark is the name).
func (s *setter) issuerMarks() (names, paths []string) {
	for i, is := range s.doc.Issuers {
		if n := is.MarkName(); n != "" {
			names = append(names, n)
			f := ".mark"
			if is.Mark == "" {
				f = ".name"
			}
			paths = append(paths, "issuers."+itoa(i)+f)
		}
	}
	return names, paths
}

// topLeft draws 份号, 密级和保密期限 and 紧急程度, one a line, from the line whose em top is at
// top (from the page top), flush left; it returns the em bottom of the last (or top when none).
func (s *setter) topLeft(p *Page, top Length, step Length, label string) Length {
	d := s.doc
	type item struct {
		text string
		role Role
		elem Element
		lab  string
		path string
	}
	var items []item
	if d.CopyNumber != "" {
		items = append(items, item{d.CopyNumber, FangSong, ElemCopyNumber, "份号 · 7.2.1 · 版心左上角第一行顶格", document.PathCopyNumber})
	}
	if d.Classification != "" {
		t := d.Classification
		if d.ClassificationTerm != "" {
			t += "★" + d.ClassificationTerm
		}
		items = append(items, item{t, Hei, ElemClassification, "密级和保密期限 · 7.2.2 · 黑体顶格", document.PathClassification})
	}
	if d.Urgency != "" {
		items = append(items, item{d.Urgency, Hei, ElemUrgency, "紧急程度 · 7.2.3 · 黑体顶格", document.PathUrgency})
	}
	bottom := top
	sz := Hao(3)
	for i, it := range items {
		gs := s.tag(s.shape(nil, it.text, it.role, sz, Black, it.elem), it.path)
		if it.elem == ElemClassification && d.ClassificationTerm != "" {
			// 密级★保密期限: the term is an element of its own, the star belongs to neither
			n := len([]rune(d.Classification))
			s.tag(gs[n:n+1], "")
			s.tag(gs[n+1:], document.PathClassificationTerm)
		}
		place(gs, MarginLeft)
		emTop := top + Length(i)*step
		y := emTop + emAscent(sz)
		p.addGlyphs(gs, y)
		s.glyphBox(p, gs, y, it.lab+label)
		bottom = emTop + sz
	}
	return bottom
}

// lineAt draws a single line of 3号 text at x with its em top at top.
func (s *setter) lineAt(p *Page, gs []glyph, x, top Length, label string) {
	if len(gs) == 0 {
		return
	}
	place(gs, x)
	y := top + emAscent(gs[0].size)
	p.addGlyphs(gs, y)
	s.glyphBox(p, gs, y, label)
}

// separator draws the red 版头 rule with its top at top and returns its bottom.
func (s *setter) separator(p *Page, top Length) Length {
	y := top + separatorW/2
	p.Rules = append(p.Rules, Rule{Element: ElemSeparator, X0: MarginLeft, Y0: y, X1: bodyRight, Y1: y, Width: separatorW, Color: Red})
	s.box(p, ElemSeparator, MarginLeft, top, BodyWidth, separatorW, "版头分隔线 · 7.2.7 · 发文字号之下 4 mm，与版心等宽，红色")
	return top + separatorW
}

// fileHead draws the 版头 of 文件格式 (下行文, 上行文, 联合行文).
func (s *setter) fileHead(p *Page) Length {
	d := s.doc
	pitchTop := MarginTop + (LinePitch-Hao(3))/2
	s.topLeft(p, pitchTop, LinePitch, "")
	suffix := d.MarkSuffix
	names, paths := s.issuerMarks()
	bottom := s.mark(p, markTopFile, names, paths, suffix, "发文机关标志 · 7.2.4 · 上边缘距版心上边缘 35 mm，红色小标宋，居中")
	return s.numberLine(p, bottom)
}

// numberLine draws the 发文字号 (and the 签发人 of a 上行文) two blank lines below the mark's
// em bottom, then the red separator; it returns the separator's bottom. Without a number nor
// signers, the separator keeps its usual place.
func (s *setter) numberLine(p *Page, markBottom Length) Length {
	d := s.doc
	sz := Hao(3)
	slotT := markBottom + 2*LinePitch
	emTop := func(line int) Length { return slotT + Length(line)*LinePitch + (LinePitch-sz)/2 }
	lastLine := 0
	up := d.Direction == document.DirectionUp && len(d.Signers) > 0
	if up {
		// 签发人：name name / name name — one character in from the right; later lines under the first name
		label := s.shape(nil, "签发人：", FangSong, sz, Black, ElemSigners)
		labelW := width(label)
		var lines [][]glyph
		for i := 0; i < len(d.Signers); i += 2 {
			var ln []glyph
			for j := i; j < i+2 && j < len(d.Signers); j++ {
				if j > i {
					ln = s.shape(ln, "　", Kai, sz, Black, ElemSigners)
				}
				n := len(ln)
				ln = s.shape(ln, d.Signers[j], Kai, sz, Black, ElemSigners)
				s.tag(ln[n:], "signers."+itoa(j))
			}
			lines = append(lines, ln)
		}
		w0 := labelW + width(lines[0])
		x0 := bodyRight - CharPitch - w0
		nameX := x0 + labelW
		for i, ln := range lines {
			if i == 0 {
				s.lineAt(p, label, x0, emTop(0), "")
			}
			s.lineAt(p, ln, nameX, emTop(i), "")
		}
		lastLine = len(lines) - 1
		// The 版头 must leave room on page 1 for the title and a line of text (first-page
		// rule): more 签发人 lines than that are refused, not printed over the page number.
		if emTop(lastLine)+sz+separatorGap > MarginTop+BodyHeight-4*LinePitch && s.err == nil {
			s.err = fitErrorf("签发人共 %d 人，排成 %d 行，版头超出首页（首页须留出标题和正文）：GB/T 9704-2012 7.2.6 的签发人是签批公文的领导，请只列签发人 (too many 签发人 for page 1)", len(d.Signers), len(lines))
		}
		s.box(p, ElemSigners, x0, emTop(0), bodyRight-CharPitch-x0, emTop(lastLine)+sz-emTop(0),
			"签发人 · 7.2.6 · 标志下空二行，居右空一字，姓名楷体")
	}
	if d.Number != "" {
		gs := s.tag(s.shape(nil, d.Number, FangSong, sz, Black, ElemNumber), document.PathNumber)
		x := bodyCentre - width(gs)/2
		lab := "发文字号 · 7.2.5 · 标志下空二行居中"
		if up {
			x = MarginLeft + CharPitch
			lab = "发文字号 · 7.2.5 · 上行文居左空一字，与最后一个签发人同行"
		}
		s.lineAt(p, gs, x, emTop(lastLine), lab)
	}
	return s.separator(p, emTop(lastLine)+sz+separatorGap)
}

// letterHead draws the head of 信函格式 (10.1).
func (s *setter) letterHead(p *Page) Length {
	d := s.doc
	names, paths := s.issuerMarks()
	bottom := s.mark(p, markTopLetter, names, paths, d.MarkSuffix, "发文机关标志 · 10.1 · 上边缘距页面上边缘 30 mm")
	// red double rule, thick over thin, 4 mm below the mark
	thick, thin, gap := Mm(0.8), Mm(0.3), Mm(0.8)
	y := bottom + Mm(4)
	p.Rules = append(p.Rules,
		Rule{Element: ElemLetterRule, X0: letterLeft, Y0: y + thick/2, X1: letterLeft + letterLen, Y1: y + thick/2, Width: thick, Color: Red},
		Rule{Element: ElemLetterRule, X0: letterLeft, Y0: y + thick + gap + thin/2, X1: letterLeft + letterLen, Y1: y + thick + gap + thin/2, Width: thin, Color: Red})
	s.box(p, ElemLetterRule, letterLeft, y, letterLen, thick+gap+thin, "信函格式双线 · 10.1 · 标志下 4 mm，上粗下细，长 170 mm")
	under := y + thick + gap + thin
	// thin over thick, the thick one's bottom 20 mm above the page bottom
	low := PageHeight - Mm(20)
	p.Rules = append(p.Rules,
		Rule{Element: ElemLetterRule, X0: letterLeft, Y0: low - thick - gap - thin/2, X1: letterLeft + letterLen, Y1: low - thick - gap - thin/2, Width: thin, Color: Red},
		Rule{Element: ElemLetterRule, X0: letterLeft, Y0: low - thick/2, X1: letterLeft + letterLen, Y1: low - thick/2, Width: thick, Color: Red})
	s.box(p, ElemLetterRule, letterLeft, low-thick-gap-thin, letterLen, thick+gap+thin, "信函格式双线 · 10.1 · 距页面下边缘 20 mm，上细下粗")
	sz := Hao(3)
	first := under + sz*7/8
	last := s.topLeft(p, first, LinePitch, "（信函格式：第一条红色双线下 7/8 字高）")
	if d.Number != "" {
		gs := s.tag(s.shape(nil, d.Number, FangSong, sz, Black, ElemNumber), document.PathNumber)
		s.lineAt(p, gs, bodyRight-width(gs), first, "发文字号 · 10.1 · 第一条红色双线下居右顶格")
		if first+sz > last {
			last = first + sz
		}
	}
	if last < under {
		last = under
	}
	return last
}

// orderHead draws the head of 命令（令）格式 (10.2).
func (s *setter) orderHead(p *Page) Length {
	d := s.doc
	suffix := d.MarkSuffix
	if suffix == "" {
		suffix = "令"
	}
	names, paths := s.issuerMarks()
	bottom := s.mark(p, markTopOrder, names, paths, suffix, "发文机关标志 · 10.2 · 上边缘距版心上边缘 20 mm")
	if d.OrderNumber == "" {
		return bottom
	}
	sz := Hao(3)
	gs := s.tag(s.shape(nil, d.OrderNumber, FangSong, sz, Black, ElemOrderNumber), document.PathOrderNumber)
	top := bottom + 2*LinePitch + (LinePitch-sz)/2
	s.lineAt(p, gs, bodyCentre-width(gs)/2, top, "令号 · 10.2 · 标志下空二行居中")
	return top + sz
}

// minutesHead draws the head of 纪要格式 (10.3).
func (s *setter) minutesHead(p *Page) Length {
	d := s.doc
	name, path := d.MeetingName, document.PathMeetingName
	if name == "" && len(d.Issuers) > 0 {
		name = d.Issuers[0].MarkName()
		path = "issuers.0.mark"
		if d.Issuers[0].Mark == "" {
			path = "issuers.0.name"
		}
	}
	suffix := d.MarkSuffix
	if suffix == "" {
		suffix = "纪要"
	}
	bottom := s.mark(p, markTopFile, []string{name}, []string{path}, suffix, "发文机关标志 · 10.3 · 会议名称加“纪要”，上边缘距版心上边缘 35 mm")
	s.topLeft(p, MarginTop+(LinePitch-Hao(3))/2, LinePitch, "")
	return s.numberLine(p, bottom)
}

// title draws the 标题 in 2号 小标宋 from the slot whose top is at top (from the page top),
// centred on balanced lines; it returns the bottom of its last slot.
func (s *setter) title(p *Page, top Length) Length {
	sz := Hao(2)
	lines := s.tagLines(s.titleLines(s.doc.Title, sz, ElemTitle), document.PathTitle)
	for i, ln := range lines {
		y := top + Length(i)*LinePitch + baselineIn(sz)
		p.addGlyphs(ln, y)
	}
	if len(lines) > 0 {
		left, right := bodyRight, MarginLeft
		for _, ln := range lines {
			if len(ln) == 0 {
				continue
			}
			if ln[0].x < left {
				left = ln[0].x
			}
			if e := ln[len(ln)-1].x + ln[len(ln)-1].adv; e > right {
				right = e
			}
		}
		s.box(p, ElemTitle, left, top, right-left, Length(len(lines))*LinePitch,
			fmt.Sprintf("标题 · 7.3.1 · 版头分隔线下空二行，2号小标宋居中，%d 行梯形或菱形排列", len(lines)))
	}
	return top + Length(len(lines))*LinePitch
}

// titleLines shapes a title and cuts it into balanced, centred lines. A line break typed in the
// title ("\n") is kept when every typed line fits the 版心; when one does not (a title pasted
// from a web page keeps the page's wrap: 中共浙江省委办公厅、浙江省人民政府办公厅转发 / 《关于
// ……》的通知), the typed breaks are dropped and the whole title is balanced, rather than the
// long line wrapping on its own and leaving a stub (转发) between the typed lines.
func (s *setter) titleLines(title string, sz Length, elem Element) [][]glyph {
	var parts []string
	for _, part := range strings.Split(title, "\n") {
		part = strings.TrimRight(part, "\r")
		if strings.TrimSpace(part) != "" {
			parts = append(parts, part)
		}
	}
	if len(parts) > 1 {
		for _, part := range parts {
			if width(s.shape(nil, part, XiaoBiaoSong, sz, Black, elem)) > BodyWidth+lineTolerance {
				for i := range parts {
					parts[i] = strings.TrimSpace(parts[i])
				}
				parts = []string{strings.Join(parts, "")}
				break
			}
		}
	}
	var out [][]glyph
	for _, part := range parts {
		gs := s.shape(nil, part, XiaoBiaoSong, sz, Black, elem)
		rs := make([]rune, len(gs))
		adv := make([]Length, len(gs))
		for i := range gs {
			rs[i], adv[i] = gs[i].r, gs[i].adv
		}
		ends := balanceLines(rs, adv, BodyWidth, docWords(s.doc), s.opts.TitleEndings...)
		st := 0
		n := len(out)
		for _, e := range ends {
			ln := gs[st:e:e]
			place(ln, bodyCentre-inkWidth(ln)/2)
			out = append(out, ln)
			st = e
		}
		markSoft(out[n:])
	}
	return out
}

// inkWidth is the width of a line without its trailing spaces (for centring).
func inkWidth(gs []glyph) Length {
	n := len(gs)
	for n > 0 && (gs[n-1].r == ' ' || gs[n-1].r == '\u3000') {
		n--
	}
	return width(gs[:n])
}

// centredLines cuts shaped glyphs into lines of at most w, centred on the 版心.
func (s *setter) centredLines(gs []glyph, w Length) [][]glyph {
	rs := make([]rune, len(gs))
	adv := make([]Length, len(gs))
	for i := range gs {
		rs[i], adv[i] = gs[i].r, gs[i].adv
	}
	ends := breakLines(rs, adv, w, w, nil, nil)
	var out [][]glyph
	st := 0
	for _, e := range ends {
		ln := gs[st:e:e]
		place(ln, bodyCentre-width(ln)/2)
		out = append(out, ln)
		st = e
	}
	return out
}
