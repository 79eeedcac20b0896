// Package png paints typeset pages ([]layout.Page) as raster images: the same text runs, rules,
// seal images and placeholder circles the PDF writer prints, with the same fonts, so a preview
// shows what prints. Glyph outlines are read with golang.org/x/image/font/sfnt and filled with
// golang.org/x/image/vector (pure Go, no cgo). Glyph rasters are cached per face, glyph, size
// and sub-pixel offset, so repainting a page (the app's live preview) is cheap.
package png

import (
	"bytes"
	"errors"
	"fmt"
	"hash/fnv"
	"image"
	"image/color"
	"image/draw"
	_ "image/jpeg" // seal and signature images may be JPEG
	"image/png"
	"io"
	"math"
	"sync"

	xdraw "golang.org/x/image/draw"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	"gongwen/document"
	"gongwen/layout"
)

// Options tune a rendering.
type Options struct {
	// DPI is the resolution; 0 means 96.
	DPI float64
	// Boxes draws the page's Boxes (the trainer's view: element outlines with their labels).
	Boxes bool
	// BoxColor is the colour of the boxes and labels; zero means a blue that no 公文 element uses.
	BoxColor color.RGBA
}

// DefaultBoxColor is the colour of the trainer's view outlines.
var DefaultBoxColor = color.RGBA{0, 102, 204, 255}

// Render paints one page at dpi dots per inch (0 means 96) on a white A4 image.
func Render(p layout.Page, fonts *layout.Fonts, dpi float64) (*image.RGBA, error) {
	return RenderWith(p, fonts, Options{DPI: dpi})
}

// Write paints one page at dpi and encodes it as PNG on w.
func Write(w io.Writer, p layout.Page, fonts *layout.Fonts, dpi float64) error {
	img, err := Render(p, fonts, dpi)
	if err != nil {
		return err
	}
	return Encode(w, img)
}

// Encode writes an image as PNG, favouring speed over size.
func Encode(w io.Writer, img image.Image) error {
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if m, ok := img.(*image.RGBA); ok {
		if g := grayOf(m); g != nil {
			img = g
		}
	}
	if err := enc.Encode(w, img); err != nil {
		return fmt.Errorf("encode png: %w", err)
	}
	return nil
}

// grayOf returns the page as 8-bit gray when every pixel is opaque and gray (a page without
// the red mark, separator or seal: most pages), nil otherwise. The file holds the same
// pixels, and the encoder filters and compresses a third of the bytes (at 150 dpi a page
// encoded in about a third of the time).
func grayOf(m *image.RGBA) *image.Gray {
	b := m.Bounds()
	w := b.Dx()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		row := m.Pix[m.PixOffset(b.Min.X, y):][:4*w]
		for i := 0; i < len(row); i += 4 {
			if row[i] != row[i+1] || row[i+1] != row[i+2] || row[i+3] != 0xff {
				return nil
			}
		}
	}
	g := image.NewGray(b)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		row := m.Pix[m.PixOffset(b.Min.X, y):][:4*w]
		out := g.Pix[g.PixOffset(b.Min.X, y):][:w]
		for x := range out {
			out[x] = row[4*x]
		}
	}
	return g
}

// RenderWith paints one page with options.
func RenderWith(p layout.Page, fonts *layout.Fonts, opts Options) (*image.RGBA, error) {
	if fonts == nil {
		fonts = layout.DefaultFonts()
	}
	dpi := opts.DPI
	if dpi <= 0 {
		dpi = 96
	}
	if dpi > 2400 {
		return nil, fmt.Errorf("render png: resolution %.0f dpi is too high", dpi)
	}
	scale := dpi / 25.4 / 1000 // pixels per micrometre
	w := int(math.Round(float64(layout.PageWidth) * scale))
	h := int(math.Round(float64(layout.PageHeight) * scale))
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	r := renderer{img: img, fonts: fonts, scale: scale}
	for _, ru := range p.Rules {
		r.rule(ru)
	}
	for i := range p.Texts {
		if err := r.text(&p.Texts[i]); err != nil {
			return nil, err
		}
	}
	for _, im := range p.Images {
		if err := r.image(im); err != nil {
			return nil, err
		}
	}
	for _, c := range p.Circles {
		r.circle(c)
	}
	if opts.Boxes {
		col := opts.BoxColor
		if col == (color.RGBA{}) {
			col = DefaultBoxColor
		}
		for _, b := range p.Boxes {
			if err := r.box(b, col); err != nil {
				return nil, err
			}
		}
	}
	return img, nil
}

type renderer struct {
	img   *image.RGBA
	fonts *layout.Fonts
	scale float64 // pixels per micrometre
}

