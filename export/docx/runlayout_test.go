package docx

import (
	"fmt"

	"gongwen/document"
	"gongwen/layout"
)

// runLayout typesets the document once, with the caller's fonts, for the tests that build a
// page plan from a whole run (the writer itself takes Options.Layout or Options.Pages).
func runLayout(doc *document.Document, opts Options) (res *layout.Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("排版失败（layout failed）: %v", r)
		}
	}()
	return layout.Run(doc, layout.Options{Fonts: opts.Faces, Warn: opts.Warn})
}
