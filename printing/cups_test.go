//go:build !windows

package printing

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"gongwen/document"
	"gongwen/export/pdf"
	"gongwen/layout"
)

func TestLpArgs(t *testing.T) {
	for _, c := range []struct {
		name string
		job  Job
		want string
	}{
		{"default printer, one copy", Job{}, "-n 1 -o sides=one-sided -o media=A4 -o fit-to-page=false -o print-scaling=none -"},
		{"everything", Job{Printer: "P", Title: "关于……的通知", Copies: 3, TwoSided: true, Ranges: []Range{{1, 2}, {4, 4}}},
			"-d P -n 3 -t 关于……的通知 -o page-ranges=1-2,4 -o sides=two-sided-long-edge -o media=A4 -o fit-to-page=false -o print-scaling=none -o collate=true -"},
	} {
		if got := strings.Join(c.job.Args(), " "); got != c.want {
			t.Errorf("%s: lp %s\nwant lp %s", c.name, got, c.want)
		}
	}
}

// cupsPrinter is the PDF virtual printer tools/cups.sh sets up, and the folder its jobs go to.
func cupsPrinter(t *testing.T) (string, string) {
	t.Helper()
	printer, out := os.Getenv("GONGWEN_PRINTER"), os.Getenv("GONGWEN_PRINTER_OUT")
	if printer == "" {
		printer, out = "Gongwen-PDF", "/var/spool/cups-pdf-gongwen"
	}
	missing := ""
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		missing = "pdftoppm (poppler-utils)"
	} else if names, _, err := Printers(); err != nil {
		missing = err.Error()
	} else if !contains(names, printer) {
		missing = "the CUPS printer " + printer + " (tools/cups.sh sets it up)"
	}
	if missing != "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI needs %s", missing)
		}
		t.Skipf("no %s", missing)
	}
	return printer, out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestPrintToCUPSPDF prints a 6-page document with a page range, two copies and two-sided
// through the real CUPS server to the cups-pdf virtual printer, and compares each printed
// page with the pages of Gongwen's own PDF: the right pages, in order, A4.
func TestPrintToCUPSPDF(t *testing.T) {
	printer, outDir := cupsPrinter(t)
	doc, err := document.Load(filepath.Join("..", "examples", "changqi.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	fonts := layout.DefaultFonts()
	pages, err := layout.Typeset(doc, layout.Options{Fonts: fonts})
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 5 {
		t.Fatalf("the example has %d pages; the test wants at least 5", len(pages))
	}
	var buf bytes.Buffer
	if err := pdf.Write(&buf, pages, fonts, pdf.Meta{Title: "test"}); err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(t.TempDir(), "src.pdf")
	if err := os.WriteFile(src, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	ranges, err := ParseRanges("5, 2-3", len(pages))
	if err != nil {
		t.Fatal(err)
	}
	title := fmt.Sprintf("gongwen-print-test-%d", time.Now().UnixNano())
	id, err := Print(Job{Title: title, Printer: printer, Copies: 1, Ranges: ranges, TwoSided: true, Pages: len(pages),
		PDF: func() ([]byte, error) { return buf.Bytes(), nil }})
	if err != nil {
		t.Fatal(err)
	}
	if id == "" {
		t.Errorf("lp gave no job id")
	}
	var printed string
	deadline := time.Now().Add(90 * time.Second)
	for printed == "" && time.Now().Before(deadline) {
		m, _ := filepath.Glob(filepath.Join(outDir, title+"*.pdf"))
		if len(m) > 0 {
			// cups-pdf writes the file, then the job completes
			if st, err := os.Stat(m[0]); err == nil && st.Size() > 0 && jobDone(id) {
				printed = m[0]
				break
			}
		}
		time.Sleep(300 * time.Millisecond)
	}
	if printed == "" {
		t.Fatalf("job %s left no PDF in %s after 90 s", id, outDir)
	}
	t.Cleanup(func() { os.Remove(printed) })
	info, err := exec.Command("pdfinfo", printed).Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(info), "595 x 842 pts (A4)") {
		t.Errorf("printed page size is not A4:\n%s", info)
	}
	want := []int{1, 2, 4} // 0-based pages 2, 3 and 5
	orig := rasterize(t, src)
	got := rasterize(t, printed)
	if len(got) != len(want) {
		t.Fatalf("printed %d pages, want %d", len(got), len(want))
	}
	// the PDF printer re-renders the glyphs (ghostscript): compare the pages' ink layout
	// by correlation, which does not mind a bolder or lighter stroke
	for k, img := range got {
		best, bestC, second := -1, -1.0, -1.0
		for i, o := range orig {
			c := correlation(img, o)
			switch {
			case c > bestC:
				best, bestC, second = i, c, bestC
			case c > second:
				second = c
			}
		}
		t.Logf("printed page %d looks like page %d (correlation %.3f, next best %.3f)", k+1, best+1, bestC, second)
		if best != want[k] {
			t.Errorf("printed page %d is page %d of the document, want page %d", k+1, best+1, want[k]+1)
		}
		if bestC < 0.8 || bestC-second < 0.2 {
			t.Errorf("printed page %d is not clearly page %d (correlation %.3f, next best %.3f)", k+1, best+1, bestC, second)
		}
	}
}

// jobDone reports whether CUPS lists the job as completed.
func jobDone(id string) bool {
	out, _ := lpstat("-W", "completed", "-o")
	return id == "" || strings.Contains(string(out), id)
}

// rasterize paints every page of a PDF at 24 dpi in grey with poppler.
func rasterize(t *testing.T, file string) []*image.Gray {
	t.Helper()
	dir := t.TempDir()
	if out, err := exec.Command("pdftoppm", "-r", "24", "-gray", "-png", file, filepath.Join(dir, "p")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm %s: %v\n%s", file, err, out)
	}
	names, _ := filepath.Glob(filepath.Join(dir, "p-*.png"))
	var imgs []*image.Gray
	for _, n := range names {
		f, err := os.Open(n)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		g := image.NewGray(img.Bounds())
		draw.Draw(g, g.Rect, img, img.Bounds().Min, draw.Src)
		imgs = append(imgs, g)
	}
	return imgs
}

// correlation is the Pearson correlation of two grey images of one size, over blocks of 3×3
// pixels (at 24 dpi a block is about 3 mm: a few characters of a line).
func correlation(a, b *image.Gray) float64 {
	if !reflect.DeepEqual(a.Rect, b.Rect) {
		return -1
	}
	block := func(g *image.Gray) []float64 {
		var out []float64
		for y := g.Rect.Min.Y; y+3 <= g.Rect.Max.Y; y += 3 {
			for x := g.Rect.Min.X; x+3 <= g.Rect.Max.X; x += 3 {
				s := 0.0
				for dy := 0; dy < 3; dy++ {
					for dx := 0; dx < 3; dx++ {
						s += float64(g.GrayAt(x+dx, y+dy).Y)
					}
				}
				out = append(out, s/9)
			}
		}
		return out
	}
	x, y := block(a), block(b)
	var mx, my float64
	for i := range x {
		mx += x[i]
		my += y[i]
	}
	mx /= float64(len(x))
	my /= float64(len(y))
	var sxy, sxx, syy float64
	for i := range x {
		dx, dy := x[i]-mx, y[i]-my
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
	}
	if sxx == 0 || syy == 0 {
		return 0
	}
	return sxy / math.Sqrt(sxx*syy)
}
