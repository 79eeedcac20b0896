package ofd

import "gongwen/internal/ttfsubset"

// subsetTrueType returns the font cut down for the OFD: only the glyphs that map the given
// runes (plus .notdef and the components of composite glyphs), renumbered densely, with a
// cmap that maps exactly those runes and the layout tables (GSUB, GPOS, kern, vertical
// metrics …) left out: the OFD positions every character itself, so a reader needs outlines,
// advances and the cmap only. gid maps a rune to its glyph in data (0 when absent). Only glyf
// fonts are handled: CFF ('OTTO') and collections are an error.
func subsetTrueType(data []byte, runes []rune, gid func(rune) uint16) ([]byte, error) {
	return ttfsubset.Subset(data, runes, ttfsubset.Options{GlyphIndex: gid})
}
