package docx

import (
	"bufio"
	"bytes"
	"fmt"
	"image"
	"image/color"
	_ "image/jpeg" // seal and signature images
	"image/png"
	"io"
	"math"
	"strings"
	"unicode/utf8"

	"gongwen/document"
	"gongwen/layout"
)

// builder assembles word/document.xml and the parts it refers to.
type builder struct {
	doc   *document.Document
	fonts fontSet
	warn  func(string)

	// out is word/document.xml, written as it is built (into the package's zip entry)
	out     *bufio.Writer
	media   []mediaFile
	footers []subPart
	headers []subPart
	nextRel int
	nextPr  int

	// firstBefore is the space above the first 正文 paragraph, set by the 版头.
	firstBefore int
	// plan is the layout engine's page plan of the document (the PDF's), typeset with faces.
	plan  *plan
	faces *layout.Fonts
	// page is the engine's page of the text written last; breakNext asks p for a page
	// break before the next paragraph (the engine moved the element to the next page).
	page      int
	breakNext bool
	// used holds the characters written in each font role, for font embedding.
	used map[string]map[rune]bool
	// y tracks, while tracking is set, the twips taken on page 1 from the 版心's top by the
	// paragraphs written so far (the 版头 and the title), so that the text below starts on
	// a line of the page's 22-line grid as it does in the layout engine.
	y        int
	tracking bool
	// onLine receives the page plan (Options.Plan).
	onLine func(PlanLine)
}

type mediaFile struct {
	name, ext, rid string
	data           []byte
	w, h           int // pixels
}

type subPart struct{ name, rid, kind, typ, xml string }

func newBuilder(doc *document.Document, fonts fontSet, opts Options) *builder {
	warn := opts.Warn
	if warn == nil {
		warn = func(string) {}
	}
	return &builder{doc: doc, fonts: fonts, warn: warn, onLine: opts.Plan, nextRel: 10, nextPr: 1, used: map[string]map[rune]bool{},
		out: bufio.NewWriter(io.Discard)}
}

func (b *builder) rel() string {
	b.nextRel++
	return fmt.Sprintf("rId%d", b.nextRel)
}

// clean drops the characters XML 1.0 cannot carry and other control characters (tab and
// newline are kept: runs write them as w:tab and w:br), with a warning.
func (b *builder) clean(s string) string {
	dropped := 0
	var sb strings.Builder
	s = strings.ReplaceAll(s, "\r\n", "\n")
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == utf8.RuneError && n == 1:
			dropped++
		case r == '\t' || r == '\n':
			sb.WriteRune(r)
		case r < 0x20, r >= 0x7f && r <= 0x9f, r == 0xfffe, r == 0xffff:
			dropped++
		default:
			sb.WriteRune(r)
		}
	}
	if dropped > 0 {
		b.warn(fmt.Sprintf("已删除 %d 个控制字符（dropped %d control characters）：%s", dropped, dropped, short(sb.String())))
	}
	return sb.String()
}

func short(s string) string {
	r := []rune(s)
	if len(r) > 16 {
		return string(r[:16]) + "…"
	}
	return s
}

// rs is a run's character formatting.
type rs struct {
	role    string
	sz      int // half-points
	color   string
	spacing int // twentieths of a point
	bold    bool
}

var (
	body3 = rs{role: roleFang, sz: sz3, spacing: charSpace}
	hei3  = rs{role: roleHei, sz: sz3, spacing: charSpace}
	kai3  = rs{role: roleKai, sz: sz3, spacing: charSpace}
	fang4 = rs{role: roleFang, sz: sz4}
)

