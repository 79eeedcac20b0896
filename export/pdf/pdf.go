// Package pdf writes typeset pages ([]layout.Page) as a PDF with github.com/signintech/gopdf:
// A4 pages, the fonts embedded as subsets with ToUnicode maps (so the text can be extracted and
// searched), each character at the position the layout gave it, rules, seal images and the dashed
// circles of missing seals. Colours come from the pages: only the red mark, separators and seal
// area are red.
package pdf

import (
	"compress/flate"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"strings"
	"time"
	"unicode"

	"github.com/signintech/gopdf"
	"golang.org/x/image/font/sfnt"

	"gongwen/document"
	"gongwen/layout"
)

// Meta is the document information of the PDF.
type Meta struct {
	Title   string // the 公文's 标题
	Author  string // the issuing organ (发文机关)
	Subject string // optional, e.g. the genre (请示)
	// Creator defaults to "Gongwen".
	Creator string
	// Date is the creation date; zero means now.
	Date time.Time
}

// dash is the on/off pattern of a placeholder circle, in points.
var dash = []float64{4, 3}

// Write typesets nothing: it paints pages as they are into a PDF on w. fonts must be the set the
// pages were typeset with (nil means layout.DefaultFonts()).
func Write(w io.Writer, pages []layout.Page, fonts *layout.Fonts, meta Meta) error {
	if len(pages) == 0 {
		return errors.New("write pdf: no pages")
	}
	pw, err := NewWriter(w, fonts, meta)
	if err != nil {
		return err
	}
	for i := range pages {
		if err := pw.Add(&pages[i]); err != nil {
			return err
		}
	}
	return pw.Finish()
}

// Writer paints pages one at a time (a layout run hands them over as they are final) and
// writes each page's content stream to the output as soon as it is painted
// (third_party/gopdf's StreamTo and FlushPage); the fonts, the page tree and the
// cross-references follow at the end. Memory keeps a few hundred bytes a page.
type Writer struct {
	gp *gopdf.GoPdf
	p  painter
	n  int
}

// NewWriter starts a PDF on w, writing its header; fonts must be the set the pages are typeset
// with (nil means layout.DefaultFonts()). w receives the PDF in pieces as pages are added: an
// error part way leaves a partial file, which the caller discards.
func NewWriter(w io.Writer, fonts *layout.Fonts, meta Meta) (*Writer, error) {
	if fonts == nil {
		fonts = layout.DefaultFonts()
	}
	pw, ph := layout.PageWidth.Pt(), layout.PageHeight.Pt()
	gp := &gopdf.GoPdf{}
	gp.Start(gopdf.Config{PageSize: gopdf.Rect{W: pw, H: ph}, Unit: gopdf.UnitPT})
	// Compressing the embedded font subsets dominates the writing time; the fastest level
	// costs about a tenth in size and saves most of the time.
	gp.SetCompressLevel(flate.BestSpeed)
	if meta.Creator == "" {
		meta.Creator = "Gongwen"
	}
	if meta.Date.IsZero() {
		meta.Date = time.Now()
	}
	gp.SetInfo(gopdf.PdfInfo{
		Title:        meta.Title,
		Author:       meta.Author,
		Subject:      meta.Subject,
		Creator:      meta.Creator,
		Producer:     "Gongwen (gopdf)",
		CreationDate: meta.Date,
	})
	if err := gp.StreamTo(w); err != nil {
		return nil, fmt.Errorf("write pdf: %w", err)
	}
	return &Writer{gp: gp, p: painter{gp: gp, fonts: fonts, faces: map[layout.FontID]*layout.Face{}, names: map[layout.FontID]string{}}}, nil
}

// Add paints the next page.
func (pw *Writer) Add(pg *layout.Page) error {
	gp, p := pw.gp, &pw.p
	pw.n++
	gp.AddPage()
	p.resetPage()
	if len(pg.Texts) == 0 && len(pg.Rules) == 0 && len(pg.Images) == 0 && len(pg.Circles) == 0 {
		// gopdf writes an empty /Contents entry for a page with nothing on it (the blank
		// page before the 版记), which poppler reports as a syntax error: give the page
		// a content stream that only sets the line width.
		gp.SetLineWidth(0)
	} else if err := p.page(pg); err != nil {
		return fmt.Errorf("write pdf page %d: %w", pw.n, err)
	}
	if err := gp.FlushPage(); err != nil {
		return fmt.Errorf("write pdf page %d: %w", pw.n, err)
	}
	return nil
}

