package main

import (
	"sync"

	"gongwen/check"
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

// newPipeline is the pipeline of a command with its font set (nil: the bundled fonts).
func newPipeline(fonts *layout.Fonts) *pipeline.Pipeline {
	k, _ := check.UserKnowledge() // a broken user table leaves the built-in tables (check.LoadKnowledge)
	return &pipeline.Pipeline{Templates: templateSet(), Fonts: fonts, Knowledge: k}
}
