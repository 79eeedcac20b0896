//go:build !(cgo && (linux || freebsd || openbsd || netbsd))

package main

// restoreLocale has nothing to put back where the locale does not come from LANG (Windows,
// macOS) or without cgo.
func restoreLocale() {}
