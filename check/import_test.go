package check

import (
	"gongwen/document"
	"gongwen/templates"
)

// importText reads a plain-text 公文 through the document package's importer, with the
// built-in templates' genre table as the programs give it.
func importText(file string, data []byte) (*document.Document, error) {
	return document.ImportText(file, data, templateGenres)
}

// templateGenres is the genre table of the built-in templates (pipeline.Genres).
var templateGenres = templates.Builtins().GenreTable()
