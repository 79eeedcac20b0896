package app

import (
	"path/filepath"
	"strings"
)

// showImportReport shows, after a .txt or .docx was opened, what the import inferred and
// could not find (Model.ImportReport: the issuer and the source it was inferred from, the
// number and dates normalised, the elements missing), one line each, so the writer knows what
// to check before saving. Nothing is shown when the import has nothing to say.
func (u *UI) showImportReport() {
	rep := u.Model.ImportReport
	if len(rep) == 0 || u.Model.Imported == "" {
		return
	}
	u.inform(T("imported", filepath.Base(u.Model.Imported)), dialogText(strings.Join(rep, "\n")))
}
