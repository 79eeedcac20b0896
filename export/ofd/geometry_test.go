package ofd

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"gongwen/document"
	"gongwen/layout"
)

// The geometry test reads an exported OFD the way a reader does (the XML parts, the custom
// tags, the embedded fonts) and measures the GB/T 9704 places on the OFD's own coordinates,
// with the numbers of shared/spec/GBT9704.md, not layout's constants:
//   - 发文机关标志: red, centred on the 版心, its top edge (the ink of its glyphs, from the
//     embedded font) 35 mm below the 版心's top (文件, 纪要), 20 mm (命令) or 30 mm from the
//     page top (信函);
//   - 版头分隔线: red, as wide as the 版心 (28–184 mm), 4 mm below the 发文字号; 信函格式: red
//     double rules 170 mm long from 20 mm, 4 mm below the mark and 20 mm above the page bottom;
//   - 22 × 28 grid: every 正文 line's baseline on one of the 22 line slots of the 版心 (pitch
//     225/22 mm), at most 22 lines a page, and the characters of lines of full-width characters
//     on the 28-character grid (pitch 156/28 mm from the 版心's left edge);
//   - 页码: 4号 (14 pt) in the 宋体 face, "— N —", the dash's centre 7 mm below the 版心, odd
//     pages one character in from the right, even pages one character in from the left, no
//     number on page 1 of a 信函.

const (
	top, left, right, bottom = 37.0, 28.0, 184.0, 262.0 // the 版心, mm (5.2.1)
	linePitch                = 225.0 / 22
	charPitch                = 156.0 / 28
)

var red = "230 0 18"

type xText struct {
	ID       uint32 `xml:"ID,attr"`
	Boundary string `xml:"Boundary,attr"`
	Font     string `xml:"Font,attr"`
	Size     float64
	SizeAttr string `xml:"Size,attr"`
	Fill     struct {
		Value string `xml:"Value,attr"`
	} `xml:"FillColor"`
	Codes []struct {
		X      float64 `xml:"X,attr"`
		Y      float64 `xml:"Y,attr"`
		DeltaX string  `xml:"DeltaX,attr"`
		Text   string  `xml:",chardata"`
	} `xml:"TextCode"`
}

type xPath struct {
	ID        uint32  `xml:"ID,attr"`
	Boundary  string  `xml:"Boundary,attr"`
	LineWidth float64 `xml:"LineWidth,attr"`
	Stroke    struct {
		Value string `xml:"Value,attr"`
	} `xml:"StrokeColor"`
	Data string `xml:"AbbreviatedData"`
}

type xContent struct {
	Layers []struct {
		Texts []xText `xml:"TextObject"`
		Paths []xPath `xml:"PathObject"`
	} `xml:"Content>Layer"`
}

// glyph is one character as the OFD places it: origin (x, baseline), size, font, colour.
type glyph struct {
	r          rune
	x, y, size float64
	font       string
	color      string
	obj        uint32
}

// line is a TextObject's characters.
type line struct {
	obj    uint32
	glyphs []glyph
}

type rule struct {
	x0, y0, x1, y1, width float64
	color                 string
}

type parsedOFD struct {
	pages    []parsedPage
	pageIdx  map[uint32]int
	tags     map[string][]uint32 // element -> object IDs
	fonts    map[string]*sfnt.Font
	families map[string]string
}

type parsedPage struct {
	lines []line
	rules map[uint32]rule
	objs  map[uint32]*line
}

func floats(t *testing.T, s string) []float64 {
	t.Helper()
	var out []float64
	for _, f := range strings.Fields(s) {
		v, err := strconv.ParseFloat(f, 64)
		if err != nil {
			t.Fatalf("number %q: %v", f, err)
		}
		out = append(out, v)
	}
	return out
}

