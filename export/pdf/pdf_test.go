package pdf

import (
	"bytes"
	"compress/zlib"
	"errors"
	"image"
	"image/jpeg"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"gongwen/assets"
	"gongwen/export/internal/pagetest"
	"gongwen/internal/fonttest"
	"gongwen/layout"
)

func writeSample(t *testing.T) (string, []layout.Page) {
	t.Helper()
	fs := layout.NewFonts()
	pages := pagetest.Pages(t, fs)
	var b bytes.Buffer
	meta := Meta{Title: "关于镕堃同志任职的请示", Author: "某某市人民政府", Subject: "请示", Date: time.Date(2024, 1, 5, 9, 0, 0, 0, time.UTC)}
	if err := Write(&b, pages, fs, meta); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "sample.pdf")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, pages
}

func need(t *testing.T, tool string) {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is missing (poppler-utils); CI must have it", tool)
		}
		t.Skipf("%s not installed (apt-get install poppler-utils)", tool)
	}
}

func output(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

func TestValidPDF(t *testing.T) {
	path, _ := writeSample(t)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationStrict
	if err := api.Validate(f, conf); err != nil {
		t.Errorf("pdfcpu validate: %v", err)
	}
}

func TestInfo(t *testing.T) {
	need(t, "pdfinfo")
	path, _ := writeSample(t)
	out := output(t, "pdfinfo", path)
	for _, want := range []string{
		"Title:           关于镕堃同志任职的请示",
		"Author:          某某市人民政府",
		"Subject:         请示",
		"Creator:         Gongwen",
		"Pages:           2",
		"Page size:       595.28 x 841.89 pts (A4)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, out)
		}
	}
}

func TestFontsEmbeddedAsSubsets(t *testing.T) {
	need(t, "pdffonts")
	path, _ := writeSample(t)
	out := output(t, "pdffonts", path)
	lines := strings.Split(strings.TrimSpace(out), "\n")[2:]
	// fangsong, xiaobiaosong, song, hei, kai and the GBK fallback (镕堃 in the title and body).
	if len(lines) != 6 {
		t.Errorf("pdffonts lists %d fonts, want 6:\n%s", len(lines), out)
	}
	for _, l := range lines {
		f := strings.Fields(l)
		// name type encoding emb sub uni object ID
		n := len(f)
		if n < 7 || f[n-5] != "yes" || f[n-4] != "yes" || f[n-3] != "yes" {
			t.Errorf("font not embedded as a subset with a ToUnicode map: %s", l)
		}
	}
	if !strings.Contains(out, "CID TrueType") {
		t.Errorf("fonts are not CID TrueType:\n%s", out)
	}
}

func TestTextExtractable(t *testing.T) {
	need(t, "pdftotext")
	path, _ := writeSample(t)
	out := output(t, "pdftotext", "-enc", "UTF-8", path, "-")
	flat := strings.Join(strings.Fields(out), "")
	want := []string{"某某市人民政府文件", "某政〔2024〕5号", "关于镕堃同志任职的请示"}
	want = append(want, pagetest.Body...)
	want = append(want, "—1—", "一、总体要求", "（一）工作目标。", "某某市人民政府", "2024年1月5日", "—2—")
	at := 0
	for _, w := range want {
		i := strings.Index(flat[at:], w)
		if i < 0 {
			t.Fatalf("pdftotext lacks %q after offset %d (reading order):\n%s", w, at, out)
		}
		at += i + len(w)
	}
}

// TestPlacement reads the content streams and checks that every character sits where the page
// put it: text objects start at the run's x on its baseline, in its size and colour.
func TestPlacement(t *testing.T) {
	path, pages := writeSample(t)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	streams := contentStreams(t, data)
	ph := layout.PageHeight.Pt()
	// "x y TD\n/Fn size Tf c Tc\nr g b rg\n[<...>] TJ"
	re := regexp.MustCompile(`(?s)BT\n([-\d.]+) ([-\d.]+) TD\n/F\d+ ([\d.]+) Tf ([-\d.]+) Tc\n(?:([\d.]+) ([\d.]+) ([\d.]+) rg\n)?\[<([0-9A-F]*)`)
	type obj struct{ x, y, size, tc float64 }
	var objs []obj
	for _, s := range streams {
		for _, m := range re.FindAllStringSubmatch(s, -1) {
			f := func(i int) float64 { v, _ := strconv.ParseFloat(m[i], 64); return v }
			objs = append(objs, obj{f(1), ph - f(2), f(3), f(4)})
		}
	}
	// Every run's first character must start a text object at its x and baseline.
	for _, pg := range pages {
		for _, tx := range pg.Texts {
			x, y, size := tx.X[0].Pt(), tx.Y.Pt(), ptSize(tx.Size)
			found := false
			for _, o := range objs {
				if math.Abs(o.x-x) < 0.006 && math.Abs(o.y-y) < 0.006 && o.size == size {
					found = true
				}
			}
			if !found {
				t.Errorf("%s %q: no text object at (%.2f, %.2f) pt in %.1f pt", tx.Element, tx.S, x, y, size)
			}
		}
	}
	// Sizes of the 号 scale are exact in the PDF.
	all := strings.Join(streams, "")
	for _, want := range []string{" 16 Tf ", " 22 Tf ", " 14 Tf "} {
		if !strings.Contains(all, want) {
			t.Errorf("no text object in%s", want)
		}
	}
	// The justified body lines go out as one object each, with the grid's character spacing.
	pitch := layout.CharPitch.Pt()
	n := 0
	for _, o := range objs {
		if math.Abs(o.size-16) < 0.001 && math.Abs(o.tc-(pitch-16)) < 0.002 {
			n++
		}
	}
	if n < len(pagetest.Body) {
		t.Errorf("%d text objects with the grid spacing %.3f, want at least %d", n, pitch-16, len(pagetest.Body))
	}
	// Red only where the page says red: the mark's text object is the only red text.
	reds := strings.Count(strings.Join(streams, ""), "0.902 0.000 0.071 rg")
	if reds != 1 {
		t.Errorf("%d red text objects, want 1 (the mark)", reds)
	}
}

