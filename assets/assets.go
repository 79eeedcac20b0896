// Package assets embeds what the product carries inside its binaries: the open-licensed
// fonts for the five 公文 roles (with their licenses), the application icon and the UI
// translations.
package assets

import (
	"bytes"
	"embed"
	"fmt"
)

//go:embed fonts/licenses/*
var fontFS embed.FS

// The fonts are embedded as []byte variables, so that Font can hand out their bytes without
// copying megabytes per face (embed.FS.ReadFile copies): the linker puts them in the binary's
// writable data segment, paged in as they are read, so no write can crash the process (a
// []byte over a string's read-only memory would) and a process holds in memory only the
// pages of a face it reads.
var (
	//go:embed fonts/FandolFang-Regular.ttf
	fandolFang []byte
	//go:embed fonts/NotoSerifSC-Bold.ttf
	notoSerifBold []byte
	//go:embed fonts/NotoSansSC-Medium.ttf
	notoSansMedium []byte
	//go:embed fonts/WenKaiGB-Light.ttf
	wenKaiLight []byte
	//go:embed fonts/NotoSerifSC-Regular.ttf
	notoSerifRegular []byte
	//go:embed fonts/NotoSerifSC-GBKExtra.ttf
	notoSerifGBKExtra []byte
)

type fontFile struct {
	name string
	data *[]byte
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

// Font returns the bundled TrueType font for a role: the bytes embedded in the binary
// (writable memory, see above), shared by the whole process without a copy. Callers must only
// read them: a write would change the face for every other user. FontBytes gives a copy.
func Font(role string) ([]byte, error) {
	f, ok := fontFiles[role]
	if !ok {
		return nil, fmt.Errorf("no bundled font for role %q", role)
	}
	if len(*f.data) == 0 {
		return nil, fmt.Errorf("read bundled font %s: empty", f.name)
	}
	return *f.data, nil
}

// FontBytes returns a fresh, writable copy of the bundled font for a role (several MB each
// call): for tests and tools that change it. Writers use layout.Face.Bytes (Font's bytes).
func FontBytes(role string) ([]byte, error) {
	b, err := Font(role)
	if err != nil {
		return nil, err
	}
	return bytes.Clone(b), nil
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