func parseOFD(t *testing.T, parts map[string][]byte) *parsedOFD {
	t.Helper()
	p := &parsedOFD{pageIdx: map[uint32]int{}, tags: map[string][]uint32{}, fonts: map[string]*sfnt.Font{}, families: map[string]string{}}
	var doc struct {
		Pages []struct {
			ID      uint32 `xml:"ID,attr"`
			BaseLoc string `xml:"BaseLoc,attr"`
		} `xml:"Pages>Page"`
	}
	if err := xml.Unmarshal(parts["Doc_0/Document.xml"], &doc); err != nil {
		t.Fatal(err)
	}
	var res struct {
		BaseLoc string `xml:"BaseLoc,attr"`
		Fonts   []struct {
			ID     string `xml:"ID,attr"`
			Family string `xml:"FamilyName,attr"`
			File   string `xml:"FontFile"`
		} `xml:"Fonts>Font"`
	}
	if err := xml.Unmarshal(parts["Doc_0/PublicRes.xml"], &res); err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Fonts {
		data := parts["Doc_0/"+res.BaseLoc+"/"+f.File]
		sf, err := sfnt.Parse(data)
		if err != nil {
			t.Fatalf("embedded font %s (%s): %v", f.ID, f.File, err)
		}
		p.fonts[f.ID], p.families[f.ID] = sf, f.Family
	}
	for i, pg := range doc.Pages {
		p.pageIdx[pg.ID] = i
		var c xContent
		if err := xml.Unmarshal(parts["Doc_0/"+pg.BaseLoc], &c); err != nil {
			t.Fatalf("page %d: %v", i+1, err)
		}
		pp := parsedPage{rules: map[uint32]rule{}, objs: map[uint32]*line{}}
		for _, l := range c.Layers {
			for _, tx := range l.Texts {
				b := floats(t, tx.Boundary)
				size, _ := strconv.ParseFloat(tx.SizeAttr, 64)
				ln := line{obj: tx.ID}
				for _, code := range tx.Codes {
					d := floats(t, code.DeltaX)
					x := b[0] + code.X
					for k, r := range []rune(code.Text) {
						if k > 0 {
							x += d[k-1]
						}
						ln.glyphs = append(ln.glyphs, glyph{r: r, x: x, y: b[1] + code.Y, size: size, font: tx.Font, color: tx.Fill.Value, obj: tx.ID})
					}
				}
				pp.lines = append(pp.lines, ln)
			}
			for _, ph := range l.Paths {
				b := floats(t, ph.Boundary)
				f := strings.Fields(ph.Data)
				if len(f) == 6 && f[0] == "M" && f[3] == "L" {
					v := floats(t, strings.Join([]string{f[1], f[2], f[4], f[5]}, " "))
					pp.rules[ph.ID] = rule{b[0] + v[0], b[1] + v[1], b[0] + v[2], b[1] + v[3], ph.LineWidth, ph.Stroke.Value}
				}
			}
		}
		for k := range pp.lines {
			pp.objs[pp.lines[k].obj] = &pp.lines[k]
		}
		p.pages = append(p.pages, pp)
	}
	// The custom tags: element name -> object IDs.
	dec := xml.NewDecoder(bytes.NewReader(parts["Doc_0/Tags/Tag_GongWen.xml"]))
	var stack []string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("tag file: %v", err)
		}
		switch v := tok.(type) {
		case xml.StartElement:
			stack = append(stack, v.Name.Local)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) >= 2 && stack[len(stack)-1] == "ObjectRef" {
				id, err := strconv.ParseUint(strings.TrimSpace(string(v)), 10, 32)
				if err != nil {
					t.Fatalf("tag file: ObjectRef %q", v)
				}
				e := stack[len(stack)-2]
				p.tags[e] = append(p.tags[e], uint32(id))
			}
		}
	}
	return p
}

// tagged returns the lines of an element on page i.
func (p *parsedOFD) tagged(i int, e layout.Element) []*line {
	var out []*line
	for _, id := range p.tags[string(e)] {
		if l, ok := p.pages[i].objs[id]; ok {
			out = append(out, l)
		}
	}
	return out
}

func (p *parsedOFD) taggedRules(i int, e layout.Element) []rule {
	var out []rule
	for _, id := range p.tags[string(e)] {
		if r, ok := p.pages[i].rules[id]; ok {
			out = append(out, r)
		}
	}
	return out
}

