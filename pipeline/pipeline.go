// Package pipeline is the one place where a draft becomes output:
//
//	load (draft, text, docx) → prepare (genre resolved from the template set, generation
//	steps such as the 整改方案's attachments, images read once into memory) → typeset
//	(layout.Run: pages and Records) → check (the rules on the source and the pages) → write
//	(PDF, PNG, OFD, DOCX).
//
// The app and every gwcli command go through it, so the same draft gives the same pages,
// findings and warnings everywhere. It does not import Fyne.
package pipeline

import (
	"errors"
	"path/filepath"
	"strings"
	"sync"

	"gongwen/check"
	"gongwen/document"
	"gongwen/internal/safeio"
	"gongwen/layout"
	"gongwen/templates"
)

// Pipeline holds what every run shares: the template set, the font set and the checker's
// knowledge. The zero value works with the built-in templates and the bundled fonts.
type Pipeline struct {
	// Templates is the genre template set; nil means templates.Builtins().
	Templates *templates.Set
	// Fonts is the font set of the layout and the PDF/PNG/OFD writers; nil means the bundled set.
	Fonts *layout.Fonts
	// Knowledge is the checker's organ types and basis register; nil means the built-in tables.
	Knowledge *check.Knowledge
	// Units are the unit profiles an imported document's issuer may be inferred from (its
	// number's 机关代字, its 印发机关: document.InferIssuer); nil means none. See Units.
	Units []document.Unit
}

// RuleGenerate is the id of the finding that says a genre's generation step failed (a
// 整改方案 whose title names no plan in 《》): the preview goes on without the generated
// parts, an export fails.
const RuleGenerate = "generate-attachments"

// Draft is a document prepared for output.
type Draft struct {
	// Source is the document as loaded or edited: findings point into it and fixes apply to it.
	Source *document.Document
	// Doc is what is typeset and written: a copy of Source with what the genre generates
	// and its images read.
	Doc *document.Document
	// Genre is the genre template resolved for the document; nil when none matches.
	Genre *templates.Genre
	// Raw is the text a plain-text input was read from (a few rules read what the importer
	// normalised away), nil otherwise.
	Raw []byte
	// GenerateErr is the failure of the genre's generation step; Doc then lacks the
	// generated parts.
	GenerateErr error
	// ImageErr is the first seal or signature image that could not be read, at its place.
	ImageErr error
}

// Ready returns the reason the draft cannot be exported, or nil: a failed generation step or
// an image that cannot be printed.
func (d *Draft) Ready() error {
	if d.ImageErr != nil {
		return d.ImageErr
	}
	return d.GenerateErr
}

var (
	builtinsOnce sync.Once
	builtins     *templates.Set
)

func (p *Pipeline) set() *templates.Set {
	if p.Templates != nil {
		return p.Templates
	}
	builtinsOnce.Do(func() { builtins = templates.Builtins() })
	return builtins
}

func (p *Pipeline) fonts() *layout.Fonts {
	if p.Fonts == nil {
		return layout.DefaultFonts()
	}
	return p.Fonts
}

// Load reads a draft (.yaml), a plain-text 公文 (.txt) or a Word document (.docx) and
// prepares it (see Prepare). An imported document takes its genre, format and direction from
// the template set (Genres).
func (p *Pipeline) Load(path, genre string) (*Draft, error) {
	doc, err := document.LoadWith(path, Genres(p.set()))
	if err != nil {
		return nil, err
	}
	ext := strings.ToLower(filepath.Ext(path))
	switch ext {
	case ".txt", ".text", ".docx":
		document.InferIssuer(doc, p.Units)
	}
	d := p.Prepare(doc, genre)
	switch ext {
	case ".txt", ".text":
		d.Raw, _ = safeio.ReadFile(path, document.MaxInputSize) // as document.Load read it
	}
	return d, nil
}

// ForgetInput drops what only findings and fixes need, for a command that has checked the
// draft and goes on to write it: the raw text, the document as loaded (Source) and where each
// element stood in the input (document.Source, which keeps the decoded text alive). A long
// plain-text input is then held once, as Doc's elements, instead of three times while it is
// typeset and written. Check must not be called after it.
func (d *Draft) ForgetInput() {
	d.Raw = nil
	d.Source = nil
	if d.Doc != nil {
		d.Doc.Source = nil
	}
}

// Genre resolves the genre template of a document: the id or 文种 name given (a command's
// --genre), else the document's genre (an id, or a 文种 name or alias), else the 文种 its
// title ends with. It returns nil when none matches.
func (p *Pipeline) Genre(doc *document.Document, id string) *templates.Genre {
	set := p.set()
	for _, want := range []string{id, doc.Genre} {
		if want == "" {
			continue
		}
		if g, ok := set.Genre(want); ok {
			return g
		}
		if g := set.ByName(want); g != nil {
			return g
		}
	}
	return set.TitleGenre(strings.ReplaceAll(doc.Title, "\n", ""))
}