// Finish writes the rest of the PDF: the fonts, the page tree, the cross-references.
func (pw *Writer) Finish() error {
	if pw.n == 0 {
		return errors.New("write pdf: no pages")
	}
	if _, err := pw.gp.FinishStream(); err != nil {
		return fmt.Errorf("write pdf: %w", err)
	}
	return nil
}

// painter draws pages on one gopdf document, registering each face the first time a run uses it
// and setting graphics state only when it changes.
type painter struct {
	gp    *gopdf.GoPdf
	fonts *layout.Fonts
	faces map[layout.FontID]*layout.Face // registered with gopdf
	names map[layout.FontID]string       // the gopdf family (the PDF BaseFont) of each face

	font       layout.FontID
	size       float64
	textColor  *layout.Color
	strokeCol  *layout.Color
	lineWidth  float64
	dashed     bool
	charSpace  float64
	stateValid bool
}

func (p *painter) resetPage() {
	// gopdf keeps the current font and colours across pages in its own state, but a new content
	// stream starts from the PDF defaults, so set everything again on each page.
	p.stateValid = false
	p.textColor, p.strokeCol = nil, nil
	p.lineWidth, p.dashed = -1, false
}

func (p *painter) page(pg *layout.Page) error {
	for _, r := range pg.Rules {
		p.rule(r)
	}
	for i := range pg.Texts {
		if err := p.text(&pg.Texts[i]); err != nil {
			return err
		}
	}
	for _, im := range pg.Images {
		if err := p.image(im); err != nil {
			return err
		}
	}
	for _, c := range pg.Circles {
		p.circle(c)
	}
	return nil
}

func (p *painter) face(id layout.FontID) (*layout.Face, error) {
	if f, ok := p.faces[id]; ok {
		return f, nil
	}
	f, err := p.fonts.Face(id)
	if err != nil {
		return nil, err
	}
	name := subsetName(f, len(p.faces))
	if err := p.gp.AddTTFFontDataWithOption(name, f.Bytes(), gopdf.TtfOption{Style: gopdf.Regular}); err != nil {
		// A system font gopdf cannot read: print the role in its bundled face (same
		// positions, the bundled glyphs) rather than fail the export.
		b, berr := p.fonts.Face(layout.FontID("bundled-" + string(id)))
		if f.File == "" || berr != nil {
			return nil, fmt.Errorf("embed font %s: %w", id, err)
		}
		name = subsetName(b, len(p.faces))
		if err := p.gp.AddTTFFontDataWithOption(name, b.Bytes(), gopdf.TtfOption{Style: gopdf.Regular}); err != nil {
			return nil, fmt.Errorf("embed font %s: %w", b.ID, err)
		}
		f = b
	}
	p.faces[id] = f
	p.names[id] = name
	return f, nil
}

// subsetName is the PDF name of an embedded subset: a six-letter tag, "+", the PostScript name
// (PDF 32000 9.6.4), so that readers know the font is a subset.
func subsetName(f *layout.Face, n int) string {
	ps, err := f.SFNT().Name(nil, sfnt.NameIDPostScript)
	if err != nil || ps == "" {
		ps = f.Name
	}
	var b strings.Builder
	for _, r := range ps {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_') {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		b.WriteString(string(f.ID))
	}
	h := fnv.New32a()
	h.Write([]byte(string(f.ID) + ps))
	v := h.Sum32() + uint32(n)
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = byte('A' + v%26)
		v /= 26
	}
	return string(tag) + "+" + b.String()
}

func (p *painter) setFont(id layout.FontID, size float64) error {
	if p.stateValid && p.font == id && p.size == size {
		return nil
	}
	if err := p.gp.SetFontWithStyle(p.names[id], gopdf.Regular, size); err != nil {
		return fmt.Errorf("set font %s: %w", id, err)
	}
	p.font, p.size, p.stateValid = id, size, true
	return nil
}

func (p *painter) setTextColor(c layout.Color) {
	if p.textColor != nil && *p.textColor == c {
		return
	}
	p.gp.SetTextColor(c.R, c.G, c.B)
	p.textColor = &c
}

func (p *painter) setStroke(c layout.Color, width float64, dashed bool) {
	if p.strokeCol == nil || *p.strokeCol != c {
		p.gp.SetStrokeColor(c.R, c.G, c.B)
		p.strokeCol = &c
	}
	if width != p.lineWidth {
		p.gp.SetLineWidth(width)
		p.lineWidth = width
	}
	if dashed != p.dashed {
		if dashed {
			p.gp.SetCustomLineType(append([]float64(nil), dash...), 0)
		} else {
			p.gp.SetLineType("solid")
		}
		p.dashed = dashed
	}
}

