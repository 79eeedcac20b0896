package app

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gongwen/check"
	"gongwen/document"
	"gongwen/templates"
)

// formGroups are the three parts of a 公文 (GB/T 9704-2012 7.1), the form's tabs.
var formGroups = []string{"版头", "主体", "版记"}

// choice lists the UI shows for some paths whatever the template says.
var fixedChoices = map[string][]string{
	document.PathClassification: {"", "秘密", "机密", "绝密"},
	document.PathUrgency:        {"", "特急", "加急"},
	pathSignOff:                 {"seal", "noseal", "signature", "none"},
}

// fieldsFor returns the form fields of a genre: the template's, as it declares them (labels
// and help in Chinese and English). Without a genre the form offers every element of the
// document (genericFields).
func fieldsFor(g *templates.Genre) []templates.Field {
	if g == nil {
		return genericFields()
	}
	return append([]templates.Field(nil), g.Fields...)
}

// genericFields are the form's fields without a genre template: one for each element of the
// document's element table (the genre aside, which the genre list chooses), with its labels,
// its part of the 公文 as the tab and its clause of GB/T 9704-2012 as the help.
func genericFields() []templates.Field {
	var out []templates.Field
	for k := range document.Elements {
		e := &document.Elements[k]
		if e.Key == document.PathGenre {
			continue
		}
		f := templates.Field{Path: e.Key, Label: e.Label, LabelEN: e.LabelEN, Group: e.Part, Kind: templates.KindLine}
		if e.Clause != "" {
			f.Help = "GB/T 9704-2012 " + e.Clause
			f.HelpEN = f.Help
		}
		switch e.Shape {
		case document.ShapeDate:
			f.Kind = templates.KindDate
		case document.ShapeEnum:
			f.Kind, f.Choices = templates.KindChoice, e.Values
		case document.ShapeBool:
			f.Kind, f.Choices = templates.KindChoice, []string{"true", "false"}
		case document.ShapeList:
			f.Kind = templates.KindList
			if e.Key == document.PathBody {
				f.Kind = templates.KindParagraph
			}
		case document.ShapeItems:
			f.Kind = templates.KindItems
			if e.Key == document.PathIssuers {
				f.Kind = templates.KindList // one organ a line
			}
		}
		out = append(out, f)
	}
	return out
}

// signOffLabel names a sign-off mode.
func signOffLabel(id string) string {
	switch id {
	case "seal":
		return T("signoff.seal")
	case "noseal":
		return T("signoff.noseal")
	case "signature":
		return T("signoff.signature")
	case "none":
		return T("signoff.none")
	case "":
		return T("choice.none")
	}
	return id
}

// formField is one field's widgets.
type formField struct {
	spec   templates.Field
	tab    int
	block  fyne.CanvasObject // the label, help and input, as placed in its tab
	entry  *widget.Entry     // text fields
	sel    *widget.Select    // choices
	values []string          // choice values behind sel's labels
	// minRows and rows are a multi-line field's least and current visible rows (it grows
	// with its text, so that the whole text shows and the form scrolls, not the field)
	minRows, rows int
}

// editor is the editor view: form, findings, preview.
type editor struct {
	u       *UI
	tabs    *formTabs
	scrolls []*wheelScroll
	fields  map[string]*formField
	order   []string
	filling bool

	// the unit profile row
	profSel    *widget.Select
	profYear   *widget.Entry
	profSerial *widget.Entry
	profApply  *widget.Button
	profNote   *widget.Label // the number or 机关代字 the profile will fill

	findings  *widget.List
	findHead  *widget.Label
	fixAllBtn *widget.Button
	status    *widget.Label
	pv        *previewPane
	find      *findBar
	practice  *practicePanel // 练习模式 (nil outside it)
	count     *widget.Label  // the character count
	split     *container.Split
	helps     []fyne.CanvasObject // the fields' help texts (one switch shows or hides them)
	lastEdit  editTrace           // the edit whose preview is awaited (GONGWEN_TRACE)
	// seenFindings are the findings shown before the last check (to bring new ones into view)
	seenFindings map[string]bool
}

