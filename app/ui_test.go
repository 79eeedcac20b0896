package app

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"gongwen/layout"
	"gongwen/templates"
)

// uiHarness runs a UI on Fyne's test driver; functions posted to the UI goroutine are run
// by pump on the test goroutine.
type uiHarness struct {
	t     *testing.T
	u     *UI
	posts chan func()
}

func newHarness(t *testing.T) *uiHarness {
	t.Helper()
	a := test.NewApp()
	t.Cleanup(a.Quit)
	h := &uiHarness{t: t, posts: make(chan func(), 64)}
	h.u = New(a, Options{
		RecoveryDir:   t.TempDir(),
		ProfileDir:    t.TempDir(),
		AutosaveEvery: -1,
		Debounce:      20 * time.Millisecond,
		Post:          func(f func()) { h.posts <- f },
	})
	t.Cleanup(h.u.Close)
	h.u.Win.Resize(fyne.NewSize(1280, 860))
	return h
}

// pumpUntil runs posted functions until cond holds or the timeout passes.
func (h *uiHarness) pumpUntil(what string, cond func() bool) {
	h.t.Helper()
	deadline := time.After(10 * time.Second)
	for !cond() {
		select {
		case f := <-h.posts:
			f()
		case <-deadline:
			h.t.Fatalf("timed out waiting for %s", what)
		}
	}
}

// settle waits for the preview of the current revision.
func (h *uiHarness) settle() {
	h.t.Helper()
	h.pumpUntil("the analysis of the current revision", func() bool {
		return h.u.Model.AnalysedRev == h.u.Model.Rev() && h.u.LastPreview.Analysis != nil && h.u.LastPreview.Analysis.Rev == h.u.Model.Rev()
	})
}

func (h *uiHarness) hasRule(rule string) bool {
	_, ok := findRule(h.u.Model.Findings, rule)
	return ok
}

func TestStartPageListsGenres(t *testing.T) {
	h := newHarness(t)
	markup := test.RenderObjectToMarkup(h.u.Win.Content())
	for _, want := range []string{"请示", "报告", "通知", "上行文", "打开草稿", "导入"} {
		if !strings.Contains(markup, want) {
			t.Errorf("start page lacks %q", want)
		}
	}
}

// TestQingshiThroughTheUI: create a 请示 from its template, type a 发文字号 with the wrong
// brackets, watch the finding appear, apply its fix with one click, watch it go away, then
// export a PDF to a temp dir.
func TestQingshiThroughTheUI(t *testing.T) {
	h := newHarness(t)
	h.u.NewDocument("qingshi")
	ed := h.u.ed
	if ed == nil {
		t.Fatal("editor not shown")
	}
	h.settle()
	for _, p := range []string{"title", "recipients", "body", "number", "urgency", "sign_off"} {
		if ed.fields[p] == nil {
			t.Fatalf("no field %s", p)
		}
	}
	if ed.fields["number"].entry.PlaceHolder == "" {
		t.Error("number field has no example")
	}

	number := ed.fields["number"].entry
	h.u.Win.Canvas().Focus(number)
	test.Type(number, "江政[2024]5号")
	if h.u.Model.Doc.Number != "江政[2024]5号" {
		t.Fatalf("model number %q", h.u.Model.Doc.Number)
	}
	h.settle()
	f, ok := findRule(h.u.Model.Findings, "number-brackets")
	if !ok {
		t.Fatalf("no number-brackets finding: %v", h.u.Model.Findings)
	}
	if !strings.Contains(ed.findHead.Text, "个问题") {
		t.Errorf("findings header %q", ed.findHead.Text)
	}
	// clicking the finding goes to its field
	ed.tabs.SelectIndex(2)
	for i, g := range h.u.Model.Findings {
		if g.Rule == f.Rule {
			ed.findings.Select(i)
		}
	}
	if ed.tabs.SelectedIndex() != ed.fields["number"].tab || h.u.Win.Canvas().Focused() != number {
		t.Errorf("finding did not focus its field (tab %d)", ed.tabs.SelectedIndex())
	}
	// one click on its fix
	ed.applyFix(f)
	if number.Text != "江政〔2024〕5号" {
		t.Fatalf("field after fix: %q", number.Text)
	}
	h.settle()
	if h.hasRule("number-brackets") {
		t.Fatal("finding still there after the fix")
	}

	// typing in the body: paragraph per line
	body := ed.fields["body"].entry
	body.SetText("")
	test.Type(body, "现将有关事项请示如下：")
	h.settle()
	if len(h.u.Model.Doc.Body) != 1 {
		t.Fatalf("body %q", h.u.Model.Doc.Body)
	}
	if h.u.LastPreview.Image == nil || h.u.LastPreview.NPages == 0 {
		t.Fatalf("no preview: %+v", h.u.LastPreview.Err)
	}
	if !strings.Contains(h.u.Win.Title(), "●") {
		t.Errorf("title does not mark unsaved changes: %q", h.u.Win.Title())
	}

	// export
	out := filepath.Join(t.TempDir(), "qingshi.pdf")
	var files []string
	var expErr error
	done := false
	h.u.ExportTo(ExportPDF, out, func(fs []string, err error) { files, expErr, done = fs, err, true })
	h.pumpUntil("the export", func() bool { return done })
	if expErr != nil || len(files) != 1 {
		t.Fatalf("export: %v %v", files, expErr)
	}
	if b, err := os.ReadFile(out); err != nil || !strings.HasPrefix(string(b), "%PDF") {
		t.Fatalf("pdf: %v", err)
	}
}

