package pdf

import (
	"bytes"
	"image"
	"image/color"
	"image/gif"
	"testing"

	"gongwen/export/internal/pagetest"
	"gongwen/layout"
)

// TestImageRefused: an image gopdf cannot embed (another format, a header claiming a huge
// size) is refused with ErrImageFormat before gopdf sees it.
func TestImageRefused(t *testing.T) {
	small := pagetest.BlankPNG(t, 1, 1)
	huge := pagetest.PNGWithSize(small, 100000, 100000)
	var g bytes.Buffer
	if err := gif.Encode(&g, image.NewPaletted(image.Rect(0, 0, 4, 4), []color.Color{color.Black, color.White}), nil); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		data    []byte
		wantErr error
	}{
		{"gif", g.Bytes(), ErrImageFormat},
		{"huge png", huge, ErrImageFormat},
		{"small png", small, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pages := []layout.Page{{Images: []layout.Image{{Element: layout.ElemSeal, W: layout.Mm(40), H: layout.Mm(40), Data: tt.data}}}}
			var b bytes.Buffer
			err := Write(&b, pages, nil, Meta{})
			pagetest.WantErr(t, err, tt.wantErr)
		})
	}
}
