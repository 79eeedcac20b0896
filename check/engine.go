package check

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"gongwen/document"
	"gongwen/layout"
	"gongwen/templates"
)

// rule is one check rule, declared as one value: what it is (id, clause, severity, kind),
// what it says (the Chinese summary and its English translation; the findings' messages),
// when it is on (genres, 上行文, parameters), how its findings are fixed (AutoFix) and how it
// checks (check, or the engine of its kind on the data below).
type rule struct {
	ID       string
	Clause   string
	Severity string
	Kind     Kind
	// Summary is the rule in one Chinese sentence (docs/rules.md, the app's explanation);
	// SummaryEN is its English translation.
	Summary   string
	SummaryEN string
	// ByTemplate rules are on only where the genre template lists them (its rules: map); Up
	// puts a rule on for every 上行文. A rule with neither is a base rule, always on. Which
	// genres a rule serves is the templates' knowledge, not the rule's.
	ByTemplate bool
	Up         bool
	// Params are the default parameters a template may override.
	Params map[string]any
	// AutoFix is the policy for the fixes its findings carry (see FixPolicy).
	AutoFix FixPolicy
	// NotSpecial rules do not apply to the special forms that are right as they are (a speech,
	// a report read at a people's congress standing committee: see specialForm).
	NotSpecial bool
	// Source names where a rule declared in a template comes from ("" for the built-ins).
	Source string
	// Shared rules take their phrases from every genre template that gives them (a genre's own
	// words, such as a 请示's request phrases, looked for in documents of any genre), each list
	// with its template's message ({owner} is that template's 文种); where the rule runs is
	// still decided as for any rule. See phraseLists.
	Shared bool

	// Data of the generic kinds (a rule with these needs no code of its own):
	// Where lists the element kinds searched (body, title, cc, …; empty: every prose element).
	Where []string
	// Pattern (KindPattern) is a regular expression whose matches (submatch Group) are findings;
	// Quick lists substrings (| separated) one of which an element must contain to be searched.
	Pattern string
	Group   int
	Quick   string
	// Phrases (KindPhrase) names the parameter holding the phrases; Mode is "forbidden" (each
	// occurrence is a finding), "closing" (the last Closing paragraphs must hold one of them)
	// or "suffix" (the element must not end with one).
	Phrases string
	Mode    string
	Closing int
	// Message is the finding's message; {text} is replaced by the offending text, {fix} by Fix,
	// {genre} by the document's 文种 and {closing} by its template's closing (see expand). A
	// phrase rule's template may give its own (parameter message).
	Message string
	// Fix, with HasFix, replaces the offending text ("" deletes it).
	Fix    string
	HasFix bool

	// check runs the rule; a rule declared by data gets its kind's engine (withEngines).
	check func(c *ctx, r *rule)
}

// withEngines gives every rule declared by data (no check function of its own) the engine
// of its kind, and returns rs.
func withEngines(rs []*rule) []*rule {
	for _, r := range rs {
		if r.check == nil {
			r.check = generic(r)
		}
	}
	return rs
}

// generic returns the engine for a rule declared by data, or nil.
func generic(r *rule) func(c *ctx, r *rule) {
	switch {
	case r.Kind == KindPattern && r.Pattern != "":
		spec := patternSpec{kinds: r.Where, quick: r.Quick, re: regexp.MustCompile(r.Pattern), group: r.Group,
			msg: r.Message, fix: r.Fix, noFix: !r.HasFix}
		return pattern(spec)
	case r.Kind == KindPhrase && r.Phrases != "":
		return phraseEngine
	}
	return nil
}