// contentStreams returns the inflated streams of a PDF that hold text or drawing operators.
func contentStreams(t *testing.T, data []byte) []string {
	t.Helper()
	var out []string
	re := regexp.MustCompile(`(?s)stream\r?\n`)
	for _, loc := range re.FindAllIndex(data, -1) {
		start := loc[1]
		end := bytes.Index(data[start:], []byte("endstream"))
		if end < 0 {
			continue
		}
		r, err := zlib.NewReader(bytes.NewReader(data[start : start+end]))
		if err != nil {
			continue
		}
		b, _ := io.ReadAll(r)
		if bytes.Contains(b, []byte(" Tf ")) || bytes.Contains(b, []byte(" re")) || bytes.Contains(b, []byte(" m\n")) {
			out = append(out, string(b))
		}
	}
	if len(out) == 0 {
		t.Fatal("no content streams found")
	}
	return out
}

func TestEmptyAndErrors(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, nil, nil, Meta{}); err == nil {
		t.Error("no pages: want an error")
	}
	bad := []layout.Page{{Texts: []layout.Text{{Font: "nosuch", Size: layout.Hao(3), S: "字", X: []layout.Length{0}}}}}
	if err := Write(&b, bad, nil, Meta{}); err == nil {
		t.Error("unknown face: want an error")
	}
	img := []layout.Page{{Images: []layout.Image{{Data: []byte("not an image"), W: layout.Mm(10), H: layout.Mm(10)}}}}
	if err := Write(&b, img, nil, Meta{}); err == nil {
		t.Error("broken image: want an error")
	}
}

// TestUnreadableSystemFont: a system font gopdf cannot embed is replaced by the role's bundled
// face instead of failing the export.
func TestUnreadableSystemFont(t *testing.T) {
	need(t, "pdffonts")
	kai, err := assets.FontBytes("kai")
	if err != nil {
		t.Fatal(err)
	}
	// Without a PostScript name or an OS/2 table gopdf refuses the font; sfnt (the layout's
	// reader) does not mind.
	data := fonttest.WithFamily(kai, "楷体_GB2312")
	data = fonttest.RenameTable(data, "OS/2", "OSX2")
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "kai.ttf"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	fs := layout.NewSystemFonts([]string{dir})
	f, _, err := fs.Resolve(layout.Kai, '张')
	if err != nil || f.File == "" {
		t.Fatalf("the system 楷体 is not used: %v", err)
	}
	pages := []layout.Page{{Texts: []layout.Text{pagetest.Run(t, fs, layout.ElemSigners, layout.Kai, layout.Hao(3), layout.Black, layout.Mm(50), layout.Mm(60), "王建国镕", 0)}}}
	var b bytes.Buffer
	if err := Write(&b, pages, fs, Meta{}); err != nil {
		t.Fatalf("write: %v", err)
	}
	path := filepath.Join(dir, "out.pdf")
	os.WriteFile(path, b.Bytes(), 0o644)
	out := output(t, "pdffonts", path)
	if !strings.Contains(out, "WenKaiGB-Light") {
		t.Errorf("the bundled 楷体 is not embedded:\n%s", out)
	}
	need(t, "pdftotext")
	if txt := output(t, "pdftotext", path, "-"); !strings.Contains(txt, "王建国镕") {
		t.Errorf("text lost: %q", txt)
	}
}

