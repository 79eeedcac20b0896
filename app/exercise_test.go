package app

import (
	"path/filepath"
	"strings"
	"testing"

	"gongwen/document"
	"gongwen/exercise"
)

// TestExerciseThroughTheUI: the trainer plants errors in an example; the findings are
// hidden; the trainee marks one error in the form (the cursor in its field), one place on
// the page that is right, saves the answer; the grade finds one, misses the rest, counts
// one false alarm, and explains each with its clause. The saved exercise opens again in
// 练习模式 with its key.
func TestExerciseThroughTheUI(t *testing.T) {
	h := newHarness(t)
	doc, err := document.Load(examplePath(t, "qingshi.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	h.u.StartExercise(doc, nil, exercise.Options{Difficulty: exercise.Easy, Seed: 11})
	ed := h.u.ed
	p := h.u.Model.Practice
	if ed == nil || p == nil || ed.practice == nil || len(p.Changes) != 3 {
		t.Fatalf("not in exercise mode: %+v", p)
	}
	h.settle()
	if strings.Contains(ed.u.Win.Title(), "问题") {
		t.Error("the findings show in the title")
	}
	// fix-all would give the answers away
	rev := h.u.Model.Rev()
	h.u.FixAll()
	if h.u.Model.Rev() != rev {
		t.Error("fix-all ran in exercise mode")
	}
	// mark the first error with the cursor in its field
	c := p.Changes[0]
	ff := ed.fields[topPath(c.Path)]
	if ff == nil {
		t.Fatalf("no field for %s", c.Path)
	}
	row := 0
	if i := pathIndex(c.Path); i >= 0 && ff.entry != nil {
		row = lineOfItem(ff.entry.Text, i)
	}
	ed.focusField(ff, row, 0)
	ed.markFocused()
	// and an element on the page where nothing was planted (the 发文机关标志 → issuers)
	ed.mark(pathIssuers)
	if len(p.Marks) != 2 {
		t.Fatalf("marks %v", p.Marks)
	}
	ans := filepath.Join(t.TempDir(), "a.answer.json")
	if err := h.u.Model.SaveAnswer(ans); err != nil {
		t.Fatal(err)
	}
	res, ok := h.u.Model.Grade()
	if !ok || len(res.Found) != 1 || len(res.Missed) != 2 || len(res.FalseAlarms) != 1 {
		t.Fatalf("grade %v: %d %d %d", ok, len(res.Found), len(res.Missed), len(res.FalseAlarms))
	}
	h.u.GradeExercise()
	if h.u.TopDialog() == nil {
		t.Fatal("no result dialog")
	}
	h.u.escape()
	// save the exercise and open it again: 练习模式 with its key
	base := filepath.Join(t.TempDir(), "class")
	hp, _, err := h.u.Model.SaveExercise(base + ".exercise.json")
	if err != nil {
		t.Fatal(err)
	}
	h.u.Model.Dirty = false
	h.u.OpenPath(hp)
	if h.u.Model.Practice == nil || len(h.u.Model.Practice.Changes) != 3 || h.u.ed.practice == nil {
		t.Fatalf("the saved exercise did not open in exercise mode: %+v", h.u.Model.Practice)
	}
	h.u.StopExercise()
	if h.u.Model.Practice != nil || h.u.ed.practice != nil {
		t.Error("still in exercise mode")
	}
}
