package docx

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"gongwen/assets"
	"gongwen/internal/ttfsubset"
)

func TestObfuscate(t *testing.T) {
	data := make([]byte, 40)
	for i := range data {
		data[i] = byte(i)
	}
	// the GUID's hex pairs, last first, are the key: 5C EA 1D 63 32 6B 6B B7 E9 41 9F 95 91 94 E7 62
	const key = "{62E79491-959F-41E9-B76B-6B32631DEA5C}"
	got, err := obfuscate(data, key)
	if err != nil {
		t.Fatal(err)
	}
	want := []byte{0x5C, 0xEA, 0x1D, 0x63, 0x32, 0x6B, 0x6B, 0xB7, 0xE9, 0x41, 0x9F, 0x95, 0x91, 0x94, 0xE7, 0x62}
	for i := 0; i < 40; i++ {
		w := byte(i)
		if i < 32 {
			w ^= want[i%16]
		}
		if got[i] != w {
			t.Fatalf("byte %d: %#x, want %#x", i, got[i], w)
		}
	}
	back, _ := obfuscate(got, key)
	if !bytes.Equal(back, data) {
		t.Error("obfuscating twice does not give the font back")
	}
	if data[0] != 0 {
		t.Error("obfuscate wrote into its input")
	}
	for _, bad := range []string{"{62E79491}", "{62E79491-959F-41E9-B76B-6B32631DEA5G}"} {
		if _, err := obfuscate(data, bad); err == nil {
			t.Errorf("key %q accepted", bad)
		}
	}
	if k := fontKey(data); !regexp.MustCompile(`^\{[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}\}$`).MatchString(k) {
		t.Errorf("fontKey %q is not a GUID", k)
	}
}

// outline returns the segments of r's glyph in f, nil when f maps r to no glyph.
func outline(t *testing.T, f *sfnt.Font, r rune) []sfnt.Segment {
	t.Helper()
	var buf sfnt.Buffer
	g, err := f.GlyphIndex(&buf, r)
	if err != nil || g == 0 {
		return nil
	}
	segs, err := f.LoadGlyph(&buf, g, fixed.I(1000), nil)
	if err != nil {
		t.Fatalf("load glyph of %q: %v", r, err)
	}
	return append([]sfnt.Segment(nil), segs...)
}

func TestSubsetKeepsUsedGlyphs(t *testing.T) {
	for _, role := range []string{roleFang, roleXBS, roleHei, roleKai, roleSong} {
		data, err := assets.FontBytes(role)
		if err != nil {
			t.Fatal(err)
		}
		used := []rune("国办发〔2024〕12号关于做好春季农业生产工作的通知，。Ab")
		sub, err := subsetTTF(data, used)
		if err != nil {
			t.Fatalf("%s: %v", role, err)
		}
		if len(sub) > len(data)/4 {
			t.Errorf("%s: subset of %d bytes from %d", role, len(sub), len(data))
		}
		orig, _ := sfnt.Parse(data)
		f, err := sfnt.Parse(sub)
		if err != nil {
			t.Fatalf("%s: subset does not parse: %v", role, err)
		}
		if f.NumGlyphs() != orig.NumGlyphs() {
			t.Errorf("%s: %d glyphs, want the original's %d (ids kept)", role, f.NumGlyphs(), orig.NumGlyphs())
		}
		for _, r := range used {
			want := outline(t, orig, r)
			if got := outline(t, f, r); len(want) == 0 || len(got) != len(want) {
				t.Errorf("%s: %q has %d segments in the subset, %d in the font", role, r, len(got), len(want))
			}
			var b1, b2 sfnt.Buffer
			a1, _ := orig.GlyphAdvance(&b1, mustGlyph(orig, r), fixed.I(1000), 0)
			a2, _ := f.GlyphAdvance(&b2, mustGlyph(f, r), fixed.I(1000), 0)
			if a1 != a2 {
				t.Errorf("%s: advance of %q %v, want %v", role, r, a2, a1)
			}
		}
		for _, r := range "镇江市森林" {
			if outline(t, f, r) != nil {
				t.Errorf("%s: the subset maps %q, which the document does not use", role, r)
			}
		}
		if _, _, err := embedPermission(sub); err != nil {
			t.Errorf("%s: subset's tables: %v", role, err)
		}
	}
}

func mustGlyph(f *sfnt.Font, r rune) sfnt.GlyphIndex {
	var b sfnt.Buffer
	g, _ := f.GlyphIndex(&b, r)
	return g
}

func TestEmbedPermission(t *testing.T) {
	data, _ := assets.FontBytes(roleFang)
	tabs, _ := ttfsubset.Tables(data)
	for _, tt := range []struct {
		fsType        uint16
		embed, subset bool
	}{{0, true, true}, {0x0008, true, true}, {0x0002, false, false}, {0x0104, true, false}, {0x0200, false, false}} {
		os2 := append([]byte(nil), tabs["OS/2"]...)
		os2[8], os2[9] = byte(tt.fsType>>8), byte(tt.fsType)
		m := map[string][]byte{}
		for k, v := range tabs {
			m[k] = v
		}
		m["OS/2"] = os2
		e, s, err := embedPermission(ttfsubset.Write(m))
		if err != nil || e != tt.embed || s != tt.subset {
			t.Errorf("fsType %#x: embed %v subset %v (%v), want %v %v", tt.fsType, e, s, err, tt.embed, tt.subset)
		}
	}
}

// unzip returns the parts of a .docx.
func unzip(t *testing.T, b []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		out[f.Name], _ = io.ReadAll(rc)
		rc.Close()
	}
	return out
}

