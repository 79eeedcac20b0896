//go:build windows || (cgo && darwin)

package app

import (
	"errors"
	"fmt"
	"strings"

	sqdialog "github.com/sqweek/dialog"
)

// platformChooser is nativeChooser through github.com/sqweek/dialog: the common dialogs on
// Windows (system calls), Cocoa panels on macOS (cgo). (Linux and the BSDs have their own,
// filedialog_gtk.go: sqweek/dialog initialises GTK when the program starts and titles its
// GTK dialog "Open File" with English buttons.) A panic becomes an error, and the caller
// falls back to Fyne's dialog.
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
