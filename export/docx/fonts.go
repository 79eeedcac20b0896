package docx

import (
	"fmt"
	"sync"

	"golang.org/x/image/font/sfnt"

	"gongwen/assets"
)

// Font roles of the 公文 elements (the same five roles as layout and assets).
const (
	roleFang = "fangsong"     // 仿宋: body
	roleXBS  = "xiaobiaosong" // 小标宋: mark, titles
	roleHei  = "hei"          // 黑体: level-1 headings, 密级, 附件N
	roleKai  = "kai"          // 楷体: level-2 headings, 签发人 names
	roleSong = "song"         // 宋体: page numbers
)

// fontName is the family name written for one role: EastAsia for Chinese text, Latin for
// digits and Latin letters (w:ascii, w:hAnsi, w:cs).
type fontName struct {
	EastAsia string
	Latin    string
	// Bold asks for the bold face of the family (the bundled 小标宋 is Noto Serif CJK SC Bold).
	Bold bool
}

// fontSet maps each role to its family names.
type fontSet map[string]fontName

func same(n string) fontName { return fontName{EastAsia: n, Latin: n} }

// Font sets selectable through Options.Fonts.
var (
	standardFonts = fontSet{
		roleFang: same("仿宋_GB2312"),
		roleXBS:  same("方正小标宋简体"),
		roleHei:  same("黑体"),
		roleKai:  same("楷体_GB2312"),
		roleSong: same("宋体"),
	}
	windowsFonts = fontSet{
		roleFang: {EastAsia: "仿宋", Latin: "FangSong"},
		roleXBS:  same("方正小标宋简体"),
		roleHei:  {EastAsia: "黑体", Latin: "SimHei"},
		roleKai:  {EastAsia: "楷体", Latin: "KaiTi"},
		roleSong: {EastAsia: "宋体", Latin: "SimSun"},
	}
	macFonts = fontSet{
		roleFang: {EastAsia: "华文仿宋", Latin: "STFangsong"},
		roleXBS:  {EastAsia: "华文中宋", Latin: "STZhongsong"},
		roleHei:  {EastAsia: "华文黑体", Latin: "STHeiti"},
		roleKai:  {EastAsia: "华文楷体", Latin: "STKaiti"},
		roleSong: {EastAsia: "华文宋体", Latin: "STSong"},
	}
)

var (
	bundledOnce sync.Once
	bundled     fontSet
	bundledErr  error
)

// bundledFonts reads the family names from the bundled font files, so that a machine with
// those files installed (fontconfig, Windows, macOS) finds them by the names in the DOCX.
func bundledFonts() (fontSet, error) {
	bundledOnce.Do(func() {
		set := fontSet{}
		for _, role := range []string{roleFang, roleXBS, roleHei, roleKai, roleSong} {
			data, err := assets.Font(role)
			if err != nil {
				bundledErr = err
				return
			}
			f, err := sfnt.Parse(data)
			if err != nil {
				bundledErr = fmt.Errorf("parse bundled font %s: %w", role, err)
				return
			}
			var b sfnt.Buffer
			fam, err := f.Name(&b, sfnt.NameIDFamily)
			if err != nil || fam == "" {
				bundledErr = fmt.Errorf("read family name of bundled font %s: %v", role, err)
				return
			}
			sub, _ := f.Name(&b, sfnt.NameIDSubfamily)
			set[role] = fontName{EastAsia: fam, Latin: fam, Bold: sub == "Bold"}
		}
		bundled = set
	})
	return bundled, bundledErr
}

// fontsFor returns the font set named by Options.Fonts.
func fontsFor(name string) (fontSet, error) {
	switch name {
	case "", "standard":
		return standardFonts, nil
	case "windows":
		return windowsFonts, nil
	case "mac", "macos":
		return macFonts, nil
	case "bundled":
		return bundledFonts()
	}
	return nil, fmt.Errorf("unknown font set %q (standard, windows, mac, bundled)", name)
}
