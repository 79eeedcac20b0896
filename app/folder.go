package app

import (
	"os"
	"path/filepath"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"gongwen/check"
	"gongwen/document"
	"gongwen/templates"
)

// Importing a folder (issue 11, batch): every draft, .txt and .docx in it is read, typeset
// and checked as gwcli check does, and the app lists each document with its findings; a
// row opens that document.

// FolderDoc is one document of a folder and what the check found.
type FolderDoc struct {
	Path     string
	Err      error // it could not be read
	Errors   int
	Warnings int
	Infos    int
	First    string // the first error (else warning) message
	Findings []check.Finding
}

// folderFiles lists the documents of a folder the app can open, sorted by name.
func folderFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		switch strings.ToLower(filepath.Ext(e.Name())) {
		case ".yaml", ".yml", ".txt", ".docx":
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	sort.Strings(out)
	return out, nil
}

// checkFolder reads and checks every document of a folder (safe off the UI goroutine);
// progress(i, n) is called before each.
func checkFolder(dir string, set *templates.Set, progress func(i, n int)) ([]FolderDoc, error) {
	files, err := folderFiles(dir)
	if err != nil {
		return nil, err
	}
	out := make([]FolderDoc, 0, len(files))
	for i, f := range files {
		if progress != nil {
			progress(i, len(files))
		}
		out = append(out, checkOne(f, set))
	}
	return out, nil
}

func checkOne(path string, set *templates.Set) (fd FolderDoc) {
	fd.Path = path
	defer func() {
		if r := recover(); r != nil {
			fd.Err = errorf("err.analyse.internal", r)
		}
	}()
	doc, err := document.LoadWith(path, set.GenreTable()) // pipeline.Genres(set)
	if err != nil {
		fd.Err = openError(path, err)
		return fd
	}
	g := genreOf(set, doc)
	out := appPipeline().Run(prepare(doc, g), false)
	fd.Findings = sortFindings(out.Findings)
	for _, f := range fd.Findings {
		switch f.Severity {
		case check.SeverityError:
			fd.Errors++
		case check.SeverityWarning:
			fd.Warnings++
		default:
			fd.Infos++
		}
	}
	if len(fd.Findings) > 0 && fd.Findings[0].Severity != check.SeverityInfo {
		fd.First = findingMessage(fd.Findings[0])
	}
	return fd
}

// ImportFolder is File → 导入文件夹: choose a folder, then check its documents.
func (u *UI) ImportFolder() {
	u.chooseFile(fileRequest{Kind: chooseFolder, Title: T("menu.importfolder")}, func(dir string) { u.CheckFolder(dir, nil) })
}

// CheckFolder checks a folder's documents in the background with a progress bar, then
// lists them; done (if set) gets the result on the UI goroutine (tests).
func (u *UI) CheckFolder(dir string, done func([]FolderDoc, error)) {
	bar := widget.NewProgressBar()
	prog := dialog.NewCustomWithoutButtons(T("folder.working"), container.NewVBox(newWrapLabel(dir), bar), u.Win)
	prog.Show()
	set := u.Model.Templates
	u.safeGo(func() {
		docs, err := checkFolder(dir, set, func(i, n int) {
			u.opts.Post(func() { bar.SetValue(float64(i) / float64(max(n, 1))) })
		})
		u.opts.Post(func() {
			prog.Hide()
			if err != nil {
				u.showError(errorf("err.detail", T("folder.failed"), err))
			} else {
				u.showFolder(dir, docs)
			}
			if done != nil {
				done(docs, err)
			}
		})
	})
}

// showFolder lists a folder's documents with their findings; a row opens its document.
func (u *UI) showFolder(dir string, docs []FolderDoc) {
	if len(docs) == 0 {
		u.inform(T("folder.title"), dialogText(T("folder.empty", dir)))
		return
	}
	errs := 0
	for _, d := range docs {
		if d.Err != nil || d.Errors > 0 {
			errs++
		}
	}
	var rows []fyne.CanvasObject
	var dlg *dialog.CustomDialog
	for _, d := range docs {
		doc := d
		status := T("folder.row", doc.Errors, doc.Warnings, doc.Infos)
		imp := widget.SuccessImportance
		switch {
		case doc.Err != nil:
			status, imp = doc.Err.Error(), widget.DangerImportance
		case doc.Errors > 0:
			imp = widget.DangerImportance
		case doc.Warnings > 0:
			imp = widget.WarningImportance
		}
		name := widget.NewButton(filepath.Base(doc.Path), func() {
			dlg.Hide()
			u.OpenPath(doc.Path)
		})
		name.Alignment = widget.ButtonAlignLeading
		name.Importance = widget.LowImportance
		st := widget.NewLabel(status)
		st.Importance = imp
		first := newHelp(doc.First)
		rows = append(rows, container.NewBorder(nil, first, nil, st, name), widget.NewSeparator())
	}
	head := widget.NewLabelWithStyle(T("folder.head", len(docs), errs), fyne.TextAlignLeading, strongStyle)
	list := container.NewVScroll(container.NewVBox(rows...))
	list.SetMinSize(fyne.NewSize(640, 380))
	dlg = dialog.NewCustom(T("folder.title")+" · "+filepath.Base(dir), T("close"), container.NewBorder(head, nil, nil, nil, list), u.Win)
	u.track(dlg, nil)
}
