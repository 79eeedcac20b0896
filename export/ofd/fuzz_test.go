package ofd

import (
	"testing"

	"golang.org/x/image/font/sfnt"

	"gongwen/layout"
)

// FuzzSubset feeds the subsetter damaged fonts: it must return an error or a font, never panic
// (system fonts are outside Gongwen's control), and what it returns must parse.
func FuzzSubset(f *testing.F) {
	face, err := layout.DefaultFonts().Face("song")
	if err != nil {
		f.Fatal(err)
	}
	small, err := subsetTrueType(face.Data, []rune("— 12 —"), func(r rune) uint16 { return uint16(face.GlyphIndex(r)) })
	if err != nil {
		f.Fatal(err)
	}
	f.Add(small, uint16(3))
	f.Add(small[:200], uint16(1))
	f.Fuzz(func(t *testing.T, data []byte, g uint16) {
		out, err := subsetTrueType(data, []rune("一二"), func(r rune) uint16 { return g + uint16(r&1) })
		if err != nil {
			return
		}
		if _, err := sfnt.Parse(out); err != nil {
			t.Fatalf("subset does not parse: %v", err)
		}
	})
}
