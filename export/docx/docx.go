// Package docx writes a document.Document as an Office Open XML word-processing file
// (.docx) laid out to GB/T 9704-2012 with the same numbers as the layout engine, and
// fills an organization's own red-header template (套红模板).
package docx

import (
	"errors"
	"io"

	"gongwen/document"
)

// Options control the DOCX export.
type Options struct {
	// Fonts selects the font family names written into the file: "standard" (default),
	// "windows", "mac" or "bundled".
	Fonts string
	// Title and Creator override the document properties; empty means the 标题 and the
	// lead issuing organ.
	Title   string
	Creator string
	// Warn receives warnings (e.g. control characters dropped); nil discards them.
	Warn func(string)
}

// Write writes doc as a .docx file to w.
func Write(w io.Writer, doc *document.Document, opts Options) error {
	return errors.New("docx export not implemented yet")
}
