// Package pagetest builds small layout pages by hand for the tests of the page writers
// (export/pdf, export/png), so they can be tested without the layout engine and against the
// same sample.
package pagetest

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"math"
	"testing"

	"gongwen/layout"
)

// Run builds a Text with natural advances (or with a fixed pitch when pitch > 0) from x.
func Run(t testing.TB, fs *layout.Fonts, el layout.Element, role layout.Role, size layout.Length, col layout.Color, x, y layout.Length, s string, pitch layout.Length) layout.Text {
	t.Helper()
	f, err := fs.Face(layout.FontID(role))
	if err != nil {
		t.Fatal(err)
	}
	tx := layout.Text{Element: el, Font: f.ID, Size: size, Color: col, Y: y, S: s}
	for _, r := range s {
		tx.X = append(tx.X, x)
		if pitch > 0 {
			x += pitch
		} else {
			g, _, _ := fs.Resolve(role, r)
			x += g.Advance(r, size)
		}
	}
	return tx
}

// Centred returns the x at which s starts when centred in the 版心.
func Centred(fs *layout.Fonts, role layout.Role, size layout.Length, s string) layout.Length {
	var w layout.Length
	for _, r := range s {
		g, _, _ := fs.Resolve(role, r)
		w += g.Advance(r, size)
	}
	return layout.MarginLeft + (layout.BodyWidth-w)/2
}

// SealPNG is a 120×120 PNG of a red ring on a transparent ground.
func SealPNG(t testing.TB) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, 120, 120))
	for y := 0; y < 120; y++ {
		for x := 0; x < 120; x++ {
			d := math.Hypot(float64(x)-59.5, float64(y)-59.5)
			if d < 59 && d > 52 {
				img.Set(x, y, color.NRGBA{230, 0, 18, 255})
			}
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// BlankPNG is a w×h transparent PNG.
func BlankPNG(t testing.TB, w, h int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewNRGBA(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// WantErr fails the test unless err matches want (errors.Is), or is nil when want is nil.
func WantErr(t testing.TB, err, want error) {
	t.Helper()
	if want == nil {
		if err != nil {
			t.Fatal(err)
		}
		return
	}
	if !errors.Is(err, want) {
		t.Fatalf("got %v, want %v", err, want)
	}
}

// PNGWithSize returns the PNG data with its header's width and height set to w and h (and the
// header's checksum fixed), the pixels left as they are: an image that claims a size it lacks.
func PNGWithSize(data []byte, w, h uint32) []byte {
	b := append([]byte(nil), data...)
	binary.BigEndian.PutUint32(b[16:], w)
	binary.BigEndian.PutUint32(b[20:], h)
	binary.BigEndian.PutUint32(b[29:], crc32.ChecksumIEEE(b[12:29]))
	return b
}

// Body holds the body lines of the sample: 28 characters each, justified on the grid.
var Body = []string{
	"为进一步做好某某工作，现将有关事项请示如下：一是加强组织领导，",
	"二是完善工作机制，三是强化督促检查。镕堃同志负责具体落实工作。",
	"妥否，请批示。",
}

// Pages builds a small document by hand: page 1 with a 版头, a title and body lines; page 2
// with headings, a seal image, a dashed placeholder circle (centre (80 mm, top+120 mm), radius
// 21 mm) and the 版记 rule.
func Pages(t testing.TB, fs *layout.Fonts) []layout.Page {
	t.Helper()
	L := layout.MarginLeft
	top := layout.MarginTop
	mark := "某某市人民政府文件"
	markSize := layout.Pt(40)
	p1 := layout.Page{Number: 1}
	p1.Texts = append(p1.Texts,
		Run(t, fs, layout.ElemMark, layout.XiaoBiaoSong, markSize, layout.Red, Centred(fs, layout.XiaoBiaoSong, markSize, mark), top+layout.Mm(35)+markSize*88/100, mark, 0),
		Run(t, fs, layout.ElemNumber, layout.FangSong, layout.Hao(3), layout.Black, Centred(fs, layout.FangSong, layout.Hao(3), "某政〔2024〕5号"), top+layout.Mm(60), "某政〔2024〕5号", 0),
		// 镕 is not in the 小标宋 face: the writer must find it in the GBK fallback.
		Run(t, fs, layout.ElemTitle, layout.XiaoBiaoSong, layout.Hao(2), layout.Black, Centred(fs, layout.XiaoBiaoSong, layout.Hao(2), "关于镕堃同志任职的请示"), top+layout.Mm(85), "关于镕堃同志任职的请示", 0),
	)
	p1.Rules = append(p1.Rules, layout.Rule{Element: layout.ElemSeparator, X0: L, Y0: top + layout.Mm(64), X1: L + layout.BodyWidth, Y1: top + layout.Mm(64), Width: layout.Mm(0.35), Color: layout.Red})
	for i, s := range Body {
		y := top + layout.Mm(100) + layout.Length(i)*layout.LinePitch
		x := L
		if i == 0 {
			x += 2 * layout.CharPitch
		}
		p1.Texts = append(p1.Texts, Run(t, fs, layout.ElemBody, layout.FangSong, layout.Hao(3), layout.Black, x, y, s, layout.CharPitch))
	}
	p1.Texts = append(p1.Texts, Run(t, fs, layout.ElemPageNumber, layout.Song, layout.Hao(4), layout.Black, layout.Mm(150), layout.Mm(269), "— 1 —", 0))

	p2 := layout.Page{Number: 2}
	p2.Texts = append(p2.Texts,
		Run(t, fs, layout.ElemHeading1, layout.Hei, layout.Hao(3), layout.Black, L+2*layout.CharPitch, top+layout.Mm(10), "一、总体要求", layout.CharPitch),
		Run(t, fs, layout.ElemHeading2, layout.Kai, layout.Hao(3), layout.Black, L+2*layout.CharPitch, top+layout.Mm(20), "（一）工作目标。", layout.CharPitch),
		Run(t, fs, layout.ElemIssuerSign, layout.FangSong, layout.Hao(3), layout.Black, layout.Mm(120), top+layout.Mm(60), "某某市人民政府", layout.CharPitch),
		Run(t, fs, layout.ElemDate, layout.FangSong, layout.Hao(3), layout.Black, layout.Mm(120), top+layout.Mm(70), "2024年1月5日", 0),
		Run(t, fs, layout.ElemPageNumber, layout.Song, layout.Hao(4), layout.Black, layout.Mm(33), layout.Mm(269), "— 2 —", 0),
	)
	p2.Images = append(p2.Images, layout.Image{Element: layout.ElemSeal, X: layout.Mm(120), Y: top + layout.Mm(45), W: layout.Mm(42), H: layout.Mm(42), Data: SealPNG(t)})
	p2.Circles = append(p2.Circles, layout.Circle{Element: layout.ElemSeal, CX: layout.Mm(80), CY: top + layout.Mm(120), R: layout.Mm(21), Width: layout.Mm(0.5), Color: layout.Red, Dashed: true})
	p2.Rules = append(p2.Rules, layout.Rule{Element: layout.ElemBanjiRule, X0: L, Y0: layout.Mm(261.5), X1: L + layout.BodyWidth, Y1: layout.Mm(261.5), Width: layout.Mm(0.35), Color: layout.Black})
	return []layout.Page{p1, p2}
}
