package ofd

import (
	"bytes"
	"encoding/xml"
	"errors"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"gongwen/document"
	"gongwen/export/internal/pagetest"
	"gongwen/layout"
)

// TestPositionsMatchLayout reads every TextObject of every exported example back and checks
// that each character sits exactly where the layout put it (layout.Text.X and Y, to the
// micrometre), in its colour and size, and that the page's text is all there, in order.
func TestPositionsMatchLayout(t *testing.T) {
	for _, name := range exampleNames(t) {
		t.Run(name, func(t *testing.T) {
			ex := exportExample(t, name)
			o := parseOFD(t, ex.parts)
			for i, pg := range ex.res.Pages {
				type pos struct {
					r     rune
					x, y  int64 // micrometres
					size  int64
					color string
				}
				var want, got []pos
				for _, tx := range pg.Texts {
					for k, r := range []rune(tx.S) {
						if r == ' ' {
							continue
						}
						want = append(want, pos{r, int64(tx.X[k]), int64(tx.Y), int64(tx.Size), rgb(tx.Color)})
					}
				}
				for _, l := range o.pages[i].lines {
					for _, g := range l.glyphs {
						if g.r == ' ' {
							continue
						}
						um := func(v float64) int64 { return int64(v*1000 + 0.5*sign(v)) }
						got = append(got, pos{g.r, um(g.x), um(g.y), um(g.size), g.color})
					}
				}
				if len(got) != len(want) {
					t.Fatalf("page %d: %d characters in the OFD, %d in the layout", i+1, len(got), len(want))
				}
				for k := range want {
					if got[k] != want[k] {
						t.Errorf("page %d, character %d: OFD %+v, layout %+v", i+1, k, got[k], want[k])
						break
					}
				}
			}
		})
	}
}

func sign(v float64) float64 {
	if v < 0 {
		return -1
	}
	return 1
}

// TestSubset subsets each bundled face to a few characters and checks that the subset maps
// exactly those characters, to the same outlines and advances, and drops the rest.
func TestSubset(t *testing.T) {
	fs := layout.DefaultFonts()
	cases := []struct {
		id    layout.FontID
		runes string
	}{
		{"fangsong", "关于做好春季森林防火工作的通知，。2024〔〕号A"},
		{"xiaobiaosong", "某某市人民政府办公室文件"},
		{"hei", "一、加急"},
		{"kai", "（一）张三"},
		{"song", "— 1234567890 —"},
		{layout.GBKExtra, "镕堃喆"},
	}
	for _, c := range cases {
		t.Run(string(c.id), func(t *testing.T) {
			f, err := fs.Face(c.id)
			if err != nil {
				t.Fatal(err)
			}
			runes := []rune(c.runes)
			data, err := subsetTrueType(f.Bytes(), runes, func(r rune) uint16 { return uint16(f.GlyphIndex(r)) })
			if err != nil {
				t.Fatal(err)
			}
			if len(data) >= f.Len()/10 {
				t.Errorf("subset of %d characters is %d bytes, the face %d", len(runes), len(data), f.Len())
			}
			sub, err := sfnt.Parse(data)
			if err != nil {
				t.Fatalf("subset does not parse: %v", err)
			}
			distinct := map[sfnt.GlyphIndex]bool{0: true}
			var b1, b2 sfnt.Buffer
			ppem := fixed.Int26_6(f.SFNT().UnitsPerEm()) << 6
			for _, r := range runes {
				g0 := f.GlyphIndex(r)
				if g0 == 0 {
					continue
				}
				distinct[g0] = true
				g1, err := sub.GlyphIndex(&b2, r)
				if err != nil || g1 == 0 {
					t.Errorf("%q missing from the subset", r)
					continue
				}
				a0, _ := f.SFNT().GlyphAdvance(&b1, g0, ppem, font.HintingNone)
				a1, _ := sub.GlyphAdvance(&b2, g1, ppem, font.HintingNone)
				if a0 != a1 {
					t.Errorf("%q: advance %v, want %v", r, a1, a0)
				}
				s0, err0 := f.SFNT().LoadGlyph(&b1, g0, ppem, nil)
				s0 = append(sfnt.Segments(nil), s0...)
				s1, err1 := sub.LoadGlyph(&b2, g1, ppem, nil)
				if err0 != nil || err1 != nil || len(s0) != len(s1) {
					t.Errorf("%q: outline differs (%d/%d segments, %v %v)", r, len(s1), len(s0), err1, err0)
					continue
				}
				for k := range s0 {
					if s0[k] != s1[k] {
						t.Errorf("%q: segment %d is %v, want %v", r, k, s1[k], s0[k])
						break
					}
				}
			}
			if n := sub.NumGlyphs(); n != len(distinct) {
				t.Errorf("subset has %d glyphs, want %d (.notdef and one a character)", n, len(distinct))
			}
			if g, _ := sub.GlyphIndex(&b2, '的'); g != 0 && !strings.ContainsRune(c.runes, '的') {
				t.Errorf("subset maps 的, which was not asked for")
			}
		})
	}
	// What the subsetter cannot read is an error (the writer then embeds the whole face).
	for _, bad := range [][]byte{[]byte("OTTO\x00\x00\x00\x00\x00\x00\x00\x00"), []byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x00"), nil} {
		if _, err := subsetTrueType(bad, []rune("文"), func(rune) uint16 { return 1 }); err == nil {
			t.Errorf("subset of %q: no error", bad)
		}
	}
}

