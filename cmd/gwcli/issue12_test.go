package main

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Issue 12: honest output paths, bounded reads, seals every writer takes, one convention for
// "-" and exit statuses. Each case failed on main at d3b518c.

// within fails the test when f has not returned after 20 s (a read blocked on a FIFO).
func within(t *testing.T, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); f() }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("still running after 20 s")
	}
}

func mkfifo(t *testing.T, p string) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("no FIFOs")
	}
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
}

func TestExportOutputPaths(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.yaml")
	os.WriteFile(in, []byte(goodDraft), 0o644)
	fifo := filepath.Join(dir, "fifo.pdf")
	mkfifo(t, fifo)
	devlink := filepath.Join(dir, "null.pdf")
	os.Symlink("/dev/null", devlink)
	target := filepath.Join(dir, "real.pdf")
	os.WriteFile(target, []byte("old"), 0o644)
	link := filepath.Join(dir, "link.pdf")
	os.Symlink("real.pdf", link)

	tests := []struct {
		name, out string
		code      int
		// check looks at the file system afterwards.
		check func(t *testing.T)
	}{
		{"a FIFO is refused and stays a FIFO", fifo, 2, func(t *testing.T) {
			if st, _ := os.Lstat(fifo); st.Mode()&os.ModeNamedPipe == 0 {
				t.Errorf("the FIFO became %v", st.Mode())
			}
		}},
		{"a link to a device is refused and stays a link", devlink, 2, func(t *testing.T) {
			if st, _ := os.Lstat(devlink); st.Mode()&os.ModeSymlink == 0 {
				t.Errorf("the link became %v", st.Mode())
			}
		}},
		{"a link is written through to its target", link, 0, func(t *testing.T) {
			if st, _ := os.Lstat(link); st.Mode()&os.ModeSymlink == 0 {
				t.Errorf("the link was replaced by %v", st.Mode())
			}
			if b, _ := os.ReadFile(target); !bytes.HasPrefix(b, []byte("%PDF-")) {
				t.Errorf("the target holds %.10q", b)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			within(t, func() {
				_, stderr, code := runCLI("export", "--format", "pdf", "-o", tt.out, in)
				if code != tt.code {
					t.Errorf("exit %d, want %d: %s", code, tt.code, stderr)
				}
				tt.check(t)
			})
		})
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// TestDash: "-" is standard output for export as for fix and import, and standard input for
// every command; no file named "-" is ever written.
func TestDash(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	os.WriteFile("in.yaml", []byte(goodDraft), 0o644)
	tests := []struct {
		name  string
		args  []string
		stdin string
		code  int
		out   string // stdout starts with
	}{
		{"export -o - is standard output", []string{"export", "-o", "-", "in.yaml"}, "", 0, "%PDF-"},
		{"export docx to standard output", []string{"export", "--format", "docx", "-o", "-", "in.yaml"}, "", 0, "PK"},
		{"export reads a draft from standard input", []string{"export", "-o", "-", "-"}, goodDraft, 0, "%PDF-"},
		{"export reads a text from standard input", []string{"export", "-o", "-", "-"}, "关于某事的通知\n\n各单位：\n    正文。\n\n某局\n2024年1月5日\n", 0, "%PDF-"},
		{"check reads standard input", []string{"check", "-"}, goodDraft, 0, ""},
		{"import reads standard input", []string{"import", "-"}, "关于某事的通知\n\n各单位：\n    正文。\n", 0, "# 公文写作助手草稿"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdin = strings.NewReader(tt.stdin)
			defer func() { stdin = os.Stdin }()
			out, stderr, code := runCLI(tt.args...)
			if code != tt.code || !strings.HasPrefix(out, tt.out) {
				t.Errorf("exit %d, stdout %.20q; stderr %s", code, out, stderr)
			}
			if _, err := os.Lstat("-"); err == nil {
				t.Errorf("a file named - was written")
				os.Remove("-")
			}
		})
	}
}

// TestExitStatuses: one convention across commands: 2 for an input that cannot be read.
func TestExitStatuses(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "none.yaml")
	for _, args := range [][]string{
		{"export", missing}, {"check", missing}, {"fix", missing}, {"import", missing},
		{"export", "--bogus", missing}, {"check", "--bogus", missing},
	} {
		if _, stderr, code := runCLI(args...); code != 2 {
			t.Errorf("%v: exit %d, want 2: %s", args, code, stderr)
		}
	}
}

// TestPNGSetConsistent: a 2-page export over an earlier 4-page one leaves 2 pages, a 1-page
// export leaves only OUT.
func TestPNGSetConsistent(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.yaml")
	long := strings.Replace(goodDraft, "  - 特此通知。", "  - "+strings.Repeat("为进一步做好有关工作，现就有关事项通知如下，请认真贯彻执行。", 60)+"\n  - 特此通知。", 1)
	out := filepath.Join(dir, "p.png")
	list := func() string {
		m, _ := filepath.Glob(filepath.Join(dir, "p*.png"))
		for i := range m {
			m[i] = filepath.Base(m[i])
		}
		return strings.Join(m, " ")
	}
	steps := []struct {
		draft string
		want  string
	}{
		{strings.Replace(long, "  - 特此通知。", "  - "+strings.Repeat("为进一步做好有关工作，现就有关事项通知如下，请认真贯彻执行。", 60)+"\n  - 特此通知。", 1), ""},
		{long, ""},
		{expOKDraft, "p.png"},
		{long, ""},
	}
	for i, s := range steps {
		os.WriteFile(in, []byte(s.draft), 0o644)
		if _, stderr, code := runCLI("export", "--dpi", "20", "-o", out, in); code != 0 {
			t.Fatalf("step %d: exit %d: %s", i, code, stderr)
		}
		got := list()
		if s.want != "" && got != s.want {
			t.Errorf("step %d: %s, want %s", i, got, s.want)
		}
		if s.want == "" {
			n := strings.Count(got, " ") + 1
			if n < 2 {
				t.Errorf("step %d: %s, want pages", i, got)
			}
			for k := 1; k <= n; k++ {
				if !strings.Contains(" "+got+" ", " p-"+strconv.Itoa(k)+".png ") {
					t.Errorf("step %d: %s is not p-1 … p-%d", i, got, n)
				}
			}
		}
	}
}

// sealDraftFor is goodDraft sealed with the image file.
func sealDraftFor(file string) string {
	return strings.Replace(goodDraft, "  - name: 国务院办公厅\n", "  - name: 国务院办公厅\n    seal: "+file+"\n", 1) + "sign_off: seal\n"
}

// sealImage is a red ring on white, the way a scanned seal comes.
func sealImage(n int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, n, n))
	c := float64(n) / 2
	for y := 0; y < n; y++ {
		for x := 0; x < n; x++ {
			d := (float64(x)-c)*(float64(x)-c) + (float64(y)-c)*(float64(y)-c)
			if d < c*c*0.9 && d > c*c*0.6 {
				img.SetNRGBA(x, y, color.NRGBA{230, 0, 18, 255})
			} else {
				img.SetNRGBA(x, y, color.NRGBA{255, 255, 255, 255})
			}
		}
	}
	return img
}

