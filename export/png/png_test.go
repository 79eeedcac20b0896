package png

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	stdpng "image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"gongwen/export/internal/pagetest"
	"gongwen/export/pdf"
	"gongwen/layout"
)

func TestRenderSize(t *testing.T) {
	fs := layout.NewFonts()
	for _, tt := range []struct {
		dpi  float64
		w, h int
	}{{72, 595, 842}, {96, 794, 1123}, {0, 794, 1123}, {150, 1240, 1754}} {
		img, err := Render(layout.Page{}, fs, tt.dpi)
		if err != nil {
			t.Fatal(err)
		}
		if b := img.Bounds(); b.Dx() != tt.w || b.Dy() != tt.h {
			t.Errorf("%v dpi: %dx%d, want %dx%d", tt.dpi, b.Dx(), b.Dy(), tt.w, tt.h)
		}
	}
	if _, err := Render(layout.Page{}, fs, 100000); err == nil {
		t.Error("absurd dpi: want an error")
	}
}

func isRed(c color.RGBA) bool   { return c.R > 150 && c.G < 110 && c.B < 110 }
func isBlack(c color.RGBA) bool { return c.R < 100 && c.G < 100 && c.B < 100 }
func isBlue(c color.RGBA) bool  { return int(c.B) > int(c.R)+40 }

// count counts pixels in a rectangle (in mm) that satisfy pred.
func count(img *image.RGBA, x0, y0, x1, y1 float64, dpi float64, pred func(color.RGBA) bool) int {
	k := dpi / 25.4
	n := 0
	for y := int(y0 * k); y < int(y1*k); y++ {
		for x := int(x0 * k); x < int(x1*k); x++ {
			if pred(img.RGBAAt(x, y)) {
				n++
			}
		}
	}
	return n
}

func TestRenderContents(t *testing.T) {
	fs := layout.NewFonts()
	pages := pagetest.Pages(t, fs)
	const dpi = 100
	p1, err := Render(pages[0], fs, dpi)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name           string
		x0, y0, x1, y1 float64
		pred           func(color.RGBA) bool
		min, max       int
	}{
		{"red mark", 28, 70, 184, 86, isRed, 3000, 1 << 30},
		{"red separator", 28, 100.5, 184, 101.5, isRed, 500, 1 << 30},
		{"no red below the separator", 0, 103, 210, 297, isRed, 0, 0},
		{"black body line", 28, 130, 184, 138, isBlack, 1000, 1 << 30},
		{"title", 50, 114, 160, 123, isBlack, 1000, 1 << 30},
		{"page number", 148, 263, 170, 270, isBlack, 20, 1 << 30},
		{"empty margin", 0, 0, 27, 297, isBlack, 0, 0},
	}
	for _, tt := range tests {
		n := count(p1, tt.x0, tt.y0, tt.x1, tt.y1, dpi, tt.pred)
		if n < tt.min || n > tt.max {
			t.Errorf("%s: %d pixels, want %d..%d", tt.name, n, tt.min, tt.max)
		}
	}
	p2, err := Render(pages[1], fs, dpi)
	if err != nil {
		t.Fatal(err)
	}
	// The seal image (a red ring) and the dashed placeholder circle are red.
	if n := count(p2, 118, 80, 164, 126, dpi, isRed); n < 500 {
		t.Errorf("seal image: %d red pixels", n)
	}
	if n := count(p2, 58, 135, 102, 179, dpi, isRed); n < 200 {
		t.Errorf("placeholder circle: %d red pixels", n)
	}
	// Dashed: going round the circle, ink and gaps alternate.
	k := float64(dpi) / 25.4
	gaps := 0
	prev := true
	for a := 0.0; a < 360; a += 0.5 {
		x, y := 80+21*cosd(a), 37+120+21*sind(a)
		on := isRed(p2.RGBAAt(int(x*k), int(y*k)))
		if prev && !on {
			gaps++
		}
		prev = on
	}
	if gaps < 10 {
		t.Errorf("placeholder circle has %d gaps, want a dashed line", gaps)
	}
}