func (u *UI) showEditor() {
	defer traceStartup("editor shown")
	ed := &editor{u: u, fields: map[string]*formField{}}
	u.ed = ed
	ed.status = widget.NewLabel("")
	ed.status.Truncation = fyne.TextTruncateEllipsis
	ed.pv = newPreviewPane(u)

	form := ed.buildForm()
	traceStartup("form built")
	ed.find = newFindBar(ed)
	findings := ed.buildFindings()
	if u.Model.Practice != nil {
		findings = ed.buildPractice() // the findings stay hidden: they are the answers
	}
	left := container.NewVSplit(container.NewBorder(ed.find.root, nil, nil, nil, form), findings)
	left.Offset = 0.66
	split := container.NewHSplit(left, ed.pv.root)
	split.Offset = 0.47
	if ed.pv.explain.Checked {
		split.Offset = 0.36
	}
	ed.split = split

	bar := ed.toolbar()
	ed.count = widget.NewLabel("")
	ed.count.Importance = widget.LowImportance
	ed.updateCount()
	u.Win.SetContent(container.NewBorder(bar, container.NewPadded(container.NewBorder(nil, nil, nil, ed.count, ed.status)), nil, nil, split))
	ed.wrapFields()
	u.updateTitle()
	ed.refreshFindings()
	ed.requestPreview(0)
}

func (ed *editor) toolbar() fyne.CanvasObject {
	u := ed.u
	btn := func(label string, icon fyne.Resource, f func()) *widget.Button {
		b := widget.NewButtonWithIcon(T(label), icon, func() { u.safe(f) })
		b.Importance = widget.LowImportance
		return b
	}
	genre := T("genre.none")
	if u.Model.Genre != nil {
		genre = genreTitle(u.Model.Genre) + " · " + directionLabel(u.Model.Genre.Direction)
	}
	gl := widget.NewLabelWithStyle(genre, fyne.TextAlignTrailing, strongStyle)
	return container.NewVBox(container.NewBorder(nil, nil, container.NewHBox(
		btn("tb.home", theme.HomeIcon(), u.ShowStart),
		btn("menu.open", theme.FolderOpenIcon(), u.openDialog),
		btn("menu.save", theme.DocumentSaveIcon(), func() { u.Save(false) }),
		btn("menu.saveas", theme.DocumentSaveIcon(), func() { u.Save(true) }),
		widget.NewSeparator(),
		btn("tb.pdf", theme.DownloadIcon(), func() { u.Export(ExportPDF) }),
		btn("tb.docx", theme.DownloadIcon(), func() { u.Export(ExportDOCX) }),
		btn("tb.png", theme.DownloadIcon(), func() { u.Export(ExportPNG) }),
	), gl), widget.NewSeparator())
}

// buildForm makes the guided form: one tab per group, each field with its label, help text
// and example; the unit profile row on the first tab.
func (ed *editor) buildForm() fyne.CanvasObject {
	m := ed.u.Model
	boxes := make([]*fyne.Container, len(formGroups))
	for i := range boxes {
		boxes[i] = container.NewVBox()
	}
	boxes[0].Add(ed.profileRow())
	for _, f := range fieldsFor(m.Genre) {
		tab := 1
		for i, g := range formGroups {
			if f.Group == g {
				tab = i
			}
		}
		ff := ed.makeField(f, tab)
		if ff == nil {
			continue
		}
		ff.block = ed.fieldBlock(ff)
		boxes[tab].Add(ff.block)
	}
	var names []string
	var pages []fyne.CanvasObject
	for i, g := range formGroups {
		sc := newWheelScroll(container.NewPadded(boxes[i]), container.ScrollVerticalOnly, nil)
		ed.scrolls = append(ed.scrolls, sc)
		names, pages = append(names, T("group."+g)), append(pages, sc)
	}
	ed.tabs = newFormTabs(names, pages)
	ed.tabs.SelectIndex(1)
	help := widget.NewCheck(T("form.help"), func(on bool) {
		ed.u.App.Preferences().SetBool(prefFormHelp, on)
		for _, h := range ed.helps {
			if on {
				h.Show()
			} else {
				h.Hide()
			}
		}
	})
	help.Checked = ed.u.App.Preferences().BoolWithFallback(prefFormHelp, true)
	return container.NewStack(ed.tabs.root, container.NewVBox(container.NewHBox(layout.NewSpacer(), help)))
}

