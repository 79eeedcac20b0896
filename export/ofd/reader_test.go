package ofd

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	stdpng "image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"gongwen/export/png"
	"gongwen/layout"
)

// The reader test renders exported examples with ofd.js (an open-source OFD reader from the
// npm registry, tools/ofdjs) in Debian's headless Chromium and compares every page with
// Gongwen's own PNG of the same page (export/png) at the same resolution.
//
// Tolerance: both images are turned into ink coverage (0 white … 1 black, any colour), blurred
// with a 5 × 5 box (±2 px = ±0.26 mm at 192 dpi, which absorbs anti-aliasing and the reader's
// sub-pixel placement), and a pixel "differs" when the blurred coverages differ by more than
// 0.25. A page passes when the differing pixels are at most maxDiffShare of its inked pixels
// (pixels with coverage above 0.25 in either image). The same is done for red alone (the mark,
// the separator and the seal must be red in the reader too).
const (
	readerDPI    = 192 // ofd.js at 96 dpi (its only correct scale for images) × device pixel ratio 2
	blurRadius   = 2
	diffLevel    = 0.25
	maxDiffShare = 0.02 // 2 % of the inked area
)

// readerExamples are the examples the reader renders: 文件格式 over four pages with a seal
// placeholder (通知), the 信函格式 (函), the 命令格式 with its signature (令) and a document with a
// seal image, attachments and a table (附件).
var readerExamples = []string{"tongzhi", "han", "ling", "fujian"}

// ofdjsDir returns tools/ofdjs with its node modules installed (npm ci on first use), or skips
// (fails in CI) when node, npm or Chromium is missing.
func ofdjsDir(t *testing.T) (node, dir string) {
	t.Helper()
	node = needTool(t, "node", "nodejs")
	npm := needTool(t, "npm", "npm")
	if _, err := os.Stat("/usr/bin/chromium"); err != nil {
		need(t, "/usr/bin/chromium", "apt package chromium, installed by tools/setup.sh")
	}
	dir, err := filepath.Abs(filepath.Join("..", "..", "tools", "ofdjs"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "ofd.js", "lib", "ofd.umd.min.js")); err == nil {
		if _, err := os.Stat(filepath.Join(dir, "node_modules", "playwright-core")); err == nil {
			return node, dir
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, npm, "ci", "--no-audit", "--no-fund", "--loglevel=error")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		need(t, "tools/ofdjs/node_modules", fmt.Sprintf("npm ci failed: %v\n%s", err, out))
	}
	return node, dir
}

// readerResult is what tools/ofdjs/render.js prints.
type readerResult struct {
	Pages []struct {
		PNG    string  `json:"png"`
		Text   string  `json:"text"`
		Width  float64 `json:"width"`
		Height float64 `json:"height"`
	} `json:"pages"`
	Families map[string][]string `json:"families"`
	Errors   []string            `json:"errors"`
}

// fontFiles lists the embedded font files of an unzipped package by font ID.
func fontFiles(t *testing.T, parts map[string][]byte, dir string) map[string]string {
	t.Helper()
	var res struct {
		Fonts []struct {
			ID   string `xml:"ID,attr"`
			File string `xml:"FontFile"`
		} `xml:"Fonts>Font"`
	}
	if err := xml.Unmarshal(parts["Doc_0/PublicRes.xml"], &res); err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	for _, f := range res.Fonts {
		m[f.ID] = filepath.Join(dir, "Doc_0", "Res", f.File)
	}
	return m
}

func renderWithOFDJS(t *testing.T, node, tool string, ex *example) readerResult {
	t.Helper()
	dir := t.TempDir()
	unzipTo(t, ex.parts, dir)
	ofdPath := filepath.Join(dir, "doc.ofd")
	if err := os.WriteFile(ofdPath, ex.ofd, 0o644); err != nil {
		t.Fatal(err)
	}
	fj, _ := json.Marshal(fontFiles(t, ex.parts, dir))
	fontsPath := filepath.Join(dir, "fonts.json")
	if err := os.WriteFile(fontsPath, fj, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, filepath.Join(tool, "render.js"), ofdPath, fontsPath, filepath.Join(dir, "out"),
		fmt.Sprint(float64(readerDPI)/2/25.4), "2")
	cmd.Dir = tool
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("render.js: %v\n%s", err, stderr.String())
	}
	var r readerResult
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatalf("render.js output: %v\n%s", err, out)
	}
	return r
}

