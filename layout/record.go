package layout

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"gongwen/document"
)

// Record is one placed element as layout decided it: which element of the document it is
// (its document.Field path), on which page, where, in which font role and size, and each of
// its lines with its text and position. Writers other than the painters (the DOCX page
// plan, OFD tags), the checker's geometry rules, the 讲解模式 overlay and the app's
// click-to-field read Records instead of typesetting again or scraping pages by position.
//
// An element that runs over a page break has one Record per page, each with the lines on
// that page (Part counts them from 0).
type Record struct {
	// Path is the document.Field path of the element ("title", "body.3", "issuers.1.name",
	// "attachments.0.title", "attachments.0.table.rows.2.1", "cc" …); empty for items that
	// belong to no editable text (the separator rule, the 版记 rules, page numbers).
	Path string
	// Element is the GB/T 9704 element the item belongs to.
	Element Element
	// Page is the index of the page in the []Page of the same run (0-based).
	Page int
	// Part is 0 for the first piece of an element, 1 for its continuation on the next page, …
	Part int
	// X, Y, W, H is the bounding rectangle (top-left, page coordinates, y downwards).
	X, Y, W, H Length
	// Role and Size are the font role and em size of the element's text (zero for rules,
	// images and circles).
	Role Role
	Size Length
	// Lines are the element's lines on this page, in reading order.
	Lines []RecordLine
}

// RecordLine is one typeset line of an element.
type RecordLine struct {
	// Text is the line's text as printed (no hyphen or filler added).
	Text string
	// X is the left edge of the first character, Y the baseline, W the distance from X to
	// the right edge of the last character.
	X, Y, W Length
	// Forced is true when the line ends because the paragraph ends or a break was forced,
	// false when the line breaker ended it (a soft break a writer must reproduce).
	Forced bool
}

// Result is the whole of one typesetting run: the pages to paint and a Record for every
// placed element.
type Result struct {
	Pages   []Page
	Records []Record
}

// piece is a placed line of one element's text on a page, as addGlyphs drew it.
type piece struct {
	path    int32 // index into setter.paths
	elem    Element
	role    Role
	size    Length
	text    string
	x, y, w Length // y is the baseline
	forced  bool
}

// textRun is a run of glyphs [from, to) addGlyphs made a Text of, with its string.
type textRun struct {
	from, to int
	s        string
}

// addPieces splits a drawn line of glyphs (dy + top is the baseline) into pieces: runs of
// one element path on one baseline. Glyphs of no path make a piece per element; blank ones
// (the space between two 签发人) make none.
func (p *Page) addPieces(gs []glyph, top Length, runs []textRun) {
	for i := 0; i < len(gs); {
		j := i + 1
		for j < len(gs) && gs[j].path == gs[i].path && gs[j].dy == gs[i].dy &&
			(gs[i].path != 0 || gs[j].elem == gs[i].elem) {
			j++
		}
		run := gs[i:j]
		from := i
		i = j
		text := ""
		for _, tr := range runs {
			if tr.from == from && tr.to == j {
				text = tr.s // the same characters as a Text of the page: share its string
				break
			}
		}
		if run[0].path == 0 && blankRun(run) {
			continue
		}
		if text == "" {
			n := 0
			for k := range run {
				n += utf8.RuneLen(run[k].r)
			}
			var b strings.Builder
			b.Grow(n)
			for k := range run {
				b.WriteRune(run[k].r)
			}
			text = b.String()
		}
		last := run[len(run)-1]
		p.pieces = append(p.pieces, piece{path: run[0].path, elem: run[0].elem.Element(), role: roleOrder[run[0].role], size: run[0].size,
			text: text, x: run[0].x, y: top + run[0].dy, w: last.x + last.adv - run[0].x, forced: !last.soft})
	}
}

// blankRun reports whether a run of glyphs prints only spaces.
func blankRun(run []glyph) bool {
	for k := range run {
		if run[k].r != ' ' && run[k].r != '\u3000' {
			return false
		}
	}
	return true
}

// pathID interns an element path.
// Numbered paths: the paragraphs of the 正文 (body.N) and of each attachment
// (attachments.I.body.N) have path ids computed from a family (the prefix, one of at most
// pathFamilies) and the number, instead of one interned string each, so that a long document
// keeps no table entry for each of its paragraphs. Such an id is negative: -1 - (family<<24 | n).
const (
	pathFamilies = 127
	pathNumbers  = 1 << 24
)

// numberedPathID is the path id of prefix + n (n from 0); one beyond the families or numbers
// numbered is interned like any other path.
func (s *setter) numberedPathID(prefix string, n int) int32 {
	f := slices.Index(s.families, prefix)
	if f < 0 && len(s.families) < pathFamilies {
		f = len(s.families)
		s.families = append(s.families, prefix)
	}
	if f < 0 || n < 0 || n >= pathNumbers {
		return s.pathID(prefix + strconv.Itoa(n))
	}
	return -1 - int32(f<<24|n)
}

// pathName is the element path of a path id (pathID, numberedPathID).
func (s *setter) pathName(id int32) string {
	if id < 0 {
		v := int(-1 - id)
		return s.families[v>>24] + strconv.Itoa(v&(pathNumbers-1))
	}
	return s.paths[id]
}

func (s *setter) pathID(path string) int32 {
	if id, ok := s.pathIdx[path]; ok {
		return id
	}
	id := int32(len(s.paths))
	s.paths = append(s.paths, path)
	s.pathIdx[path] = id
	return id
}

// tag marks glyphs as the text of the element at path.
func (s *setter) tag(gs []glyph, path string) []glyph {
	id := s.pathID(path)
	for i := range gs {
		gs[i].path = id
	}
	return gs
}

