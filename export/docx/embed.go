package docx

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"

	"gongwen/internal/ttfsubset"
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

// embedPermission reads fsType: whether the font may be embedded at all and whether it may
// be subset.
func embedPermission(data []byte) (embed, subset bool, err error) {
	tabs, err := ttfsubset.Tables(data)
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

// subsetTTF returns the font cut down for Word: every glyph id kept (the glyphs runes do not
// need, beside .notdef and composite components, stay with an empty outline, so advances
// and the layout tables are unchanged), a cmap of format 4 and 12 that maps only runes (a
// character typed later that the subset lacks then falls back to another font instead of
// printing blank), every other table but DSIG as it was.
func subsetTTF(data []byte, runes []rune) ([]byte, error) {
	return ttfsubset.Subset(data, runes, ttfsubset.Options{KeepIDs: true, Format12: true})
}