// coverage is an image as ink coverage (all channels) and red coverage, one float a pixel.
type coverage struct {
	w, h     int
	ink, red []float64
}

func coverageOf(img image.Image, w, h int) coverage {
	c := coverage{w: w, h: h, ink: make([]float64, w*h), red: make([]float64, w*h)}
	b := img.Bounds()
	for y := 0; y < h && y < b.Dy(); y++ {
		for x := 0; x < w && x < b.Dx(); x++ {
			r, g, bl, _ := color.RGBAModel.Convert(img.At(b.Min.X+x, b.Min.Y+y)).RGBA()
			rf, gf, bf := float64(r)/0xffff, float64(g)/0xffff, float64(bl)/0xffff
			c.ink[y*w+x] = 1 - math.Min(rf, math.Min(gf, bf))
			// red: the red channel stays, green and blue go (230,0,18 is red; black is not)
			c.red[y*w+x] = math.Max(0, math.Min(rf-gf, rf-bf))
		}
	}
	return c
}

// blur is a (2r+1)² box blur through summed-area tables.
func blur(v []float64, w, h, r int) []float64 {
	s := make([]float64, (w+1)*(h+1))
	for y := 0; y < h; y++ {
		row := 0.0
		for x := 0; x < w; x++ {
			row += v[y*w+x]
			s[(y+1)*(w+1)+x+1] = s[y*(w+1)+x+1] + row
		}
	}
	out := make([]float64, w*h)
	for y := 0; y < h; y++ {
		y0, y1 := max(0, y-r), min(h, y+r+1)
		for x := 0; x < w; x++ {
			x0, x1 := max(0, x-r), min(w, x+r+1)
			sum := s[y1*(w+1)+x1] - s[y0*(w+1)+x1] - s[y1*(w+1)+x0] + s[y0*(w+1)+x0]
			out[y*w+x] = sum / float64((y1-y0)*(x1-x0))
		}
	}
	return out
}

// diffShare is the share of the inked pixels whose blurred coverages differ by more than
// diffLevel, and the number of inked pixels.
func diffShare(a, b []float64, w, h int) (float64, int) {
	ba, bb := blur(a, w, h, blurRadius), blur(b, w, h, blurRadius)
	inked, diff := 0, 0
	for i := range ba {
		if a[i] > diffLevel || b[i] > diffLevel {
			inked++
		}
		if math.Abs(ba[i]-bb[i]) > diffLevel {
			diff++
		}
	}
	if inked == 0 {
		return 0, 0
	}
	return float64(diff) / float64(inked), inked
}

