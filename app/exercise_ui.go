package app

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gongwen/document"
	"gongwen/exercise"
	"gongwen/templates"
)

// 练习模式: the trainer picks a document and a difficulty, Gongwen plants the errors and
// hides the findings; the trainee marks what is wrong in the form or on the page; Gongwen
// grades the marks and explains each error with its clause. The exercise and the answer
// can be saved as files.

var difficulties = []string{exercise.Easy, exercise.Medium, exercise.Hard}

// ExerciseDialog asks what to practise on and how hard (View → 练习模式).
func (u *UI) ExerciseDialog() {
	var sources []string
	var docs []func() (*document.Document, *templates.Genre, string, error)
	if u.Model.HasDocument() {
		sources = append(sources, T("ex.src.current"))
		doc, g := u.Model.Snapshot(), u.Model.Genre
		docs = append(docs, func() (*document.Document, *templates.Genre, string, error) { return doc, g, u.Model.Title(), nil })
	}
	for _, g := range u.Model.Templates.Genres() {
		if g.Example == "" {
			continue
		}
		genre := g
		sources = append(sources, T("ex.src.example", genreName(genre)))
		docs = append(docs, func() (*document.Document, *templates.Genre, string, error) {
			d, err := document.Parse(genre.ID+".yaml", []byte(genre.Example))
			return d, genre, genre.ID + ".yaml", err
		})
	}
	src := widget.NewSelect(sources, nil)
	src.SetSelectedIndex(0)
	labels := []string{T("ex.easy"), T("ex.medium"), T("ex.hard")}
	level := widget.NewRadioGroup(labels, nil)
	level.Horizontal = true
	level.SetSelected(labels[1])
	count := widget.NewEntry()
	count.SetPlaceHolder(T("ex.count.ph"))
	form := widget.NewForm(
		widget.NewFormItem(T("ex.source"), src),
		widget.NewFormItem(T("ex.level"), level),
		widget.NewFormItem(T("ex.count"), count),
	)
	u.ask(T("ex.title"), container.NewVBox(form, newHelp(T("ex.help"))), nil, choice{T("ex.start"), widget.HighImportance, func() {
		i := src.SelectedIndex()
		if i < 0 {
			return
		}
		d := exercise.Medium
		for k, l := range labels {
			if level.Selected == l {
				d = difficulties[k]
			}
		}
		n, _ := strconv.Atoi(strings.TrimSpace(count.Text))
		doc, g, name, err := docs[i]()
		if err != nil {
			u.showError(err)
			return
		}
		u.StartExercise(doc, g, exercise.Options{Difficulty: d, Count: n, Seed: seedNow(), Source: name})
	}})
}

// seedNow is a new exercise's random seed.
func seedNow() int64 { return time.Now().UnixNano() }

// StartExercise plants the errors and shows the document in 练习模式.
func (u *UI) StartExercise(doc *document.Document, g *templates.Genre, opts exercise.Options) {
	start := func() {
		if err := u.Model.StartPractice(doc, g, opts); err != nil {
			u.showError(err)
			return
		}
		u.showEditor()
		u.toast(T("ex.started", u.Model.Practice.Count))
	}
	if u.ed != nil && u.Model.HasDocument() && u.Model.Dirty && u.Model.Practice == nil {
		u.confirmDiscard(func() { u.Model.Discard(); start() }, start)
		return
	}
	start()
}

// practicePanel takes the findings' place in 练习模式: what to do, the marks, and the
// buttons to grade, save and leave.
type practicePanel struct {
	ed    *editor
	root  fyne.CanvasObject
	head  *widget.Label
	marks *fyne.Container
}

func (ed *editor) buildPractice() fyne.CanvasObject {
	u := ed.u
	pp := &practicePanel{ed: ed}
	ed.practice = pp
	pp.head = widget.NewLabelWithStyle("", fyne.TextAlignLeading, strongStyle)
	pp.head.Wrapping = fyne.TextWrapWord
	pp.marks = container.NewVBox()
	btn := func(label string, icon fyne.Resource, imp widget.Importance, f func()) *widget.Button {
		b := widget.NewButtonWithIcon(T(label), icon, func() { u.safe(f) })
		b.Importance = imp
		return b
	}
	buttons := container.NewGridWithColumns(3,
		btn("ex.mark", theme.ErrorIcon(), widget.HighImportance, ed.markFocused),
		btn("ex.grade", theme.ConfirmIcon(), widget.MediumImportance, u.GradeExercise),
		btn("ex.stop", theme.LogoutIcon(), widget.LowImportance, u.StopExercise),
		btn("ex.saveex", theme.DocumentSaveIcon(), widget.LowImportance, u.saveExerciseDialog),
		btn("ex.saveans", theme.DocumentSaveIcon(), widget.LowImportance, u.saveAnswerDialog),
	)
	help := newHelp(T("ex.howto"))
	top := container.NewVBox(widget.NewSeparator(), pp.head, help, buttons, widget.NewSeparator())
	pp.root = container.NewBorder(top, nil, nil, nil, container.NewVScroll(pp.marks))
	pp.refresh()
	return pp.root
}

