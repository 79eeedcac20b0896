package layout

import (
	"fmt"
	"math"
)

// Length is a distance on the page in micrometres (1/1000 mm). All positions and sizes
// in layout are Lengths; writers convert at the edge with Mm() or Pt().
type Length int64

// Conversion constants.
const (
	Micrometre Length = 1
	Millimetre Length = 1000
	ptPerMm           = 72.0 / 25.4
)

// Mm returns the Length of x millimetres.
func Mm(x float64) Length { return Length(math.Round(x * 1000)) }

// Pt returns the Length of x PostScript points.
func Pt(x float64) Length { return Length(math.Round(x / ptPerMm * 1000)) }

// Hao returns the font size of a traditional Chinese size number (号): 2 for 二号 (22 pt),
// 3 for 三号 (16 pt), 4 for 四号 (14 pt), and so on; -1 is 小初 ... use XiaoHao for 小N.
func Hao(n int) Length {
	switch n {
	case 0:
		return Pt(42)
	case 1:
		return Pt(26)
	case 2:
		return Pt(22)
	case 3:
		return Pt(16)
	case 4:
		return Pt(14)
	case 5:
		return Pt(10.5)
	case 6:
		return Pt(7.5)
	}
	panic(fmt.Sprintf("layout: no 号 size %d", n))
}

// Mm returns the length in millimetres.
func (l Length) Mm() float64 { return float64(l) / 1000 }

// Pt returns the length in PostScript points.
func (l Length) Pt() float64 { return float64(l) / 1000 * ptPerMm }

// String formats the length in millimetres with two decimals, as golden dumps use.
func (l Length) String() string { return fmt.Sprintf("%.2fmm", l.Mm()) }

// Twips returns the length in twentieths of a point (the unit of WordprocessingML), rounded.
func (l Length) Twips() int64 { return int64(math.Round(l.Pt() * 20)) }

// EMU returns the length in English Metric Units (914400 to the inch, DrawingML), rounded.
func (l Length) EMU() int64 { return int64(math.Round(float64(l) * 36)) }

// Px returns the length in pixels at dpi dots per inch.
func (l Length) Px(dpi float64) float64 { return float64(l) / 25400 * dpi }
