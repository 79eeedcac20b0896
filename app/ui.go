package app

import (
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"gongwen/templates"
)

// Preference keys.
const (
	prefLang    = "lang"
	prefRecent  = "recent"
	prefWinW    = "window.width"
	prefWinH    = "window.height"
	prefSysFont = "fonts.system"
	// prefDialogDir is the folder the last file dialog chose in
	prefDialogDir = "dialog.dir"
	maxRecent     = 10
)

// Options configure a UI (tests set them; the app takes the defaults).
type Options struct {
	// RecoveryDir holds the autosave file; "" means the app's storage folder.
	RecoveryDir string
	// Debounce is the pause after typing before the preview and the checks run (default 120 ms).
	Debounce time.Duration
	// AutosaveEvery is the autosave period (default 5 s); negative disables the timer.
	AutosaveEvery time.Duration
	// Post runs a function on the UI goroutine; nil means fyne.Do.
	Post func(func())
	// ProfileDir is the folder of the user's unit profiles; "" means the default.
	ProfileDir string
	// NativeDialogs lets file dialogs use the platform's chooser (filedialog.go); off, they
	// are Fyne's (tests).
	NativeDialogs bool
}

// UI is the desktop application: one window that shows the start page or the editor.
type UI struct {
	App   fyne.App
	Win   fyne.Window
	Model *Model
	opts  Options

	prev *Previewer
	ed   *editor // nil on the start page

	autosaveTimer *time.Timer
	ticker        *time.Ticker
	stopTick      chan struct{}
	// LastPreview is the last result shown (for tests and the status line).
	LastPreview PreviewResult
	// OnPreview, when set, is called after a preview result was shown (tests).
	OnPreview func(PreviewResult)
	// loadErrs are the templates and profiles that could not be loaded (shown on the start page).
	loadErrs []error
	// nativeOpen: a native file dialog is up; nativeFailed: one failed (logged once)
	nativeOpen, nativeFailed bool
	// memTimer releases the memory a preview left once the app is quiet (memory.go)
	memTimer *time.Timer
	// dialogs are the dialogs shown, the top one last (Esc closes it).
	dialogs []*escDialog
	// reg is the register and library database (register_ui.go), opened on first use.
	reg *registerState
}

// New builds the UI in a new window of a (Fyne) app.
func New(a fyne.App, opts Options) *UI { return newUI(a, opts, true) }

// newUI is New; without start it shows nothing in the window yet (Run, which opens a
// document next).
func newUI(a fyne.App, opts Options, start bool) *UI {
	if opts.Debounce == 0 {
		opts.Debounce = 120 * time.Millisecond
	}
	if opts.AutosaveEvery == 0 {
		opts.AutosaveEvery = 5 * time.Second
	}
	if opts.Post == nil {
		opts.Post = fyne.Do
	}
	if opts.RecoveryDir == "" {
		opts.RecoveryDir = defaultRecoveryDir(a)
	}
	quietCLocale()
	SetLanguage(a.Preferences().StringWithFallback(prefLang, LangZh))
	applyFyneLanguage(Language())
	a.Settings().SetTheme(newTheme())
	useSystemFonts(a.Preferences().Bool(prefSysFont))
	set, errs := loadTemplates()
	profiles, perrs := templates.LoadProfiles(opts.ProfileDir)
	u := &UI{App: a, opts: opts, Model: NewModel(set, profiles, opts.RecoveryDir), loadErrs: append(errs, perrs...)}
	u.Win = a.NewWindow(T("app.name"))
	if icon := appIcon(); icon != nil {
		u.Win.SetIcon(icon)
	}
	w := a.Preferences().FloatWithFallback(prefWinW, 1280)
	h := a.Preferences().FloatWithFallback(prefWinH, 860)
	u.Win.Resize(fyne.NewSize(float32(w), float32(h)))
	u.prev = NewPreviewer(func(f func()) { opts.Post(u.wrap(f)) }, u.showPreview)
	u.Win.SetCloseIntercept(u.wrap(u.onClose))
	u.Win.SetOnDropped(func(_ fyne.Position, uris []fyne.URI) {
		if len(uris) > 0 && uris[0].Scheme() == "file" {
			u.safe(func() { u.OpenPath(uris[0].Path()) })
		}
	})
	u.addShortcuts()
	u.Win.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) { u.safe(func() { u.typedKey(ev) }) })
	if start {
		u.ShowStart()
	}
	if opts.AutosaveEvery > 0 {
		// the goroutine keeps its own references: Close clears the fields
		tick, stop := time.NewTicker(opts.AutosaveEvery), make(chan struct{})
		u.ticker, u.stopTick = tick, stop
		go func() {
			for {
				select {
				case <-stop:
					return
				case <-tick.C:
					opts.Post(u.wrap(u.autosave))
				}
			}
		}()
	}
	return u
}

