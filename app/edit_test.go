package app

import (
	"bytes"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"gongwen/printing"
)

// TestUndoFixAll: typing, a fix-all and a unit profile are undone and redone in order, as
// one history, and the form shows each state.
func TestUndoFixAll(t *testing.T) {
	h := newHarness(t)
	h.u.NewDocument("qingshi")
	ed := h.u.ed
	h.settle()
	number := ed.fields["number"].entry
	test.Type(number, "江政[2024]05号")
	h.u.Model.hist.seal()
	typed := h.u.Model.Doc.Number
	h.settle()
	if h.u.Model.Fixable() == 0 {
		t.Fatalf("no mechanical fix for %q: %v", typed, h.u.Model.Findings)
	}
	h.u.FixAll()
	fixed := h.u.Model.Doc.Number
	if fixed == typed || number.Text != fixed {
		t.Fatalf("fix-all: model %q, field %q", fixed, number.Text)
	}
	h.u.Undo()
	if h.u.Model.Doc.Number != typed || number.Text != typed {
		t.Fatalf("undo of fix-all: model %q, field %q, want %q", h.u.Model.Doc.Number, number.Text, typed)
	}
	h.u.Redo()
	if h.u.Model.Doc.Number != fixed || number.Text != fixed {
		t.Fatalf("redo of fix-all: %q", h.u.Model.Doc.Number)
	}
	// back through the fix-all and the typing (one step) to the template's empty number
	h.u.Undo()
	h.u.Undo()
	if h.u.Model.Doc.Number != "" || number.Text != "" {
		t.Errorf("undo of the typing: %q", h.u.Model.Doc.Number)
	}
	if h.u.Model.CanUndo() {
		t.Errorf("history left after undoing everything: %s", h.u.Model.UndoLabel())
	}
	// Ctrl+Z through the menu, with the field focused
	test.Type(number, "1")
	h.u.Win.Canvas().Focus(number)
	menuShortcut(t, h.u, &fyne.ShortcutUndo{})
	if h.u.Model.Doc.Number != "" {
		t.Errorf("Ctrl+Z in a field did not undo the document: %q", h.u.Model.Doc.Number)
	}
}

// menuShortcut runs the main menu item with shortcut sc, as the window does for a key press.
func menuShortcut(t *testing.T, u *UI, sc fyne.Shortcut) {
	t.Helper()
	for _, m := range u.Win.MainMenu().Items {
		for _, it := range m.Items {
			if it.Shortcut != nil && it.Shortcut.ShortcutName() == sc.ShortcutName() {
				it.Action()
				return
			}
		}
	}
	t.Fatalf("no menu item for %s", sc.ShortcutName())
}

func TestHistoryTypingSteps(t *testing.T) {
	m := newTestModel(t)
	if err := m.New("qingshi"); err != nil {
		t.Fatal(err)
	}
	now := time.Unix(1e9, 0)
	m.hist.now = func() time.Time { return now }
	for _, s := range []string{"关", "关于", "关于请"} {
		m.Set("title", s)
		now = now.Add(200 * time.Millisecond)
	}
	m.Set("recipients", "省政府：") // another field: another step
	now = now.Add(5 * time.Second)
	m.Set("recipients", "省人民政府：") // after a pause: another step
	for _, want := range []struct{ title, rec string }{{"关于请", "省政府："}, {"关于请", ""}, {"", ""}} {
		if !m.Undo() {
			t.Fatal("nothing to undo")
		}
		if m.Doc.Title != want.title || m.Doc.Recipients != want.rec {
			t.Errorf("after undo: %q %q, want %q %q", m.Doc.Title, m.Doc.Recipients, want.title, want.rec)
		}
	}
	if m.CanUndo() || m.Undo() {
		t.Error("more to undo than was done")
	}
	m.Redo()
	if m.Doc.Title != "关于请" || !m.CanRedo() {
		t.Errorf("redo: %q", m.Doc.Title)
	}
	m.Set("note", "（联系人：张三）") // a new change drops what could be redone
	if m.CanRedo() {
		t.Error("redo kept after a new change")
	}
}

