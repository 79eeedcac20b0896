package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// formTabs is the form's tabs (版头, 主体, 版记): a row of tab buttons, the selected one
// underlined in the primary colour, over the selected page. Fyne's AppTabs draws the tab
// names bold, and the first bold text makes Fyne parse the UI font a second time (see
// strongStyle): ~11 MB of memory for glyphs that look the same.
type formTabs struct {
	root     *fyne.Container
	buttons  []*widget.Button
	marks    []*canvas.Rectangle
	pages    []fyne.CanvasObject
	selected int
}

func newFormTabs(names []string, pages []fyne.CanvasObject) *formTabs {
	t := &formTabs{pages: pages, selected: -1}
	bar := container.NewHBox()
	for i, name := range names {
		b := widget.NewButton(name, func() { t.SelectIndex(i) })
		b.Importance = widget.LowImportance
		mark := canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
		mark.SetMinSize(fyne.NewSize(0, 2))
		mark.Hide()
		t.buttons = append(t.buttons, b)
		t.marks = append(t.marks, mark)
		bar.Add(container.NewBorder(nil, mark, nil, nil, b))
	}
	for _, p := range pages {
		p.Hide()
	}
	t.root = container.NewBorder(container.NewVBox(bar, widget.NewSeparator()), nil, nil, nil, container.NewStack(pages...))
	if len(pages) > 0 {
		t.SelectIndex(0)
	}
	return t
}

// SelectIndex shows page i.
func (t *formTabs) SelectIndex(i int) {
	if i < 0 || i >= len(t.pages) || i == t.selected {
		return
	}
	if t.selected >= 0 {
		t.pages[t.selected].Hide()
		t.marks[t.selected].Hide()
	}
	t.selected = i
	t.pages[i].Show()
	t.marks[i].Show()
	t.root.Refresh()
}

// SelectedIndex is the page shown.
func (t *formTabs) SelectedIndex() int { return t.selected }
