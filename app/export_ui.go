package app

import (
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// exportChooser is Ctrl/Cmd+E: pick PDF, OFD, DOCX or PNG.
func (u *UI) exportChooser() {
	if !u.Model.HasDocument() {
		return
	}
	var d dialog.Dialog
	pick := func(kind string) func() {
		return u.wrap(func() { d.Hide(); u.Export(kind) })
	}
	content := container.NewVBox(
		dialogText(T("export.choose")),
		widget.NewButton(T("export.pdf"), pick(ExportPDF)),
		widget.NewButton(T("export.ofd"), pick(ExportOFD)),
		widget.NewButton(T("export.docx"), pick(ExportDOCX)),
		widget.NewButton(T("export.png"), pick(ExportPNG)),
	)
	d = dialog.NewCustom(T("menu.export"), T("cancel"), content, u.Win)
	u.track(d, nil)
}

// Export asks where to save through the native save dialog, then exports in the background
// with a progress dialog, and offers to open the result.
func (u *UI) Export(kind string) {
	if !u.Model.HasDocument() {
		return
	}
	u.confirmUnfinished(func() {
		u.fileSave([]string{"." + kind}, func(path string) { u.ExportTo(kind, path, nil) })
	})
}

// confirmUnfinished runs next at once when the document has no error findings and no
// unfilled template prompts (【请填写……】); else it asks first (导出 / 取消, Esc cancels),
// naming how many of each, as gwcli export notes them (pipeline.Unfinished).
func (u *UI) confirmUnfinished(next func()) {
	p := appPipeline()
	errs, prompts := p.Unfinished(p.PrepareAs(u.Model.Snapshot(), u.Model.Genre))
	if errs == 0 && prompts == 0 {
		next()
		return
	}
	var parts []string
	if errs > 0 {
		parts = append(parts, T("export.unfinished.errors", errs))
	}
	if prompts > 0 {
		parts = append(parts, T("export.unfinished.prompts", prompts))
	}
	msg := T("export.unfinished.ask", strings.Join(parts, T("export.unfinished.sep")))
	u.ask(T("export.unfinished.title"), dialogText(msg), nil, choice{T("export.anyway"), widget.HighImportance, next})
}

// ExportTo exports to path off the UI goroutine; done (if set) gets the result on the UI
// goroutine after the dialogs are shown.
func (u *UI) ExportTo(kind, path string, done func([]string, error)) {
	doc, g := u.Model.Snapshot(), u.Model.Genre
	bar := widget.NewProgressBarInfinite()
	prog := dialog.NewCustomWithoutButtons(T("export.working", strings.ToUpper(kind)), container.NewVBox(newWrapLabel(filepath.Base(path)), bar), u.Win)
	prog.Show()
	u.safeGo(func() {
		files, err := exportFile(doc, g, kind, path) // never panics
		u.opts.Post(u.wrap(func() {
			prog.Hide()
			if err != nil {
				u.showError(errorf("err.detail", T("export.failed"), err))
			} else {
				u.exportDone(files)
			}
			if done != nil {
				done(files, err)
			}
		}))
	})
}

func (u *UI) exportDone(files []string) {
	if len(files) == 0 {
		return
	}
	msg := T("export.done", filepath.Base(files[0]))
	if len(files) > 1 {
		msg = T("export.donen", len(files), filepath.Dir(files[0]))
	}
	u.toast(msg)
	first := files[0]
	u.ask(T("export.title"), dialogText(msg), nil, choice{T("export.open"), widget.HighImportance, func() { u.openFile(first) }})
}
