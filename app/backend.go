package app

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"gongwen/check"
	"gongwen/document"
	"gongwen/export/docx"
	"gongwen/export/pdf"
	"gongwen/layout"
	"gongwen/templates"
)

// This file is the app's only door to the pipeline (document → check → layout → writers),
// so that the UI code never depends on how those packages spell things.

// typeset lays the document out; explain adds the trainer's boxes.
func typeset(doc *document.Document, explain bool) ([]layout.Page, error) {
	return layout.Typeset(doc, layout.Options{Fonts: layout.DefaultFonts(), Explain: explain})
}

// runCheck runs the checker, with the geometry rules on the pages when there are some.
func runCheck(doc *document.Document, g *templates.Genre, pages []layout.Page) []check.Finding {
	opts := check.Options{}
	if len(pages) > 0 {
		opts.Layout = true
		opts.Pages = pages
	}
	return check.Run(doc, g, opts)
}

// renderPage paints one page at dpi dots per inch. (Stand-in until export/png lands: it
// paints text, rules, circles and images of the page the same way.)
func renderPage(p layout.Page, dpi float64) (*image.RGBA, error) {
	return paintPage(p, layout.DefaultFonts(), dpi)
}

// writePDF writes the pages as PDF.
func writePDF(w io.Writer, pages []layout.Page, doc *document.Document, g *templates.Genre) error {
	meta := pdf.Meta{Title: strings.ReplaceAll(doc.Title, "\n", "")}
	if len(doc.Issuers) > 0 {
		meta.Author = doc.Issuers[0].Name
	}
	if g != nil {
		meta.Subject = g.Name
	}
	return pdf.Write(w, pages, layout.DefaultFonts(), meta)
}

// writeDOCX writes the document as .docx.
func writeDOCX(w io.Writer, doc *document.Document) error {
	return docx.Write(w, doc, docx.Options{})
}

// loadFile reads a draft, a .txt or a .docx (by extension).
func loadFile(path string) (*document.Document, error) {
	return document.Load(path)
}

// marshalDraft writes the document in the draft format.
func marshalDraft(doc *document.Document) ([]byte, error) {
	return document.Marshal(doc)
}

// writeAtomic writes a file so that it is the old one or the new one, never half written.
func writeAtomic(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("create folder for %s: %w", path, err)
	}
	return document.WriteFileAtomic(path, data)
}

// parseDraft parses draft bytes (the recovery file).
func parseDraft(name string, data []byte) (*document.Document, error) {
	return document.Parse(name, data)
}

// paintPage is the local page painter: white A4, then rules, circles, images and text.
func paintPage(p layout.Page, fonts *layout.Fonts, dpi float64) (*image.RGBA, error) {
	px := func(l layout.Length) float64 { return l.Mm() / 25.4 * dpi }
	w, h := int(px(layout.PageWidth)+0.5), int(px(layout.PageHeight)+0.5)
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	rgba := func(c layout.Color) color.RGBA { return color.RGBA{c.R, c.G, c.B, 255} }
	for _, r := range p.Rules {
		lw := px(r.Width)
		if lw < 1 {
			lw = 1
		}
		x0, y0, x1, y1 := px(r.X0), px(r.Y0), px(r.X1), px(r.Y1)
		var rect image.Rectangle
		if y0 == y1 {
			rect = image.Rect(int(x0), int(y0-lw/2+0.5), int(x1+0.5), int(y0-lw/2+0.5)+int(lw+0.5))
		} else {
			rect = image.Rect(int(x0-lw/2+0.5), int(y0), int(x0-lw/2+0.5)+int(lw+0.5), int(y1+0.5))
		}
		draw.Draw(img, rect.Canon(), image.NewUniform(rgba(r.Color)), image.Point{}, draw.Over)
	}
	for _, c := range p.Circles {
		cx, cy, rad := px(c.CX), px(c.CY), px(c.R)
		n := int(rad*6) + 16
		for i := 0; i < n; i++ {
			if c.Dashed && (i/4)%2 == 1 {
				continue
			}
			a := 2 * math.Pi * float64(i) / float64(n)
			x, y := cx+rad*math.Cos(a), cy+rad*math.Sin(a)
			img.Set(int(x), int(y), rgba(c.Color))
		}
	}
	for _, im := range p.Images {
		src, _, err := image.Decode(bytes.NewReader(im.Data))
		if err != nil {
			continue
		}
		dst := image.Rect(int(px(im.X)), int(px(im.Y)), int(px(im.X+im.W)), int(px(im.Y+im.H)))
		scaleNearest(img, dst, src)
	}
	faces := map[string]font.Face{}
	defer func() {
		for _, f := range faces {
			f.Close()
		}
	}()
	for _, t := range p.Texts {
		fc, err := fonts.Face(t.Font)
		if err != nil {
			return nil, err
		}
		size := t.Size.Pt()
		key := fmt.Sprintf("%s@%.2f", t.Font, size)
		face, ok := faces[key]
		if !ok {
			face, err = opentype.NewFace(fc.SFNT(), &opentype.FaceOptions{Size: size, DPI: dpi, Hinting: font.HintingNone})
			if err != nil {
				return nil, fmt.Errorf("font %s: %w", t.Font, err)
			}
			faces[key] = face
		}
		d := &font.Drawer{Dst: img, Src: image.NewUniform(rgba(t.Color)), Face: face}
		i := 0
		for _, r := range t.S {
			if i >= len(t.X) {
				break
			}
			d.Dot = fixed.Point26_6{X: fixed.Int26_6(px(t.X[i]) * 64), Y: fixed.Int26_6(px(t.Y) * 64)}
			d.DrawString(string(r))
			i++
		}
	}
	return img, nil
}

func scaleNearest(dst *image.RGBA, r image.Rectangle, src image.Image) {
	sb := src.Bounds()
	if r.Dx() <= 0 || r.Dy() <= 0 {
		return
	}
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			sx := sb.Min.X + (x-r.Min.X)*sb.Dx()/r.Dx()
			sy := sb.Min.Y + (y-r.Min.Y)*sb.Dy()/r.Dy()
			c := color.RGBAModel.Convert(src.At(sx, sy)).(color.RGBA)
			if c.A == 0 {
				continue
			}
			if !(image.Point{x, y}.In(dst.Bounds())) {
				continue
			}
			if c.A == 255 {
				dst.SetRGBA(x, y, c)
				continue
			}
			o := dst.RGBAAt(x, y)
			a := uint32(c.A)
			blend := func(s, d uint8) uint8 { return uint8(uint32(s) + uint32(d)*(255-a)/255) }
			dst.SetRGBA(x, y, color.RGBA{blend(c.R, o.R), blend(c.G, o.G), blend(c.B, o.B), 255})
		}
	}
}
