package check

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"gongwen/templates"
)

// declaredRules turns the rules a genre template declares (templates.DeclaredRule, a closed set
// of kinds) into rule values the engine runs like the built-ins. A declared rule that cannot be
// run (an unknown kind or a bad pattern, which the template loader reports) is left out.
func declaredRules(g *templates.Genre) []*rule {
	if g == nil || len(g.Checks) == 0 {
		return nil
	}
	var out []*rule
	for _, d := range g.Checks {
		r := &rule{ID: d.ID, Clause: d.Clause, Severity: d.Severity, Summary: d.Message, SummaryEN: d.MessageEN,
			Source: g.File, Where: d.Where, Message: d.Message}
		if len(r.Where) == 0 {
			r.Where = []string{"body"}
		}
		switch d.Severity {
		case SeverityError, SeverityWarning, SeverityInfo:
		default:
			continue
		}
		phrases := d.Phrases
		switch d.Kind {
		case templates.DeclPhraseForbidden:
			r.Kind = KindPhrase
			r.check = func(c *ctx, r *rule) {
				for _, f := range c.fields {
					if contains(r.Where, f.kind) {
						if w, at := containsAny(f.text, phrases); at >= 0 {
							c.reportMatch(r, f, match{start: at, end: at + len(w), msg: r.Message})
						}
					}
				}
			}
		case templates.DeclPhraseRequired:
			r.Kind = KindPhrase
			r.check = func(c *ctx, r *rule) {
				for _, f := range c.fields {
					if _, at := containsAny(f.text, phrases); at >= 0 && contains(r.Where, f.kind) {
						return
					}
				}
				c.reportDoc(r, strings.ReplaceAll(r.Message, "{text}", ""))
			}
		case templates.DeclClosing:
			r.Kind = KindPhrase
			r.check = func(c *ctx, r *rule) {
				last := c.closingParas(1)
				if len(last) == 0 {
					return
				}
				if _, at := containsAny(last[0].text, phrases); at < 0 {
					c.reportAll(r, last[0].path, last[0].text, strings.ReplaceAll(r.Message, "{text}", last[0].text))
				}
			}
		case templates.DeclPattern:
			re, err := regexp.Compile(d.Pattern)
			if err != nil {
				continue
			}
			r.Kind = KindPattern
			r.check = pattern(patternSpec{kinds: r.Where, re: re, msg: d.Message, noFix: true})
		case templates.DeclElementRequired, templates.DeclElementForbidden:
			r.Kind = KindPresence
			want, el := d.Kind == templates.DeclElementRequired, d.Element
			r.check = func(c *ctx, r *rule) {
				if contains(templates.Filled(c.doc), el) != want {
					c.reportDoc(r, strings.ReplaceAll(r.Message, "{text}", el))
				}
			}
		case templates.DeclLengthMax:
			r.Kind = KindCount
			el, most := d.Element, d.Max
			r.check = func(c *ctx, r *rule) {
				t, ok := c.doc.Text(el)
				if !ok {
					return
				}
				if n := utf8.RuneCountInString(compact(t)); n > most {
					c.reportAll(r, el, t, strings.ReplaceAll(r.Message, "{text}", t))
				}
			}
		default:
			continue
		}
		out = append(out, r)
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