func (r *renderer) px(l layout.Length) float64 { return float64(l) * r.scale }

func rgba(c layout.Color) color.RGBA { return color.RGBA{c.R, c.G, c.B, 255} }

// fill composites a coverage mask in colour c at offset off.
func (r *renderer) fill(mask *image.Alpha, off image.Point, c color.RGBA) {
	rect := mask.Rect.Add(off).Sub(mask.Rect.Min)
	draw.DrawMask(r.img, rect, image.NewUniform(c), image.Point{}, mask, mask.Rect.Min, draw.Over)
}

// polygon rasterizes closed contours (in pixels) and fills them in colour c. Contours wound in
// opposite directions cancel, which makes rings.
func (r *renderer) polygon(c color.RGBA, contours ...[][2]float64) {
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, ct := range contours {
		for _, p := range ct {
			minX, minY = math.Min(minX, p[0]), math.Min(minY, p[1])
			maxX, maxY = math.Max(maxX, p[0]), math.Max(maxY, p[1])
		}
	}
	x0, y0 := int(math.Floor(minX)), int(math.Floor(minY))
	x1, y1 := int(math.Ceil(maxX)), int(math.Ceil(maxY))
	b := r.img.Bounds()
	if x1 <= b.Min.X || y1 <= b.Min.Y || x0 >= b.Max.X || y0 >= b.Max.Y || x1 <= x0 || y1 <= y0 {
		return
	}
	z := vector.NewRasterizer(x1-x0, y1-y0)
	for _, ct := range contours {
		if len(ct) < 3 {
			continue
		}
		z.MoveTo(float32(ct[0][0]-float64(x0)), float32(ct[0][1]-float64(y0)))
		for _, p := range ct[1:] {
			z.LineTo(float32(p[0]-float64(x0)), float32(p[1]-float64(y0)))
		}
		z.ClosePath()
	}
	mask := image.NewAlpha(image.Rect(0, 0, x1-x0, y1-y0))
	z.Draw(mask, mask.Bounds(), image.Opaque, image.Point{})
	r.fill(mask, image.Pt(x0, y0), c)
}

// rule draws a straight line of its width (at least one pixel, so hairlines stay visible).
func (r *renderer) rule(ru layout.Rule) {
	x0, y0, x1, y1 := r.px(ru.X0), r.px(ru.Y0), r.px(ru.X1), r.px(ru.Y1)
	wd := math.Max(r.px(ru.Width), 1)
	dx, dy := x1-x0, y1-y0
	l := math.Hypot(dx, dy)
	if l == 0 {
		return
	}
	nx, ny := -dy/l*wd/2, dx/l*wd/2
	r.polygon(rgba(ru.Color), [][2]float64{{x0 + nx, y0 + ny}, {x1 + nx, y1 + ny}, {x1 - nx, y1 - ny}, {x0 - nx, y0 - ny}})
}

// circle strokes a circle outline, dashed like the PDF's (4 pt on, 3 pt off) when asked.
func (r *renderer) circle(c layout.Circle) {
	cx, cy, rad := r.px(c.CX), r.px(c.CY), r.px(c.R)
	wd := math.Max(r.px(c.Width), 1)
	ro, ri := rad+wd/2, math.Max(rad-wd/2, 0)
	arc := func(a0, a1 float64) {
		n := int(math.Ceil((a1-a0)*ro/2)) + 2
		var outer, inner [][2]float64
		for i := 0; i <= n; i++ {
			a := a0 + (a1-a0)*float64(i)/float64(n)
			outer = append(outer, [2]float64{cx + ro*math.Cos(a), cy + ro*math.Sin(a)})
		}
		for i := n; i >= 0; i-- {
			a := a0 + (a1-a0)*float64(i)/float64(n)
			inner = append(inner, [2]float64{cx + ri*math.Cos(a), cy + ri*math.Sin(a)})
		}
		r.polygon(rgba(c.Color), append(outer, inner...))
	}
	if !c.Dashed {
		arc(0, math.Pi)
		arc(math.Pi, 2*math.Pi)
		return
	}
	// As the PDF strokes it: from the bottom of the circle, counter-clockwise on the page, 4 pt
	// of ink and 3 pt of gap along the outline.
	on, off := r.px(layout.Pt(4))/rad, r.px(layout.Pt(3))/rad
	for a := 0.0; a < 2*math.Pi-1e-9; a += on + off {
		arc(math.Pi/2-math.Min(a+on, 2*math.Pi), math.Pi/2-a)
	}
}

