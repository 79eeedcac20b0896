package layout

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"gongwen/document"
)

// Options tune a typesetting run.
type Options struct {
	// Fonts is the font set; nil means DefaultFonts().
	Fonts *Fonts
	// Explain adds Boxes with element names, clauses and measurements (讲解模式).
	Explain bool
	// Warn, when set, receives a Chinese message for every problem the layout works around
	// (a character no font has, printed as 〓).
	Warn func(msg string)
	// TitleEndings are the words a title may end with after 的 (the 文种 and title endings of
	// the template set: pipeline gives them); a title breaks best before that 的. Layout keeps
	// no list of its own: nil knows none.
	TitleEndings []string
	// Page, when set, receives each page with its Records as soon as no later row can change
	// it, in order (pages are numbered from 0 in the Records); Run then returns a Result
	// without Pages and Records, and holds only the last pages of a long document. An error
	// from Page ends the run with that error.
	Page func(pg Page, recs []Record) error
}

// Typeset lays the document out into pages as GB/T 9704-2012 places them. It is Run without
// the Records, for callers that only paint.
func Typeset(doc *document.Document, opts Options) ([]Page, error) {
	res, err := Run(doc, opts)
	if err != nil {
		return nil, err
	}
	return res.Pages, nil
}

// Run lays the document out into pages as GB/T 9704-2012 places them and hands over a
// Record for every placed element (see Record). It opens no file: the fonts come in
// Options, the seal and signature images in doc.Images (document.LoadImages).
func Run(doc *document.Document, opts Options) (*Result, error) {
	if doc == nil {
		return nil, fmt.Errorf("layout: 没有公文可排版 (no document)")
	}
	// the images come in as data (document.LoadImages); one that could not be read is
	// reported with its place in the input
	if err := document.ImagesReady(doc); err != nil {
		return nil, err
	}
	fs := opts.Fonts
	if fs == nil {
		fs = DefaultFonts()
	}
	s := &setter{
		doc:     visibleCopy(doc),
		opts:    opts,
		fonts:   fs,
		cache:   make(map[gkey]ginfo, 512),
		warned:  map[rune]bool{},
		grid:    float64(CharPitch) / float64(Hao(3)),
		paths:   []string{""},
		pathIdx: map[string]int32{"": 0},
	}
	res := &Result{}
	s.emit = opts.Page
	if s.emit == nil {
		s.emit = func(pg Page, recs []Record) error {
			res.Pages = append(res.Pages, pg)
			res.Records = append(res.Records, recs...)
			return nil
		}
	}
	if err := s.run(); err != nil {
		return nil, err
	}
	return res, nil
}

// setter holds the state of one typesetting run.
type setter struct {
	doc    *document.Document
	opts   Options
	fonts  *Fonts
	cache  map[gkey]ginfo
	warned map[rune]bool
	err    error
	// grid scales font advances so that 28 3号 characters fill the 156 mm line.
	grid float64

	pages []Page
	rows  []row
	// paras are the 正文 paragraphs; rows refer to them (row.para) to reflow them tighter.
	paras  []para
	places []placement
	// lastBottom[i] is the lowest point of content on page i, from the 版心 top.
	lastBottom []Length

	ruleBuf []bool
	endBuf  []int
	group   int
	// headers are table header rows repeated after a page break.
	headers []*row
	// recipientsMoved: the 主送 goes to the 版记 (7.3.2).
	recipientsMoved bool
	// start is the slot where the flow starts on page 1.
	start int
	// banjiAfterBlank: a blank page precedes the 版记 page (neither is numbered).
	banjiAfterBlank bool
	// banjiRecipients is the number of 版记 lines the moved 主送 takes.
	banjiRecipients int

	// paths interns the element paths glyphs carry (glyph.path indexes it; 0 is ""); the
	// paragraphs' paths have negative ids, computed from families (numberedPathID).
	paths    []string
	pathIdx  map[string]int32
	families []string

	// emit receives the pages as they are final (stream.go); pages before floor are handed
	// over, their rows gone; settle runs again when len(rows) reaches nextSettle; the
	// paragraphs before paraBase are released (paras holds those from paraBase on: row.para
	// n is paras[n-1-paraBase]); parts counts each element's pieces (Record.Part).
	emit       func(Page, []Record) error
	floor      int
	nextSettle int
	paraBase   int
	parts      map[partKey]partCount
}