func TestBoxes(t *testing.T) {
	fs := layout.NewFonts()
	p := layout.Page{Boxes: []layout.Box{{Element: layout.ElemTitle, X: layout.Mm(40), Y: layout.Mm(100), W: layout.Mm(100), H: layout.Mm(20), Label: "标题 · 7.3.1 · 2号小标宋"}}}
	off, err := Render(p, fs, 96)
	if err != nil {
		t.Fatal(err)
	}
	if n := count(off, 0, 0, 210, 297, 96, isBlue); n != 0 {
		t.Errorf("boxes drawn by default: %d blue pixels", n)
	}
	on, err := RenderWith(p, fs, Options{DPI: 96, Boxes: true})
	if err != nil {
		t.Fatal(err)
	}
	if n := count(on, 39, 99, 141, 121, 96, isBlue); n < 300 {
		t.Errorf("box outline: %d blue pixels", n)
	}
	if n := count(on, 40, 95, 80, 99.8, 96, isBlue); n < 30 {
		t.Errorf("box label: %d blue pixels above the box", n)
	}
	if n := count(on, 45, 105, 135, 115, 96, isBlue); n != 0 {
		t.Errorf("box is filled: %d blue pixels inside", n)
	}
}

// TestMatchesPDF paints the sample pages and rasterizes the PDF writer's output of the same
// pages with poppler, and compares the ink: the preview must be the PDF.
func TestMatchesPDF(t *testing.T) {
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftoppm missing (poppler-utils)")
		}
		t.Skip("pdftoppm not installed (apt-get install poppler-utils)")
	}
	fs := layout.NewFonts()
	pages := pagetest.Pages(t, fs)
	dir := t.TempDir()
	var b bytes.Buffer
	if err := pdf.Write(&b, pages, fs, pdf.Meta{Date: time.Unix(0, 0)}); err != nil {
		t.Fatal(err)
	}
	pdfPath := filepath.Join(dir, "s.pdf")
	if err := os.WriteFile(pdfPath, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	const dpi = 100
	if out, err := exec.Command("pdftoppm", "-r", "100", "-png", pdfPath, filepath.Join(dir, "ref")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	for i := range pages {
		ours, err := Render(pages[i], fs, dpi)
		if err != nil {
			t.Fatal(err)
		}
		f, err := os.Open(filepath.Join(dir, "ref-"+string(rune('1'+i))+".png"))
		if err != nil {
			t.Fatal(err)
		}
		ref, err := stdpng.Decode(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		// poppler rounds the page size up, we round to nearest: compare the common area.
		if d := ref.Bounds().Dx() - ours.Bounds().Dx(); d < 0 || d > 1 {
			t.Fatalf("page %d: ours %v, poppler %v", i+1, ours.Bounds(), ref.Bounds())
		}
		ink := func(c color.Color) bool {
			r, g, b, _ := c.RGBA()
			return r+g+b < 3*0xffff*6/10
		}
		inked := func(img image.Image, x, y int) bool {
			for dy := -1; dy <= 1; dy++ {
				for dx := -1; dx <= 1; dx++ {
					if ink(img.At(x+dx, y+dy)) {
						return true
					}
				}
			}
			return false
		}
		var total, miss int
		bb := ours.Bounds()
		for y := bb.Min.Y; y < bb.Max.Y; y++ {
			for x := bb.Min.X; x < bb.Max.X; x++ {
				a, c := ink(ours.At(x, y)), ink(ref.At(x, y))
				if a {
					total++
					if !inked(ref, x, y) {
						miss++
					}
				}
				if c && !inked(ours, x, y) {
					miss++
				}
			}
		}
		if total == 0 || float64(miss) > 0.03*float64(total) {
			t.Errorf("page %d: %d of %d ink pixels differ from poppler's rendering of the PDF", i+1, miss, total)
		}
	}
}

func TestWriteEncodesPNG(t *testing.T) {
	fs := layout.NewFonts()
	pages := pagetest.Pages(t, fs)
	var got []int
	err := WritePages(pages, fs, 50, func(i int, data []byte) error {
		img, err := stdpng.Decode(bytes.NewReader(data))
		if err != nil {
			return err
		}
		if img.Bounds().Dx() != 413 {
			t.Errorf("page %d: width %d at 50 dpi", i+1, img.Bounds().Dx())
		}
		got = append(got, i)
		return nil
	})
	if err != nil || len(got) != 2 {
		t.Fatalf("WritePages: %v, pages %v", err, got)
	}
	if err := WritePages(nil, fs, 50, nil); err == nil {
		t.Error("no pages: want an error")
	}
	bad := layout.Page{Images: []layout.Image{{Data: []byte("nope"), W: layout.Mm(5), H: layout.Mm(5)}}}
	if _, err := Render(bad, fs, 72); err == nil {
		t.Error("broken image: want an error")
	}
	if _, err := Render(layout.Page{Texts: []layout.Text{{Font: "nosuch", S: "字"}}}, fs, 72); err == nil {
		t.Error("unknown face: want an error")
	}
}

// fivePages is a five-page document by hand: the sample's two pages, repeated and filled with
// body lines, like a long 请示.
func fivePages(t testing.TB, fs *layout.Fonts) []layout.Page {
	base := pagetest.Pages(t, fs)
	var pages []layout.Page
	for i := 0; i < 5; i++ {
		p := base[i%2]
		p.Texts = append([]layout.Text(nil), p.Texts...)
		for l := 0; l < 18; l++ {
			y := layout.MarginTop + layout.Length(l+3)*layout.LinePitch
			p.Texts = append(p.Texts, pagetest.Run(t, fs, layout.ElemBody, layout.FangSong, layout.Hao(3), layout.Black, layout.MarginLeft, y, pagetest.Body[l%2], layout.CharPitch))
		}
		pages = append(pages, p)
	}
	return pages
}

// TestPreviewSpeed holds the live preview's budget: five pages at 72 dpi well under 300 ms.
func TestPreviewSpeed(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("timing (not with -short or -race)")
	}
	fs := layout.NewFonts()
	pages := fivePages(t, fs)
	// Best of three, so that a busy machine does not fail the test; the first round also
	// parses the fonts (once per process) and fills the glyph cache.
	best := time.Hour
	for round := 0; round < 3; round++ {
		start := time.Now()
		for _, p := range pages {
			if _, err := Render(p, fs, 72); err != nil {
				t.Fatal(err)
			}
		}
		best = min(best, time.Since(start))
	}
	if best > 300*time.Millisecond {
		t.Errorf("five pages at 72 dpi took %v, want well under 300 ms", best)
	}
}

func BenchmarkRender5Pages72dpi(b *testing.B) {
	fs := layout.NewFonts()
	pages := fivePages(b, fs)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, p := range pages {
			if _, err := Render(p, fs, 72); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkRenderPage150dpi(b *testing.B) {
	fs := layout.NewFonts()
	pages := fivePages(b, fs)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Render(pages[0], fs, 150); err != nil {
			b.Fatal(err)
		}
	}
}

// TestConcurrentRender: the preview may paint pages in parallel; the glyph and image caches
// are shared.
func TestConcurrentRender(t *testing.T) {
	fs := layout.NewFonts()
	pages := fivePages(t, fs)
	want, err := Render(pages[1], fs, 60)
	if err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 8)
	for g := 0; g < 8; g++ {
		go func(g int) {
			img, err := Render(pages[g%len(pages)], fs, 60)
			if err == nil && g%len(pages) == 1 && !bytes.Equal(img.Pix, want.Pix) {
				err = errors.New("page 2 differs when painted concurrently")
			}
			errs <- err
		}(g)
	}
	for g := 0; g < 8; g++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

func cosd(a float64) float64 { return math.Cos(a * math.Pi / 180) }
func sind(a float64) float64 { return math.Sin(a * math.Pi / 180) }
