package app

import (
	"fmt"
	"sort"
	"strings"

	"gongwen/document"
	"gongwen/layout"
)

// 讲解模式 (the trainer's view) without widgets: which boxes get a label, where the labels go
// in the gutters beside the page so that none overlaps another, the clause each element
// follows and what was measured on the page against what the standard asks.

// gutterWidth is the width of the label columns left and right of the page, in Fyne units
// (labels keep their size at every zoom, so the columns do too).
const gutterWidth = 176

// labelSize is the text size of the labels and labelHeight the height of a label's row.
const (
	labelSize   = 11
	labelHeight = 17
	labelGap    = 3
)

// placedLabel is the label of one box: its short text, its side and its top (page units from
// the top of the page, the same scale as the page on screen).
type placedLabel struct {
	Box   int // index in the page's boxes
	Text  string
	Left  bool
	Y     float32
	Wants float32 // the y the label would take alone (the box's middle)
}

// shortLabel is the name and clause of a box's label ("发文字号 · 7.2.5"), the rest being the
// details shown on a click.
func shortLabel(b layout.Box) string {
	parts := strings.Split(boxLabel(b), " · ")
	if len(parts) >= 2 {
		return parts[0] + " · " + parts[1]
	}
	return parts[0]
}

// placeLabels decides the label of each box that gets one: boxes without a label text, and
// a box with the same label as the box just above it (paragraph after paragraph of 正文),
// get none. Boxes left of the page's middle take the left column, boxes right of it the
// right column, and boxes across the middle (the mark, the title, the body) alternate.
// In each column the labels keep their boxes' order, each at its box's middle when it can,
// pushed down (and back up at the bottom) just enough that none overlaps another. scale is
// screen units a millimetre; pageH the page's height on screen.
func placeLabels(boxes []layout.Box, scale, pageH float32) []placedLabel {
	var out []placedLabel
	last := ""
	alt := true
	mid := float32(layout.PageWidth.Mm()) / 2
	for i, b := range boxes {
		text := shortLabel(b)
		if b.Label == "" || boxLabel(b) == last {
			continue
		}
		last = boxLabel(b)
		x0, x1 := float32(b.X.Mm()), float32((b.X + b.W).Mm())
		left := false
		switch {
		case x1 < mid+5:
			left = true
		case x0 > mid-5:
			left = false
		default:
			left, alt = alt, !alt
		}
		y := (float32(b.Y.Mm()) + float32(b.H.Mm())/2) * scale
		out = append(out, placedLabel{Box: i, Text: text, Left: left, Wants: y})
	}
	for _, side := range []bool{true, false} {
		var col []*placedLabel
		for i := range out {
			if out[i].Left == side {
				col = append(col, &out[i])
			}
		}
		sort.SliceStable(col, func(i, j int) bool { return col[i].Wants < col[j].Wants })
		stack(col, pageH)
	}
	return out
}

// stack places a column's labels: centred on what they want, none overlapping, within
// [0, pageH] when they fit (below the page when there are more than fit).
func stack(col []*placedLabel, pageH float32) {
	step := float32(labelHeight + labelGap)
	prev := float32(-1e9)
	for _, l := range col {
		y := l.Wants - labelHeight/2
		if y < 0 {
			y = 0
		}
		if y < prev+step {
			y = prev + step
		}
		l.Y, prev = y, y
	}
	// back up from the bottom where the column ran over the page
	limit := pageH - labelHeight
	for i := len(col) - 1; i >= 0; i-- {
		if col[i].Y <= limit {
			break
		}
		col[i].Y = limit
		limit -= step
		if limit < 0 {
			limit = 0
		}
	}
	// when the column is taller than the page, keep order from the top down
	for i := 1; i < len(col); i++ {
		if col[i].Y < col[i-1].Y+step {
			col[i].Y = col[i-1].Y + step
		}
	}
}

// measure is one thing measured on the page beside what the standard asks.
type measure struct {
	What     string
	Measured string
	Standard string
}

