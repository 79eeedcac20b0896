package check

import (
	"flag"

	"fmt"
	"gongwen/document"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// sharedDir finds ../shared from the repository root, or "" when absent.
func sharedDir(t testing.TB) string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
	s := filepath.Join(filepath.Dir(dir), "shared")
	if st, err := os.Stat(s); err != nil || !st.IsDir() {
		return ""
	}
	return s
}

// sharedSlugs maps the descriptive slugs of ../shared/corpus/defects/labels.tsv to rule ids.
// A slug may be met by any of several rules (the first is the intended one).
var sharedSlugs = map[string][]string{
	"date_chinese_numerals":          {"date-chinese-numerals"},
	"attachment_label_nonstandard":   {"attachment-label"},
	"attachment_header_colon":        {"attachment-header-colon"},
	"citation_title_without_number":  {"pifu-citation"},
	"attachment_title_mismatch":      {"attachment-title-mismatch"},
	"report_contains_request":        {"report-no-request"},
	"doc_number_bracket":             {"number-brackets"},
	"date_zero_padding":              {"date-leading-zero"},
	"recipient_missing_colon":        {"recipients-colon", "recipients-missing"},
	"halfwidth_comma":                {"halfwidth-comma"},
	"doc_number_di":                  {"number-di"},
	"title_trailing_period":          {"title-end-punct"},
	"doc_number_year_abbrev":         {"number-year"},
	"annotation_missing_parens":      {"note-brackets"},
	"seq_hanzi_with_dot":             {"heading-hanzi-dot"},
	"recipient_halfwidth_colon":      {"recipients-colon"},
	"attachment_name_trailing_punct": {"attachment-notes-punct"},
	"attachment_name_book_marks":     {"attachment-notes-book-marks"},
	"attachment_halfwidth_colon":     {"attachment-label"},
	"attachment_seq_dunhao":          {"attachment-notes-numbering"},
	"qingshi_multiple_recipients":    {"up-one-recipient"},
	"qingshi_missing_closing":        {"qingshi-closing"},
	"seq_bracket_with_dunhao":        {"heading-paren-dunhao"},
	"seq_level_order":                {"heading-order"},
	"mixed_genre_title":              {"title-mixed-genre"},
	"doc_number_leading_zero":        {"number-leading-zero"},
	"halfwidth_quotes":               {"halfwidth-quotes"},
	"date_iso_format":                {"date-format"},
	"seq_arabic_with_dunhao":         {"heading-arabic-dunhao"},
}

// label is one expected finding: a rule (any of ids) in a file.
type label struct {
	file string
	ids  []string
	kind string // injected, natural, legacy
}

// tally is the per-rule measurement.
type tally struct {
	tp, fn, fp int
	fpFiles    []string
}

type evaluation struct {
	byRule map[string]*tally
	files  int
}

func newEvaluation() *evaluation { return &evaluation{byRule: map[string]*tally{}} }

func (e *evaluation) t(id string) *tally {
	if e.byRule[id] == nil {
		e.byRule[id] = &tally{}
	}
	return e.byRule[id]
}

// add scores one file: its expected labels against its findings.
func (e *evaluation) add(file string, labels []label, fs []Finding) {
	e.files++
	found := map[string]bool{}
	for _, f := range fs {
		found[f.Rule] = true
	}
	expected := map[string]bool{}
	for _, l := range labels {
		hit := false
		for _, id := range l.ids {
			expected[id] = true
			hit = hit || found[id]
		}
		if hit {
			e.t(l.ids[0]).tp++
		} else {
			e.t(l.ids[0]).fn++
		}
	}
	for id := range found {
		if !expected[id] {
			t := e.t(id)
			t.fp++
			t.fpFiles = append(t.fpFiles, filepath.Base(file))
		}
	}
}

