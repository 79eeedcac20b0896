package docx

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"sort"

	"golang.org/x/image/font/sfnt"
)

// Font embedding (ECMA-376 Part 1 §17.8.1, §17.8.3.3): a font part is the TrueType file with
// its first 32 bytes XORed with a key, the GUID named by the w:fontKey attribute of the
// w:embedRegular/w:embedBold element that refers to the part, its 16 bytes taken in reverse
// order of the GUID string's hex digits (the last pair first). Word writes such parts as
// .odttf with the content type application/vnd.openxmlformats-officedocument.obfuscatedFont.

// fontKey returns the GUID of an embedded font part in the registry form fontKey uses,
// derived from the part's bytes so that the same document gives the same file.
func fontKey(data []byte) string {
	h := sha256.Sum256(data)
	h[6] = h[6]&0x0f | 0x40 // version 4 layout, as a random GUID
	h[8] = h[8]&0x3f | 0x80
	return fmt.Sprintf("{%X-%X-%X-%X-%X}", h[0:4], h[4:6], h[6:8], h[8:10], h[10:16])
}

// obfuscate returns the font part of data for the key (a GUID as fontKey writes it): a copy
// with bytes 0–31 XORed with the key's 16 bytes in reverse order, twice over.
func obfuscate(data []byte, key string) ([]byte, error) {
	var hex []byte
	for i := 0; i < len(key); i++ {
		if c := key[i]; c != '{' && c != '}' && c != '-' {
			hex = append(hex, c)
		}
	}
	if len(hex) != 32 || len(data) < 32 {
		return nil, fmt.Errorf("obfuscate font: bad key %q or font of %d bytes", key, len(data))
	}
	var g [16]byte
	for i := range g {
		hi, lo := hexVal(hex[2*i]), hexVal(hex[2*i+1])
		if hi < 0 || lo < 0 {
			return nil, fmt.Errorf("obfuscate font: bad key %q", key)
		}
		g[i] = byte(hi<<4 | lo)
	}
	out := append([]byte(nil), data...)
	for i := 0; i < 32; i++ {
		out[i] ^= g[15-i%16]
	}
	return out, nil
}

func hexVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// Embedding permissions of the OS/2 table's fsType (OpenType spec, "OS/2 — fsType").
const (
	fsRestricted = 0x0002 // restricted license embedding: must not be embedded
	fsNoSubset   = 0x0100 // no subsetting: embed the whole font
	fsBitmapOnly = 0x0200 // bitmap embedding only: no outlines may be embedded
)

