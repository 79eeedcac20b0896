package app

import (
	"testing"
	"time"
)

// newQingshiPreviewer is a previewer of a new 请示 whose results are posted to the returned
// channel (run one to show it) and shown into the returned list; it is closed with the test.
func newQingshiPreviewer(t *testing.T) (*Model, *Previewer, chan func(), *[]PreviewResult) {
	t.Helper()
	m := newTestModel(t)
	if err := m.New("qingshi"); err != nil {
		t.Fatal(err)
	}
	posted := make(chan func(), 4)
	shown := new([]PreviewResult)
	p := NewPreviewer(func(f func()) { posted <- f }, func(r PreviewResult) { *shown = append(*shown, r) })
	t.Cleanup(p.Close)
	return m, p, posted, shown
}

// A result that arrives after a newer request was made is dropped; the newer one is shown.
func TestPreviewerDropsStaleResults(t *testing.T) {
	m, p, posted, shown := newQingshiPreviewer(t)
	req := func() uint64 {
		return p.Request(PreviewRequest{Rev: m.Rev(), Doc: m.Snapshot(), Genre: m.Genre, DPI: 30}, 0)
	}
	req()
	staleFn := <-posted // the first result, not yet run on the UI goroutine
	m.Set("title", "江城市人民政府关于新标题的请示")
	second := req()
	staleFn()
	if len(*shown) != 0 {
		t.Fatalf("stale result shown: %+v", *shown)
	}
	select {
	case f := <-posted:
		f()
	case <-time.After(10 * time.Second):
		t.Fatal("no second result")
	}
	if len(*shown) != 1 || (*shown)[0].Seq != second || (*shown)[0].Analysis.Rev != m.Rev() {
		t.Fatalf("shown %+v", *shown)
	}
}

// A held previewer works on nothing until released, then on the newest request only (the
// app's start: nothing is typeset before the window is on screen).
func TestPreviewerHoldRelease(t *testing.T) {
	m, p, posted, shown := newQingshiPreviewer(t)
	req := func() uint64 {
		return p.Request(PreviewRequest{Rev: m.Rev(), Doc: m.Snapshot(), Genre: m.Genre, DPI: 30}, 0)
	}
	p.Hold()
	req()
	m.Set("title", "江城市人民政府关于新标题的请示")
	newest := req()
	select {
	case <-posted:
		t.Fatal("a held previewer worked")
	case <-time.After(300 * time.Millisecond):
	}
	p.Release()
	select {
	case f := <-posted:
		f()
	case <-time.After(10 * time.Second):
		t.Fatal("no result after Release")
	}
	if len(*shown) != 1 || (*shown)[0].Seq != newest || (*shown)[0].Analysis.Rev != m.Rev() {
		t.Fatalf("shown %+v, want the newest request %d", *shown, newest)
	}
	p.Release() // a second Release does nothing
}

// Debounced requests in quick succession (typing) are worked once.
func TestPreviewerDebounces(t *testing.T) {
	m := newTestModel(t)
	m.New("qingshi")
	posted := make(chan func(), 16)
	p := NewPreviewer(func(f func()) { posted <- f }, func(PreviewResult) {})
	defer p.Close()
	for i := 0; i < 10; i++ {
		m.Set("title", m.Doc.Title+"甲")
		p.Request(PreviewRequest{Rev: m.Rev(), Doc: m.Snapshot(), Genre: m.Genre, DPI: 30}, 80*time.Millisecond)
		time.Sleep(5 * time.Millisecond)
	}
	<-posted
	select {
	case <-posted:
		t.Fatal("more than one result for one burst of typing")
	case <-time.After(300 * time.Millisecond):
	}
}

// BenchmarkPreview5Pages is the work after the debounce for a 5-page document: typeset with
// the trainer's boxes, run the checks, paint one page at 96 dpi.
func BenchmarkPreview5Pages(b *testing.B) {
	m := newTestModel(b)
	fivePages(b, m)
	b.ResetTimer()
	p := &Previewer{}
	for i := 0; i < b.N; i++ {
		p.painted = nil // an edit on the page shown: paint it again
		res := p.work(PreviewRequest{Rev: uint64(i + 1), Doc: m.Snapshot(), Genre: m.Genre, Page: 2, DPI: 96}, p.seq)
		if res.Err != nil {
			b.Fatal(res.Err)
		}
	}
}

