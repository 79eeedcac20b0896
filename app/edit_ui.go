package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The Edit menu's work in the editor: undo and redo of the whole document, Find and Replace
// over the form's fields, and fix-all.

// Undo takes back the last change of the document (typing, a fix, fix-all, a profile, a
// replace) and shows the fields as they were.
func (u *UI) Undo() {
	if u.ed == nil {
		return
	}
	label := u.Model.UndoLabel()
	if u.Model.Undo() {
		u.ed.fillAll()
		u.ed.afterEdit()
		u.toast(T("hist.undone", label))
	}
}

// Redo does again what Undo took back.
func (u *UI) Redo() {
	if u.ed == nil {
		return
	}
	label := u.Model.RedoLabel()
	if u.Model.Redo() {
		u.ed.fillAll()
		u.ed.afterEdit()
		u.toast(T("hist.redone", label))
	}
}

// FixAll applies every mechanical fix (Edit → 一键修正, Ctrl/Cmd+Shift+F) as one undo step.
func (u *UI) FixAll() {
	if u.ed != nil && u.Model.Practice == nil { // in 练习模式 the fixes would give the answers away
		u.ed.fixAll()
	}
}

// keyEntry is an Entry that gives Esc to its owner (Entry itself ignores it).
type keyEntry struct {
	widget.Entry
	onEsc func()
}

func newKeyEntry(onEsc func()) *keyEntry {
	e := &keyEntry{onEsc: onEsc}
	e.ExtendBaseWidget(e)
	return e
}

func (e *keyEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && e.onEsc != nil {
		e.onEsc()
		return
	}
	e.Entry.TypedKey(ev)
}

// findBar is the Find and Replace row above the form.
type findBar struct {
	ed      *editor
	root    *fyne.Container
	find    *keyEntry
	repl    *keyEntry
	count   *widget.Label
	matches []Match
	cur     int // index of the match shown, -1 before the first
}

func newFindBar(ed *editor) *findBar {
	b := &findBar{ed: ed, cur: -1}
	b.find = newKeyEntry(b.Close)
	b.find.SetPlaceHolder(T("findbar.find"))
	b.find.OnChanged = func(string) { ed.u.safe(func() { b.search(); b.cur = -1 }) }
	b.find.OnSubmitted = func(string) { ed.u.safe(b.Next) }
	b.repl = newKeyEntry(b.Close)
	b.repl.SetPlaceHolder(T("findbar.replace"))
	b.repl.OnSubmitted = func(string) { ed.u.safe(b.ReplaceOne) }
	b.count = widget.NewLabel("")
	b.count.SizeName = theme.SizeNameCaptionText
	btn := func(label string, icon fyne.Resource, f func()) *widget.Button {
		x := widget.NewButtonWithIcon(label, icon, func() { ed.u.safe(f) })
		x.Importance = widget.LowImportance
		return x
	}
	closeBtn := btn("", theme.CancelIcon(), b.Close)
	row1 := container.NewBorder(nil, nil, nil, container.NewHBox(b.count,
		btn("", theme.MoveUpIcon(), b.Prev), btn("", theme.MoveDownIcon(), b.Next), closeBtn), b.find)
	row2 := container.NewBorder(nil, nil, nil, container.NewHBox(
		btn(T("findbar.replaceone"), nil, b.ReplaceOne), btn(T("findbar.replaceall"), nil, b.ReplaceAll)), b.repl)
	b.root = container.NewVBox(row1, row2, widget.NewSeparator())
	b.root.Hide()
	return b
}

// paths are the text fields searched, in the form's order.
func (b *findBar) paths() []string {
	var out []string
	for _, p := range b.ed.order {
		if b.ed.fields[p].entry != nil {
			out = append(out, p)
		}
	}
	return out
}

// Open shows the bar with the cursor in the search text.
func (b *findBar) Open() {
	b.root.Show()
	b.search()
	b.ed.u.Win.Canvas().Focus(b.find)
}

// Close hides the bar.
func (b *findBar) Close() {
	b.root.Hide()
	b.ed.u.Win.Canvas().Unfocus()
}

func (b *findBar) search() {
	b.matches = b.ed.u.Model.Find(b.find.Text, b.paths())
	switch {
	case b.find.Text == "":
		b.count.SetText("")
	case len(b.matches) == 0:
		b.count.SetText(T("findbar.none"))
	default:
		b.count.SetText(T("findbar.count", len(b.matches)))
	}
}

// Next shows the next match (after the last one, the first again).
func (b *findBar) Next() { b.step(1) }

// Prev shows the match before.
func (b *findBar) Prev() { b.step(-1) }

func (b *findBar) step(d int) {
	b.search()
	if len(b.matches) == 0 {
		return
	}
	n := len(b.matches)
	switch {
	case b.cur < 0 && d > 0:
		b.cur = 0
	case b.cur < 0:
		b.cur = n - 1
	default:
		b.cur = ((b.cur+d)%n + n) % n
	}
	b.show(b.matches[b.cur])
	b.count.SetText(T("findbar.pos", b.cur+1, len(b.matches)))
}

// show puts the cursor on a match and selects it.
func (b *findBar) show(mt Match) {
	ff := b.ed.fields[mt.Path]
	if ff == nil || ff.entry == nil {
		return
	}
	row, col := rowCol(ff.entry.Text, mt.Offset)
	b.ed.focusField(ff, row, col)
	selectRunes(ff.entry, mt.Len)
}

// selectRunes selects n characters to the right of an entry's cursor, as Shift+→ does.
func selectRunes(e *widget.Entry, n int) {
	e.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	for i := 0; i < n; i++ {
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	}
	e.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
}

// ReplaceOne replaces the match shown and goes to the next.
func (b *findBar) ReplaceOne() {
	if b.cur < 0 || b.cur >= len(b.matches) {
		b.Next()
		return
	}
	at := b.matches[b.cur]
	if b.ed.u.Model.Replace(at, b.find.Text, b.repl.Text) {
		b.ed.fillAll()
		b.ed.afterEdit()
	}
	b.cur--
	b.Next()
}

// ReplaceAll replaces every match, as one undo step.
func (b *findBar) ReplaceAll() {
	n := b.ed.u.Model.ReplaceAll(b.find.Text, b.repl.Text, b.paths())
	if n > 0 {
		b.ed.fillAll()
		b.ed.afterEdit()
	}
	b.cur = -1
	b.search()
	b.ed.u.toast(T("findbar.replaced", n))
}

// OpenFind is Ctrl/Cmd+F: the Find and Replace bar.
func (u *UI) OpenFind() {
	if u.ed != nil {
		u.ed.find.Open()
	}
}
