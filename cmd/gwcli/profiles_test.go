package main

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"gongwen/templates"
)

// TestProfilesXLSX: the unit profiles go out as .xlsx (organs and people) and come back into
// another profile folder unchanged.
func TestProfilesXLSX(t *testing.T) {
	src, dst := t.TempDir(), t.TempDir()
	p := templates.Profile{ID: "jc-cz", FullName: "江城市财政局", ShortName: "市财政局", Code: "江财", Signer: "赵局长", Printer: "江城市财政局办公室"}
	if err := templates.SaveProfile(src, p); err != nil {
		t.Fatal(err)
	}
	book := filepath.Join(t.TempDir(), "单位.xlsx")
	if code, _, errs := gw("profiles", "export", "-o", book, "--dir", src); code != 0 {
		t.Fatal(errs)
	}
	code, out, errs := gw("profiles", "import", book, "--dir", dst)
	if code != 0 || !strings.Contains(out, "jc-cz") {
		t.Fatalf("import: %d %q %q", code, out, errs)
	}
	want, _ := templates.LoadProfiles(src)
	got, _ := templates.LoadProfiles(dst)
	strip := func(ps []templates.Profile) []templates.Profile {
		for i := range ps {
			ps[i].File, ps[i].Dir = "", ""
		}
		return ps
	}
	if !reflect.DeepEqual(strip(got), strip(want)) {
		t.Errorf("profiles after the round trip:\n%+v\n%+v", got, want)
	}
	if code, _, _ := gw("profiles", "import", filepath.Join(src, "jc-cz.yaml"), "--dir", dst); code != 2 {
		t.Errorf("importing a .yaml as .xlsx: %d", code)
	}
	if code, _, _ := gw("profiles", "export", "--dir", src); code != 2 {
		t.Errorf("export without -o: %d", code)
	}
	if _, err := os.Stat(filepath.Join(dst, "jc-cz.yaml")); err != nil {
		t.Error(err)
	}
}
