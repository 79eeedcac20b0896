package main

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportOFD: .ofd picks the OFD writer, --format ofd overrides any extension, a folder
// exports in a batch, and the unknown-format message names ofd.
func TestExportOFD(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.yaml")
	if err := os.WriteFile(in, []byte(expOKDraft), 0o644); err != nil {
		t.Fatal(err)
	}
	isOFD := func(t *testing.T, p string) {
		t.Helper()
		zr, err := zip.OpenReader(p)
		if err != nil {
			t.Fatalf("%s: not a ZIP package: %v", p, err)
		}
		defer zr.Close()
		names := map[string]bool{}
		for _, f := range zr.File {
			names[f.Name] = true
		}
		for _, want := range []string{"OFD.xml", "Doc_0/Document.xml", "Doc_0/Pages/Page_0/Content.xml"} {
			if !names[want] {
				t.Errorf("%s lacks %s", p, want)
			}
		}
	}
	tests := []struct {
		name string
		args []string
		out  string
	}{
		{"by extension", []string{"export", "-o", filepath.Join(dir, "a.ofd"), in}, "a.ofd"},
		{"by flag", []string{"export", "--format", "OFD", "-o", filepath.Join(dir, "b.bin"), in}, "b.bin"},
		{"default name", []string{"export", "--format", "ofd", in}, "in.ofd"},
		{"batch", []string{"export", "--format", "ofd", "-d", filepath.Join(dir, "outdir"), in}, filepath.Join("outdir", "in.ofd")},
	}
	if err := os.Mkdir(filepath.Join(dir, "outdir"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run(tt.args, &stdout, &stderr); code != 0 {
				t.Fatalf("exit %d: %s", code, stderr.String())
			}
			isOFD(t, filepath.Join(dir, tt.out))
		})
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"export", "--format", "xps", in}, &stdout, &stderr); code != 2 || !strings.Contains(stderr.String(), "ofd") {
		t.Errorf("unknown format: exit %d, %q (want 2 and a list naming ofd)", code, stderr.String())
	}
}