// typedKey is the window's key handler, which gets the keys no focused widget takes: Esc
// closes the top dialog, PageUp/PageDown turn the preview's pages, Home/End go to its first
// and last page. With a field focused these keys act in the field (the driver gives them to
// it); Ctrl+PgUp/PgDn/Home/End (menu shortcuts) turn the pages from anywhere.
func (u *UI) typedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && u.escape() {
		return
	}
	if u.ed == nil {
		return
	}
	switch ev.Name {
	case fyne.KeyPageDown:
		u.ed.pv.gotoPage(u.ed.pv.page + 1)
	case fyne.KeyPageUp:
		u.ed.pv.gotoPage(u.ed.pv.page - 1)
	case fyne.KeyHome:
		u.ed.pv.gotoPage(0)
	case fyne.KeyEnd:
		u.ed.pv.gotoPage(u.ed.pv.npages - 1)
	}
}

// defaultRecoveryDir is the app's per-OS storage folder (or the user config folder).
func defaultRecoveryDir(a fyne.App) string {
	if s := a.Storage(); s != nil && s.RootURI() != nil && s.RootURI().Scheme() == "file" {
		return filepath.Join(s.RootURI().Path(), "recovery")
	}
	if d, err := os.UserConfigDir(); err == nil {
		return filepath.Join(d, "gongwen", "recovery")
	}
	return ""
}

// Close stops the background work: the autosave timers and the preview worker.
func (u *UI) Close() {
	if u.ticker != nil {
		u.ticker.Stop()
		close(u.stopTick)
		u.ticker, u.stopTick = nil, nil
	}
	if u.autosaveTimer != nil {
		u.autosaveTimer.Stop()
		u.autosaveTimer = nil
	}
	if u.memTimer != nil {
		u.memTimer.Stop()
	}
	u.prev.Close()
}

// Run starts the desktop app: `gongwen [FILE]`. It returns when the window is closed.
func Run(a fyne.App, args []string) {
	traceStartup("app created")
	file := ""
	if len(args) > 0 {
		file = args[0]
	}
	// the start page only when no document is opened (it would be built and thrown away)
	u := newUI(a, Options{NativeDialogs: true}, file == "")
	// nothing is typeset before the window is on screen: its first frame does not need the
	// preview, and the worker would compete with it for the CPU (issue 14: window < 1.5 s)
	u.prev.Hold()
	a.Lifecycle().SetOnStarted(func() {
		traceStartup("window shown")
		u.safe(func() {
			u.prev.Release()
			if u.ed != nil {
				u.ed.requestPreview(0) // at the window's own scale, now that it has one
			}
		})
	})
	traceStartup("window made")
	if file != "" {
		u.OpenPath(file)
		if u.ed == nil {
			u.showStart() // it could not be opened: the start page, under the error
		}
		traceStartup("document opened")
	}
	// offered in any case: the next autosave would replace the recovery file
	u.OfferRecovery()
	u.Win.ShowAndRun()
	u.Close()
}

