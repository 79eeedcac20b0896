package document_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"gongwen/document"
	"gongwen/templates"
)

var updateGolden = flag.Bool("update", false, "rewrite the golden files under testdata/marshal")

// exampleDrafts returns every shipped example draft and every built-in template's example,
// by a name for their golden file.
func exampleDrafts(t *testing.T) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	files, err := filepath.Glob(filepath.Join("..", "examples", "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out["example-"+filepath.Base(f)] = b
	}
	for _, g := range templates.Builtins().Genres() {
		if g.Example != "" {
			out["template-"+g.ID+".yaml"] = []byte(g.Example)
		}
	}
	return out
}

// TestMarshalGolden: Marshal writes every example draft and template example exactly as the
// golden file under testdata/marshal (written by the hand-written writer before the element
// table replaced it; go test -run TestMarshalGolden -update rewrites them), and
// Parse(Marshal(Parse(x))) is Parse(x): the round trip is the identity on the model.
func TestMarshalGolden(t *testing.T) {
	for name, data := range exampleDrafts(t) {
		t.Run(name, func(t *testing.T) {
			doc, err := document.Parse(name, data)
			if err != nil {
				t.Fatal(err)
			}
			out, err := document.Marshal(doc)
			if err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "marshal", name)
			if *updateGolden {
				if err := os.WriteFile(golden, out, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (go test -run TestMarshalGolden -update writes it)", err)
			}
			if string(out) != string(want) {
				t.Errorf("Marshal differs from %s:\n%s", golden, lineDiff(string(want), string(out)))
			}
			back, err := document.Parse(name, out)
			if err != nil {
				t.Fatalf("Parse(Marshal()): %v\n%s", err, out)
			}
			doc.Source, back.Source = nil, nil
			if !reflect.DeepEqual(doc, back) {
				t.Errorf("round trip changed the document:\n got %#v\nwant %#v", back, doc)
			}
		})
	}
}

// lineDiff shows the first differing line of two texts.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return fmt.Sprintf("line %d:\n want %s\n  got %s", i+1, a, b)
		}
	}
	return ""
}