func TestShortcutsAndExplainMode(t *testing.T) {
	h := newHarness(t)
	h.u.OpenPath(examplePath(t, "qingshi.yaml"))
	if h.u.ed == nil {
		t.Fatal("editor not shown")
	}
	h.settle()
	if len(h.u.LastPreview.Boxes) == 0 {
		t.Log("layout gives no boxes yet")
	}
	pv := h.u.ed.pv
	pv.explain.SetChecked(true)
	if len(h.u.LastPreview.Boxes) > 0 && len(pv.cur().overlay.Objects) == 0 {
		t.Error("explain mode drew nothing")
	}
	// tapping the title's box shows its label and goes to the title field
	k, tapped := 0, false
	for _, o := range pv.cur().overlay.Objects {
		hit, ok := o.(*boxHit)
		if !ok {
			continue
		}
		i := k
		k++
		if i >= len(pv.cur().boxes) {
			break // the labels' hits follow the boxes'
		}
		if pv.cur().boxes[i].Element == layout.ElemTitle && !tapped {
			tapped = true
			test.Tap(hit)
			if h.u.Win.Canvas().Focused() != h.u.ed.fields["title"].entry {
				t.Error("tapping the title's box did not focus the title field")
			}
			if pv.info.Text != pv.cur().boxes[i].Label {
				t.Errorf("info %q", pv.info.Text)
			}
		}
	}
	if len(pv.cur().boxes) > 0 && !tapped {
		t.Error("no box for the title")
	}
	pv.explain.SetChecked(false)
	if len(pv.cur().overlay.Objects) != 0 {
		t.Error("explain mode off left boxes")
	}
	// page navigation
	if pv.npages > 1 {
		pv.gotoPage(1)
		h.pumpUntil("page 2", func() bool { return h.u.LastPreview.Page == 1 })
	}
	// zoom repaints at another resolution
	w0 := h.u.LastPreview.Image.Bounds().Dx()
	pv.setZoom(pv.zoom * 1.5)
	h.pumpUntil("the zoomed page", func() bool { return h.u.LastPreview.Image.Bounds().Dx() > w0 })

	// Ctrl/Cmd+F opens Find, as everywhere else
	sc := h.u.shortcut(fyne.KeyF)
	h.u.Win.Canvas().(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(sc)
	if !h.u.ed.find.root.Visible() || h.u.Win.Canvas().Focused() != h.u.ed.find.find {
		t.Error("Ctrl+F did not open Find with the cursor in it")
	}
	// Ctrl/Cmd+S on an opened draft saves it in place
	h.u.Model.Set("note", "（联系人：赵敏，电话：0000-87654321）")
	path := filepath.Join(t.TempDir(), "q.yaml")
	h.u.Model.Path = path
	h.u.Win.Canvas().(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(h.u.shortcut(fyne.KeyS))
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("Ctrl+S did not save: %v", err)
	}
	if got := h.u.recent(); len(got) == 0 || got[0] != path {
		t.Errorf("recent files %v", got)
	}
}

func TestEnglishUI(t *testing.T) {
	h := newHarness(t)
	h.u.SetLang(LangEn)
	defer SetLanguage(LangZh)
	markup := test.RenderObjectToMarkup(h.u.Win.Content())
	if !strings.Contains(markup, "Open draft") {
		t.Error("English start page lacks 'Open draft'")
	}
	if h.u.App.Preferences().String(prefLang) != LangEn {
		t.Error("language not remembered")
	}
}

func TestTranslationsComplete(t *testing.T) {
	zh, en := trMaps[LangZh], trMaps[LangEn]
	if len(zh) == 0 || len(en) == 0 {
		t.Fatal("translations not loaded")
	}
	for k := range zh {
		if _, ok := en[k]; !ok {
			t.Errorf("en lacks %q", k)
		}
	}
	for k := range en {
		if _, ok := zh[k]; !ok {
			t.Errorf("zh lacks %q", k)
		}
	}
}

func TestRecoveryOfferedAtStart(t *testing.T) {
	h := newHarness(t)
	h.u.NewDocument("qingshi")
	h.u.Model.Set("title", "江城市人民政府关于崩溃恢复的请示")
	if err := h.u.Model.Autosave(); err != nil {
		t.Fatal(err)
	}
	// the next start over the same folder, after the first was killed
	crash(t, h.u.Model)
	a := test.NewApp()
	u2 := New(a, Options{RecoveryDir: h.u.Model.RecoveryDir, AutosaveEvery: -1, Post: func(f func()) { f() }})
	defer u2.Close()
	u2.OfferRecovery()
	markup := ""
	for _, o := range u2.Win.Canvas().Overlays().List() {
		markup += test.RenderObjectToMarkup(o)
	}
	if !strings.Contains(markup, "崩溃恢复") {
		t.Fatal("recovery not offered")
	}
}

// fivePages returns the 请示 example with its body repeated until it typesets to 5 pages.
func fivePages(t testing.TB, m *Model) {
	if err := m.Open(examplePath(t, "qingshi.yaml")); err != nil {
		t.Fatal(err)
	}
	base := append([]string(nil), m.Doc.Body[:len(m.Doc.Body)-1]...)
	closing := m.Doc.Body[len(m.Doc.Body)-1]
	for i := 0; i < 20; i++ {
		m.Analyse()
		if len(m.Pages) >= 5 {
			return
		}
		body := append(append([]string(nil), m.Doc.Body[:len(m.Doc.Body)-1]...), base...)
		m.Set("body", strings.Join(append(body, closing), "\n"))
	}
	t.Fatalf("could not reach 5 pages (%d)", len(m.Pages))
}

// TestPreviewLatency measures the time from an edit (after the debounce) to the painted page
// for a 5-page document: analysis (typeset + checks) and painting one page at screen
// resolution, off the UI goroutine. The budget is 300 ms including the debounce.
func TestPreviewLatency(t *testing.T) {
	m := newTestModel(t)
	fivePages(t, m)
	results := make(chan PreviewResult, 4)
	p := NewPreviewer(func(f func()) { f() }, func(r PreviewResult) { results <- r })
	defer p.Close()
	const debounce = 120 * time.Millisecond
	var worst time.Duration
	for _, dpi := range []float64{71, 142} {
		for i := 0; i < 5; i++ {
			m.Set("title", m.Doc.Title+"。")
			m.Set("title", strings.TrimSuffix(m.Doc.Title, "。"))
			start := time.Now()
			p.Request(PreviewRequest{Rev: m.Rev(), Doc: m.Snapshot(), Genre: m.Genre, Page: 2, DPI: dpi}, debounce)
			r := <-results
			total := time.Since(start)
			if r.Err != nil || r.NPages < 5 || r.Image == nil {
				t.Fatalf("result: pages %d err %v", r.NPages, r.Err)
			}
			if i > 0 && total > worst { // the first run parses the fonts
				worst = total
			}
			if i == 4 {
				t.Logf("5 pages at %.0f dpi: edit→page %v (debounce %v + work %v; analysis %v)", dpi, total.Round(time.Millisecond), debounce, r.Elapsed.Round(time.Millisecond), r.Analysis.Elapsed.Round(time.Millisecond))
			}
		}
	}
	if worst > time.Second && !raceEnabled {
		t.Errorf("preview too slow: %v", worst)
	}
}

func TestWindowSizeRemembered(t *testing.T) {
	h := newHarness(t)
	h.u.Win.Resize(fyne.NewSize(1000, 700))
	h.u.onClose()
	p := h.u.App.Preferences()
	if p.Float(prefWinW) != 1000 || p.Float(prefWinH) != 700 {
		t.Fatalf("stored %v × %v", p.Float(prefWinW), p.Float(prefWinH))
	}
}

// Every literal key the code translates has a Chinese and an English text.
func TestTranslationKeysUsed(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	re := regexp.MustCompile(`\b(?:T|item|btn|errorf)\("([^"]+)"`)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllStringSubmatch(string(b), -1) {
			for _, l := range []string{LangZh, LangEn} {
				if _, ok := trMaps[l][m[1]]; !ok && !strings.HasSuffix(m[1], ".") {
					t.Errorf("%s: key %q has no %s text", f, m[1], l)
				}
			}
		}
	}
	for _, l := range []string{LangZh, LangEn} {
		for _, g := range formGroups {
			if _, ok := trMaps[l]["group."+g]; !ok {
				t.Errorf("no %s text for group %s", l, g)
			}
		}
		for _, a := range (&UI{}).shortcutActions() {
			if _, ok := trMaps[l][a.label]; !ok {
				t.Errorf("no %s text for %s", l, a.label)
			}
		}
	}
}