// phraseEngine runs a phrase rule declared by data.
func phraseEngine(c *ctx, r *rule) {
	lists := c.phraseLists(r, r.Phrases)
	if len(lists) == 0 {
		return
	}
	where := patternSpec{kinds: r.Where}
	switch r.Mode {
	case "forbidden":
		for _, f := range c.fields {
			if !where.applies(f.kind) {
				continue
			}
			for _, l := range lists {
				if w, at := containsAny(f.text, l.words); at >= 0 {
					c.reportMatch(r, f, match{start: at, end: at + len(w), msg: l.msg})
					break
				}
			}
		}
	case "suffix":
		for _, f := range c.fields {
			if !where.applies(f.kind) {
				continue
			}
			t := strings.TrimRight(f.text, " \t\r\n\u3000"+titlePunct)
			ct := compact(t)
			for _, l := range lists {
				for _, w := range l.words {
					if w != "" && strings.HasSuffix(ct, w) {
						if i := strings.LastIndex(t, w); i >= 0 {
							c.reportMatch(r, f, match{start: i, end: i + len(w), msg: l.msg})
						} else {
							c.reportAll(r, f.path, f.text, strings.ReplaceAll(l.msg, "{text}", w))
						}
						return
					}
				}
			}
		}
	case "closing":
		last := c.closingParas(max(1, r.Closing))
		if len(last) == 0 {
			return
		}
		for _, f := range last {
			for _, l := range lists {
				if _, at := containsAny(f.text, l.words); at >= 0 {
					return
				}
			}
		}
		f := last[len(last)-1]
		c.reportAll(r, f.path, f.text, lists[0].msg)
	}
}

// phraseList is one list of phrases a rule looks for and the message of its findings.
type phraseList struct {
	words []string
	msg   string // expanded (see expand), {text} left for the match
}

// phraseLists returns the phrases of r's parameter name with their message: the document's
// template's value (or the rule's default) with the template's message parameter (or the
// rule's Message); for a Shared rule, one list for each genre template of the set (and the
// document's own) that gives the parameter, with that template's message. A list without
// phrases is left out.
func (c *ctx) phraseLists(r *rule, name string) []phraseList {
	if !r.Shared {
		words := c.paramStrings(r, name)
		if len(words) == 0 {
			return nil
		}
		msg := r.Message
		if m, ok := c.param(r, "message").(string); ok && m != "" {
			msg = m
		}
		return []phraseList{{words: words, msg: c.expand(msg, "")}}
	}
	var out []phraseList
	for _, g := range c.setGenres() {
		cfg, ok := g.Rules[r.ID]
		if !ok {
			continue
		}
		words := stringList(cfg.Params[name])
		if len(words) == 0 {
			continue
		}
		msg := r.Message
		if m, ok := cfg.Params["message"].(string); ok && m != "" {
			msg = m
		}
		out = append(out, phraseList{words: words, msg: c.expand(msg, g.Name)})
	}
	return out
}

// setGenres are the genre templates the checker knows: the built-ins, after the document's own
// template when it is not one of them (its lists come first).
func (c *ctx) setGenres() []*templates.Genre {
	gs := builtinGenres().Genres()
	if c.g == nil || slices.Contains(gs, c.g) {
		return gs
	}
	return append([]*templates.Genre{c.g}, gs...)
}

// expand fills the placeholders of a message but {text} and {fix}: {genre} is the document's
// 文种, {closing} its template's closing sentence (特此报告。), {owner} the 文种 of the template
// whose phrases matched (a Shared rule).
func (c *ctx) expand(msg, owner string) string {
	if strings.Contains(msg, "{genre}") {
		msg = strings.ReplaceAll(msg, "{genre}", c.genre)
	}
	if strings.Contains(msg, "{closing}") {
		closing := ""
		if c.g != nil {
			closing = c.g.Closing
		}
		msg = strings.ReplaceAll(msg, "{closing}", closing)
	}
	if strings.Contains(msg, "{owner}") {
		msg = strings.ReplaceAll(msg, "{owner}", owner)
	}
	return msg
}

func (r *rule) info() RuleInfo {
	params := map[string]any{}
	for k, v := range r.Params {
		params[k] = v
	}
	if r.Kind == KindPhrase && (r.Phrases != "" || r.Shared) {
		params["message"] = r.Message // a template may word the findings for its genre
	}
	var g []string
	for _, t := range builtinGenres().Genres() {
		if cfg, ok := t.Rules[r.ID]; ok && (cfg.Enabled == nil || *cfg.Enabled) && r.ByTemplate && !contains(g, t.Name) {
			g = append(g, t.Name)
		}
	}
	if r.Up {
		g = append(g, "上行文")
	}
	return RuleInfo{ID: r.ID, Clause: r.Clause, Severity: r.Severity, Kind: r.Kind, Summary: r.Summary, SummaryEN: r.SummaryEN,
		Genres: g, Params: params, AutoFix: r.AutoFix == FixMechanical, Fix: r.AutoFix, Source: r.Source}
}