// interlacedPNG encodes img as an 8-bit RGBA PNG with Adam7 interlacing (image/png does not
// write interlaced files).
func interlacedPNG(img *image.NRGBA) []byte {
	passes := []struct{ x0, y0, dx, dy int }{{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}}
	w, h := img.Bounds().Dx(), img.Bounds().Dy()
	var raw bytes.Buffer
	for _, p := range passes {
		for y := p.y0; y < h; y += p.dy {
			if p.x0 >= w {
				break
			}
			raw.WriteByte(0)
			for x := p.x0; x < w; x += p.dx {
				c := img.NRGBAAt(x, y)
				raw.Write([]byte{c.R, c.G, c.B, c.A})
			}
		}
	}
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(raw.Bytes())
	zw.Close()
	var out bytes.Buffer
	out.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(typ string, data []byte) {
		binary.Write(&out, binary.BigEndian, uint32(len(data)))
		td := append([]byte(typ), data...)
		out.Write(td)
		binary.Write(&out, binary.BigEndian, crc32.ChecksumIEEE(td))
	}
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8], ihdr[9], ihdr[12] = 8, 6, 1
	chunk("IHDR", ihdr)
	chunk("IDAT", z.Bytes())
	chunk("IEND", nil)
	return out.Bytes()
}

// TestSealFormats: every PNG or JPEG that check accepts exports in every format.
func TestSealFormats(t *testing.T) {
	dir := t.TempDir()
	src := sealImage(64)
	enc := func(img image.Image) []byte {
		var b bytes.Buffer
		if err := png.Encode(&b, img); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	deep := image.NewNRGBA64(src.Bounds())
	pal := image.NewPaletted(src.Bounds(), color.Palette{color.White, color.NRGBA{230, 0, 18, 255}})
	for y := 0; y < 64; y++ {
		for x := 0; x < 64; x++ {
			deep.Set(x, y, src.At(x, y))
			pal.Set(x, y, src.At(x, y))
		}
	}
	var jb bytes.Buffer
	jpeg.Encode(&jb, src, nil)
	seals := map[string][]byte{
		"16bit.png":      enc(deep),
		"interlaced.png": interlacedPNG(src),
		"palette.png":    enc(pal),
		"opaque.jpg":     jb.Bytes(),
	}
	for name, data := range seals {
		os.WriteFile(filepath.Join(dir, name), data, 0o644)
		in := filepath.Join(dir, strings.TrimSuffix(name, filepath.Ext(name))+".yaml")
		os.WriteFile(in, []byte(sealDraftFor(name)), 0o644)
		for _, f := range []string{"pdf", "png", "docx"} {
			t.Run(name+" to "+f, func(t *testing.T) {
				if _, stderr, code := runCLI("check", in); code == 2 {
					t.Fatalf("check refused the seal: %s", stderr)
				}
				out := filepath.Join(dir, "out-"+name+"."+f)
				if _, stderr, code := runCLI("export", "--dpi", "30", "-o", out, in); code != 0 {
					t.Errorf("exit %d: %s", code, stderr)
				}
			})
		}
	}
}

// TestSealFIFO: a seal path that is a FIFO is refused at once by check and export.
func TestSealFIFO(t *testing.T) {
	dir := t.TempDir()
	mkfifo(t, filepath.Join(dir, "seal.png"))
	in := filepath.Join(dir, "in.yaml")
	os.WriteFile(in, []byte(sealDraftFor("seal.png")), 0o644)
	for _, args := range [][]string{{"check", in}, {"export", "-o", filepath.Join(dir, "o.pdf"), in}} {
		t.Run(args[0], func(t *testing.T) {
			within(t, func() {
				_, stderr, code := runCLI(args...)
				if code != 2 || !strings.Contains(stderr, "FIFO") {
					t.Errorf("exit %d: %s", code, stderr)
				}
			})
		})
	}
}

// TestBadByteReported: a UTF-8 text with one bad byte is read as UTF-8 and the byte is named
// by line and column by every command that reads it (at d3b518c: GB18030 mojibake, exit 0).
func TestBadByteReported(t *testing.T) {
	in := filepath.Join(t.TempDir(), "bad.txt")
	os.WriteFile(in, []byte("关于做好安全生产工作的通知\n\n各区人民政府：\n　　为进\xff一步做好安全生产工作，现通知如下。\n\n某某市人民政府\n2024年5月20日\n"), 0o644)
	for _, args := range [][]string{{"import", in}, {"check", in}, {"export", "-o", in + ".pdf", in}} {
		t.Run(args[0], func(t *testing.T) {
			out, stderr, _ := runCLI(args...)
			if !strings.Contains(stderr, "bad.txt:4:5: 警告") {
				t.Errorf("stderr %q names no place", stderr)
			}
			if args[0] == "import" && !strings.Contains(out, "title: 关于做好安全生产工作的通知") {
				t.Errorf("not read as UTF-8: %.300s", out)
			}
		})
	}
}

// TestLayoutOverflowReported: check --layout reports a 版记 longer than a page and export
// refuses it naming the element (at d3b518c: cut off the top of the page, exit 0, silent).
func TestLayoutOverflowReported(t *testing.T) {
	var organs []string
	for i := 0; i < 110; i++ {
		organs = append(organs, "某某市第"+strconv.Itoa(i+1)+"局")
	}
	in := filepath.Join(t.TempDir(), "cc.yaml")
	os.WriteFile(in, []byte(expOKDraft+"cc: "+strings.Join(organs, "，")+"。\n"), 0o644)
	out, _, code := runCLI("check", "--layout", in)
	if code != 1 || !strings.Contains(out, "抄送机关") {
		t.Errorf("check --layout: exit %d: %s", code, out)
	}
	_, stderr, code := runCLI("export", "-o", in+".pdf", in)
	if code != 2 || !strings.Contains(stderr, "抄送机关") {
		t.Errorf("export: exit %d: %s", code, stderr)
	}
}
