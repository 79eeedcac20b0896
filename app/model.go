package app

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"gongwen/check"
	"gongwen/document"
	"gongwen/layout"
	"gongwen/pipeline"
	"gongwen/templates"
)

// Model is the state of the editing session, without widgets: the document, its genre, the
// file it came from, the latest findings and pages, the unit profiles and the recovery file.
// The UI calls it on the UI goroutine only; workers get copies (Snapshot).
type Model struct {
	Templates *templates.Set
	Profiles  []templates.Profile

	Doc   *document.Document
	Genre *templates.Genre
	// Path is the draft file the document is saved to; "" until it is saved (new or imported).
	Path string
	// Imported is the .txt or .docx the document was imported from, if any.
	Imported string
	// ImportReport is what the import of Imported says (document.ImportReport: the issuer
	// inferred and from what, numbers and dates normalised, elements not found); nil for a draft.
	ImportReport []string
	Dirty        bool

	// Findings and Pages are the latest analysis of the document (Rev == AnalysedRev when
	// they are current).
	Findings    []check.Finding
	Pages       []layout.Page
	AnalysedRev uint64

	// RecoveryDir holds the autosave file; "" disables autosave.
	RecoveryDir string

	// Practice is the exercise of 练习模式, nil outside it.
	Practice *Practice

	analysis     *Analysis // the one Findings and Pages come from
	hist         history   // undo and redo of every change of the document
	rev          uint64
	recoveredRev uint64
	// autosave is this session's recovery files (autosave.go): one per draft and window.
	autosave autosaveState
	// protected are files this session must never overwrite: drafts that could not be read
	// (broken, or written by a newer version).
	// protected keeps their bytes, so that a file chooser that truncated one can put it back.
	protected map[string][]byte
}

// NewModel returns a model over a template set and the unit profiles.
func NewModel(set *templates.Set, profiles []templates.Profile, recoveryDir string) *Model {
	return &Model{Templates: set, Profiles: profiles, RecoveryDir: recoveryDir, protected: map[string][]byte{}}
}

// Rev is the change counter of the document: it grows with every edit.
func (m *Model) Rev() uint64 { return m.rev }

// HasDocument reports whether a document is open.
func (m *Model) HasDocument() bool { return m.Doc != nil }

// New starts a document of a genre from its template.
func (m *Model) New(genreID string) error {
	g, ok := m.Templates.Genre(genreID)
	if !ok {
		return errorf("err.nogenre", genreID)
	}
	m.reset(g.NewDocument(), g)
	m.Dirty = true
	return nil
}

// NewFromExample starts a document from a genre template's example (unsaved).
func (m *Model) NewFromExample(genreID string) error {
	g, ok := m.Templates.Genre(genreID)
	if !ok {
		return errorf("err.nogenre", genreID)
	}
	doc, err := document.Parse(genreID+".yaml", []byte(g.Example))
	if err != nil {
		return errorf("err.detail", genreTitle(g), err)
	}
	m.reset(doc, g)
	m.Dirty = true
	return nil
}

func (m *Model) reset(doc *document.Document, g *templates.Genre) {
	m.Doc, m.Genre = doc, g
	m.Path, m.Imported, m.ImportReport = "", "", nil
	m.Dirty = false
	m.Findings, m.Pages = nil, nil
	m.rev++
	m.AnalysedRev, m.analysis = 0, nil
	m.recoveredRev = 0
	m.hist.clear()
	m.Practice = nil
}

// Discard drops the document and its recovery file (the user chose not to keep it).
func (m *Model) Discard() {
	m.ClearRecovery()
	m.reset(nil, nil)
}

// Open reads a draft (.yaml), or imports a .txt or .docx (which then has no draft path
// until saved). A file that cannot be read is remembered and never overwritten.
func (m *Model) Open(path string) error {
	abs, err := filepath.Abs(path)
	if err == nil {
		path = abs
	}
	if isExerciseFile(path) {
		return m.OpenPractice(path)
	}
	doc, err := loadFile(path)
	if err != nil {
		if data, rerr := os.ReadFile(path); rerr == nil && isDraftName(path) {
			m.protected[path] = data
		}
		return openError(path, err)
	}
	if !isDraftName(path) {
		// the issuer from the user's unit profiles (机关代字, 印发机关), as gwcli import does
		document.InferIssuer(doc, pipeline.Units(m.Profiles))
	}
	m.reset(doc, m.genreFor(doc))
	if isDraftName(path) {
		m.Path = path
	} else {
		m.Imported = path
		m.ImportReport = document.ImportReport(doc)
		m.Dirty = true
	}
	return nil
}

func isDraftName(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	return ext == ".yaml" || ext == ".yml"
}