// wrapFields turns on the line breaking of the multi-line fields once the form has its width.
// They are made without it: Fyne breaks an entry's lines when its text is set, and a field
// not yet in the window is a few pixels wide, so every character became a line, found by a
// binary search that measured thousands of substrings (0.6–1 s of the start with the 6-page
// example, and 4 MB of Fyne's text-size cache), to be broken again at the real width.
func (ed *editor) wrapFields() {
	for _, p := range ed.order {
		if e := ed.fields[p].entry; e != nil && e.MultiLine && e.Wrapping == fyne.TextWrapOff {
			e.Wrapping = fyne.TextWrapBreak
			e.Refresh()
		}
	}
}

// prefFormHelp is the preference of the form's help texts (shown or hidden).
const prefFormHelp = "form.help"

func (ed *editor) fieldBlock(ff *formField) fyne.CanvasObject {
	label := specLabel(ff.spec)
	if ed.u.Model.Genre != nil && ed.u.Model.Genre.Requires(ff.spec.Path) {
		label += " *"
	}
	title := widget.NewLabelWithStyle(label, fyne.TextAlignLeading, strongStyle)
	var input fyne.CanvasObject
	if ff.entry != nil {
		input = ff.entry
		if ff.entry.MultiLine {
			// the wheel over a field moves the form (the field grows with its text instead)
			tab := ff.tab
			input = container.NewStack(ff.entry, newWheelPass(func() *wheelScroll {
				if tab < len(ed.scrolls) {
					return ed.scrolls[tab]
				}
				return nil
			}))
		}
	} else {
		input = ff.sel
	}
	items := []fyne.CanvasObject{title}
	if help := specHelp(ff.spec); help != "" {
		h := newHelp(help)
		if !ed.u.App.Preferences().BoolWithFallback(prefFormHelp, true) {
			h.Hide()
		}
		ed.helps = append(ed.helps, h)
		items = append(items, h)
	}
	if ff.spec.Kind == templates.KindDate && ff.entry != nil {
		input = ed.dateInput(ff.entry)
	}
	if ff.spec.Path == pathSeal && ff.entry != nil {
		pick := widget.NewButtonWithIcon(T("seal.choose"), theme.FolderOpenIcon(), ed.u.wrap(func() { ed.chooseImage(ff.entry) }))
		input = container.NewBorder(nil, nil, nil, pick, ff.entry)
	}
	if ff.spec.Path == document.PathNumber && ff.entry != nil {
		input = ed.numberInput(ff.entry) // 取号 (register_ui.go)
	}
	items = append(items, input)
	return container.NewVBox(items...)
}

// chooseImage lets the user pick an image file for a path field.
func (ed *editor) chooseImage(e *widget.Entry) {
	ed.u.chooseFile(fileRequest{Kind: chooseOpen, Title: T("seal.choose"), Exts: []string{".png", ".jpg", ".jpeg"}},
		func(path string) { e.SetText(path) }) // OnChanged stores it
}

