package app

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// syncBuffer is a bytes.Buffer safe for a writer and a reader on two goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// dialogLabels is the text of the labels of the top overlay (the dialog shown).
func dialogLabels(u *UI) string {
	top := u.Win.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var b strings.Builder
	for _, o := range test.LaidOutObjects(top) {
		if l, ok := o.(*widget.Label); ok && l.Visible() {
			b.WriteString(l.Text)
			b.WriteString("\n")
		}
	}
	return b.String()
}

// TestPanicInHandlerBecomesDialog: a panic in a dialog's answer, a background goroutine or a
// posted callback is logged with its stack and shown as the internal-error dialog, and the app
// goes on working.
func TestPanicInHandlerBecomesDialog(t *testing.T) {
	var log bytes.Buffer
	panicLog = &log
	defer func() { panicLog = os.Stderr }()
	h := regHarness(t) // the 取号 dialog and the register window need the register's database
	var windows []fyne.Window
	defer func() {
		for _, w := range windows {
			w.Close()
		}
	}()
	const nilLabel = "gongwen: internal error: runtime error: invalid memory address or nil pointer dereference"
	cases := []struct {
		name  string
		start func()
		log   string // what the log line must say ("gongwen: internal error: boom" when empty)
	}{
		{"dialog answer", func() {
			h.u.ask("问题", dialogText("继续吗？"), nil, choice{"继续", widget.HighImportance, func() { panic("boom in answer") }})
			if !tapButton(h.u.Win.Canvas().Overlays().Top(), "继续") {
				t.Fatal("no 继续 button")
			}
		}, ""},
		{"dialog cancel", func() {
			h.u.ask("问题", dialogText("继续吗？"), func() { panic("boom in cancel") }, choice{"继续", widget.HighImportance, nil})
			if !tapButton(h.u.Win.Canvas().Overlays().Top(), T("cancel")) {
				t.Fatal("no 取消 button")
			}
		}, ""},
		{"goroutine", func() { h.u.safeGo(func() { panic("boom in goroutine") }) }, ""},
		{"posted callback", func() { h.u.opts.Post(h.u.wrap(func() { panic("boom posted") })) }, ""},
		{"key handler", func() {
			h.u.dialogs = append(h.u.dialogs, &escDialog{d: nil, onEsc: func() { panic("boom in key") }})
			h.u.Win.Canvas().(test.WindowlessCanvas).OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
		}, ""},
		// the unit profile's select: its preview label gone, choosing a profile panics
		{"profile select", func() {
			h.u.NewDocument("qingshi")
			if len(h.u.Model.Profiles) == 0 || h.u.ed.profSel == nil {
				t.Fatal("no unit profile to choose")
			}
			h.u.ed.profNote = nil
			h.u.ed.profSel.SetSelectedIndex(0)
		}, nilLabel},
		// the 取号 dialog: typing a 机关代字 refreshes the gap list, whose handler panics
		{"take-number entry", func() {
			h.u.NewDocument("qingshi")
			h.u.TakeNumberDialog(h.u.ed.fields["number"].entry)
			var code *widget.SelectEntry
			for _, o := range test.LaidOutObjects(h.u.Win.Canvas().Overlays().Top()) {
				switch w := o.(type) {
				case *widget.Select:
					w.OnChanged = func(string) { panic("boom in the gap list") }
				case *widget.SelectEntry:
					code = w
				}
			}
			if code == nil {
				t.Fatal("no 机关代字 entry in the 取号 dialog")
			}
			code.SetText("江政办")
		}, ""},
		// the 发文登记簿 table: a selected line is shown in the info label, which is gone
		{"register table", func() {
			if _, err := h.u.TakeNumber("江政", 2026, 0); err != nil {
				t.Fatal(err)
			}
			r := h.u.ShowRegister()
			windows = append(windows, r.w)
			r.code.SetText("江政")
			r.year.SetText("2026")
			r.refresh()
			r.info = nil
			r.table.Select(widget.TableCellID{Row: 1, Col: 0})
		}, nilLabel},
	}
	for _, c := range cases {
		log.Reset()
		c.start()
		h.pumpUntil(c.name+": the error dialog", func() bool {
			return strings.Contains(dialogLabels(h.u), T("err.internal"))
		})
		want := c.log
		if want == "" {
			want = "gongwen: internal error: boom"
		}
		if !strings.Contains(log.String(), want) || !strings.Contains(log.String(), "goroutine") {
			t.Errorf("%s: log line with the stack missing:\n%s", c.name, log.String())
		}
		// close the error dialog (and any broken entry under it) with Esc
		for h.u.TopDialog() != nil {
			h.u.escape()
		}
		h.u.dialogs = nil
	}
	// the app still works: a second action runs and a document opens
	ran := false
	h.u.ask("问题", dialogText("继续吗？"), nil, choice{"继续", widget.HighImportance, func() { ran = true }})
	if !tapButton(h.u.Win.Canvas().Overlays().Top(), "继续") || !ran {
		t.Fatal("a second action did not run after the panics")
	}
	h.u.OpenPath(examplePath(t, "qingshi.yaml"))
	if h.u.ed == nil {
		t.Fatal("the editor did not open after the panics")
	}
	h.settle()
}

