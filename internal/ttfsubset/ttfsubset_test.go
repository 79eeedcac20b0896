package ttfsubset

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// bundled reads a bundled font file from the repository's assets (as bytes of its own, so
// that the test does not depend on how package assets hands fonts out).
func bundled(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "assets", "fonts", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func glyphOf(f *sfnt.Font, r rune) sfnt.GlyphIndex {
	var b sfnt.Buffer
	g, _ := f.GlyphIndex(&b, r)
	return g
}

// TestSubset cuts bundled faces in both modes and checks that every asked character keeps its
// outline and advance, that a character not asked for is not mapped, how many glyphs remain
// and that the file shrank.
func TestSubset(t *testing.T) {
	cases := []struct {
		name, file, runes string
		opt               Options
		wide              bool // the cmap must have a format 12 subtable
	}{
		{"keep ids", "FandolFang-Regular.ttf", "国办发〔2024〕12号关于做好春季农业生产工作通知，。Ab", Options{KeepIDs: true, Format12: true}, true},
		{"keep ids, bold", "NotoSerifSC-Bold.ttf", "某某市人民政府办公室文件", Options{KeepIDs: true}, false},
		{"renumber", "NotoSerifSC-Regular.ttf", "— 1234567890 —", Options{}, false},
		{"renumber, kai", "WenKaiGB-Light.ttf", "（一）张三", Options{}, false},
		{"renumber, GBK extra", "NotoSerifSC-GBKExtra.ttf", "镕堃喆", Options{}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			data := bundled(t, c.file)
			orig, err := sfnt.Parse(data)
			if err != nil {
				t.Fatal(err)
			}
			out, err := Subset(data, []rune(c.runes), c.opt)
			if err != nil {
				t.Fatal(err)
			}
			if len(out) > len(data)/4 {
				t.Errorf("subset of %d bytes from %d", len(out), len(data))
			}
			sub, err := sfnt.Parse(out)
			if err != nil {
				t.Fatalf("subset does not parse: %v", err)
			}
			distinct := map[sfnt.GlyphIndex]bool{0: true}
			ppem := fixed.I(int(orig.UnitsPerEm()))
			var b0, b1 sfnt.Buffer
			for _, r := range c.runes {
				g0, g1 := glyphOf(orig, r), glyphOf(sub, r)
				if g0 == 0 {
					continue
				}
				distinct[g0] = true
				if g1 == 0 {
					t.Errorf("%q missing from the subset", r)
					continue
				}
				if c.opt.KeepIDs && g1 != g0 {
					t.Errorf("%q: glyph %d, want the original %d", r, g1, g0)
				}
				a0, _ := orig.GlyphAdvance(&b0, g0, ppem, font.HintingNone)
				a1, _ := sub.GlyphAdvance(&b1, g1, ppem, font.HintingNone)
				if a0 != a1 {
					t.Errorf("%q: advance %v, want %v", r, a1, a0)
				}
				s0, err0 := orig.LoadGlyph(&b0, g0, ppem, nil)
				n0 := len(s0)
				s1, err1 := sub.LoadGlyph(&b1, g1, ppem, nil)
				if err0 != nil || err1 != nil || len(s1) != n0 {
					t.Errorf("%q: %d segments (%v), want %d (%v)", r, len(s1), err1, n0, err0)
				}
			}
			switch n := sub.NumGlyphs(); {
			case c.opt.KeepIDs && n != orig.NumGlyphs():
				t.Errorf("%d glyphs, want the original's %d (ids kept)", n, orig.NumGlyphs())
			case !c.opt.KeepIDs && n != len(distinct):
				t.Errorf("%d glyphs, want %d (.notdef and one a character)", n, len(distinct))
			}
			if g := glyphOf(sub, '的'); g != 0 && !strings.ContainsRune(c.runes, '的') {
				t.Errorf("the subset maps 的 (glyph %d), which was not asked for", g)
			}
			tabs, err := Tables(out)
			if err != nil {
				t.Fatal(err)
			}
			if got := binary.BigEndian.Uint16(tabs["cmap"][2:]) == 2; got != c.wide {
				t.Errorf("format 12 subtable %v, want %v", got, c.wide)
			}
			origTabs, _ := Tables(data)
			for _, tag := range []string{"GSUB", "GPOS", "kern", "vhea", "vmtx"} {
				if _, ok := tabs[tag]; origTabs[tag] != nil && ok != c.opt.KeepIDs {
					t.Errorf("%s kept %v, want %v", tag, ok, c.opt.KeepIDs)
				}
			}
			if sum := checksum(out); sum != 0xB1B0AFBA {
				t.Errorf("file checksum %#x, want 0xB1B0AFBA (head.checkSumAdjustment)", sum)
			}
		})
	}
}

// TestCmapBeyondBMP: a rune beyond the BMP gets a format 12 subtable even without Format12,
// and maps to the glyph asked for.
func TestCmapBeyondBMP(t *testing.T) {
	data := bundled(t, "NotoSerifSC-Regular.ttf")
	out, err := Subset(data, []rune("文\U00020000"), Options{GlyphIndex: func(r rune) uint16 {
		if r == 0x20000 {
			return 5
		}
		return 6
	}})
	if err != nil {
		t.Fatal(err)
	}
	sub, err := sfnt.Parse(out)
	if err != nil {
		t.Fatal(err)
	}
	// glyphs 0, 5 and 6 remain, renumbered 0, 1 and 2
	for r, want := range map[rune]sfnt.GlyphIndex{'文': 2, 0x20000: 1, '的': 0} {
		if g := glyphOf(sub, r); g != want {
			t.Errorf("%q maps to %d, want %d", r, g, want)
		}
	}
}

// TestUnreadable: what the subsetter cannot read is an error (the writers then embed the
// whole face).
func TestUnreadable(t *testing.T) {
	song := bundled(t, "NotoSerifSC-Regular.ttf")
	for name, bad := range map[string][]byte{
		"CFF":        []byte("OTTO\x00\x00\x00\x00\x00\x00\x00\x00"),
		"collection": []byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x00"),
		"empty":      nil,
		"cut":        song[:200],
		"directory":  song[:12+16*3],
	} {
		if _, err := Subset(bad, []rune("文"), Options{GlyphIndex: func(rune) uint16 { return 1 }}); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
