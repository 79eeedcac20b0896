// Command gongwen is Gongwen's desktop application (公文写作助手): `gongwen [FILE]` opens a
// draft (.yaml), a plain-text 公文 (.txt) or a .docx.
package main

import (
	"os"
	"runtime"
	"runtime/debug"

	fyneapp "fyne.io/fyne/v2/app"

	"gongwen/app"
)

func main() {
	restoreLocale()   // the C.UTF-8 the constructor shortened (locale_unix.go), for child programs
	app.QuietLocale() // and Fyne's later reads of it quiet too
	// the heap holds ~20 MB live with the 6-page example after typing (the UI font as Fyne
	// parses it, a page's picture, Fyne's caches; measured with GONGWEN_TRACE, 2026-12):
	// a limit far above it, against a runaway document
	debug.SetMemoryLimit(160 << 20)
	// and at half the live heap's growth instead of all of it (GOGC=50): ~20 MB less RSS
	// with a 6-page draft (287 → 262–268 MB under Xvfb), for a few more collections while
	// typing
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(50)
	}
	// no heap profiling unless asked for (memprofile.go): the runtime samples an allocation
	// every 512 KB by default, walking its stack, and keeps the stacks
	if os.Getenv("GONGWEN_MEMPROFILE") == "" {
		runtime.MemProfileRate = 0
	}
	memProfile()
	cpuProfile()
	app.Run(fyneapp.NewWithID("cn.gongwen.app"), os.Args[1:])
}