// openError turns a reading error into the Chinese message the user sees.
func openError(path string, err error) error {
	name := filepath.Base(path)
	if errors.Is(err, document.ErrNewerVersion) {
		return errorf("err.open.newer", name)
	}
	var de *document.Error
	if errors.As(err, &de) {
		where := ""
		if de.Line > 0 {
			where = T("err.open.at", de.Line, de.Col)
		}
		return errorf("err.open.broken", name, where, de.Msg)
	}
	return errorf("err.open", name, err)
}

// genreFor finds the genre template of a document as gwcli does (pipeline.Genre): its genre
// id, name or alias, else the 文种 its title ends with.
func (m *Model) genreFor(doc *document.Document) *templates.Genre {
	return genreOf(m.Templates, doc)
}

// Set changes a form field. It reports whether the document changed.
func (m *Model) Set(path, text string) bool {
	if m.Doc == nil || FieldText(m.Doc, path) == text {
		return false
	}
	before := cloneDoc(m.Doc)
	if !SetFieldText(m.Doc, path, text) {
		return false
	}
	m.hist.before(before, histTyping, path)
	m.changed()
	return true
}

// edit runs a change of the document as one undo step.
func (m *Model) edit(label string, change func() bool) bool {
	if m.Doc == nil {
		return false
	}
	before := cloneDoc(m.Doc)
	if !change() {
		m.Doc = before // a change that failed half way leaves nothing behind
		return false
	}
	m.hist.before(before, label, "")
	m.changed()
	return true
}

func (m *Model) changed() {
	m.Doc.Source = nil // the text no longer matches the file it was read from
	m.rev++
	m.Dirty = true
}

// Snapshot returns a copy of the document for a worker goroutine.
func (m *Model) Snapshot() *document.Document { return cloneDoc(m.Doc) }

// Analyse runs the layout and the checker synchronously on the current document and stores
// the result (the UI does the same off the UI goroutine through Previewer).
func (m *Model) Analyse() error {
	a := analyse(m.Snapshot(), m.Genre, m.rev)
	m.SetAnalysis(a)
	return a.Err
}

// SetAnalysis stores an analysis and reports whether it is new: one of an older revision
// than the stored one, or the stored one again (the preview of another page), is not.
func (m *Model) SetAnalysis(a *Analysis) bool {
	if a == nil || a.Rev < m.AnalysedRev || a == m.analysis {
		return false
	}
	m.analysis = a
	m.AnalysedRev = a.Rev
	m.Findings = sortFindings(a.Findings) // errors first: the list shows what matters on top
	m.Pages = a.Pages
	return true
}

// ApplyFix applies a finding's mechanical fix to the document.
func (m *Model) ApplyFix(f check.Finding) error {
	if m.Doc == nil {
		return errorf("err.nodoc")
	}
	if !check.Fixable(f) {
		return errorf("err.nofix", f.Message)
	}
	var err error
	m.edit(histFix, func() bool {
		err = check.ApplyFix(m.Doc, f)
		return err == nil
	})
	if err != nil {
		return errorf("err.fix", err)
	}
	return nil
}

// ApplyAllFixes applies every mechanical fix of the current findings (the checker's
// fix-all policy, as gwcli fix) as one undo step, and returns how many it applied.
func (m *Model) ApplyAllFixes() int {
	n := 0
	m.edit(histFixAll, func() bool {
		n = check.FixAll(m.Doc, m.Findings)
		return n > 0
	})
	return n
}

// Fixable counts the findings fix-all applies (mechanical fixes).
func (m *Model) Fixable() int {
	n := 0
	for _, f := range m.Findings {
		if check.AutoApplicable(f) {
			n++
		}
	}
	return n
}

// ApplyProfile fills the organ fields from a unit profile; the 发文字号 is assembled from its
// 机关代字, the year and the serial when both are positive.
func (m *Model) ApplyProfile(p templates.Profile, year, serial int) {
	m.edit(histProfile, func() bool {
		p.Apply(m.Doc, year, serial)
		return true
	})
}

// Save writes the draft to its file; SaveAs to another. Drafts that could not be read in
// this session (broken or newer) are never overwritten.
func (m *Model) Save() error {
	if m.Path == "" {
		return errorf("err.save.where")
	}
	return m.SaveAs(m.Path)
}

