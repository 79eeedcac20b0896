package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"gongwen/check"
)

func TestRoomToWrite(t *testing.T) {
	h := newHarness(t)
	h.u.NewDocument("qingshi")
	ed := h.u.ed
	h.settle()
	// 今天 fills the date field as a 公文 writes it
	date := ed.fields["date"]
	if date == nil || date.entry == nil {
		t.Fatal("no date field")
	}
	var today *testButton
	for _, o := range test.LaidOutObjects(date.block) {
		if b, ok := asButton(o, T("date.today")); ok {
			today = b
		}
	}
	if today == nil {
		t.Fatal("no 今天 button")
	}
	today.tap()
	if want := gongwenDate(time.Now()); h.u.Model.Doc.Date != want {
		t.Errorf("今天 gave %q, want %q", h.u.Model.Doc.Date, want)
	}
	// the character count follows the body
	ed.fields["body"].entry.SetText("一二三 四五\n六")
	if !strings.Contains(ed.count.Text, "正文 6 字") {
		t.Errorf("count %q", ed.count.Text)
	}
	// the help texts hide with one switch
	if len(ed.helps) == 0 || !ed.helps[0].Visible() {
		t.Fatal("no help shown")
	}
	h.u.App.Preferences().SetBool(prefFormHelp, false)
	h.u.showEditor()
	if h.u.ed.helps[0].Visible() {
		t.Error("help still shown after switching it off")
	}
}

func TestFindingsBySeverity(t *testing.T) {
	fs := []check.Finding{{Rule: "a", Severity: check.SeverityInfo}, {Rule: "b", Severity: check.SeverityError},
		{Rule: "c", Severity: check.SeverityWarning}, {Rule: "d", Severity: check.SeverityError}}
	got := sortFindings(fs)
	var order []string
	for _, f := range got {
		order = append(order, f.Rule)
	}
	if strings.Join(order, "") != "bdca" {
		t.Errorf("order %v", order)
	}
	if fs[0].Rule != "a" {
		t.Error("sortFindings changed its input")
	}
}

// TestViewPerDocument: zoom and 讲解模式 belong to the draft they were set on; a new
// document starts at 100 % without 讲解模式; the zoom steps go through 60 % and 170 %.
func TestViewPerDocument(t *testing.T) {
	h := newHarness(t)
	dir := t.TempDir()
	h.u.OpenPath(examplePath(t, "qingshi.yaml"))
	h.settle()
	path := filepath.Join(dir, "a.yaml")
	if err := h.u.Model.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	pv := h.u.ed.pv
	pv.setZoom(1)
	for _, want := range []float32{0.85, 0.75, 0.6} {
		pv.zoomOut()
		if pv.zoom != want {
			t.Fatalf("zoom out: %v, want %v", pv.zoom, want)
		}
	}
	pv.explain.SetChecked(true)
	h.u.NewDocument("baogao")
	if pv := h.u.ed.pv; pv.zoom != 1 || pv.explain.Checked {
		t.Errorf("a new document starts at %v, explain %v", pv.zoom, pv.explain.Checked)
	}
	h.u.Model.Dirty = false
	h.u.OpenPath(path)
	if pv := h.u.ed.pv; pv.zoom != 0.6 || !pv.explain.Checked {
		t.Errorf("the draft reopened at %v, explain %v", pv.zoom, pv.explain.Checked)
	}
	pv = h.u.ed.pv
	pv.setZoom(1)
	for _, want := range []float32{1.25, 1.5, 1.7} {
		pv.zoomIn()
		if pv.zoom != want {
			t.Fatalf("zoom in: %v, want %v", pv.zoom, want)
		}
	}
}

// TestDialogBesideTheDraft: the file dialogs open in the open draft's folder.
func TestDialogBesideTheDraft(t *testing.T) {
	h := newHarness(t)
	dir := t.TempDir()
	h.u.OpenPath(examplePath(t, "qingshi.yaml"))
	path := filepath.Join(dir, "q.yaml")
	if err := h.u.Model.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	if got := h.u.dialogDir(); got != dir {
		t.Errorf("dialog opens in %q, want %q", got, dir)
	}
}

