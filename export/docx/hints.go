package docx

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"gongwen/document"
	"gongwen/layout"
)

// The DOCX follows the PDF's page plan: the layout engine's element Records (one run, the
// same as the PDF's when the caller hands it over in Options.Layout) say where each line of
// each element breaks, on which page it sits, the mark's size and where the text starts.

// layoutSource typesets the document with the caller's fonts, handing the pages over as
// they are final.
func layoutSource(doc *document.Document, opts Options) PageSource {
	return func(emit func(layout.Page, []layout.Record) error) error {
		_, err := layout.Run(doc, layout.Options{Fonts: opts.Faces, Warn: opts.Warn, TitleEndings: opts.TitleEndings, Page: emit})
		return err
	}
}

// lines returns the engine's lines of the element at path on all its pages (the element's
// text without the line breaks typed in it), or nil when it has none.
func (p *plan) lines(path string) []layout.RecordLine {
	var ls []layout.RecordLine
	for _, r := range p.records(path) {
		ls = append(ls, r.Lines...)
	}
	return ls
}

// firstLines returns the lines of the first record of path only (a table header repeated on
// the next page has a record on each).
func (p *plan) firstLines(path string) []layout.RecordLine {
	if r := p.first(path); r != nil {
		return r.Lines
	}
	return nil
}

// brokenLines returns text (the 标题 or the 题注) broken into the lines the layout engine
// set it on (words kept whole, lines balanced), with a warning and the text as typed when
// the engine's lines do not spell it.
func (b *builder) brokenLines(path, text string) string {
	ls := b.plan.lines(path)
	if text == "" || len(ls) == 0 {
		if text != "" {
			b.planned(path, nil, 0, typedLines(text), 0)
		}
		return text
	}
	var parts []string
	for _, l := range ls {
		parts = append(parts, l.Text)
	}
	if strings.Join(parts, "") != strings.ReplaceAll(text, "\n", "") {
		b.warn(fmt.Sprintf("%s 的换行未能沿用排版结果（the layout's line breaks do not spell the text）", path))
		b.planned(path, nil, 0, typedLines(text), 0)
		return text
	}
	b.planned(path, ls, 0, parts, 0)
	return strings.Join(parts, "\n")
}

// titleLines returns the 标题 broken where the layout engine breaks it.
func (b *builder) titleLines() string { return b.brokenLines(document.PathTitle, b.doc.Title) }

// banjiAlone reports whether the layout engine puts the 版记 on a page of its own (an even
// page after the text), and whether a blank page precedes that page.
func (b *builder) banjiAlone() (alone, blankBefore bool) {
	p := b.plan
	p.all()
	page := p.banjiEnd
	if page <= 0 || page >= len(p.facts) {
		return false, false
	}
	if p.facts[page].other {
		return false, false
	}
	return true, p.facts[page-1].blank
}

// hasBanji reports whether the document has a 版记 to write.
func (b *builder) hasBanji() bool {
	d := b.doc
	return d.CC != "" || (d.RecipientsInBanji && d.Recipients != "") ||
		(d.Format != document.FormatLetter && (d.Printer != "" || d.PrintDate != ""))
}

// markSizeFor is the size in points of a one-line 发文机关标志 of the given text: the layout
// engine's when it set the same text, else markSize's estimate.
func (b *builder) markSizeFor(text string) float64 {
	var sb strings.Builder
	size := 0.0
	for _, r := range b.plan.firstPage() {
		if r.Element == layout.ElemMark {
			for _, l := range r.Lines {
				sb.WriteString(l.Text)
			}
			size = max(size, r.Size.Pt())
		}
	}
	if size > 0 && sb.String() == text {
		return math.Round(size*2) / 2
	}
	return markSize(text)
}