// SaveAs writes the draft to path and makes it the document's file.
func (m *Model) SaveAs(path string) error {
	if m.Doc == nil {
		return errorf("err.nodoc")
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	if !isDraftName(path) {
		path += ".yaml"
	}
	if err := m.mayOverwrite(path); err != nil {
		return err
	}
	m.rebaseImages(filepath.Dir(path))
	data, err := marshalDraft(m.Doc)
	if err != nil {
		return errorf("err.marshal", err)
	}
	if err := writeAtomic(path, data); err != nil {
		return errorf("err.save", err)
	}
	m.Path = path
	m.Dirty = false
	m.ClearRecovery()
	return nil
}

// rebaseImages keeps seal and signature images found when the draft moves to another folder:
// paths relative to the old folder become absolute.
func (m *Model) rebaseImages(dir string) {
	old := m.Doc.Dir
	if old == "" || old == dir {
		m.Doc.Dir = dir
		return
	}
	abs := func(p *string) {
		if *p != "" && !filepath.IsAbs(*p) {
			*p = filepath.Join(old, *p)
		}
	}
	for i := range m.Doc.Issuers {
		abs(&m.Doc.Issuers[i].Seal)
	}
	abs(&m.Doc.SignatureImage)
	m.Doc.Dir = dir
}

// mayOverwrite refuses to replace a draft that this program cannot read.
func (m *Model) mayOverwrite(path string) error {
	if _, ok := m.protected[path]; ok {
		return errorf("err.protected", filepath.Base(path))
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil // new file, or unreadable: the write reports it
	}
	if _, err := parseDraft(path, data); errors.Is(err, document.ErrNewerVersion) {
		m.protected[path] = data
		return errorf("err.protected.newer", filepath.Base(path))
	}
	return nil
}

// restoreIfProtected puts back the bytes of a protected draft (Fyne's save dialog opens the
// chosen file for writing, which empties it, before the app can refuse to overwrite it).
func (m *Model) restoreIfProtected(path string) error {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	if data, ok := m.protected[path]; ok {
		if err := writeAtomic(path, data); err != nil {
			return errorf("err.restore", filepath.Base(path), err)
		}
	}
	return nil
}

// Export kinds.
const (
	ExportPDF  = "pdf"
	ExportDOCX = "docx"
	ExportPNG  = "png"
	ExportOFD  = "ofd"
)

// ExportFile typesets the document and writes it to path as kind. A PNG export of several
// pages writes one file a page (name-1.png, name-2.png, …). It returns the files written.
func (m *Model) ExportFile(kind, path string) ([]string, error) {
	if m.Doc == nil {
		return nil, errorf("err.nodoc")
	}
	return exportFile(m.Snapshot(), m.Genre, kind, path)
}

// exportFile does the work of ExportFile on a snapshot (safe on any goroutine).
func exportFile(doc *document.Document, g *templates.Genre, kind, path string) (files []string, err error) {
	defer func() {
		if r := recover(); r != nil {
			files, err = nil, errorf("err.export.internal", r)
		}
	}()
	// the preparation of the preview and of gwcli (pipeline): generated parts, images
	d := prepare(doc, g)
	if d.GenerateErr != nil {
		return nil, errorf("err.generate", d.GenerateErr)
	}
	if kind == ExportDOCX {
		return []string{path}, writeVia(path, func(w io.Writer) error { return writeDraftDOCX(w, d, nil) })
	}
	res, err := typesetDraft(d, false)
	if err != nil {
		return nil, errorf("err.typeset", err)
	}
	pages := res.Pages
	switch kind {
	case ExportPDF:
		return []string{path}, writeVia(path, func(w io.Writer) error { return writeDraftPDF(w, d, res) })
	case ExportOFD:
		return []string{path}, writeVia(path, func(w io.Writer) error { return writeDraftOFD(w, d, res) })
	case ExportPNG:
		base := strings.TrimSuffix(path, filepath.Ext(path))
		var werr error // a write error, already in the user's words
		err := writePNGPages(pages, 150, func(i int, data []byte) error {
			name := path
			if len(pages) > 1 {
				name = fmt.Sprintf("%s-%d.png", base, i+1)
			}
			if werr = writeAtomic(name, data); werr != nil {
				werr = errorf("err.write", filepath.Base(name), werr)
				return werr
			}
			files = append(files, name)
			return nil
		})
		switch {
		case werr != nil:
			return files, werr
		case err != nil:
			return files, errorf("err.paint", err)
		}
		return files, nil
	}
	return nil, errorf("err.kind", kind)
}

// writeVia renders into memory and writes the file atomically.
func writeVia(path string, write func(io.Writer) error) error {
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return errorf("err.produce", filepath.Base(path), err)
	}
	if err := writeAtomic(path, buf.Bytes()); err != nil {
		return errorf("err.write", filepath.Base(path), err)
	}
	return nil
}

// Title is the window title for the document.
func (m *Model) Title() string {
	name := T("untitled")
	switch {
	case m.Path != "":
		name = filepath.Base(m.Path)
	case m.Imported != "":
		name = filepath.Base(m.Imported)
	}
	if m.Dirty {
		name = "● " + name
	}
	return name
}