// The system-fonts setting switches the font set of the preview and is remembered; a machine
// without 公文 fonts still previews with the bundled ones.
func TestSystemFontsSetting(t *testing.T) {
	h := newHarness(t)
	defer useSystemFonts(false)
	h.u.OpenPath(examplePath(t, "qingshi.yaml"))
	h.settle()
	before := h.u.LastPreview.Analysis
	h.u.SetSystemFonts(true)
	if !h.u.App.Preferences().Bool(prefSysFont) || currentFonts() == layout.DefaultFonts() {
		t.Fatal("setting not applied")
	}
	h.pumpUntil("a preview with the system font set", func() bool {
		a := h.u.LastPreview.Analysis // a new analysis of the same revision: the fonts changed
		return a != nil && a != before && h.u.LastPreview.Err == nil && h.u.LastPreview.Image != nil && len(a.Pages) > 0
	})
	h.u.SetSystemFonts(false)
	if currentFonts() != layout.DefaultFonts() {
		t.Fatal("bundled fonts not restored")
	}
}

// A unit profile fills the organ fields and assembles the 发文字号 from its 机关代字, the year
// and the serial.
func TestProfileRow(t *testing.T) {
	h := newHarness(t)
	h.u.NewDocument("qingshi")
	ed := h.u.ed
	if len(h.u.Model.Profiles) == 0 || ed.profSel == nil {
		t.Skip("no unit profiles")
	}
	p := h.u.Model.Profiles[0]
	ed.profSel.SetSelectedIndex(0)
	ed.profYear.SetText("2024")
	test.Type(ed.profSerial, "5")
	test.Tap(ed.profApply)
	if got := ed.fields["issuers"].entry.Text; got != p.FullName {
		t.Errorf("issuers field %q, want %q", got, p.FullName)
	}
	if p.Code != "" {
		if got := ed.fields["number"].entry.Text; got != p.Code+"〔2024〕5号" {
			t.Errorf("number field %q", got)
		}
	}
	if !h.u.Model.Dirty {
		t.Error("profile did not mark the document changed")
	}
	h.settle()
}

