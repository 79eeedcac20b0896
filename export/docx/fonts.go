package docx

import (
	"fmt"
	"strings"
	"sync"

	"golang.org/x/image/font/sfnt"

	"gongwen/assets"
	"gongwen/layout"
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

// embedded is one font part of the file: a face of family (bold or regular), obfuscated with
// key, at word/part, referred to from the font table by rid.
type embedded struct {
	family    string
	bold      bool
	part, rid string
	key       string
	subsetted bool
	data      []byte
}

// use records that text is written in role, for font embedding.
func (b *builder) use(role, text string) {
	m := b.used[role]
	if m == nil {
		m = map[rune]bool{}
		b.used[role] = m
	}
	for _, r := range text {
		if r != '\t' && r != '\n' {
			m[r] = true
		}
	}
}

// embedFonts returns the font parts of the bundled faces the document uses, whole or, with
// subset and where the face's embedding permission allows it, cut down to the characters
// written in its role; a face that may not be embedded is left out with a warning.
func (b *builder) embedFonts(subset bool) ([]embedded, error) {
	var out []embedded
	for i, role := range []string{roleFang, roleXBS, roleHei, roleKai, roleSong} {
		used := b.used[role]
		if len(used) == 0 {
			continue
		}
		// the bundled face's file, as the one []byte copy per process the writers share
		face, err := layout.DefaultFonts().Face(layout.FontID(role))
		if err != nil {
			return nil, err
		}
		data := face.Bytes()
		name, _ := assets.FontFile(role)
		ok, mayCut, err := embedPermission(data)
		if err != nil {
			return nil, fmt.Errorf("embed font %s: %w", name, err)
		}
		if !ok {
			b.warn(fmt.Sprintf("字体 %s 不允许嵌入，文件中只写字体名（the font's license forbids embedding）", name))
			continue
		}
		cut := subset && mayCut
		if cut {
			// ASCII and the GB2312 aliases besides the characters used: LibreOffice draws a
			// Latin portion in another font when the face lacks basic Latin (measured: the
			// digits of "9号" and "第12次" fell back to a Latin font), and an em dash with
			// the glyph of U+2015
			rs := make([]rune, 0, len(used)+99)
			for r := range used {
				rs = append(rs, r)
			}
			for r := rune(0x20); r < 0x7f; r++ { // ASCII
				rs = append(rs, r)
			}
			rs = append(rs, 0x2014, 0x2015, 0x00b7, 0x30fb)
			if data, err = subsetTTF(data, rs); err != nil {
				return nil, fmt.Errorf("subset font %s: %w", name, err)
			}
		}
		key := fontKey(data)
		obf, err := obfuscate(data, key)
		if err != nil {
			return nil, err
		}
		f := b.fonts[role]
		out = append(out, embedded{family: f.EastAsia, bold: f.Bold, part: fmt.Sprintf("fonts/font%d.odttf", i+1),
			rid: fmt.Sprintf("rId%d", i+1), key: key, subsetted: cut, data: obf})
	}
	return out, nil
}

// fontTableRels relates the font table to the font parts.
func fontTableRels(embeds []embedded) string {
	var s strings.Builder
	s.WriteString(xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for _, e := range embeds {
		fmt.Fprintf(&s, `<Relationship Id="%s" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/font" Target="%s"/>`, e.rid, e.part)
	}
	s.WriteString(`</Relationships>`)
	return s.String()
}
