package app

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// wheelStep multiplies the mouse wheel's step in the form and the preview: Fyne moves 25
// units a notch on Linux and Windows, a third of a line of the form; three lines a notch is
// what other programs do.
const wheelStep = 3

// wheelScroll is a vertical scroll with a normal wheel step; with Ctrl (Cmd) held, the
// wheel calls onZoom instead (the preview's Ctrl+wheel zoom), when set.
type wheelScroll struct {
	container.Scroll
	onZoom func(in bool)
}

func newWheelScroll(content fyne.CanvasObject, dir container.ScrollDirection, onZoom func(in bool)) *wheelScroll {
	s := &wheelScroll{onZoom: onZoom}
	s.Direction = dir
	s.Content = content
	s.ExtendBaseWidget(s)
	return s
}

// Scrolled scrolls three times Fyne's step, or zooms with Ctrl held.
func (s *wheelScroll) Scrolled(ev *fyne.ScrollEvent) {
	if s.onZoom != nil && ctrlHeld() && ev.Scrolled.DY != 0 {
		s.onZoom(ev.Scrolled.DY > 0)
		return
	}
	e := *ev
	e.Scrolled.DX *= wheelStep
	e.Scrolled.DY *= wheelStep
	s.Scroll.Scrolled(&e)
}

// ctrlHeld reports whether Ctrl (Cmd on macOS) is held, whatever widget has the focus.
func ctrlHeld() bool {
	d, ok := fyne.CurrentApp().Driver().(desktop.Driver)
	return ok && d.CurrentKeyModifiers()&fyne.KeyModifierShortcutDefault != 0
}

// wheelPass lies over a multi-line field and gives the wheel to the form's scroll: Fyne
// gives it to the field's own scroll, which keeps it even when it has nothing to scroll.
// Taps, drags and the cursor go through to the field (wheelPass handles none of them).
type wheelPass struct {
	widget.BaseWidget
	target func() *wheelScroll
}

func newWheelPass(target func() *wheelScroll) *wheelPass {
	w := &wheelPass{target: target}
	w.ExtendBaseWidget(w)
	return w
}

func (w *wheelPass) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}

// Scrolled moves the form.
func (w *wheelPass) Scrolled(ev *fyne.ScrollEvent) {
	if t := w.target(); t != nil {
		t.Scrolled(ev)
	}
}

// grow sets a multi-line field's visible rows to its text's wrapped lines (at least its
// least rows, at most 60), estimated from the field's width.
func (ff *formField) grow() {
	e := ff.entry
	if e == nil || !e.MultiLine || ff.minRows == 0 {
		return
	}
	width := e.Size().Width - 2*theme.InnerPadding()
	if width < 200 {
		width = 480
	}
	size := theme.TextSize()
	rows := 0
	for _, line := range strings.Split(e.Text, "\n") {
		w := float32(0)
		for _, r := range line {
			if r < 0x2e80 {
				w += size * 0.55
			} else {
				w += size
			}
		}
		rows += int(w/width) + 1
	}
	rows++ // room for the next line
	rows = max(ff.minRows, min(rows, 60))
	if rows != ff.rows {
		ff.rows = rows
		e.SetMinRowsVisible(rows)
	}
}
