// Package check is Gongwen's format checker: a rule engine and its rules, each citing the clause
// it enforces (GB/T 9704-2012, the 2012 条例, GB/T 15834 标点, GB/T 15835 数字, or 实务 practice).
//
// Every rule is one value (rules.go): id, severity, clause, Chinese and English summary, fix
// policy, the genres it is on for, and its check — its own function, or the engine of its kind
// (pattern, phrase, presence, count, sequence, cross-reference, geometry) run on the data it
// declares. A genre template may declare further rules from a closed set of kinds
// (templates.DeclaredRule, run by declared.go). There is one fix applier with one policy (fix.go) for the app and gwcli. The base
// rules of GB/T 9704 are always on; genre rules are switched on by the genre template's Rules
// map and take parameters. Genre knowledge (names and aliases, directions, closings, which
// genre rules are on) comes only from the template set: a document checked without a template
// gets the built-in template of its draft genre id or of the 文种 its title ends with.
//
// Adding a rule: declare one value in the registry (rules.go) with its id, clause, severity,
// kind, Chinese and English summary, fix policy and check function (or the data its kind's
// engine reads); give it a case in TestRules (the base document must stay silent, the mutation
// must fire) and run `go test ./check -run TestRulesDoc -update` to regenerate docs/rules.md.
// Genre knowledge (which genres the rule serves, their closings and directions) goes into the
// templates, organ types and cited regulations into check/data.
//
// A finding names the rule, its clause and strength, says in Chinese what is wrong and how to
// put it right, points at the element (document path, rune offset and length, and the input's
// line and column through document.Source) and, where the fix is mechanical, gives the fix.
package check

import (
	"sort"
	"strconv"
	"strings"

	"gongwen/document"
	"gongwen/layout"
	"gongwen/templates"
)

// Severities of findings: error for a 规定, warning for 一般/推荐 wording, info for 实务 practice.
const (
	SeverityError   = "error"
	SeverityWarning = "warning"
	SeverityInfo    = "info"
)

// Kind is one of the closed set of rule kinds.
type Kind string

// The rule kinds.
const (
	KindPattern  Kind = "pattern"  // a text pattern that must not occur (often with a mechanical fix)
	KindPhrase   Kind = "phrase"   // a forbidden or required phrase
	KindPresence Kind = "presence" // an element that must be present or absent
	KindCount    Kind = "count"    // how many of something an element may hold
	KindSequence Kind = "sequence" // order and numbering of items
	KindCrossRef Kind = "crossref" // two elements that must agree
	KindGeometry Kind = "geometry" // page geometry after typesetting
)

// Finding is one rule violation at one place.
type Finding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"` // error | warning | info
	Clause   string `json:"clause"`
	Message  string `json:"message"`
	// Path is the document path of the element, e.g. "body.3", "number", "attachment_notes.1";
	// empty for findings about the document as a whole.
	Path string `json:"path,omitempty"`
	// Line and Column are 1-based (column in characters) in the input, from doc.Source.Locate;
	// 0 when unknown.
	Line   int `json:"line"`
	Column int `json:"column"`
	// Text is the offending text exactly as in the input; Fix is its replacement, or "" when the
	// fix is not mechanical.
	Text string `json:"text"`
	Fix  string `json:"fix"`
	// HasFix is true when Fix is a mechanical fix (it may be "" to delete Text).
	HasFix bool `json:"has_fix,omitempty"`
	// Offset and Length are the rune offset and length of Text within the element's value.
	// A finding about text the importer split off the value (the 1、 before a 附件说明 name, read
	// from Options.Raw) has Offset and Length 0; its Line, Column and Text point at the input.
	Offset int `json:"offset"`
	Length int `json:"length"`
}

// FixPolicy says how the fixes a rule's findings carry may be applied.
type FixPolicy string

// The fix policies.
const (
	// FixNone: the rule's findings carry no fix; the writer rewrites the text.
	FixNone FixPolicy = ""
	// FixSuggest: a finding may propose a replacement, applied only when the writer accepts
	// that one finding (the app's 修正 button); fix-all never applies it.
	FixSuggest FixPolicy = "suggest"
	// FixMechanical: the fix is mechanical (brackets, 第 and leading zeros in numbers,
	// Chinese-numeral or zero-padded dates, half-width punctuation in Chinese text, a missing
	// final colon or full stop): gwcli fix and the app's 一键修正 apply it without asking.
	FixMechanical FixPolicy = "mechanical"
)

