// Package exercise makes 练习模式's exercises: it plants N errors in a correct 公文, each a
// known, reversible change of one element (or body paragraph) that the checker reports under one of its rules,
// records them as the answer key, and scores a trainee's answer (found, missed, false
// alarms) with each error's clause. It reads and writes the three files a class uses: the
// exercise handed out (the draft with the errors), the key the trainer keeps, and the
// trainee's answer. The app and `gwcli exercise` share it; it knows nothing of the UI.
package exercise

import (
	"crypto/sha256"
	"fmt"
	"math/rand"
	"regexp"
	"sort"
	"strings"

	"gongwen/check"
	"gongwen/document"
	"gongwen/templates"
)

// Difficulty levels: how many errors by default and which kinds.
const (
	Easy   = "easy"   // obvious form errors: brackets, dates, colons, final stops
	Medium = "medium" // plus heading markers and half-width punctuation in the body
	Hard   = "hard"   // plus the subtle ones: a repeated character, full-width digits, 截止
)

// DefaultCount is the number of errors planted at each difficulty when none is asked for.
var DefaultCount = map[string]int{Easy: 3, Medium: 5, Hard: 8}

// Change is one planted error: the element's value before and after, and the rule of the
// checker that reports it.
type Change struct {
	Path      string `json:"path"`
	Rule      string `json:"rule"`
	Clause    string `json:"clause"`
	Summary   string `json:"summary"`
	SummaryEN string `json:"summary_en,omitempty"`
	Before    string `json:"before"`
	After     string `json:"after"`
}

// mutation plants one kind of error: it returns the path it changed, or "" when the
// document has no place for it.
type mutation struct {
	rule  string
	level string
	apply func(d *document.Document, r *rand.Rand) string
}

var (
	numberRe      = regexp.MustCompile(`〔(\d{4})〕(\d+)号`)
	dateRe        = regexp.MustCompile(`^(\d{4})年(\d{1,2})月(\d{1,2})日$`)
	arabicHeading = regexp.MustCompile(`^(\d+)\.`)
	parenHeading  = regexp.MustCompile(`^（[一二三四五六七八九十]+）`)
	hanziHeading  = regexp.MustCompile(`^([一二三四五六七八九十]+)、`)
)

// field changes the value at path with f when it is not empty; it returns path when f
// changed it.
func field(d *document.Document, path string, f func(string) string) string {
	p := d.Field(path)
	if p == nil || *p == "" {
		return ""
	}
	v := f(*p)
	if v == *p {
		return ""
	}
	*p = v
	return path
}

// bodyPara changes one body paragraph f changes, chosen at random among them.
func bodyPara(d *document.Document, r *rand.Rand, f func(string) string) string {
	var cands []int
	for i, p := range d.Body {
		if f(p) != p {
			cands = append(cands, i)
		}
	}
	if len(cands) == 0 {
		return ""
	}
	i := cands[r.Intn(len(cands))]
	d.Body[i] = f(d.Body[i])
	return fmt.Sprintf("body.%d", i)
}

// replaceFirst replaces the first old in s by repl.
func replaceFirst(old, repl string) func(string) string {
	return func(s string) string { return strings.Replace(s, old, repl, 1) }
}

var zh = []rune("〇一二三四五六七八九")

func chineseNum(s string) string {
	var b strings.Builder
	for _, c := range s {
		if c >= '0' && c <= '9' {
			b.WriteRune(zh[c-'0'])
		}
	}
	return b.String()
}

func chineseSmall(n int) string {
	switch {
	case n < 10:
		return string(zh[n])
	case n == 10:
		return "十"
	case n < 20:
		return "十" + string(zh[n-10])
	case n%10 == 0:
		return string(zh[n/10]) + "十"
	}
	return string(zh[n/10]) + "十" + string(zh[n%10])
}

// padDate writes a date's month and day with a leading zero (2024年01月05日); a date whose
// month and day both have two digits stays as it is.
func padDate(s string) string {
	m := dateRe.FindStringSubmatch(s)
	if m == nil || (len(m[2]) > 1 && len(m[3]) > 1) {
		return s
	}
	var mo, da int
	fmt.Sscan(m[2], &mo)
	fmt.Sscan(m[3], &da)
	return fmt.Sprintf("%s年%02d月%02d日", m[1], mo, da)
}

