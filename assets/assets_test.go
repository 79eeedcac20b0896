package assets

import (
	"bytes"
	"testing"
)

func TestFonts(t *testing.T) {
	for _, role := range []string{"fangsong", "xiaobiaosong", "hei", "kai", "song", "gbkextra"} {
		b, err := Font(role)
		if err != nil {
			t.Fatalf("Font(%s): %v", role, err)
		}
		if len(b) < 1<<20 || !bytes.HasPrefix(b, []byte{0, 1, 0, 0}) {
			t.Errorf("Font(%s): %d bytes, not a TrueType (glyf) font", role, len(b))
		}
		if name, ok := FontFile(role); !ok || name == "" {
			t.Errorf("FontFile(%s) = %q, %v", role, name, ok)
		}
		// No copy: two calls hand out the same embedded bytes.
		c, _ := Font(role)
		if &b[0] != &c[0] {
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
