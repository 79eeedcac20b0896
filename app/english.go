package app

import (
	"strings"
	"sync"

	"fyne.io/fyne/v2"

	"gongwen/check"
	"gongwen/document"
	"gongwen/templates"
)

// The English UI beyond the app's own strings: field labels and help from the templates'
// English texts (or, where a template has none, the app's English for the element), genre
// names and uses, and findings in the words of the rules' English summaries. Text wraps
// between words in English and between characters in Chinese.

// wrapMode is how UI text wraps in the current language.
func wrapMode() fyne.TextWrap {
	if Language() == LangEn {
		return fyne.TextWrapWord
	}
	return fyne.TextWrapBreak // Chinese has no spaces: break between any characters
}

// specLabel is a field's label in the UI language: in English the template's, else its
// element's in the element table (document.Elements: the one place of the elements' English
// names).
func specLabel(f templates.Field) string {
	if Language() == LangEn {
		if f.LabelEN != "" {
			return f.LabelEN
		}
		if e := elementAt(f.Path); e != nil && e.LabelEN != "" {
			return e.LabelEN
		}
	}
	return f.Label
}

// elementAt is the element table's description of the element at a form path: body, or a
// record's field such as issuers.0.seal. It is nil for a path the table does not describe.
func elementAt(path string) *document.Element {
	key, rest, _ := strings.Cut(path, ".")
	e := document.ElementOf(key)
	if e == nil || rest == "" {
		return e
	}
	if _, sub, ok := strings.Cut(rest, "."); ok {
		return e.Sub(sub)
	}
	return nil
}

// specHelp is a field's help in the UI language. The sign-off's help is the app's own: the
// templates' text names the modes by their codes (seal, noseal …), which the form shows by
// name.
func specHelp(f templates.Field) string {
	if f.Path == pathSignOff {
		return T("fieldhelp.sign_off")
	}
	if Language() == LangEn {
		if f.HelpEN != "" {
			return f.HelpEN
		}
		if s := T("fieldhelp." + f.Path); s != "fieldhelp."+f.Path {
			return s
		}
	}
	return f.Help
}

// genreTitle is a genre's name in the UI language, as its card shows it.
func genreTitle(g *templates.Genre) string {
	if Language() == LangEn && g.NameEN != "" {
		return g.NameEN
	}
	return cardName(g)
}

// genreUse is a genre's use in the UI language.
func genreUse(g *templates.Genre) string {
	if Language() == LangEn && g.UseEN != "" {
		return g.UseEN
	}
	return g.Use
}

var (
	ruleENOnce sync.Once
	ruleEN     map[string]string
)

// findingMessage is a finding's message in the UI language: in English, its rule's English
// summary (the checker words its messages in Chinese).
func findingMessage(f check.Finding) string {
	if Language() != LangEn {
		return f.Message
	}
	ruleENOnce.Do(func() {
		ruleEN = map[string]string{}
		for _, r := range check.Rules() {
			if r.SummaryEN != "" {
				ruleEN[r.ID] = r.SummaryEN
			}
		}
	})
	if s := ruleEN[f.Rule]; s != "" {
		return s
	}
	return f.Message
}