// TestExportAsksWhenUnfinished: a document with an error finding asks before exporting;
// 取消 and Esc write nothing, 导出 writes the file. A clean document exports without asking.
func TestExportAsksWhenUnfinished(t *testing.T) {
	h := newHarness(t)
	h.u.OpenPath(examplePath(t, "qingshi.yaml"))
	h.settle()
	ran := false
	h.u.confirmUnfinished(func() { ran = true })
	if !ran || h.u.TopDialog() != nil {
		t.Fatalf("a clean example asked before exporting: %q", dialogLabels(h.u))
	}

	h.u.ed.fields["title"].entry.SetText("")
	body := h.u.ed.fields["body"].entry
	body.SetText("【请填写发文的缘由和依据】")
	p := appPipeline()
	errs, prompts := p.Unfinished(p.PrepareAs(h.u.Model.Snapshot(), h.u.Model.Genre))
	if errs == 0 || prompts == 0 {
		t.Fatalf("test document: %d errors, %d prompts; want both", errs, prompts)
	}
	out := filepath.Join(t.TempDir(), "a.pdf")
	done := false
	export := func() { h.u.ExportTo(ExportPDF, out, func([]string, error) { done = true }) }
	for _, how := range []string{"取消", "Esc", "导出"} {
		h.u.confirmUnfinished(export)
		if h.u.TopDialog() == nil {
			t.Fatalf("%s: no question before exporting", how)
		}
		text := dialogLabels(h.u)
		for _, want := range []string{T("export.unfinished.errors", errs), T("export.unfinished.prompts", prompts)} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: question %q does not say %q", how, text, want)
			}
		}
		switch how {
		case "取消":
			if !tapButton(h.u.Win.Canvas().Overlays().Top(), T("cancel")) {
				t.Fatal("no 取消 button")
			}
		case "Esc":
			h.u.Win.Canvas().(test.WindowlessCanvas).OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
		case "导出":
			if !tapButton(h.u.Win.Canvas().Overlays().Top(), T("export.anyway")) {
				t.Fatal("no 导出 button")
			}
			h.pumpUntil("the export", func() bool { return done })
		}
		if h.u.TopDialog() != nil && how != "导出" {
			t.Errorf("%s left the question open", how)
		}
		_, err := os.Stat(out)
		if written := err == nil; written != (how == "导出") {
			t.Errorf("%s: file written %v", how, written)
		}
	}
}

// TestPreviewerSurvivesPanic: a panic in the preview worker outside its guarded work (here in
// handing the result over) is logged and the worker serves the next request.
func TestPreviewerSurvivesPanic(t *testing.T) {
	log := &syncBuffer{}
	panicLog = log
	defer func() { panicLog = os.Stderr }()
	calls := make(chan int, 4)
	n := 0
	post := func(f func()) {
		n++ // only the worker goroutine posts
		if n == 1 {
			panic("boom in post")
		}
		f()
	}
	p := NewPreviewer(post, func(r PreviewResult) { calls <- int(r.Seq) })
	defer p.Close()
	p.Request(PreviewRequest{}, 0)
	deadline := time.After(10 * time.Second)
	for !strings.Contains(log.String(), "boom in post") {
		select {
		case <-deadline:
			t.Fatal("the panic was not logged")
		case <-time.After(10 * time.Millisecond):
		}
	}
	seq := p.Request(PreviewRequest{}, 0)
	select {
	case got := <-calls:
		if got != int(seq) {
			t.Errorf("result for request %d, want %d", got, seq)
		}
	case <-deadline:
		t.Fatal("the worker did not serve a request after the panic")
	}
}