// firstTextSlot is the line of the page grid (0 = the 版心's first line) on which the layout
// engine starts the text after the 版头 and title on page 1 (主送 or 正文).
func (b *builder) firstTextSlot() (int, bool) {
	first := layout.Length(-1)
	for _, r := range b.plan.firstPage() {
		switch r.Element {
		case layout.ElemRecipients, layout.ElemBody, layout.ElemHeading1, layout.ElemHeading2:
			if len(r.Lines) > 0 && (first < 0 || r.Lines[0].Y < first) {
				first = r.Lines[0].Y // the baseline
			}
		}
	}
	if first < 0 {
		return 0, false
	}
	slot := int((first - layout.MarginTop) / layout.LinePitch)
	return slot, slot > 0 && slot < layout.LinesPerPage
}

// twips converts a layout length to twips (1/20 pt), the DOCX's unit: the one conversion at
// the edge between the layout engine's micrometres and the file.
func twips(l layout.Length) int { return int(math.Round(l.Pt() * 20)) }

// bodyRight is the right edge of the 版心.
const bodyRight = layout.MarginLeft + layout.BodyWidth

// seg is a piece of a paragraph's text in one character format.
type seg struct {
	text string
	r    rs
}

// lineRuns writes the runs of a paragraph whose text is segs, so that it breaks where the
// layout engine broke the element at path: each line the engine ended with a soft break
// gets the letter spacing that makes it exactly as wide as the room the engine filled
// (from its left edge to the 版心's right edge; first and left are the paragraph's indents
// in twips), so the next character does not fit and
// Word and LibreOffice break where the PDF does, with no character and no forced break
// added (the paragraph stays one paragraph of the document's text and reflows when
// edited). Without the engine's lines for the text, the runs are written as they are.
//
// A leading label the element's records do not hold (抄送：) goes on its first line.
func (b *builder) lineRuns(path string, segs []seg, first, left, right int) []string {
	var whole strings.Builder
	for _, s := range segs {
		whole.WriteString(s.text)
	}
	spell := func(ls []layout.RecordLine) string {
		var sb strings.Builder
		for _, l := range ls {
			sb.WriteString(l.Text)
		}
		return sb.String()
	}
	var ls []layout.RecordLine
	if whole.Len() == 0 {
		// no text, no records (an empty table cell): nothing to read ahead for
	} else if strings.Contains(path, ".table.header.") {
		// a header cell the engine repeats on each page of the table: its lines are those
		// of its first record (all of them spell the text as often as it is repeated), read
		// without holding the table's pages
		ls = b.plan.firstLines(path)
	} else if ls = b.plan.lines(path); !strings.HasSuffix(whole.String(), spell(ls)) {
		ls = b.plan.firstLines(path)
	}
	var sb strings.Builder
	sb.WriteString(spell(ls))
	plain := func() []string {
		var runs []string
		for _, s := range segs {
			runs = append(runs, b.run(s.text, s.r))
		}
		label := 0
		if sp := spell(ls); strings.HasSuffix(whole.String(), sp) {
			label = len([]rune(whole.String())) - len([]rune(sp))
		}
		b.planned(path, ls, 0, typedLines(whole.String()), label)
		return runs
	}
	label := len([]rune(whole.String())) - len([]rune(sb.String()))
	if strings.Contains(whole.String(), "\n") {
		return plain() // lines typed by hand: the engine keeps them, and so does the DOCX
	}
	if len(ls) < 2 || label < 0 || !strings.HasSuffix(whole.String(), sb.String()) || b.faces == nil {
		if len(ls) > 1 {
			b.warn(fmt.Sprintf("%s 的换行未能沿用排版结果（the layout's line breaks do not spell the text）", path))
		}
		return plain()
	}
	// the format of each rune
	var fmts []rs
	var text []rune
	for _, s := range segs {
		for _, r := range s.text {
			text = append(text, r)
			fmts = append(fmts, s.r)
		}
	}
	var runs []string
	pos := 0
	for k, l := range ls {
		n := len([]rune(l.Text))
		if k == 0 {
			n += label
		}
		line, lf := text[pos:pos+n], fmts[pos:pos+n]
		pos += n
		if k == 0 {
			b.planned(path, ls, k, []string{string(line)}, label)
		} else {
			b.planned(path, ls, k, []string{string(line)}, 0)
		}
		spacing := -1 // the letter spacing of the line's characters; -1: the format's own
		room := textW - left - right
		if k == 0 {
			room -= first
		}
		if k > 0 || label == 0 {
			room = min(room, twips(bodyRight-l.X))
		}
		if fill := b.fill(line, lf, room); !l.Forced || fill < lf[0].spacing {
			// a soft-broken line fills its room; a line the paragraph ends is only
			// squeezed, where the engine closed up its punctuation to keep it one line
			spacing = fill
		}
		// runs of one format within the line
		for i := 0; i < n; {
			j := i + 1
			for j < n && lf[j] == lf[i] {
				j++
			}
			r := lf[i]
			if spacing != -1 {
				r.spacing = spacing
			}
			runs = append(runs, b.run(string(line[i:j]), r))
			i = j
		}
	}
	return runs
}

