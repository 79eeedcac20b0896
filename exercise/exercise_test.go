package exercise

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"gongwen/check"
	"gongwen/document"
)

func load(t *testing.T, name string) *document.Document {
	t.Helper()
	doc, err := document.Load(filepath.Join("..", "examples", name))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestPlantEveryExample: on every example and at every difficulty, each planted error is
// reported by its rule on its element, Reveal takes every one back, and the original is
// left unchanged.
func TestPlantEveryExample(t *testing.T) {
	names, _ := filepath.Glob(filepath.Join("..", "examples", "*.yaml"))
	if len(names) < 5 {
		t.Fatalf("only %d examples", len(names))
	}
	for _, path := range names {
		name := filepath.Base(path)
		for _, level := range []string{Easy, Medium, Hard} {
			doc := load(t, name)
			orig, _ := document.Marshal(doc)
			ex, err := Plant(doc, Options{Difficulty: level, Seed: 7, Source: name})
			if err != nil {
				t.Errorf("%s %s: %v", name, level, err)
				continue
			}
			if again, _ := document.Marshal(doc); string(again) != string(orig) {
				t.Errorf("%s: Plant changed the original", name)
			}
			// the full count where the document has room (a 纪要 has no 发文字号 or 主送)
			if rich := name == "tongzhi.yaml" || name == "qingshi.yaml" || name == "changqi.yaml"; rich && len(ex.Changes) < DefaultCount[level] {
				t.Errorf("%s %s: only %d errors planted, want %d", name, level, len(ex.Changes), DefaultCount[level])
			}
			fs := check.Run(ex.Doc, nil, check.Options{})
			paths := map[string]bool{}
			for _, c := range ex.Changes {
				if paths[place(c.Path)] {
					t.Errorf("%s %s: two errors in %s", name, level, place(c.Path))
				}
				paths[place(c.Path)] = true
				if !allowedRule(c.Rule, level) {
					t.Errorf("%s %s: rule %s is not of this difficulty", name, level, c.Rule)
				}
				reported := false
				for _, f := range fs {
					if f.Rule == c.Rule && top(f.Path) == top(c.Path) {
						reported = true
					}
				}
				if !reported {
					t.Errorf("%s %s: the checker does not report %s in %s (%q)", name, level, c.Rule, c.Path, c.After)
				}
				if c.Clause == "" || c.Summary == "" {
					t.Errorf("%s: change %s has no clause or summary", name, c.Rule)
				}
			}
			if n := ex.Reveal(ex.Doc); n != len(ex.Changes) {
				t.Errorf("%s %s: Reveal put back %d of %d", name, level, n, len(ex.Changes))
			}
			if back, _ := document.Marshal(ex.Doc); string(back) != string(orig) {
				t.Errorf("%s %s: revealed document differs from the original", name, level)
			}
		}
	}
}

func allowedRule(rule, level string) bool {
	for _, r := range Rules(level) {
		if r == rule {
			return true
		}
	}
	return false
}

func TestPlantIsDeterministic(t *testing.T) {
	a, err := Plant(load(t, "tongzhi.yaml"), Options{Difficulty: Hard, Seed: 42})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Plant(load(t, "tongzhi.yaml"), Options{Difficulty: Hard, Seed: 42})
	c, _ := Plant(load(t, "tongzhi.yaml"), Options{Difficulty: Hard, Seed: 43})
	if !reflect.DeepEqual(a.Changes, b.Changes) || a.ID != b.ID {
		t.Error("the same seed planted different errors")
	}
	if reflect.DeepEqual(a.Changes, c.Changes) {
		t.Error("another seed planted the same errors")
	}
	if _, err := Plant(load(t, "tongzhi.yaml"), Options{Difficulty: "expert"}); err == nil {
		t.Error("unknown difficulty accepted")
	}
}

func TestScore(t *testing.T) {
	changes := []Change{{Path: "number", Rule: "number-brackets"}, {Path: "body.3", Rule: "halfwidth-comma"}, {Path: "date", Rule: "date-format"}}
	for _, c := range []struct {
		name                 string
		marks                []string
		found, missed, false int
		points               int
	}{
		{"none", nil, 0, 3, 0, 0},
		{"all exact", []string{"number", "body.3", "date"}, 3, 0, 0, 100},
		{"field for a paragraph", []string{"body"}, 1, 2, 0, 33},
		{"wrong paragraph", []string{"body.2"}, 0, 3, 1, 0},
		{"twice the same", []string{"number", "number"}, 1, 2, 1, 0},
		{"false alarm costs", []string{"number", "date", "title"}, 2, 1, 1, 33},
	} {
		var marks []Mark
		for _, p := range c.marks {
			marks = append(marks, Mark{Path: p})
		}
		r := Score(changes, marks)
		if len(r.Found) != c.found || len(r.Missed) != c.missed || len(r.FalseAlarms) != c.false || r.Points() != c.points {
			t.Errorf("%s: found %d missed %d false %d points %d; want %d %d %d %d", c.name,
				len(r.Found), len(r.Missed), len(r.FalseAlarms), r.Points(), c.found, c.missed, c.false, c.points)
		}
	}
}

// TestRoundTrip: plant → save the exercise and the key → the trainee opens the exercise,
// marks some places and saves the answer → the trainer grades it with the key.
func TestRoundTrip(t *testing.T) {
	ex, err := Plant(load(t, "qingshi.yaml"), Options{Difficulty: Medium, Seed: 3, Source: "qingshi.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	hpath, kpath, err := ex.Save(filepath.Join(dir, "class1"))
	if err != nil {
		t.Fatal(err)
	}
	if KeyBeside(hpath) != kpath {
		t.Errorf("KeyBeside(%s) = %q", hpath, KeyBeside(hpath))
	}
	h, err := ReadHandout(hpath)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(h.Draft, "changes") || h.Count != len(ex.Changes) {
		t.Errorf("handout: count %d, draft leaks the key?", h.Count)
	}
	doc, err := h.Doc(dir)
	if err != nil {
		t.Fatal(err)
	}
	// the trainee finds the errors the checker reports in the first two, misses the rest,
	// and marks the title wrongly
	var marks []Mark
	for _, c := range ex.Changes[:2] {
		if *doc.Field(c.Path) != c.After {
			t.Fatalf("the handout's %s is %q, not the planted %q", c.Path, *doc.Field(c.Path), c.After)
		}
		marks = append(marks, Mark{Path: top(c.Path)})
	}
	marks = append(marks, Mark{Path: "issuers"})
	apath := filepath.Join(dir, "zhang.answer.json")
	if err := WriteAnswer(apath, h.ID, marks); err != nil {
		t.Fatal(err)
	}
	k, err := ReadKey(kpath)
	if err != nil {
		t.Fatal(err)
	}
	a, err := ReadAnswer(apath)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Grade(k, a)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Found) != 2 || len(res.Missed) != len(ex.Changes)-2 || len(res.FalseAlarms) != 1 {
		t.Errorf("grade: %d found, %d missed, %d false alarms", len(res.Found), len(res.Missed), len(res.FalseAlarms))
	}
	rep := res.Report("zh", nil)
	for _, c := range ex.Changes {
		if !strings.Contains(rep, c.Clause) {
			t.Errorf("report lacks clause %s:\n%s", c.Clause, rep)
		}
	}
	if !strings.Contains(res.Report("en", nil), "false alarm") {
		t.Error("English report")
	}
	// files of the wrong kind are refused
	if _, err := ReadKey(hpath); err == nil {
		t.Error("an exercise file read as a key")
	}
	other := &Answer{ID: "other"}
	if _, err := Grade(k, other); err == nil {
		t.Error("an answer to another exercise was graded")
	}
}