// byID indexes the registry; a duplicate id is a programming error caught by the first test.
var byID = func() map[string]*rule {
	m := make(map[string]*rule, len(registry))
	for _, r := range registry {
		if _, dup := m[r.ID]; dup {
			panic("check: duplicate rule id " + r.ID)
		}
		m[r.ID] = r
	}
	return m
}()

// panicOnRuleBug lets tests and fuzz targets see a rule's panic instead of the silent recovery.
var panicOnRuleBug = false

// field is one text element of a document.
type field struct {
	path string
	kind string // the element kind: title, recipients, body, attachment_notes, attachment_title, attachment_body, note, cc, ...
	text string
	// runes is the set of text's runes (nil: not computed), so that a rule skips a text that
	// cannot hold its words without scanning it once per word.
	runes *runeBloom
}

// ctx is the state of one check run.
type ctx struct {
	doc      *document.Document
	g        *templates.Genre
	opts     Options
	genre    string // the 文种, e.g. 请示 ("" when unknown)
	form     string // the special form (specialForm), "" for none
	headings [][]heading
	basis    map[string]*BasisEntry // the basis register by normalised name (basisEntry), built once a run
	up       bool                   // 上行文
	fields   []field
	findings []Finding
	cur      *rule
	disabled map[string]bool
	only     map[string]bool
	recPages [][]layout.Record // layout's Records by page, for the geometry rules (layoutRecords)
	typeset  bool
	rawLines []string
	// cursor makes byte→rune offsets linear over the matches of one field
	cursor struct {
		data *byte
		n    int
		b, r int
	}
}

// runeOffset converts byte offset b of text into a rune offset; successive calls with growing
// offsets into the same text cost O(distance), not O(offset).
func (c *ctx) runeOffset(text string, b int) int {
	if b > len(text) {
		b = len(text)
	}
	cur := &c.cursor
	if cur.data != unsafe.StringData(text) || cur.n != len(text) || b < cur.b {
		cur.data, cur.n, cur.b, cur.r = unsafe.StringData(text), len(text), 0, 0
	}
	cur.r += utf8.RuneCountInString(text[cur.b:b])
	cur.b = b
	return cur.r
}

// reportSpan reports the bytes text[start:end] of the element at path.
func (c *ctx) reportSpan(r *rule, path, text string, start, end int, msg, fix string, hasFix bool) {
	off := c.runeOffset(text, start)
	f := Finding{Rule: r.ID, Severity: c.severity(r), Clause: r.Clause, Message: msg, Path: path,
		Offset: off, Length: utf8.RuneCountInString(text[start:end]), Text: text[start:end], Fix: fix, HasFix: hasFix}
	if path != "" && c.doc.Source != nil {
		if p, ok := c.doc.Source.Locate(path, off); ok {
			f.Line, f.Column = p.Line, p.Col
		}
	}
	c.findings = append(c.findings, f)
}

func newContext(doc *document.Document, g *templates.Genre, opts Options) *ctx {
	c := &ctx{doc: doc, g: g, opts: opts, disabled: map[string]bool{}, only: map[string]bool{}}
	for _, id := range opts.Disable {
		c.disabled[id] = true
	}
	for _, id := range opts.Only {
		c.only[id] = true
	}
	if g == nil {
		g = resolveGenre(doc)
		c.g = g
	}
	if g != nil {
		c.genre = g.Name
	}
	switch {
	case doc.Direction != "":
		c.up = doc.Direction == document.DirectionUp
	case g != nil:
		c.up = g.Direction == document.DirectionUp
	}
	c.fields = collectFields(doc)
	c.form = c.specialForm()
	return c
}