// TestWrite writes the hand-built sample pages and checks the package: document information,
// colours, the seal image as a MultiMedia resource, the dashed placeholder circle, the fallback
// face, unique IDs up to MaxUnitID, and custom tags that point at objects of their pages.
func TestWrite(t *testing.T) {
	fs := layout.DefaultFonts()
	pages := pagetest.Pages(t, fs)
	pages = append(pages, layout.Page{Blank: true})
	var b bytes.Buffer
	date := time.Date(2024, 3, 8, 10, 0, 0, 0, time.UTC)
	meta := Meta{Title: "关于镕堃同志任职的请示", Author: "某某市人民政府", Date: date,
		Data: []Datum{{"发文字号", "某政〔2024〕5号"}, {"成文日期", "2024年3月8日"}}}
	if err := Write(&b, pages, fs, meta); err != nil {
		t.Fatal(err)
	}
	parts := unzipParts(t, b.Bytes())
	o := string(parts["OFD.xml"])
	for _, want := range []string{
		"<ofd:Title>关于镕堃同志任职的请示</ofd:Title>", "<ofd:Author>某某市人民政府</ofd:Author>",
		"<ofd:CreationDate>2024-03-08</ofd:CreationDate>", "<ofd:Creator>Gongwen</ofd:Creator>",
		`<ofd:CustomData Name="发文字号">某政〔2024〕5号</ofd:CustomData>`, `<ofd:CustomData Name="成文日期">2024年3月8日</ofd:CustomData>`,
		"<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>",
	} {
		if !strings.Contains(o, want) {
			t.Errorf("OFD.xml lacks %s", want)
		}
	}
	// the same pages give the same package
	var b2 bytes.Buffer
	if err := Write(&b2, pages, fs, meta); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), b2.Bytes()) {
		t.Error("two writes of the same pages differ")
	}

	p := parseOFD(t, parts)
	if len(p.pages) != len(pages) {
		t.Fatalf("%d pages, want %d", len(p.pages), len(pages))
	}
	// red mark, red separator, black title with the fallback face for 镕堃
	for _, l := range p.tagged(0, layout.ElemMark) {
		for _, g := range l.glyphs {
			if g.color != red {
				t.Errorf("mark %q in %s", g.r, g.color)
			}
		}
	}
	if rs := p.taggedRules(0, layout.ElemSeparator); len(rs) != 1 || rs[0].color != red {
		t.Errorf("separator %+v, want one red rule", rs)
	}
	fonts := map[string]bool{}
	for _, l := range p.tagged(0, layout.ElemTitle) {
		for _, g := range l.glyphs {
			fonts[g.font] = true
			if g.color != "0 0 0" {
				t.Errorf("title %q in %s", g.r, g.color)
			}
		}
	}
	if len(fonts) != 2 {
		t.Errorf("title in %d faces, want 2 (小标宋 and the GBK fallback for 镕堃)", len(fonts))
	}
	for id, fam := range p.families {
		if fam == "" {
			t.Errorf("font %s has no FamilyName", id)
		}
	}
	pr := string(parts["Doc_0/PublicRes.xml"])
	for _, fam := range []string{`FamilyName="仿宋"`, `FamilyName="方正小标宋简体"`, `FamilyName="黑体"`, `FamilyName="楷体"`, `FamilyName="宋体"`, `FontName="FandolFang-Regular"`} {
		if !strings.Contains(pr, fam) {
			t.Errorf("PublicRes.xml lacks %s", fam)
		}
	}

	// the seal: a MultiMedia resource with the image's own bytes, placed by an ImageObject
	page2 := string(parts["Doc_0/Pages/Page_1/Content.xml"])
	var seal layout.Image
	for _, im := range pages[1].Images {
		seal = im
	}
	m := regexp.MustCompile(`<ofd:ImageObject ID="\d+" Boundary="([^"]+)" CTM="([^"]+)" ResourceID="(\d+)"/>`).FindStringSubmatch(page2)
	if m == nil {
		t.Fatal("page 2: no ImageObject")
	}
	if want := num(seal.X) + " " + num(seal.Y) + " " + num(seal.W) + " " + num(seal.H); m[1] != want {
		t.Errorf("seal boundary %s, want %s", m[1], want)
	}
	if want := num(seal.W) + " 0 0 " + num(seal.H) + " 0 0"; m[2] != want {
		t.Errorf("seal CTM %s, want %s", m[2], want)
	}
	var dr struct {
		Media []struct {
			ID     string `xml:"ID,attr"`
			Type   string `xml:"Type,attr"`
			Format string `xml:"Format,attr"`
			File   string `xml:"MediaFile"`
		} `xml:"MultiMedias>MultiMedia"`
	}
	if err := xml.Unmarshal(parts["Doc_0/DocumentRes.xml"], &dr); err != nil {
		t.Fatal(err)
	}
	if len(dr.Media) != 1 || dr.Media[0].ID != m[3] || dr.Media[0].Type != "Image" || dr.Media[0].Format != "PNG" {
		t.Fatalf("MultiMedias %+v, want the seal as PNG resource %s", dr.Media, m[3])
	}
	if !bytes.Equal(parts["Doc_0/Res/"+dr.Media[0].File], seal.Data) {
		t.Error("the seal's MediaFile is not the seal image")
	}
	// the placeholder circle: red, dashed 4 pt on 3 pt off
	if !strings.Contains(page2, `DashPattern="1.411 1.058"`) || !strings.Contains(page2, `<ofd:StrokeColor Value="230 0 18"/><ofd:AbbreviatedData>M `) {
		t.Errorf("page 2: no red dashed circle:\n%s", page2)
	}
	// the blank page: an empty layer
	if last := string(parts["Doc_0/Pages/Page_2/Content.xml"]); strings.Contains(last, "Object") {
		t.Errorf("blank page has objects:\n%s", last)
	}

	// IDs: unique, MaxUnitID the largest; tags point at objects of the pages they name
	ids := map[int]bool{}
	maxID := 0
	for name, data := range parts {
		if !strings.HasSuffix(name, ".xml") || strings.Contains(name, "Tags/") {
			continue
		}
		for _, mm := range regexp.MustCompile(` ID="(\d+)"`).FindAllStringSubmatch(string(data), -1) {
			id, _ := strconv.Atoi(mm[1])
			if ids[id] && !strings.HasSuffix(name, "Document.xml") {
				t.Errorf("ID %d used twice (%s)", id, name)
			}
			ids[id] = true
			maxID = max(maxID, id)
		}
	}
	if !strings.Contains(string(parts["Doc_0/Document.xml"]), "<ofd:MaxUnitID>"+strconv.Itoa(maxID)+"</ofd:MaxUnitID>") {
		t.Errorf("MaxUnitID is not the largest ID %d", maxID)
	}
	refs := regexp.MustCompile(`<gw:ObjectRef PageRef="(\d+)">(\d+)</gw:ObjectRef>`).FindAllStringSubmatch(string(parts["Doc_0/Tags/Tag_GongWen.xml"]), -1)
	if len(refs) == 0 {
		t.Fatal("no ObjectRef in the tag file")
	}
	for _, r := range refs {
		pid, _ := strconv.Atoi(r[1])
		i, ok := p.pageIdx[uint32(pid)]
		if !ok {
			t.Errorf("ObjectRef to page %s, which is no page", r[1])
			continue
		}
		if !regexp.MustCompile(`ID="` + r[2] + `"`).Match(parts["Doc_0/Pages/Page_"+strconv.Itoa(i)+"/Content.xml"]) {
			t.Errorf("ObjectRef %s on page %s: no such object there", r[2], r[1])
		}
	}
}