// A key is the role's one-byte id above the rune, in one integer: the map's fast path
// hashes it (a struct key, or one with the role's string, is hashed field by field).
type gkey uint64

func glyphKey(id roleID, r rune) gkey { return gkey(id)<<32 | gkey(uint32(r)) }

// ginfo is a resolved character: the face that prints it, the rune printed (〓 for a
// character no font has) and its advance in millionths of an em. (Fields ordered so that it
// packs into 32 bytes: the cache holds one per character and role.)
type ginfo struct {
	face *Face
	em   Length
	// nat is the face's own advance when it is narrower than em (a punctuation mark widened
	// to a whole cell, see fullCell); align says where it sits in the cell.
	nat   Length
	r     rune
	role  roleID
	align cellAlign
}

// glyph is one placed character.
type glyph struct {
	face *Face
	x    Length // left edge, from the page's left
	dy   Length // baseline, from the top of the row (or of the page for head items)
	adv  Length
	size Length
	r    rune
	// path indexes setter.paths: the document.Field path of the text the glyph comes from.
	path  int32
	color Color
	role  roleID
	elem  elemID
	// soft: the line breaker ended a line after this glyph (not a forced break).
	soft bool
	// off is where the glyph is drawn inside its box [x, x+adv): a narrow punctuation mark
	// widened to a cell, the space padded before a run of half-width characters (grid.go).
	off int16
}

// roleID is a Role in one byte (glyphs are many).
type roleID uint8

var roleOrder = [...]Role{"", FangSong, XiaoBiaoSong, Hei, Kai, Song}

func idOfRole(r Role) roleID {
	for i, x := range roleOrder {
		if x == r {
			return roleID(i)
		}
	}
	return 0
}

// elemID is an Element in one byte (glyphs and characters are many): its index in elemOrder.
type elemID uint8

var elemOrder = [...]Element{"", ElemCopyNumber, ElemClassification, ElemUrgency, ElemMark, ElemNumber,
	ElemSigners, ElemSeparator, ElemOrderNumber, ElemTitle, ElemTitleNote, ElemRecipients, ElemBody,
	ElemHeading1, ElemHeading2, ElemAttachNotes, ElemIssuerSign, ElemDate, ElemSeal, ElemSignature,
	ElemNote, ElemAttendance, ElemAttachment, ElemAttachTitle, ElemTable, ElemCC, ElemPrint,
	ElemBanjiRule, ElemPageNumber, ElemLetterRule}

// idOfElem returns e's index in elemOrder; an element missing from it is a programming error.
func idOfElem(e Element) elemID {
	for i, x := range elemOrder {
		if x == e {
			return elemID(i)
		}
	}
	panic("layout: element " + string(e) + " missing from elemOrder")
}

// Element returns the Element of the id.
func (id elemID) Element() Element { return elemOrder[id] }

const emUnit = Length(1000000)

func (s *setter) resolve(role Role, r rune) ginfo {
	id := idOfRole(role)
	if id == 0 && role != "" {
		return s.resolveUncached(role, r) // not one of roleOrder: no key of its own
	}
	k := glyphKey(id, r)
	if g, ok := s.cache[k]; ok {
		return g
	}
	g := s.resolveUncached(role, r)
	s.cache[k] = g
	return g
}