// TestWheelAndPageKeys: the wheel moves the form three of Fyne's steps a notch; Ctrl+PgDn
// and Ctrl+End turn the preview's pages with a field focused (menu shortcuts come first).
func TestWheelAndPageKeys(t *testing.T) {
	h := newHarness(t)
	h.u.OpenPath(examplePath(t, "changqi.yaml"))
	h.settle()
	ed := h.u.ed
	sc := ed.scrolls[ed.tabs.SelectedIndex()]
	sc.Offset = fyne.NewPos(0, 0)
	sc.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -25)})
	if sc.Offset.Y != 75 {
		t.Errorf("one notch moved the form %v, want 75", sc.Offset.Y)
	}
	h.u.Win.Canvas().Focus(ed.fields["body"].entry)
	menuShortcut(t, h.u, &desktop.CustomShortcut{KeyName: fyne.KeyPageDown, Modifier: fyne.KeyModifierShortcutDefault})
	h.pumpUntil("page 2", func() bool { return h.u.LastPreview.Page == 1 })
	menuShortcut(t, h.u, &desktop.CustomShortcut{KeyName: fyne.KeyEnd, Modifier: fyne.KeyModifierShortcutDefault})
	h.pumpUntil("the last page", func() bool { return h.u.LastPreview.Page == ed.pv.npages-1 })
}

// TestImportFolder: a folder of two drafts, a .txt and a file that cannot be read is checked
// document by document, listed with its findings, and a row opens its document.
func TestImportFolder(t *testing.T) {
	h := newHarness(t)
	dir := t.TempDir()
	for _, n := range []string{"qingshi.yaml", "han.yaml"} {
		b, err := os.ReadFile(examplePath(t, n))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, n), b, 0o644)
	}
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("关于召开会议的通知\n\n各单位：\n定于2024年01月05日召开会议。\n\n某某局\n2024年01月03日\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "broken.yaml"), []byte("title: [\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "notes.md"), []byte("x"), 0o644)
	var docs []FolderDoc
	done := false
	h.u.CheckFolder(dir, func(d []FolderDoc, err error) {
		if err != nil {
			t.Error(err)
		}
		docs, done = d, true
	})
	h.pumpUntil("the folder check", func() bool { return done })
	if len(docs) != 4 {
		t.Fatalf("%d documents listed, want 4 (.md left out)", len(docs))
	}
	by := map[string]FolderDoc{}
	for _, d := range docs {
		by[filepath.Base(d.Path)] = d
	}
	if by["broken.yaml"].Err == nil {
		t.Error("the broken draft was not reported")
	}
	if by["a.txt"].Errors == 0 || by["a.txt"].First == "" {
		t.Errorf("a.txt: %+v", by["a.txt"])
	}
	if by["qingshi.yaml"].Err != nil || by["qingshi.yaml"].Errors != 0 {
		t.Errorf("qingshi: %+v", by["qingshi.yaml"])
	}
	if h.u.TopDialog() == nil {
		t.Fatal("no list shown")
	}
	if !tapButton(h.u.Win.Canvas().Overlays().Top(), "han.yaml") {
		t.Fatal("no row for han.yaml")
	}
	if h.u.Model.Path != filepath.Join(dir, "han.yaml") {
		t.Errorf("the row opened %q", h.u.Model.Path)
	}
}

func TestExamplesFromTheStartPage(t *testing.T) {
	h := newHarness(t)
	if !tapButton(h.u.Win.Content(), "请示") {
		t.Fatal("no example button for 请示 on the start page")
	}
	if h.u.ed == nil || h.u.Model.Genre == nil || h.u.Model.Genre.ID != "qingshi" || h.u.Model.Doc.Title == "" || h.u.Model.Path != "" {
		t.Fatalf("the example did not open as a new document: %+v", h.u.Model.Genre)
	}
}

