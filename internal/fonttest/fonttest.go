// Package fonttest makes TrueType test fixtures out of the bundled fonts: a font renamed to
// the family name of a real 公文 font (as Windows or a Mac would have it installed), a table
// renamed to make a font look CFF-only, a font wrapped in a collection. Tests only.
package fonttest

import "encoding/binary"

// WithFamily returns a copy of font data whose family name reads name: a name table of one
// record (Windows, Unicode BMP, en-US, name ID 1) appended and pointed to by the directory.
func WithFamily(data []byte, name string) []byte {
	var u []byte
	for _, r := range name {
		u = append(u, byte(r>>8), byte(r))
	}
	tab := make([]byte, 6+12+len(u))
	binary.BigEndian.PutUint16(tab[2:], 1)
	binary.BigEndian.PutUint16(tab[4:], 18)
	for i, v := range []uint16{3, 1, 0x409, 1, uint16(len(u)), 0} {
		binary.BigEndian.PutUint16(tab[6+2*i:], v)
	}
	copy(tab[18:], u)
	out := append([]byte(nil), data...)
	for len(out)%4 != 0 {
		out = append(out, 0)
	}
	off := len(out)
	out = append(out, tab...)
	n := int(binary.BigEndian.Uint16(out[4:6]))
	for i := 0; i < n; i++ {
		r := out[12+16*i:]
		if string(r[:4]) == "name" {
			binary.BigEndian.PutUint32(r[8:], uint32(off))
			binary.BigEndian.PutUint32(r[12:], uint32(len(tab)))
		}
	}
	return out
}

// RenameTable returns a copy of font data with the table tag from renamed to (e.g. glyf →
// xxxx, so that the font looks CFF-only).
func RenameTable(data []byte, from, to string) []byte {
	out := append([]byte(nil), data...)
	n := int(binary.BigEndian.Uint16(out[4:6]))
	for i := 0; i < n; i++ {
		r := out[12+16*i:]
		if string(r[:4]) == from {
			copy(r[:4], to)
		}
	}
	return out
}

// AsCollection wraps one font into a TrueType collection of one.
func AsCollection(data []byte) []byte {
	hdr := make([]byte, 16)
	copy(hdr, "ttcf")
	binary.BigEndian.PutUint32(hdr[4:], 0x00010000)
	binary.BigEndian.PutUint32(hdr[8:], 1)
	binary.BigEndian.PutUint32(hdr[12:], 16)
	out := append(hdr, data...)
	n := int(binary.BigEndian.Uint16(out[16+4 : 16+6]))
	for i := 0; i < n; i++ {
		r := out[16+12+16*i:]
		binary.BigEndian.PutUint32(r[8:], binary.BigEndian.Uint32(r[8:])+16)
	}
	return out
}
