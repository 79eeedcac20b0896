package exercise

import (
	"fmt"
	"strings"
)

// Mark is one place a trainee says is wrong: an element's path ("number", "body.3" or the
// form field "body"), with an optional note.
type Mark struct {
	Path string `json:"path"`
	Note string `json:"note,omitempty"`
}

// Result is the score of an answer.
type Result struct {
	Found       []Change // planted errors the trainee marked
	Missed      []Change // planted errors not marked
	FalseAlarms []Mark   // marks where nothing was planted
}

// Score compares an answer with the key. A mark finds a change when it names the change's
// element or the form field the element is in ("body" finds an error in "body.3", but
// "body.2" does not); each mark finds at most one change and each change is found once.
func Score(changes []Change, marks []Mark) Result {
	var res Result
	used := make([]bool, len(marks))
	for _, c := range changes {
		found := -1
		// an exact mark first, then a mark of the whole field
		for pass := 0; pass < 2 && found < 0; pass++ {
			for i, m := range marks {
				if used[i] {
					continue
				}
				if (pass == 0 && m.Path == c.Path) || (pass == 1 && m.Path == top(c.Path)) {
					found = i
					break
				}
			}
		}
		if found >= 0 {
			used[found] = true
			res.Found = append(res.Found, c)
		} else {
			res.Missed = append(res.Missed, c)
		}
	}
	for i, m := range marks {
		if !used[i] {
			res.FalseAlarms = append(res.FalseAlarms, m)
		}
	}
	return res
}

// Points is the score out of 100: each error found counts, each false alarm takes one back.
func (r Result) Points() int {
	total := len(r.Found) + len(r.Missed)
	if total == 0 {
		return 0
	}
	got := len(r.Found) - len(r.FalseAlarms)
	if got < 0 {
		got = 0
	}
	return got * 100 / total
}

// Report explains a result line by line, in Chinese ("zh") or English ("en"): each error
// found or missed with its element, what was written, the correct form and its clause, and
// each false alarm.
func (r Result) Report(lang string, label func(path string) string) string {
	if label == nil {
		label = func(p string) string { return p }
	}
	en := lang == "en"
	var b strings.Builder
	if en {
		fmt.Fprintf(&b, "Score %d/100: %d found, %d missed, %d false alarms\n", r.Points(), len(r.Found), len(r.Missed), len(r.FalseAlarms))
	} else {
		fmt.Fprintf(&b, "得分 %d/100：找到 %d 处，漏掉 %d 处，误报 %d 处\n", r.Points(), len(r.Found), len(r.Missed), len(r.FalseAlarms))
	}
	line := func(mark string, c Change) {
		sum := c.Summary
		if en && c.SummaryEN != "" {
			sum = c.SummaryEN
		}
		if en {
			fmt.Fprintf(&b, "%s %s: “%s” should be “%s” — %s (%s)\n", mark, label(c.Path), clip(c.After), clip(c.Before), sum, c.Clause)
		} else {
			fmt.Fprintf(&b, "%s %s：“%s”应为“%s”——%s（%s）\n", mark, label(c.Path), clip(c.After), clip(c.Before), sum, c.Clause)
		}
	}
	for _, c := range r.Found {
		line("✓", c)
	}
	for _, c := range r.Missed {
		line("✗", c)
	}
	for _, m := range r.FalseAlarms {
		if en {
			fmt.Fprintf(&b, "? %s: nothing was planted here\n", label(m.Path))
		} else {
			fmt.Fprintf(&b, "? %s：此处没有设置错误\n", label(m.Path))
		}
	}
	return b.String()
}

// clip shortens a long value around nothing in particular: its first 30 characters.
func clip(s string) string {
	s = strings.ReplaceAll(s, "\n", " ")
	if r := []rune(s); len(r) > 30 {
		return string(r[:30]) + "…"
	}
	return s
}