// makeField builds the input of one field and binds it to the model.
func (ed *editor) makeField(f templates.Field, tab int) *formField {
	m := ed.u.Model
	ff := &formField{spec: f, tab: tab}
	choices := f.Choices
	if fc, ok := fixedChoices[f.Path]; ok {
		choices = fc
	}
	if f.Kind == templates.KindChoice || fixedChoices[f.Path] != nil {
		vals := append([]string(nil), choices...)
		if f.Path != pathSignOff && (len(vals) == 0 || vals[0] != "") {
			vals = append([]string{""}, vals...)
		}
		labels := make([]string, len(vals))
		for i, v := range vals {
			labels[i] = v
			if f.Path == pathSignOff || v == "" {
				labels[i] = signOffLabel(v)
			}
		}
		ff.values = vals
		ff.sel = widget.NewSelect(labels, func(label string) {
			if ed.filling {
				return
			}
			for i, l := range labels {
				if l == label {
					ed.changed(f.Path, vals[i])
				}
			}
		})
		ff.sel.PlaceHolder = T("choice.none")
	} else {
		var e *widget.Entry
		switch f.Kind {
		case templates.KindParagraph, templates.KindList, templates.KindItems:
			e = widget.NewMultiLineEntry()
			e.Wrapping = fyne.TextWrapOff // TextWrapBreak once laid out (wrapFields)
			rows := 3
			switch {
			case f.Path == pathBody:
				rows = 12
			case f.Kind == templates.KindItems:
				rows = 6
			case f.Kind == templates.KindList:
				rows = 2
			}
			e.SetMinRowsVisible(rows)
			ff.minRows = rows
		default:
			if f.Path == document.PathTitle {
				// a long title may need a forced break ("\n" in the draft): Enter makes one
				e = widget.NewMultiLineEntry()
				e.Wrapping = fyne.TextWrapOff // TextWrapBreak once laid out (wrapFields)
				e.SetMinRowsVisible(2)
				break
			}
			e = widget.NewEntry()
		}
		ph := f.Example
		if f.Kind == templates.KindItems && f.Path == pathRectification {
			ph = T("items.rectification")
		} else if f.Kind == templates.KindItems {
			ph = T("items.attachments")
		}
		if ph != "" {
			e.SetPlaceHolder(T("example") + ph)
		}
		path := f.Path
		e.OnChanged = func(s string) {
			if !ed.filling {
				ed.u.safe(func() { ed.changed(path, s) })
			}
		}
		ff.entry = e
	}
	ed.fields[f.Path] = ff
	ed.order = append(ed.order, f.Path)
	ed.fill(ff, m.Doc)
	return ff
}

// fill shows the document's value in a field without reporting a change.
func (ed *editor) fill(ff *formField, doc *document.Document) {
	ed.filling = true
	defer func() { ed.filling = false }()
	v := FieldText(doc, ff.spec.Path)
	if ff.entry != nil {
		if ff.entry.Text != v {
			ff.entry.SetText(v)
		}
		ff.grow()
		return
	}
	for i, val := range ff.values {
		if val == v {
			ff.sel.SetSelectedIndex(i)
			return
		}
	}
	if v == "" {
		ff.sel.ClearSelected()
		return
	}
	// a value the list does not offer (typed in the draft): show it as it is
	ff.values = append(ff.values, v)
	ff.sel.Options = append(ff.sel.Options, v)
	ff.sel.SetSelectedIndex(len(ff.values) - 1)
}

// fillAll refreshes every field from the document (after a fix or a profile).
func (ed *editor) fillAll() {
	for _, p := range ed.order {
		ed.fill(ed.fields[p], ed.u.Model.Doc)
	}
}

// changed is called for every edit of a field.
func (ed *editor) changed(path, value string) {
	if ff := ed.fields[path]; ff != nil {
		ff.grow()
	}
	if ed.u.Model.Set(path, value) {
		ed.afterEdit()
	}
}

func (ed *editor) afterEdit() {
	ed.traceEdit(ed.u.Model.Rev())
	ed.u.updateTitle()
	ed.updateCount()
	ed.requestPreview(ed.u.opts.Debounce)
	ed.u.scheduleAutosave()
}