// TestImages: PNG (with transparency) and JPEG images are placed in their rectangles.
func TestImages(t *testing.T) {
	need(t, "pdfimages")
	img := image.NewRGBA(image.Rect(0, 0, 40, 20))
	for i := range img.Pix {
		img.Pix[i] = 200
	}
	var jb bytes.Buffer
	if err := jpeg.Encode(&jb, img, nil); err != nil {
		t.Fatal(err)
	}
	pages := []layout.Page{{Images: []layout.Image{
		{Element: layout.ElemSeal, X: layout.Mm(120), Y: layout.Mm(200), W: layout.Mm(42), H: layout.Mm(42), Data: pagetest.SealPNG(t)},
		{Element: layout.ElemSignature, X: layout.Mm(30), Y: layout.Mm(100), W: layout.Mm(40), H: layout.Mm(20), Data: jb.Bytes()},
	}}}
	var b bytes.Buffer
	if err := Write(&b, pages, nil, Meta{}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "img.pdf")
	os.WriteFile(path, b.Bytes(), 0o644)
	out := output(t, "pdfimages", "-list", path)
	// page num type width height color comp bpc enc interp object ID x-ppi y-ppi size ratio
	var rows [][]string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n")[2:] {
		rows = append(rows, strings.Fields(l))
	}
	var imgs, masks int
	for _, r := range rows {
		switch r[2] {
		case "image":
			imgs++
		case "smask":
			masks++
		}
	}
	if imgs != 2 || masks != 1 {
		t.Errorf("want two images and the PNG's alpha as a soft mask:\n%s", out)
	}
	if !strings.Contains(out, "jpeg") {
		t.Errorf("JPEG not embedded as is (DCT):\n%s", out)
	}
}

// TestBlankPage: a page with nothing on it (the blank page before the 版记) still has a
// content stream, so poppler reads the file without syntax errors.
func TestBlankPage(t *testing.T) {
	need(t, "pdfinfo")
	path := filepath.Join(t.TempDir(), "blank.pdf")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	pages := []layout.Page{{Number: 1}, {Blank: true}, {}}
	if err := Write(f, pages, layout.DefaultFonts(), Meta{Title: "空白页"}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	out := output(t, "pdfinfo", path)
	if strings.Contains(out, "Error") {
		t.Errorf("pdfinfo reports errors on a PDF with a blank page:\n%s", out)
	}
	if !strings.Contains(out, "Pages:           3") {
		t.Errorf("pdfinfo: want 3 pages:\n%s", out)
	}
}

// failAfter is a writer that fails once n bytes have been written.
type failAfter struct {
	n   int
	got int
}

func (f *failAfter) Write(b []byte) (int, error) {
	if f.got+len(b) > f.n {
		return 0, errors.New("disk full")
	}
	f.got += len(b)
	return len(b), nil
}

// TestWriterStreams: each page's content stream reaches the writer when the page is added
// (not at Finish), the streamed PDF is valid and the same as Write's, and a writer that fails
// part way gives an error from Add or Finish, not a panic or a silent success.
func TestWriterStreams(t *testing.T) {
	fs := layout.NewFonts()
	pages := pagetest.Pages(t, fs)
	if len(pages) < 2 {
		t.Fatalf("sample has %d pages, want several", len(pages))
	}
	meta := Meta{Title: "关于镕堃同志任职的请示", Date: time.Date(2024, 1, 5, 9, 0, 0, 0, time.UTC)}
	var b bytes.Buffer
	pw, err := NewWriter(&b, fs, meta)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b.Bytes(), []byte("%PDF-1.7\n")) {
		t.Fatalf("NewWriter wrote %q, want the PDF header", b.Bytes())
	}
	for i := range pages {
		before := b.Len()
		if err := pw.Add(&pages[i]); err != nil {
			t.Fatal(err)
		}
		added := b.Bytes()[before:]
		if !bytes.Contains(added, []byte("stream\n")) || !bytes.Contains(added, []byte("endobj")) {
			t.Errorf("page %d: Add wrote %d bytes, want its content stream", i+1, len(added))
		}
	}
	if err := pw.Finish(); err != nil {
		t.Fatal(err)
	}
	var whole bytes.Buffer
	if err := Write(&whole, pages, fs, meta); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), whole.Bytes()) {
		t.Error("the PDF of Add/Finish differs from Write's")
	}
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationStrict
	if err := api.Validate(bytes.NewReader(b.Bytes()), conf); err != nil {
		t.Errorf("pdfcpu validate: %v", err)
	}
	if got := len(contentStreams(t, b.Bytes())); got < len(pages) {
		t.Errorf("%d content streams for %d pages", got, len(pages))
	}

	for _, n := range []int{0, 10, b.Len() / 3, b.Len() - 100} {
		fw := &failAfter{n: n}
		pw, err := NewWriter(fw, fs, meta)
		if err == nil {
			for i := range pages {
				if err = pw.Add(&pages[i]); err != nil {
					break
				}
			}
		}
		if err == nil {
			err = pw.Finish()
		}
		if err == nil || !strings.Contains(err.Error(), "disk full") {
			t.Errorf("writer failing after %d bytes: error %v, want disk full", n, err)
		}
	}
}
