package document

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestWalkIsField: Walk and Field are one description of the elements — every path Walk
// gives resolves with Field to the same pointer, and Field resolves no text element that
// Walk leaves out (tried on every example and on a document with every kind of element).
func TestWalkIsField(t *testing.T) {
	full := &Document{Title: "t", Signers: []string{"a", "b"}, Issuers: []Issuer{{Name: "n", Mark: "m", Seal: "s.png"}},
		Body: []string{"p"}, AttachmentNotes: []string{"x"},
		Attachments: []Attachment{{Label: "附件1", Title: "at", Body: []string{"ab"},
			Table: &Table{Header: []string{"h0", "h1"}, Rows: [][]string{{"c00", "c01"}, {"c10"}}}}},
		Rectification: []RectificationItem{{Problem: "p", Owner: "o"}}}
	docs := map[string]*Document{"full": full}
	files, _ := filepath.Glob(filepath.Join("..", "examples", "*.yaml"))
	for _, f := range files {
		d, err := Load(f)
		if err != nil {
			t.Fatal(err)
		}
		docs[filepath.Base(f)] = d
	}
	for name, d := range docs {
		seen := map[string]bool{}
		d.Walk(func(path string, p *string) {
			if seen[path] {
				t.Errorf("%s: %s walked twice", name, path)
			}
			seen[path] = true
			if q := d.Field(path); q != p {
				t.Errorf("%s: Field(%q) is not the pointer Walk gives", name, path)
			}
		})
		// every path Field knows, tried by shape, is walked
		var candidates []string
		candidates = append(candidates, scalarPaths...)
		for _, pre := range []string{"signers.", "body.", "attachment_notes.", "issuers.0.", "issuers.1.", "attachments.0.", "rectification.0."} {
			for _, s := range []string{"0", "1", "2", "name", "mark", "seal", "label", "title", "body.0", "table.header.1", "table.rows.1.0", "table.rows.0.1", "problem", "owner", "goal"} {
				candidates = append(candidates, pre+s)
			}
		}
		for _, c := range candidates {
			if d.Field(c) != nil && !seen[c] && !strings.HasPrefix(c, "version") {
				t.Errorf("%s: Field resolves %q, Walk leaves it out", name, c)
			}
		}
	}
	// fn may change the text
	full.Walk(func(path string, p *string) {
		if path == "attachments.0.table.rows.1.0" {
			*p = "changed"
		}
	})
	if full.Attachments[0].Table.Rows[1][0] != "changed" {
		t.Error("Walk's pointer does not change the cell")
	}
}