// sfntTables reads the table directory of a TrueType font.
func sfntTables(data []byte) (map[string][]byte, error) {
	if len(data) < 12 {
		return nil, errors.New("font too short")
	}
	switch binary.BigEndian.Uint32(data) {
	case 0x00010000, 0x74727565: // TrueType outlines ('true')
	default:
		return nil, errors.New("not a TrueType (glyf) font")
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	if len(data) < 12+16*n {
		return nil, errors.New("font table directory cut short")
	}
	tabs := map[string][]byte{}
	for i := 0; i < n; i++ {
		rec := data[12+16*i:]
		off, ln := int(binary.BigEndian.Uint32(rec[8:])), int(binary.BigEndian.Uint32(rec[12:]))
		if off < 0 || ln < 0 || off+ln > len(data) {
			return nil, fmt.Errorf("font table %q out of the file", rec[:4])
		}
		tabs[string(rec[:4])] = data[off : off+ln]
	}
	for _, t := range []string{"head", "maxp", "loca", "glyf", "cmap"} {
		if tabs[t] == nil {
			return nil, fmt.Errorf("font has no %s table", t)
		}
	}
	return tabs, nil
}

// embedPermission reads fsType: whether the font may be embedded at all and whether it may
// be subset.
func embedPermission(data []byte) (embed, subset bool, err error) {
	tabs, err := sfntTables(data)
	if err != nil {
		return false, false, err
	}
	os2 := tabs["OS/2"]
	if len(os2) < 10 {
		return true, true, nil // no OS/2 table: no restriction recorded
	}
	fs := binary.BigEndian.Uint16(os2[8:])
	if fs&0x000f == fsRestricted || fs&fsBitmapOnly != 0 {
		return false, false, nil
	}
	return true, fs&fsNoSubset == 0, nil
}

// subsetTTF returns a TrueType font with the outlines of the glyphs that runes map to (and of
// glyph 0, .notdef, and of every component of a composite glyph kept); every other glyph
// stays in the font with an empty outline, so glyph ids, advances (hmtx) and the layout
// tables are unchanged. The cmap maps only runes, so that a character typed later that the
// subset lacks falls back to another font instead of printing blank. Digital signatures
// (DSIG) are dropped: they would no longer match.
func subsetTTF(data []byte, runes []rune) ([]byte, error) {
	tabs, err := sfntTables(data)
	if err != nil {
		return nil, err
	}
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, err
	}
	head, maxp, loca, glyf := tabs["head"], tabs["maxp"], tabs["loca"], tabs["glyf"]
	if len(head) < 54 || len(maxp) < 6 {
		return nil, errors.New("font head or maxp table too short")
	}
	n := int(binary.BigEndian.Uint16(maxp[4:]))
	long := binary.BigEndian.Uint16(head[50:]) == 1
	offs := make([]int, n+1)
	for i := 0; i <= n; i++ {
		switch {
		case long && len(loca) >= 4*(n+1):
			offs[i] = int(binary.BigEndian.Uint32(loca[4*i:]))
		case !long && len(loca) >= 2*(n+1):
			offs[i] = 2 * int(binary.BigEndian.Uint16(loca[2*i:]))
		default:
			return nil, errors.New("font loca table too short")
		}
		if offs[i] > len(glyf) || (i > 0 && offs[i] < offs[i-1]) {
			return nil, errors.New("font loca table out of order")
		}
	}
	// the glyphs to keep: .notdef, the runes' glyphs and their components
	keep := map[int]bool{0: true}
	cmap := map[rune]int{}
	var buf sfnt.Buffer
	for _, r := range runes {
		g, err := f.GlyphIndex(&buf, r)
		if err != nil || g == 0 || int(g) >= n {
			continue
		}
		cmap[r] = int(g)
		keep[int(g)] = true
	}
	stack := make([]int, 0, len(keep))
	for g := range keep {
		stack = append(stack, g)
	}
	for len(stack) > 0 {
		g := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, c := range components(glyf[offs[g]:offs[g+1]]) {
			if c < n && !keep[c] {
				keep[c] = true
				stack = append(stack, c)
			}
		}
	}
	var newGlyf []byte
	newLoca := make([]byte, 4*(n+1))
	for g := 0; g < n; g++ {
		binary.BigEndian.PutUint32(newLoca[4*g:], uint32(len(newGlyf)))
		if keep[g] {
			newGlyf = append(newGlyf, glyf[offs[g]:offs[g+1]]...)
			for len(newGlyf)%4 != 0 {
				newGlyf = append(newGlyf, 0)
			}
		}
	}
	binary.BigEndian.PutUint32(newLoca[4*n:], uint32(len(newGlyf)))
	newHead := append([]byte(nil), head...)
	binary.BigEndian.PutUint16(newHead[50:], 1) // long loca offsets
	out := map[string][]byte{}
	for tag, t := range tabs {
		out[tag] = t
	}
	delete(out, "DSIG")
	out["head"], out["loca"], out["glyf"], out["cmap"] = newHead, newLoca, newGlyf, cmapTable(cmap)
	return writeSFNT(out), nil
}

// components returns the glyph ids a composite glyph refers to (none for a simple glyph).
func components(g []byte) []int {
	if len(g) < 10 || int16(binary.BigEndian.Uint16(g)) >= 0 {
		return nil
	}
	var ids []int
	for p := 10; p+4 <= len(g); {
		flags := binary.BigEndian.Uint16(g[p:])
		ids = append(ids, int(binary.BigEndian.Uint16(g[p+2:])))
		p += 4
		if flags&0x0001 != 0 { // ARG_1_AND_2_ARE_WORDS
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&0x0008 != 0: // WE_HAVE_A_SCALE
			p += 2
		case flags&0x0040 != 0: // WE_HAVE_AN_X_AND_Y_SCALE
			p += 4
		case flags&0x0080 != 0: // WE_HAVE_A_TWO_BY_TWO
			p += 8
		}
		if flags&0x0020 == 0 { // MORE_COMPONENTS
			break
		}
	}
	return ids
}