var mutations = []mutation{
	{"number-brackets", Easy, func(d *document.Document, _ *rand.Rand) string {
		return field(d, document.PathNumber, func(s string) string {
			return strings.NewReplacer("〔", "[", "〕", "]").Replace(s)
		})
	}},
	{"number-leading-zero", Easy, func(d *document.Document, _ *rand.Rand) string {
		return field(d, document.PathNumber, func(s string) string { return numberRe.ReplaceAllString(s, "〔$1〕0${2}号") })
	}},
	{"number-di", Easy, func(d *document.Document, _ *rand.Rand) string {
		return field(d, document.PathNumber, func(s string) string { return numberRe.ReplaceAllString(s, "〔$1〕第${2}号") })
	}},
	{"date-leading-zero", Easy, func(d *document.Document, _ *rand.Rand) string {
		return field(d, document.PathDate, func(s string) string {
			return padDate(s)
		})
	}},
	{"date-format", Easy, func(d *document.Document, _ *rand.Rand) string {
		return field(d, document.PathDate, func(s string) string {
			if m := dateRe.FindStringSubmatch(s); m != nil {
				return m[1] + "-" + m[2] + "-" + m[3]
			}
			return s
		})
	}},
	{"date-chinese-numerals", Easy, func(d *document.Document, _ *rand.Rand) string {
		return field(d, document.PathDate, func(s string) string {
			m := dateRe.FindStringSubmatch(s)
			if m == nil {
				return s
			}
			var mo, da int
			fmt.Sscan(m[2], &mo)
			fmt.Sscan(m[3], &da)
			return chineseNum(m[1]) + "年" + chineseSmall(mo) + "月" + chineseSmall(da) + "日"
		})
	}},
	{"recipients-colon", Easy, func(d *document.Document, _ *rand.Rand) string {
		return field(d, document.PathRecipients, func(s string) string { return strings.TrimSuffix(s, "：") })
	}},
	{"cc-final-stop", Easy, func(d *document.Document, _ *rand.Rand) string {
		return field(d, document.PathCC, func(s string) string { return strings.TrimSuffix(s, "。") })
	}},
	{"title-end-punct", Easy, func(d *document.Document, _ *rand.Rand) string {
		return field(d, document.PathTitle, func(s string) string { return s + "。" })
	}},
	{"print-date-format", Medium, func(d *document.Document, _ *rand.Rand) string {
		return field(d, document.PathPrintDate, func(s string) string {
			d, ok := strings.CutSuffix(s, "印发")
			if p := padDate(d); p != d {
				if ok {
					p += "印发"
				}
				return p
			}
			return s
		})
	}},
	{"heading-hanzi-dot", Medium, func(d *document.Document, r *rand.Rand) string {
		return bodyPara(d, r, func(s string) string { return hanziHeading.ReplaceAllString(s, "$1.") })
	}},
	{"heading-paren-dunhao", Medium, func(d *document.Document, r *rand.Rand) string {
		return bodyPara(d, r, func(s string) string {
			if loc := parenHeading.FindStringIndex(s); loc != nil && !strings.HasPrefix(s[loc[1]:], "、") {
				return s[:loc[1]] + "、" + s[loc[1]:]
			}
			return s
		})
	}},
	{"heading-arabic-dunhao", Medium, func(d *document.Document, r *rand.Rand) string {
		return bodyPara(d, r, func(s string) string { return arabicHeading.ReplaceAllString(s, "$1、") })
	}},
	{"halfwidth-comma", Medium, func(d *document.Document, r *rand.Rand) string {
		return bodyPara(d, r, replaceFirst("，", ","))
	}},
	{"halfwidth-colon", Medium, func(d *document.Document, r *rand.Rand) string {
		return bodyPara(d, r, replaceFirst("：", ":"))
	}},
	{"halfwidth-semicolon", Medium, func(d *document.Document, r *rand.Rand) string {
		return bodyPara(d, r, replaceFirst("；", ";"))
	}},
	{"attachment-notes-punct", Medium, func(d *document.Document, _ *rand.Rand) string {
		if len(d.AttachmentNotes) == 0 || strings.HasSuffix(d.AttachmentNotes[0], "。") {
			return ""
		}
		d.AttachmentNotes[0] += "。"
		return "attachment_notes.0"
	}},
	{"repeated-word", Hard, func(d *document.Document, r *rand.Rand) string {
		return bodyPara(d, r, func(s string) string {
			i := strings.Index(s, "的")
			if i <= 0 || strings.Contains(s, "的的") {
				return s
			}
			return s[:i] + "的" + s[i:]
		})
	}},
	{"fullwidth-digits", Hard, func(d *document.Document, r *rand.Rand) string {
		return bodyPara(d, r, func(s string) string {
			for i, c := range s {
				if c >= '0' && c <= '9' {
					return s[:i] + string('０'+(c-'0')) + s[i+1:]
				}
			}
			return s
		})
	}},
	{"jiezhi", Hard, func(d *document.Document, r *rand.Rand) string {
		return bodyPara(d, r, replaceFirst("截至", "截止"))
	}},
	{"closing-stop", Hard, func(d *document.Document, r *rand.Rand) string {
		return bodyPara(d, r, func(s string) string {
			for _, c := range []string{"特此通知。", "特此批复。", "此复。", "特此报告。", "特此函告。"} {
				if s == c {
					return strings.TrimSuffix(s, "。")
				}
			}
			return s
		})
	}},
}

// Rules lists the rules an exercise at a difficulty may plant errors of.
func Rules(level string) []string {
	var out []string
	for _, m := range mutations {
		if allowed(m.level, level) {
			out = append(out, m.rule)
		}
	}
	return out
}

func allowed(m, level string) bool {
	rank := map[string]int{Easy: 0, Medium: 1, Hard: 2}
	return rank[m] <= rank[level]
}

