package pipeline

import (
	"io"
	"runtime"
	"strings"
	"testing"

	"gongwen/document"
	"gongwen/layout"
)

// longText is a plain-text 通知 of about n pages, with headings, and an attachment of as many
// paragraphs again.
func longText(n int) string {
	var b strings.Builder
	b.WriteString("某某市人民政府办公室关于加强测试工作的通知\n\n各有关单位：\n")
	para := "　　" + strings.Repeat("为进一步做好有关工作，现就有关事项通知如下，请认真贯彻执行。", 5) + "\n"
	for i := 0; i < n*4; i++ {
		if i%40 == 0 {
			b.WriteString("　　一、关于工作要求\n")
		}
		b.WriteString(para)
	}
	b.WriteString("\n　　附件：测试工作清单\n\n某某市人民政府办公室\n2024年6月30日\n\n附件\n\n测试工作清单\n\n")
	for i := 0; i < n*4; i++ {
		b.WriteString(para)
	}
	return b.String()
}

// TestStreamLiveHeapFlat: while a long document is typeset and written as PDF, the live heap
// (after a collection) grows by less than perPageBound bytes a page between pages 300 and
// 2000: what a page needs is released once it is handed over (issue 12). The document itself is
// held throughout and does not count. Measured: 196 bytes a page (gopdf's page objects,
// layout's page slots); 1108 with gopdf streaming but layout keeping each paragraph's slot,
// count and path; several KB before gopdf streamed.
func TestStreamLiveHeapFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("typesets 2000 pages")
	}
	const perPageBound = 600
	p := &Pipeline{}
	doc, err := document.ImportText("long.txt", []byte(longText(1000)), Genres(p.set()))
	if err != nil {
		t.Fatal(err)
	}
	d := p.Prepare(doc, "")
	d.ForgetInput()
	live := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	pw, err := p.PDFWriter(io.Discard, d)
	if err != nil {
		t.Fatal(err)
	}
	const from, to = 300, 2000
	var atFrom, atTo uint64
	k := 0
	n, err := p.Pages(d, TypesetOptions{}, func(pg layout.Page, _ []layout.Record) error {
		k++
		switch k {
		case from:
			atFrom = live()
		case to:
			atTo = live()
		}
		return pw.Add(&pg)
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := pw.Finish(); err != nil {
		t.Fatal(err)
	}
	if n < to {
		t.Fatalf("%d pages, want a long document", n)
	}
	per := (int64(atTo) - int64(atFrom)) / (to - from)
	t.Logf("%d pages: live heap %d KB at page %d, %d KB at page %d: %d bytes a page", n, atFrom>>10, from, atTo>>10, to, per)
	if per > perPageBound {
		t.Errorf("the live heap grows by %d bytes a page while the pages stream, bound %d", per, perPageBound)
	}
	runtime.KeepAlive(d)
}
