package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
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