// TestWheelOverAField: the wheel over the 正文 field moves the form, and the field grows
// with its text.
func TestWheelOverAField(t *testing.T) {
	h := newHarness(t)
	h.u.OpenPath(examplePath(t, "changqi.yaml"))
	h.settle()
	ed := h.u.ed
	body := ed.fields["body"]
	ed.tabs.SelectIndex(body.tab)
	sc := ed.scrolls[body.tab]
	sc.Offset = fyne.NewPos(0, 0)
	sc.Refresh()
	if body.rows <= body.minRows {
		t.Errorf("the 正文 field shows %d rows for a 6-page text (least %d)", body.rows, body.minRows)
	}
	c := h.u.Win.Canvas()
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(body.entry).Add(fyne.NewPos(40, 20))
	if pos.Y > c.Size().Height {
		t.Skipf("the field is below the window (%v)", pos)
	}
	test.Scroll(c, pos, 0, -25)
	if sc.Offset.Y == 0 {
		t.Error("the wheel over the 正文 field did not move the form")
	}
	// taps, drags, the mouse and the keyboard still reach the field: the pass handles none
	var pass any = newWheelPass(nil)
	if _, ok := pass.(fyne.Tappable); ok {
		t.Error("wheelPass takes taps")
	}
	if _, ok := pass.(fyne.Focusable); ok {
		t.Error("wheelPass takes the focus")
	}
	if _, ok := pass.(fyne.Draggable); ok {
		t.Error("wheelPass takes drags")
	}
	if _, ok := pass.(desktop.Mouseable); ok {
		t.Error("wheelPass takes mouse buttons")
	}
	if _, ok := pass.(desktop.Hoverable); ok {
		t.Error("wheelPass takes the pointer")
	}
}

// pressKey delivers a key as the desktop driver does: to the focused widget when there is
// one, else to the window canvas's key handler.
func pressKey(u *UI, name fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: name}
	if f := u.Win.Canvas().Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	u.Win.Canvas().(test.WindowlessCanvas).OnTypedKey()(ev)
}

// TestHomeEndKeys: with nothing focused Home/End go to the preview's first and last page and
// PgDn/PgUp turn one page; with a field focused they move the field's cursor and leave the
// preview where it is.
func TestHomeEndKeys(t *testing.T) {
	h := newHarness(t)
	h.u.OpenPath(examplePath(t, "changqi.yaml"))
	h.settle()
	ed := h.u.ed
	if ed.pv.npages < 3 {
		t.Fatalf("the example has %d pages, want 3 or more", ed.pv.npages)
	}
	last := ed.pv.npages - 1
	h.u.Win.Canvas().Unfocus()
	for _, c := range []struct {
		key  fyne.KeyName
		page int
	}{
		{fyne.KeyEnd, last},
		{fyne.KeyHome, 0},
		{fyne.KeyPageDown, 1},
		{fyne.KeyPageDown, 2},
		{fyne.KeyPageUp, 1},
		{fyne.KeyEnd, last},
	} {
		pressKey(h.u, c.key)
		if ed.pv.page != c.page {
			t.Fatalf("%s with nothing focused: page %d, want %d", c.key, ed.pv.page+1, c.page+1)
		}
		h.pumpUntil(fmt.Sprintf("%s: the preview of page %d", c.key, c.page+1), func() bool { return h.u.LastPreview.Page == c.page })
	}

	// a field focused: the keys act in the field
	title := ed.fields["title"].entry
	h.u.Win.Canvas().Focus(title)
	title.CursorRow, title.CursorColumn = 0, 0
	pressKey(h.u, fyne.KeyEnd)
	if line := []rune(strings.Split(title.Text, "\n")[0]); title.CursorColumn != len(line) {
		t.Errorf("End in the title field: cursor column %d, want %d", title.CursorColumn, len(line))
	}
	pressKey(h.u, fyne.KeyHome)
	if title.CursorColumn != 0 {
		t.Errorf("Home in the title field: cursor column %d, want 0", title.CursorColumn)
	}
	pressKey(h.u, fyne.KeyPageDown)
	if ed.pv.page != last {
		t.Errorf("keys in a focused field turned the preview to page %d, want %d", ed.pv.page+1, last+1)
	}
	h.settle()
}