// refresh shows the marks.
func (pp *practicePanel) refresh() {
	p := pp.ed.u.Model.Practice
	if p == nil {
		return
	}
	pp.head.SetText(T("ex.head", p.Count, T("ex."+p.Difficulty), len(p.Marks)))
	pp.marks.RemoveAll()
	for _, mk := range p.Marks {
		path := mk.Path
		label := pp.ed.pathLabel(path)
		rm := widget.NewButtonWithIcon("", theme.DeleteIcon(), pp.ed.u.wrap(func() {
			pp.ed.u.Model.ToggleMark(path)
			pp.refresh()
			pp.ed.pv.drawBoxes()
		}))
		rm.Importance = widget.LowImportance
		pp.marks.Add(container.NewBorder(nil, nil, widget.NewIcon(theme.ErrorIcon()), rm, widget.NewLabel(label)))
	}
	if len(p.Marks) == 0 {
		pp.marks.Add(newHelp(T("ex.nomarks")))
	}
}

// pathLabel names a place for the trainee: the field's label, and the paragraph's number.
func (ed *editor) pathLabel(path string) string {
	name := path
	if ff, ok := ed.fields[topPath(path)]; ok {
		name = specLabel(ff.spec)
	}
	if i := pathIndex(path); i >= 0 {
		name += fmt.Sprintf(T("ex.para"), i+1)
	}
	return name
}

// markFocused marks the field that has the cursor (in the body, its paragraph).
func (ed *editor) markFocused() {
	focused := ed.u.Win.Canvas().Focused()
	for _, p := range ed.order {
		ff := ed.fields[p]
		if ff.entry == nil || fyne.Focusable(ff.entry) != focused {
			if ff.sel == nil || fyne.Focusable(ff.sel) != focused {
				continue
			}
		}
		path := p
		if ff.entry != nil && listField(ed.u.Model.Doc, p) != nil {
			path = fmt.Sprintf("%s.%d", p, itemOfLine(ff.entry.Text, ff.entry.CursorRow))
		}
		ed.mark(path)
		return
	}
	ed.u.toast(T("ex.nofocus"))
}

// mark toggles the mark of a place and says so.
func (ed *editor) mark(path string) {
	if ed.u.Model.ToggleMark(path) {
		ed.u.toast(T("ex.marked", ed.pathLabel(path)))
	} else {
		ed.u.toast(T("ex.unmarked", ed.pathLabel(path)))
	}
	if ed.practice != nil {
		ed.practice.refresh()
	}
	ed.pv.drawBoxes()
}

// GradeExercise scores the marks and explains every error with its clause.
func (u *UI) GradeExercise() {
	res, ok := u.Model.Grade()
	if !ok {
		u.inform(T("ex.grade"), dialogText(T("ex.nokey")))
		return
	}
	label := func(p string) string {
		if u.ed != nil {
			return u.ed.pathLabel(p)
		}
		return p
	}
	text := widget.NewLabel(res.Report(Language(), label))
	text.Wrapping = fyne.TextWrapWord
	sc := container.NewVScroll(text)
	sc.SetMinSize(fyne.NewSize(560, 320))
	u.inform(T("ex.result"), sc)
}

// StopExercise leaves 练习模式; the document stays open with its findings.
func (u *UI) StopExercise() {
	u.Model.StopPractice()
	u.showEditor()
}

func (u *UI) saveExerciseDialog() {
	if u.Model.Practice == nil || u.Model.Practice.ex == nil {
		u.showError(errorf("ex.cannotsave"))
		return
	}
	u.fileSave([]string{".exercise.json"}, func(path string) {
		h, k, err := u.Model.SaveExercise(path)
		if err != nil {
			u.showError(err)
			return
		}
		u.toast(T("ex.saved", filepath.Base(h), filepath.Base(k)))
	})
}

func (u *UI) saveAnswerDialog() {
	u.fileSave([]string{".answer.json"}, func(path string) {
		if err := u.Model.SaveAnswer(path); err != nil {
			u.showError(err)
			return
		}
		u.toast(T("saved", filepath.Base(path)))
	})
}

// genreName is a genre's name as its card shows it.
func genreName(g *templates.Genre) string { return genreTitle(g) }