// fill returns the letter spacing in twips (w:spacing, replacing the format's own) that
// makes line (formats lf) fill room twips in Word, which spaces every character, and in
// LibreOffice, which does not space the last character of each text portion (a portion
// ends where the script or the format changes): the wider of the two must fit, the
// narrower must leave no room for another character.
func (b *builder) fill(line []rune, lf []rs, room int) int {
	adv := 0 // twips, no spacing
	portions := 1
	for i, r := range line {
		f, _, err := b.faces.Resolve(layout.Role(lf[i].role), r)
		if err != nil || f == nil {
			return lf[i].spacing
		}
		adv += twips(f.Advance(r, layout.Pt(float64(lf[i].sz)/2)))
		if i > 0 && (lf[i] != lf[i-1] || scriptClass(r) != scriptClass(line[i-1])) {
			portions++
		}
	}
	n := len(line)
	extra := room - adv
	if extra >= 0 {
		return extra / n // Word, spacing all n, is the wider
	}
	// squeezing: LibreOffice, spacing n-portions characters, is the wider
	k := max(n-portions, 1)
	return -((-extra + k - 1) / k)
}

// scriptClass is the kind of LibreOffice text portion r falls in: Latin letters and digits,
// the quotation marks and dashes it sets apart from both, or Asian.
func scriptClass(r rune) int {
	switch {
	case strings.ContainsRune("“”‘’—…·", r):
		return 1
	case r < 0x2e80:
		return 0
	}
	return 2
}

// startElement notes that the element at path is written next: when the engine put its
// first piece on a later page than the text written before it (a page break its keep rules
// made, not the page filling up), the next paragraph starts a page.
func (b *builder) startElement(path string) {
	rs := b.plan.records(path)
	if len(rs) == 0 {
		return
	}
	b.moveTo(rs[0].Page, rs[len(rs)-1].Page)
}

// startSignOff is startElement for the 署名, 成文日期 and seals as one block.
func (b *builder) startSignOff() {
	b.plan.signOff()
	first, last := b.plan.signFirst, b.plan.signLast
	if first >= 0 {
		b.moveTo(first, last)
	}
}

func (b *builder) moveTo(first, last int) {
	if first > b.page && !b.plan.endsFull(b.page) {
		b.breakNext = true
	}
	b.page = max(b.page, last)
}

// signRows returns the rows of the 署名 as the engine placed them in the seal mode: the
// issuer indexes of each row, the centre of each name in twips from the left margin, and
// for each row the grid lines from the previous row's baseline to its own; nil when the
// records do not hold all n names.
func (b *builder) signRows(n int) (rows [][]int, centres [][]int, lines []int) {
	type name struct {
		i    int
		y, c layout.Length
	}
	var ns []name
	b.plan.signOff()
	for i := 0; i < n; i++ {
		found := false
		for _, r := range b.plan.held(fmt.Sprintf("issuers.%d.name", i)) {
			if r.Element == layout.ElemIssuerSign && len(r.Lines) > 0 {
				ns = append(ns, name{i, layout.Length(r.Page)*layout.PageHeight + r.Lines[0].Y, r.X + r.W/2})
				found = true
				break
			}
		}
		if !found {
			return nil, nil, nil
		}
	}
	sort.SliceStable(ns, func(a, b int) bool { return ns[a].y < ns[b].y || ns[a].y == ns[b].y && ns[a].c < ns[b].c })
	prev := layout.Length(-1)
	for _, x := range ns {
		if len(rows) == 0 || x.y != prev {
			if len(rows) > 0 {
				lines = append(lines, int(math.Round(float64(x.y-prev)/float64(layout.LinePitch))))
			} else {
				lines = append(lines, 0)
			}
			rows, centres = append(rows, nil), append(centres, nil)
			prev = x.y
		}
		k := len(rows) - 1
		rows[k] = append(rows[k], x.i)
		centres[k] = append(centres[k], twips(x.c-layout.MarginLeft))
	}
	return rows, centres, lines
}

