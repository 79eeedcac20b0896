package assets

import (
	"strings"
	"testing"
	"unsafe"
)

func TestFonts(t *testing.T) {
	for _, role := range []string{"fangsong", "xiaobiaosong", "hei", "kai", "song", "gbkextra"} {
		b, err := Font(role)
		if err != nil {
			t.Fatalf("Font(%s): %v", role, err)
		}
		if len(b) < 1<<20 || !strings.HasPrefix(b, "\x00\x01\x00\x00") {
			t.Errorf("Font(%s): %d bytes, not a TrueType (glyf) font", role, len(b))
		}
		if name, ok := FontFile(role); !ok || name == "" {
			t.Errorf("FontFile(%s) = %q, %v", role, name, ok)
		}
		// No copy: two calls hand out the same embedded (read-only) memory.
		c, _ := Font(role)
		if unsafe.StringData(b) != unsafe.StringData(c) {
			t.Errorf("Font(%s) copies its data", role)
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