func mm(v float64) string { return fmt.Sprintf("%.1f mm", v) }

// measures returns what can be measured of a box on its page.
func measures(b layout.Box, page []layout.Box, format document.Format) []measure {
	top := layout.MarginTop.Mm()
	bodyBottom := (layout.MarginTop + layout.BodyHeight).Mm()
	right := (layout.MarginLeft + layout.BodyWidth).Mm()
	y, h := b.Y.Mm(), b.H.Mm()
	var out []measure
	find := func(e layout.Element) (layout.Box, bool) {
		for _, x := range page {
			if x.Element == e {
				return x, true
			}
		}
		return layout.Box{}, false
	}
	switch b.Element {
	case layout.ElemMark:
		switch format {
		case document.FormatLetter:
			out = append(out, measure{T("ex.m.marktop.page"), mm(y), "30 mm"})
		case document.FormatOrder:
			out = append(out, measure{T("ex.m.marktop"), mm(y - top), "20 mm"})
		default:
			out = append(out, measure{T("ex.m.marktop"), mm(y - top), "35 mm"})
		}
	case layout.ElemSeparator:
		if n, ok := find(layout.ElemNumber); ok {
			out = append(out, measure{T("ex.m.sep"), mm(y - (n.Y + n.H).Mm()), "4 mm"})
		}
		out = append(out, measure{T("ex.m.width"), mm(b.W.Mm()), "156 mm"})
	case layout.ElemPageNumber:
		out = append(out, measure{T("ex.m.pageno"), mm(y + h/2 - bodyBottom), "7 mm"})
	case layout.ElemTitle:
		if s, ok := find(layout.ElemSeparator); ok {
			gap := y - (s.Y + s.H).Mm()
			out = append(out, measure{T("ex.m.titlegap"), fmt.Sprintf("%s (%.1f %s)", mm(gap), gap/layout.LinePitch.Mm(), T("ex.lines")), T("ex.m.twolines")})
		}
	case layout.ElemDate, layout.ElemIssuerSign, layout.ElemSignature:
		chars := (right - (b.X + b.W).Mm()) / layout.CharPitch.Mm()
		out = append(out, measure{T("ex.m.rightindent"), fmt.Sprintf("%.1f %s", chars, T("ex.chars")), T("ex.m.rightindent.std")})
	case layout.ElemPrint:
		out = append(out, measure{T("ex.m.banjibottom"), mm(bodyBottom - (b.Y + b.H).Mm()), "0 mm"})
	}
	out = append(out, measure{T("ex.m.place"), fmt.Sprintf("%s %s, %s %s; %s × %s", T("ex.left"), mm(b.X.Mm()), T("ex.top"), mm(y), mm(b.W.Mm()), mm(h)), ""})
	return out
}

// clauseOf returns the clause number a box's label names ("7.2.5"), or "".
func clauseOf(b layout.Box) string {
	parts := strings.Split(boxLabel(b), " · ")
	if len(parts) >= 2 {
		return strings.TrimSpace(parts[1])
	}
	return ""
}

// clauseText is what a clause of GB/T 9704-2012 says, in the UI language ("" for a clause
// the app has no text for).
func clauseText(clause string) string {
	if clause == "" {
		return ""
	}
	key := "clause." + clause
	if s := T(key); s != key {
		return s
	}
	return ""
}

// explainDetail is the text shown when a box is clicked: the label, the clause's text and
// the measurements.
func explainDetail(b layout.Box, page []layout.Box, format document.Format) string {
	var sb strings.Builder
	sb.WriteString(boxLabel(b))
	if c := clauseOf(b); c != "" {
		if t := clauseText(c); t != "" {
			sb.WriteString("\nGB/T 9704-2012 " + c + "：" + t)
		}
	}
	for _, m := range measures(b, page, format) {
		sb.WriteString("\n" + m.What + "：" + m.Measured)
		if m.Standard != "" {
			sb.WriteString(" · " + T("ex.standard") + " " + m.Standard)
		}
	}
	return sb.String()
}
