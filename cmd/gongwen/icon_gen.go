//go:build ignore

// icon_gen draws assets/icon.png, the application icon: a sheet of paper with the red 版头
// (公文 in the title face and the red separator) and grey body lines, on a red rounded square.
// Run from the repository root: go run cmd/gongwen/icon_gen.go
package main

import (
	"image"
	"image/color"
	"image/png"
	"log"
	"math"
	"os"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"gongwen/assets"
)

const size = 512

func main() {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	red := color.NRGBA{0xc0, 0x1c, 0x24, 0xff}
	white := color.NRGBA{0xff, 0xff, 0xff, 0xff}
	grey := color.NRGBA{0x9a, 0x9a, 0xa0, 0xff}
	roundRect(img, 16, 16, 496, 496, 96, red)
	roundRect(img, 112, 60, 400, 452, 18, white)
	// 版头: 公文 in 小标宋, red
	data, err := assets.FontBytes("xiaobiaosong")
	if err != nil {
		log.Fatal(err)
	}
	f, err := opentype.Parse(data)
	if err != nil {
		log.Fatal(err)
	}
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: 100, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		log.Fatal(err)
	}
	d := &font.Drawer{Dst: img, Src: image.NewUniform(red), Face: face}
	w := d.MeasureString("公文")
	d.Dot = fixed.Point26_6{X: fixed.I(size/2) - w/2, Y: fixed.I(196)}
	d.DrawString("公文")
	fill(img, 144, 222, 368, 232, red) // red separator
	for i, y := range []int{272, 312, 352, 392} {
		x1 := 368
		if i == 3 {
			x1 = 290
		}
		x0 := 144
		if i == 0 {
			x0 = 176
		}
		fill(img, x0, y, x1, y+12, grey)
	}
	out, err := os.Create("assets/icon.png")
	if err != nil {
		log.Fatal(err)
	}
	defer out.Close()
	if err := png.Encode(out, img); err != nil {
		log.Fatal(err)
	}
}

func fill(img *image.NRGBA, x0, y0, x1, y1 int, c color.NRGBA) {
	for y := y0; y < y1; y++ {
		for x := x0; x < x1; x++ {
			img.SetNRGBA(x, y, c)
		}
	}
}

// roundRect fills a rounded rectangle with anti-aliased corners.
func roundRect(img *image.NRGBA, x0, y0, x1, y1, r int, c color.NRGBA) {
	for y := y0; y < y1; y++ {
		for x := x0; x < x1; x++ {
			cx, cy := clamp(x, x0+r, x1-r-1), clamp(y, y0+r, y1-r-1)
			dist := math.Hypot(float64(x-cx)+0.5, float64(y-cy)+0.5)
			a := math.Max(0, math.Min(1, float64(r)-dist+0.5))
			if a <= 0 {
				continue
			}
			o := img.NRGBAAt(x, y)
			mix := func(s, d uint8) uint8 { return uint8(float64(s)*a + float64(d)*(1-a)) }
			oa := float64(o.A) / 255
			na := a + oa*(1-a)
			if o.A == 0 {
				img.SetNRGBA(x, y, color.NRGBA{c.R, c.G, c.B, uint8(a * 255)})
				continue
			}
			img.SetNRGBA(x, y, color.NRGBA{mix(c.R, o.R), mix(c.G, o.G), mix(c.B, o.B), uint8(na * 255)})
		}
	}
}

func clamp(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}
