package assets

import (
	"bytes"
	"testing"
	"unsafe"
)

func TestFonts(t *testing.T) {
	for _, role := range []string{"fangsong", "xiaobiaosong", "hei", "kai", "song", "gbkextra"} {
		b, err := Font(role)
		if err != nil {
			t.Fatalf("Font(%s): %v", role, err)
		}
		if len(b) < 1<<20 || !bytes.HasPrefix(b, []byte("\x00\x01\x00\x00")) {
			t.Errorf("Font(%s): %d bytes, not a TrueType (glyf) font", role, len(b))
		}
		if name, ok := FontFile(role); !ok || name == "" {
			t.Errorf("FontFile(%s) = %q, %v", role, name, ok)
		}
		// No copy: two calls hand out the same embedded memory; FontBytes copies it.
		c, _ := Font(role)
		if unsafe.SliceData(b) != unsafe.SliceData(c) {
			t.Errorf("Font(%s) copies its data", role)
		}
		if d, _ := FontBytes(role); unsafe.SliceData(d) == unsafe.SliceData(b) || !bytes.Equal(d, b) {
			t.Errorf("FontBytes(%s) is not a copy of the font", role)
		}
	}
	if _, err := Font("nosuch"); err == nil {
		t.Error("Font(nosuch): want an error")
	}
	lic := FontLicenses()
	for _, want := range []string{"Fandol-COPYING.txt", "NotoCJK-debian-copyright.txt", "LXGWWenKai-debian-copyright.txt"} {
		if len(lic[want]) == 0 {
			t.Errorf("license %s missing", want)
		}
	}
}