// ink returns the vertical ink extent (top, bottom, mm) and the advance (mm) of a glyph, read
// from the embedded font.
func (p *parsedOFD) ink(t *testing.T, g glyph) (top, bottom, adv float64) {
	t.Helper()
	f := p.fonts[g.font]
	if f == nil {
		t.Fatalf("no embedded font %s", g.font)
	}
	var buf sfnt.Buffer
	gi, err := f.GlyphIndex(&buf, g.r)
	if err != nil || gi == 0 {
		t.Fatalf("embedded font %s has no glyph for %q", g.font, g.r)
	}
	upem := fixed.Int26_6(f.UnitsPerEm())
	b, a, err := f.GlyphBounds(&buf, gi, upem<<6, font.HintingNone)
	if err != nil {
		t.Fatal(err)
	}
	em := float64(upem << 6)
	return g.y + float64(b.Min.Y)/em*g.size, g.y + float64(b.Max.Y)/em*g.size, float64(a) / em * g.size
}

func near(got, want, tol float64) bool { return math.Abs(got-want) <= tol }

func TestGeometry(t *testing.T) {
	fullLines = 0
	defer func() {
		if fullLines == 0 && !t.Failed() {
			t.Error("no body line of 28 characters was checked against the character grid")
		}
	}()
	for _, name := range exampleNames(t) {
		t.Run(name, func(t *testing.T) {
			ex := exportExample(t, name)
			o := parseOFD(t, ex.parts)
			doc := ex.doc
			order := doc.Format != document.FormatLetter && (strings.HasSuffix(doc.MarkSuffix, "令"))
			letter := doc.Format == document.FormatLetter

			// 发文机关标志
			marks := o.tagged(0, layout.ElemMark)
			hasMark := false
			for _, tx := range ex.res.Pages[0].Texts {
				hasMark = hasMark || tx.Element == layout.ElemMark
			}
			switch {
			case len(marks) == 0 && hasMark:
				t.Fatal("page 1: the layout printed a 发文机关标志, the OFD's tags name none")
			case len(marks) == 0:
				t.Log("no 发文机关标志 (a 决议 or 公报 has no 版头)")
				checkGrid(t, o)
				checkPageNumbers(t, o, ex)
				return
			}
			inkTop, minX, maxX := math.Inf(1), math.Inf(1), math.Inf(-1)
			for _, l := range marks {
				for _, g := range l.glyphs {
					if g.color != red {
						t.Errorf("mark %q in %s, want red %s", g.r, g.color, red)
					}
					if g.size <= layout.Pt(16).Mm() {
						t.Errorf("mark %q at %.2f mm, want larger than 3号", g.r, g.size)
					}
					tp, _, adv := o.ink(t, g)
					inkTop = math.Min(inkTop, tp)
					minX, maxX = math.Min(minX, g.x), math.Max(maxX, g.x+adv)
				}
			}
			want, what := top+35, "35 mm below the 版心's top"
			switch {
			case letter:
				want, what = 30, "30 mm from the page top (信函)"
			case order:
				want, what = top+20, "20 mm below the 版心's top (命令)"
			}
			if !near(inkTop, want, 1) {
				t.Errorf("mark's top edge at %.2f mm, want %.0f (%s) ±1", inkTop, want, what)
			}
			if c := (minX + maxX) / 2; !near(c, (left+right)/2, 0.5) {
				t.Errorf("mark centred at %.2f mm, want %.0f ±0.5", c, (left+right)/2)
			}
			t.Logf("mark: top edge %.2f mm (want %.0f), centre %.2f mm", inkTop, want, (minX+maxX)/2)

			// 版头分隔线 and the 信函 double rules
			switch {
			case letter:
				rs := o.taggedRules(0, layout.ElemLetterRule)
				if len(rs) != 4 {
					t.Fatalf("信函: %d red double-rule lines, want 4", len(rs))
				}
				var topTop, lowBottom = math.Inf(1), math.Inf(-1)
				for _, r := range rs {
					if r.color != red || !near(r.x0, 20, 0.05) || !near(r.x1-r.x0, 170, 0.05) || r.y0 != r.y1 {
						t.Errorf("信函 rule %+v, want red, horizontal, 170 mm from 20 mm", r)
					}
					topTop = math.Min(topTop, r.y0-r.width/2)
					lowBottom = math.Max(lowBottom, r.y0+r.width/2)
				}
				markBottom := math.Inf(-1)
				for _, l := range marks {
					for _, g := range l.glyphs {
						_, b, _ := o.ink(t, g)
						markBottom = math.Max(markBottom, b)
					}
				}
				// 4 mm below the mark: the mark's em box (its baseline + 0.12 em) to the rule
				emBottom := marks[0].glyphs[0].y + 0.12*marks[0].glyphs[0].size
				if !near(topTop-emBottom, 4, 0.3) {
					t.Errorf("upper double rule %.2f mm below the mark's box, want 4", topTop-emBottom)
				}
				if !near(lowBottom, 297-20, 0.05) {
					t.Errorf("lower double rule ends at %.2f mm, want 277 (20 mm above the page bottom)", lowBottom)
				}
				t.Logf("信函 rules: upper %.2f mm below the mark's box (ink %.2f), lower ends at %.2f mm", topTop-emBottom, topTop-markBottom, lowBottom)
			case order:
				if rs := o.taggedRules(0, layout.ElemSeparator); len(rs) != 0 {
					t.Errorf("命令格式 with a separator rule")
				}
			default:
				rs := o.taggedRules(0, layout.ElemSeparator)
				if len(rs) != 1 {
					t.Fatalf("%d 版头分隔线, want 1", len(rs))
				}
				r := rs[0]
				if r.color != red || !near(r.x0, left, 0.01) || !near(r.x1, right, 0.01) || r.y0 != r.y1 {
					t.Errorf("separator %+v, want red, horizontal, from %.0f to %.0f mm", r, left, right)
				}
				nums := o.tagged(0, layout.ElemNumber)
				nums = append(nums, o.tagged(0, layout.ElemSigners)...)
				if len(nums) == 0 {
					t.Fatal("no 发文字号 tagged on page 1")
				}
				box := math.Inf(-1)
				for _, l := range nums {
					for _, g := range l.glyphs {
						box = math.Max(box, g.y+0.12*g.size) // the em box's bottom
					}
				}
				if gap := r.y0 - r.width/2 - box; !near(gap, 4, 0.3) {
					t.Errorf("separator %.2f mm below the 发文字号 line's box, want 4", gap)
				}
				t.Logf("separator: %.2f mm below the 发文字号, %.2f–%.2f mm, %.2f mm thick", r.y0-r.width/2-box, r.x0, r.x1, r.width)
			}

			checkGrid(t, o)
			checkPageNumbers(t, o, ex)
		})
	}
}

