// Package assets embeds what the product carries inside its binaries: the open-licensed
// fonts for the five 公文 roles (with their licenses), the application icon and the UI
// translations.
package assets

import (
	"embed"
	"fmt"
)

//go:embed fonts/licenses/*
var fontFS embed.FS

// The fonts are embedded as strings, so that Font can hand out their bytes without copying
// megabytes per face (embed.FS.ReadFile copies).
var (
	//go:embed fonts/FandolFang-Regular.ttf
	fandolFang string
	//go:embed fonts/NotoSerifSC-Bold.ttf
	notoSerifBold string
	//go:embed fonts/NotoSansSC-Medium.ttf
	notoSansMedium string
	//go:embed fonts/WenKaiGB-Light.ttf
	wenKaiLight string
	//go:embed fonts/NotoSerifSC-Regular.ttf
	notoSerifRegular string
	//go:embed fonts/NotoSerifSC-GBKExtra.ttf
	notoSerifGBKExtra string
)

type fontFile struct {
	name string
	data *string
}

// Font files of the bundled set, by role name.
var fontFiles = map[string]fontFile{
	"fangsong":     {"FandolFang-Regular.ttf", &fandolFang},
	"xiaobiaosong": {"NotoSerifSC-Bold.ttf", &notoSerifBold},
	"hei":          {"NotoSansSC-Medium.ttf", &notoSansMedium},
	"kai":          {"WenKaiGB-Light.ttf", &wenKaiLight},
	"song":         {"NotoSerifSC-Regular.ttf", &notoSerifRegular},
	// gbkextra is the fallback face for the GBK hanzi outside GB2312 (names such as 镕 堃 喆).
	"gbkextra": {"NotoSerifSC-GBKExtra.ttf", &notoSerifGBKExtra},
}

// FontFile returns the file name of the bundled font for a role ("fangsong", "xiaobiaosong",
// "hei", "kai", "song") or for the fallback face "gbkextra".
func FontFile(role string) (string, bool) {
	f, ok := fontFiles[role]
	return f.name, ok
}

// Font returns the bundled TrueType font for a role. It is the read-only memory embedded in
// the binary, handed out as a string so that nothing can write to it (a []byte over it would
// crash the process on the first write); a library that needs a []byte copies it
// (layout.Face.Bytes does so once per process).
func Font(role string) (string, error) {
	f, ok := fontFiles[role]
	if !ok {
		return "", fmt.Errorf("no bundled font for role %q", role)
	}
	if *f.data == "" {
		return "", fmt.Errorf("read bundled font %s: empty", f.name)
	}
	return *f.data, nil
}

// FontBytes returns a fresh, writable copy of the bundled font for a role (several MB each
// call): for tests and one-off tools. Writers use layout.Face.Bytes, one copy per process.
func FontBytes(role string) ([]byte, error) {
	s, err := Font(role)
	if err != nil {
		return nil, err
	}
	return []byte(s), nil
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
