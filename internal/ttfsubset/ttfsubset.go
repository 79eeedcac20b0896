// Package ttfsubset cuts a TrueType (glyf) font down to the glyphs a document uses, for the
// writers that embed fonts: the DOCX writer keeps every glyph id (unused outlines emptied, so
// advances and layout tables stay valid for Word), the OFD writer renumbers the kept glyphs
// densely and writes only the tables a reader needs for outlines, advances and the cmap.
// CFF ('OTTO') fonts and collections are an error: the caller then embeds the whole face.
package ttfsubset

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"

	"golang.org/x/image/font/sfnt"
)

// Options say how Subset cuts a font.
type Options struct {
	// KeepIDs keeps every glyph id: a glyph not kept stays in the font with an empty outline,
	// hmtx, hhea, maxp and the layout tables (GSUB, GPOS, kern …) are unchanged, and every
	// table but DSIG (which would no longer match) is written. Without it the kept glyphs
	// are renumbered densely (composite components too), hmtx gets one full metric per glyph,
	// post becomes format 3 (no glyph names) and the layout tables are left out.
	KeepIDs bool
	// Format12 always writes a format 12 cmap subtable beside the format 4 one; without it
	// the format 12 subtable is written only when a rune lies beyond the BMP.
	Format12 bool
	// GlyphIndex maps a rune to its glyph in the font (0 when absent); nil reads the
	// font's own cmap.
	GlyphIndex func(rune) uint16
}

// Subset returns a TrueType font with the outlines of the glyphs that runes map to, of glyph
// 0 (.notdef) and of every component of a composite glyph kept, with long loca offsets and a
// cmap that maps exactly those runes (so that a character typed later that the subset lacks
// falls back to another font instead of printing blank).
func Subset(data []byte, runes []rune, opt Options) ([]byte, error) {
	tables, err := Tables(data)
	if err != nil {
		return nil, err
	}
	for _, t := range []string{"head", "hhea", "maxp", "hmtx", "loca", "glyf", "cmap"} {
		if tables[t] == nil {
			return nil, fmt.Errorf("subset font: no %s table", t)
		}
	}
	head, hhea, maxp := tables["head"], tables["hhea"], tables["maxp"]
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 {
		return nil, errors.New("subset font: short head, hhea or maxp")
	}
	gid := opt.GlyphIndex
	if gid == nil {
		f, err := sfnt.Parse(data)
		if err != nil {
			return nil, fmt.Errorf("subset font: %w", err)
		}
		var buf sfnt.Buffer
		gid = func(r rune) uint16 {
			g, _ := f.GlyphIndex(&buf, r)
			return uint16(g)
		}
	}
	numGlyphs := int(binary.BigEndian.Uint16(maxp[4:]))
	longLoca := binary.BigEndian.Uint16(head[50:]) == 1
	loca, glyf := tables["loca"], tables["glyf"]
	glyph := func(g int) ([]byte, error) {
		if g < 0 || g >= numGlyphs {
			return nil, fmt.Errorf("subset font: glyph %d out of range", g)
		}
		var a, b int
		if longLoca {
			if len(loca) < 4*(g+2) {
				return nil, errors.New("subset font: short loca")
			}
			a, b = int(binary.BigEndian.Uint32(loca[4*g:])), int(binary.BigEndian.Uint32(loca[4*g+4:]))
		} else {
			if len(loca) < 2*(g+2) {
				return nil, errors.New("subset font: short loca")
			}
			a, b = 2*int(binary.BigEndian.Uint16(loca[2*g:])), 2*int(binary.BigEndian.Uint16(loca[2*g+2:]))
		}
		if a > b || b > len(glyf) {
			return nil, fmt.Errorf("subset font: glyph %d outside glyf", g)
		}
		return glyf[a:b], nil
	}

	// The glyph set: .notdef, the runes' glyphs and, transitively, composite components.
	keep := map[int]bool{0: true}
	var queue []int
	add := func(g int) {
		if !keep[g] {
			keep[g] = true
			queue = append(queue, g)
		}
	}
	cmap := map[rune]int{}
	for _, r := range runes {
		g := int(gid(r))
		if g == 0 || g >= numGlyphs {
			continue
		}
		cmap[r] = g
		add(g)
	}
	queue = append(queue, 0)
	for len(queue) > 0 {
		g := queue[0]
		queue = queue[1:]
		b, err := glyph(g)
		if err != nil {
			return nil, err
		}
		comps, err := components(b)
		if err != nil {
			return nil, fmt.Errorf("subset font: glyph %d: %w", g, err)
		}
		for _, c := range comps {
			if c.gid >= numGlyphs {
				return nil, fmt.Errorf("subset font: glyph %d: component %d out of range", g, c.gid)
			}
			add(c.gid)
		}
	}

	var out map[string][]byte
	if opt.KeepIDs {
		out = keepIDs(tables, numGlyphs, keep, glyph)
	} else {
		out, err = renumber(tables, numGlyphs, keep, glyph, cmap)
		if err != nil {
			return nil, err
		}
	}
	nhead := append([]byte(nil), head...)
	binary.BigEndian.PutUint16(nhead[50:], 1) // long loca offsets
	out["head"] = nhead
	if out["cmap"], err = buildCmap(cmap, opt.Format12); err != nil {
		return nil, err
	}
	// A damaged table that travels unchanged (a post, a name …) can make the subset
	// unreadable although every table the subsetter builds is sound: a subset that does not
	// parse is refused here, so that a writer embeds the face whole or reports it instead of
	// shipping a font no reader opens.
	res := Write(out)
	if _, err := sfnt.Parse(res); err != nil {
		return nil, fmt.Errorf("subset font: %w", err)
	}
	return res, nil
}

