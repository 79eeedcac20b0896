package app

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// File dialogs (issue 14): the platform's own file chooser (GTK 3 on Linux and the BSDs,
// loaded when first used, filedialog_gtk.go; the common dialogs on Windows and
// NSOpenPanel/NSSavePanel on macOS through github.com/sqweek/dialog),
// opening beside the current draft; Fyne's dialog, started in the same folder, when the
// native one cannot run (no display GTK can open, a platform error) or is turned off with
// GONGWEN_DIALOG=fyne. Tests (Options.NativeDialogs false) always get Fyne's dialog.

// fileKind is what a file dialog asks for.
type fileKind int

const (
	chooseOpen   fileKind = iota // an existing file
	chooseSave                   // a file to write (may not exist yet)
	chooseFolder                 // a folder
)

// fileRequest is one file dialog: its kind, title, start folder, suggested name (save) and
// the extensions offered (with their dot, e.g. ".yaml").
type fileRequest struct {
	Kind  fileKind
	Title string
	Dir   string
	Name  string
	Exts  []string
	Win   fyne.Window // the window Fyne's fallback dialog shows on (nil: the main window)
}

// errNoNative says the native dialog is not available (turned off, or not on this platform).
var errNoNative = errors.New("native file dialog not available")

// nativeChooser shows the platform's file dialog and blocks until the user answers: the
// chosen path, an error for which cancelled is true when the user cancelled, another error
// when it could not run. A variable so that tests can stand in for the platform; set in
// filedialog_native.go (errNoNative where the app is built without one).
var nativeChooser func(fileRequest) (string, error) = platformChooser

// useNative tells whether file dialogs try the platform's chooser first.
func (u *UI) useNative() bool {
	return u.opts.NativeDialogs && !strings.EqualFold(os.Getenv("GONGWEN_DIALOG"), "fyne")
}

// chooseFile asks for a file or folder and calls done with the chosen path on the UI
// goroutine; nothing happens when the user cancels. The native dialog runs off the UI
// goroutine (the window keeps painting); one at a time. When it fails, Fyne's dialog is
// shown in the same folder, and the failure is logged once.
func (u *UI) chooseFile(r fileRequest, done func(path string)) {
	if r.Dir == "" {
		r.Dir = u.dialogDir()
	}
	finish := func(path string) {
		if r.Kind != chooseFolder {
			u.rememberDir(path)
		} else {
			u.rememberDir(filepath.Join(path, "x"))
		}
		u.safe(func() { done(path) })
	}
	if !u.useNative() {
		u.fyneChooser(r, finish)
		return
	}
	if u.nativeOpen {
		return // a native dialog is already up: it is the user's answer that comes first
	}
	u.nativeOpen = true
	u.safeGo(func() {
		path, err := nativeChooser(r)
		u.opts.Post(u.wrap(func() {
			u.nativeOpen = false
			switch {
			case err == nil && path != "":
				if r.Kind == chooseSave {
					path = withExt(path, r.Exts)
				}
				finish(path)
			case err == nil || cancelled(err):
				// cancelled
			default:
				if !u.nativeFailed {
					fmt.Fprintf(os.Stderr, "gongwen: %v; using the built-in file dialog\n", err)
				}
				u.nativeFailed = true
				u.fyneChooser(r, finish)
			}
		}))
	})
}

// withExt adds the first of exts to a path chosen in a save dialog that has none of them.
func withExt(path string, exts []string) string {
	if len(exts) == 0 {
		return path
	}
	for _, e := range exts {
		if strings.EqualFold(filepath.Ext(path), e) {
			return path
		}
	}
	return path + exts[0]
}

// fyneChooser shows Fyne's own dialog for r, started in r.Dir.
func (u *UI) fyneChooser(r fileRequest, done func(path string)) {
	win := r.Win
	if win == nil {
		win = u.Win
	}
	var d interface {
		dialog.Dialog
		SetLocation(fyne.ListableURI)
	}
	switch r.Kind {
	case chooseFolder:
		d = dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
			if err != nil {
				u.showError(err)
			} else if l != nil {
				done(l.Path())
			}
		}, win)
	case chooseSave:
		fd := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
			if err != nil {
				u.showError(err)
			} else if w != nil {
				done(chosenPath(w, r.Exts...))
			}
		}, win)
		fd.SetFileName(r.Name)
		if len(r.Exts) > 0 {
			fd.SetFilter(storage.NewExtensionFileFilter(r.Exts))
		}
		d = fd
	default:
		fd := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
			if err != nil {
				u.showError(err)
			} else if rc != nil {
				path := rc.URI().Path()
				rc.Close()
				done(path)
			}
		}, win)
		if len(r.Exts) > 0 {
			fd.SetFilter(storage.NewExtensionFileFilter(r.Exts))
		}
		d = fd
	}
	if l, err := storage.ListerForURI(storage.NewFileURI(r.Dir)); err == nil {
		d.SetLocation(l)
	}
	sz := win.Canvas().Size()
	d.Resize(fyne.NewSize(sz.Width*0.8, sz.Height*0.8))
	d.Show()
}

// dialogDir is the folder a file dialog opens in: the open draft's (or the file it was
// imported from), else the folder last used, else the user's Documents folder, else home.
func (u *UI) dialogDir() string {
	return chooseDialogDir([]string{u.Model.Path, u.Model.Imported, u.App.Preferences().String(prefDialogDir)}, documentsDir())
}

// chooseDialogDir is the first of candidates (a file stands for its folder) that is an
// existing folder, else fallback.
func chooseDialogDir(candidates []string, fallback string) string {
	for _, p := range candidates {
		if p == "" {
			continue
		}
		dir := p
		if st, err := os.Stat(p); err != nil || !st.IsDir() {
			dir = filepath.Dir(p)
		}
		if st, err := os.Stat(dir); err == nil && st.IsDir() {
			return dir
		}
	}
	return fallback
}

// documentsDir is the user's Documents folder (on Linux the XDG one, which may be named
// 文档), or the home folder when there is none.
func documentsDir() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	var cands []string
	if d := xdgDocumentsDir(home); d != "" {
		cands = append(cands, d)
	}
	cands = append(cands, filepath.Join(home, "Documents"), filepath.Join(home, "文档"))
	for _, d := range cands {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d
		}
	}
	return home
}

// xdgDocumentsDir reads XDG_DOCUMENTS_DIR from ~/.config/user-dirs.dirs ("" if unset).
func xdgDocumentsDir(home string) string {
	cfg := os.Getenv("XDG_CONFIG_HOME")
	if cfg == "" {
		cfg = filepath.Join(home, ".config")
	}
	f, err := os.Open(filepath.Join(cfg, "user-dirs.dirs"))
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(strings.TrimSpace(sc.Text()), "=")
		if !ok || k != "XDG_DOCUMENTS_DIR" {
			continue
		}
		v = strings.Trim(v, `"`)
		v = strings.Replace(v, "$HOME", home, 1)
		if filepath.Clean(v) == filepath.Clean(home) {
			return "" // "documents = home" means there is no Documents folder
		}
		return v
	}
	return ""
}