// TestEmbeddedFontParts: with the bundled set, the font table names an obfuscated subset for
// every face the document uses (Noto Serif SC: regular for the page numbers, bold for the
// mark and title), the parts are related and typed, and each deobfuscated part is a font
// that draws every character written in its face; NoEmbed and the other sets embed nothing.
func TestEmbeddedFontParts(t *testing.T) {
	doc := sampleDocs()["tongzhi"]
	var buf bytes.Buffer
	if err := Write(&buf, doc, Options{Fonts: "bundled", SubsetFonts: true}); err != nil {
		t.Fatal(err)
	}
	ps := unzip(t, buf.Bytes())
	ft := parse(t, "fontTable", string(ps["word/fontTable.xml"]))
	rels := string(ps["word/_rels/fontTable.xml.rels"])
	if !strings.Contains(string(ps["[Content_Types].xml"]), `Extension="odttf" ContentType="application/vnd.openxmlformats-officedocument.obfuscatedFont"`) {
		t.Error("no content type for .odttf")
	}
	if !strings.Contains(string(ps["word/settings.xml"]), `<w:embedTrueTypeFonts/><w:saveSubsetFonts/>`) {
		t.Error("settings do not ask to keep the embedded fonts")
	}
	kinds := map[string]bool{}
	faces := map[string]*sfnt.Font{} // family + " bold" or " regular"
	for _, f := range ft.all("font") {
		for _, el := range []string{"embedRegular", "embedBold"} {
			e, ok := f.child(el)
			if !ok {
				continue
			}
			kinds[f.attr("name")+" "+el] = true
			m := regexp.MustCompile(`Id="` + e.attr("id") + `" Type="[^"]*/font" Target="([^"]+)"`).FindStringSubmatch(rels)
			if m == nil {
				t.Errorf("%s %s: relationship %s missing", f.attr("name"), el, e.attr("id"))
				continue
			}
			data, err := obfuscate(ps["word/"+m[1]], e.attr("fontKey"))
			if err != nil {
				t.Fatal(err)
			}
			font, err := sfnt.Parse(data)
			if err != nil {
				t.Errorf("%s: part %s does not deobfuscate to a font: %v", f.attr("name"), m[1], err)
				continue
			}
			fam, _ := font.Name(nil, sfnt.NameIDFamily)
			if fam != f.attr("name") {
				t.Errorf("part %s is family %q, named %q", m[1], fam, f.attr("name"))
			}
			if e.attr("subsetted") != "1" {
				t.Errorf("%s: not marked subsetted", m[1])
			}
			faces[f.attr("name")+map[bool]string{false: " regular", true: " bold"}[el == "embedBold"]] = font
		}
	}
	for _, want := range []string{"FandolFang R embedRegular", "Noto Serif CJK SC embedBold", "Noto Serif CJK SC embedRegular",
		"Noto Sans CJK SC Medium embedRegular", "WenKai GB Light embedRegular"} {
		if !kinds[want] {
			t.Errorf("font table lacks %s (has %v)", want, kinds)
		}
	}
	// every character of every run is drawn by the embedded face the run names
	for _, pn := range []string{"word/document.xml", "word/footer1.xml"} {
		chars := 0
		for _, r := range parse(t, pn, string(ps[pn])).all("r") {
			rpr, _ := r.child("rPr")
			rf, _ := rpr.child("rFonts")
			_, bold := rpr.child("b")
			key := rf.attr("eastAsia") + map[bool]string{false: " regular", true: " bold"}[bold]
			font := faces[key]
			for _, c := range r.Nodes {
				if c.XMLName.Local != "t" {
					continue
				}
				for _, ch := range c.Text {
					chars++
					if font == nil {
						t.Fatalf("%s: run in %s, which is not embedded", pn, key)
					}
					if outline(t, font, ch) == nil && ch != ' ' && ch != '\u3000' {
						t.Errorf("%s: the embedded %s does not draw %q", pn, key, ch)
					}
				}
			}
		}
		if chars == 0 {
			t.Errorf("%s: %d characters checked", pn, chars)
		}
	}
	// by default the faces are embedded whole
	buf.Reset()
	if err := Write(&buf, doc, Options{Fonts: "bundled"}); err != nil {
		t.Fatal(err)
	}
	ps = unzip(t, buf.Bytes())
	whole := parse(t, "fontTable", string(ps["word/fontTable.xml"]))
	n := 0
	for _, f := range whole.all("font") {
		if f.attr("name") != "FandolFang R" {
			continue
		}
		e, ok := f.child("embedRegular")
		if !ok || e.attr("subsetted") != "" {
			t.Fatalf("FandolFang R: embedRegular %v, subsetted %q", ok, e.attr("subsetted"))
		}
		data, _ := obfuscate(ps["word/fonts/font1.odttf"], e.attr("fontKey"))
		orig, _ := assets.FontBytes(roleFang)
		if !bytes.Equal(data, orig) {
			t.Error("the default embedding of FandolFang is not the whole face")
		}
		n++
	}
	if n != 1 {
		t.Errorf("%d FandolFang entries", n)
	}
	for _, o := range []Options{{Fonts: "bundled", NoEmbed: true}, {Fonts: "standard"}} {
		buf.Reset()
		if err := Write(&buf, doc, o); err != nil {
			t.Fatal(err)
		}
		for n := range unzip(t, buf.Bytes()) {
			if strings.HasSuffix(n, ".odttf") || strings.Contains(n, "fontTable.xml.rels") {
				t.Errorf("%+v: part %s written", o, n)
			}
		}
	}
}
