package check

import "gongwen/document"

// importText reads a plain-text 公文 through the document package's importer.
func importText(file string, data []byte) (*document.Document, error) {
	return document.ImportText(file, data)
}
