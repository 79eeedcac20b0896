package layout

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"unsafe"

	"gongwen/assets"
	"gongwen/internal/fonttest"
)

func TestResolveFallback(t *testing.T) {
	fs := NewFonts()
	tests := []struct {
		role   Role
		r      rune
		want   FontID
		wantOK bool
	}{
		{FangSong, '中', "fangsong", true},
		{FangSong, '，', "fangsong", true},
		{FangSong, 'A', "fangsong", true},
		{Kai, '张', "kai", true},
		{XiaoBiaoSong, '府', "xiaobiaosong", true},
		{Hei, '一', "hei", true},
		{Song, '—', "song", true},
		// GBK hanzi outside GB2312: the GBK fallback face prints them.
		{FangSong, '镕', GBKExtra, true},
		{FangSong, '堃', GBKExtra, true},
		{Kai, '喆', GBKExtra, true},
		{Hei, '玥', GBKExtra, true},
		{FangSong, '珺', GBKExtra, true},
		{FangSong, '昇', GBKExtra, true},
		{FangSong, '犇', GBKExtra, true},
		{FangSong, '垚', GBKExtra, true},
		{FangSong, '旻', GBKExtra, true},
		{FangSong, '璟', GBKExtra, true},
		// Nobody has an emoji: the role's face comes back with ok == false.
		{FangSong, '😀', "fangsong", false},
	}
	for _, tt := range tests {
		f, ok, err := fs.Resolve(tt.role, tt.r)
		if err != nil {
			t.Fatalf("Resolve(%s, %q): %v", tt.role, tt.r, err)
		}
		if f.ID != tt.want || ok != tt.wantOK {
			t.Errorf("Resolve(%s, %q) = %s, %v; want %s, %v", tt.role, tt.r, f.ID, ok, tt.want, tt.wantOK)
		}
	}
}

func TestAdvance(t *testing.T) {
	fs := NewFonts()
	f, err := fs.Face("fangsong")
	if err != nil {
		t.Fatal(err)
	}
	size := Hao(3)
	if got := f.Advance('中', size); got != size {
		t.Errorf("Advance(中, 16pt) = %v, want one em %v", got, size)
	}
	if got := f.Advance('😀', size); got != 0 {
		t.Errorf("Advance of a missing rune = %v, want 0", got)
	}
	if !f.Has('中') || f.Has('😀') {
		t.Error("Has is wrong")
	}
	// Cached values come back the same.
	for i := 0; i < 3; i++ {
		if got := f.Advance('a', size); got <= 0 || got >= size {
			t.Errorf("Advance(a) = %v, want within (0, 1 em)", got)
		}
	}
}

// TestLazyLoad checks that only the faces a run touches are parsed.
func TestLazyLoad(t *testing.T) {
	fs := NewFonts()
	if got := fs.Loaded(); len(got) != 0 {
		t.Fatalf("fresh set has loaded %v", got)
	}
	if _, _, err := fs.Resolve(FangSong, '中'); err != nil {
		t.Fatal(err)
	}
	if got := fs.Loaded(); len(got) != 1 || got[0] != "fangsong" {
		t.Errorf("after one body character, loaded %v; want [fangsong]", got)
	}
	if _, _, err := fs.Resolve(FangSong, '镕'); err != nil {
		t.Fatal(err)
	}
	got := fs.Loaded()
	sort.Slice(got, func(i, j int) bool { return got[i] < got[j] })
	if len(got) != 2 || got[0] != "fangsong" || got[1] != GBKExtra {
		t.Errorf("after a GBK name, loaded %v; want [fangsong gbkextra]", got)
	}
}

// TestParseOncePerProcess checks that two sets share one parse of each file.
func TestParseOncePerProcess(t *testing.T) {
	a, err := NewFonts().Face("kai")
	if err != nil {
		t.Fatal(err)
	}
	b, err := NewFonts().Face("kai")
	if err != nil {
		t.Fatal(err)
	}
	if a.SFNT() != b.SFNT() {
		t.Error("two font sets parsed the same bundled file twice")
	}
	if DefaultFonts() != DefaultFonts() {
		t.Error("DefaultFonts is not one set")
	}
}

