package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gongwen/document"
	"gongwen/internal/safeio"
	"gongwen/library"
	"gongwen/register"
	"gongwen/sheet"
)

// libraryView is the 文稿库 window: a filtered list of manuscripts and, for the selected one, its
// versions, status history, workflow buttons, diff and restore.
type libraryView struct {
	u   *UI
	w   fyne.Window
	lib *library.Library

	text, genre, from, to *widget.Entry
	status                *widget.Select
	list                  *widget.List
	docs                  []library.Doc
	sel                   int

	detail   *widget.Label
	versions *widget.List
	vers     []library.Version
	// versionSel is the version selected in the list (-1: none, meaning the newest)
	versionSel int
	history    *widget.Label
	move       *widget.Select
	diffA      *widget.Select
	diffB      *widget.Select
	diffOut    *widget.RichText
}

// ShowLibrary opens the 文稿库 window.
func (u *UI) ShowLibrary() *libraryView {
	db, err := u.regDB()
	if err != nil {
		u.showError(err)
		return nil
	}
	v := &libraryView{u: u, lib: library.New(db), sel: -1, versionSel: -1}
	v.w = u.App.NewWindow(T("reg.library.title"))
	v.build()
	v.w.Resize(fyne.NewSize(1100, 700))
	v.w.Show()
	v.refresh()
	return v
}

func statusOptions() []string {
	opts := []string{T("reg.all")}
	for _, s := range library.Workflow {
		opts = append(opts, s.Label())
	}
	return opts
}

func (v *libraryView) build() {
	v.text, v.genre, v.from, v.to = widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	v.text.SetPlaceHolder(T("reg.lib.text.ph"))
	v.genre.SetPlaceHolder(T("reg.lib.genre.ph"))
	v.from.SetPlaceHolder(T("reg.lib.from.ph"))
	v.to.SetPlaceHolder(T("reg.lib.to.ph"))
	v.status = widget.NewSelect(statusOptions(), nil)
	v.status.SetSelectedIndex(0)
	v.status.OnChanged = func(string) { v.u.safe(v.refresh) }
	v.text.OnSubmitted = func(string) { v.u.safe(v.refresh) }
	search := widget.NewButtonWithIcon(T("reg.search"), theme.SearchIcon(), func() { v.u.safe(v.refresh) })
	filters := container.NewGridWithColumns(6, v.text, v.status, v.genre, v.from, v.to, search)

	v.list = widget.NewList(func() int { return len(v.docs) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			d := v.docs[i]
			o.(*widget.Label).SetText(fmt.Sprintf("[%s] %s  %s  %s  v%d", d.Status.Label(), d.Title, d.Number, d.Date, d.Head))
		})
	v.list.OnSelected = func(i widget.ListItemID) { v.u.safe(func() { v.selectDoc(i) }) }

	v.detail = widget.NewLabel(T("reg.lib.none"))
	v.detail.Wrapping = fyne.TextWrapWord
	v.versions = widget.NewList(func() int { return len(v.vers) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			x := v.vers[i]
			o.(*widget.Label).SetText(fmt.Sprintf("%d  %s  %s  %s", x.N, localTime(x.SavedAt), x.Author, x.Note))
		})
	v.versions.OnSelected = wrapArg(v.u, func(i widget.ListItemID) { v.versionSel = i })
	v.versions.OnUnselected = wrapArg(v.u, func(widget.ListItemID) { v.versionSel = -1 })
	v.history = widget.NewLabel("")
	v.history.Wrapping = fyne.TextWrapWord
	v.move = widget.NewSelect(nil, nil)
	v.move.PlaceHolder = T("reg.lib.move.ph")
	moveBtn := widget.NewButton(T("reg.lib.move"), func() { v.u.safe(v.doMove) })
	open := widget.NewButtonWithIcon(T("reg.lib.open"), theme.FolderOpenIcon(), func() { v.u.safe(v.doOpen) })
	restore := widget.NewButtonWithIcon(T("reg.lib.restore"), theme.HistoryIcon(), func() { v.u.safe(v.doRestore) })
	v.diffA, v.diffB = widget.NewSelect(nil, nil), widget.NewSelect(nil, nil)
	diffBtn := widget.NewButton(T("reg.lib.diff"), func() { v.u.safe(v.doDiff) })
	v.diffOut = widget.NewRichText()
	v.diffOut.Wrapping = fyne.TextWrapWord
	exp := widget.NewButtonWithIcon(T("reg.lib.export"), theme.DownloadIcon(), func() { v.u.safe(v.doExport) })
	imp := widget.NewButtonWithIcon(T("reg.lib.import"), theme.UploadIcon(), func() { v.u.safe(v.doImport) })

	actions := container.NewHBox(open, restore, widget.NewSeparator(), v.move, moveBtn)
	diffRow := container.NewHBox(widget.NewLabel(T("reg.lib.diff.from")), v.diffA, widget.NewLabel(T("reg.lib.diff.to")), v.diffB, diffBtn)
	right := container.NewBorder(container.NewVBox(v.detail, actions, widget.NewSeparator(), widget.NewLabel(T("reg.lib.versions"))), nil, nil, nil,
		container.NewVSplit(v.versions, container.NewVScroll(container.NewVBox(widget.NewLabel(T("reg.lib.history")), v.history,
			widget.NewSeparator(), diffRow, v.diffOut))))
	split := container.NewHSplit(v.list, right)
	split.Offset = 0.45
	v.w.SetContent(container.NewBorder(container.NewVBox(filters, widget.NewSeparator()), container.NewHBox(exp, imp), nil, nil, split))
}

