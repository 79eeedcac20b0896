package png

import (
	"testing"

	"gongwen/export/internal/pagetest"
	"gongwen/layout"
)

// TestImageTooLarge: a seal whose header claims a huge size is refused before it is decoded
// (decoding it would allocate width × height pixels and kill the process).
func TestImageTooLarge(t *testing.T) {
	small := pagetest.BlankPNG(t, 2, 2)
	withSize := func(w, h uint32) []byte { return pagetest.PNGWithSize(small, w, h) }
	tests := []struct {
		name    string
		data    []byte
		wantErr error // nil: renders
	}{
		{"100000×100000", withSize(100000, 100000), ErrImageTooLarge},
		{"9000×10", withSize(9000, 10), ErrImageTooLarge},
		{"2×2", small, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := layout.Page{Images: []layout.Image{{Element: layout.ElemSeal, X: layout.Mm(10), Y: layout.Mm(10), W: layout.Mm(40), H: layout.Mm(40), Data: tt.data}}}
			_, err := Render(p, nil, 20)
			pagetest.WantErr(t, err, tt.wantErr)
		})
	}
}
