package main

import (
	"path/filepath"
	"strings"
	"sync"

	"gongwen/document"
	"gongwen/pipeline"
	"gongwen/templates"
)

var (
	unitsOnce sync.Once
	unitList  []document.Unit
)

// units are the user's unit profiles (gwcli profiles; the default folder) as the importers use
// them: an imported document's issuer may be inferred from its number's 机关代字 or its 印发机关.
// A broken profile is skipped here (gwcli templates lint reports it).
func units() []document.Unit {
	unitsOnce.Do(func() {
		ps, _ := templates.LoadProfiles("")
		unitList = pipeline.Units(ps)
	})
	return unitList
}

// inferIssuer names an imported document's issuer from the unit profiles when the text does
// not (document.InferIssuer); a draft is left as saved.
func inferIssuer(path string, doc *document.Document) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".text", ".docx":
		document.InferIssuer(doc, units())
	}
}