// Limits of the images decode accepts: those document.CheckImages holds drafts to.
const (
	maxImageSide   = document.MaxImageSide
	maxImagePixels = document.MaxImagePixels
)

// ErrImageTooLarge marks an image above the pixel limits.
var ErrImageTooLarge = errors.New("image too large")

// Decoded images, by content hash: a preview repaints the same seal many times.
var (
	imgMu    sync.Mutex
	imgCache = map[uint64]image.Image{}
)

func decode(data []byte) (image.Image, error) {
	h := fnv.New64a()
	h.Write(data)
	k := h.Sum64() ^ uint64(len(data))
	imgMu.Lock()
	im, ok := imgCache[k]
	imgMu.Unlock()
	if ok {
		return im, nil
	}
	// Decoding allocates width × height pixels: refuse a crafted or mistaken huge image first.
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("decode image: %w", err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width > maxImageSide || cfg.Height > maxImageSide ||
		int64(cfg.Width)*int64(cfg.Height) > maxImagePixels {
		return nil, fmt.Errorf("decode image: %d×%d pixels: %w", cfg.Width, cfg.Height, ErrImageTooLarge)
	}
	im, _, err = image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("decode image: %w", err)
	}
	imgMu.Lock()
	if len(imgCache) > 64 {
		imgCache = map[uint64]image.Image{}
	}
	imgCache[k] = im
	imgMu.Unlock()
	return im, nil
}

func (r *renderer) image(im layout.Image) error {
	if len(im.Data) == 0 {
		return nil
	}
	src, err := decode(im.Data)
	if err != nil {
		return fmt.Errorf("image %s: %w", im.Element, err)
	}
	rect := image.Rect(int(math.Round(r.px(im.X))), int(math.Round(r.px(im.Y))),
		int(math.Round(r.px(im.X+im.W))), int(math.Round(r.px(im.Y+im.H))))
	if rect.Empty() {
		return nil
	}
	xdraw.ApproxBiLinear.Scale(r.img, rect, src, src.Bounds(), xdraw.Over, nil)
	return nil
}

// box outlines an element and writes its label above the top-left corner (or inside, at the
// page's top edge).
func (r *renderer) box(b layout.Box, c color.RGBA) error {
	x0, y0, x1, y1 := r.px(b.X), r.px(b.Y), r.px(b.X+b.W), r.px(b.Y+b.H)
	const wd = 1.0
	r.polygon(c,
		[][2]float64{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}},
		[][2]float64{{x0 + wd, y0 + wd}, {x0 + wd, y1 - wd}, {x1 - wd, y1 - wd}, {x1 - wd, y0 + wd}})
	if b.Label == "" {
		return nil
	}
	size := layout.Pt(7)
	if r.px(size) < 9 {
		size = layout.Length(9 / r.scale)
	}
	base := b.Y - size/4
	if r.px(base)-r.px(size) < 0 {
		base = b.Y + size
	}
	x := b.X
	for _, ch := range b.Label {
		f, _, err := r.fonts.Resolve(layout.FangSong, ch)
		if err != nil {
			return err
		}
		if err := r.glyph(f, ch, size, r.px(x), r.px(base), c); err != nil {
			return err
		}
		x += f.Advance(ch, size)
	}
	return nil
}

func (r *renderer) text(t *layout.Text) error {
	if t.S == "" {
		return nil
	}
	f, err := r.fonts.Face(t.Font)
	if err != nil {
		return err
	}
	c := rgba(t.Color)
	y := r.px(t.Y)
	var x layout.Length
	i := 0
	for _, ch := range t.S {
		g := f
		if !f.Has(ch) && ch != ' ' {
			if h, ok, err := r.fonts.Resolve(layout.Role(t.Font), ch); err == nil && ok {
				g = h
			}
		}
		if i < len(t.X) {
			x = t.X[i]
		}
		if err := r.glyph(g, ch, t.Size, r.px(x), y, c); err != nil {
			return err
		}
		x += g.Advance(ch, t.Size)
		i++
	}
	return nil
}

// Glyph rasters: coverage masks keyed by font, glyph, size in 1/64 pixel and a quarter-pixel
// horizontal offset. The cache is process-wide and bounded.
type glyphKey struct {
	font *sfnt.Font
	gi   sfnt.GlyphIndex
	ppem fixed.Int26_6
	sub  uint8
}

type glyphMask struct {
	mask *image.Alpha // nil for an empty glyph (a space)
	off  image.Point  // top-left relative to the pen position (integer x, rounded baseline)
}

const maxGlyphs = 1 << 15