// keepIDs returns the tables of a subset that keeps every glyph id: the glyphs not kept have
// empty outlines; every other table but DSIG is the font's own.
func keepIDs(tables map[string][]byte, numGlyphs int, keep map[int]bool, glyph func(int) ([]byte, error)) map[string][]byte {
	var nglyf []byte
	nloca := make([]byte, 4*(numGlyphs+1))
	for g := 0; g < numGlyphs; g++ {
		binary.BigEndian.PutUint32(nloca[4*g:], uint32(len(nglyf)))
		if keep[g] {
			b, _ := glyph(g) // read without error while collecting the set
			nglyf = append(nglyf, b...)
			for len(nglyf)%4 != 0 {
				nglyf = append(nglyf, 0)
			}
		}
	}
	binary.BigEndian.PutUint32(nloca[4*numGlyphs:], uint32(len(nglyf)))
	out := map[string][]byte{}
	for tag, t := range tables {
		out[tag] = t
	}
	delete(out, "DSIG")
	out["loca"], out["glyf"] = nloca, nglyf
	return out
}

// renumber returns the tables of a subset of the kept glyphs numbered densely in their old
// order, and rewrites cmap (rune → old glyph) to the new ids.
func renumber(tables map[string][]byte, numGlyphs int, keep map[int]bool, glyph func(int) ([]byte, error), cmap map[rune]int) (map[string][]byte, error) {
	old := make([]int, 0, len(keep))
	for g := range keep {
		old = append(old, g)
	}
	sort.Ints(old)
	newID := make(map[int]int, len(old))
	for i, g := range old {
		newID[g] = i
	}
	for r, g := range cmap {
		cmap[r] = newID[g]
	}

	// glyf and loca (long offsets), composite components renumbered.
	var nglyf []byte
	nloca := make([]byte, 4*(len(old)+1))
	for i, g := range old {
		binary.BigEndian.PutUint32(nloca[4*i:], uint32(len(nglyf)))
		b, _ := glyph(g)
		b = append([]byte(nil), b...)
		comps, _ := components(b)
		for _, c := range comps {
			binary.BigEndian.PutUint16(b[c.at:], uint16(newID[c.gid]))
		}
		nglyf = append(nglyf, b...)
		for len(nglyf)%4 != 0 {
			nglyf = append(nglyf, 0)
		}
	}
	binary.BigEndian.PutUint32(nloca[4*len(old):], uint32(len(nglyf)))

	// hmtx: one full metric per glyph.
	hhea, hmtx := tables["hhea"], tables["hmtx"]
	nhm := int(binary.BigEndian.Uint16(hhea[34:]))
	if nhm == 0 || nhm > numGlyphs || len(hmtx) < 4*nhm+2*(numGlyphs-nhm) {
		return nil, errors.New("subset font: short hmtx")
	}
	nhmtx := make([]byte, 4*len(old))
	for i, g := range old {
		var adv, lsb uint16
		if g < nhm {
			adv, lsb = binary.BigEndian.Uint16(hmtx[4*g:]), binary.BigEndian.Uint16(hmtx[4*g+2:])
		} else {
			adv = binary.BigEndian.Uint16(hmtx[4*(nhm-1):])
			lsb = binary.BigEndian.Uint16(hmtx[4*nhm+2*(g-nhm):])
		}
		binary.BigEndian.PutUint16(nhmtx[4*i:], adv)
		binary.BigEndian.PutUint16(nhmtx[4*i+2:], lsb)
	}

	out := map[string][]byte{"glyf": nglyf, "loca": nloca, "hmtx": nhmtx}
	nhhea := append([]byte(nil), hhea...)
	binary.BigEndian.PutUint16(nhhea[34:], uint16(len(old)))
	out["hhea"] = nhhea
	nmaxp := append([]byte(nil), tables["maxp"]...)
	binary.BigEndian.PutUint16(nmaxp[4:], uint16(len(old)))
	out["maxp"] = nmaxp
	if p := tables["post"]; len(p) >= 32 {
		np := append([]byte(nil), p[:32]...)
		binary.BigEndian.PutUint32(np[0:], 0x00030000)
		out["post"] = np
	}
	// Tables that do not depend on glyph numbering travel unchanged.
	for _, t := range []string{"name", "OS/2", "cvt ", "fpgm", "prep", "gasp"} {
		if b := tables[t]; b != nil {
			out[t] = b
		}
	}
	return out, nil
}