func localTime(s string) string {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return s
	}
	return t.Local().Format("2006-01-02 15:04")
}

// refresh runs the search again, keeping the selected manuscript when it is still listed.
func (v *libraryView) refresh() {
	q := library.Query{Text: strings.TrimSpace(v.text.Text), Genre: strings.TrimSpace(v.genre.Text),
		DateFrom: strings.TrimSpace(v.from.Text), DateTo: strings.TrimSpace(v.to.Text)}
	if i := v.status.SelectedIndex(); i > 0 {
		q.Status = library.Workflow[i-1]
	}
	docs, err := v.lib.Search(context.Background(), q)
	if err != nil {
		showOn(v.w, err)
		return
	}
	keep := ""
	if v.sel >= 0 && v.sel < len(v.docs) {
		keep = v.docs[v.sel].ID
	}
	v.docs, v.sel = docs, -1
	v.list.UnselectAll()
	v.list.Refresh()
	for i, d := range docs {
		if d.ID == keep {
			v.list.Select(i)
		}
	}
}

// selectDoc shows a manuscript's state, versions and history.
func (v *libraryView) selectDoc(i int) {
	if i < 0 || i >= len(v.docs) {
		return
	}
	v.sel = i
	ctx := context.Background()
	d, err := v.lib.Get(ctx, v.docs[i].ID)
	if err != nil {
		showOn(v.w, err)
		return
	}
	v.docs[i] = d
	v.detail.SetText(T("reg.lib.detail", d.Title, d.Number, d.Status.Label(), d.Head, d.CreatedBy, localTime(d.CreatedAt), d.UpdatedBy, localTime(d.UpdatedAt)))
	v.vers, _ = v.lib.Versions(ctx, d.ID)
	v.versionSel = -1
	v.versions.UnselectAll()
	v.versions.Refresh()
	hist, _ := v.lib.History(ctx, d.ID)
	var lines []string
	for _, c := range hist {
		line := fmt.Sprintf("%s  %s → %s  %s", localTime(c.At), c.From.Label(), c.To.Label(), c.Who)
		if c.Note != "" {
			line += "  " + c.Note
		}
		lines = append(lines, line)
	}
	if len(lines) == 0 {
		lines = []string{T("reg.lib.nohistory")}
	}
	v.history.SetText(strings.Join(lines, "\n"))
	var next []string
	for _, s := range library.Workflow {
		if library.CanMove(d.Status, s) {
			next = append(next, s.Label())
		}
	}
	v.move.Options = next
	v.move.ClearSelected()
	var nums []string
	for _, x := range v.vers {
		nums = append(nums, strconv.Itoa(x.N))
	}
	v.diffA.Options, v.diffB.Options = nums, nums
	if len(nums) >= 2 {
		v.diffA.SetSelected(nums[len(nums)-2])
		v.diffB.SetSelected(nums[len(nums)-1])
	} else {
		v.diffA.ClearSelected()
		v.diffB.ClearSelected()
	}
	v.diffOut.ParseMarkdown("")
}