// safe runs f and turns a panic into an error dialog and a log line with the stack (on
// standard error): a user never sees a Go panic, and the app goes on. Every handler the app
// wires (menus, shortcuts, buttons, dialog answers, posted results) runs through it; call it
// on the UI goroutine.
func (u *UI) safe(f func()) {
	defer func() {
		if r := recover(); r != nil {
			u.internalError(r)
		}
	}()
	f()
}

// wrap is safe as a callback: func() { u.safe(f) } (nil stays nil).
func (u *UI) wrap(f func()) func() {
	if f == nil {
		return nil
	}
	return func() { u.safe(f) }
}

// wrapArg is wrap for a callback that takes an argument (a widget's OnChanged or
// OnSelected): func(x) { u.safe(func() { f(x) }) } (nil stays nil).
func wrapArg[T any](u *UI, f func(T)) func(T) {
	if f == nil {
		return nil
	}
	return func(x T) { u.safe(func() { f(x) }) }
}

// safeGo runs f on a new goroutine; a panic there is logged and shown as safe shows it, on
// the UI goroutine.
func (u *UI) safeGo(f func()) {
	go func() {
		defer func() {
			if r := recover(); r != nil {
				logPanic(r)
				u.opts.Post(func() { u.showError(errorf("err.detail", T("err.internal"), r)) })
			}
		}()
		f()
	}()
}

// internalError logs a recovered panic and shows it (UI goroutine).
func (u *UI) internalError(r any) {
	logPanic(r)
	u.showError(errorf("err.detail", T("err.internal"), r))
}

// panicLog is where recovered panics are logged: standard error (tests replace it).
var panicLog io.Writer = os.Stderr

// logPanic writes a recovered panic with the stack to panicLog.
func logPanic(r any) {
	fmt.Fprintf(panicLog, "gongwen: internal error: %v\n%s", r, debug.Stack())
}

func (u *UI) showError(err error) {
	if err == nil {
		return
	}
	u.inform(T("err.title"), dialogText(err.Error()))
}

func (u *UI) shortcut(key fyne.KeyName) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}
}

// addShortcuts registers Ctrl/Cmd + N, O, S, E, F on the canvas and in the main menu (the
// menu's shortcuts also work while a text field has the focus).
func (u *UI) addShortcuts() {
	for _, s := range u.shortcutActions() {
		act := s.act
		u.Win.Canvas().AddShortcut(u.shortcut(s.key), func(fyne.Shortcut) { u.safe(act) })
	}
	u.setMenu()
}

type shortcutAction struct {
	key   fyne.KeyName
	label string
	act   func()
}

func (u *UI) shortcutActions() []shortcutAction {
	return []shortcutAction{
		{fyne.KeyN, "menu.new", u.ShowStart},
		{fyne.KeyO, "menu.open", u.openDialog},
		{fyne.KeyS, "menu.save", func() { u.Save(false) }},
		{fyne.KeyE, "menu.export", u.exportChooser},
		{fyne.KeyP, "menu.print", u.PrintDialog},
		{fyne.KeyF, "menu.find", u.OpenFind},
		{fyne.KeyH, "menu.replace", u.OpenFind},
	}
}

