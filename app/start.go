package app

import (
	"image/color"
	"path/filepath"
	"strings"
	"unicode/utf8"

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

// newHelp is a small grey wrapped text for help lines.
func newHelp(s string) *widget.RichText {
	rt := widget.NewRichText(&widget.TextSegment{Text: s, Style: widget.RichTextStyle{
		ColorName: theme.ColorNamePlaceHolder, SizeName: theme.SizeNameCaptionText, Inline: true}})
	rt.Wrapping = wrapMode()
	return rt
}

// dialogText is a wrapped message at a readable width for dialogs.
func dialogText(s string) fyne.CanvasObject {
	w := canvas.NewRectangle(color.Transparent)
	w.SetMinSize(fyne.NewSize(420, 0))
	return container.NewStack(w, newWrapLabel(s))
}

func newWrapLabel(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = wrapMode()
	return l
}

// ShowStart shows the start page: new document by genre, open, import, recent documents.
// With unsaved changes it asks first.
func (u *UI) ShowStart() {
	if u.Model.HasDocument() && u.Model.Dirty && u.ed != nil {
		u.confirmDiscard(func() { u.Model.Discard(); u.showStart() }, u.showStart)
		return
	}
	u.showStart()
}

func (u *UI) showStart() {
	u.ed = nil
	u.updateTitle()
	title := canvas.NewText(T("app.name"), theme.Color(theme.ColorNamePrimary))
	title.TextSize = 28
	title.TextStyle = strongStyle
	sub := widget.NewLabel(T("start.subtitle"))

	var cards []fyne.CanvasObject
	for _, g := range u.Model.Templates.Genres() {
		cards = append(cards, u.genreCard(g))
	}
	grid := container.NewGridWrap(fyne.NewSize(296, 172), cards...)

	openBtn := widget.NewButtonWithIcon(T("start.open"), theme.FolderOpenIcon(), u.wrap(u.openDialog))
	importBtn := widget.NewButtonWithIcon(T("start.import"), theme.DocumentIcon(), u.wrap(u.importDialog))
	importHelp := newHelp(T("start.import.help"))

	recentBox := container.NewVBox()
	rec := u.recent()
	if len(rec) == 0 {
		recentBox.Add(newHelp(T("start.norecent")))
	}
	for _, p := range rec {
		path := p
		b := widget.NewButtonWithIcon(filepath.Base(path), theme.FileIcon(), u.wrap(func() { u.OpenPath(path) }))
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		recentBox.Add(container.NewVBox(b, newHelp(filepath.Dir(path))))
	}

	var problems []fyne.CanvasObject
	if n := len(u.loadErrs); n > 0 {
		msg := T("start.loaderrs", n)
		for i, e := range u.loadErrs {
			if i == 5 {
				msg += "\n…"
				break
			}
			msg += "\n" + e.Error()
		}
		warn := newWrapLabel(msg)
		warn.Importance = widget.WarningImportance
		problems = append(problems, widget.NewSeparator(), warn)
	}
	examples := container.NewGridWithColumns(2)
	for _, g := range u.Model.Templates.Genres() {
		if g.Example == "" {
			continue
		}
		id := g.ID
		b := widget.NewButtonWithIcon(genreTitle(g), theme.DocumentIcon(), func() { u.safe(func() { u.OpenExample(id) }) })
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		examples.Add(b)
	}
	side := container.NewVBox(
		widget.NewLabelWithStyle(T("start.files"), fyne.TextAlignLeading, strongStyle),
		openBtn, importBtn, importHelp,
		widget.NewSeparator(),
		widget.NewLabelWithStyle(T("start.recent"), fyne.TextAlignLeading, strongStyle),
		recentBox,
		widget.NewSeparator(),
		widget.NewLabelWithStyle(T("start.examples"), fyne.TextAlignLeading, strongStyle),
		newHelp(T("start.examples.help")),
		examples,
	)
	side.Objects = append(side.Objects, problems...)
	header := container.NewVBox(container.NewPadded(container.NewVBox(title, sub)), widget.NewSeparator())
	newHead := widget.NewLabelWithStyle(T("start.new"), fyne.TextAlignLeading, strongStyle)
	main := container.NewBorder(newHead, nil, nil, nil, container.NewVScroll(grid))
	sideScroll := container.NewVScroll(container.NewPadded(side))
	split := container.NewHSplit(container.NewPadded(main), sideScroll)
	split.Offset = 0.74
	u.Win.SetContent(container.NewBorder(header, nil, nil, nil, split))
}

// cardName is the 文种 shown on a card; variants of one 文种 (批转性通知, 印发性通知, …) are
// named by the parenthesis their use ends with.
func cardName(g *templates.Genre) string {
	use := strings.TrimSpace(g.Use)
	if strings.HasSuffix(use, "）") {
		if i := strings.LastIndex(use, "（"); i >= 0 {
			inner := strings.TrimSuffix(use[i+len("（"):], "）")
			if inner != g.Name && strings.HasSuffix(inner, g.Name) && utf8.RuneCountInString(inner) <= 8 {
				return inner
			}
		}
	}
	return g.Name
}

// genreCard is one genre on the start page: the 文种, its direction and its use.
func (u *UI) genreCard(g *templates.Genre) fyne.CanvasObject {
	id := g.ID
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameBackground))
	bg.StrokeColor = theme.Color(theme.ColorNameSeparator)
	bg.StrokeWidth = 1
	bg.CornerRadius = 8
	name := canvas.NewText(genreTitle(g), theme.Color(theme.ColorNameForeground))
	name.TextSize = 20
	name.TextStyle = strongStyle
	dir := canvas.NewText(directionLabel(g.Direction), theme.Color(theme.ColorNamePrimary))
	dir.TextSize = 13
	use := newWrapLabel(genreUse(g))
	use.SizeName = theme.SizeNameCaptionText
	btn := widget.NewButtonWithIcon(T("start.create"), theme.ContentAddIcon(), func() { u.safe(func() { u.NewDocument(id) }) })
	btn.Importance = widget.HighImportance
	head := container.NewBorder(nil, nil, container.NewPadded(name), container.NewPadded(dir))
	return container.NewStack(bg, container.NewPadded(container.NewBorder(head, btn, nil, nil, use)))
}

// OpenExample opens a genre template's example as a new, unsaved document.
func (u *UI) OpenExample(genreID string) {
	if err := u.Model.NewFromExample(genreID); err != nil {
		u.showError(err)
		return
	}
	u.showEditor()
}