func TestConcurrentUse(t *testing.T) {
	fs := NewFonts()
	text := []rune("关于某某市人民政府镕堃喆事项的请示，现将有关情况报告如下：ABC123。")
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				for _, r := range text {
					f, ok, err := fs.Resolve(Roles[i%len(Roles)], r)
					if err != nil || !ok {
						errs <- err
						return
					}
					if f.Advance(r, Hao(3)) <= 0 {
						errs <- nil
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent resolve failed: %v", err)
	}
}

func TestUnknownFace(t *testing.T) {
	if _, err := NewFonts().Face("nosuch"); err == nil {
		t.Error("Face(nosuch) gave no error")
	}
}

func TestSystemFonts(t *testing.T) {
	kai, err := assets.FontBytes("kai")
	if err != nil {
		t.Fatal(err)
	}
	hei, err := assets.FontBytes("hei")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	sub := filepath.Join(dir, "truetype", "sub")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(path string, data []byte) {
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// A usable 楷体_GB2312 deep in the tree and a less preferred KaiTi beside it.
	write(filepath.Join(sub, "KAI_GB2312.TTF"), fonttest.WithFamily(kai, "楷体_GB2312"))
	write(filepath.Join(dir, "simkai.ttf"), fonttest.WithFamily(kai, "KaiTi"))
	// 宋体 only as a collection, 黑体 only with CFF outlines: both skipped with a reason.
	write(filepath.Join(dir, "simsun.ttc"), fonttest.AsCollection(fonttest.WithFamily(hei, "SimSun")))
	write(filepath.Join(dir, "simhei.otf"), fonttest.RenameTable(fonttest.WithFamily(hei, "SimHei"), "glyf", "xxxx"))
	// Noise.
	write(filepath.Join(dir, "readme.txt"), []byte("not a font"))
	write(filepath.Join(dir, "broken.ttf"), []byte("0000"))

	fs := NewSystemFonts([]string{dir, filepath.Join(dir, "missing")})
	choices := fs.Choices()
	var used, skipped []string
	for _, c := range choices {
		if c.Used {
			used = append(used, string(c.Role)+"="+filepath.Base(c.File))
		} else {
			skipped = append(skipped, string(c.Role)+"="+filepath.Base(c.File)+":"+c.Reason)
		}
	}
	if len(used) != 1 || used[0] != "kai=KAI_GB2312.TTF" {
		t.Errorf("used %v, want [kai=KAI_GB2312.TTF]", used)
	}
	joined := strings.Join(skipped, "\n")
	for _, want := range []string{"kai=simkai.ttf:", "song=simsun.ttc:字体集合", "hei=simhei.otf:CFF"} {
		if !strings.Contains(joined, want) {
			t.Errorf("skipped list lacks %q:\n%s", want, joined)
		}
	}

	f, ok, err := fs.Resolve(Kai, '张')
	if err != nil || !ok {
		t.Fatalf("Resolve(kai, 张) = %v, %v", ok, err)
	}
	if f.ID != "kai" || !strings.HasSuffix(f.File, "KAI_GB2312.TTF") {
		t.Errorf("kai role served by %s (%s), want the system file", f.ID, f.File)
	}
	// Roles without a system font keep the bundled face.
	f, _, _ = fs.Resolve(FangSong, '中')
	if f.File != "" {
		t.Errorf("fangsong served by %s, want the bundled face", f.File)
	}
	// Falls back: GBK names still print.
	f, ok, _ = fs.Resolve(Kai, '镕')
	if !ok || f.ID != GBKExtra {
		t.Errorf("Resolve(kai, 镕) = %s, %v; want gbkextra", f.ID, ok)
	}
	// A folder list is scanned once per process.
	if len(NewSystemFonts([]string{dir, filepath.Join(dir, "missing")}).Choices()) != len(choices) {
		t.Error("second scan differs")
	}
	if NewFontsWith(FontOptions{}) != DefaultFonts() {
		t.Error("NewFontsWith without System is not the default set")
	}
	if len(SystemFontDirs()) == 0 {
		t.Error("no system font folders for this OS")
	}
}

func TestSystemFontRuneMissingFallsBackToBundledRole(t *testing.T) {
	// A system 仿宋 that lacks a rune falls back to the bundled 仿宋 first.
	dir := t.TempDir()
	hei, _ := assets.FontBytes("hei")
	if err := os.WriteFile(filepath.Join(dir, "fs.ttf"), fonttest.WithFamily(hei, "仿宋_GB2312"), 0o644); err != nil {
		t.Fatal(err)
	}
	fs := NewSystemFonts([]string{dir})
	order := fs.fallbackFor(FangSong)
	if len(order) == 0 || order[0] != "bundled-fangsong" {
		t.Errorf("fallback order for a system 仿宋 = %v, want bundled-fangsong first", order)
	}
	f, err := fs.Face("bundled-fangsong")
	if err != nil {
		t.Fatal(err)
	}
	g, _ := NewFonts().Face("fangsong")
	if f.SFNT() != g.SFNT() {
		t.Error("bundled-fangsong parsed the file again")
	}
}

func BenchmarkAdvanceCached(b *testing.B) {
	f, err := DefaultFonts().Face("fangsong")
	if err != nil {
		b.Fatal(err)
	}
	text := []rune("关于某某市人民政府事项的请示现将有关情况报告如下")
	for _, r := range text {
		f.Advance(r, Hao(3))
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f.Advance(text[i%len(text)], Hao(3))
	}
}

func BenchmarkParseBundled(b *testing.B) {
	data, err := assets.FontBytes("fangsong")
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		if _, err := ParseFace("fangsong", data); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzFontInfo feeds arbitrary bytes to the folder scan's font header and name table reader:
// it must never panic, whatever a font folder holds.
func FuzzFontInfo(f *testing.F) {
	kai, err := assets.FontBytes("kai")
	if err != nil {
		f.Fatal(err)
	}
	named := fonttest.WithFamily(kai, "楷体_GB2312")
	// Seeds: the head of a real font with its renamed name table, a collection header, junk.
	f.Add(append(named[:4096:4096], named[len(kai)-len(kai)%4:]...))
	f.Add(fonttest.AsCollection(named)[:2048])
	f.Add([]byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x01\x00\x00\x00\x10"))
	f.Add([]byte("\x00\x01\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00name\x00\x00\x00\x00\x00\x00\x00\x10\x00\x00\x00\x06"))
	f.Add([]byte{})
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(dir, "f.ttf")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		_, _ = readFontInfo(path)
		_ = parseNameTable(data)
	})
}

// TestFaceBytesShared: a bundled face's Bytes are the font embedded in the binary (assets.Font:
// writable memory, no copy), the same for every face of that file and every font set.
func TestFaceBytesShared(t *testing.T) {
	for _, role := range []string{"fangsong", "hei", "gbkextra"} {
		embedded, err := assets.Font(role)
		if err != nil {
			t.Fatal(err)
		}
		f, err := DefaultFonts().Face(FontID(role))
		if err != nil {
			t.Fatal(err)
		}
		b := f.Bytes()
		if !bytes.Equal(b, embedded) || f.Len() != len(embedded) {
			t.Fatalf("%s: Bytes is not the font file (%d bytes, want %d)", role, len(b), len(embedded))
		}
		if unsafe.SliceData(b) != unsafe.SliceData(embedded) {
			t.Errorf("%s: Bytes copies the embedded font", role)
		}
		// the same file under another id (a bundled face beside a system font) shares it
		other, err := NewFonts().Face(FontID(role))
		if err != nil {
			t.Fatal(err)
		}
		if unsafe.SliceData(other.Bytes()) != unsafe.SliceData(b) {
			t.Errorf("%s: a second font set copies the file", role)
		}
	}
	// a face parsed from the caller's bytes hands those back
	data, _ := assets.FontBytes("kai")
	f, err := ParseFace("kai", data)
	if err != nil {
		t.Fatal(err)
	}
	if unsafe.SliceData(f.Bytes()) != unsafe.SliceData(data) {
		t.Error("ParseFace: Bytes copies the caller's slice")
	}
}

func BenchmarkParseEmbedded(b *testing.B) {
	data, err := assets.Font("fangsong")
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		if _, err := ParseFace("fangsong", data); err != nil {
			b.Fatal(err)
		}
	}
}