func TestFindReplace(t *testing.T) {
	h := newHarness(t)
	h.u.OpenPath(examplePath(t, "qingshi.yaml"))
	ed := h.u.ed
	h.settle()
	h.u.OpenFind()
	b := ed.find
	test.Type(b.find, "省")
	if len(b.matches) < 2 {
		t.Fatalf("matches of 省: %v", b.matches)
	}
	first := b.matches[0]
	b.Next()
	ff := ed.fields[first.Path]
	if h.u.Win.Canvas().Focused() != ff.entry || ff.entry.SelectedText() != "省" {
		t.Errorf("Next did not select the match in %s (selected %q)", first.Path, ff.entry.SelectedText())
	}
	b.Prev()
	if b.cur != len(b.matches)-1 {
		t.Errorf("Prev from the first match went to %d", b.cur)
	}
	n := len(b.matches)
	test.Type(b.repl, "市")
	b.ReplaceAll()
	if got := h.u.Model.Find("省", b.paths()); len(got) != 0 {
		t.Errorf("replace all left %d", len(got))
	}
	if got := h.u.Model.Find("市", b.paths()); len(got) < n {
		t.Errorf("replace all: %d of 市, want at least %d", len(got), n)
	}
	// one undo step brings every 省 back
	h.u.Undo()
	if got := h.u.Model.Find("省", b.paths()); len(got) != n {
		t.Errorf("undo of replace all: %d of 省, want %d", len(got), n)
	}
	// Esc in the search text closes the bar
	b.find.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if b.root.Visible() {
		t.Error("Esc did not close Find")
	}
}

func TestFindOffsets(t *testing.T) {
	m := newTestModel(t)
	if err := m.New("qingshi"); err != nil {
		t.Fatal(err)
	}
	m.Set("body", "甲乙甲\n丙甲")
	got := m.Find("甲", []string{"body"})
	want := []Match{{"body", 0, 1}, {"body", 2, 1}, {"body", 5, 1}}
	if len(got) != len(want) {
		t.Fatalf("Find: %v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("match %d: %v, want %v", i, got[i], want[i])
		}
	}
	if r, c := rowCol("甲乙甲\n丙甲", 5); r != 1 || c != 1 {
		t.Errorf("rowCol: %d %d", r, c)
	}
	if !m.Replace(got[2], "甲", "丁") || m.Doc.Body[1] != "丙丁" {
		t.Errorf("Replace: %q", m.Doc.Body)
	}
	if m.Replace(got[2], "甲", "丁") {
		t.Error("Replace where the text changed")
	}
}

// TestCancelInEveryDialog: each confirmation has 取消, and Esc closes it leaving the
// document as it was.
func TestCancelInEveryDialog(t *testing.T) {
	h := newHarness(t)
	h.u.NewDocument("qingshi")
	h.settle()
	h.u.Model.Set("title", "关于测试的请示")
	esc := func() { h.u.Win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape}) }
	for _, c := range []struct {
		name string
		open func()
	}{
		{"unsaved changes on New", h.u.ShowStart},
		{"unsaved changes on Open", func() { h.u.OpenPath(examplePath(t, "han.yaml")) }},
		{"unsaved changes on quit", h.u.onClose},
		{"export chooser", h.u.exportChooser},
		{"exercise", h.u.ExerciseDialog},
		{"print", func() {
			if names, _, err := printing.Printers(); err != nil || len(names) == 0 {
				h.u.showError(errorf("print.noprinter")) // no printer here: the error it shows then
				return
			}
			h.u.PrintDialog()
		}},
		{"about", h.u.about},
		{"error", func() { h.u.showError(errorf("err.nodoc")) }},
	} {
		for _, how := range []string{"Esc", "取消"} {
			c.open()
			d := h.u.TopDialog()
			if d == nil {
				t.Fatalf("%s: no dialog", c.name)
			}
			if how == "Esc" {
				esc()
			} else if !tapButton(h.u.Win.Canvas().Overlays().Top(), T("cancel"), T("close")) {
				t.Errorf("%s: no 取消 button", c.name)
				d.Hide()
			}
			if h.u.TopDialog() != nil {
				t.Errorf("%s: %s left the dialog open", c.name, how)
			}
			if h.u.ed == nil || h.u.Model.Doc == nil || h.u.Model.Doc.Title != "关于测试的请示" || !h.u.Model.Dirty {
				t.Fatalf("%s: %s changed the document", c.name, how)
			}
		}
	}
}