func (u *UI) setMenu() {
	item := func(label string, key fyne.KeyName, act func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(T(label), func() { u.safe(act) })
		if key != "" {
			it.Shortcut = u.shortcut(key)
		}
		return it
	}
	recent := fyne.NewMenuItem(T("menu.recent"), nil)
	recent.ChildMenu = fyne.NewMenu("")
	for _, p := range u.recent() {
		path := p
		recent.ChildMenu.Items = append(recent.ChildMenu.Items, fyne.NewMenuItem(path, func() { u.safe(func() { u.OpenPath(path) }) }))
	}
	if len(recent.ChildMenu.Items) == 0 {
		none := fyne.NewMenuItem(T("start.norecent"), nil)
		none.Disabled = true
		recent.ChildMenu.Items = append(recent.ChildMenu.Items, none)
	}
	file := fyne.NewMenu(T("menu.file"),
		item("menu.new", fyne.KeyN, u.ShowStart),
		item("menu.open", fyne.KeyO, u.openDialog),
		recent,
		item("menu.import", "", u.importDialog),
		item("menu.importfolder", "", u.ImportFolder),
		fyne.NewMenuItemSeparator(),
		item("menu.save", fyne.KeyS, func() { u.Save(false) }),
		item("menu.saveas", "", func() { u.Save(true) }),
		item("menu.export", fyne.KeyE, u.exportChooser),
		item("menu.print", fyne.KeyP, u.PrintDialog),
	)
	undo := item("menu.undo", "", u.Undo)
	undo.Shortcut = &fyne.ShortcutUndo{}
	redo := item("menu.redo", "", u.Redo)
	redo.Shortcut = &fyne.ShortcutRedo{}
	fixAll := item("menu.fixall", "", u.FixAll)
	fixAll.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	edit := fyne.NewMenu(T("menu.edit"),
		undo, redo,
		fyne.NewMenuItemSeparator(),
		item("menu.find", fyne.KeyF, u.OpenFind),
		item("menu.replace", fyne.KeyH, u.OpenFind),
		fyne.NewMenuItemSeparator(),
		fixAll,
	)
	sysFonts := item("menu.sysfonts", "", func() { u.SetSystemFonts(!u.App.Preferences().Bool(prefSysFont)) })
	sysFonts.Checked = u.App.Preferences().Bool(prefSysFont)
	zh := item("menu.lang.zh", "", func() { u.SetLang(LangZh) })
	zh.Checked = Language() == LangZh
	en := item("menu.lang.en", "", func() { u.SetLang(LangEn) })
	en.Checked = Language() == LangEn
	settings := fyne.NewMenu(T("menu.settings"), zh, en, fyne.NewMenuItemSeparator(), sysFonts)
	help := fyne.NewMenu(T("menu.help"), item("menu.about", "", u.about))
	u.Win.SetMainMenu(fyne.NewMainMenu(file, edit, u.viewMenu(), u.registerMenu(), settings, help))
}

// SetLang switches the UI language and rebuilds the window's content.
func (u *UI) SetLang(lang string) {
	SetLanguage(lang)
	applyFyneLanguage(Language())
	u.App.Preferences().SetString(prefLang, lang)
	u.setMenu()
	if u.Model.HasDocument() && u.ed != nil {
		u.showEditor()
	} else {
		u.ShowStart()
	}
}

// SetSystemFonts makes the preview and the exports use this machine's 公文 fonts (仿宋_GB2312,
// 方正小标宋简体, …) where it has them, or the bundled set.
func (u *UI) SetSystemFonts(on bool) {
	u.App.Preferences().SetBool(prefSysFont, on)
	useSystemFonts(on)
	u.setMenu()
	if u.ed != nil {
		u.ed.requestPreview(0)
	}
	if on {
		used := 0
		for _, c := range currentFonts().Choices() {
			if c.Used {
				used++
			}
		}
		u.toast(T("fonts.system", used))
	} else {
		u.toast(T("fonts.bundled"))
	}
}

func (u *UI) about() {
	u.inform(T("menu.about"), dialogText(T("about.text")))
}

// onClose asks about unsaved changes, remembers the window size and quits.
func (u *UI) onClose() {
	sz := u.Win.Canvas().Size()
	u.App.Preferences().SetFloat(prefWinW, float64(sz.Width))
	u.App.Preferences().SetFloat(prefWinH, float64(sz.Height))
	if u.Model.HasDocument() && u.Model.Dirty {
		u.confirmDiscard(func() { u.Model.Discard(); u.Win.Close() }, func() { u.Win.Close() })
		return
	}
	u.Win.Close()
}

