package pipeline

import (
	"slices"
	"testing"

	"gongwen/templates"
)

// TestTitleEndingsFromTemplates: the words layout breaks a title before (the 的 that precedes
// one) are the template set's names, aliases and title endings, each once, and every
// typesetting of the pipeline hands them to layout.
func TestTitleEndingsFromTemplates(t *testing.T) {
	set := templates.Builtins()
	got := TitleEndings(set)
	for _, g := range set.Genres() {
		for _, w := range append(append([]string{g.Name}, g.Aliases...), g.TitleEndings...) {
			if !slices.Contains(got, w) {
				t.Errorf("%s: %q not among the title endings", g.ID, w)
			}
		}
	}
	for i, w := range got {
		if slices.Contains(got[:i], w) {
			t.Errorf("%q twice", w)
		}
	}
	for _, w := range []string{"通知", "复函", "实施方案", "办法", "令"} {
		if !slices.Contains(got, w) {
			t.Errorf("%q missing", w)
		}
	}
	p := &Pipeline{}
	if lo := p.layoutOptions(TypesetOptions{}); !slices.Equal(lo.TitleEndings, got) {
		t.Errorf("layout options carry %v, want the set's %v", lo.TitleEndings, got)
	}
	// and so do the DOCX writer's options, for its own typesetting when it has no run
	if do := p.docxOptions(nil, nil); !slices.Equal(do.TitleEndings, got) {
		t.Errorf("DOCX options carry %v, want the set's %v", do.TitleEndings, got)
	}
	// a user's set has its own (its genres' words)
	if own := TitleEndings(&templates.Set{}); len(own) != 0 {
		t.Errorf("an empty set's endings: %v", own)
	}
}