// tapButton taps the first visible button of o labelled one of labels.
func tapButton(o fyne.CanvasObject, labels ...string) bool {
	for _, w := range test.LaidOutObjects(o) {
		b, ok := w.(*widget.Button)
		if !ok || !b.Visible() {
			continue
		}
		for _, l := range labels {
			if b.Text == l {
				test.Tap(b)
				return true
			}
		}
	}
	return false
}

// TestPrintFromTheApp prints the open document through CUPS to the PDF printer (see
// tools/cups.sh), pages 2 to 3 of 4, and checks the printed file's pages.
func TestPrintFromTheApp(t *testing.T) {
	printer, outDir := os.Getenv("GONGWEN_PRINTER"), os.Getenv("GONGWEN_PRINTER_OUT")
	if printer == "" {
		printer, outDir = "Gongwen-PDF", "/var/spool/cups-pdf-gongwen"
	}
	if names, _, err := printing.Printers(); err != nil || !strings.Contains(strings.Join(names, "\n"), printer) {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI needs the CUPS printer %s (tools/cups.sh): %v", printer, err)
		}
		t.Skipf("no CUPS printer %s", printer)
	}
	h := newHarness(t)
	h.u.OpenPath(examplePath(t, "tongzhi.yaml"))
	h.settle()
	title := fmt.Sprintf("gongwen-app-print-%d", time.Now().UnixNano())
	h.u.Model.Doc.Title = title
	status := ""
	h.u.PrintJob(printing.Job{Printer: printer, Copies: 1, TwoSided: true}, func(n int) ([]printing.Range, error) {
		return printing.ParseRanges("2-3", n)
	})
	h.pumpUntil("the print job", func() bool {
		status = h.u.ed.status.Text
		return strings.Contains(status, printer) || h.u.TopDialog() != nil
	})
	if h.u.TopDialog() != nil {
		t.Fatalf("printing failed (status %q)", status)
	}
	var file string
	deadline := time.Now().Add(60 * time.Second)
	for file == "" && time.Now().Before(deadline) {
		m, _ := filepath.Glob(filepath.Join(outDir, title+"*.pdf"))
		if len(m) > 0 {
			file = m[0]
		}
		time.Sleep(300 * time.Millisecond)
	}
	if file == "" {
		t.Fatalf("no printed file titled %s in %s", title, outDir)
	}
	defer os.Remove(file)
	time.Sleep(time.Second) // cups-pdf writes the file before the job ends
	info, err := exec.Command("pdfinfo", file).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	if !regexp.MustCompile(`Pages:\s+2\n`).Match(info) || !strings.Contains(string(info), "(A4)") {
		t.Errorf("printed file is not 2 A4 pages:\n%s", info)
	}
}

// TestNoLocaleWarning: LANG=C.UTF-8 gives no "Error parsing user locale C".
func TestNoLocaleWarning(t *testing.T) {
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANGUAGE", "")
	t.Setenv("LANG", "C.UTF-8")
	var buf bytes.Buffer
	log.SetOutput(&buf)
	defer log.SetOutput(os.Stderr)
	newHarness(t)
	if strings.Contains(buf.String(), "locale") {
		t.Errorf("Fyne complains about the locale:\n%s", buf.String())
	}
}

// testButton is a button found in a laid-out tree.
type testButton struct{ b *widget.Button }

func (b *testButton) tap() { test.Tap(b.b) }

func asButton(o fyne.CanvasObject, label string) (*testButton, bool) {
	b, ok := o.(*widget.Button)
	if !ok || b.Text != label {
		return nil, false
	}
	return &testButton{b}, true
}