func (e *evaluation) table() string {
	ids := make([]string, 0, len(e.byRule))
	for id := range e.byRule {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var b strings.Builder
	fmt.Fprintf(&b, "%d files\n%-30s %4s %4s %7s %4s  %s\n", e.files, "rule", "TP", "FN", "recall", "FP", "FP files")
	tp, fn, fp := 0, 0, 0
	for _, id := range ids {
		t := e.byRule[id]
		rec := "-"
		if t.tp+t.fn > 0 {
			rec = fmt.Sprintf("%.2f", float64(t.tp)/float64(t.tp+t.fn))
		}
		fmt.Fprintf(&b, "%-30s %4d %4d %7s %4d  %s\n", id, t.tp, t.fn, rec, t.fp, strings.Join(t.fpFiles, " "))
		tp, fn, fp = tp+t.tp, fn+t.fn, fp+t.fp
	}
	fmt.Fprintf(&b, "%-30s %4d %4d %7.2f %4d\n", "TOTAL", tp, fn, float64(tp)/float64(max(1, tp+fn)), fp)
	return b.String()
}

func (e *evaluation) recall() float64 {
	tp, all := 0, 0
	for _, t := range e.byRule {
		tp += t.tp
		all += t.tp + t.fn
	}
	return float64(tp) / float64(max(1, all))
}

// readTSV reads a tab-separated file with a header row into maps.
func readTSV(t testing.TB, path string) []map[string]string {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	head := strings.Split(lines[0], "\t")
	var out []map[string]string
	for _, l := range lines[1:] {
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
			continue
		}
		cells := strings.Split(l, "\t")
		m := map[string]string{}
		for i, h := range head {
			if i < len(cells) {
				m[h] = cells[i]
			}
		}
		out = append(out, m)
	}
	return out
}

func checkFile(t testing.TB, path string) []Finding {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	doc, err := importText(path, data)
	if err != nil {
		t.Fatalf("import %s: %v", path, err)
	}
	return Run(doc, nil, Options{Raw: data})
}

