package ttfsubset

import (
	"testing"

	"golang.org/x/image/font/sfnt"
)

// FuzzSubset feeds the subsetter damaged fonts: it must return an error or a font, never panic
// (system fonts are outside Gongwen's control), and what it returns must parse.
func FuzzSubset(f *testing.F) {
	song := bundled(f, "NotoSerifSC-Regular.ttf")
	small, err := Subset(song, []rune("— 12 —"), Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(small, uint16(3), false)
	f.Add(small[:200], uint16(1), true)
	f.Fuzz(func(t *testing.T, data []byte, g uint16, keep bool) {
		out, err := Subset(data, []rune("一二"), Options{KeepIDs: keep, GlyphIndex: func(r rune) uint16 { return g + uint16(r&1) }})
		if err != nil {
			return
		}
		if _, err := sfnt.Parse(out); err != nil {
			t.Fatalf("subset does not parse: %v", err)
		}
	})
}