func collectFields(d *document.Document) []field {
	var fs []field
	add := func(path, kind, text string) {
		if text != "" {
			fs = append(fs, field{path: path, kind: kind, text: text, runes: newRuneBloom(text)})
		}
	}
	for i, is := range d.Issuers {
		add(fmt.Sprintf("issuers.%d.name", i), "issuer", is.Name)
	}
	add(document.PathNumber, "number", d.Number)
	add(document.PathTitle, "title", d.Title)
	add(document.PathTitleNote, "title_note", d.TitleNote)
	add(document.PathRecipients, "recipients", d.Recipients)
	for i, p := range d.Body {
		add(fmt.Sprintf("body.%d", i), "body", p)
	}
	add(document.PathAttachmentNotesLabel, "attachment_notes_label", d.AttachmentNotesLabel)
	for i, p := range d.AttachmentNotes {
		add(fmt.Sprintf("attachment_notes.%d", i), "attachment_notes", p)
	}
	add(document.PathDate, "date", d.Date)
	add(document.PathNote, "note", d.Note)
	add(document.PathPresent, "attendance", d.Present)
	add(document.PathAbsent, "attendance", d.Absent)
	add(document.PathAttending, "attendance", d.Attending)
	for i, a := range d.Attachments {
		add(fmt.Sprintf("attachments.%d.label", i), "attachment_label", a.Label)
		add(fmt.Sprintf("attachments.%d.title", i), "attachment_title", a.Title)
		for j, p := range a.Body {
			add(fmt.Sprintf("attachments.%d.body.%d", i, j), "attachment_body", p)
		}
		if a.Table != nil {
			for j, h := range a.Table.Header {
				add(fmt.Sprintf("attachments.%d.table.header.%d", i, j), "table", h)
			}
			for r, row := range a.Table.Rows {
				for j, cell := range row {
					add(fmt.Sprintf("attachments.%d.table.rows.%d.%d", i, r, j), "table", cell)
				}
			}
		}
	}
	add(document.PathCC, "cc", d.CC)
	add(document.PathPrinter, "printer", d.Printer)
	add(document.PathPrintDate, "date", d.PrintDate)
	return fs
}

// prose reports whether a field kind holds running Chinese text (punctuation rules apply).
func prose(kind string) bool {
	switch kind {
	case "title", "title_note", "recipients", "body", "attachment_notes", "note", "attendance",
		"attachment_title", "attachment_body", "table", "cc":
		return true
	}
	return false
}

func (c *ctx) enabled(r *rule) bool {
	if c.disabled[r.ID] {
		return false
	}
	if len(c.only) > 0 && !c.only[r.ID] {
		return false
	}
	if r.Kind == KindGeometry && !c.opts.Layout && c.opts.Records == nil {
		return false
	}
	if r.NotSpecial && c.form != "" {
		return false
	}
	base := !r.ByTemplate && !r.Up
	if c.g != nil {
		if cfg, ok := c.g.Rules[r.ID]; ok {
			if cfg.Enabled != nil {
				if !*cfg.Enabled && base && r.Severity == SeverityError {
					return true // a 规定 of GB/T 9704 cannot be switched off
				}
				return *cfg.Enabled
			}
			return true
		}
	}
	return base || r.Up && c.up
}

func (c *ctx) run(r *rule) {
	check := r.check
	if check == nil {
		return
	}
	c.cur = r
	defer func() {
		if p := recover(); p != nil {
			// A rule's bug must never reach the user; drop the rule's work.
			if panicOnRuleBug {
				panic(p)
			}
		}
		c.cur = nil
	}()
	check(c, r)
}

// severity is the current rule's severity, after the template's override.
func (c *ctx) severity(r *rule) string {
	if c.g != nil {
		if cfg, ok := c.g.Rules[r.ID]; ok {
			switch cfg.Severity {
			case SeverityError, SeverityWarning, SeverityInfo:
				return cfg.Severity
			}
		}
	}
	return r.Severity
}

// param returns the parameter name of r: the template's value, else (for a user's template of a
// built-in 文种, which may switch a rule on without its words) the built-in template's, else the
// rule's default.
func (c *ctx) param(r *rule, name string) any {
	for _, g := range []*templates.Genre{c.g, c.builtinOf()} {
		if g != nil {
			if v, ok := g.Rules[r.ID].Params[name]; ok {
				return v
			}
		}
	}
	return r.Params[name]
}