// confirmDiscard asks what to do with unsaved changes: save (then saved), discard (then
// discarded), or cancel (Esc), which leaves the document open as it is.
func (u *UI) confirmDiscard(discarded, saved func()) {
	u.ask(T("unsaved.title"), dialogText(T("unsaved.text")), nil,
		choice{T("unsaved.discard"), widget.DangerImportance, discarded},
		choice{T("unsaved.save"), widget.HighImportance, func() { u.saveThen(saved) }})
}

// recent files, newest first.
func (u *UI) recent() []string {
	return u.App.Preferences().StringList(prefRecent)
}

func (u *UI) addRecent(path string) {
	list := []string{path}
	for _, p := range u.recent() {
		if p != path && len(list) < maxRecent {
			list = append(list, p)
		}
	}
	u.App.Preferences().SetStringList(prefRecent, list)
	u.setMenu() // File → 最近打开
}

// OpenPath opens a draft, or imports a .txt or .docx, and shows the editor. Unsaved changes
// of the document being edited are asked about first.
func (u *UI) OpenPath(path string) {
	if u.ed != nil && u.Model.HasDocument() && u.Model.Dirty {
		u.confirmDiscard(func() { u.Model.Discard(); u.openPath(path) }, func() { u.openPath(path) })
		return
	}
	u.openPath(path)
}

func (u *UI) openPath(path string) {
	if err := u.Model.Open(path); err != nil {
		u.showError(err)
		return
	}
	if u.Model.Path != "" {
		u.addRecent(u.Model.Path)
	}
	u.showEditor()
	switch {
	case u.Model.Practice != nil:
		u.toast(T("ex.started", u.Model.Practice.Count))
	case u.Model.Imported != "":
		u.toast(T("imported", filepath.Base(u.Model.Imported)))
		u.showImportReport()
	}
}

// NewDocument starts a document of a genre and shows the editor.
func (u *UI) NewDocument(genreID string) {
	if err := u.Model.New(genreID); err != nil {
		u.showError(err)
		return
	}
	u.showEditor()
}

func (u *UI) openDialog() {
	u.fileOpen(T("menu.open"), []string{".yaml", ".yml", ".txt", ".docx", ".json"})
}

func (u *UI) importDialog() { u.fileOpen(T("menu.import"), []string{".txt", ".docx"}) }

// fileOpen shows the file chooser for the given extensions and opens the chosen file.
func (u *UI) fileOpen(title string, exts []string) {
	u.chooseFile(fileRequest{Kind: chooseOpen, Title: title, Exts: exts}, u.OpenPath)
}

// rememberDir keeps the folder of a file chosen in a dialog for the next dialog.
func (u *UI) rememberDir(path string) {
	u.App.Preferences().SetString(prefDialogDir, filepath.Dir(path))
}

func (u *UI) sizeDialog(d interface{ Resize(fyne.Size) }) {
	sz := u.Win.Canvas().Size()
	d.Resize(fyne.NewSize(sz.Width*0.8, sz.Height*0.8))
}

// Save saves the draft; with as (or for a document never saved) it asks where first.
func (u *UI) Save(as bool) {
	if as {
		u.saveAs(nil)
		return
	}
	u.saveThen(nil)
}

func (u *UI) saveThen(next func()) {
	if !u.Model.HasDocument() {
		return
	}
	if u.Model.Path != "" {
		u.afterSave(u.Model.Save(), next)
		return
	}
	u.saveAs(next)
}

func (u *UI) saveAs(next func()) {
	if !u.Model.HasDocument() {
		return
	}
	u.fileSave([]string{".yaml", ".yml"}, func(path string) {
		if err := u.Model.restoreIfProtected(path); err != nil {
			u.showError(err)
			return
		}
		u.afterSave(u.Model.SaveAs(path), next)
	})
}

// fileSave shows the save dialog with a name suggested from the document and the given
// extensions (the first is added to a name typed without one), and calls save with the
// chosen path; nothing happens when the user cancels.
func (u *UI) fileSave(exts []string, save func(path string)) {
	u.chooseFile(fileRequest{Kind: chooseSave, Title: T("dialog.save"), Name: u.suggestName(exts[0]), Exts: exts}, save)
}

