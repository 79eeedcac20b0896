package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// TestImportReportsIssuer: gwcli import says which issuer it inferred and from what — the
// number's 机关代字 through the user's unit profile, or the built-in table — and the 发文字号
// it normalised; the draft carries the issuer.
func TestImportReportsIssuer(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	t.Setenv("HOME", dir)
	prof := filepath.Join(dir, "gongwen", "profiles")
	if err := os.MkdirAll(prof, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(prof, "jc.yaml"), []byte("id: jc\nfull_name: 江城市人民政府\ncode: 江政\nprinter: 江城市人民政府办公室\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	unitsOnce, unitList = sync.Once{}, nil // the profiles of this test's folder
	t.Cleanup(func() { unitsOnce, unitList = sync.Once{}, nil })
	cases := []struct{ number, issuer, report string }{
		{"江政〔2024〕5 号", "江城市人民政府", "发文机关由单位信息中的机关代字“江政”推断为“江城市人民政府”"},
		{"国函〔2018〕145号", "国务院", "发文机关由发文字号的机关代字“国函”推断为“国务院”"},
	}
	for _, c := range cases {
		in := filepath.Join(dir, "a.txt")
		if err := os.WriteFile(in, []byte("关于同意某某的批复\n"+c.number+"\n某某省人民政府：\n同意。\n2024年1月5日\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		var out, errb bytes.Buffer
		if code := run([]string{"import", in}, &out, &errb); code != 0 {
			t.Fatalf("%s: exit %d: %s", c.number, code, errb.String())
		}
		if !strings.Contains(errb.String(), c.report) {
			t.Errorf("%s: stderr lacks %q:\n%s", c.number, c.report, errb.String())
		}
		if !strings.Contains(out.String(), c.issuer) || strings.Contains(out.String(), "〕5 号") {
			t.Errorf("%s: draft:\n%s", c.number, out.String())
		}
	}
}
