package templates

import (
	"fmt"
	"regexp"
	"strings"

	"gongwen/document"
)

// DeclaredRule is a check rule a template declares (the `checks:` key) from a closed set of
// kinds, without Go code. The checker (check.Run) runs it on documents of the genre;
// `gwcli templates lint` runs its examples: every fire example must make it report, no pass
// example may.
type DeclaredRule struct {
	// ID is kebab-case and must not be the id of a built-in rule.
	ID string `yaml:"id"`
	// Kind is one of DeclaredKinds.
	Kind     string `yaml:"kind"`
	Severity string `yaml:"severity"` // error, warning, info
	// Clause is what the rule enforces: 条例 第…条, GB/T 9704-2012 7.x, GB/T 15834/15835, or
	// 实务 with a source.
	Clause string `yaml:"clause"`
	// Message is the finding's message in Chinese ({text} is the offending text); MessageEN its
	// English translation (optional).
	Message   string `yaml:"message"`
	MessageEN string `yaml:"message_en"`
	// Where lists the elements searched by the phrase and pattern kinds (DeclaredWhere; empty:
	// the body).
	Where []string `yaml:"where"`
	// Phrases are the phrases of phrase-forbidden, phrase-required and closing.
	Phrases []string `yaml:"phrases"`
	// Pattern is the regular expression (Go RE2 syntax) of the pattern kind.
	Pattern string `yaml:"pattern"`
	// Element is the element path of element-required, element-forbidden and length-max.
	Element string `yaml:"element"`
	// Max is the most characters (spaces not counted) length-max allows.
	Max int `yaml:"max"`
	// Examples must fire and must not fire; each is a patch of the template's example draft.
	Examples RuleExamples `yaml:"examples"`
}

// RuleExamples are a declared rule's examples. Each example is a patch of the template's example
// draft: element path → text (body, attachment_notes, issuers and signers take one paragraph or
// name a line; "" empties the element).
type RuleExamples struct {
	Fire []map[string]string `yaml:"fire"`
	Pass []map[string]string `yaml:"pass"`
}

// The kinds of declared rules.
const (
	DeclPhraseForbidden  = "phrase-forbidden"  // none of Phrases may appear in Where
	DeclPhraseRequired   = "phrase-required"   // one of Phrases must appear in Where
	DeclPattern          = "pattern"           // each match of Pattern in Where is a finding
	DeclClosing          = "closing"           // the last body paragraph holds one of Phrases
	DeclElementRequired  = "element-required"  // Element must be filled
	DeclElementForbidden = "element-forbidden" // Element must be empty
	DeclLengthMax        = "length-max"        // Element has at most Max characters
)

// DeclaredKinds is the closed set of kinds a template may declare.
var DeclaredKinds = []string{DeclPhraseForbidden, DeclPhraseRequired, DeclPattern, DeclClosing,
	DeclElementRequired, DeclElementForbidden, DeclLengthMax}

// DeclaredWhere are the element kinds the phrase and pattern kinds may search.
var DeclaredWhere = []string{"title", "title_note", "recipients", "body", "attachment_notes", "attachment_title",
	"attachment_body", "table", "note", "cc", "attendance", "number", "printer"}

// patchLists are the list elements an example patch gives one item a line.
var patchLists = map[string]func(d *document.Document) *[]string{
	"body":             func(d *document.Document) *[]string { return &d.Body },
	"attachment_notes": func(d *document.Document) *[]string { return &d.AttachmentNotes },
	"signers":          func(d *document.Document) *[]string { return &d.Signers },
}

// ApplyPatch sets the elements of an example patch on doc. It fails on a path that names no
// text element of doc.
func ApplyPatch(doc *document.Document, patch map[string]string) error {
	for path, text := range patch {
		if list, ok := patchLists[path]; ok {
			var items []string
			for _, l := range strings.Split(text, "\n") {
				if strings.TrimSpace(l) != "" {
					items = append(items, l)
				}
			}
			*list(doc) = items
			continue
		}
		if path == "issuers" {
			doc.Issuers = nil
			for _, l := range strings.Split(text, "\n") {
				if strings.TrimSpace(l) != "" {
					doc.Issuers = append(doc.Issuers, document.Issuer{Name: l})
				}
			}
			continue
		}
		p := doc.Field(path)
		if p == nil {
			return fmt.Errorf("要素路径 %q 不存在 (no such element)", path)
		}
		*p = text
	}
	return nil
}