func TestWriteErrors(t *testing.T) {
	fs := layout.DefaultFonts()
	if err := Write(&bytes.Buffer{}, nil, fs, Meta{}); err == nil {
		t.Error("no pages: no error")
	}
	cases := []struct {
		name string
		data []byte
	}{
		{"gif", []byte("GIF89a\x01\x00\x01\x00\x00\x00\x00;")},
		{"huge", pagetest.PNGWithSize(pagetest.BlankPNG(t, 2, 2), 100000, 100000)},
		{"garbage", []byte("not an image")},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pg := layout.Page{Images: []layout.Image{{Element: layout.ElemSeal, W: layout.Mm(40), H: layout.Mm(40), Data: c.data}}}
			err := Write(&bytes.Buffer{}, []layout.Page{pg}, fs, Meta{})
			if err == nil {
				t.Fatal("no error")
			}
			if c.name == "huge" && !errors.Is(err, ErrImageFormat) {
				t.Errorf("error %v, want ErrImageFormat", err)
			}
		})
	}
}

func TestMetaOf(t *testing.T) {
	doc := &document.Document{
		Issuers: []document.Issuer{{Name: "某某市人民政府"}, {Name: "某某市财政局"}},
		Number:  "某政发〔2024〕5号", Title: "关于某某的\n通知", Date: "2024年3月8日", Urgency: "特急",
	}
	m := MetaOf(doc)
	if m.Title != "关于某某的通知" || m.Author != "某某市人民政府、某某市财政局" {
		t.Errorf("title %q author %q", m.Title, m.Author)
	}
	want := []Datum{{"发文字号", "某政发〔2024〕5号"}, {"标题", "关于某某的通知"}, {"发文机关", "某某市人民政府、某某市财政局"}, {"成文日期", "2024年3月8日"}, {"紧急程度", "特急"}}
	if len(m.Data) != len(want) {
		t.Fatalf("data %v, want %v", m.Data, want)
	}
	for i := range want {
		if m.Data[i] != want[i] {
			t.Errorf("datum %d: %v, want %v", i, m.Data[i], want[i])
		}
	}
}

func TestXMLName(t *testing.T) {
	for _, c := range []struct {
		s  string
		ok bool
	}{
		{"发文机关标志", true}, {"印发机关和印发日期", true}, {"a1", true}, {"", false}, {"1a", false}, {"a b", false}, {"a<b", false}, {"-a", false},
	} {
		if got := xmlName(c.s); got != c.ok {
			t.Errorf("xmlName(%q) = %v, want %v", c.s, got, c.ok)
		}
	}
}