func (v *libraryView) current() (library.Doc, bool) {
	if v.sel < 0 || v.sel >= len(v.docs) {
		showOn(v.w, errorf("reg.err.nosel"))
		return library.Doc{}, false
	}
	return v.docs[v.sel], true
}

func (v *libraryView) doMove() {
	d, ok := v.current()
	if !ok {
		return
	}
	to, err := library.ParseStatus(v.move.Selected)
	if err != nil {
		showOn(v.w, errorf("reg.err.nostatus"))
		return
	}
	if _, err := v.lib.SetStatus(context.Background(), d.ID, to, who(), ""); err != nil {
		showOn(v.w, err)
		return
	}
	if to == library.Printed {
		if err := v.issueNumber(d.ID); err != nil {
			showOn(v.w, err)
		}
	}
	v.refresh()
}

// issueNumber records a printed (印发) manuscript's 发文字号 as issued in the register, with the
// newest version's title, date, 签发人, 主送, 抄送 and co-issuers, when the number was taken from
// the register and is still reserved.
func (v *libraryView) issueNumber(id string) error {
	ctx := context.Background()
	ver, err := v.lib.Version(ctx, id, 0)
	if err != nil {
		return err
	}
	doc, err := document.Parse(id, []byte(ver.Draft))
	if err != nil {
		return err
	}
	e := register.FromDocument(doc)
	if e.Code == "" {
		return nil // no number, or one typed by hand in another form
	}
	reg := register.New(v.u.reg.db)
	cur, err := reg.Get(ctx, e.Code, e.Year, e.Serial)
	if err != nil || cur.State != register.Reserved {
		return nil // not from the register, or already issued: nothing to record
	}
	e.DocID = id
	_, err = reg.Issue(ctx, e, who())
	return err
}

// selectedVersion is the version chosen in the list, else the newest.
func (v *libraryView) selectedVersion(d library.Doc) int {
	if v.versionSel >= 0 && v.versionSel < len(v.vers) {
		return v.vers[v.versionSel].N
	}
	return d.Head
}

func (v *libraryView) doOpen() {
	d, ok := v.current()
	if !ok {
		return
	}
	if err := v.u.OpenLibraryVersion(d.ID, v.selectedVersion(d)); err != nil {
		showOn(v.w, err)
	}
}

func (v *libraryView) doRestore() {
	d, ok := v.current()
	if !ok {
		return
	}
	n := v.selectedVersion(d)
	if n == d.Head {
		showOn(v.w, errorf("reg.err.restorehead"))
		return
	}
	if _, err := v.lib.Restore(context.Background(), d.ID, n, who()); err != nil {
		showOn(v.w, err)
		return
	}
	v.refresh()
}

// DiffText is the diff of versions a and b of a manuscript as Markdown lines (for the window
// and its tests).
func (v *libraryView) diffText(id string, a, b int) (string, error) {
	ctx := context.Background()
	va, err := v.lib.Version(ctx, id, a)
	if err != nil {
		return "", err
	}
	vb, err := v.lib.Version(ctx, id, b)
	if err != nil {
		return "", err
	}
	changes, err := library.DiffVersions(va, vb)
	if err != nil {
		return "", err
	}
	if len(changes) == 0 {
		return T("reg.lib.diff.same", a, b), nil
	}
	var sb strings.Builder
	sb.WriteString(T("reg.lib.diff.head", a, b, len(changes)) + "\n\n")
	for _, c := range changes {
		sb.WriteString("- **" + c.Kind.Label() + " " + c.Element + "**：")
		for _, s := range library.Inline(c.Old, c.New) {
			t := mdEscape(s.Text)
			switch s.Kind {
			case library.Removed:
				sb.WriteString("~~" + t + "~~")
			case library.Added:
				sb.WriteString("**" + t + "**")
			default:
				sb.WriteString(t)
			}
		}
		sb.WriteString("\n")
	}
	return sb.String(), nil
}

