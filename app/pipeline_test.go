package app

import (
	"path/filepath"
	"reflect"
	"testing"

	"gongwen/document"
	"gongwen/layout"
	"gongwen/pipeline"
	"gongwen/templates"
)

// TestAnalyseIsThePipeline: the preview's analysis of every example is pipeline.Run of the
// draft prepared with the genre gwcli resolves (the gwcli side is TestPipelineEquivalence in
// cmd/gwcli): the same genre, pages, records and findings.
func TestAnalyseIsThePipeline(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "examples", "*.yaml"))
	if len(files) == 0 {
		t.Fatal("no examples")
	}
	set := templates.Builtins()
	m := &Model{Templates: set}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			doc, err := document.Load(f)
			if err != nil {
				t.Fatal(err)
			}
			p := &pipeline.Pipeline{Templates: set, Fonts: currentFonts()}
			g := m.genreFor(doc)
			if want := p.Genre(doc, ""); g != want {
				t.Fatalf("the app resolves genre %v, gwcli %v", g, want)
			}
			a := analyse(doc, g, 1)
			out := p.Run(p.PrepareAs(doc, g), true)
			if a.Err != nil || out.Err != nil {
				t.Fatalf("errors: %v / %v", a.Err, out.Err)
			}
			if layout.Dump(a.Pages) != layout.Dump(out.Layout.Pages) || !reflect.DeepEqual(a.Records, out.Layout.Records) {
				t.Error("the preview's pages or records differ from the pipeline's")
			}
			if !reflect.DeepEqual(a.Findings, out.Findings) {
				t.Errorf("findings differ:\n%v\n%v", a.Findings, out.Findings)
			}
		})
	}
}