// builtinOf is the built-in template of the document's 文种 when its own template is not a
// built-in: the built-in it replaces (same id and 文种), else the first of its 文种; nil otherwise.
func (c *ctx) builtinOf() *templates.Genre {
	if c.g == nil {
		return nil
	}
	set := builtinGenres()
	b, ok := set.Genre(c.g.ID)
	switch {
	case ok && b == c.g:
		return nil // a built-in itself
	case ok && b.Name == c.g.Name:
		return b // the built-in it replaces
	}
	return set.ByName(c.g.Name)
}

func (c *ctx) paramStrings(r *rule, name string) []string {
	return stringList(c.param(r, name))
}

// listKey names a YAML list by its backing array: templates are not changed once loaded, so
// a list is converted to strings once (stringList). The built-ins are loaded once a process;
// each load of a user's template adds its few lists.
type listKey struct {
	p *any
	n int
}

var stringLists sync.Map // listKey → []string

// stringList is a parameter's value as a list of strings (a YAML list, or one string).
func stringList(p any) []string {
	switch v := p.(type) {
	case []string:
		return v
	case []any:
		if len(v) == 0 {
			return nil
		}
		k := listKey{&v[0], len(v)}
		if l, ok := stringLists.Load(k); ok {
			return l.([]string)
		}
		l := anyStrings(v)
		stringLists.Store(k, l)
		return l
	case string:
		return []string{v}
	}
	return nil
}

