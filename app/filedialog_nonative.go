//go:build !cgo && !windows

package app

// Built without cgo there is no native file dialog on Linux or macOS (sqweek/dialog needs
// GTK or Cocoa through cgo): Fyne's dialog is used.

func platformChooser(fileRequest) (string, error) { return "", errNoNative }

func cancelled(error) bool { return false }