// numberBaseline is the baseline of the 发文字号 on page 1 in twips below the 版心's top, as
// the engine placed it.
func (b *builder) numberBaseline() (int, bool) {
	for _, r := range b.plan.onPage0(document.PathNumber) {
		if len(r.Lines) > 0 {
			return twips(r.Lines[len(r.Lines)-1].Y - layout.MarginTop), true
		}
	}
	return 0, false
}

// separatorCentre is the centre line of the red separator on page 1 in twips below the
// 版心's top, as the engine drew it.
func (b *builder) separatorCentre() (int, bool) {
	for _, r := range b.plan.firstPage() {
		if r.Element == layout.ElemSeparator {
			return twips(r.Y + r.H/2 - layout.MarginTop), true
		}
	}
	return 0, false
}

// titleBaseline is the baseline of the 标题's first line on page 1 in twips below the 版心's
// top, as the engine placed it.
func (b *builder) titleBaseline() (int, bool) {
	for _, r := range b.plan.onPage0(document.PathTitle) {
		if len(r.Lines) > 0 {
			return twips(r.Lines[0].Y - layout.MarginTop), true
		}
	}
	return 0, false
}

// emu converts a layout length to English Metric Units (1 mm = 36000 EMU), DrawingML's unit.
func emu(l layout.Length) int64 { return int64(l) * 36 }

// sealPlaceholder is the dashed red circle the PDF draws where issuer i's seal goes and no
// seal image is given: a DrawingML ellipse (wps, Word 2010 and later, LibreOffice) anchored
// to the page at the engine's seal rectangle, behind the text; empty when the engine
// placed no seal for the issuer.
func (b *builder) sealPlaceholder(i int) string {
	b.plan.signOff()
	for _, r := range b.plan.held(fmt.Sprintf("issuers.%d.seal", i)) {
		if r.Element != layout.ElemSeal || r.W <= 0 {
			continue
		}
		width := layout.Mm(0.3)
		for _, c := range b.plan.circles[r.Page] {
			if c.CX == r.X+r.W/2 && c.CY == r.Y+r.H/2 && c.Width > 0 {
				width = c.Width
			}
		}
		id := b.nextPr
		b.nextPr++
		return fmt.Sprintf(`<w:r><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="%d" behindDoc="1" locked="0" layoutInCell="1" allowOverlap="1">`+
			`<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="page"><wp:posOffset>%d</wp:posOffset></wp:positionH><wp:positionV relativeFrom="page"><wp:posOffset>%d</wp:posOffset></wp:positionV>`+
			`<wp:extent cx="%d" cy="%d"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/><wp:docPr id="%d" name="印章位置%d"/><wp:cNvGraphicFramePr/>`+
			`<a:graphic><a:graphicData uri="%s"><wps:wsp><wps:cNvSpPr/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="%d" cy="%d"/></a:xfrm>`+
			`<a:prstGeom prst="ellipse"><a:avLst/></a:prstGeom><a:noFill/><a:ln w="%d"><a:solidFill><a:srgbClr val="%s"/></a:solidFill><a:prstDash val="dash"/></a:ln></wps:spPr>`+
			`<wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>`,
			251658240+id, emu(r.X), emu(r.Y), emu(r.W), emu(r.H), id, id, nsWPS, emu(r.W), emu(r.H), emu(width), red)
	}
	return ""
}