// anyStrings are the strings of a YAML list.
func anyStrings(v []any) []string {
	out := make([]string, 0, len(v))
	for _, x := range v {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func (c *ctx) paramInt(r *rule, name string) int {
	switch v := c.param(r, name).(type) {
	case int:
		return v
	case int64:
		return int(v)
	case uint64:
		return int(v)
	case float64:
		return int(v)
	}
	return 0
}

// report adds a finding at rune offset off, length n of the element at path with value text.
// fix is the replacement when hasFix.
func (c *ctx) report(r *rule, path, text string, off, n int, msg, fix string, hasFix bool) {
	f := Finding{Rule: r.ID, Severity: c.severity(r), Clause: r.Clause, Message: msg, Path: path,
		Offset: off, Length: n, Fix: fix, HasFix: hasFix}
	if text != "" && n > 0 {
		f.Text = runeSlice(text, off, n)
	}
	if path != "" && c.doc.Source != nil {
		if p, ok := c.doc.Source.Locate(path, off); ok {
			f.Line, f.Column = p.Line, p.Col
		}
	}
	c.findings = append(c.findings, f)
}

// reportAll reports a finding on the whole element.
func (c *ctx) reportAll(r *rule, path, text, msg string) {
	c.report(r, path, text, 0, utf8.RuneCountInString(text), msg, "", false)
}

// reportDoc reports a finding about the document as a whole (no place).
func (c *ctx) reportDoc(r *rule, msg string) {
	c.report(r, "", "", 0, 0, msg, "", false)
}

// rawBefore returns the text of the raw input's line before the place of path's value
// (rune offset 0), and that place; ok is false without Raw or Source.
func (c *ctx) rawBefore(path string) (prefix string, pos document.Pos, ok bool) {
	if c.opts.Raw == nil || c.doc.Source == nil {
		return "", pos, false
	}
	pos, ok = c.doc.Source.Locate(path, 0)
	if !ok || pos.Line < 1 || pos.Col < 1 {
		return "", pos, false
	}
	if c.rawLines == nil {
		c.rawLines = strings.Split(string(c.opts.Raw), "\n")
	}
	if pos.Line > len(c.rawLines) {
		return "", pos, false
	}
	line := []rune(strings.TrimSuffix(c.rawLines[pos.Line-1], "\r"))
	if pos.Col-1 > len(line) {
		return "", pos, false
	}
	return string(line[:pos.Col-1]), pos, true
}

func runeSlice(s string, off, n int) string {
	i := 0
	start, end := -1, len(s)
	for bi := range s {
		if i == off {
			start = bi
		}
		if i == off+n {
			end = bi
			break
		}
		i++
	}
	if start < 0 {
		return ""
	}
	return s[start:end]
}

// TitleGenre returns the 文种 of a title by the built-in genre templates (Set.TitleGenre: a name
// or alias the title ends with; 令 gives 命令), or "" when it names none.
func TitleGenre(title string) string {
	if g := builtinGenres().TitleGenre(title); g != nil {
		return g.Name
	}
	return ""
}

// builtinGenres is the built-in template set, the checker's source of genre knowledge (names,
// aliases, directions, closings, which genre rules are on) when the caller gives no template.
var builtinGenres = sync.OnceValue(templates.Builtins)

// resolveGenre finds the genre template of a document checked without one: by the draft's
// genre id, else by the 文种 its title ends with.
func resolveGenre(doc *document.Document) *templates.Genre {
	set := builtinGenres()
	if doc.Genre != "" {
		if g, ok := set.Genre(doc.Genre); ok {
			return g
		}
	}
	if g := set.TitleGenre(doc.Title); g != nil {
		return g
	}
	if g := formGenre(set, doc.Title); g != nil {
		return g
	}
	if doc.Title == "" && len(doc.Body) > 0 {
		if g := set.TitleGenre(doc.Body[0]); g != nil && looksLikeTitle(doc.Body[0]) {
			return g // a title the importer left in the body (it ended in punctuation)
		}
	}
	// a special format (命令格式, 纪要格式) names its genre when one template of the set has it
	if doc.Format == document.FormatOrder || doc.Format == document.FormatMinutes {
		return set.FormatGenre(doc.Format)
	}
	return nil
}

// titleForm returns the word of forms that the title ends with (see document.TitleCore), or "".
func titleForm(title string, forms []string) string {
	t := document.TitleCore(title)
	for _, w := range forms {
		if w != "" && strings.HasSuffix(t, w) {
			return w
		}
	}
	return ""
}

// formGenre is the genre of a title that ends, not with a 文种, but with a form title-genre
// accepts (its forms: 通知书, as in 重大生产安全事故查处挂牌督办通知书, prescribed by the
// regulation it serves): the template that lists the form among its title endings, or nil.
func formGenre(set *templates.Set, title string) *templates.Genre {
	w := titleForm(title, prescribedForms)
	if w == "" {
		return nil
	}
	for _, g := range set.Genres() {
		if contains(g.TitleEndings, w) {
			return g
		}
	}
	return nil
}

// looksLikeTitle reports whether a paragraph is a title with punctuation at its end: short, one
// sentence, ending (before the punctuation) with a 文种 of the template set.
func looksLikeTitle(p string) bool {
	t := compact(p)
	if t == "" || utf8.RuneCountInString(t) > 80 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	if !strings.ContainsRune(titlePunct, last) {
		return false
	}
	core := strings.TrimRight(t, titlePunct)
	return !strings.ContainsAny(core, "。；;！!？?") && builtinGenres().TitleGenre(core) != nil
}

// titleInBody returns the first body paragraph when the document has no title and that
// paragraph is a title ending in punctuation (the importer did not take it as the title).
func (c *ctx) titleInBody() (field, bool) {
	if trimSpace(c.doc.Title) != "" || len(c.doc.Body) == 0 || !looksLikeTitle(c.doc.Body[0]) {
		return field{}, false
	}
	return field{path: "body.0", kind: "body", text: c.doc.Body[0]}, true
}

// signOff is the document's sign-off mode, or its genre's default when the document sets none.
func (c *ctx) signOff() document.SignOff {
	if c.doc.SignOff == "" && c.g != nil {
		if v := c.g.Defaults["sign_off"]; v != "" {
			return document.SignOff(v)
		}
		if c.g.Format == document.FormatMinutes {
			return document.SignOffNone
		}
	}
	return c.doc.SignOff
}

// genreUnsigned reports whether the document's genre is not signed and dated (its template's
// sign-off is none, or its format is 纪要格式).
func (c *ctx) genreUnsigned() bool {
	return c.g != nil && (c.g.Defaults["sign_off"] == string(document.SignOffNone) || c.g.Format == document.FormatMinutes)
}

// format is the document's format, or its genre's when the document sets none.
func (c *ctx) format() document.Format {
	if c.doc.Format == "" && c.g != nil {
		return c.g.Format
	}
	return c.doc.Format
}