// Options of Plant.
type Options struct {
	Difficulty string // Easy, Medium or Hard ("" is Medium)
	Count      int    // errors to plant (0: DefaultCount of the difficulty)
	Seed       int64  // the random choice; the same seed plants the same errors
	Genre      *templates.Genre
	Source     string // the name of the document the exercise is made from
}

// Exercise is a planted document and its answer key.
type Exercise struct {
	ID         string
	Source     string
	Difficulty string
	Seed       int64
	Doc        *document.Document // the document with the errors
	Changes    []Change
}

// Plant makes an exercise from doc (which it leaves unchanged): errors of the difficulty's
// kinds, each on an element (or body paragraph) no other error touches, each checked to be reported by its rule
// on its element and not before the change. It plants fewer than asked when the document
// offers fewer places, and fails only when it can plant none.
func Plant(doc *document.Document, opts Options) (*Exercise, error) {
	if opts.Difficulty == "" {
		opts.Difficulty = Medium
	}
	if _, ok := DefaultCount[opts.Difficulty]; !ok {
		return nil, fmt.Errorf("难度“%s”不存在，可选 easy、medium、hard（unknown difficulty）", opts.Difficulty)
	}
	if opts.Count <= 0 {
		opts.Count = DefaultCount[opts.Difficulty]
	}
	data, err := document.Marshal(doc)
	if err != nil {
		return nil, err
	}
	// work on a copy read back from the draft: the exercise is what the file will hold
	work, err := document.Parse("exercise.yaml", data)
	if err != nil {
		return nil, err
	}
	work.Dir = doc.Dir
	r := rand.New(rand.NewSource(opts.Seed))
	order := r.Perm(len(mutations))
	used := map[string]bool{}
	ex := &Exercise{Source: opts.Source, Difficulty: opts.Difficulty, Seed: opts.Seed}
	base := counts(check.Run(work, opts.Genre, check.Options{}))
	infos := map[string]check.RuleInfo{}
	for _, ri := range check.Rules() {
		infos[ri.ID] = ri
	}
	for _, i := range order {
		if len(ex.Changes) == opts.Count {
			break
		}
		m := mutations[i]
		if !allowed(m.level, opts.Difficulty) {
			continue
		}
		trial, err := document.Parse("exercise.yaml", mustMarshal(work))
		if err != nil {
			continue
		}
		path := m.apply(trial, r)
		if path == "" || used[place(path)] {
			continue
		}
		after := counts(check.Run(trial, opts.Genre, check.Options{}))
		if after[key{m.rule, top(path)}] <= base[key{m.rule, top(path)}] {
			continue // the checker would not report it: not a fair question
		}
		before := *work.Field(path)
		*work.Field(path) = *trial.Field(path)
		base = after
		used[place(path)] = true
		ri := infos[m.rule]
		ex.Changes = append(ex.Changes, Change{Path: path, Rule: m.rule, Clause: ri.Clause, Summary: ri.Summary,
			SummaryEN: ri.SummaryEN, Before: before, After: *work.Field(path)})
	}
	if len(ex.Changes) == 0 {
		return nil, fmt.Errorf("这份公文里没有可以设置“%s”难度错误的地方（no place to plant an error）", opts.Difficulty)
	}
	sort.SliceStable(ex.Changes, func(i, j int) bool { return pathOrder(ex.Changes[i].Path) < pathOrder(ex.Changes[j].Path) })
	ex.Doc = work
	sum := sha256.Sum256(append(mustMarshal(work), fmt.Sprint(opts.Seed)...))
	ex.ID = fmt.Sprintf("%x", sum[:6])
	return ex, nil
}

func mustMarshal(d *document.Document) []byte {
	b, err := document.Marshal(d)
	if err != nil {
		return nil
	}
	return b
}

type key struct{ rule, path string }

func counts(fs []check.Finding) map[key]int {
	m := map[key]int{}
	for _, f := range fs {
		m[key{f.Rule, top(f.Path)}]++
	}
	return m
}

// place is what two planted errors never share: a paragraph of the body, or an element.
func place(path string) string {
	if top(path) == "body" {
		return path
	}
	return top(path)
}

// top is the element a path belongs to as the form shows it: "body.3" is in "body".
func top(path string) string {
	p, _, _ := strings.Cut(path, ".")
	return p
}

// pathOrder sorts changes in the order of the document's elements.
func pathOrder(path string) int {
	order := []string{document.PathNumber, document.PathTitle, document.PathRecipients, "body", "attachment_notes",
		document.PathDate, document.PathNote, document.PathCC, document.PathPrintDate}
	for i, p := range order {
		if top(path) == p {
			return i
		}
	}
	return len(order)
}

// Reveal puts back the original value of every change still as planted, and returns how
// many it put back (the errors a trainee did not fix).
func (ex *Exercise) Reveal(doc *document.Document) int {
	n := 0
	for _, c := range ex.Changes {
		if p := doc.Field(c.Path); p != nil && *p == c.After {
			*p = c.Before
			n++
		}
	}
	return n
}