// resolveUncached is resolve without the cache.
func (s *setter) resolveUncached(role Role, r rune) ginfo {
	f, ok, err := s.fonts.Resolve(role, r)
	if err != nil {
		if s.err == nil {
			s.err = fmt.Errorf("layout: 载入字体失败 (load fonts): %w", err)
		}
		return ginfo{r: r, role: idOfRole(role)}
	}
	pr := r
	if !ok {
		switch r {
		case '\t':
			pr = ' '
		default:
			if !s.warned[r] {
				s.warned[r] = true
				if s.opts.Warn != nil {
					s.opts.Warn(fmt.Sprintf("字库中没有字符“%c”（U+%04X），已印为〓 (no font has this character)", r, r))
				}
			}
			pr = '〓'
		}
		if g, ok2, _ := s.fonts.Resolve(role, pr); ok2 {
			f = g
		}
	}
	g := ginfo{face: f, r: pr, role: idOfRole(role)}
	if f != nil {
		g.em = f.Advance(pr, emUnit)
		if a, ok := fullCell[pr]; ok && g.em > 0 && g.em < emUnit*9/10 {
			g.nat, g.align, g.em = g.em, a, emUnit
		}
	}
	return g
}

// shape appends the glyphs of str in one role at size; x is left 0, advances set.
func (s *setter) shape(dst []glyph, str string, role Role, size Length, color Color, elem Element) []glyph {
	id := idOfElem(elem)
	for _, r := range str {
		dst = append(dst, s.glyphIDs(r, role, size, color, id))
	}
	return dst
}

func (s *setter) glyphOf(r rune, role Role, size Length, color Color, elem Element) glyph {
	return s.glyphIDs(r, role, size, color, idOfElem(elem))
}

// glyphIDs is glyphOf with the element already a small integer (the per-character path).
func (s *setter) glyphIDs(r rune, role Role, size Length, color Color, elem elemID) glyph {
	if r == '\n' || r == '\r' {
		r = ' '
	}
	g := s.resolve(role, r)
	adv := Length(float64(g.em)*float64(size)*s.grid/float64(emUnit) + 0.5)
	gl := glyph{face: g.face, r: g.r, adv: adv, size: size, color: color, elem: elem, role: g.role}
	if g.nat > 0 {
		// the mark is drawn at its own width: flush right, left or centred in the cell
		blank := adv - Length(float64(g.nat)*float64(size)/float64(emUnit)+0.5)
		switch g.align {
		case alignRight:
			gl.setOff(blank)
		case alignCentre:
			gl.setOff(blank / 2)
		}
	}
	return gl
}

func width(gs []glyph) Length {
	var w Length
	for i := range gs {
		w += gs[i].adv
	}
	return w
}

// place sets the glyphs one after the other from x.
func place(gs []glyph, x Length) {
	for i := range gs {
		gs[i].x = x
		x += gs[i].adv
	}
}

// justify spreads the glyphs (already placed from x) so the line is exactly w wide; the slack
// goes between characters, not inside Latin words and numbers where that can be avoided.
func justify(gs []glyph, x, w Length) {
	n := len(gs)
	if n < 2 {
		place(gs, x)
		return
	}
	slack := w - width(gs)
	if slack <= 0 {
		place(gs, x)
		return
	}
	gaps := 0
	for i := 1; i < n; i++ {
		if !joined(gs[i-1].r, gs[i].r) {
			gaps++
		}
	}
	all := gaps == 0
	if all {
		gaps = n - 1
	}
	k := 0
	cx := x
	for i := 0; i < n; i++ {
		if i > 0 && (all || !joined(gs[i-1].r, gs[i].r)) {
			k++
		}
		gs[i].x = cx + slack*Length(k)/Length(gaps)
		cx += gs[i].adv
	}
}

// slotTop is the top of line slot i (0-based) from the top of the 版心.
func slotTop(i int) Length { return Length(i) * BodyHeight / Length(LinesPerPage) }