func mdEscape(s string) string {
	s = strings.ReplaceAll(s, "\n", " ")
	return strings.NewReplacer(`\`, `\\`, `*`, `\*`, `_`, `\_`, `~`, `\~`, "`", "\\`", `[`, `\[`, `#`, `\#`).Replace(s)
}

func (v *libraryView) doDiff() {
	d, ok := v.current()
	if !ok {
		return
	}
	a, _ := strconv.Atoi(v.diffA.Selected)
	b, _ := strconv.Atoi(v.diffB.Selected)
	if a <= 0 || b <= 0 {
		showOn(v.w, errorf("reg.err.noversions"))
		return
	}
	text, err := v.diffText(d.ID, a, b)
	if err != nil {
		showOn(v.w, err)
		return
	}
	v.diffOut.ParseMarkdown(text)
}

func (v *libraryView) doExport() {
	var ids []string
	if d, ok := v.currentQuiet(); ok {
		ids = []string{d.ID}
	}
	req := fileRequest{Kind: chooseSave, Title: T("reg.lib.export"), Name: "文稿库.zip", Exts: []string{".zip"}, Win: v.w}
	v.u.chooseFile(req, func(path string) {
		if err := v.u.exportLibrary(path, ids); err != nil {
			os.Remove(path)
			showOn(v.w, err)
		}
	})
}

func (u *UI) exportLibrary(path string, ids []string) error {
	db, err := u.regDB()
	if err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".gongwen-*.zip")
	if err != nil {
		return err
	}
	name := f.Name()
	err = library.New(db).Export(context.Background(), f, ids, who())
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(name, path)
	}
	if err != nil {
		os.Remove(name)
	}
	return err
}

func (v *libraryView) currentQuiet() (library.Doc, bool) {
	if v.sel < 0 || v.sel >= len(v.docs) {
		return library.Doc{}, false
	}
	return v.docs[v.sel], true
}

func (v *libraryView) doImport() {
	v.u.chooseFile(fileRequest{Kind: chooseOpen, Title: T("reg.lib.import"), Exts: []string{".zip"}, Win: v.w}, func(path string) {
		f, err := safeio.Open(path, 0) // the importer bounds what it reads
		if err != nil {
			showOn(v.w, err)
			return
		}
		res, err := v.lib.Import(context.Background(), f)
		f.Close()
		if err != nil {
			showOn(v.w, err)
			return
		}
		dialog.NewInformation(T("reg.lib.import"), T("reg.lib.imported", len(res.Added), len(res.Updated), len(res.Same), len(res.Copies)), v.w).Show()
		v.refresh()
	})
}

// registerView is the 发文登记簿 window: the lines of a 机关代字 and year, their state, and the
// actions a line allows (release, issue, reuse a gap), with .xlsx export and import.
type registerView struct {
	u   *UI
	w   fyne.Window
	reg *register.Register

	code    *widget.SelectEntry
	year    *widget.Entry
	state   *widget.Select
	table   *widget.Table
	entries []register.Entry
	sel     int
	info    *widget.Label
}

// registerColumns are the message keys of the register table's columns.
var registerColumns = []string{"reg.col.number", "reg.col.state", "reg.col.title", "reg.col.date", "reg.col.signer", "reg.col.to", "reg.col.joint", "reg.col.taker"}

// ShowRegister opens the 发文登记簿 window.
func (u *UI) ShowRegister() *registerView {
	db, err := u.regDB()
	if err != nil {
		u.showError(err)
		return nil
	}
	v := &registerView{u: u, reg: register.New(db), sel: -1}
	v.w = u.App.NewWindow(T("reg.register.title"))
	v.build()
	v.w.Resize(fyne.NewSize(1100, 650))
	v.w.Show()
	v.refresh()
	return v
}

func (v *registerView) build() {
	v.code = widget.NewSelectEntry(v.u.knownCodes(v.reg))
	v.code.SetPlaceHolder(T("reg.code"))
	v.code.SetText(v.u.App.Preferences().String(prefLastCode))
	v.year = widget.NewEntry()
	v.year.SetText(strconv.Itoa(time.Now().Year()))
	states := []string{T("reg.all"), register.Reserved.Label(), register.Released.Label(), register.Issued.Label()}
	v.state = widget.NewSelect(states, nil)
	v.state.SetSelectedIndex(0)
	v.state.OnChanged = func(string) { v.u.safe(v.refresh) }
	show := widget.NewButtonWithIcon(T("reg.search"), theme.SearchIcon(), func() { v.u.safe(v.refresh) })
	v.table = widget.NewTable(
		func() (int, int) { return len(v.entries) + 1, len(registerColumns) },
		func() fyne.CanvasObject { l := widget.NewLabel(""); l.Truncation = fyne.TextTruncateEllipsis; return l },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			if id.Row == 0 {
				l.TextStyle = strongStyle
				l.SetText(T(registerColumns[id.Col]))
				return
			}
			l.TextStyle = fyne.TextStyle{}
			e := v.entries[id.Row-1]
			l.SetText([]string{e.Number(), e.State.Label(), e.Title, e.Date, e.Signer, e.Recipients, strings.Join(e.Joint, register.JointSep), e.TakenBy}[id.Col])
		})
	for c, w := range []float32{150, 70, 300, 110, 80, 160, 160, 80} {
		v.table.SetColumnWidth(c, w)
	}
	v.table.OnSelected = wrapArg(v.u, func(id widget.TableCellID) {
		v.sel = id.Row - 1
		v.showInfo()
	})
	v.info = widget.NewLabel("")
	v.info.Wrapping = fyne.TextWrapWord
	release := widget.NewButton(T("reg.release"), func() { v.u.safe(v.doRelease) })
	issue := widget.NewButton(T("reg.issue"), func() { v.u.safe(v.doIssue) })
	reuse := widget.NewButton(T("reg.reuse"), func() { v.u.safe(v.doReuse) })
	exp := widget.NewButtonWithIcon(T("reg.xlsx.export"), theme.DownloadIcon(), func() { v.u.safe(v.doExport) })
	imp := widget.NewButtonWithIcon(T("reg.xlsx.import"), theme.UploadIcon(), func() { v.u.safe(v.doImport) })
	top := container.NewGridWithColumns(4, v.code, v.year, v.state, show)
	bottom := container.NewVBox(v.info, container.NewHBox(release, issue, reuse, widget.NewSeparator(), exp, imp))
	v.w.SetContent(container.NewBorder(container.NewVBox(top, widget.NewSeparator()), bottom, nil, nil, v.table))
}