// Tables reads the table directory of a single TrueType font: each table by its tag.
func Tables(data []byte) (map[string][]byte, error) {
	if len(data) < 12 {
		return nil, errors.New("subset font: not a font")
	}
	switch v := binary.BigEndian.Uint32(data); v {
	case 0x00010000, 0x74727565: // 1.0, 'true'
	case 0x4F54544F: // 'OTTO'
		return nil, errors.New("subset font: CFF outlines are not supported")
	default:
		return nil, fmt.Errorf("subset font: not a single TrueType font (%08x)", v)
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	if len(data) < 12+16*n {
		return nil, errors.New("subset font: short table directory")
	}
	tables := map[string][]byte{}
	for i := 0; i < n; i++ {
		rec := data[12+16*i:]
		off, l := int(binary.BigEndian.Uint32(rec[8:])), int(binary.BigEndian.Uint32(rec[12:]))
		if off < 0 || l < 0 || off+l > len(data) || off+l < off {
			return nil, fmt.Errorf("subset font: table %q outside the file", rec[:4])
		}
		tables[string(rec[:4])] = data[off : off+l]
	}
	return tables, nil
}

// component is a composite glyph's reference to another glyph: its id and the byte offset of
// the id inside the glyph's data.
type component struct{ gid, at int }

// components lists the glyphs a composite glyph refers to (none for a simple or empty glyph).
func components(b []byte) ([]component, error) {
	if len(b) < 10 || int16(binary.BigEndian.Uint16(b)) >= 0 {
		return nil, nil
	}
	const (
		argsAreWords  = 0x0001
		haveScale     = 0x0008
		moreComps     = 0x0020
		haveXYScale   = 0x0040
		have2x2       = 0x0080
		maxComponents = 1 << 12
	)
	var out []component
	p := 10
	for range maxComponents {
		if p+4 > len(b) {
			return nil, errors.New("short composite glyph")
		}
		flags := binary.BigEndian.Uint16(b[p:])
		out = append(out, component{gid: int(binary.BigEndian.Uint16(b[p+2:])), at: p + 2})
		p += 4
		if flags&argsAreWords != 0 {
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&haveScale != 0:
			p += 2
		case flags&haveXYScale != 0:
			p += 4
		case flags&have2x2 != 0:
			p += 8
		}
		if flags&moreComps == 0 {
			return out, nil
		}
	}
	return nil, errors.New("too many components")
}

// buildCmap writes a cmap (rune → glyph) with a format 4 subtable (Windows Unicode BMP) and,
// when always12 is set or a rune lies beyond the BMP, a format 12 subtable (Windows Unicode
// full repertoire).
func buildCmap(cmap map[rune]int, always12 bool) ([]byte, error) {
	runes := make([]rune, 0, len(cmap))
	for r := range cmap {
		runes = append(runes, r)
	}
	sort.Slice(runes, func(i, j int) bool { return runes[i] < runes[j] })

	// Format 4: one segment a run of consecutive code points whose glyphs are consecutive
	// too (idDelta), and the final 0xFFFF segment.
	type seg struct{ start, end, delta int }
	var segs []seg
	wide := always12
	for _, r := range runes {
		if r >= 0xFFFF {
			wide = wide || r > 0xFFFF
			continue
		}
		g := cmap[r]
		if n := len(segs); n > 0 && segs[n-1].end == int(r)-1 && int(r)+segs[n-1].delta == g {
			segs[n-1].end = int(r)
			continue
		}
		segs = append(segs, seg{int(r), int(r), g - int(r)})
	}
	segs = append(segs, seg{0xFFFF, 0xFFFF, 1})
	n := len(segs)
	if 16+8*n > 0xFFFF {
		return nil, errors.New("subset font: too many characters for a format 4 cmap")
	}
	f4 := make([]byte, 16+8*n)
	binary.BigEndian.PutUint16(f4[0:], 4)
	binary.BigEndian.PutUint16(f4[2:], uint16(len(f4)))
	binary.BigEndian.PutUint16(f4[6:], uint16(2*n))
	sr, es := searchParams(n)
	binary.BigEndian.PutUint16(f4[8:], uint16(2*sr))
	binary.BigEndian.PutUint16(f4[10:], uint16(es))
	binary.BigEndian.PutUint16(f4[12:], uint16(2*n-2*sr))
	ends, starts := 14, 16+2*n
	deltas, ranges := starts+2*n, starts+4*n
	for i, s := range segs {
		binary.BigEndian.PutUint16(f4[ends+2*i:], uint16(s.end))
		binary.BigEndian.PutUint16(f4[starts+2*i:], uint16(s.start))
		binary.BigEndian.PutUint16(f4[deltas+2*i:], uint16(int16(s.delta)))
		binary.BigEndian.PutUint16(f4[ranges+2*i:], 0)
	}

	var f12 []byte
	if wide {
		type group struct{ start, end, g int }
		var gs []group
		for _, r := range runes {
			g := cmap[r]
			if k := len(gs); k > 0 && gs[k-1].end == int(r)-1 && gs[k-1].g+int(r)-gs[k-1].start == g {
				gs[k-1].end = int(r)
				continue
			}
			gs = append(gs, group{int(r), int(r), g})
		}
		f12 = make([]byte, 16+12*len(gs))
		binary.BigEndian.PutUint16(f12[0:], 12)
		binary.BigEndian.PutUint32(f12[4:], uint32(len(f12)))
		binary.BigEndian.PutUint32(f12[12:], uint32(len(gs)))
		for i, g := range gs {
			binary.BigEndian.PutUint32(f12[16+12*i:], uint32(g.start))
			binary.BigEndian.PutUint32(f12[20+12*i:], uint32(g.end))
			binary.BigEndian.PutUint32(f12[24+12*i:], uint32(g.g))
		}
	}

	nsub := 1
	if f12 != nil {
		nsub = 2
	}
	hdr := make([]byte, 4+8*nsub)
	binary.BigEndian.PutUint16(hdr[2:], uint16(nsub))
	binary.BigEndian.PutUint16(hdr[4:], 3)
	binary.BigEndian.PutUint16(hdr[6:], 1)
	binary.BigEndian.PutUint32(hdr[8:], uint32(len(hdr)))
	if f12 != nil {
		binary.BigEndian.PutUint16(hdr[12:], 3)
		binary.BigEndian.PutUint16(hdr[14:], 10)
		binary.BigEndian.PutUint32(hdr[16:], uint32(len(hdr)+len(f4)))
	}
	out := append(hdr, f4...)
	return append(out, f12...), nil
}

// searchParams returns the largest power of two not above n (n ≥ 1) and its log2, the binary
// search fields of the table directory and of a format 4 cmap.
func searchParams(n int) (pow, log int) {
	pow = 1
	for pow*2 <= n {
		pow *= 2
		log++
	}
	return pow, log
}

// Write assembles a TrueType file from its tables: in tag order, each 4-byte aligned, with the
// directory's checksums and, when there is a head table, its checkSumAdjustment.
func Write(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for t := range tables {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	n := len(tags)
	sr, es := searchParams(n)
	out := make([]byte, 12+16*n)
	binary.BigEndian.PutUint32(out[0:], 0x00010000)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	binary.BigEndian.PutUint16(out[6:], uint16(16*sr))
	binary.BigEndian.PutUint16(out[8:], uint16(es))
	binary.BigEndian.PutUint16(out[10:], uint16(16*(n-sr)))
	headAt := -1
	for i, t := range tags {
		b := tables[t]
		if t == "head" && len(b) >= 12 {
			b = append([]byte(nil), b...)
			binary.BigEndian.PutUint32(b[8:], 0) // checkSumAdjustment, set below
			headAt = len(out)
		}
		rec := out[12+16*i:]
		copy(rec, t)
		binary.BigEndian.PutUint32(rec[4:], checksum(b))
		binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(b)))
		out = append(out, b...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	if headAt >= 0 {
		binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	}
	return out
}

// checksum is the TrueType table checksum: the sum of big-endian uint32s, zero-padded.
func checksum(b []byte) uint32 {
	var s uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		s += binary.BigEndian.Uint32(w[:])
	}
	return s
}