// profileRow lets the user pick a unit profile and fill the organ fields, the 发文字号 from
// its 机关代字, the year and a serial.
func (ed *editor) profileRow() fyne.CanvasObject {
	u := ed.u
	m := u.Model
	names := make([]string, len(m.Profiles))
	for i, p := range m.Profiles {
		names[i] = p.FullName
	}
	sel := widget.NewSelect(names, nil)
	sel.PlaceHolder = T("profile.choose")
	year := widget.NewEntry()
	year.SetText(strconv.Itoa(time.Now().Year()))
	serial := widget.NewEntry()
	serial.SetPlaceHolder(T("profile.serial.ph"))
	preview := widget.NewLabel("")
	preview.Importance = widget.LowImportance
	current := func() (templates.Profile, int, int, bool) {
		i := sel.SelectedIndex()
		if i < 0 || i >= len(m.Profiles) {
			return templates.Profile{}, 0, 0, false
		}
		y, _ := strconv.Atoi(strings.TrimSpace(year.Text))
		s, _ := strconv.Atoi(strings.TrimSpace(serial.Text))
		return m.Profiles[i], y, s, true
	}
	ed.profNote = preview
	update := func(string) {
		p, y, s, ok := current()
		if !ok {
			ed.profNote.SetText("")
			return
		}
		if p.Code != "" && y > 0 && s > 0 {
			ed.profNote.SetText(T("profile.number", p.Number(y, s)))
		} else {
			ed.profNote.SetText(T("profile.code", p.Code))
		}
	}
	sel.OnChanged = wrapArg(u, update)
	year.OnChanged = wrapArg(u, update)
	serial.OnChanged = wrapArg(u, update)
	apply := widget.NewButtonWithIcon(T("profile.apply"), theme.ConfirmIcon(), u.wrap(func() {
		p, y, s, ok := current()
		if !ok {
			u.showError(errorf("profile.none"))
			return
		}
		m.ApplyProfile(p, y, s)
		ed.fillAll()
		ed.afterEdit()
		u.toast(T("profile.applied", p.FullName))
	}))
	head := widget.NewLabelWithStyle(T("profile.title"), fyne.TextAlignLeading, strongStyle)
	help := newHelp(T("profile.help"))
	nums := container.NewGridWithColumns(2,
		container.NewBorder(nil, nil, widget.NewLabel(T("profile.year")), nil, year),
		container.NewBorder(nil, nil, widget.NewLabel(T("profile.serial")), nil, serial))
	ed.profSel, ed.profYear, ed.profSerial, ed.profApply = sel, year, serial, apply
	card := container.NewVBox(head, help, sel, nums, container.NewBorder(nil, nil, nil, apply, preview), widget.NewSeparator())
	if len(m.Profiles) == 0 {
		return widget.NewLabel(T("profile.empty"))
	}
	return card
}

// ---- findings ----

func severityLabel(s string) string {
	switch s {
	case check.SeverityError:
		return T("sev.error")
	case check.SeverityWarning:
		return T("sev.warning")
	}
	return T("sev.info")
}

func severityImportance(s string) widget.Importance {
	switch s {
	case check.SeverityError:
		return widget.DangerImportance
	case check.SeverityWarning:
		return widget.WarningImportance
	}
	return widget.MediumImportance
}