func (v *registerView) filter() register.Filter {
	f := register.Filter{Code: strings.TrimSpace(v.code.Text)}
	f.Year, _ = strconv.Atoi(strings.TrimSpace(v.year.Text))
	switch v.state.SelectedIndex() {
	case 1:
		f.State = register.Reserved
	case 2:
		f.State = register.Released
	case 3:
		f.State = register.Issued
	}
	return f
}

func (v *registerView) refresh() {
	es, err := v.reg.List(context.Background(), v.filter())
	if err != nil {
		showOn(v.w, err)
		return
	}
	v.entries, v.sel = es, -1
	v.table.UnselectAll()
	v.table.Refresh()
	f := v.filter()
	summary := T("reg.register.count", len(es))
	if f.Code != "" && f.Year > 0 {
		if gaps, err := v.reg.Gaps(context.Background(), f.Code, f.Year); err == nil && len(gaps) > 0 {
			var ns []string
			for _, g := range gaps {
				ns = append(ns, strconv.Itoa(g))
			}
			summary += "  " + T("reg.register.gaps", strings.Join(ns, "、"))
		}
	}
	v.info.SetText(summary)
}

func (v *registerView) showInfo() {
	e, ok := v.currentQuiet()
	if !ok {
		return
	}
	v.info.SetText(T("reg.register.line", e.Number(), e.State.Label(), e.Title, e.CC, e.Note, e.TakenBy, localTime(e.TakenAt), e.UpdatedBy, localTime(e.UpdatedAt)))
}