// baselineIn is the baseline of text of the given size centred (its em box) in a slot.
func baselineIn(size Length) Length {
	return (LinePitch-size)/2 + emAscent(size)
}

// emAscent is the height of the em box above the baseline (all bundled fonts: 880/1000).
func emAscent(size Length) Length { return size * 88 / 100 }

// slotAt returns the first slot whose top is at or below y (from the 版心 top).
func slotAt(y Length) int {
	i := int((y + 200) / (BodyHeight / Length(LinesPerPage)))
	for slotTop(i) < y-200 {
		i++
	}
	return i
}

// snapSlot returns the slot nearest to a wanted top y (from the 版心 top).
func snapSlot(y Length) int {
	if y <= 0 {
		return 0
	}
	p := BodyHeight / Length(LinesPerPage)
	return int((y + p/2) / p)
}

func (s *setter) run() error {
	d := s.doc
	s.pages = append(s.pages, Page{})
	start := s.head()
	s.start = start
	if s.err != nil {
		return s.err
	}
	if err := s.headFits(); err != nil {
		return err
	}
	s.mainRows(start)
	if s.err != nil {
		return s.err
	}
	for i := range d.Attachments {
		if s.attachmentRows(i); s.err != nil {
			return s.err
		}
	}
	return s.finish()
}

// runGap splits a run where characters stand apart (印发机关 … 印发日期, table cells).
const runGap = 2500 * Micrometre

// addGlyphs appends glyphs as Texts to a page: one Text per run of the same face, size, colour,
// element and baseline. top is added to each glyph's dy. It also keeps the placed lines by
// element path for the Records.
func (p *Page) addGlyphs(gs []glyph, top Length) {
	var b strings.Builder
	var runs [8]textRun // the first runs' texts, which the pieces share
	nr := 0
	for i := 0; i < len(gs); {
		j := i + 1
		for j < len(gs) && gs[j].face == gs[i].face && gs[j].size == gs[i].size && gs[j].color == gs[i].color &&
			gs[j].elem == gs[i].elem && gs[j].dy == gs[i].dy && gs[j].x-(gs[j-1].x+gs[j-1].adv) < runGap &&
			gs[j].x >= gs[j-1].x {
			j++
		}
		b.Reset()
		n := 0
		for k := i; k < j; k++ {
			if l := utf8.RuneLen(gs[k].r); l > 0 {
				n += l
			} else {
				n += 3 // WriteRune writes U+FFFD
			}
		}
		b.Grow(n) // one allocation for the run's text
		xs := make([]Length, 0, j-i)
		for k := i; k < j; k++ {
			b.WriteRune(gs[k].r)
			xs = append(xs, gs[k].x+Length(gs[k].off))
		}
		var id FontID
		if gs[i].face != nil {
			id = gs[i].face.ID
		}
		str := b.String()
		p.Texts = append(p.Texts, Text{Element: gs[i].elem.Element(), Font: id, Size: gs[i].size, Color: gs[i].color,
			Y: top + gs[i].dy, S: str, X: xs})
		if nr < len(runs) {
			runs[nr] = textRun{i, j, str}
			nr++
		}
		i = j
	}
	p.addPieces(gs, top, runs[:nr])
}

// box adds an explanation box (讲解模式) when the run explains.
func (s *setter) box(p *Page, e Element, x, y, w, h Length, label string) {
	if !s.opts.Explain {
		return
	}
	p.Boxes = append(p.Boxes, Box{Element: e, X: x, Y: y, W: w, H: h, Label: label})
}

// glyphBox adds an explanation box around a line of glyphs whose baseline is at y.
func (s *setter) glyphBox(p *Page, gs []glyph, y Length, label string) {
	if !s.opts.Explain || len(gs) == 0 {
		return
	}
	last := gs[len(gs)-1]
	sz := gs[0].size
	s.box(p, gs[0].elem.Element(), gs[0].x, y-emAscent(sz), last.x+last.adv-gs[0].x, sz, label)
}