// fullLines counts, over all examples, the body lines of 28 full-width characters (or 26 after
// a two-character indent) found on the character grid.
var fullLines int

// checkGrid checks the 22 × 28 grid on the 正文: one baseline offset in the 22 line slots of
// the 版心 on every page, at most 22 lines a page, no line beyond the 版心's sides, and the lines
// that fill the 版心's width with full-width characters on the 28-character grid.
func checkGrid(t *testing.T, o *parsedOFD) {
	t.Helper()
	offsets := map[int]int{}
	full := 0
	maxOver := math.Inf(-1)
	for i := range o.pages {
		rows := map[float64]bool{}
		for _, l := range o.tagged(i, layout.ElemBody) {
			if len(l.glyphs) == 0 {
				continue
			}
			y := l.glyphs[0].y
			rows[math.Round(y*100)/100] = true
			slot := (y - top) / linePitch
			off := y - top - math.Floor(slot)*linePitch
			offsets[int(math.Round(off*100))]++
			if y < top || y > bottom {
				t.Errorf("page %d: body line at %.2f mm outside the 版心", i+1, y)
			}
			first, last := l.glyphs[0], l.glyphs[len(l.glyphs)-1]
			_, _, adv := o.ink(t, last)
			// The last character's em may reach past the 版心 by its overhang over the grid pitch
			// (0.07 mm at 3号) and, on lines with squeezed punctuation, a little more: the
			// yardstick (gbt9704_pdfcheck.py) allows 1.5 mm; this test 0.5 mm.
			maxOver = math.Max(maxOver, last.x+adv-right)
			if first.x < left-0.01 || last.x+adv > right+0.5 {
				t.Errorf("page %d: body line from %.3f to %.3f mm, beyond the 版心 (%.0f–%.0f); last %q", i+1, first.x, last.x+adv, left, right, last.r)
			}
			// Lines of full-width characters other than punctuation: the layout may squeeze
			// punctuation (标点挤压) and spread the rest, so lines with punctuation are held to
			// the 版心's sides only.
			fw := true
			for _, g := range l.glyphs {
				if g.r < 0x2E80 || g.size != first.size || (g.r >= 0x3000 && g.r <= 0x303F) || (g.r >= 0xFF00 && g.r <= 0xFF65) {
					fw = false
				}
			}
			k0 := (first.x - left) / charPitch
			if !fw || math.Abs(k0-math.Round(k0))*charPitch > 0.02 ||
				!near(first.x+float64(len(l.glyphs))*charPitch, right, 0.05) {
				continue // not a line that fills the width with full-width characters
			}
			full++
			for _, g := range l.glyphs {
				k := (g.x - left) / charPitch
				if d := (k - math.Round(k)) * charPitch; math.Abs(d) > 0.02 {
					t.Errorf("page %d: %q at x %.3f mm, off the 28-character grid by %.3f mm", i+1, g.r, g.x, d)
					break
				}
			}
		}
		if len(rows) > 22 {
			t.Errorf("page %d: %d body lines, more than 22", i+1, len(rows))
		}
	}
	if len(offsets) > 1 {
		t.Errorf("body baselines sit at %d different offsets in their line slots (1/100 mm: %v), want one", len(offsets), offsets)
	}
	for off := range offsets {
		t.Logf("grid: body baselines %.2f mm into their %.3f mm line slot; %d full lines of 28 characters without punctuation on the character grid; lines end at most %.3f mm past the 版心's right edge", float64(off)/100, linePitch, full, maxOver)
	}
	fullLines += full
}

