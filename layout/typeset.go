package layout

import (
	"errors"

	"gongwen/document"
)

// Options tune a typesetting run.
type Options struct {
	// Fonts is the font set; nil means DefaultFonts().
	Fonts *Fonts
	// Explain adds Boxes with element names, clauses and measurements (讲解模式).
	Explain bool
}

// Typeset lays the document out into pages as GB/T 9704-2012 places them.
func Typeset(doc *document.Document, opts Options) ([]Page, error) {
	return nil, errors.New("layout: not implemented yet")
}
