package document

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRealDocsSources keeps testdata/realdocs/sources.tsv true to the folder: one row for every
// document and a document for every row, each row with its issuer, genre, date, source address
// and how the text was obtained (columns: file, issuer, genre, number, date, source_address,
// how_obtained, notes).
func TestRealDocsSources(t *testing.T) {
	dir := filepath.Join("testdata", "realdocs")
	data, err := os.ReadFile(filepath.Join(dir, "sources.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	if want := "file\tissuer\tgenre\tnumber\tdate\tsource_address\thow_obtained\tnotes"; lines[0] != want {
		t.Fatalf("sources.tsv header %q, want %q", lines[0], want)
	}
	rows := map[string]bool{}
	for i, l := range lines[1:] {
		f := strings.Split(l, "\t")
		if len(f) != 8 {
			t.Errorf("sources.tsv line %d: %d fields, want 8", i+2, len(f))
			continue
		}
		if rows[f[0]] {
			t.Errorf("sources.tsv line %d: %s listed twice", i+2, f[0])
		}
		rows[f[0]] = true
		for c, name := range map[int]string{1: "issuer", 2: "genre", 4: "date", 5: "source_address", 6: "how_obtained"} {
			if strings.TrimSpace(f[c]) == "" {
				t.Errorf("sources.tsv line %d (%s): no %s", i+2, f[0], name)
			}
		}
		if _, err := os.Stat(filepath.Join(dir, f[0])); err != nil {
			t.Errorf("sources.tsv line %d: %v", i+2, err)
		}
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	for _, p := range files {
		if !rows[filepath.Base(p)] {
			t.Errorf("%s has no row in sources.tsv", filepath.Base(p))
		}
	}
	t.Logf("%d documents with their sources", len(files))
}