// checkPageNumbers checks the place, size, face and text of every page number.
func checkPageNumbers(t *testing.T, o *parsedOFD, ex *example) {
	t.Helper()
	for i, pg := range ex.res.Pages {
		nums := o.tagged(i, layout.ElemPageNumber)
		if pg.Number == 0 {
			if len(nums) > 0 {
				t.Errorf("page %d: numbered, want none", i+1)
			}
			continue
		}
		if len(nums) != 1 {
			t.Errorf("page %d: %d page numbers, want 1", i+1, len(nums))
			continue
		}
		gs := nums[0].glyphs
		var s strings.Builder
		for _, g := range gs {
			s.WriteRune(g.r)
		}
		if got, want := strings.Join(strings.Fields(s.String()), " "), fmt.Sprintf("— %d —", pg.Number); got != want {
			t.Errorf("page %d: page number %q, want %q", i+1, got, want)
		}
		if !near(gs[0].size, layout.Pt(14).Mm(), 0.005) || o.families[gs[0].font] != "宋体" {
			t.Errorf("page %d: page number in %s at %.3f mm, want 宋体 4号 (4.939 mm)", i+1, o.families[gs[0].font], gs[0].size)
		}
		// The standard puts the 一字线 7 mm below the 版心 and gives no tolerance; the dash's ink
		// centre in the bundled 宋体 sits about 0.5 mm lower than the layout aims.
		tp, bt, _ := o.ink(t, gs[0])
		if c := (tp + bt) / 2; !near(c, bottom+7, 1) {
			t.Errorf("page %d: the dash's centre at %.2f mm, want %.0f (7 mm below the 版心) ±1", i+1, c, bottom+7)
		} else if i == 0 || i == 1 {
			t.Logf("page %d: page number's dash centre at %.2f mm (7 mm below the 版心: %.0f)", i+1, c, bottom+7)
		}
		last := gs[len(gs)-1]
		_, _, adv := o.ink(t, last)
		if pg.Number%2 == 1 {
			if r := last.x + adv; !near(r, right-charPitch, 0.1) {
				t.Errorf("page %d (odd): number ends at %.2f mm, want %.2f (one character in from the right)", i+1, r, right-charPitch)
			}
		} else if !near(gs[0].x, left+charPitch, 0.1) {
			t.Errorf("page %d (even): number starts at %.2f mm, want %.2f (one character in from the left)", i+1, gs[0].x, left+charPitch)
		}
	}
	if ex.doc.Format == document.FormatLetter && ex.res.Pages[0].Number != 0 {
		t.Errorf("信函: page 1 numbered")
	}
}
