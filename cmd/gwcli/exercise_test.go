package main

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gongwen/exercise"
)

// TestExerciseRoundTrip: gwcli exercise make for a class of two, a trainee's answer written
// with gwcli exercise answer, graded with gwcli exercise score.
func TestExerciseRoundTrip(t *testing.T) {
	dir := t.TempDir()
	base := filepath.Join(dir, "qingshi")
	var out, errb bytes.Buffer
	if st := run([]string{"exercise", "make", "-difficulty", "easy", "-class", "2", "-seed", "5", "-o", base, filepath.Join("..", "..", "examples", "qingshi.yaml")}, &out, &errb); st != exitOK {
		t.Fatalf("make: status %d: %s", st, errb.String())
	}
	for _, f := range []string{"-01.exercise.json", "-01.key.json", "-02.exercise.json", "-02.key.json"} {
		if !strings.Contains(out.String(), base+f) {
			t.Errorf("make did not report %s:\n%s", base+f, out.String())
		}
	}
	key, err := exercise.ReadKey(base + "-01.key.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(key.Changes) != exercise.DefaultCount[exercise.Easy] {
		t.Fatalf("%d changes", len(key.Changes))
	}
	// the trainee finds the first error, and marks the title where there is none (or is one)
	marks := []string{key.Changes[0].Path, "signers"}
	ans := filepath.Join(dir, "li.answer.json")
	out.Reset()
	if st := run(append([]string{"exercise", "answer", "-o", ans, base + "-01.exercise.json"}, marks...), &out, &errb); st != exitOK {
		t.Fatalf("answer: %s", errb.String())
	}
	out.Reset()
	if st := run([]string{"exercise", "score", base + "-01.key.json", ans}, &out, &errb); st != exitOK {
		t.Fatalf("score: %s", errb.String())
	}
	want := regexp.MustCompile(`找到 1 处，漏掉 2 处，误报 1 处`)
	if !want.MatchString(out.String()) || !strings.Contains(out.String(), key.Changes[0].Clause) {
		t.Errorf("score report:\n%s", out.String())
	}
	// an answer to the other exercise of the class is refused
	if st := run([]string{"exercise", "score", base + "-02.key.json", ans}, &out, &errb); st != exitFailure {
		t.Errorf("graded an answer against another exercise's key: status %d", st)
	}
	if st := run([]string{"exercise", "make", "-difficulty", "expert", filepath.Join("..", "..", "examples", "qingshi.yaml")}, &out, &errb); st != exitFailure {
		t.Errorf("unknown difficulty: status %d", st)
	}
}
