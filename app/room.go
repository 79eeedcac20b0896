package app

import (
	"fmt"
	"sort"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gongwen/check"
	"gongwen/document"
)

// Room to write: the date picker with 今天, the character count, the findings ordered by
// severity with the new ones brought into view.

// gongwenDate writes a date as a 公文 does: 2024年1月5日.
func gongwenDate(t time.Time) string {
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}

// dateInput is a date field's entry with a 今天 button and a calendar.
func (ed *editor) dateInput(e *widget.Entry) fyne.CanvasObject {
	today := widget.NewButton(T("date.today"), func() { e.SetText(gongwenDate(time.Now())) })
	var cal *widget.Button
	cal = widget.NewButtonWithIcon("", theme.CalendarIcon(), ed.u.wrap(func() {
		start := time.Now()
		if d, err := document.ParseDate(e.Text); err == nil {
			start = time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.Local)
		}
		var pop *widget.PopUp
		c := widget.NewCalendar(start, func(t time.Time) {
			e.SetText(gongwenDate(t)) // OnChanged stores it
			pop.Hide()
		})
		pop = widget.NewPopUp(c, ed.u.Win.Canvas())
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(cal)
		pop.ShowAtPosition(pos.Add(fyne.NewPos(0, cal.Size().Height)))
	}))
	return container.NewBorder(nil, nil, nil, container.NewHBox(today, cal), e)
}

// countChars counts the characters of a text that print (not spaces or line breaks).
func countChars(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}

// updateCount shows the character count of the body and of the whole document.
func (ed *editor) updateCount() {
	doc := ed.u.Model.Doc
	if doc == nil || ed.count == nil {
		return
	}
	body := 0
	for _, p := range doc.Body {
		body += countChars(p)
	}
	total := 0
	for _, p := range ed.order {
		total += countChars(FieldText(doc, p))
	}
	ed.count.SetText(T("count", body, total))
}

// severityRank orders findings: errors, then warnings, then the rest.
func severityRank(s string) int {
	switch s {
	case check.SeverityError:
		return 0
	case check.SeverityWarning:
		return 1
	}
	return 2
}

// sortFindings returns the findings ordered by severity, in the document's order within one
// severity (the checker's order).
func sortFindings(fs []check.Finding) []check.Finding {
	out := append([]check.Finding(nil), fs...)
	sort.SliceStable(out, func(i, j int) bool { return severityRank(out[i].Severity) < severityRank(out[j].Severity) })
	return out
}

// findingKey identifies a finding across checks, to tell the new ones.
func findingKey(f check.Finding) string {
	return fmt.Sprintf("%s|%s|%s", f.Rule, f.Path, f.Text)
}

// showNewFindings scrolls the findings list to the first finding that was not there before.
func (ed *editor) showNewFindings() {
	fs := ed.u.Model.Findings
	seen := ed.seenFindings
	ed.seenFindings = map[string]bool{}
	for _, f := range fs {
		ed.seenFindings[findingKey(f)] = true
	}
	if seen == nil {
		return // the first check: nothing is new
	}
	for i, f := range fs {
		if !seen[findingKey(f)] {
			ed.findings.ScrollTo(i)
			return
		}
	}
}