// TestSharedCorpus measures recall and false positives per rule over ../shared/corpus: the
// labelled one-error variants (defects/) and the published documents (docs/), which must show
// no error finding except the labelled ones (legacy Chinese-numeral dates and natural errors).
func TestSharedCorpus(t *testing.T) {
	sh := sharedDir(t)
	if sh == "" {
		t.Skip("../shared is absent")
	}
	corpus := filepath.Join(sh, "corpus")
	rows := readTSV(t, filepath.Join(corpus, "defects", "labels.tsv"))
	labels := map[string][]label{} // by file (relative to corpus/)
	for _, r := range rows {
		if r["rule_id"] == "none" || r["rule_id"] == "" {
			continue
		}
		ids, ok := sharedSlugs[r["rule_id"]]
		if !ok {
			t.Errorf("slug %q has no rule id in sharedSlugs", r["rule_id"])
			continue
		}
		labels[r["file"]] = append(labels[r["file"]], label{file: r["file"], ids: ids, kind: r["label_type"]})
	}
	// variants inherit their base's labels
	bases := map[string]string{}
	for _, r := range rows {
		bases[r["file"]] = r["base"]
	}
	for f, b := range bases {
		if strings.HasPrefix(f, "defects/") && !strings.HasSuffix(f, "_0.txt") {
			labels[f] = append(labels[f], labels[b]...)
		}
	}

	defects := newEvaluation()
	files, _ := filepath.Glob(filepath.Join(corpus, "defects", "*.txt"))
	for _, f := range files {
		rel := "defects/" + filepath.Base(f)
		defects.add(rel, labels[rel], checkFile(t, f))
	}
	t.Logf("../shared/corpus/defects (one planted error per variant, base labels included):\n%s", defects.table())

	// the same variants as .docx (written by LibreOffice), through the .docx importer
	docx := newEvaluation()
	files, _ = filepath.Glob(filepath.Join(corpus, "defects_docx", "*.docx"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := document.ImportDocx(f, data, templateGenres)
		if err != nil {
			t.Errorf("import %s: %v", f, err)
			continue
		}
		rel := "defects/" + strings.TrimSuffix(filepath.Base(f), ".docx") + ".txt"
		docx.add(rel, labels[rel], Run(doc, nil, Options{}))
	}
	if len(files) > 0 {
		t.Logf("../shared/corpus/defects_docx (the variants as .docx):\n%s", docx.table())
		if r := docx.recall(); r < 0.8 {
			t.Errorf("recall over ../shared/corpus/defects_docx is %.2f, want at least 0.8", r)
		}
	}

	docs := newEvaluation()
	files, _ = filepath.Glob(filepath.Join(corpus, "docs", "*.txt"))
	for _, f := range files {
		rel := "docs/" + filepath.Base(f)
		fs := checkFile(t, f)
		docs.add(rel, labels[rel], fs)
		allowed := map[string]bool{}
		for _, l := range labels[rel] {
			for _, id := range l.ids {
				allowed[id] = true
			}
		}
		for _, x := range fs {
			if x.Severity == SeverityError && !allowed[x.Rule] {
				t.Errorf("%s:%d:%d: unexpected error %s %s %q", rel, x.Line, x.Column, x.Rule, x.Message, x.Text)
			}
		}
	}
	t.Logf("../shared/corpus/docs (published documents):\n%s", docs.table())
	if r := defects.recall(); r < 0.85 {
		t.Errorf("recall over ../shared/corpus/defects is %.2f, want at least 0.85", r)
	}
}

var update = flag.Bool("update", false, "rewrite generated files (corpus variants, docs/rules.md)")

// TestCorpus measures recall and false positives per rule over check/testdata/corpus: real
// published documents (docs/, sources in sources.tsv) and variants with one planted error each
// (variants/, made from labels.tsv by replacing find with replace in the base; -update writes them).
func TestCorpus(t *testing.T) {
	root := filepath.Join("testdata", "corpus")
	rows := readTSV(t, filepath.Join(root, "labels.tsv"))
	unesc := strings.NewReplacer(`\n`, "\n").Replace
	baseLabels := map[string][]label{}
	for _, r := range rows {
		if !RuleExists(r["rule"]) {
			t.Errorf("labels.tsv: unknown rule %q", r["rule"])
		}
		if r["file"] == r["base"] {
			baseLabels[r["file"]] = append(baseLabels[r["file"]], label{file: r["file"], ids: []string{r["rule"]}})
		}
	}
	ev := newEvaluation()
	// the published documents: no error finding except the labelled ones
	docs, _ := filepath.Glob(filepath.Join(root, "docs", "*.txt"))
	if len(docs) < 10 {
		t.Fatalf("corpus has %d documents, want at least 10", len(docs))
	}
	for _, f := range docs {
		rel := "docs/" + filepath.Base(f)
		fs := checkFile(t, f)
		ev.add(rel, baseLabels[rel], fs)
		allowed := map[string]bool{}
		for _, l := range baseLabels[rel] {
			allowed[l.ids[0]] = true
		}
		for _, x := range fs {
			if x.Severity == SeverityError && !allowed[x.Rule] {
				t.Errorf("%s:%d:%d: unexpected error %s %s %q", rel, x.Line, x.Column, x.Rule, x.Message, x.Text)
			}
		}
	}
	variants := 0
	for _, r := range rows {
		if r["file"] == r["base"] {
			continue
		}
		variants++
		base, err := os.ReadFile(filepath.Join(root, r["base"]))
		if err != nil {
			t.Fatalf("%s: %v", r["file"], err)
		}
		find, repl := unesc(r["find"]), unesc(r["replace"])
		if !strings.Contains(string(base), find) {
			t.Errorf("%s: %q not in %s", r["file"], find, r["base"])
			continue
		}
		want := strings.Replace(string(base), find, repl, 1)
		path := filepath.Join(root, r["file"])
		if *update {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
				t.Fatal(err)
			}
		} else if got, err := os.ReadFile(path); err != nil || string(got) != want {
			t.Errorf("%s is stale or missing: run go test ./check -run TestCorpus -update", path)
			continue
		}
		labels := append([]label{{file: r["file"], ids: []string{r["rule"]}}}, baseLabels[r["base"]]...)
		fs := checkFile(t, path)
		if also := r["also"]; also != "" {
			keep := fs[:0:0]
			for _, x := range fs {
				if !strings.Contains(","+also+",", ","+x.Rule+",") {
					keep = append(keep, x)
				}
			}
			fs = keep
		}
		ev.add(r["file"], labels, fs)
	}
	t.Logf("check/testdata/corpus: %d published documents, %d one-error variants:\n%s", len(docs), variants, ev.table())
	if r := ev.recall(); r < 0.9 {
		t.Errorf("recall %.2f, want at least 0.9", r)
	}
}