var (
	glyphMu    sync.RWMutex
	glyphCache = map[glyphKey]glyphMask{}
	bufPool    = sync.Pool{New: func() any { return new(sfnt.Buffer) }}
)

const subSteps = 4

func (r *renderer) glyph(f *layout.Face, ch rune, size layout.Length, x, y float64, c color.RGBA) error {
	gi := f.GlyphIndex(ch)
	if gi == 0 && ch == ' ' {
		return nil
	}
	ppem := fixed.Int26_6(math.Round(r.px(size) * 64))
	if ppem <= 0 {
		return nil
	}
	ix := math.Floor(x)
	sub := uint8(math.Floor((x - ix) * subSteps))
	if sub >= subSteps {
		sub = subSteps - 1
	}
	iy := math.Round(y)
	k := glyphKey{f.SFNT(), gi, ppem, sub}
	glyphMu.RLock()
	gm, ok := glyphCache[k]
	glyphMu.RUnlock()
	if !ok {
		var err error
		gm, err = rasterize(f.SFNT(), gi, ppem, float64(sub)/subSteps)
		if err != nil {
			return fmt.Errorf("draw %q in %s: %w", ch, f.ID, err)
		}
		glyphMu.Lock()
		if len(glyphCache) >= maxGlyphs {
			glyphCache = map[glyphKey]glyphMask{}
		}
		glyphCache[k] = gm
		glyphMu.Unlock()
	}
	if gm.mask == nil {
		return nil
	}
	r.fill(gm.mask, image.Pt(int(ix)+gm.off.X, int(iy)+gm.off.Y), c)
	return nil
}

// rasterize fills one glyph's outline at ppem with the pen at (dx, 0).
func rasterize(font *sfnt.Font, gi sfnt.GlyphIndex, ppem fixed.Int26_6, dx float64) (glyphMask, error) {
	buf := bufPool.Get().(*sfnt.Buffer)
	defer bufPool.Put(buf)
	segs, err := font.LoadGlyph(buf, gi, ppem, nil)
	if err != nil {
		return glyphMask{}, err
	}
	if len(segs) == 0 {
		return glyphMask{}, nil
	}
	b := segs.Bounds()
	x0 := int(math.Floor(dx + float64(b.Min.X)/64))
	y0 := int(math.Floor(float64(b.Min.Y) / 64))
	x1 := int(math.Ceil(dx + float64(b.Max.X)/64))
	y1 := int(math.Ceil(float64(b.Max.Y) / 64))
	if x1 <= x0 || y1 <= y0 {
		return glyphMask{}, nil
	}
	z := vector.NewRasterizer(x1-x0, y1-y0)
	z.DrawOp = draw.Src
	ox, oy := float32(dx)-float32(x0), -float32(y0)
	pt := func(p fixed.Point26_6) (float32, float32) {
		return float32(p.X)/64 + ox, float32(p.Y)/64 + oy
	}
	for i, s := range segs {
		switch s.Op {
		case sfnt.SegmentOpMoveTo:
			if i > 0 {
				z.ClosePath()
			}
			z.MoveTo(pt(s.Args[0]))
		case sfnt.SegmentOpLineTo:
			z.LineTo(pt(s.Args[0]))
		case sfnt.SegmentOpQuadTo:
			ax, ay := pt(s.Args[0])
			bx, by := pt(s.Args[1])
			z.QuadTo(ax, ay, bx, by)
		case sfnt.SegmentOpCubeTo:
			ax, ay := pt(s.Args[0])
			bx, by := pt(s.Args[1])
			cx, cy := pt(s.Args[2])
			z.CubeTo(ax, ay, bx, by, cx, cy)
		}
	}
	z.ClosePath()
	mask := image.NewAlpha(image.Rect(0, 0, x1-x0, y1-y0))
	z.Draw(mask, mask.Bounds(), image.Opaque, image.Point{})
	return glyphMask{mask: mask, off: image.Pt(x0, y0)}, nil
}

// errNoPages is returned by WritePages for an empty document.
var errNoPages = errors.New("write png: no pages")

// WritePages renders every page and hands each encoded PNG to emit (page index from 0), for
// writers that put the pages in files OUT-1.png, OUT-2.png, ...
func WritePages(pages []layout.Page, fonts *layout.Fonts, dpi float64, emit func(i int, data []byte) error) error {
	if len(pages) == 0 {
		return errNoPages
	}
	for i := range pages {
		var b bytes.Buffer
		if err := Write(&b, pages[i], fonts, dpi); err != nil {
			return fmt.Errorf("page %d: %w", i+1, err)
		}
		if err := emit(i, b.Bytes()); err != nil {
			return err
		}
	}
	return nil
}