func readPNG(t *testing.T, p string) image.Image {
	t.Helper()
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := stdpng.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// shifted returns img moved right by dx pixels on a white ground (the negative control).
func shifted(img image.Image, dx int) image.Image {
	out := image.NewRGBA(img.Bounds())
	draw.Draw(out, out.Bounds(), image.White, image.Point{}, draw.Src)
	draw.Draw(out, out.Bounds().Add(image.Pt(dx, 0)), img, img.Bounds().Min, draw.Src)
	return out
}

// pageText is the text a page prints, in the order the writer wrote it, without spaces.
func pageText(p layout.Page) string {
	var b strings.Builder
	for _, t := range p.Texts {
		b.WriteString(t.S)
	}
	return strings.Join(strings.Fields(b.String()), "")
}

func TestReaderOFDJS(t *testing.T) {
	node, tool := ofdjsDir(t)
	outDir := os.Getenv("OFD_READER_OUT") // keep the renders (docs/ofd.md's images)
	for _, name := range readerExamples {
		t.Run(name, func(t *testing.T) {
			ex := exportExample(t, name)
			r := renderWithOFDJS(t, node, tool, ex)
			for _, e := range r.Errors {
				t.Errorf("reader: %s", e)
			}
			if len(r.Pages) != len(ex.res.Pages) {
				t.Fatalf("reader shows %d pages, the layout has %d", len(r.Pages), len(ex.res.Pages))
			}
			// The document's own text, in reading order: every paragraph of the 正文 is one
			// stretch of the reader's text once the page numbers between pages are taken out.
			var all strings.Builder
			for _, rp := range r.Pages {
				all.WriteString(strings.Join(strings.Fields(rp.Text), ""))
			}
			flow := regexp.MustCompile(`—\d+—`).ReplaceAllString(all.String(), "")
			for k, para := range ex.doc.Body {
				if p := strings.Join(strings.Fields(para), ""); !strings.Contains(flow, p) {
					t.Errorf("paragraph %d of the 正文 is not in the reader's text in order: %q", k+1, p)
				}
			}
			for i, rp := range r.Pages {
				pg := ex.res.Pages[i]
				// Text extraction: the reader's text of the page, in document order.
				if got, want := strings.Join(strings.Fields(rp.Text), ""), pageText(pg); got != want {
					t.Errorf("page %d: reader text\n%q\nwant\n%q", i+1, got, want)
				}
				if math.Abs(rp.Width-layout.PageWidth.Mm()*96/25.4) > 1 || math.Abs(rp.Height-layout.PageHeight.Mm()*96/25.4) > 1 {
					t.Errorf("page %d: reader page %.1f × %.1f CSS px, want A4 at 96 dpi", i+1, rp.Width, rp.Height)
				}
				theirs := readPNG(t, rp.PNG)
				ours, err := png.Render(pg, nil, readerDPI)
				if err != nil {
					t.Fatal(err)
				}
				w := min(theirs.Bounds().Dx(), ours.Bounds().Dx())
				h := min(theirs.Bounds().Dy(), ours.Bounds().Dy())
				a, b := coverageOf(theirs, w, h), coverageOf(ours, w, h)
				ink, inked := diffShare(a.ink, b.ink, w, h)
				red, redInked := diffShare(a.red, b.red, w, h)
				t.Logf("page %d: %d×%d px, ink differs on %.2f%% of %d inked px, red on %.2f%% of %d",
					i+1, w, h, 100*ink, inked, 100*red, redInked)
				if ink > maxDiffShare {
					t.Errorf("page %d: ink differs on %.2f%% of the inked area (tolerance %.0f%%)", i+1, 100*ink, 100*maxDiffShare)
				}
				if red > maxDiffShare {
					t.Errorf("page %d: red differs on %.2f%% of the red area (tolerance %.0f%%)", i+1, 100*red, 100*maxDiffShare)
				}
				// Negative control: the same page moved by 1 mm must fail the tolerance, or
				// the comparison could not tell a misplaced page from a right one.
				if inked > 0 && i == 0 {
					c := coverageOf(shifted(ours, int(math.Round(readerDPI/25.4))), w, h)
					if moved, _ := diffShare(a.ink, c.ink, w, h); moved <= maxDiffShare {
						t.Errorf("page %d moved by 1 mm still within tolerance (%.2f%%): the comparison is too loose", i+1, 100*moved)
					} else {
						t.Logf("page %d moved by 1 mm: ink differs on %.2f%% (control)", i+1, 100*moved)
					}
				}
				if outDir != "" {
					_ = os.MkdirAll(outDir, 0o755)
					data, _ := os.ReadFile(rp.PNG)
					_ = os.WriteFile(filepath.Join(outDir, fmt.Sprintf("%s-ofdjs-%d.png", name, i+1)), data, 0o644)
					if f, err := os.Create(filepath.Join(outDir, fmt.Sprintf("%s-gongwen-%d.png", name, i+1))); err == nil {
						_ = png.Encode(f, ours)
						f.Close()
					}
				}
			}
		})
	}
}