func (ed *editor) buildFindings() fyne.CanvasObject {
	u := ed.u
	ed.findHead = widget.NewLabelWithStyle("", fyne.TextAlignLeading, strongStyle)
	ed.fixAllBtn = widget.NewButtonWithIcon(T("find.fixall"), theme.ViewRefreshIcon(), func() { u.safe(ed.fixAll) })
	ed.findings = widget.NewList(
		func() int { return len(u.Model.Findings) },
		func() fyne.CanvasObject {
			sev := widget.NewLabel("错误")
			sev.TextStyle = strongStyle
			text := widget.NewRichText()
			text.Wrapping = wrapMode()
			fix := widget.NewButton(T("find.fix"), nil)
			return container.NewBorder(nil, nil, container.NewVBox(sev), container.NewVBox(fix), text)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			fs := u.Model.Findings
			if id >= len(fs) {
				return
			}
			f := fs[id]
			c := o.(*fyne.Container)
			text := c.Objects[0].(*widget.RichText)
			sev := c.Objects[1].(*fyne.Container).Objects[0].(*widget.Label)
			fix := c.Objects[2].(*fyne.Container).Objects[0].(*widget.Button)
			sev.SetText(severityLabel(f.Severity))
			sev.Importance = severityImportance(f.Severity)
			sev.Refresh()
			where := f.Clause
			if label := ed.fieldLabel(f); label != "" {
				where = label + " · " + where
			}
			if f.Text != "" {
				where += " · “" + shorten(f.Text, 16) + "”"
				if f.HasFix || f.Fix != "" {
					where += " → “" + shorten(f.Fix, 16) + "”"
				}
			}
			text.Segments = []widget.RichTextSegment{
				&widget.TextSegment{Text: findingMessage(f), Style: widget.RichTextStyleParagraph},
				&widget.TextSegment{Text: where, Style: widget.RichTextStyle{ColorName: theme.ColorNamePlaceHolder, SizeName: theme.SizeNameCaptionText}},
			}
			text.Refresh()
			if f.HasFix || f.Fix != "" {
				fix.Show()
				fix.OnTapped = func() { u.safe(func() { ed.applyFix(f) }) }
			} else {
				fix.Hide()
			}
			ed.findings.SetItemHeight(id, ed.findingHeight(findingMessage(f)))
		},
	)
	ed.findings.OnSelected = func(id widget.ListItemID) {
		u.safe(func() {
			ed.findings.UnselectAll()
			if id < len(u.Model.Findings) {
				ed.Focus(u.Model.Findings[id])
			}
		})
	}
	head := container.NewBorder(nil, nil, nil, ed.fixAllBtn, ed.findHead)
	return container.NewBorder(container.NewVBox(widget.NewSeparator(), head), nil, nil, nil, ed.findings)
}

// findingHeight estimates the height of a finding's row: its message wraps in the list's width.
func (ed *editor) findingHeight(msg string) float32 {
	th := ed.u.App.Settings().Theme()
	text := th.Size(theme.SizeNameText)
	pad := th.Size(theme.SizeNameInnerPadding)
	w := ed.findings.Size().Width - 170
	if w < 200 {
		w = 200
	}
	width := float32(0)
	for _, r := range msg {
		if r < 0x2e80 {
			width += text * 0.55
		} else {
			width += text
		}
	}
	lines := int(width/w) + 1
	if lines > 6 {
		lines = 6
	}
	lineH := text * 1.35
	return float32(lines)*lineH + th.Size(theme.SizeNameCaptionText)*1.4 + 4*pad
}

func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// fieldsOf returns the form field a document path belongs to ("body.3" → the 正文 field).
func (ed *editor) fieldsOf(path string) (*formField, bool) {
	if ed == nil {
		return nil, false
	}
	ff, ok := ed.fields[topPath(path)]
	return ff, ok
}

// fieldLabel is the form label of the field a finding's path belongs to.
func (ed *editor) fieldLabel(f check.Finding) string {
	if ff, ok := ed.findingField(f); ok {
		return specLabel(ff.spec)
	}
	return ""
}

// refreshFindings shows the model's findings.
func (ed *editor) refreshFindings() {
	m := ed.u.Model
	n, fixable := len(m.Findings), m.Fixable()
	switch {
	case m.AnalysedRev == 0:
		ed.findHead.SetText(T("find.checking"))
	case n == 0:
		ed.findHead.SetText(T("find.none"))
	default:
		errs := 0
		for _, f := range m.Findings {
			if f.Severity == check.SeverityError {
				errs++
			}
		}
		ed.findHead.SetText(T("find.head", n, errs, fixable))
	}
	if fixable > 0 {
		ed.fixAllBtn.Enable()
	} else {
		ed.fixAllBtn.Disable()
	}
	ed.findings.Refresh()
	ed.showNewFindings()
}

