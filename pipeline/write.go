package pipeline

import (
	"errors"
	"image"
	"io"
	"strings"

	"gongwen/export/docx"
	"gongwen/export/ofd"
	"gongwen/export/pdf"
	"gongwen/export/png"
	"gongwen/layout"
)

// The writers, with the pipeline's fonts and one set of document properties. Each takes
// the typeset result of the same draft; the DOCX writer takes the prepared document.

// oneLine is a title on one line: line breaks and runs of white space become one space.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", "")), " ")
}

// PDFMeta is the PDF's document information: the title on one line, the issuing organs as
// the author, the genre's 文种 as the subject.
func (d *Draft) PDFMeta() pdf.Meta {
	var names []string
	for _, is := range d.Doc.Issuers {
		if is.Name != "" {
			names = append(names, is.Name)
		}
	}
	m := pdf.Meta{Title: oneLine(d.Doc.Title), Author: strings.Join(names, "、")}
	if d.Genre != nil {
		m.Subject = d.Genre.Name
	}
	return m
}

// WritePDF writes the pages as PDF.
func (p *Pipeline) WritePDF(w io.Writer, d *Draft, res *layout.Result) error {
	return pdf.Write(w, res.Pages, p.fonts(), d.PDFMeta())
}

// PDFWriter starts a PDF of the draft on w with the pipeline's fonts, to which pages are added
// as a streaming typesetting run (Pages) hands them over; each is written to w when added.
func (p *Pipeline) PDFWriter(w io.Writer, d *Draft) (*pdf.Writer, error) {
	return pdf.NewWriter(w, p.fonts(), d.PDFMeta())
}

// Pages typesets the prepared draft and hands each page over with its Records as soon as it
// is final (layout.Options.Page): a long document is never held whole. It returns the number
// of pages; an error from fn ends the run with that error.
func (p *Pipeline) Pages(d *Draft, opts TypesetOptions, fn func(layout.Page, []layout.Record) error) (int, error) {
	if d == nil || d.Doc == nil {
		return 0, errors.New("没有公文可排版 (no document)")
	}
	n := 0
	lo := p.layoutOptions(opts)
	lo.Page = func(pg layout.Page, recs []layout.Record) error {
		n++
		return fn(pg, recs)
	}
	_, err := layout.Run(d.Doc, lo)
	return n, err
}

// StreamPDF typesets the prepared draft and writes it as PDF page by page (Pages, PDFWriter);
// it returns the number of pages.
func (p *Pipeline) StreamPDF(w io.Writer, d *Draft, warn func(string)) (int, error) {
	pw, err := p.PDFWriter(w, d)
	if err != nil {
		return 0, err
	}
	n, err := p.Pages(d, TypesetOptions{Warn: warn}, func(pg layout.Page, _ []layout.Record) error {
		return pw.Add(&pg)
	})
	if err != nil {
		return n, err
	}
	return n, pw.Finish()
}

// OFDMeta is the OFD's document information: the 公文's (ofd.MetaOf) with the genre's 文种
// as the subject.
func (d *Draft) OFDMeta() ofd.Meta {
	meta := ofd.MetaOf(d.Doc)
	if d.Genre != nil {
		meta.Subject = d.Genre.Name
	}
	return meta
}

// WriteOFD writes the pages as OFD (GB/T 33190).
func (p *Pipeline) WriteOFD(w io.Writer, d *Draft, res *layout.Result) error {
	return ofd.Write(w, res.Pages, p.fonts(), d.OFDMeta())
}

// OFDWriter starts an OFD of the draft on w with the pipeline's fonts, to which pages are
// added as a streaming typesetting run (Pages) hands them over: each page goes into the
// package as it comes.
func (p *Pipeline) OFDWriter(w io.Writer, d *Draft) *ofd.Writer {
	return ofd.NewWriter(w, p.fonts(), d.OFDMeta())
}

// RenderPNG paints one page at dpi; boxes draws the trainer's boxes of a page typeset with
// Explain.
func (p *Pipeline) RenderPNG(pg layout.Page, dpi float64, boxes bool) (*image.RGBA, error) {
	return png.RenderWith(pg, p.fonts(), png.Options{DPI: dpi, Boxes: boxes})
}

// WriteDOCX writes the prepared document as .docx, following the page plan of the
// pipeline's own typesetting run (its Records) with the pipeline's fonts; warn receives the
// writer's warnings. The writer follows the run as it hands the pages over (Pages) and
// writes the document part as it goes: a long document is never held whole.
func (p *Pipeline) WriteDOCX(w io.Writer, d *Draft, warn func(string)) error {
	if d == nil || d.Doc == nil {
		return errors.New("没有公文可排版 (no document)")
	}
	opts := p.docxOptions(nil, warn)
	opts.Pages = func(emit func(layout.Page, []layout.Record) error) error {
		_, err := p.Pages(d, TypesetOptions{Warn: warn}, emit)
		return err
	}
	return docx.Write(w, d.Doc, opts)
}

// docxOptions are the DOCX writer's options for a typeset result: its page plan, the
// pipeline's fonts and their names.
func (p *Pipeline) docxOptions(res *layout.Result, warn func(string)) docx.Options {
	return docx.Options{Warn: warn, Layout: res, Faces: p.fonts(), TitleEndings: TitleEndings(p.set()), Fonts: p.docxFontNames()}
}

// docxFontNames is the DOCX writer's font-name set for the pipeline's fonts: with the
// bundled set the file names the bundled faces and carries them (embedded, so that Word,
// WPS and LibreOffice show them on a machine without them); with the machine's own 公文
// fonts (--system-fonts, the app's 使用本机字体) it names the standard faces
// (仿宋_GB2312, 方正小标宋简体 …) that the office has installed.
func (p *Pipeline) docxFontNames() string {
	if p.Fonts == nil || p.Fonts == layout.DefaultFonts() {
		return "bundled"
	}
	return "standard"
}

// Export writes a prepared draft in one format ("pdf", "ofd", "docx"; PNG pages go through
// RenderPNG one by one): it refuses a draft that is not Ready, typesets it and writes it.
// It returns the typeset result (nil for DOCX).
func (p *Pipeline) Export(w io.Writer, d *Draft, format string, warn func(string)) (*layout.Result, error) {
	if err := d.Ready(); err != nil {
		return nil, err
	}
	if format == "docx" {
		return nil, p.WriteDOCX(w, d, warn)
	}
	res, err := p.Typeset(d, TypesetOptions{Warn: warn})
	if err != nil {
		return nil, err
	}
	switch format {
	case "ofd":
		err = p.WriteOFD(w, d, res)
	default:
		err = p.WritePDF(w, d, res)
	}
	return res, err
}