// The save dialog creates the file it names; a name typed without the extension gets it, and
// the empty file under the bare name is removed.
func TestChosenPath(t *testing.T) {
	test.NewApp()
	dir := t.TempDir()
	for _, tc := range []struct{ name, want string }{{"out", "out.pdf"}, {"out.PDF", "out.PDF"}} {
		w, err := storage.Writer(storage.NewFileURI(filepath.Join(dir, tc.name)))
		if err != nil {
			t.Fatal(err)
		}
		if got := chosenPath(w, ".pdf"); got != filepath.Join(dir, tc.want) {
			t.Errorf("%s: %s", tc.name, got)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); err == nil {
		t.Error("empty file without extension left behind")
	}
}

// A broken template in the user's folder is reported on the start page; the built-ins still work.
func TestBrokenUserTemplateReported(t *testing.T) {
	cfg := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", cfg)
	t.Setenv("HOME", cfg)
	dir := templates.DefaultUserDir()
	if dir == "" {
		t.Skip("no user config dir")
	}
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, "bad.yaml"), []byte("id: [broken\n"), 0o644)
	h := newHarness(t)
	if len(h.u.loadErrs) == 0 {
		t.Fatal("broken template not reported")
	}
	if !strings.Contains(test.RenderObjectToMarkup(h.u.Win.Content()), "bad.yaml") {
		t.Error("start page does not name the broken file")
	}
	if _, ok := h.u.Model.Templates.Genre("qingshi"); !ok {
		t.Error("built-ins lost")
	}
}

