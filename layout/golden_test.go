package layout

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongwen/document"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// exampleNames lists the example drafts under examples/.
func exampleNames(t testing.TB) []string {
	files, err := filepath.Glob("../examples/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range files {
		out = append(out, strings.TrimSuffix(filepath.Base(f), ".yaml"))
	}
	if len(out) == 0 {
		t.Fatal("no examples found")
	}
	return out
}

func loadExample(t testing.TB, name string) *document.Document {
	doc, err := document.Load(filepath.Join("..", "examples", name+".yaml"))
	if err != nil {
		t.Fatalf("load %s: %v", name, err)
	}
	return doc
}

func TestGolden(t *testing.T) {
	for _, name := range exampleNames(t) {
		t.Run(name, func(t *testing.T) {
			doc := loadExample(t, name)
			var warns []string
			pages, err := Typeset(doc, Options{Warn: func(m string) { warns = append(warns, m) }})
			if err != nil {
				t.Fatal(err)
			}
			if len(warns) > 0 {
				t.Errorf("warnings: %v", warns)
			}
			got := Dump(pages)
			path := filepath.Join("testdata", name+".golden")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./layout -update)", err)
			}
			if got != string(want) {
				t.Errorf("layout of %s differs from %s (run go test ./layout -update and review the diff)", name, path)
			}
		})
	}
}

// TestGoldenExplain pins the trainer's view (讲解模式) of one example: every box and label.
func TestGoldenExplain(t *testing.T) {
	doc := loadExample(t, "tongzhi")
	pages, err := Typeset(doc, Options{Explain: true})
	if err != nil {
		t.Fatal(err)
	}
	got := Dump(pages)
	path := filepath.Join("testdata", "tongzhi.explain.golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./layout -update)", err)
	}
	if got != string(want) {
		t.Errorf("explained layout differs from %s (run go test ./layout -update and review the diff)", path)
	}
}
