package app

import (
	"image"
	"io"
	"os"
	"path/filepath"
	"sync/atomic"

	"gongwen/document"
	"gongwen/export/png"
	"gongwen/layout"
	"gongwen/pipeline"
	"gongwen/templates"
)

// This file is the app's only door to the pipeline (document → check → layout → writers),
// so that the UI code never depends on how those packages spell things.

// fontSet is the font set of the preview and the exports: the bundled one, or the real 公文
// fonts of this machine where it has them (a setting).
var fontSet atomic.Pointer[layout.Fonts]

// currentFonts returns the font set in use.
func currentFonts() *layout.Fonts {
	if f := fontSet.Load(); f != nil {
		return f
	}
	return layout.DefaultFonts()
}

// useSystemFonts switches between the machine's 公文 fonts and the bundled set.
func useSystemFonts(on bool) {
	if on {
		fontSet.Store(layout.NewSystemFonts(nil))
	} else {
		fontSet.Store(layout.DefaultFonts())
	}
}

// loadTemplates loads the built-in and the user's templates with the pipeline's validation
// (rule ids, parameter types, examples), as gwcli does.
func loadTemplates() (*templates.Set, []error) {
	set, errs := pipeline.LoadTemplates("")
	importSet.Store(set)
	return set, errs
}

// importSet is the template set the importers take their genre table from.
var importSet atomic.Pointer[templates.Set]

// genreOf resolves the genre template of a document as every gwcli command does: its genre
// id (or a 文种 name or alias), else the 文种 its title ends with.
func genreOf(set *templates.Set, doc *document.Document) *templates.Genre {
	if set == nil {
		return nil
	}
	return (&pipeline.Pipeline{Templates: set}).Genre(doc, "")
}

// appPipeline is the pipeline of the app: the font set in use; the genre comes with each
// draft (the model has resolved it).
func appPipeline() *pipeline.Pipeline { return &pipeline.Pipeline{Fonts: currentFonts()} }

// prepare copies a snapshot, runs what its genre generates and reads its images, as every
// gwcli command does (pipeline.PrepareAs).
func prepare(doc *document.Document, g *templates.Genre) *pipeline.Draft {
	return appPipeline().PrepareAs(doc, g)
}

// typesetDraft lays a prepared draft out: pages and layout's records.
func typesetDraft(d *pipeline.Draft, explain bool) (*layout.Result, error) {
	return appPipeline().Typeset(d, pipeline.TypesetOptions{Explain: explain})
}

// writeDraftPDF, writeDraftOFD and writeDraftDOCX write a prepared draft with the
// pipeline's document properties and the font set in use.
func writeDraftPDF(w io.Writer, d *pipeline.Draft, res *layout.Result) error {
	return appPipeline().WritePDF(w, d, res)
}

func writeDraftOFD(w io.Writer, d *pipeline.Draft, res *layout.Result) error {
	return appPipeline().WriteOFD(w, d, res)
}

func writeDraftDOCX(w io.Writer, d *pipeline.Draft, warn func(string)) error {
	return appPipeline().WriteDOCX(w, d, warn)
}

// renderPage paints one page at dpi dots per inch with the PNG writer's painter, so the
// preview shows what the PDF prints.
func renderPage(p layout.Page, dpi float64) (*image.RGBA, error) {
	return png.Render(p, currentFonts(), dpi)
}

// writePNGPages paints every page at dpi and hands each one, encoded as PNG, to emit.
func writePNGPages(pages []layout.Page, dpi float64, emit func(i int, data []byte) error) error {
	return png.WritePages(pages, currentFonts(), dpi, emit)
}

// loadFile reads a draft, a .txt or a .docx (by extension).
func loadFile(path string) (*document.Document, error) {
	// an imported text or Word document takes its genre from the app's template set
	var gs document.Genres
	if set := importSet.Load(); set != nil {
		gs = pipeline.Genres(set)
	}
	return document.LoadWith(path, gs)
}

// marshalDraft writes the document in the draft format.
func marshalDraft(doc *document.Document) ([]byte, error) {
	return document.Marshal(doc)
}

// writeAtomic writes a file so that it is the old one or the new one, never half written.
func writeAtomic(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return errorf("err.mkdir", filepath.Dir(path), err)
	}
	return document.WriteFileAtomic(path, data)
}

// parseDraft parses draft bytes (the recovery file).
func parseDraft(name string, data []byte) (*document.Document, error) {
	return document.Parse(name, data)
}