func (b *builder) rPr(r rs) string {
	f := b.fonts[r.role]
	var s strings.Builder
	s.WriteString(`<w:rPr>`)
	fmt.Fprintf(&s, `<w:rFonts w:ascii="%s" w:hAnsi="%s" w:eastAsia="%s" w:cs="%s"/>`, esc(f.Latin), esc(f.Latin), esc(f.EastAsia), esc(f.Latin))
	if r.bold || f.Bold {
		s.WriteString(`<w:b/><w:bCs/>`)
	}
	if r.color != "" {
		fmt.Fprintf(&s, `<w:color w:val="%s"/>`, r.color)
	}
	if r.spacing != 0 {
		fmt.Fprintf(&s, `<w:spacing w:val="%d"/>`, r.spacing)
	}
	fmt.Fprintf(&s, `<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, r.sz, r.sz)
	s.WriteString(`<w:lang w:val="zh-CN" w:eastAsia="zh-CN"/>`)
	s.WriteString(`</w:rPr>`)
	return s.String()
}

// run writes text with formatting; tabs and newlines become w:tab and w:br. Where
// LibreOffice would put its automatic space between a hanzi and a Latin letter or digit
// (loKernAt), the run is split and an empty field that only LibreOffice reads goes between
// the two (loStop): the text itself stays exactly as typed.
func (b *builder) run(text string, r rs) string {
	text = b.clean(text)
	rn := []rune(text)
	var s strings.Builder
	start := 0
	for i := 0; i+1 < len(rn); i++ {
		if loKernAt(rn[i], rn[i+1]) {
			s.WriteString(b.runText(string(rn[start:i+1]), r))
			s.WriteString(b.loStop(r))
			start = i + 1
		}
	}
	if start < len(rn) || start == 0 {
		s.WriteString(b.runText(string(rn[start:]), r))
	}
	return s.String()
}

// runText writes one w:r; tabs and newlines become w:tab and w:br.
func (b *builder) runText(text string, r rs) string {
	b.use(r.role, text)
	var s strings.Builder
	s.WriteString(`<w:r>`)
	s.WriteString(b.rPr(r))
	start := 0
	flush := func(end int) {
		if end > start {
			s.WriteString(`<w:t xml:space="preserve">` + esc(text[start:end]) + `</w:t>`)
		}
	}
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\t':
			flush(i)
			s.WriteString(`<w:tab/>`)
			start = i + 1
		case '\n':
			flush(i)
			s.WriteString(`<w:br/>`)
			start = i + 1
		}
	}
	flush(len(text))
	s.WriteString(`</w:r>`)
	return s.String()
}

// tabRun writes a bare tab in the given formatting.
func (b *builder) tabRun(r rs) string { return `<w:r>` + b.rPr(r) + `<w:tab/></w:r>` }

// para is a paragraph's formatting and content.
type para struct {
	style     string
	pageBreak bool
	keepNext  bool
	frame     string // w:framePr element
	border    string // content of w:pBdr
	borderH   int    // twips the border adds below the paragraph (space + width), for tracking
	tabs      string // content of w:tabs
	before    int
	after     int
	line      int // exact line height in twips; 0 means the 28.95 pt pitch
	left      int
	right     int
	first     int
	hanging   int
	jc        string // left (default), center, right, both
	mark      rs     // formatting of the paragraph mark
	runs      []string
}

func (b *builder) p(p para) string {
	if b.breakNext && p.frame == "" {
		p.pageBreak, b.breakNext = true, false
	}
	if b.tracking && p.frame == "" {
		line := p.line
		if line == 0 {
			line = pitch
		}
		lines := 1
		for _, r := range p.runs {
			lines += strings.Count(r, "<w:br/>")
		}
		b.y += max(p.before, 0) + p.after + lines*line + p.borderH
	}
	var s strings.Builder
	s.WriteString(`<w:p><w:pPr>`)
	if p.style != "" {
		fmt.Fprintf(&s, `<w:pStyle w:val="%s"/>`, p.style)
	}
	if p.keepNext {
		s.WriteString(`<w:keepNext/>`)
	}
	if p.pageBreak {
		s.WriteString(`<w:pageBreakBefore/>`)
	}
	s.WriteString(p.frame)
	s.WriteString(`<w:widowControl w:val="0"/>`)
	if p.border != "" {
		s.WriteString(`<w:pBdr>` + p.border + `</w:pBdr>`)
	}
	if p.tabs != "" {
		s.WriteString(`<w:tabs>` + p.tabs + `</w:tabs>`)
	}
	s.WriteString(noHangingPunct + `<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>`)
	line := p.line
	if line == 0 {
		line = pitch
	}
	fmt.Fprintf(&s, `<w:spacing w:before="%d" w:beforeAutospacing="0" w:after="%d" w:afterAutospacing="0" w:line="%d" w:lineRule="exact"/>`, max(p.before, 0), max(p.after, 0), line)
	ind := fmt.Sprintf(`<w:ind w:left="%d" w:right="%d"`, p.left, p.right)
	if p.hanging > 0 {
		ind += fmt.Sprintf(` w:hanging="%d"`, p.hanging)
	} else {
		ind += fmt.Sprintf(` w:firstLine="%d"`, p.first)
	}
	s.WriteString(ind + `/>`)
	jc := p.jc
	if jc == "" {
		jc = "left"
	}
	fmt.Fprintf(&s, `<w:jc w:val="%s"/>`, jc)
	m := p.mark
	if m.role == "" {
		m = body3
	}
	s.WriteString(b.rPr(m))
	s.WriteString(`</w:pPr>`)
	for i, r := range p.runs {
		// a boundary where LibreOffice kerns may fall between two runs as well
		if i > 0 {
			if a, ok := edgeRune(p.runs[i-1], true); ok {
				if c, ok := edgeRune(r, false); ok && loKernAt(a, c) {
					s.WriteString(b.loStop(m))
				}
			}
		}
		s.WriteString(r)
	}
	s.WriteString(`</w:p>`)
	return s.String()
}

// blank writes n empty lines of the grid pitch.
func (b *builder) blank(n int) {
	for i := 0; i < n; i++ {
		b.out.WriteString(b.p(para{style: "GwBody"}))
	}
}

// width3 estimates the advance of s in 3号 text with the −0.25 pt spacing, in twips:
// a hanzi or full-width mark 315, a half-width character 155.
func width3(s string) int {
	w := 0
	for _, r := range s {
		if r < 0x2e80 && r != '—' && r != '…' && r != '“' && r != '”' && r != '‘' && r != '’' {
			w += 155
		} else {
			w += char3
		}
	}
	return w
}

// widthPt estimates the advance of s at size pt (no spacing), in twips.
func widthPt(s string, pt float64) int {
	w := 0.0
	for _, r := range s {
		if r < 0x2e80 {
			w += pt * 10
		} else {
			w += pt * 20
		}
	}
	return int(math.Round(w))
}

// The vertical placement of a line with exact line height h: LibreOffice and Word put the
// baseline at 80 % of h; an ideographic em box reaches 0.88 em above and 0.12 em below it.
func emTop(h int, sizePt float64) int    { return h*4/5 - int(math.Round(sizePt*20*0.88)) }
func emBottom(h int, sizePt float64) int { return h*4/5 + int(math.Round(sizePt*20*0.12)) }

// markSize is the 发文机关标志's size in points: at most 50 pt, and small enough that the
// longest line stays within 146 mm (414 pt) of the 156 mm 版心.
func markSize(lines ...string) float64 {
	n := 0.0
	for _, l := range lines {
		c := 0.0
		for _, r := range l {
			if r < 0x2e80 {
				c += 0.5
			} else {
				c++
			}
		}
		n = math.Max(n, c)
	}
	if n == 0 {
		return 50
	}
	return math.Min(50, math.Floor(414/n*2)/2)
}

// build writes word/document.xml to b.out, reading the page plan as it goes.
func (b *builder) build() error {
	d := b.doc
	b.tracking = d.Format != document.FormatLetter
	b.out.WriteString(xmlHeader)
	b.out.WriteString(`<w:document xmlns:w="` + nsW + nsMCE + `" xmlns:r="` + nsR + `" xmlns:wp="` + nsWP + `" xmlns:a="` + nsA + `" xmlns:pic="` + nsPic + `" xmlns:wps="` + nsWPS + `"><w:body>`)
	switch d.Format {
	case document.FormatLetter:
		b.letterHead()
	case document.FormatOrder:
		b.orderHead()
	default:
		b.fileHead()
	}
	b.mainText()
	b.attachments()
	if alone, blank := b.banjiAlone(); alone && b.hasBanji() {
		// the layout engine puts the 版记 alone on the even page after the text (after a
		// blank page when the text ends on an even page): break the page(s) the same way
		// (the DOCX text runs on the same 22 × 28 grid, so its pages end where the
		// engine's do)
		if blank {
			// neither the blank page nor the 版记 page is numbered (7.5): they form a section
			// of their own, with empty footers, starting on the next page
			b.out.WriteString(`<w:p><w:pPr><w:pStyle w:val="GwBanji"/><w:widowControl w:val="0"/>` + noHangingPunct +
				`<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:spacing w:before="0" w:after="0" w:line="12" w:lineRule="exact"/>` +
				b.rPr(rs{role: roleFang, sz: 2}) + b.mainSection() + `</w:pPr></w:p>`)
			b.out.WriteString(b.p(para{style: "GwBanji", line: 12, mark: rs{role: roleFang, sz: 2}}))
			b.out.WriteString(b.p(para{style: "GwBanji", pageBreak: true, line: 12, mark: rs{role: roleFang, sz: 2}}))
			b.banji()
			empty := b.p(para{style: "GwFooter", line: 360, mark: rs{role: roleSong, sz: sz4}})
			b.out.WriteString(b.sectXML(nil, []subPart{b.addFooter("default", empty), b.addFooter("even", empty)}, "nextPage", false, false))
			b.out.WriteString(`</w:body></w:document>`)
			return b.out.Flush()
		}
		b.out.WriteString(b.p(para{style: "GwBanji", pageBreak: true, line: 12, mark: rs{role: roleFang, sz: 2}}))
	}
	b.banji()
	b.out.WriteString(b.mainSection())
	b.out.WriteString(`</w:body></w:document>`)
	return b.out.Flush()
}

// preLines writes the 份号, 密级和保密期限 and 紧急程度 lines flush left, one a line, and
// returns how many it wrote. In the letter format the first line also carries the number
// flush right.
func (b *builder) preLines(number, extra string) int {
	d := b.doc
	var lines [][]string
	if d.CopyNumber != "" {
		lines = append(lines, []string{"GwCopyNo", b.run(d.CopyNumber, body3)})
	}
	if d.Classification != "" {
		t := d.Classification
		if d.ClassificationTerm != "" {
			t += "★" + d.ClassificationTerm
		}
		lines = append(lines, []string{"GwSecret", b.run(t, hei3)})
	}
	if d.Urgency != "" {
		lines = append(lines, []string{"GwUrgency", b.run(d.Urgency, hei3)})
	}
	if number != "" {
		r := b.tabRun(body3) + b.run(number, body3)
		if len(lines) == 0 {
			lines = append(lines, []string{"GwNumber", r})
		} else {
			lines[0] = append(lines[0], r)
		}
	}
	if extra != "" {
		if len(lines) == 0 {
			b.out.WriteString(b.p(para{style: "GwBody", line: 20, mark: rs{role: roleFang, sz: 2}, runs: []string{extra}}))
		} else {
			lines[0] = append(lines[0], extra)
		}
	}
	for _, l := range lines {
		p := para{style: l[0], runs: l[1:]}
		if number != "" {
			p.tabs = fmt.Sprintf(`<w:tab w:val="right" w:pos="%d"/>`, textW)
		}
		b.out.WriteString(b.p(p))
	}
	return len(lines)
}

// markPara writes a single-line 发文机关标志 whose em top sits top twips below the 版心's
// top, given that used twips of it are taken by earlier lines. It returns the twips from
// the mark paragraph's bottom up to the mark's em bottom (positive: the em bottom is above).
func (b *builder) markPara(text string, top, used int, border string, borderH int) int {
	size := b.markSizeFor(text)
	h := int(math.Ceil(size * 20 * 1.2))
	before := top - used - emTop(h, size)
	r := rs{role: roleXBS, sz: int(size * 2), color: red}
	if border == "" {
		borderH = 0
	}
	b.out.WriteString(b.p(para{style: "GwMark", jc: "center", line: h, before: before, border: border, borderH: borderH, mark: r, runs: []string{b.run(text, r)}}))
	return h - emBottom(h, size)
}

// markText is the 发文机关标志 of a single organ (or of a 纪要).
func (b *builder) markText() string {
	d := b.doc
	if d.Format == document.FormatMinutes {
		if d.MeetingName != "" {
			return d.MeetingName + "纪要"
		}
	}
	name := ""
	if len(d.Issuers) > 0 {
		name = d.Issuers[0].MarkName()
	}
	return name + d.MarkSuffix
}

// fileHead writes the 版头 of the 文件格式 and the 纪要格式: the mark 35 mm below the 版心's
// top, the number (and 签发人) two lines below it, the red separator 4 mm below the number.
func (b *builder) fileHead() {
	d := b.doc
	n := b.preLines("", "")
	used := n * pitch
	const markTop = 1984 // 35 mm
	var gap int          // twips from the mark paragraph's bottom up to its em bottom
	numberLines := d.Number != "" || (d.Direction == document.DirectionUp && len(d.Signers) > 0)
	sepBorder := fmt.Sprintf(`<w:bottom w:val="single" w:sz="12" w:space="%d" w:color="%s"/>`, 10, red)
	sepH := 10*20 + 30 // the separator's space (10 pt) and width (1.5 pt)
	if len(d.Issuers) > 1 && d.Format != document.FormatMinutes {
		gap = b.jointMark(markTop, used)
	} else {
		border, borderH := "", 0
		if !numberLines {
			// no number line: the separator goes 4 mm below the mark itself
			size := b.markSizeFor(b.markText())
			h := int(math.Ceil(size * 20 * 1.2))
			sp := max((227-(h-emBottom(h, size)))/20, 0)
			border = fmt.Sprintf(`<w:bottom w:val="single" w:sz="12" w:space="%d" w:color="%s"/>`, sp, red)
			borderH = sp*20 + 30
		}
		gap = b.markPara(b.markText(), markTop, used, border, borderH)
	}
	if numberLines {
		before := 2*pitch - gap
		// where the engine put the number's baseline and the separator: the first number
		// line's spacing and the border's distance from them (the baseline of an exact line
		// sits at 80 % of its height)
		lines := 1
		if d.Direction == document.DirectionUp && len(d.Signers) > 0 {
			lines = max((len(d.Signers)+1)/2, 1)
		}
		if base, ok := b.numberBaseline(); ok && b.tracking {
			before = base - (lines-1)*pitch - pitch*4/5 - b.y
			if rule, ok := b.separatorCentre(); ok {
				// the border's centre: the paragraph's bottom, the space, half the 1.5 pt line
				sp := (rule - (base + pitch/5) - 15) / 20
				sp = min(max(sp, 0), 31)
				sepBorder = fmt.Sprintf(`<w:bottom w:val="single" w:sz="12" w:space="%d" w:color="%s"/>`, sp, red)
				sepH = sp*20 + 30
			}
		}
		if d.Direction == document.DirectionUp && len(d.Signers) > 0 {
			b.signerLines(before, sepBorder, sepH)
		} else {
			b.out.WriteString(b.p(para{style: "GwNumber", jc: "center", before: before, border: sepBorder, borderH: sepH, runs: []string{b.run(d.Number, body3)}}))
		}
	}
	b.titleBlock(2 * pitch)
}

// signerLines writes the 上行文 number (one character in from the left) and the 签发人
// (one character in from the right), two names a line, the number on the last line.
func (b *builder) signerLines(before int, border string, borderH int) {
	d := b.doc
	var chunks [][]string
	for i := 0; i < len(d.Signers); i += 2 {
		chunks = append(chunks, d.Signers[i:min(i+2, len(d.Signers))])
	}
	if len(chunks) == 0 {
		chunks = [][]string{nil}
	}
	tabs := fmt.Sprintf(`<w:tab w:val="left" w:pos="%d"/><w:tab w:val="right" w:pos="%d"/>`, char3, textW-char3)
	// later lines start where the first line's first name starts
	firstName := textW - char3 - width3(strings.Join(chunks[0], "\u3000"))
	later := fmt.Sprintf(`<w:tab w:val="left" w:pos="%d"/><w:tab w:val="left" w:pos="%d"/>`, char3, firstName)
	for i, c := range chunks {
		last := i == len(chunks)-1
		p := para{style: "GwSigner", tabs: tabs}
		if i > 0 {
			p.tabs = later
		}
		if i == 0 {
			p.before = before
		}
		if last {
			p.style = "GwNumber"
			p.border = border
			p.borderH = borderH
			p.runs = append(p.runs, b.tabRun(body3), b.run(d.Number, body3))
		} else {
			p.runs = append(p.runs, b.tabRun(body3))
		}
		if len(c) > 0 {
			p.runs = append(p.runs, b.tabRun(body3))
			if i == 0 {
				p.runs = append(p.runs, b.run("签发人：", body3))
			}
			p.runs = append(p.runs, b.run(strings.Join(c, "\u3000"), kai3))
		}
		b.out.WriteString(b.p(p))
	}
}

// jointMark writes the mark of several organs: the names stacked, the suffix (文件) to their
// right centred vertically on them, in a borderless table. It returns the gap like markPara.
func (b *builder) jointMark(top, used int) int {
	d := b.doc
	var names []string
	for _, is := range d.Issuers {
		names = append(names, is.MarkName())
	}
	longest := ""
	for _, n := range names {
		if utf8.RuneCountInString(n) > utf8.RuneCountInString(longest) {
			longest = n
		}
	}
	size := markSize(longest + d.MarkSuffix)
	h := int(math.Ceil(size * 20 * 1.2))
	r := rs{role: roleXBS, sz: int(size * 2), color: red}
	spacer := top - used - emTop(h, size)
	if spacer > 20 {
		b.out.WriteString(b.p(para{style: "GwBody", line: spacer}))
	}
	nameW := widthPt(longest, size) + 40
	sufW := widthPt(d.MarkSuffix, size) + 40
	tw := nameW + sufW
	fmt.Fprintf(b.out, `<w:tbl><w:tblPr><w:tblW w:w="%d" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0000"/></w:tblPr><w:tblGrid><w:gridCol w:w="%d"/><w:gridCol w:w="%d"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr>`, tw, nameW, sufW, nameW)
	for _, n := range names {
		b.out.WriteString(b.p(para{style: "GwMark", jc: "distribute", line: h, mark: r, runs: []string{b.run(n, r)}}))
	}
	fmt.Fprintf(b.out, `</w:tc><w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>`, sufW)
	tr := b.tracking
	b.tracking = false // the suffix sits beside the names
	b.out.WriteString(b.p(para{style: "GwMark", jc: "right", line: h, mark: r, runs: []string{b.run(d.MarkSuffix, r)}}))
	b.tracking = tr
	b.out.WriteString(`</w:tc></w:tr></w:tbl>`)
	return h - emBottom(h, size)
}

// orderHead writes the 命令格式 版头: the mark 20 mm below the 版心's top, the 令号 two lines
// below it; the body follows two lines below the 令号.
func (b *builder) orderHead() {
	d := b.doc
	n := b.preLines("", "")
	gap := b.markPara(b.markText(), 1134, n*pitch, "", 0)
	if d.OrderNumber != "" {
		b.out.WriteString(b.p(para{style: "GwOrderNo", jc: "center", before: 2*pitch - gap, runs: []string{b.run(d.OrderNumber, body3)}}))
		gap = 0
	}
	if d.Title != "" {
		b.titleBlock(2*pitch - gap)
		return
	}
	b.firstBefore = b.snap(2*pitch - gap)
}

// letterHead writes the 信函格式 版头: the mark 30 mm from the page top and the red double
// rule 4 mm below it in the first-page header, the lower double rule 20 mm above the
// page bottom in the first-page footer; 份号 etc. flush left and the number flush right
// under the rule.
func (b *builder) letterHead() {
	d := b.doc
	text := ""
	if len(d.Issuers) > 0 {
		text = d.Issuers[0].MarkName() + d.MarkSuffix
	}
	size := b.markSizeFor(text)
	h := int(math.Ceil(size * 20 * 1.2))
	r := rs{role: roleXBS, sz: int(size * 2), color: red}
	before := 1701 - headerDist - emTop(h, size) // 30 mm from the page top
	sp := (227 - (h - emBottom(h, size))) / 20
	border := fmt.Sprintf(`<w:bottom w:val="thickThinMediumGap" w:sz="24" w:space="%d" w:color="%s"/>`, max(sp, 0), red)
	head := b.p(para{style: "GwMark", jc: "center", line: h, before: before, border: border, mark: r,
		left: -454, right: -340, runs: []string{b.run(text, r)}})
	b.addHeader("first", head)
	// the lower red double rule (thin over thick), 20 mm above the page bottom, 170 mm long
	// from 20 mm: a picture anchored on page 1, placed on the page
	m := b.addMedia(doubleRulePNG(), "png", ruleW, ruleH)
	low := b.anchor(m, "page", 1134*twipEMU, "page", int64(277*mmEMU)-int64(ruleHmm*mmEMU/2), int64(170*mmEMU), int64(ruleHmm*mmEMU), "版记线")
	b.preLines(d.Number, low)
	b.titleBlock(2 * pitch)
}

// snap adds to before what puts the next paragraph on the next line of the page grid
// (multiples of the pitch from the 版心's top), and ends the tracking of page 1.
func (b *builder) snap(before int) int {
	if !b.tracking {
		return before
	}
	b.tracking = false
	y := b.y + before
	target := (y + pitch/2) / pitch * pitch // the nearest grid line
	if slot, ok := b.firstTextSlot(); ok {
		target = slot * pitch
	}
	if target < b.y {
		target = (b.y + pitch - 1) / pitch * pitch
	}
	return target - b.y
}

// titleBlock writes the 标题 (and 题注) and the 主送机关.
func (b *builder) titleBlock(before int) {
	d := b.doc
	t2 := rs{role: roleXBS, sz: sz2}
	if d.Title != "" {
		if base, ok := b.titleBaseline(); ok && b.tracking {
			before = base - pitch*4/5 - b.y // the engine's first title line
		}
		b.out.WriteString(b.p(para{style: "GwTitle", jc: "center", before: before, mark: t2, runs: []string{b.run(b.titleLines(), t2)}}))
		before = 0
		if d.TitleNote != "" {
			b.out.WriteString(b.p(para{style: "GwTitleNote", jc: "center", runs: []string{b.run(b.brokenLines(document.PathTitleNote, d.TitleNote), kai3)}}))
		}
		before = pitch
	}
	before = b.snap(before)
	if d.Recipients != "" && !d.RecipientsInBanji {
		b.out.WriteString(b.p(para{style: "GwRecipients", before: before, hanging: 0, runs: []string{b.run(d.Recipients, body3)}}))
		before = 0
	}
	b.firstBefore = before
}

// bodyParas writes paragraphs of 正文 with their heading faces (document.HeadingFaces, the
// layout engine's decision: the heading sentences of levels 1 and 2, run-in ones included, in
// 黑体 or 楷体, the rest in 仿宋), each broken where the layout engine broke the element
// prefix.N; the first gets before.
func (b *builder) bodyParas(prefix string, ps []string, before int) {
	faces := document.HeadingFaces(ps)
	for i, t := range ps {
		p := para{style: "GwBody", jc: "both", first: 2 * char3}
		if i == 0 {
			p.before = before
		}
		path := fmt.Sprintf("%s.%d", prefix, i)
		if t != "" { // an empty paragraph has no records to read ahead for
			b.startElement(path)
		}
		rs := []rune(t)
		if h := document.ParseHeadingMarker(strings.TrimLeft(t, " \u3000\t")); h.Level > 0 {
			p.style = fmt.Sprintf("GwH%d", h.Level)
			if h.Level <= 2 && !document.OpensWithHeading(t, faces[i]) {
				p.style = "GwBody" // a numbered statement: the body's style, its marker's face by run
			}
		}
		var segs []seg
		at := 0
		for _, sp := range faces[i] {
			face := hei3
			if sp.Level == 2 {
				face = kai3
			}
			st, end := max(sp.Start, at), min(sp.End, len(rs))
			if st >= end {
				continue
			}
			if st > at {
				segs = append(segs, seg{string(rs[at:st]), body3})
			}
			segs = append(segs, seg{string(rs[st:end]), face})
			at = end
		}
		if at < len(rs) || len(segs) == 0 {
			segs = append(segs, seg{string(rs[at:]), body3})
		}
		p.runs = b.lineRuns(path, segs, p.first, p.left, p.right)
		b.out.WriteString(b.p(p))
	}
}

// mainText writes the 正文, 附件说明, attendance (纪要), sign-off and 附注.
func (b *builder) mainText() {
	d := b.doc
	b.bodyParas("body", d.Body, b.firstBefore)
	if len(d.AttachmentNotes) > 0 {
		label := "附件："
		lw := width3(label)
		for i, n := range d.AttachmentNotes {
			b.startElement(fmt.Sprintf("attachment_notes.%d", i))
			p := para{style: "GwAttachNote", jc: "both", left: 2*char3 + lw, hanging: lw}
			text := label + n
			if len(d.AttachmentNotes) > 1 {
				num := fmt.Sprintf("%d.", i+1)
				p.left += width3(num)
				p.hanging += width3(num)
				text = label + num + n
				if i > 0 {
					p.hanging = width3(num)
					text = num + n
				}
			}
			// broken where the engine broke the note (the label on its first line)
			p.runs = b.lineRuns(fmt.Sprintf("attachment_notes.%d", i), []seg{{text, body3}}, -p.hanging, p.left, 0)
			if i == 0 {
				p.before = pitch
			}
			b.out.WriteString(b.p(p))
		}
	}
	if d.Format == document.FormatMinutes {
		first := true
		for _, a := range []struct{ label, text string }{{"出席", d.Present}, {"请假", d.Absent}, {"列席", d.Attending}} {
			if a.text == "" {
				continue
			}
			lw := width3(a.label + "：")
			p := para{style: "GwAttendance", jc: "both", left: 2*char3 + lw, hanging: lw,
				runs: []string{b.run(a.label+"：", hei3), b.run(a.text, body3)}}
			if first {
				p.before = pitch
				first = false
			}
			b.out.WriteString(b.p(p))
		}
	}
	b.startSignOff()
	b.signOff()
	if d.Note != "" {
		b.startElement(document.PathNote)
		b.out.WriteString(b.p(para{style: "GwNote", jc: "both", first: 2 * char3, runs: []string{b.run(d.Note, body3)}}))
	}
}

// signOff writes the 署名 and 成文日期 in the document's mode (GB/T 9704-2012 7.3.5).
func (b *builder) signOff() {
	d := b.doc
	mode := d.SignOff
	if mode == "" {
		mode = document.SignOffNoSeal
		if d.Format == document.FormatOrder {
			mode = document.SignOffSignature
		}
	}
	if mode == document.SignOffNone {
		// the date alone, where the engine prints one (not under a 题注 that carries it)
		if d.Date != "" && len(b.plan.held(document.PathDate)) > 0 {
			b.out.WriteString(b.p(para{style: "GwDate", jc: "right", before: pitch, right: 4 * char3, runs: []string{b.run(d.Date, body3)}}))
		}
		return
	}
	var names []string
	for _, is := range d.Issuers {
		names = append(names, is.Name)
	}
	dateW := width3(d.Date)
	switch mode {
	case document.SignOffSeal:
		b.blank(2)
		dateRight := 4 * char3
		dateCentre := textW - dateRight - dateW/2 // from the left margin
		const sealW = 2381                        // 42 mm
		// seals side by side, not touching, the last over the date; as many a row (up to
		// three) as fit in the 版心, rows four lines apart, the last row ending over the date
		gap := func(i, j int) int { return max(sealW+170, (width3(names[i])+width3(names[j]))/2+char3) }
		var rows [][]int // issuer indexes per row, the last row last
		for i := len(names) - 1; i >= 0; {
			row := []int{i}
			c := dateCentre
			for j := i - 1; j >= 0 && len(row) < 3; j-- {
				c -= gap(j, j+1)
				if c-width3(names[j])/2 < 0 {
					break
				}
				row = append([]int{j}, row...)
			}
			rows = append([][]int{row}, rows...)
			i -= len(row)
		}
		// the engine's rows and centres when its records hold every 署名
		planned, centres, lines := b.signRows(len(names))
		if planned != nil {
			rows = planned
		}
		for ri, row := range rows {
			var tabs strings.Builder
			runs := []string{}
			cs := make([]int, len(row))
			cs[len(row)-1] = dateCentre
			for k := len(row) - 2; k >= 0; k-- {
				cs[k] = cs[k+1] - gap(row[k], row[k+1])
			}
			if planned != nil {
				cs = centres[ri]
			}
			for k, i := range row {
				c := max(cs[k], width3(names[i])/2)
				fmt.Fprintf(&tabs, `<w:tab w:val="center" w:pos="%d"/>`, c)
				runs = append(runs, b.tabRun(body3), b.run(names[i], body3))
				// the seal's centre 2 mm below the top of the 署名's line, as the layout engine puts it
				if img := b.anchorImage(d.Issuers[i].Seal, c-sealW/2, 113, sealW, "印章"); img != "" {
					runs = append(runs, img)
				} else if ph := b.sealPlaceholder(i); ph != "" {
					runs = append(runs, ph)
				}
			}
			p := para{style: "GwSignName", tabs: tabs.String(), runs: runs}
			if ri > 0 {
				p.before = 3 * pitch
				if planned != nil {
					p.before = (lines[ri] - 1) * pitch
				}
			}
			b.out.WriteString(b.p(p))
		}
		b.out.WriteString(b.p(para{style: "GwDate", jc: "right", right: dateRight, runs: []string{b.run(d.Date, body3)}}))
	case document.SignOffSignature:
		b.blank(2)
		runs := []string{}
		if d.SignerTitle != "" {
			runs = append(runs, b.run(d.SignerTitle+"\u3000\u3000", body3))
		}
		if img := b.inlineImage(d.SignatureImage, 2381, "签名章"); img != "" {
			runs = append(runs, img)
		} else if d.SignerName != "" {
			runs = append(runs, b.run(d.SignerName, kai3))
		}
		b.out.WriteString(b.p(para{style: "GwSignName", jc: "right", right: 4 * char3, runs: runs}))
		b.out.WriteString(b.p(para{style: "GwDate", jc: "right", before: pitch, right: 4 * char3, runs: []string{b.run(d.Date, body3)}}))
	default: // noseal
		nameW := 0
		for _, n := range names {
			nameW = max(nameW, width3(n))
		}
		left := textW - 2*char3 - nameW
		if left+2*char3+dateW > textW-2*char3 {
			left = textW - 2*char3 - dateW - 2*char3
		}
		for i, n := range names {
			p := para{style: "GwSignName", left: left, runs: []string{b.run(n, body3)}}
			if i == 0 {
				p.before = pitch
			}
			b.out.WriteString(b.p(p))
		}
		b.out.WriteString(b.p(para{style: "GwDate", left: left + 2*char3, runs: []string{b.run(d.Date, body3)}}))
	}
}

// attachments writes each 附件 on a new page: 附件N in 黑体 flush left on line 1, the title
// centred on line 3, the body and the table.
func (b *builder) attachments() {
	d := b.doc
	for i, a := range d.Attachments {
		label := "附件"
		if len(d.Attachments) > 1 {
			label = fmt.Sprintf("附件%d", i+1)
		}
		b.startElement(fmt.Sprintf("attachments.%d.label", i))
		b.breakNext = false
		b.out.WriteString(b.p(para{style: "GwAttachLabel", pageBreak: true, runs: []string{b.run(label, hei3)}}))
		t2 := rs{role: roleXBS, sz: sz2}
		if a.Title != "" {
			b.out.WriteString(b.p(para{style: "GwAttachTitle", jc: "center", before: pitch, mark: t2, runs: []string{b.run(a.Title, t2)}}))
		}
		b.bodyParas(fmt.Sprintf("attachments.%d.body", i), a.Body, pitch)
		if a.Table != nil {
			if len(a.Body) == 0 {
				b.blank(1)
			}
			b.table(a.Table, fmt.Sprintf("attachments.%d.table", i))
		}
	}
}

// table writes a ruled table the width of the 版心, its cells broken where the engine broke
// the cells of the element at path.
func (b *builder) table(t *document.Table, path string) {
	cols := len(t.Header)
	for _, r := range t.Rows {
		cols = max(cols, len(r))
	}
	if cols == 0 {
		return
	}
	ws := make([]int, cols)
	total := 0.0
	for i := 0; i < cols; i++ {
		w := 1.0
		if i < len(t.Widths) && t.Widths[i] > 0 {
			w = t.Widths[i]
		}
		total += w
	}
	sum := 0
	for i := 0; i < cols; i++ {
		w := 1.0
		if i < len(t.Widths) && t.Widths[i] > 0 {
			w = t.Widths[i]
		}
		ws[i] = int(float64(textW) * w / total)
		sum += ws[i]
	}
	ws[cols-1] += textW - sum
	line := `w:val="single" w:sz="6" w:space="0" w:color="000000"` // 0.25 mm, as the layout engine
	fmt.Fprintf(b.out, `<w:tbl><w:tblPr><w:tblStyle w:val="GwTable"/><w:tblW w:w="%d" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders><w:top %s/><w:left %s/><w:bottom %s/><w:right %s/><w:insideH %s/><w:insideV %s/></w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="85" w:type="dxa"/><w:left w:w="85" w:type="dxa"/><w:bottom w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>`, textW, line, line, line, line, line, line)
	for _, w := range ws {
		fmt.Fprintf(b.out, `<w:gridCol w:w="%d"/>`, w)
	}
	b.out.WriteString(`</w:tblGrid>`)
	row := func(cells []string, head bool, rowPath string) {
		b.out.WriteString(`<w:tr><w:trPr><w:cantSplit/>`)
		if head {
			b.out.WriteString(`<w:tblHeader/>`)
		}
		b.out.WriteString(`</w:trPr>`)
		for i := 0; i < cols; i++ {
			c := ""
			if i < len(cells) {
				c = cells[i]
			}
			f := fang4
			jc := "left"
			if head {
				f = rs{role: roleHei, sz: sz4}
				jc = "center"
			}
			fmt.Fprintf(b.out, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>`, ws[i])
			// 4号 lines 1.35 em apart, 1.5 mm padding: the layout engine's table
			runs := []string{b.run(c, f)}
			if path != "" {
				// the cell's room: its width less the 85-twip margins on both sides
				runs = b.lineRuns(fmt.Sprintf("%s.%d", rowPath, i), []seg{{c, f}}, 0, textW-ws[i]+170, 0)
			}
			if head && path != "" {
				b.plannedRepeats(fmt.Sprintf("%s.%d", rowPath, i))
			}
			b.out.WriteString(b.p(para{style: "GwTableText", jc: jc, line: 378, mark: f, runs: runs}))
			b.out.WriteString(`</w:tc>`)
		}
		b.out.WriteString(`</w:tr>`)
	}
	if len(t.Header) > 0 {
		row(t.Header, true, path+".header")
	}
	for i, r := range t.Rows {
		row(r, false, fmt.Sprintf("%s.rows.%d", path, i))
	}
	b.out.WriteString(`</w:tbl>`)
	b.out.WriteString(b.p(para{style: "GwBody"}))
}

// banji writes the 版记 at the bottom of the last page's 版心: the 印发 line in a frame
// aligned to the bottom of the margin box (thin rule above, thick rule below), the 主送 and
// 抄送 lines in a frame right above it (thick rule above); 4号, one character in. The
// 信函格式 has no 印发 line and no rules. (Two single-paragraph frames, because LibreOffice
// drops a frame of several bordered paragraphs; a floating table as wide as the 版心 it
// turns into an inline table.)
func (b *builder) banji() {
	d := b.doc
	letter := d.Format == document.FormatLetter
	thick := `w:val="single" w:sz="8" w:space="0" w:color="000000"`
	thin := `w:val="single" w:sz="6" w:space="0" w:color="000000"`
	const thickT, thinT = 20, 15 // border widths in twips
	lw := widthPt("抄送：", 14)
	var upper []string // 主送 and 抄送 lines
	var paths []string
	if d.RecipientsInBanji && d.Recipients != "" {
		rec := strings.TrimSuffix(strings.TrimSuffix(d.Recipients, "："), ":")
		upper = append(upper, "主送："+rec)
		paths = append(paths, document.PathRecipients)
	}
	if d.CC != "" {
		upper = append(upper, "抄送："+d.CC)
		paths = append(paths, document.PathCC)
	}
	hasPrint := !letter && (d.Printer != "" || d.PrintDate != "")
	lines := 0
	for i, u := range upper {
		if n := len(b.plan.lines(paths[i])); n > 0 {
			lines += n // the engine's lines
			continue
		}
		w := widthPt(u, 14)
		first := textW - 2*char4
		lines++
		if w > first {
			lines += (w - first + (first - lw) - 1) / (first - lw)
		}
	}
	printH := 0
	if hasPrint {
		printH = pitch + thickT + thinT
		if len(upper) == 0 {
			printH = pitch + 2*thickT
		}
	}
	if len(upper) > 0 {
		bd := ""
		h := lines * pitch
		if !letter {
			bd = fmt.Sprintf(`<w:top %s/>`, thick)
			h += thickT
			if !hasPrint {
				bd += fmt.Sprintf(`<w:bottom %s/>`, thick)
				h += thickT
			}
		}
		pos := fmt.Sprintf(`w:y="%d"`, marginH-printH-h)
		if !hasPrint {
			pos = `w:yAlign="bottom"`
		}
		frame := fmt.Sprintf(`<w:framePr w:w="%d" w:hSpace="0" w:vSpace="0" w:wrap="notBeside" w:vAnchor="margin" w:hAnchor="margin" w:xAlign="center" %s/>`, textW, pos)
		style := "GwCC"
		if len(upper) > 1 || d.CC == "" {
			style = "GwBanjiRecipients"
		}
		var runs []string
		for i, u := range upper {
			if i > 0 {
				runs = append(runs, b.run("\n", fang4))
			}
			runs = append(runs, b.lineRuns(paths[i], []seg{{u, fang4}}, -lw, char4+lw, char4)...)
		}
		b.out.WriteString(b.p(para{style: style, frame: frame, border: bd, jc: "both", left: char4 + lw, hanging: lw, right: char4, mark: fang4, runs: runs}))
		if hasPrint {
			// LibreOffice makes no frame of a framed paragraph followed directly by one with
			// other frame properties: keep them apart with an empty hairline paragraph
			b.out.WriteString(b.p(para{style: "GwBanji", line: 20, mark: rs{role: roleFang, sz: 2}}))
		}
	}
	if hasPrint {
		top := thin
		if len(upper) == 0 {
			top = thick
		}
		frame := fmt.Sprintf(`<w:framePr w:w="%d" w:hSpace="0" w:vSpace="0" w:wrap="notBeside" w:vAnchor="margin" w:hAnchor="margin" w:xAlign="center" w:yAlign="bottom"/>`, textW)
		runs := []string{b.run(d.Printer, fang4), b.tabRun(fang4)}
		if d.PrintDate != "" {
			runs = append(runs, b.run(d.PrintDate+"印发", fang4))
		}
		b.out.WriteString(b.p(para{style: "GwPrint", frame: frame, border: fmt.Sprintf(`<w:top %s/><w:bottom %s/>`, top, thick),
			tabs: fmt.Sprintf(`<w:tab w:val="right" w:pos="%d"/>`, textW-char4), left: char4, right: char4, mark: fang4, runs: runs}))
	}
}

// numberFooter is the page-number paragraph: "— N —" in 4号 宋体, one character in from the
// right (odd pages) or the left (even pages).
func (b *builder) numberFooter(right bool) string {
	p := para{style: "GwFooter", line: 360, mark: rs{role: roleSong, sz: sz4}}
	if right {
		p.jc, p.right = "right", char4
	} else {
		p.jc, p.left = "left", char4
	}
	f := rs{role: roleSong, sz: sz4}
	b.use(roleSong, "0123456789") // the PAGE field's results
	p.runs = []string{
		b.run("— ", f),
		`<w:r>` + b.rPr(f) + `<w:fldChar w:fldCharType="begin"/></w:r>`,
		`<w:r>` + b.rPr(f) + `<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>`,
		`<w:r>` + b.rPr(f) + `<w:fldChar w:fldCharType="separate"/></w:r>`,
		b.run("1", f),
		`<w:r>` + b.rPr(f) + `<w:fldChar w:fldCharType="end"/></w:r>`,
		b.run(" —", f),
	}
	return b.p(p)
}

// mainSection adds the footers of the document's (first) section and returns its
// properties: A4, the margins, odd/even footers with the page number, and for the 信函格式
// a first page without number.
func (b *builder) mainSection() string {
	letter := b.doc.Format == document.FormatLetter
	fs := []subPart{b.addFooter("default", b.numberFooter(true)), b.addFooter("even", b.numberFooter(false))}
	if letter {
		fs = append(fs, b.addFooter("first", b.p(para{style: "GwFooter", mark: rs{role: roleSong, sz: sz4}})))
	}
	return b.sectXML(b.headers, fs, "", true, letter)
}

func (b *builder) sectXML(headers, footers []subPart, typ string, restart, titlePg bool) string {
	var s strings.Builder
	s.WriteString(`<w:sectPr>`)
	for _, h := range headers {
		fmt.Fprintf(&s, `<w:headerReference w:type="%s" r:id="%s"/>`, h.typ, h.rid)
	}
	for _, f := range footers {
		fmt.Fprintf(&s, `<w:footerReference w:type="%s" r:id="%s"/>`, f.typ, f.rid)
	}
	if typ != "" {
		fmt.Fprintf(&s, `<w:type w:val="%s"/>`, typ)
	}
	fmt.Fprintf(&s, `<w:pgSz w:w="%d" w:h="%d"/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="%d" w:footer="%d" w:gutter="0"/>`,
		pageW, pageH, marTop, marRight, marBottom, marLeft, headerDist, footerDist)
	if restart {
		s.WriteString(`<w:pgNumType w:fmt="decimal" w:start="1"/>`)
	} else {
		s.WriteString(`<w:pgNumType w:fmt="decimal"/>`)
	}
	s.WriteString(`<w:cols w:space="425"/>`)
	if titlePg {
		s.WriteString(`<w:titlePg/>`)
	}
	s.WriteString(`</w:sectPr>`)
	return s.String()
}

func (b *builder) addFooter(typ, content string) subPart {
	n := len(b.footers) + 1
	f := subPart{name: fmt.Sprintf("footer%d.xml", n), rid: b.rel(), kind: "footer", typ: typ,
		xml: xmlHeader + `<w:ftr xmlns:w="` + nsW + nsMCE + `" xmlns:r="` + nsR + `">` + content + `</w:ftr>`}
	b.footers = append(b.footers, f)
	return f
}

func (b *builder) addHeader(typ, content string) {
	n := len(b.headers) + 1
	b.headers = append(b.headers, subPart{name: fmt.Sprintf("header%d.xml", n), rid: b.rel(), kind: "header", typ: typ,
		xml: xmlHeader + `<w:hdr xmlns:w="` + nsW + nsMCE + `" xmlns:r="` + nsR + `">` + content + `</w:hdr>`})
}

// loadImage reads an image relative to the document's folder; a failure is a warning.
func (b *builder) loadImage(path, what string) *mediaFile {
	if path == "" {
		return nil
	}
	// converted as for the PDF (16-bit, interlaced, CMYK, opaque background)
	data, err := document.ReadImage(b.doc.Dir, path)
	if err != nil {
		b.warn(fmt.Sprintf("无法读取%s图片 %s（cannot read image）：%v", what, path, err))
		return nil
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || cfg.Width == 0 || cfg.Height == 0 {
		b.warn(fmt.Sprintf("%s图片 %s 不是 PNG 或 JPEG（not a PNG or JPEG image）", what, path))
		return nil
	}
	ext := "png"
	if format == "jpeg" {
		ext = "jpeg"
	}
	m := mediaFile{name: fmt.Sprintf("image%d.%s", len(b.media)+1, ext), ext: ext, rid: b.rel(), data: data, w: cfg.Width, h: cfg.Height}
	b.media = append(b.media, m)
	return &b.media[len(b.media)-1]
}

// anchorImage places an image behind the text, w twips wide, its left edge x twips from
// the left margin and its centre cy twips below the top of its paragraph.
func (b *builder) anchorImage(path string, x, centreY, w int, what string) string {
	m := b.loadImage(path, what)
	if m == nil {
		return ""
	}
	cx := int64(w) * twipEMU
	cy := cx * int64(m.h) / int64(m.w)
	return b.anchor(m, "margin", int64(x)*twipEMU, "paragraph", int64(centreY)*twipEMU-cy/2, cx, cy, what)
}

// anchor writes a run with a picture anchored behind the text (positions and sizes in EMU).
func (b *builder) anchor(m *mediaFile, relH string, x int64, relV string, y, cx, cy int64, what string) string {
	id := b.nextPr
	b.nextPr++
	return fmt.Sprintf(`<w:r>`+b.rPr(body3)+`<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="%d" behindDoc="1" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="%s"><wp:posOffset>%d</wp:posOffset></wp:positionH><wp:positionV relativeFrom="%s"><wp:posOffset>%d</wp:posOffset></wp:positionV><wp:extent cx="%d" cy="%d"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/><wp:docPr id="%d" name="%s%d"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>%s</wp:anchor></w:drawing></w:r>`,
		251658240+id, relH, x, relV, y, cx, cy, id, what, id, picXML(m, id, cx, cy))
}

// addMedia adds generated image bytes to the package.
func (b *builder) addMedia(data []byte, ext string, w, h int) *mediaFile {
	m := mediaFile{name: fmt.Sprintf("image%d.%s", len(b.media)+1, ext), ext: ext, rid: b.rel(), data: data, w: w, h: h}
	b.media = append(b.media, m)
	return &b.media[len(b.media)-1]
}

// The 信函格式's lower double rule as a picture: 170 mm × 1.6 mm at 600 dpi, a thin red
// line (0.34 mm) over a thick one (0.76 mm) with 0.5 mm between.
const (
	ruleW   = 4016
	ruleH   = 38
	ruleHmm = 1.6
	mmEMU   = 36000
)

func doubleRulePNG() []byte {
	img := image.NewPaletted(image.Rect(0, 0, ruleW, ruleH), color.Palette{color.Transparent, color.RGBA{0xe6, 0x00, 0x12, 0xff}})
	for y := 0; y < ruleH; y++ {
		if y < 8 || y >= 20 {
			for x := 0; x < ruleW; x++ {
				img.SetColorIndex(x, y, 1)
			}
		}
	}
	var buf bytes.Buffer
	_ = png.Encode(&buf, img)
	return buf.Bytes()
}

// inlineImage places an image in the line, w twips wide.
func (b *builder) inlineImage(path string, w int, what string) string {
	m := b.loadImage(path, what)
	if m == nil {
		return ""
	}
	cx := int64(w) * twipEMU
	cy := cx * int64(m.h) / int64(m.w)
	id := b.nextPr
	b.nextPr++
	return fmt.Sprintf(`<w:r>`+b.rPr(body3)+`<w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="%d" cy="%d"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="%d" name="%s%d"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>%s</wp:inline></w:drawing></w:r>`,
		cx, cy, id, what, id, picXML(m, id, cx, cy))
}

func picXML(m *mediaFile, id int, cx, cy int64) string {
	return fmt.Sprintf(`<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="%d" name="%s"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="%s"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="%d" cy="%d"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>`,
		id, m.name, m.rid, cx, cy)
}

func (b *builder) documentRels() string {
	var s strings.Builder
	s.WriteString(xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	s.WriteString(`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`)
	s.WriteString(`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>`)
	s.WriteString(`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>`)
	for _, f := range append(append([]subPart{}, b.footers...), b.headers...) {
		fmt.Fprintf(&s, `<Relationship Id="%s" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/%s" Target="%s"/>`, f.rid, f.kind, f.name)
	}
	for _, m := range b.media {
		fmt.Fprintf(&s, `<Relationship Id="%s" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/%s"/>`, m.rid, m.name)
	}
	s.WriteString(`</Relationships>`)
	return s.String()
}
