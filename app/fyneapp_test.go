package app

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/BurntSushi/toml"
)

// fyneApp mirrors the metadata `fyne package` reads from FyneApp.toml (Fyne v2.7).
type fyneApp struct {
	Website string
	Details struct {
		Icon     string
		Name, ID string
		Version  string
		Build    int
	}
	LinuxAndBSD *struct {
		GenericName string
		Categories  []string
		Comment     string
		Keywords    []string
		ExecParams  string
	}
}

func TestFyneAppToml(t *testing.T) {
	root := filepath.Join("..")
	var meta fyneApp
	md, err := toml.DecodeFile(filepath.Join(root, "FyneApp.toml"), &meta)
	if err != nil {
		t.Fatal(err)
	}
	if u := md.Undecoded(); len(u) > 0 {
		t.Errorf("keys fyne does not know: %v", u)
	}
	d := meta.Details
	if d.Name == "" || d.ID == "" || d.Version == "" || d.Build < 1 || d.Icon == "" {
		t.Fatalf("incomplete [Details]: %+v", d)
	}
	b, err := os.ReadFile(filepath.Join(root, d.Icon))
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("icon: %v", err)
	}
	if s := img.Bounds().Size(); s.X != s.Y || s.X < 256 {
		t.Errorf("icon is %v; fyne package wants a square of at least 256 px", s)
	}
}
