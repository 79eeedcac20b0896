// Package assets embeds what the product carries inside its binaries: the open-licensed
// fonts for the five 公文 roles (with their licenses), the application icon and the UI
// translations.
package assets

import (
	"embed"
	"fmt"
)

//go:embed fonts/*.ttf fonts/licenses/*
var fontFS embed.FS

// Font file names of the bundled set, by role name.
var fontFiles = map[string]string{
	"fangsong":     "FandolFang-Regular.ttf",
	"xiaobiaosong": "NotoSerifSC-Bold.ttf",
	"hei":          "NotoSansSC-Medium.ttf",
	"kai":          "WenKaiGB-Light.ttf",
	"song":         "NotoSerifSC-Regular.ttf",
	// gbkextra is the fallback face for the GBK hanzi outside GB2312 (names such as 镕 堃 喆).
	"gbkextra": "NotoSerifSC-GBKExtra.ttf",
}

// FontFile returns the file name of the bundled font for a role ("fangsong", "xiaobiaosong",
// "hei", "kai", "song") or for the fallback face "gbkextra".
func FontFile(role string) (string, bool) {
	f, ok := fontFiles[role]
	return f, ok
}

// Font returns the bytes of the bundled TrueType font for a role. The data is embedded
// in the binary; it is not copied.
func Font(role string) ([]byte, error) {
	name, ok := fontFiles[role]
	if !ok {
		return nil, fmt.Errorf("no bundled font for role %q", role)
	}
	b, err := fontFS.ReadFile("fonts/" + name)
	if err != nil {
		return nil, fmt.Errorf("read bundled font %s: %w", name, err)
	}
	return b, nil
}

// FontLicenses returns the license texts of the bundled fonts by file name.
func FontLicenses() map[string][]byte {
	out := map[string][]byte{}
	entries, _ := fontFS.ReadDir("fonts/licenses")
	for _, e := range entries {
		b, err := fontFS.ReadFile("fonts/licenses/" + e.Name())
		if err == nil {
			out[e.Name()] = b
		}
	}
	return out
}