// cmapTable builds a cmap with a format 4 subtable (Windows, Unicode BMP) and a format 12
// subtable (Windows, Unicode full repertoire) for the mapping m.
func cmapTable(m map[rune]int) []byte {
	rs := make([]rune, 0, len(m))
	for r := range m {
		rs = append(rs, r)
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i] < rs[j] })
	// format 12: runs of consecutive runes with consecutive glyphs
	type group struct{ start, end rune }
	var groups []group
	for _, r := range rs {
		if k := len(groups) - 1; k >= 0 && groups[k].end+1 == r && m[r] == m[groups[k].end]+1 {
			groups[k].end = r
			continue
		}
		groups = append(groups, group{r, r})
	}
	f12 := make([]byte, 16+12*len(groups))
	binary.BigEndian.PutUint16(f12, 12)
	binary.BigEndian.PutUint32(f12[4:], uint32(len(f12)))
	binary.BigEndian.PutUint32(f12[12:], uint32(len(groups)))
	for i, g := range groups {
		p := f12[16+12*i:]
		binary.BigEndian.PutUint32(p, uint32(g.start))
		binary.BigEndian.PutUint32(p[4:], uint32(g.end))
		binary.BigEndian.PutUint32(p[8:], uint32(m[g.start]))
	}
	// format 4: the BMP groups as segments with an idDelta, and the closing 0xFFFF segment
	var segs []group
	for _, g := range groups {
		if g.start > 0xfffe {
			break
		}
		segs = append(segs, group{g.start, min(g.end, 0xfffe)})
	}
	segs = append(segs, group{0xffff, 0xffff})
	sc := len(segs)
	f4 := make([]byte, 16+8*sc)
	binary.BigEndian.PutUint16(f4, 4)
	binary.BigEndian.PutUint16(f4[2:], uint16(len(f4)))
	binary.BigEndian.PutUint16(f4[6:], uint16(2*sc))
	sr := 2
	sel := 0
	for sr*2 <= 2*sc {
		sr *= 2
		sel++
	}
	if sr > 2*sc {
		sr = 2 * sc
	}
	binary.BigEndian.PutUint16(f4[8:], uint16(sr))
	binary.BigEndian.PutUint16(f4[10:], uint16(sel))
	binary.BigEndian.PutUint16(f4[12:], uint16(2*sc-sr))
	ends, starts, deltas := f4[14:], f4[16+2*sc:], f4[16+4*sc:]
	for i, s := range segs {
		binary.BigEndian.PutUint16(ends[2*i:], uint16(s.end))
		binary.BigEndian.PutUint16(starts[2*i:], uint16(s.start))
		delta := 1 // 0xFFFF → glyph 0
		if s.start != 0xffff {
			delta = m[s.start] - int(s.start)
		}
		binary.BigEndian.PutUint16(deltas[2*i:], uint16(int16(delta)))
		// idRangeOffset stays 0
	}
	t := make([]byte, 4+8*2)
	binary.BigEndian.PutUint16(t[2:], 2)
	binary.BigEndian.PutUint16(t[4:], 3)
	binary.BigEndian.PutUint16(t[6:], 1)
	binary.BigEndian.PutUint32(t[8:], uint32(len(t)))
	binary.BigEndian.PutUint16(t[12:], 3)
	binary.BigEndian.PutUint16(t[14:], 10)
	binary.BigEndian.PutUint32(t[16:], uint32(len(t)+len(f4)))
	return append(append(t, f4...), f12...)
}

// writeSFNT assembles tables into a TrueType file: tables sorted by tag, 4-byte aligned, with
// their checksums and head.checkSumAdjustment.
func writeSFNT(tabs map[string][]byte) []byte {
	tags := make([]string, 0, len(tabs))
	for t := range tabs {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	n := len(tags)
	sr, sel := 1, 0
	for sr*2 <= n {
		sr *= 2
		sel++
	}
	out := make([]byte, 12+16*n)
	binary.BigEndian.PutUint32(out, 0x00010000)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	binary.BigEndian.PutUint16(out[6:], uint16(16*sr))
	binary.BigEndian.PutUint16(out[8:], uint16(sel))
	binary.BigEndian.PutUint16(out[10:], uint16(16*(n-sr)))
	headAt := -1
	for i, tag := range tags {
		t := tabs[tag]
		if tag == "head" {
			t = append([]byte(nil), t...)
			binary.BigEndian.PutUint32(t[8:], 0) // checkSumAdjustment, set below
			headAt = len(out)
		}
		rec := out[12+16*i:]
		copy(rec, tag)
		binary.BigEndian.PutUint32(rec[4:], checksum(t))
		binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(t)))
		out = append(out, t...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	if headAt >= 0 {
		binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	}
	return out
}

func checksum(b []byte) uint32 {
	var s uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:min(i+4, len(b))])
		s += binary.BigEndian.Uint32(w[:])
	}
	return s
}
