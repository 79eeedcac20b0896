package app

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"gongwen/document"
	"gongwen/templates"
)

// TestFormFieldsFromTemplate: the form is the template's fields and nothing else — a field a
// template declares appears with its label and help in Chinese and English, and an element
// the genre uses but the template gives no field (密级 here) has none.
func TestFormFieldsFromTemplate(t *testing.T) {
	cfg := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", cfg)
	t.Setenv("HOME", cfg)
	dir := templates.DefaultUserDir()
	if dir == "" {
		t.Skip("no user config dir")
	}
	src, err := os.ReadFile(filepath.Join("..", "templates", "builtin", "qingshi.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	y := strings.Replace(string(src), "id: qingshi\n", "id: qingshi-test\nlabel: 请示（测试）\n", 1)
	y = strings.ReplaceAll(y, "genre: qingshi\n", "genre: qingshi-test\n") // the example's genre
	// drop the 密级 field, rename the 附注 field
	y = regexp.MustCompile(`(?s)  - path: classification\n.*?\n  - path: classification_term\n`).ReplaceAllString(y, "  - path: classification_term\n")
	y = strings.Replace(y, "  - path: note\n    label: 附注\n", "  - path: note\n    label: 测试附注\n    label_en: Test note\n    help_en: A help text in English for the test.\n", 1)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "qingshi-test.yaml"), []byte(y), 0o644); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t)
	g, ok := h.u.Model.Templates.Genre("qingshi-test")
	if !ok {
		t.Fatalf("the test template did not load: %v", h.u.loadErrs)
	}
	if !g.Uses(document.PathClassification) {
		t.Fatal("the test template should use 密级 without a field for it")
	}
	h.u.NewDocument("qingshi-test")
	ed := h.u.ed
	var want []string
	for _, f := range g.Fields {
		want = append(want, f.Path)
	}
	if strings.Join(ed.order, " ") != strings.Join(want, " ") {
		t.Errorf("form fields\n %v\nwant the template's\n %v", ed.order, want)
	}
	if ed.fields[document.PathClassification] != nil {
		t.Error("the form added a 密级 field the template does not declare")
	}
	note := ed.fields[document.PathNote]
	if note == nil {
		t.Fatal("no field for the declared note")
	}
	ed.tabs.SelectIndex(note.tab)
	if markup := test.RenderObjectToMarkup(h.u.Win.Content()); !strings.Contains(markup, "测试附注") {
		t.Error("the declared label is not shown")
	}
	h.u.SetLang(LangEn)
	defer SetLanguage(LangZh)
	if specLabel(note.spec) != "Test note" || specHelp(note.spec) != "A help text in English for the test." {
		t.Errorf("English label and help %q %q", specLabel(note.spec), specHelp(note.spec))
	}

	// the built-in 请示 declares 密级 and the seal: the form has them
	h.u.Model.Dirty = false
	SetLanguage(LangZh)
	h.u.NewDocument("qingshi")
	for _, p := range []string{document.PathClassification, document.PathClassificationTerm, pathSignOff, pathSeal} {
		if h.u.ed.fields[p] == nil {
			t.Errorf("qingshi: no %s field", p)
		}
	}
}

// TestGenericFormOneWidgetPerElement: without a genre the form shows one input for each
// element of the document's element table (the genre aside), labelled from the table.
func TestGenericFormOneWidgetPerElement(t *testing.T) {
	h := newHarness(t)
	h.u.Model.reset(&document.Document{Title: "某事"}, nil)
	h.u.showEditor()
	ed := h.u.ed
	n := 0
	for _, e := range document.Elements {
		if e.Key == document.PathGenre {
			continue
		}
		n++
		ff := ed.fields[e.Key]
		if ff == nil {
			t.Errorf("no widget for %s", e.Key)
			continue
		}
		if (ff.entry == nil) == (ff.sel == nil) {
			t.Errorf("%s: not exactly one input", e.Key)
		}
		if ff.spec.Label != e.Label {
			t.Errorf("%s: label %q, want %q", e.Key, ff.spec.Label, e.Label)
		}
	}
	if len(ed.order) != n {
		t.Errorf("%d widgets for %d described elements: %v", len(ed.order), n, ed.order)
	}
}

// TestNoFieldHelpInApp: the form's labels and help texts come from the templates (and the
// element table), not from the app's code: no app source file holds a field's help.
func TestNoFieldHelpInApp(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`(?:Help|HelpEN|Label|LabelEN)\s*:\s*"|templates\.Field\{[^}]*"[^"]*[\p{Han}]`)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, l := range strings.Split(string(b), "\n") {
			if re.MatchString(l) {
				t.Errorf("%s:%d: a field's label or help in the app: %s", f, i+1, strings.TrimSpace(l))
			}
		}
	}
}

// TestMultiLineFieldsWrap: the multi-line fields, made without line breaking (their width is
// not known yet), break their lines once the editor is in the window (wrapFields), and keep
// doing so when a fix refills them.
func TestMultiLineFieldsWrap(t *testing.T) {
	h := newHarness(t)
	h.u.OpenPath(examplePath(t, "changqi.yaml"))
	h.settle()
	check := func(when string) {
		t.Helper()
		n := 0
		for _, p := range h.u.ed.order {
			if e := h.u.ed.fields[p].entry; e != nil && e.MultiLine {
				n++
				if e.Wrapping != fyne.TextWrapBreak {
					t.Errorf("%s: field %s wraps %v, want TextWrapBreak", when, p, e.Wrapping)
				}
			}
		}
		if n < 2 {
			t.Errorf("%s: %d multi-line fields, want the title, 正文 and more", when, n)
		}
	}
	check("opened")
	h.u.ed.fillAll()
	check("refilled")
}

// BenchmarkOpenSixPages is opening the 6-page example into the editor (the form, the preview
// pane, the first layout) on Fyne's test driver, without the typesetting.
func BenchmarkOpenSixPages(b *testing.B) {
	a := test.NewApp()
	defer a.Quit()
	u := New(a, Options{RecoveryDir: b.TempDir(), ProfileDir: b.TempDir(), AutosaveEvery: -1, Post: func(func()) {}})
	defer u.Close()
	u.Win.Resize(fyne.NewSize(1280, 860))
	u.prev.Hold()
	path := examplePath(b, "changqi.yaml")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		u.OpenPath(path)
	}
}
