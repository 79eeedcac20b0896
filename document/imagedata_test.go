package document

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoadImages(t *testing.T) {
	seal, err := os.ReadFile(filepath.Join("..", "examples", "seal.png"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "seal.png"), seal, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		doc     Document
		loaded  []string
		wantErr string
	}{
		{"seal mode", Document{SignOff: SignOffSeal, Issuers: []Issuer{{Name: "甲", Seal: "seal.png"}}}, []string{"seal.png"}, ""},
		{"no seal mode: nothing read", Document{SignOff: SignOffNoSeal, Issuers: []Issuer{{Name: "甲", Seal: "seal.png"}}}, nil, ""},
		{"signature of an order", Document{Format: FormatOrder, SignatureImage: "seal.png"}, []string{"seal.png"}, ""},
		{"missing", Document{SignOff: SignOffSeal, Issuers: []Issuer{{Name: "甲", Seal: "none.png"}}}, nil, "印章图片“none.png”文件不存在"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := tt.doc
			d.Dir = dir
			err := LoadImages(&d)
			if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("LoadImages: %v, want %q", err, tt.wantErr)
			}
			if len(d.Images) != len(tt.loaded) {
				t.Errorf("loaded %d images, want %v", len(d.Images), tt.loaded)
			}
			for _, f := range tt.loaded {
				if len(d.Images[f]) == 0 {
					t.Errorf("%s not loaded", f)
				}
			}
			// ImagesReady repeats the problem without reading again
			os.Rename(filepath.Join(dir, "seal.png"), filepath.Join(dir, "moved.png"))
			defer os.Rename(filepath.Join(dir, "moved.png"), filepath.Join(dir, "seal.png"))
			if err2 := ImagesReady(&d); (err2 == nil) != (err == nil) || err2 != nil && err2.Error() != err.Error() {
				t.Errorf("ImagesReady: %v, LoadImages said %v", err2, err)
			}
			if err := LoadImages(&d); (err == nil) != (tt.wantErr == "") {
				t.Errorf("second LoadImages read the file again: %v", err)
			}
		})
	}
	// never loaded: ImagesReady says so, as a bad image
	d := &Document{SignOff: SignOffSeal, Issuers: []Issuer{{Name: "甲", Seal: "seal.png"}}}
	if err := ImagesReady(d); !errors.Is(err, ErrBadImage) || !strings.Contains(err.Error(), "尚未读入") {
		t.Errorf("ImagesReady of an unloaded document: %v", err)
	}
}
