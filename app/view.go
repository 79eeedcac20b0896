package app

import (
	"encoding/json"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// Zoom and 讲解模式 belong to a document: each draft reopens as it was left, and a new or
// imported document starts at 100 % without 讲解模式.

// prefViews holds the view of each draft, by path.
const prefViews = "view.docs"

// maxViews bounds the drafts whose view is remembered.
const maxViews = 50

// docView is how a document is looked at.
type docView struct {
	Zoom    float32 `json:"zoom"`
	Explain bool    `json:"explain,omitempty"`
}

func (u *UI) views() map[string]docView {
	m := map[string]docView{}
	_ = json.Unmarshal([]byte(u.App.Preferences().String(prefViews)), &m)
	return m
}

// docView is the view of the open document (its own, or the default).
func (u *UI) docView() docView {
	if v, ok := u.views()[u.Model.Path]; ok && u.Model.Path != "" && v.Zoom > 0 {
		return v
	}
	return docView{Zoom: 1}
}

// saveDocView remembers the view of the open draft (documents not saved yet have none).
func (u *UI) saveDocView(v docView) {
	if u.Model.Path == "" {
		return
	}
	m := u.views()
	m[u.Model.Path] = v
	if len(m) > maxViews {
		// forget the drafts no longer in the recent list
		keep := map[string]bool{u.Model.Path: true}
		for _, p := range u.recent() {
			keep[p] = true
		}
		for p := range m {
			if !keep[p] {
				delete(m, p)
			}
		}
	}
	b, _ := json.Marshal(m)
	u.App.Preferences().SetString(prefViews, string(b))
}

// viewMenu is the View menu: zoom and 讲解模式 with their shortcuts.
func (u *UI) viewMenu() *fyne.Menu {
	pv := func(f func(p *previewPane)) func() {
		return func() {
			if u.ed != nil {
				f(u.ed.pv)
			}
		}
	}
	mk := func(label string, sc fyne.Shortcut, act func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(T(label), func() { u.safe(act) })
		it.Shortcut = sc
		return it
	}
	ctrl := fyne.KeyModifierShortcutDefault
	return fyne.NewMenu(T("menu.view"),
		mk("menu.zoomin", &desktop.CustomShortcut{KeyName: fyne.KeyEqual, Modifier: ctrl}, pv((*previewPane).zoomIn)),
		mk("menu.zoomout", &desktop.CustomShortcut{KeyName: fyne.KeyMinus, Modifier: ctrl}, pv((*previewPane).zoomOut)),
		mk("menu.zoom100", &desktop.CustomShortcut{KeyName: fyne.Key0, Modifier: ctrl}, pv(func(p *previewPane) { p.setZoom(1) })),
		fyne.NewMenuItemSeparator(),
		// with Ctrl, so that they work while a field has the cursor (the menu's shortcuts come first)
		mk("menu.pageprev", &desktop.CustomShortcut{KeyName: fyne.KeyPageUp, Modifier: ctrl}, pv(func(p *previewPane) { p.gotoPage(p.page - 1) })),
		mk("menu.pagenext", &desktop.CustomShortcut{KeyName: fyne.KeyPageDown, Modifier: ctrl}, pv(func(p *previewPane) { p.gotoPage(p.page + 1) })),
		mk("menu.pagefirst", &desktop.CustomShortcut{KeyName: fyne.KeyHome, Modifier: ctrl}, pv(func(p *previewPane) { p.gotoPage(0) })),
		mk("menu.pagelast", &desktop.CustomShortcut{KeyName: fyne.KeyEnd, Modifier: ctrl}, pv(func(p *previewPane) { p.gotoPage(p.npages - 1) })),
		fyne.NewMenuItemSeparator(),
		mk("menu.explain", &desktop.CustomShortcut{KeyName: fyne.KeyL, Modifier: ctrl | fyne.KeyModifierShift}, pv(func(p *previewPane) { p.explain.SetChecked(!p.explain.Checked) })),
		mk("menu.exercise", &desktop.CustomShortcut{KeyName: fyne.KeyX, Modifier: ctrl | fyne.KeyModifierShift}, u.ExerciseDialog),
	)
}