func (p *painter) setCharSpacing(c float64) {
	if c != p.charSpace {
		_ = p.gp.SetCharSpacing(c) // it only stores the value: never fails
		p.charSpace = c
	}
}

// text draws a run: each rune at its own x on the baseline. Runes whose gaps are the same
// (a justified line: natural advance plus one constant) go out as one text object with that
// character spacing, so the PDF stays small and text extraction sees whole words and lines.
// A rune the run's face lacks (the layout should not produce one) is drawn in the face the
// font set's fallback finds for it, never as an empty box.
func (p *painter) text(t *layout.Text) error {
	if t.S == "" {
		return nil
	}
	f, err := p.face(t.Font)
	if err != nil {
		return err
	}
	size := ptSize(t.Size)
	p.setTextColor(t.Color)
	runes := []rune(t.S)
	xs := make([]float64, len(runes))
	nat := make([]float64, len(runes))
	ids := make([]layout.FontID, len(runes))
	for i, r := range runes {
		g, gid := f, t.Font
		if !f.Has(r) && r != ' ' {
			if h, ok, err := p.fonts.Resolve(layout.Role(t.Font), r); err == nil && ok {
				if g, err = p.face(h.ID); err != nil {
					return err
				}
				gid = h.ID
			}
		}
		ids[i] = gid
		// The advance the PDF viewer uses: the glyph width in thousandths of an em, as gopdf
		// writes it in the font's W array.
		nat[i] = math.Round(float64(g.Advance(r, layout.Mm(1000)))/1000) / 1000 * size
		switch {
		case i < len(t.X):
			xs[i] = t.X[i].Pt()
		case i > 0:
			xs[i] = xs[i-1] + nat[i-1]
		}
	}
	y := t.Y.Pt()
	const eps = 0.02 // points
	for i := 0; i < len(runes); {
		// Grow a segment [i, j) in one face with one spacing.
		j := i + 1
		spacing := 0.0
		if j < len(runes) && ids[j] == ids[i] {
			spacing = xs[j] - xs[i] - nat[i]
			for j < len(runes) && ids[j] == ids[i] && math.Abs(xs[j]-xs[j-1]-nat[j-1]-spacing) <= eps {
				j++
			}
		}
		if j == i+1 {
			spacing = 0
		}
		if err := p.setFont(ids[i], size); err != nil {
			return err
		}
		p.setCharSpacing(spacing)
		p.gp.SetXY(xs[i], y)
		if err := p.gp.Text(string(runes[i:j])); err != nil {
			return fmt.Errorf("draw text %q: %w", string(runes[i:j]), err)
		}
		i = j
	}
	return nil
}

// ptSize converts a font size to points, undoing the micrometre rounding of layout.Length for
// the sizes of the 号 scale (multiples of half a point): 三号 is 16 pt in the PDF, not 15.999.
func ptSize(l layout.Length) float64 {
	pt := l.Pt()
	if h := math.Round(pt*2) / 2; math.Abs(pt-h) < 0.0015 {
		return h
	}
	return pt
}

func (p *painter) rule(r layout.Rule) {
	p.setStroke(r.Color, r.Width.Pt(), false)
	p.gp.Line(r.X0.Pt(), r.Y0.Pt(), r.X1.Pt(), r.Y1.Pt())
}

func (p *painter) circle(c layout.Circle) {
	p.setStroke(c.Color, c.Width.Pt(), c.Dashed)
	p.gp.Oval((c.CX - c.R).Pt(), (c.CY - c.R).Pt(), (c.CX + c.R).Pt(), (c.CY + c.R).Pt())
}

// ErrImageFormat marks an image that is not a PNG or JPEG within the size limits
// (document.ImageConfig's check).
var ErrImageFormat = document.ErrImageFormat

func (p *painter) image(im layout.Image) error {
	if len(im.Data) == 0 {
		return nil
	}
	// gopdf embeds PNG and JPEG; check the header first so that another format or a huge
	// image is refused with a plain error instead of failing (or allocating) inside gopdf.
	if _, _, err := document.ImageConfig(im.Data); err != nil {
		return fmt.Errorf("image %s: %w", im.Element, err)
	}
	h, err := gopdf.ImageHolderByBytes(im.Data)
	if err != nil {
		return fmt.Errorf("image %s: %w", im.Element, err)
	}
	if err := p.gp.ImageByHolder(h, im.X.Pt(), im.Y.Pt(), &gopdf.Rect{W: im.W.Pt(), H: im.H.Pt()}); err != nil {
		return fmt.Errorf("image %s: %w", im.Element, err)
	}
	return nil
}