// RuleInfo describes one rule, for the docs, the app's explanations and template validation.
type RuleInfo struct {
	ID       string
	Clause   string
	Severity string
	Kind     Kind
	// Summary is the rule in one Chinese sentence; SummaryEN its English translation.
	Summary   string
	SummaryEN string
	// Genres are the 文种 whose built-in templates switch the rule on, and 上行文 for the rules
	// of every upward document (empty: a base rule, always on).
	Genres []string
	// Params are the parameters a template may set, with their default values.
	Params map[string]any
	// AutoFix is true when the rule's fixes are mechanical (Fix is FixMechanical): gwcli fix
	// and the app's 一键修正 apply them without asking.
	AutoFix bool
	Fix     FixPolicy
	// Source is the template file a template-declared rule comes from ("" for built-ins).
	Source string
}

// Mechanical reports whether the fixes of rule id may be applied without asking.
func Mechanical(id string) bool {
	r, ok := byID[id]
	return ok && r.AutoFix == FixMechanical
}

// Options tune a check run.
type Options struct {
	// Layout runs the geometry rules on layout's Records; when Records is nil the document
	// is typeset once for them (layout.Run with LayoutOptions); slower.
	Layout bool
	// LayoutOptions are passed to layout.Run when Layout is set and Records is nil.
	LayoutOptions layout.Options
	// Records, when not nil, are the Records of a typesetting run of the document (what
	// pipeline.Typeset returned): the geometry rules read them instead of typesetting again.
	Records []layout.Record
	// PageCount is the number of pages of the run the Records come from; 0: the page of
	// the last record + 1.
	PageCount int
	// Disable lists rule ids not to run.
	Disable []string
	// Only, when not empty, runs only the listed rule ids.
	Only []string
	// Knowledge is the organ types and the basis register (LoadKnowledge); nil: the built-in
	// tables.
	Knowledge *Knowledge
	// Raw is the input the document was imported from (a .txt), when there is one. A few rules
	// read what the importer normalised away through it (the 1、 of a 附件说明 entry); their
	// findings then point at the raw text (Line, Column, Text) with Offset and Length 0.
	Raw []byte
}

// RuleExists reports whether id names a rule.
func RuleExists(id string) bool {
	_, ok := byID[id]
	return ok
}

// Rules lists every rule's metadata, sorted by id.
func Rules() []RuleInfo {
	out := make([]RuleInfo, 0, len(registry))
	for _, r := range registry {
		out = append(out, r.info())
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Run checks doc and returns its findings, ordered by place. g is the genre template; when nil
// the genre is taken from the 文种 the title ends with. Run never panics on any document.
func Run(doc *document.Document, g *templates.Genre, opts Options) (out []Finding) {
	if doc == nil {
		return nil
	}
	c := newContext(doc, g, opts)
	for _, r := range registry {
		if !c.enabled(r) {
			continue
		}
		c.run(r)
	}
	// the rules the genre template declares: on for the genre, unless disabled or not in Only
	for _, r := range declaredRules(c.g) {
		if _, builtin := byID[r.ID]; builtin || c.disabled[r.ID] || len(c.only) > 0 && !c.only[r.ID] {
			continue
		}
		c.run(r)
	}
	out = c.findings
	sortFindings(out)
	return out
}

func sortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if (a.Line == 0) != (b.Line == 0) {
			return a.Line != 0
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		if a.Path != b.Path {
			return pathLess(a.Path, b.Path)
		}
		if a.Offset != b.Offset {
			return a.Offset < b.Offset
		}
		return a.Rule < b.Rule
	})
}

// pathLess orders document paths with numeric indexes compared as numbers ("body.2" < "body.10").
func pathLess(a, b string) bool {
	for a != "" && b != "" {
		ai, bi := strings.IndexByte(a, '.'), strings.IndexByte(b, '.')
		as, bs := a, b
		if ai >= 0 {
			as = a[:ai]
		}
		if bi >= 0 {
			bs = b[:bi]
		}
		if as != bs {
			an, aerr := strconv.Atoi(as)
			bn, berr := strconv.Atoi(bs)
			if aerr == nil && berr == nil {
				return an < bn
			}
			return as < bs
		}
		if ai < 0 || bi < 0 {
			return ai < 0 && bi >= 0
		}
		a, b = a[ai+1:], b[bi+1:]
	}
	return a == "" && b != ""
}
