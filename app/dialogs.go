package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// Every dialog of the app closes with Esc, and every confirmation has a 取消 button that
// leaves things as they were. The dialogs shown are kept on a stack; the window's key
// handler gives Esc to the top one.

// escDialog is a shown dialog and what Esc does with it.
type escDialog struct {
	d     dialog.Dialog
	onEsc func()
}

// track makes Esc run onEsc (nil: just close) while d is shown, and shows it.
func (u *UI) track(d dialog.Dialog, onEsc func()) {
	e := &escDialog{d: d, onEsc: onEsc}
	u.dialogs = append(u.dialogs, e)
	d.SetOnClosed(func() {
		for i, x := range u.dialogs {
			if x == e {
				u.dialogs = append(u.dialogs[:i], u.dialogs[i+1:]...)
				break
			}
		}
	})
	d.Show()
}

// escape closes the top dialog as its cancel would; it reports whether there was one.
func (u *UI) escape() bool {
	n := len(u.dialogs)
	if n == 0 {
		return false
	}
	e := u.dialogs[n-1]
	if e.onEsc != nil {
		e.onEsc()
	}
	e.d.Hide()
	return true
}

// TopDialog is the dialog shown on top, or nil (tests).
func (u *UI) TopDialog() dialog.Dialog {
	if n := len(u.dialogs); n > 0 {
		return u.dialogs[n-1].d
	}
	return nil
}

// choice is one button of a question.
type choice struct {
	label string
	imp   widget.Importance
	act   func()
}

// ask shows a question with its answers and a 取消 button (also Esc), which runs cancel (if
// set) and changes nothing. The answers are laid out after 取消, the last one the default.
func (u *UI) ask(title string, body fyne.CanvasObject, cancel func(), answers ...choice) *dialog.CustomDialog {
	d := dialog.NewCustomWithoutButtons(title, body, u.Win)
	var buttons []fyne.CanvasObject
	cb := widget.NewButton(T("cancel"), func() {
		d.Hide()
		if cancel != nil {
			u.safe(cancel)
		}
	})
	buttons = append(buttons, cb)
	for _, a := range answers {
		act := a.act
		b := widget.NewButton(a.label, func() {
			d.Hide()
			if act != nil {
				u.safe(act)
			}
		})
		b.Importance = a.imp
		buttons = append(buttons, b)
	}
	d.SetButtons(buttons)
	u.track(d, u.wrap(cancel))
	return d
}

// inform shows a message with a close button; Esc closes it too.
func (u *UI) inform(title string, body fyne.CanvasObject) {
	d := dialog.NewCustom(title, T("close"), body, u.Win)
	u.track(d, nil)
}