func (v *registerView) currentQuiet() (register.Entry, bool) {
	if v.sel < 0 || v.sel >= len(v.entries) {
		return register.Entry{}, false
	}
	return v.entries[v.sel], true
}

func (v *registerView) current() (register.Entry, bool) {
	e, ok := v.currentQuiet()
	if !ok {
		showOn(v.w, errorf("reg.err.nosel"))
	}
	return e, ok
}

func (v *registerView) doRelease() {
	e, ok := v.current()
	if !ok {
		return
	}
	if _, err := v.reg.Release(context.Background(), e.Code, e.Year, e.Serial, who(), ""); err != nil {
		showOn(v.w, err)
		return
	}
	v.refresh()
}

func (v *registerView) doReuse() {
	e, ok := v.current()
	if !ok {
		return
	}
	if _, err := v.u.TakeNumber(e.Code, e.Year, e.Serial); err != nil {
		showOn(v.w, err)
		return
	}
	v.refresh()
}

// doIssue records the selected number as issued, with the open draft's title, date, 签发人, 主送,
// 抄送 and co-issuers when the draft carries this number, else with what the user types.
func (v *registerView) doIssue() {
	e, ok := v.current()
	if !ok {
		return
	}
	d := e
	if doc := v.u.Model.Doc; doc != nil {
		if fromDoc := register.FromDocument(doc); fromDoc.Number() == e.Number() {
			d = fromDoc
			d.DocID = e.DocID
		}
	}
	title, date, signer, to, cc, joint := widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	title.SetText(d.Title)
	date.SetText(d.Date)
	signer.SetText(d.Signer)
	to.SetText(d.Recipients)
	cc.SetText(d.CC)
	joint.SetText(strings.Join(d.Joint, register.JointSep))
	form := dialog.NewForm(T("reg.issue.title", e.Number()), T("reg.issue"), T("cancel"), []*widget.FormItem{
		widget.NewFormItem(T("reg.col.title"), title), widget.NewFormItem(T("reg.col.date"), date), widget.NewFormItem(T("reg.col.signer"), signer),
		widget.NewFormItem(T("reg.col.to"), to), widget.NewFormItem(T("reg.col.cc"), cc), widget.NewFormItem(T("reg.col.joint"), joint),
	}, func(ok bool) {
		if !ok {
			return
		}
		v.u.safe(func() {
			d.Title, d.Date, d.Signer, d.Recipients, d.CC = title.Text, date.Text, signer.Text, to.Text, cc.Text
			d.Joint = strings.FieldsFunc(joint.Text, func(r rune) bool { return r == '、' || r == ',' || r == '，' })
			if _, err := v.reg.Issue(context.Background(), d, who()); err != nil {
				showOn(v.w, err)
				return
			}
			v.refresh()
		})
	}, v.w)
	form.Resize(fyne.NewSize(640, 420))
	form.Show()
}

func (v *registerView) doExport() {
	f := v.filter()
	req := fileRequest{Kind: chooseSave, Title: T("reg.xlsx.export"), Name: "发文登记簿.xlsx", Exts: []string{".xlsx"}, Win: v.w}
	v.u.chooseFile(req, func(path string) {
		es, err := v.reg.List(context.Background(), f)
		if err == nil {
			err = sheet.WriteRegisterFile(path, es)
		}
		if err != nil {
			showOn(v.w, err)
		}
	})
}

func (v *registerView) doImport() {
	v.u.chooseFile(fileRequest{Kind: chooseOpen, Title: T("reg.xlsx.import"), Exts: []string{".xlsx"}, Win: v.w}, func(path string) {
		r, err := safeio.Open(path, 0) // the reader bounds what it reads
		if err != nil {
			showOn(v.w, err)
			return
		}
		es, err := sheet.ReadRegister(r, filepath.Base(path))
		r.Close()
		if err == nil {
			err = v.reg.Put(context.Background(), es)
		}
		if err != nil {
			showOn(v.w, err)
			return
		}
		dialog.NewInformation(T("reg.xlsx.import"), T("reg.xlsx.imported", len(es)), v.w).Show()
		v.refresh()
	})
}
