//go:build !windows && !(cgo && (linux || freebsd || openbsd || netbsd || darwin))

package app

// Built without cgo there is no native file dialog on Linux or macOS (GTK is called and
// Cocoa linked through cgo): Fyne's dialog is used.

func platformChooser(fileRequest) (string, error) { return "", errNoNative }

func cancelled(error) bool { return false }
