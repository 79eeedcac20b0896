package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongwen/document"
	"gongwen/layout"
	"gongwen/pipeline"
)

// expBenchDoc reads testdata/qingshi-3pages.yaml (three pages of text and the 版记 page) and,
// for more pages, repeats its body paragraphs until the document runs to at least pages pages.
func expBenchDoc(tb testing.TB, pages int) *document.Document {
	tb.Helper()
	path := filepath.Join("testdata", "qingshi-3pages.yaml")
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	doc, err := document.Parse(path, data)
	if err != nil {
		tb.Fatal(err)
	}
	body := doc.Body
	for {
		ps, err := layout.Typeset(doc, layout.Options{})
		if err != nil {
			tb.Fatal(err)
		}
		if len(ps) >= pages {
			return doc
		}
		// Grow by about the pages still missing (a section is about 1.5 pages).
		n := (pages - len(ps) + 1) / 2
		if n < 1 {
			n = 1
		}
		for i := 0; i < n; i++ {
			doc.Body = append(doc.Body[:len(doc.Body)-1:len(doc.Body)-1], append(body[:len(body)-1:len(body)-1], doc.Body[len(doc.Body)-1])...)
		}
	}
}

// expExport is the work of `gwcli export` after reading: prepare, typeset and write the PDF.
func expExport(tb testing.TB, doc *document.Document, w io.Writer) int {
	p := newPipeline(layout.DefaultFonts())
	d := p.Prepare(doc, "")
	res, err := p.Typeset(d, pipeline.TypesetOptions{})
	if err != nil {
		tb.Fatal(err)
	}
	if err := p.WritePDF(w, d, res); err != nil {
		tb.Fatal(err)
	}
	return len(res.Pages)
}

func benchmarkExport(b *testing.B, pages int) {
	doc := expBenchDoc(b, pages)
	var buf bytes.Buffer
	n := expExport(b, doc, &buf)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		buf.Reset()
		expExport(b, doc, &buf)
	}
	b.StopTimer()
	b.ReportMetric(float64(n), "pages")
	b.ReportMetric(float64(buf.Len())/1024, "KiB")
}

// BenchmarkExport3Pages: the 3-page 请示 (plus its 版记 page), typeset and written as PDF.
func BenchmarkExport3Pages(b *testing.B) { benchmarkExport(b, 3) }

// BenchmarkExport50Pages: a 50-page document, typeset and written as PDF.
func BenchmarkExport50Pages(b *testing.B) { benchmarkExport(b, 50) }

// BenchmarkCLIExport3Pages runs the whole command (read, typeset, PDF, atomic write).
func BenchmarkCLIExport3Pages(b *testing.B) {
	out := filepath.Join(b.TempDir(), "out.pdf")
	in := filepath.Join("testdata", "qingshi-3pages.yaml")
	for i := 0; i < b.N; i++ {
		var stdout, stderr bytes.Buffer
		if code := run([]string{"export", "-o", out, in}, &stdout, &stderr); code != 0 {
			b.Fatalf("exit %d: %s", code, stderr.String())
		}
	}
}

// TestBenchDocSizes keeps the benchmark documents honest: the 3-page 请示 has three pages of
// text and the 50-page one at least 50 pages.
func TestBenchDocSizes(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	for _, want := range []int{3, 50} {
		doc := expBenchDoc(t, want)
		n := expExport(t, doc, io.Discard)
		if n < want || n > want+3 {
			t.Errorf("document for %d pages has %d", want, n)
		}
		if want == 3 {
			var text strings.Builder
			for _, p := range doc.Body {
				text.WriteString(p)
			}
			if !strings.Contains(text.String(), "妥否，请批示。") {
				t.Error("the 请示 lost its closing")
			}
		}
		t.Log(fmt.Sprintf("%d-page benchmark document: %d pages", want, n))
	}
}
