package templates

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"gongwen/document"
)

func TestProfileApply(t *testing.T) {
	p := Profile{ID: "x", FullName: "江城市人民政府", ShortName: "江城市政府", Code: "江政", MarkText: "江城市人民政府",
		Signer: "王明", Printer: "江城市人民政府办公室", Seal: "seal.png", Dir: "/cfg/profiles"}
	tests := []struct {
		name   string
		doc    document.Document
		year   int
		serial int
		want   document.Document
	}{
		{"up", document.Document{Direction: document.DirectionUp}, 2024, 5, document.Document{Direction: document.DirectionUp,
			Issuers: []document.Issuer{{Name: "江城市人民政府", Seal: filepath.Join("/cfg/profiles", "seal.png")}},
			Number:  "江政〔2024〕5号", Signers: []string{"王明"}, Printer: "江城市人民政府办公室"}},
		{"down keeps joint issuers", document.Document{Direction: document.DirectionDown,
			Issuers: []document.Issuer{{Name: "旧"}, {Name: "江城市财政局"}}}, 2024, 12, document.Document{Direction: document.DirectionDown,
			Issuers: []document.Issuer{{Name: "江城市人民政府", Seal: filepath.Join("/cfg/profiles", "seal.png")}, {Name: "江城市财政局"}},
			Number:  "江政〔2024〕12号", Printer: "江城市人民政府办公室"}},
		{"letter has no printer; no serial keeps number", document.Document{Format: document.FormatLetter, Number: "江政函〔2024〕1号"}, 0, 0,
			document.Document{Format: document.FormatLetter, Number: "江政函〔2024〕1号",
				Issuers: []document.Issuer{{Name: "江城市人民政府", Seal: filepath.Join("/cfg/profiles", "seal.png")}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := tt.doc
			p.Apply(&d, tt.year, tt.serial)
			if !reflect.DeepEqual(d, tt.want) {
				t.Errorf("got  %+v\nwant %+v", d, tt.want)
			}
		})
	}
	q := p
	q.MarkText = "江城市政府"
	var d document.Document
	q.Apply(&d, 2024, 1)
	if d.Issuers[0].Mark != "江城市政府" || d.Issuers[0].MarkName() != "江城市政府" {
		t.Errorf("mark %+v", d.Issuers[0])
	}
}

func TestProfilesSaveLoad(t *testing.T) {
	dir := t.TempDir()
	ps, errs := LoadProfiles(dir)
	if len(errs) > 0 || len(ps) < 3 {
		t.Fatalf("built-in profiles: %v %v", ps, errs)
	}
	p := Profile{ID: "mouxian-zf", FullName: "某某县人民政府", Code: "某政发", Printer: "某某县人民政府办公室", Seal: "县政府章.png"}
	if err := SaveProfile(dir, p); err != nil {
		t.Fatal(err)
	}
	if err := SaveProfile(dir, Profile{ID: "../x", FullName: "x"}); err == nil {
		t.Error("bad id saved")
	}
	if err := SaveProfile(dir, Profile{ID: "y"}); err == nil {
		t.Error("profile without a name saved")
	}
	os.WriteFile(filepath.Join(dir, "bad.yaml"), []byte("id: bad\nfull_name: 某\nfax: 1\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "code.yaml"), []byte("id: code\nfull_name: 某\ncode: 某政〔2024〕\n"), 0o644)
	ps, errs = LoadProfiles(dir)
	var msgs []string
	for _, e := range errs {
		msgs = append(msgs, e.Error())
	}
	want := []string{
		filepath.Join(dir, "bad.yaml") + ":3:1: 未知的键 \"fax\" (unknown key)；可用的键见 templates/README.md",
		filepath.Join(dir, "code.yaml") + ":3:1: code \"某政〔2024〕\" 只写机关代字，不带年份和括号（如 江政）",
	}
	if !reflect.DeepEqual(msgs, want) {
		t.Errorf("errors:\n%s", strings.Join(msgs, "\n"))
	}
	var got *Profile
	for i := range ps {
		if ps[i].ID == "mouxian-zf" {
			got = &ps[i]
		}
	}
	if got == nil || got.Code != "某政发" || got.Dir != dir || got.Seal != "县政府章.png" {
		t.Fatalf("user profile did not replace the built-in: %+v", got)
	}
	if err := DeleteProfile(dir, "mouxian-zf"); err != nil {
		t.Fatal(err)
	}
	if err := DeleteProfile(dir, "mouxian-zf"); err != nil {
		t.Errorf("deleting twice: %v", err)
	}
	if err := DeleteProfile(dir, "../bad"); err == nil {
		t.Error("bad id deleted")
	}
	ps, _ = LoadProfiles(dir)
	for _, p := range ps {
		if p.ID == "mouxian-zf" && p.Code != "某政" {
			t.Errorf("after delete the built-in should be back: %+v", p)
		}
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
}

func FuzzParseGenre(f *testing.F) {
	f.Add([]byte(minimal))
	f.Add([]byte("id: [\n"))
	f.Add([]byte("fields:\n  - path: body\n    kind: items\n"))
	f.Add([]byte("rules: {a: {params: {x: [1, 2]}}}\n"))
	f.Add([]byte(minimal + "example: |\n  title: x\n  body: 1\n"))
	for _, g := range Builtins().Genres()[:3] {
		data, err := builtinFS.ReadFile("builtin/" + g.ID + ".yaml")
		if err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		g, errs := ParseGenre("fuzz.yaml", data, testOptions())
		if (g == nil) == (len(errs) == 0) {
			t.Fatalf("genre %v with errors %v", g, errs)
		}
		for _, e := range errs {
			if !strings.HasPrefix(e.Error(), "fuzz.yaml") {
				t.Fatalf("error without file: %v", e)
			}
		}
		if g != nil {
			_ = g.NewDocument()
		}
	})
}

func FuzzParseProfile(f *testing.F) {
	f.Add([]byte("id: a\nfull_name: 江城市人民政府\ncode: 江政\n"))
	f.Add([]byte("id: [\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := ParseProfile("p.yaml", data)
		if err == nil && (p.ID == "" || p.FullName == "") {
			t.Fatalf("accepted %+v", p)
		}
	})
}
