package main

import (
	"fmt"
	"os"
	"sync"

	"gongwen/check"
	"gongwen/document"
	"gongwen/layout"
	"gongwen/pipeline"
	"gongwen/templates"
)

// Every command that reads a draft goes through package pipeline with one template set,
// loaded once with the pipeline's validation.

var (
	tplSetOnce sync.Once
	tplSet     *templates.Set
)

// templateSet is the built-in templates and the user's folder; a broken user template is
// skipped (gwcli templates lint reports it).
func templateSet() *templates.Set {
	tplSetOnce.Do(func() { tplSet, _ = pipeline.LoadTemplates("") })
	return tplSet
}

// knowledgeWarned makes the warning about a broken user table (organs.yaml, basis.yaml) appear once.
var knowledgeWarned sync.Once

// newPipeline is the pipeline of a command with its font set (nil: the bundled fonts).
func newPipeline(fonts *layout.Fonts) *pipeline.Pipeline {
	k, err := check.UserKnowledge() // a broken user table is left out (check.LoadKnowledge)
	if err != nil {
		knowledgeWarned.Do(func() { fmt.Fprintf(os.Stderr, "gwcli: 警告 (warning): %s\n", err) })
	}
	return &pipeline.Pipeline{Templates: templateSet(), Fonts: fonts, Knowledge: k, Units: units()}
}

// loadDocument reads a draft, a plain-text 公文 or a Word document as every command does: an
// imported one with the template set's genre table (document.LoadWith, pipeline.Genres) and
// its issuer, when the text states none, from the user's unit profiles (inferIssuer).
func loadDocument(path string) (*document.Document, error) {
	doc, err := document.LoadWith(path, pipeline.Genres(templateSet()))
	if err == nil {
		inferIssuer(path, doc)
	}
	return doc, err
}
