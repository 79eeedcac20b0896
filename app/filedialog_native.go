//go:build cgo || windows

package app

import (
	"errors"
	"fmt"
	"strings"

	sqdialog "github.com/sqweek/dialog"
)

// platformChooser is nativeChooser through github.com/sqweek/dialog: GTK 3 on Linux and
// the BSDs (cgo), the common dialogs on Windows (system calls), Cocoa panels on macOS
// (cgo). Its GTK side panics when GTK could not be initialised (no display it can open):
// that becomes an error, and the caller falls back to Fyne's dialog.
func platformChooser(r fileRequest) (path string, err error) {
	defer func() {
		if p := recover(); p != nil {
			path, err = "", fmt.Errorf("native file dialog: %v", p)
		}
	}()
	if r.Kind == chooseFolder {
		return sqdialog.Directory().Title(r.Title).SetStartDir(r.Dir).Browse()
	}
	b := sqdialog.File().Title(r.Title).SetStartDir(r.Dir)
	if len(r.Exts) > 0 {
		exts := make([]string, len(r.Exts))
		for i, e := range r.Exts {
			exts[i] = strings.TrimPrefix(e, ".")
		}
		b = b.Filter(T("dialog.filter", strings.Join(r.Exts, " ")), exts...)
	}
	if r.Kind == chooseSave {
		return b.SetStartFile(r.Name).Save()
	}
	return b.Load()
}

// cancelled tells whether a native dialog's error means the user cancelled it.
func cancelled(err error) bool { return errors.Is(err, sqdialog.ErrCancelled) }
