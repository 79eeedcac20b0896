package layout

import (
	"fmt"
	"strings"
	"testing"

	"gongwen/document"
)

// TestNothingCutSilently: a 版记 or a 签发人 block that cannot fit is refused with a message
// naming it; what fits lies inside the 版心 (issue 12: at d3b518c a 抄送 of 110 organs ran off
// the top of the page and 5000 签发人 printed over the page number, silently).
func TestNothingCutSilently(t *testing.T) {
	organs := func(n int) string {
		var b []string
		for i := 0; i < n; i++ {
			b = append(b, fmt.Sprintf("某某市第%d局", i+1))
		}
		return strings.Join(b, "，") + "。"
	}
	signers := func(n int) []string {
		var out []string
		for i := 0; i < n; i++ {
			out = append(out, "张"+cnNum(i%99+1))
		}
		return out
	}
	cases := []struct {
		name    string
		edit    func(d *document.Document)
		wantErr string // "" when it must lay out, inside the 版心
	}{
		{"50 抄送 organs fit a page", func(d *document.Document) { d.CC = organs(50) }, ""},
		{"110 抄送 organs", func(d *document.Document) { d.CC = organs(110) }, "抄送机关"},
		{"500 抄送 organs", func(d *document.Document) { d.CC = organs(500) }, "抄送机关"},
		{"4 签发人", func(d *document.Document) {
			d.Direction = document.DirectionUp
			d.Signers = signers(4)
		}, ""},
		{"5000 签发人", func(d *document.Document) {
			d.Direction = document.DirectionUp
			d.Signers = signers(5000)
		}, "签发人"},
		{"60 签发人", func(d *document.Document) {
			d.Direction = document.DirectionUp
			d.Signers = signers(60)
		}, "签发人"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := sampleDoc(3)
			c.edit(d)
			pages, err := Typeset(d, Options{})
			if c.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), c.wantErr) {
					t.Fatalf("err = %v, want one naming %s", err, c.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for i, p := range pages {
				for _, tx := range p.Texts {
					if tx.Element == ElemPageNumber {
						continue
					}
					if tx.Y < MarginTop || tx.Y > MarginTop+BodyHeight {
						t.Errorf("page %d: %s %q at y %.1f mm, outside the 版心", i+1, tx.Element, tx.S, tx.Y.Mm())
					}
				}
			}
		})
	}
}
