// Command sealgen draws the placeholder seal images of the examples: a red ring with a
// five-pointed star, on a transparent background, as PNG.
//
//	go run ./examples/sealgen -o examples/seal.png
package main

import (
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
)

func main() {
	out := flag.String("o", "seal.png", "output PNG")
	size := flag.Int("size", 400, "image width and height in pixels")
	flag.Parse()
	if err := os.WriteFile(*out, draw(*size), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "sealgen:", err)
		os.Exit(1)
	}
}

// inStar reports whether (x, y), relative to the centre, is inside a five-pointed star of
// outer radius r pointing up.
func inStar(x, y, r float64) bool {
	var pts [10][2]float64
	for i := 0; i < 10; i++ {
		rad := r
		if i%2 == 1 {
			rad = r * 0.382
		}
		a := -math.Pi/2 + float64(i)*math.Pi/5
		pts[i] = [2]float64{rad * math.Cos(a), rad * math.Sin(a)}
	}
	in := false
	for i, j := 0, 9; i < 10; j, i = i, i+1 {
		xi, yi, xj, yj := pts[i][0], pts[i][1], pts[j][0], pts[j][1]
		if (yi > y) != (yj > y) && x < (xj-xi)*(y-yi)/(yj-yi)+xi {
			in = !in
		}
	}
	return in
}

func draw(n int) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, n, n))
	red := color.NRGBA{230, 0, 18, 255}
	c := float64(n) / 2
	outer, ring := c*0.97, c*0.07
	for y := 0; y < n; y++ {
		for x := 0; x < n; x++ {
			dx, dy := float64(x)+0.5-c, float64(y)+0.5-c
			d := math.Hypot(dx, dy)
			on := d <= outer && d >= outer-ring
			on = on || inStar(dx, dy, c*0.36)
			// a few arcs of small dots where the organ's name would run
			if !on && d < outer-ring*2.2 && d > outer-ring*3.2 {
				a := math.Atan2(dy, dx)
				if a < -0.3 || a > math.Pi+0.3 {
					k := math.Mod(a+4*math.Pi, math.Pi/9)
					on = k < 0.09
				}
			}
			if on {
				img.SetNRGBA(x, y, red)
			}
		}
	}
	var b bytesBuffer
	if err := png.Encode(&b, img); err != nil {
		panic(err)
	}
	return b.data
}

type bytesBuffer struct{ data []byte }

func (b *bytesBuffer) Write(p []byte) (int, error) { b.data = append(b.data, p...); return len(p), nil }
