package pipeline

import (
	"os"
	"path/filepath"
	"testing"

	"gongwen/templates"
)

// TestUnitsInferIssuer: the user's unit profiles (not the built-in examples) reach the importer,
// and Load names the issuer of a text that states none from its number's 机关代字.
func TestUnitsInferIssuer(t *testing.T) {
	dir := t.TempDir()
	ps := []templates.Profile{
		{ID: "demo", FullName: "某某县人民政府", Code: "某政"}, // built-in example: read from no folder
		{ID: "jc", FullName: "江城市人民政府", Code: "江政", Printer: "江城市人民政府办公室", Dir: dir},
	}
	us := Units(ps)
	if len(us) != 1 || us[0].Name != "江城市人民政府" || us[0].Code != "江政" || us[0].Printer != "江城市人民政府办公室" {
		t.Fatalf("Units = %+v", us)
	}
	for _, c := range []struct{ number, issuer string }{{"江政〔2024〕5号", "江城市人民政府"}, {"某政〔2024〕5号", ""}} {
		f := filepath.Join(dir, "a.txt")
		if err := os.WriteFile(f, []byte("关于某某的请示\n"+c.number+"\n省人民政府：\n妥否，请批示。\n2024年1月5日\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		d, err := (&Pipeline{Units: us}).Load(f, "")
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if len(d.Source.Issuers) > 0 {
			got = d.Source.Issuers[0].Name
		}
		if got != c.issuer {
			t.Errorf("%s: issuer %q, want %q", c.number, got, c.issuer)
		}
	}
}
