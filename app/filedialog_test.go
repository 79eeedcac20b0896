package app

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestChooseDialogDir: a file dialog opens in the draft's folder, else the one last used,
// else the fallback (Documents or home); a candidate that no longer exists is skipped.
func TestChooseDialogDir(t *testing.T) {
	draftDir, lastDir, docs := t.TempDir(), t.TempDir(), t.TempDir()
	draft := filepath.Join(draftDir, "a.yaml")
	os.WriteFile(draft, []byte("title: x\n"), 0o644)
	parent := t.TempDir()
	gone := filepath.Join(parent, "removed", "b.yaml")
	for _, c := range []struct {
		name  string
		cands []string
		want  string
	}{
		{"the draft's folder", []string{draft, "", lastDir}, draftDir},
		{"a draft never saved: the folder last used", []string{"", "", lastDir}, lastDir},
		{"an imported file's folder", []string{"", draft, lastDir}, draftDir},
		{"a draft whose folder is gone: the folder last used", []string{gone, "", lastDir}, lastDir},
		{"nothing known: Documents", []string{"", "", ""}, docs},
		{"the last folder removed: the folder above it", []string{"", "", filepath.Dir(gone)}, parent},
		{"the last folder and the one above removed: Documents", []string{"", "", filepath.Join(parent, "x", "y")}, docs},
	} {
		if got := chooseDialogDir(c.cands, docs); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

// TestDocumentsDir: the XDG Documents folder (named 文档 here), else ~/Documents, else home.
func TestDocumentsDir(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	if got := documentsDir(); got != home {
		t.Errorf("no Documents folder: %q, want the home %q", got, home)
	}
	os.Mkdir(filepath.Join(home, "Documents"), 0o755)
	if got := documentsDir(); got != filepath.Join(home, "Documents") {
		t.Errorf("~/Documents: %q", got)
	}
	os.MkdirAll(filepath.Join(home, ".config"), 0o755)
	os.Mkdir(filepath.Join(home, "公文资料"), 0o755)
	os.WriteFile(filepath.Join(home, ".config", "user-dirs.dirs"), []byte("# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR=\"$HOME/桌面\"\nXDG_DOCUMENTS_DIR=\"$HOME/公文资料\"\n"), 0o644)
	if got := documentsDir(); got != filepath.Join(home, "公文资料") {
		t.Errorf("XDG_DOCUMENTS_DIR: %q", got)
	}
}

// TestNativeFileDialog: with native dialogs on, File → 打开 asks the platform's chooser for
// the draft formats, starting in the draft's folder, and opens the chosen file; a cancel
// does nothing; when the chooser fails, Fyne's dialog appears in that same folder instead.
func TestNativeFileDialog(t *testing.T) {
	h := newHarness(t)
	h.u.opts.NativeDialogs = true
	t.Setenv("GONGWEN_DIALOG", "")
	dir := t.TempDir()
	h.u.OpenPath(examplePath(t, "qingshi.yaml"))
	h.settle()
	draft := filepath.Join(dir, "草稿一.yaml")
	if err := h.u.Model.SaveAs(draft); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, "草稿二.yaml")
	if err := h.u.Model.SaveAs(other); err != nil {
		t.Fatal(err)
	}
	h.u.Model.Path = draft

	var asked []fileRequest
	answer := func(path string, err error) {
		nativeChooser = func(r fileRequest) (string, error) {
			asked = append(asked, r)
			return path, err
		}
	}
	defer func() { nativeChooser = platformChooser }()

	// chosen: the file opens
	answer(other, nil)
	h.u.openDialog()
	h.pumpUntil("the chosen draft open", func() bool { return h.u.Model.Path == other })
	r := asked[0]
	if r.Kind != chooseOpen || r.Dir != dir || !strings.Contains(strings.Join(r.Exts, " "), ".yaml") {
		t.Errorf("the native dialog was asked %+v, want an open dialog in %s for .yaml", r, dir)
	}
	if h.u.nativeOpen {
		t.Error("the native dialog is still marked open")
	}

	// a save: the suggested name, and the extension added to a name typed without one
	answer(filepath.Join(dir, "另存"), nil)
	saved := ""
	h.u.fileSave([]string{".yaml", ".yml"}, func(p string) { saved = p })
	h.pumpUntil("the save answer", func() bool { return saved != "" })
	if saved != filepath.Join(dir, "另存.yaml") || asked[1].Kind != chooseSave || asked[1].Name != "草稿二.yaml" {
		t.Errorf("save: path %q, request %+v", saved, asked[1])
	}

	// cancelled: nothing happens
	answer("", nil)
	h.u.openDialog()
	h.pumpUntil("the cancel", func() bool { return len(asked) == 3 && !h.u.nativeOpen })
	if h.u.Model.Path != other || h.u.TopDialog() != nil || h.u.Win.Canvas().Overlays().Top() != nil {
		t.Errorf("a cancel changed something: draft %q", h.u.Model.Path)
	}

	// the chooser fails (no GTK display): Fyne's dialog, in the draft's folder
	answer("", errors.New("gtk initialisation failed"))
	h.u.openDialog()
	h.pumpUntil("Fyne's file dialog", func() bool { return h.u.Win.Canvas().Overlays().Top() != nil })
	var names []string
	for _, o := range test.LaidOutObjects(h.u.Win.Canvas().Overlays().Top()) {
		if l, ok := o.(*widget.Label); ok {
			names = append(names, l.Text)
		}
	}
	if !strings.Contains(strings.Join(names, "\n"), "草稿一") {
		t.Errorf("the fallback dialog does not list the draft's folder %s: %q", dir, names)
	}
	if !h.u.nativeFailed {
		t.Error("the failure was not noted")
	}
}

// TestRegisterFileDialogs: the 发文登记簿's xlsx export and import and the 文稿库's ZIP export
// go through the same chooser: the file chosen is written, and read back.
func TestRegisterFileDialogs(t *testing.T) {
	h := regHarness(t)
	h.u.opts.NativeDialogs = true
	t.Setenv("GONGWEN_DIALOG", "")
	defer func() { nativeChooser = platformChooser }()
	dir := t.TempDir()
	answer := func(path string) {
		nativeChooser = func(fileRequest) (string, error) { return path, nil }
	}
	h.u.NewDocument("qingshi")
	if _, err := h.u.TakeNumber("江政", 2026, 0); err != nil {
		t.Fatal(err)
	}
	r := h.u.ShowRegister()
	defer r.w.Close()
	xlsx := filepath.Join(dir, "登记簿") // typed without the extension
	answer(xlsx)
	r.doExport()
	h.pumpUntil("the register's xlsx", func() bool { _, err := os.Stat(xlsx + ".xlsx"); return err == nil })
	answer(xlsx + ".xlsx")
	r.doImport()
	h.pumpUntil("the import's report", func() bool { return r.w.Canvas().Overlays().Top() != nil })
	var text []string
	for _, o := range test.LaidOutObjects(r.w.Canvas().Overlays().Top()) {
		if l, ok := o.(*widget.Label); ok {
			text = append(text, l.Text)
		}
	}
	if got := strings.Join(text, "\n"); !strings.Contains(got, T("reg.xlsx.imported", 1)) {
		t.Errorf("import of the exported register says %q, want %q", got, T("reg.xlsx.imported", 1))
	}

	h.u.Model.Set("title", "关于拨付防汛资金的请示")
	if _, err := h.u.SaveToLibrary(); err != nil {
		t.Fatal(err)
	}
	lib := h.u.ShowLibrary()
	defer lib.w.Close()
	zip := filepath.Join(dir, "文稿库.zip")
	answer(zip)
	lib.doExport()
	h.pumpUntil("the library's ZIP", func() bool { st, err := os.Stat(zip); return err == nil && st.Size() > 0 })
}