// An edit on another page leaves the page shown as it was: its picture is not painted again.
// An edit on the page shown, another page or another resolution paints anew.
func TestPreviewerPaintsOnlyChangedPages(t *testing.T) {
	m := newTestModel(t)
	fivePages(t, m)
	p := &Previewer{}
	work := func(page int, dpi float64) PreviewResult {
		t.Helper()
		res := p.work(PreviewRequest{Rev: m.Rev(), Doc: m.Snapshot(), Genre: m.Genre, Page: page, DPI: dpi}, p.seq)
		if res.Err != nil || res.Image == nil {
			t.Fatalf("page %d: %v", page, res.Err)
		}
		return res
	}
	retitle := func() {
		r := []rune(m.Doc.Title)
		if r[0] == '江' {
			r[0] = '河'
		} else {
			r[0] = '江'
		}
		if !m.Set("title", string(r)) {
			t.Fatal("title not changed")
		}
	}
	third := work(2, 40)
	retitle() // on page 1
	if again := work(2, 40); again.Image != third.Image {
		t.Error("page 3 painted again after an edit on page 1")
	}
	first := work(0, 40)
	if first.Image == third.Image {
		t.Fatal("page 1 shows page 3's picture")
	}
	retitle()
	if again := work(0, 40); again.Image == first.Image {
		t.Error("page 1 not painted again after an edit on it")
	}
	if other := work(0, 50); other.Image.Bounds() == first.Image.Bounds() {
		t.Error("another resolution did not paint anew")
	}
}

// The pages near the viewport and the thumbnails follow the main result, each once, in
// order; an unchanged page is not painted again on the next request, and pictures of pages
// away from the viewport are forgotten.
func TestPreviewerPaintsNearPagesAndThumbnails(t *testing.T) {
	m := newTestModel(t)
	fivePages(t, m)
	p := &Previewer{}
	req := PreviewRequest{Rev: m.Rev(), Doc: m.Snapshot(), Genre: m.Genre, Page: 1, DPI: 40, Also: []int{0, 1, 2}, ThumbDPI: 10}
	run := func(r PreviewRequest) (PreviewResult, []PreviewResult) {
		t.Helper()
		main := p.work(r, p.seq)
		if main.Err != nil || main.Image == nil || main.Extra {
			t.Fatalf("main result: %+v", main.Err)
		}
		var extras []PreviewResult
		p.extras(r, p.seq, main.Analysis, func(res PreviewResult) bool { extras = append(extras, res); return true })
		return main, extras
	}
	main, extras := run(req)
	n := main.NPages
	if len(extras) != 2+n {
		t.Fatalf("%d extra results, want 2 pages and %d thumbnails", len(extras), n)
	}
	for i, want := range []int{0, 2} {
		if e := extras[i]; e.Page != want || e.Thumb || !e.Extra || e.Image == nil || e.Image == main.Image {
			t.Errorf("extra %d: page %d thumb %v", i, e.Page, e.Thumb)
		}
	}
	for i, e := range extras[2:] {
		if e.Page != i || !e.Thumb || e.Image.Bounds().Dx() >= main.Image.Bounds().Dx() {
			t.Errorf("thumbnail %d: page %d thumb %v width %d", i, e.Page, e.Thumb, e.Image.Bounds().Dx())
		}
	}
	_, again := run(req)
	for i := range again {
		if again[i].Image != extras[i].Image {
			t.Errorf("result %d (page %d) painted again without a change", i, again[i].Page)
		}
	}
	// scrolled to the end: page 0's picture at screen resolution is forgotten, its thumbnail kept
	req.Page, req.Also = n-1, []int{n - 2}
	run(req)
	if _, ok := p.painted[paintKey{page: 0}]; ok {
		t.Error("page 1 kept at screen resolution after scrolling away")
	}
	if _, ok := p.painted[paintKey{page: 0, thumb: true}]; !ok {
		t.Error("page 1's thumbnail forgotten")
	}
}
