package document

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"testing"
)

// TestDecodeImage: every PNG or JPEG that CheckImages accepts comes out in a form all writers
// take (8-bit, not interlaced, not a palette, not CMYK), and an image without transparency
// (a seal on white paper, which hid the 署名 and the date at d3b518c) gets a transparent
// background.
func TestDecodeImage(t *testing.T) {
	ring := func(set func(x, y int, red bool)) {
		for y := 0; y < 32; y++ {
			for x := 0; x < 32; x++ {
				d := (x-16)*(x-16) + (y-16)*(y-16)
				set(x, y, d > 80 && d < 200)
			}
		}
	}
	red, white := color.NRGBA{230, 0, 18, 255}, color.NRGBA{255, 255, 255, 255}
	opaque := image.NewNRGBA(image.Rect(0, 0, 32, 32))
	ring(func(x, y int, r bool) {
		opaque.SetNRGBA(x, y, map[bool]color.NRGBA{true: red, false: white}[r])
	})
	transparent := image.NewNRGBA(image.Rect(0, 0, 32, 32))
	ring(func(x, y int, r bool) {
		if r {
			transparent.SetNRGBA(x, y, red)
		}
	})
	deep := image.NewNRGBA64(opaque.Bounds())
	pal := image.NewPaletted(opaque.Bounds(), color.Palette{color.Transparent, red})
	cmyk := image.NewCMYK(opaque.Bounds())
	gray := image.NewGray(opaque.Bounds())
	ring(func(x, y int, r bool) {
		deep.Set(x, y, opaque.At(x, y))
		if r {
			pal.SetColorIndex(x, y, 1)
		}
		cmyk.Set(x, y, opaque.At(x, y))
		gray.Set(x, y, opaque.At(x, y))
	})
	encPNG := func(img image.Image) []byte {
		var b bytes.Buffer
		png.Encode(&b, img)
		return b.Bytes()
	}
	encJPEG := func(img image.Image) []byte {
		var b bytes.Buffer
		jpeg.Encode(&b, img, &jpeg.Options{Quality: 95})
		return b.Bytes()
	}
	cases := []struct {
		name string
		data []byte
		same bool // returned as it is
	}{
		{"8-bit RGBA with transparency", encPNG(transparent), true},
		{"16-bit PNG", encPNG(deep), false},
		{"palette PNG", encPNG(pal), false},
		{"opaque PNG on white", encPNG(opaque), false},
		{"JPEG on white", encJPEG(opaque), false},
		{"grey JPEG", encJPEG(gray), false},
		{"CMYK image (as PNG: Go writes no CMYK JPEG)", encPNG(cmyk), false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, err := DecodeImage(c.data)
			if err != nil {
				t.Fatal(err)
			}
			if bytes.Equal(out, c.data) != c.same {
				t.Fatalf("returned as it is: %v, want %v", bytes.Equal(out, c.data), c.same)
			}
			img, format, err := image.Decode(bytes.NewReader(out))
			if err != nil || format != "png" {
				t.Fatalf("%s, %v", format, err)
			}
			if !writersTake(out, format, img) {
				t.Error("not a form every writer takes")
			}
			if _, _, _, a := img.At(0, 0).RGBA(); a != 0 {
				t.Errorf("corner alpha %d, want transparent", a)
			}
			if r, _, _, a := img.At(16, 4).RGBA(); a == 0 || r < 0xA000 && c.name != "grey JPEG" {
				t.Errorf("the ring lost its red: r %d a %d", r, a)
			}
		})
	}
}
