package pipeline

import (
	"testing"

	"gongwen/templates"
)

// TestBuiltinTemplatesValid: the built-in templates pass the whole of TemplateOptions (rule
// ids and parameter types, example drafts parsed, declared rules' examples run), so that
// LoadTemplates may take them from templates.Builtins without validating them again; and
// LoadTemplates gives the same genres.
func TestBuiltinTemplatesValid(t *testing.T) {
	opts := TemplateOptions("", false)
	opts.NoUserDir = true
	set, errs := templates.Load(opts)
	for _, err := range errs {
		t.Errorf("built-in template: %v", err)
	}
	builtins := templates.Builtins()
	if got, want := len(set.Genres()), len(builtins.Genres()); got != want || got < 15 {
		t.Errorf("validated %d genres, Builtins %d", got, want)
	}
	loaded, errs := LoadTemplates(t.TempDir())
	if len(errs) > 0 {
		t.Errorf("LoadTemplates of an empty folder: %v", errs)
	}
	for _, g := range set.Genres() {
		b, ok := builtins.Genre(g.ID)
		if !ok {
			t.Errorf("%s: not in Builtins", g.ID)
			continue
		}
		if l, ok := loaded.Genre(g.ID); !ok || l != b {
			t.Errorf("%s: LoadTemplates does not give the built-in genre", g.ID)
		}
		if b.Name != g.Name || b.Example != g.Example || len(b.Rules) != len(g.Rules) {
			t.Errorf("%s: Builtins differs from the validated load", g.ID)
		}
	}
}