// Every genre's form builds and its new document previews (or says why it cannot).
func TestEveryGenreOpensInTheEditor(t *testing.T) {
	h := newHarness(t)
	for _, g := range h.u.Model.Templates.Genres() {
		h.u.NewDocument(g.ID)
		if h.u.ed == nil || len(h.u.ed.fields) == 0 {
			t.Fatalf("%s: no form", g.ID)
		}
		for _, f := range g.Fields {
			if h.u.ed.fields[f.Path] == nil {
				t.Errorf("%s: field %s missing", g.ID, f.Path)
			}
		}
		h.settle()
		if h.u.LastPreview.Err != nil {
			t.Errorf("%s: %v", g.ID, h.u.LastPreview.Err)
		}
		h.u.Model.Dirty = false // next genre without the unsaved-changes question
	}
}

// Close stops the autosave ticker and the pending autosave: nothing is posted afterwards
// (and, under -race, the ticker goroutine does not race with Close).
func TestCloseStopsBackgroundWork(t *testing.T) {
	a := test.NewApp()
	t.Cleanup(a.Quit)
	var posted atomic.Int64
	u := New(a, Options{
		RecoveryDir:   t.TempDir(),
		ProfileDir:    t.TempDir(),
		AutosaveEvery: time.Millisecond,
		Post:          func(func()) { posted.Add(1) },
	})
	u.NewDocument("qingshi")
	u.scheduleAutosave()
	time.Sleep(20 * time.Millisecond)
	if posted.Load() == 0 {
		t.Fatal("the autosave ticker posted nothing")
	}
	u.Close()
	time.Sleep(5 * time.Millisecond) // a tick already in flight may still land
	n := posted.Load()
	time.Sleep(1600 * time.Millisecond) // past the pending autosave's 1.5 s
	if got := posted.Load(); got != n {
		t.Errorf("%d functions posted after Close", got-n)
	}
}

// The Chinese and the English text of a key take the same arguments (the same verbs in the
// same order), so that a message formats alike in both languages.
func TestTranslationVerbsMatch(t *testing.T) {
	verbs := regexp.MustCompile(`%[-+# 0]*[0-9]*(?:\.[0-9]+)?[a-zA-Z%]`)
	for k, zh := range trMaps[LangZh] {
		en, ok := trMaps[LangEn][k]
		if !ok {
			continue // TestTranslationsComplete reports it
		}
		if a, b := strings.Join(verbs.FindAllString(zh, -1), " "), strings.Join(verbs.FindAllString(en, -1), " "); a != b {
			t.Errorf("%s: zh takes %q, en takes %q", k, a, b)
		}
	}
}