// ruleFields name the field of findings about a missing element (they have no path), by a
// word of the rule id.
var ruleFields = []struct{ word, path string }{
	{"signers", pathSigners}, {"date", document.PathDate}, {"recipients", document.PathRecipients},
	{"title", document.PathTitle}, {"issuer", pathIssuers}, {"contact", document.PathNote},
	{"note", document.PathNote}, {"number", document.PathNumber}, {"copy-number", document.PathCopyNumber},
	{"classification", document.PathClassification}, {"urgency", document.PathUrgency}, {"cc", document.PathCC},
	{"print", document.PathPrinter}, {"attachment", pathAttachNotes}, {"closing", pathBody},
	{"request", pathBody}, {"matter", pathBody}, {"seal", pathSignOff}, {"signoff", pathSignOff},
}

// findingField returns the form field a finding belongs to: the one of its path, else the
// one its rule id names.
func (ed *editor) findingField(f check.Finding) (*formField, bool) {
	if ff, ok := ed.fields[f.Path]; ok && f.Path != "" {
		return ff, true // a field of one text of a record (issuers.0.seal)
	}
	if f.Path != "" {
		ff, ok := ed.fields[topPath(f.Path)]
		return ff, ok
	}
	for _, rf := range ruleFields {
		if strings.Contains("-"+f.Rule+"-", "-"+rf.word+"-") {
			if ff, ok := ed.fields[rf.path]; ok {
				return ff, true
			}
		}
	}
	return nil, false
}

// Focus puts the cursor in the field of a finding, at its place where it can.
func (ed *editor) Focus(f check.Finding) {
	ff, ok := ed.findingField(f)
	if !ok {
		ed.u.toast(T("find.nofield", findingMessage(f)))
		return
	}
	row, col := 0, f.Offset
	if i := pathIndex(f.Path); i >= 0 && ff.entry != nil && listField(ed.u.Model.Doc, topPath(f.Path)) != nil {
		row = lineOfItem(ff.entry.Text, i)
	}
	ed.focusField(ff, row, col)
	ed.u.toast(findingMessage(f))
}

// focusField shows a field's tab, scrolls to it and puts the cursor at row, col.
func (ed *editor) focusField(ff *formField, row, col int) {
	ed.tabs.SelectIndex(ff.tab)
	if sc := ed.scrolls[ff.tab]; ff.block != nil {
		sc.Offset = fyne.NewPos(0, ff.block.Position().Y)
		sc.Refresh() // clamps the offset to the content
	}
	if ff.entry != nil {
		ff.entry.CursorRow, ff.entry.CursorColumn = row, col
		ed.u.Win.Canvas().Focus(ff.entry)
		ff.entry.Refresh()
	} else {
		ed.u.Win.Canvas().Focus(ff.sel)
	}
}

// lineOfItem returns the line of the i-th non-blank line of text (list fields drop blanks).
func lineOfItem(text string, i int) int {
	n := 0
	for row, l := range strings.Split(text, "\n") {
		if strings.TrimSpace(l) == "" {
			continue
		}
		if n == i {
			return row
		}
		n++
	}
	return 0
}

func (ed *editor) applyFix(f check.Finding) {
	if err := ed.u.Model.ApplyFix(f); err != nil {
		ed.u.showError(err)
		return
	}
	ed.fillAll()
	ed.afterEdit()
	ed.u.toast(T("find.fixed", findingMessage(f)))
}

func (ed *editor) fixAll() {
	n := ed.u.Model.ApplyAllFixes()
	if n == 0 {
		return
	}
	ed.fillAll()
	ed.afterEdit()
	ed.u.toast(T("find.fixedn", n))
}

// requestPreview asks the worker for the analysis and the current page.
func (ed *editor) requestPreview(delay time.Duration) {
	m := ed.u.Model
	ed.u.prev.Request(PreviewRequest{Rev: m.Rev(), Doc: m.Snapshot(), Genre: m.Genre, Page: ed.pv.page, DPI: ed.pv.dpi(), Also: ed.pv.nearPages(), ThumbDPI: ed.pv.thumbDPI()}, delay)
}