// validateChecks validates the declared rules' shape (the examples are run by the caller's
// RunDeclared, see LoadOptions).
func (v *validator) validateChecks() {
	seen := map[string]bool{}
	for i, r := range v.g.Checks {
		at := func(msg string, steps ...any) { v.at(false, msg, append([]any{"checks", i}, steps...)...) }
		switch {
		case !idPattern.MatchString(r.ID):
			at(fmt.Sprintf("规则 id %q 无效：只用小写字母、数字和连字符 (kebab-case)", r.ID), "id")
		case seen[r.ID]:
			at(fmt.Sprintf("规则 id %q 重复 (duplicate rule id)", r.ID), "id")
		case v.opts.RuleExists != nil && v.opts.RuleExists(r.ID):
			at(fmt.Sprintf("规则 id %q 与内置规则重名 (the id of a built-in rule)；请另取一个，如 %s-%s", r.ID, v.g.ID, r.ID), "id")
		}
		seen[r.ID] = true
		if !contains(DeclaredKinds, r.Kind) {
			at(fmt.Sprintf("规则种类 kind %q 无效：应为 %s", r.Kind, strings.Join(DeclaredKinds, "、")), "kind")
		}
		if !contains([]string{"error", "warning", "info"}, r.Severity) {
			at(fmt.Sprintf("severity %q 无效：应为 error、warning 或 info", r.Severity), "severity")
		}
		if strings.TrimSpace(r.Clause) == "" {
			at("缺少 clause：写明依据的条款，如 条例 第十五条（四）、GB/T 9704-2012 7.3.1、实务（出处）(clause is required)")
		}
		if strings.TrimSpace(r.Message) == "" {
			at("缺少 message：写明问题和改法，让起草人一看就懂 (message is required)")
		}
		for k, w := range r.Where {
			if !contains(DeclaredWhere, w) {
				at(fmt.Sprintf("where 中的 %q 无效：应为 %s", w, strings.Join(DeclaredWhere, "、")), "where", k)
			}
		}
		switch r.Kind {
		case DeclPhraseForbidden, DeclPhraseRequired, DeclClosing:
			if len(r.Phrases) == 0 {
				at(r.Kind + " 规则必须给出 phrases (phrases are required)")
			}
		case DeclPattern:
			if r.Pattern == "" {
				at("pattern 规则必须给出 pattern (a regular expression)")
			} else if _, err := regexp.Compile(r.Pattern); err != nil {
				at(fmt.Sprintf("pattern 不是有效的正则表达式：%v", err), "pattern")
			}
		case DeclElementRequired, DeclElementForbidden, DeclLengthMax:
			if _, ok := elementPaths[r.Element]; !ok {
				at(unknownPath(r.Element), "element")
			}
			if r.Kind == DeclLengthMax && r.Max <= 0 {
				at("length-max 规则必须给出正整数 max (max > 0)", "max")
			}
		}
		if len(r.Examples.Fire) == 0 || len(r.Examples.Pass) == 0 {
			at("examples 至少要有一个 fire（必须报告）和一个 pass（不得报告）的例子 (one fire and one pass example are required)", "examples")
		}
	}
}

// runDeclaredExamples runs every declared rule's examples through opts.RunDeclared on the
// template's example draft (or an empty document of the genre) patched by the example.
func (v *validator) runDeclaredExamples() {
	if v.opts.RunDeclared == nil || v.opts.ParseDraft == nil || len(v.errs) > 0 {
		return
	}
	for i, r := range v.g.Checks {
		for _, c := range []struct {
			name string
			list []map[string]string
			want bool
		}{{"fire", r.Examples.Fire, true}, {"pass", r.Examples.Pass, false}} {
			for k, patch := range c.list {
				doc := &document.Document{Genre: v.g.ID, Format: v.g.Format, Direction: v.g.Direction}
				if strings.TrimSpace(v.g.Example) != "" {
					d, err := v.opts.ParseDraft("example", []byte(v.g.Example))
					if err != nil {
						return // reported by validateExample
					}
					doc = d
				}
				if err := ApplyPatch(doc, patch); err != nil {
					v.at(false, fmt.Sprintf("规则 %s 的例子：%v", r.ID, err), "checks", i, "examples", c.name, k)
					continue
				}
				if got := v.opts.RunDeclared(doc, v.g, r.ID); got != c.want {
					msg := "规则 %s 的 fire 例子没有报告问题 (a fire example must fire)"
					if !c.want {
						msg = "规则 %s 的 pass 例子报告了问题 (a pass example must not fire)"
					}
					v.at(false, fmt.Sprintf(msg, r.ID), "checks", i, "examples", c.name, k)
				}
			}
		}
	}
}
