package app

import (
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"gongwen/templates"
)

// TestEnglishEditor: in English the form's labels and help, the genre's name, the findings
// and the sign-off help are English; text wraps between words.
func TestEnglishEditor(t *testing.T) {
	h := newHarness(t)
	h.u.SetLang(LangEn)
	defer SetLanguage(LangZh)
	markup := test.RenderObjectToMarkup(h.u.Win.Content())
	if !strings.Contains(markup, "Request") || !strings.Contains(markup, "Asks a superior organ") {
		t.Error("start page: genre names or uses not in English")
	}
	h.u.NewDocument("qingshi")
	ed := h.u.ed
	test.Type(ed.fields["number"].entry, "江政[2024]5号")
	h.settle()
	ed.tabs.SelectIndex(ed.fields["number"].tab)
	markup = test.RenderObjectToMarkup(h.u.Win.Content())
	for _, want := range []string{"Document number", "six-corner brackets", "Request · to a higher organ"} {
		if !strings.Contains(markup, want) {
			t.Errorf("English editor lacks %q", want)
		}
	}
	f, ok := findRule(h.u.Model.Findings, "number-brackets")
	if !ok {
		t.Fatal("no number-brackets finding")
	}
	if msg := findingMessage(f); !strings.Contains(msg, "brackets") || strings.ContainsAny(msg, "用不") {
		t.Errorf("finding in English: %q", msg)
	}
	if help := specHelp(ed.fields["sign_off"].spec); strings.Contains(help, "noseal") || !strings.Contains(help, "With seal") {
		t.Errorf("sign-off help %q", help)
	}
	if wrapMode() != fyne.TextWrapWord {
		t.Error("English does not wrap between words")
	}
}

// TestFieldLabelsFromElements: in English every field of every built-in template has a label,
// its own or its element's from the element table (the app keeps no copy of the elements'
// names), and the element's label is the table's.
func TestFieldLabelsFromElements(t *testing.T) {
	SetLanguage(LangEn)
	defer SetLanguage(LangZh)
	for _, g := range templates.Builtins().Genres() {
		for _, f := range g.Fields {
			l := specLabel(f)
			if l == "" || strings.ContainsFunc(l, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
				t.Errorf("%s %s: no English label (%q)", g.ID, f.Path, l)
			}
			if e := elementAt(f.Path); f.LabelEN == "" && (e == nil || l != e.LabelEN) {
				t.Errorf("%s %s: label %q is not the element table's", g.ID, f.Path, l)
			}
		}
	}
	for path, want := range map[string]string{"recipients": "Main recipients", "issuers.0.seal": "Seal image",
		"attachments.1.title": "Title", "issuers": "Issuing organs", "no_such": "", "issuers.0.nope": ""} {
		got := ""
		if e := elementAt(path); e != nil {
			got = e.LabelEN
		}
		if got != want {
			t.Errorf("elementAt(%q) = %q, want %q", path, got, want)
		}
	}
}
