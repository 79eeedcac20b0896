package app

import (
	"bytes"
	"image"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"gongwen/document"
	"gongwen/printing"
	"gongwen/templates"
)

// PrintDialog is File → 打印 (Ctrl/Cmd+P): the printer, copies, pages and two-sided
// printing, then the pages go to CUPS as Gongwen's PDF. On Windows the system's print
// dialog asks instead and the pages go through the printer driver.
func (u *UI) PrintDialog() {
	if !u.Model.HasDocument() {
		return
	}
	npages := len(u.Model.Pages)
	if printing.SystemDialog {
		u.PrintJob(printing.Job{Copies: 1, TwoSided: true}, nil)
		return
	}
	names, def, err := printing.Printers()
	if err != nil {
		u.showError(err)
		return
	}
	if len(names) == 0 {
		u.showError(errorf("print.noprinter"))
		return
	}
	printer := widget.NewSelect(names, nil)
	if def != "" {
		printer.SetSelected(def)
	} else {
		printer.SetSelectedIndex(0)
	}
	copies := widget.NewEntry()
	copies.SetText("1")
	pages := widget.NewEntry()
	pages.SetPlaceHolder(T("print.pages.ph"))
	twoSided := widget.NewCheck(T("print.twosided"), nil)
	twoSided.SetChecked(true) // 公文 are printed on both sides (GB/T 9704-2012 5.2.3)
	form := widget.NewForm(
		widget.NewFormItem(T("print.printer"), printer),
		widget.NewFormItem(T("print.copies"), copies),
		widget.NewFormItem(T("print.pages"), pages),
		widget.NewFormItem("", twoSided),
	)
	note := newHelp(T("print.note", npages))
	u.ask(T("menu.print"), container.NewVBox(form, note), nil, choice{T("print.go"), widget.HighImportance, func() {
		n, err := strconv.Atoi(strings.TrimSpace(copies.Text))
		if err != nil || n < 1 || n > 999 {
			u.showError(errorf("print.badcopies", copies.Text))
			return
		}
		u.PrintJob(printing.Job{Printer: printer.Selected, Copies: n, TwoSided: twoSided.Checked}, func(total int) ([]printing.Range, error) {
			return printing.ParseRanges(pages.Text, total)
		})
	}})
}

// PrintJob typesets the document off the UI goroutine and prints it; ranges (if set) reads
// the page ranges once the number of pages is known. The result is reported in the status
// line (or as an error).
func (u *UI) PrintJob(job printing.Job, ranges func(total int) ([]printing.Range, error)) {
	doc, g := u.Model.Snapshot(), u.Model.Genre
	job.Title = strings.ReplaceAll(doc.Title, "\n", "")
	if job.Title == "" {
		job.Title = T("untitled")
	}
	bar := widget.NewProgressBarInfinite()
	prog := dialog.NewCustomWithoutButtons(T("print.working"), container.NewVBox(newWrapLabel(job.Title), bar), u.Win)
	prog.Show()
	u.safeGo(func() {
		id, err := printDoc(doc, g, job, ranges) // never panics
		u.opts.Post(func() {
			prog.Hide()
			switch {
			case err == printing.ErrCanceled:
				u.toast(T("print.canceled"))
			case err != nil:
				u.showError(errorf("err.detail", T("print.failed"), err))
			default:
				u.toast(T("print.sent", job.Printer, id))
			}
		})
	})
}

// printDoc typesets a snapshot (without the trainer's boxes) and prints it.
func printDoc(doc *document.Document, g *templates.Genre, job printing.Job, ranges func(int) ([]printing.Range, error)) (id string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errorf("err.export.internal", r)
		}
	}()
	d := prepare(doc, g)
	if d.GenerateErr != nil {
		return "", errorf("err.generate", d.GenerateErr)
	}
	res, err := typesetDraft(d, false)
	if err != nil {
		return "", errorf("err.typeset", err)
	}
	pages := res.Pages
	job.Pages = len(pages)
	if ranges != nil {
		if job.Ranges, err = ranges(len(pages)); err != nil {
			return "", err
		}
	}
	job.PDF = func() ([]byte, error) {
		var buf bytes.Buffer
		err := writeDraftPDF(&buf, d, res)
		return buf.Bytes(), err
	}
	job.Render = func(i int, dpi float64) (image.Image, error) { return renderPage(pages[i], dpi) }
	return printing.Print(job)
}
