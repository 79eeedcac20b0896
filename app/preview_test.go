package app

import (
	"testing"
	"time"
)

// A result that arrives after a newer request was made is dropped; the newer one is shown.
func TestPreviewerDropsStaleResults(t *testing.T) {
	m := newTestModel(t)
	if err := m.New("qingshi"); err != nil {
		t.Fatal(err)
	}
	posted := make(chan func(), 4)
	var shown []PreviewResult
	p := NewPreviewer(func(f func()) { posted <- f }, func(r PreviewResult) { shown = append(shown, r) })
	defer p.Close()
	req := func() uint64 {
		return p.Request(PreviewRequest{Rev: m.Rev(), Doc: m.Snapshot(), Genre: m.Genre, DPI: 30}, 0)
	}
	req()
	staleFn := <-posted // the first result, not yet run on the UI goroutine
	m.Set("title", "江城市人民政府关于新标题的请示")
	second := req()
	staleFn()
	if len(shown) != 0 {
		t.Fatalf("stale result shown: %+v", shown)
	}
	select {
	case f := <-posted:
		f()
	case <-time.After(10 * time.Second):
		t.Fatal("no second result")
	}
	if len(shown) != 1 || shown[0].Seq != second || shown[0].Analysis.Rev != m.Rev() {
		t.Fatalf("shown %+v", shown)
	}
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
		res := p.work(PreviewRequest{Rev: uint64(i + 1), Doc: m.Snapshot(), Genre: m.Genre, Page: 2, DPI: 96}, 1)
		if res.Err != nil {
			b.Fatal(res.Err)
		}
	}
}