// chosenPath closes the writer Fyne's save dialog opened and returns the path to write, with
// the first extension added when it has none of exts; the empty file the dialog created
// under the name without the extension is removed.
func chosenPath(w fyne.URIWriteCloser, exts ...string) string {
	path := w.URI().Path()
	w.Close()
	for _, e := range exts {
		if strings.EqualFold(filepath.Ext(path), e) {
			return path
		}
	}
	if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() && st.Size() == 0 {
		os.Remove(path)
	}
	return path + exts[0]
}

// afterSave reports a save: its error, or the file in the recent list, the window title and
// the status line, and then next.
func (u *UI) afterSave(err error, next func()) {
	if err != nil {
		u.showError(err)
		return
	}
	u.addRecent(u.Model.Path)
	u.updateTitle()
	u.toast(T("saved", filepath.Base(u.Model.Path)))
	if next != nil {
		next()
	}
}

// suggestName proposes a file name from the title.
func (u *UI) suggestName(ext string) string {
	base := ""
	if u.Model.Path != "" {
		base = strings.TrimSuffix(filepath.Base(u.Model.Path), filepath.Ext(u.Model.Path))
	} else if u.Model.Doc != nil {
		base = strings.TrimSpace(strings.ReplaceAll(u.Model.Doc.Title, "\n", ""))
		base = strings.Map(func(r rune) rune {
			if strings.ContainsRune(`/\:*?"<>|`, r) {
				return -1
			}
			return r
		}, base)
		if r := []rune(base); len(r) > 40 {
			base = string(r[:40])
		}
	}
	if base == "" {
		base = T("untitled")
	}
	return base + ext
}

// updateTitle shows the document's name and state in the window title. It runs on every
// keystroke, so the window is told only when the title changes.
func (u *UI) updateTitle() {
	title := T("app.name")
	if u.Model.HasDocument() && u.ed != nil {
		title = u.Model.Title() + " — " + title
	}
	if u.Win.Title() != title {
		u.Win.SetTitle(title)
	}
}

// toast shows a short message in the status line of the editor.
func (u *UI) toast(msg string) {
	if u.ed != nil {
		u.ed.status.SetText(msg)
	}
}

// OfferRecovery asks whether to restore an autosaved draft left by an earlier session.
func (u *UI) OfferRecovery() {
	r, err := u.Model.PendingRecovery()
	if err != nil {
		u.showError(err)
		return
	}
	if r == nil {
		return
	}
	title := strings.ReplaceAll(r.Doc.Title, "\n", "")
	if title == "" {
		title = T("untitled")
	}
	msg := T("recover.text", title, r.Saved.Local().Format("2006-01-02 15:04:05"))
	// 取消 (Esc) decides nothing: the recovery file stays
	u.ask(T("recover.title"), dialogText(msg), nil,
		choice{T("recover.no"), widget.DangerImportance, func() { u.Model.DropRecovery(r) }},
		choice{T("recover.yes"), widget.HighImportance, func() {
			u.Model.Restore(r)
			u.showEditor()
		}})
}

// autosave writes the recovery file when the document changed.
func (u *UI) autosave() {
	if err := u.Model.Autosave(); err != nil {
		u.toast(err.Error())
	}
}

// scheduleAutosave autosaves shortly after a change.
func (u *UI) scheduleAutosave() {
	if u.autosaveTimer != nil {
		u.autosaveTimer.Stop()
	}
	u.autosaveTimer = time.AfterFunc(1500*time.Millisecond, func() { u.opts.Post(u.autosave) })
}

// openFile opens a file with the system's handler.
func (u *UI) openFile(path string) {
	uri := storage.NewFileURI(path)
	link, err := url.Parse(uri.String())
	if err != nil {
		u.showError(err)
		return
	}
	if err := u.App.OpenURL(link); err != nil {
		u.showError(errorf("err.detail", T("err.openresult"), err))
	}
}
