package layout

import (
	"fmt"
	"strings"
)

// Dump writes pages as readable text for golden tests: every text run, rule, image, circle
// and box with its position in millimetres (two decimals), element, font and size.
func Dump(pages []Page) string {
	var b strings.Builder
	mm := func(l Length) string { return fmt.Sprintf("%.2f", l.Mm()) }
	for i, p := range pages {
		fmt.Fprintf(&b, "page %d number=%d", i+1, p.Number)
		if p.Blank {
			b.WriteString(" blank")
		}
		b.WriteByte('\n')
		for _, t := range p.Texts {
			x0, x1 := Length(0), Length(0)
			if len(t.X) > 0 {
				x0, x1 = t.X[0], t.X[len(t.X)-1]
			}
			col := ""
			if t.Color != Black {
				col = " red"
			}
			fmt.Fprintf(&b, "  text %s..%s y=%s %s %s %s%s %q\n", mm(x0), mm(x1), mm(t.Y), t.Element, t.Font, mm(t.Size), col, t.S)
		}
		for _, r := range p.Rules {
			col := ""
			if r.Color != Black {
				col = " red"
			}
			fmt.Fprintf(&b, "  rule %s,%s-%s,%s w=%s %s%s\n", mm(r.X0), mm(r.Y0), mm(r.X1), mm(r.Y1), mm(r.Width), r.Element, col)
		}
		for _, im := range p.Images {
			fmt.Fprintf(&b, "  image %s,%s %sx%s %s (%d bytes)\n", mm(im.X), mm(im.Y), mm(im.W), mm(im.H), im.Element, len(im.Data))
		}
		for _, c := range p.Circles {
			fmt.Fprintf(&b, "  circle %s,%s r=%s %s dashed=%v\n", mm(c.CX), mm(c.CY), mm(c.R), c.Element, c.Dashed)
		}
		for _, x := range p.Boxes {
			fmt.Fprintf(&b, "  box %s,%s %sx%s %s\n", mm(x.X), mm(x.Y), mm(x.W), mm(x.H), x.Label)
		}
	}
	return b.String()
}