// Prepare resolves the genre (see Genre; id may be empty), copies the document and runs the
// genre's generation step on the copy (the 整改方案's plan and 整改任务清单 from its
// rectification items), and reads the seal and signature images once into memory. Problems
// are kept in the Draft (GenerateErr, ImageErr): a preview goes on, an export refuses.
func (p *Pipeline) Prepare(doc *document.Document, id string) *Draft {
	return p.PrepareAs(doc, p.Genre(doc, id))
}

// PrepareAs is Prepare with the genre given (nil: none).
func (p *Pipeline) PrepareAs(doc *document.Document, g *templates.Genre) *Draft {
	d := &Draft{Source: doc, Genre: g}
	d.Doc = doc.Clone()
	if d.Genre != nil {
		if err := d.Genre.Generate(d.Doc); err != nil {
			d.GenerateErr = err
			d.Doc = doc.Clone()
		}
	}
	d.ImageErr = document.LoadImages(d.Doc)
	return d
}

// TypesetOptions tune a typesetting run.
type TypesetOptions struct {
	// Explain adds the trainer's boxes (讲解模式).
	Explain bool
	// Warn receives the layout's warnings (a character no font has …).
	Warn func(string)
}

// Typeset lays the prepared document out: pages and a Record for every placed element.
func (p *Pipeline) Typeset(d *Draft, opts TypesetOptions) (*layout.Result, error) {
	if d == nil || d.Doc == nil {
		return nil, errors.New("没有公文可排版 (no document)")
	}
	return layout.Run(d.Doc, p.layoutOptions(opts))
}

// layoutOptions are the layout's options of every typesetting: the fonts, and the set's words
// a title ends with (TitleEndings).
func (p *Pipeline) layoutOptions(opts TypesetOptions) layout.Options {
	return layout.Options{Fonts: p.fonts(), Explain: opts.Explain, Warn: opts.Warn, TitleEndings: TitleEndings(p.set())}
}

// Check runs the rules on the draft's source with the genre's configuration, and the
// geometry rules on res's Records when res is not nil. A failed generation step is the first
// finding.
func (p *Pipeline) Check(d *Draft, res *layout.Result) []check.Finding {
	if res == nil {
		return p.checkRecords(d, nil, 0)
	}
	return p.checkRecords(d, res.Records, len(res.Pages))
}

// CheckLaidOut runs every rule, the geometry rules on the Records of a streaming typesetting
// run (Pages): the pages themselves are not kept, so a long document is checked in the
// memory of its Records, not of its painted pages. It returns the findings and the layout's
// failure (the findings are then those of the text alone, as Run's).
func (p *Pipeline) CheckLaidOut(d *Draft, warn func(string)) ([]check.Finding, error) {
	var recs []layout.Record
	n, err := p.Pages(d, TypesetOptions{Warn: warn}, func(_ layout.Page, r []layout.Record) error {
		recs = append(recs, r...)
		return nil
	})
	if err != nil {
		return p.checkRecords(d, nil, 0), err
	}
	return p.checkRecords(d, recs, n), nil
}

// checkRecords runs the rules, the geometry rules on recs when pages > 0.
func (p *Pipeline) checkRecords(d *Draft, recs []layout.Record, pages int) []check.Finding {
	opts := check.Options{Raw: d.Raw, Knowledge: p.Knowledge}
	if pages > 0 {
		// the geometry rules read this run's Records: no second typesetting
		opts.Layout = true
		opts.Records = recs
		opts.PageCount = pages
	}
	out := check.Run(d.Source, d.Genre, opts)
	if d.GenerateErr != nil {
		out = append([]check.Finding{{Rule: RuleGenerate, Severity: check.SeverityError,
			Clause: "GB/T 9704-2012 7.3.7", Path: document.PathTitle, Message: d.GenerateErr.Error()}}, out...)
	}
	return out
}

// Output is the whole of one run of a draft through the pipeline.
type Output struct {
	Draft *Draft
	// Layout is the typeset result; nil when the layout failed (Err).
	Layout   *layout.Result
	Findings []check.Finding
	// Warnings are the layout's warnings, in order.
	Warnings []string
	// Err is the layout's failure; the findings are still there.
	Err error
}

// Run typesets and checks a prepared draft: what the app's preview shows and what gwcli
// check reports by default.
func (p *Pipeline) Run(d *Draft, explain bool) *Output {
	out := &Output{Draft: d}
	res, err := p.Typeset(d, TypesetOptions{Explain: explain, Warn: func(m string) { out.Warnings = append(out.Warnings, m) }})
	if err != nil {
		out.Err = err
	} else {
		out.Layout = res
	}
	out.Findings = p.Check(d, out.Layout)
	return out
}
