// Command gongwen is Gongwen's desktop application (公文写作助手): `gongwen [FILE]` opens a
// draft (.yaml), a plain-text 公文 (.txt) or a .docx.
package main

import (
	"os"

	fyneapp "fyne.io/fyne/v2/app"

	"gongwen/app"
)

func main() {
	app.QuietLocale() // before Fyne reads the locale: no "Error parsing user locale C"
	app.Run(fyneapp.NewWithID("cn.gongwen.app"), os.Args[1:])
}