// tagLines marks lines of glyphs as the text of the element at path.
func (s *setter) tagLines(lines [][]glyph, path string) [][]glyph {
	for _, ln := range lines {
		s.tag(ln, path)
	}
	return lines
}

// markSoft marks the end of every line but the last as a break the line breaker chose.
func markSoft(lines [][]glyph) {
	for i := 0; i+1 < len(lines); i++ {
		if n := len(lines[i]); n > 0 {
			lines[i][n-1].soft = true
		}
	}
}

// recordKey groups the pieces of one element on one page: a 正文 paragraph whose heading
// sentence is in 黑体 or 楷体 is one element.
type recordKey struct {
	path int32
	elem Element
}

func baseElement(e Element) Element {
	if e == ElemHeading1 || e == ElemHeading2 {
		return ElemBody
	}
	return e
}

// pageRecords builds the Records of page pi from its pieces, images, circles and rules, in
// reading order (top to bottom, then left to right); an element's Part counts its pieces
// on the pages before (s.parts).
func (s *setter) pageRecords(pi int, pg *Page) []Record {
	out := make([]Record, 0, len(pg.pieces)+len(pg.Images)+len(pg.Circles)+len(pg.Rules))
	lines := make([]RecordLine, len(pg.pieces))
	var keys []recordKey
	var of, count []int // the record of each piece of the page; the lines of each record
	// the records of the page, and how many lines each has
	for _, pc := range pg.pieces {
		k := recordKey{pc.path, baseElement(pc.elem)}
		i := lastKey(keys, k)
		if i < 0 || pc.path == 0 {
			i = len(keys)
			keys = append(keys, k)
			count = append(count, 0)
			out = append(out, Record{Path: s.pathName(pc.path), Element: pc.elem, Page: pi, X: pc.x,
				Y: pc.y - emAscent(pc.size), W: pc.w, H: pc.size, Role: pc.role, Size: pc.size})
		}
		of = append(of, i)
		count[i]++
	}
	for i, c := range count {
		out[i].Lines, lines = lines[:0:c], lines[c:]
	}
	for j, pc := range pg.pieces {
		r := &out[of[j]]
		r.Lines = append(r.Lines, RecordLine{Text: pc.text, X: pc.x, Y: pc.y, W: pc.w, Forced: pc.forced})
		top := pc.y - emAscent(pc.size)
		grow(r, pc.x, top, pc.x+pc.w, top+pc.size)
	}
	for _, im := range pg.Images {
		out = append(out, Record{Path: im.path, Element: im.Element, Page: pi, X: im.X, Y: im.Y, W: im.W, H: im.H})
	}
	for _, c := range pg.Circles {
		out = append(out, Record{Path: c.path, Element: c.Element, Page: pi, X: c.CX - c.R, Y: c.CY - c.R, W: 2 * c.R, H: 2 * c.R})
	}
	for _, ru := range pg.Rules {
		x, y := min(ru.X0, ru.X1), min(ru.Y0, ru.Y1)
		w, h := max(ru.X0, ru.X1)-x, max(ru.Y0, ru.Y1)-y
		if h == 0 {
			y, h = y-ru.Width/2, ru.Width
		}
		if w == 0 {
			x, w = x-ru.Width/2, ru.Width
		}
		out = append(out, Record{Element: ru.Element, Page: pi, X: x, Y: y, W: w, H: h})
	}
	slices.SortStableFunc(out, func(a, b Record) int {
		if c := cmp.Compare(a.Y, b.Y); c != 0 {
			return c
		}
		return cmp.Compare(a.X, b.X)
	})
	if s.parts == nil {
		s.parts = map[partKey]partCount{}
	}
	for i := range out {
		if p := out[i].Path; p != "" {
			k := partKey{p, baseElement(out[i].Element)}
			c := s.parts[k]
			out[i].Part = c.n
			s.parts[k] = partCount{c.n + 1, pi}
		}
	}
	return out
}

// partKey is an element whose pieces over pages are counted (Record.Part).
type partKey struct {
	path string
	elem Element
}

// partCount is the pieces of an element so far and the last page it was on.
type partCount struct {
	n, page int
}

// partsKept is the number of pages an element's count is kept after the page it was last
// seen on: an element's lines follow each other in the flow, so one that has not been on the
// last pages is complete (a page between two pieces is at most the blank page before the 版记).
const partsKept = 4

// pruneParts forgets the counts of elements complete before page floor (the pages handed
// over), so that a long document does not keep one for each of its paragraphs; the map holds
// the elements of the last pages only, so walking it is cheap.
func (s *setter) pruneParts(floor int) {
	for k, c := range s.parts {
		if c.page < floor-partsKept {
			delete(s.parts, k)
		}
	}
}

// lastKey returns the index of key k in keys (the records of one page so far), or -1.
func lastKey(keys []recordKey, k recordKey) int {
	for i := len(keys) - 1; i >= 0; i-- {
		if keys[i] == k {
			return i
		}
	}
	return -1
}

// grow widens a record's rectangle to hold the box (x0, y0)-(x1, y1).
func grow(r *Record, x0, y0, x1, y1 Length) {
	rx1, ry1 := r.X+r.W, r.Y+r.H
	r.X, r.Y = min(r.X, x0), min(r.Y, y0)
	r.W, r.H = max(rx1, x1)-r.X, max(ry1, y1)-r.Y
}

// banjiPath is the element path of a labelled 版记 line's text (the moved 主送, the 抄送).
func banjiPath(e Element) string {
	if e == ElemRecipients {
		return document.PathRecipients
	}
	return document.PathCC
}
