package app

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gongwen/document"
	"gongwen/templates"
)

// directionLabel names a direction of sending in the UI language.
func directionLabel(d document.Direction) string {
	switch d {
	case document.DirectionUp:
		return T("dir.up")
	case document.DirectionDown:
		return T("dir.down")
	case document.DirectionParallel:
		return T("dir.parallel")
	}
	return T("dir.any")
}

func newWrapLabel(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// ShowStart shows the start page: new document by genre, open, import, recent documents.
// With unsaved changes it asks first.
func (u *UI) ShowStart() {
	if u.Model.HasDocument() && u.Model.Dirty && u.ed != nil {
		u.confirmDiscard(func() { u.Model.ClearRecovery(); u.showStart() }, u.showStart)
		return
	}
	u.showStart()
}

func (u *UI) showStart() {
	u.ed = nil
	u.updateTitle()
	title := canvas.NewText(T("app.name"), theme.Color(theme.ColorNamePrimary))
	title.TextSize = 28
	title.TextStyle = fyne.TextStyle{Bold: true}
	sub := widget.NewLabel(T("start.subtitle"))

	var cards []fyne.CanvasObject
	for _, g := range u.Model.Templates.Genres() {
		cards = append(cards, u.genreCard(g))
	}
	grid := container.NewGridWrap(fyne.NewSize(250, 178), cards...)

	openBtn := widget.NewButtonWithIcon(T("start.open"), theme.FolderOpenIcon(), u.openDialog)
	importBtn := widget.NewButtonWithIcon(T("start.import"), theme.DocumentIcon(), u.importDialog)
	importHelp := newWrapLabel(T("start.import.help"))
	importHelp.Importance = widget.LowImportance

	recentBox := container.NewVBox()
	rec := u.recent()
	if len(rec) == 0 {
		l := widget.NewLabel(T("start.norecent"))
		l.Importance = widget.LowImportance
		recentBox.Add(l)
	}
	for _, p := range rec {
		path := p
		b := widget.NewButtonWithIcon(filepath.Base(path), theme.FileIcon(), func() { u.OpenPath(path) })
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		dir := widget.NewLabel(filepath.Dir(path))
		dir.Importance = widget.LowImportance
		dir.Truncation = fyne.TextTruncateEllipsis
		recentBox.Add(container.NewVBox(b, dir))
	}

	side := container.NewVBox(
		widget.NewLabelWithStyle(T("start.files"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		openBtn, importBtn, importHelp,
		widget.NewSeparator(),
		widget.NewLabelWithStyle(T("start.recent"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		recentBox,
	)
	header := container.NewVBox(container.NewPadded(container.NewVBox(title, sub)), widget.NewSeparator())
	newHead := widget.NewLabelWithStyle(T("start.new"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	main := container.NewBorder(newHead, nil, nil, nil, container.NewVScroll(grid))
	sideScroll := container.NewVScroll(container.NewPadded(side))
	split := container.NewHSplit(container.NewPadded(main), sideScroll)
	split.Offset = 0.72
	u.Win.SetContent(container.NewBorder(header, nil, nil, nil, split))
}

// genreCard is one genre on the start page: the 文种, its direction and its use.
func (u *UI) genreCard(g *templates.Genre) fyne.CanvasObject {
	id := g.ID
	use := newWrapLabel(g.Use)
	btn := widget.NewButtonWithIcon(T("start.create"), theme.ContentAddIcon(), func() { u.safe(func() { u.NewDocument(id) }) })
	btn.Importance = widget.HighImportance
	card := widget.NewCard(g.Name, directionLabel(g.Direction), container.NewBorder(nil, btn, nil, nil, use))
	return card
}
