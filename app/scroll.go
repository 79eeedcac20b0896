package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
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
