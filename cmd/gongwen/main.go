// Command gongwen is Gongwen's desktop application (公文写作助手): `gongwen [FILE]` opens a
// draft (.yaml), a plain-text 公文 (.txt) or a .docx.
package main

import (
	"os"
	"runtime/debug"

	fyneapp "fyne.io/fyne/v2/app"

	"gongwen/app"
)

func main() {
	restoreLocale()   // the C.UTF-8 the constructor shortened (locale_unix.go), for child programs
	app.QuietLocale() // and Fyne's later reads of it quiet too
	// the heap holds ~100 MB live with a 6-page draft (fonts, the word dictionary, caches):
	// collect before it doubles, so the window stays near its working set
	debug.SetMemoryLimit(160 << 20)
	app.Run(fyneapp.NewWithID("cn.gongwen.app"), os.Args[1:])
}
