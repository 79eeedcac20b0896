package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gongwen/document"
)

// parts writes doc and returns the package's parts by name.
func parts(t testing.TB, doc *document.Document, opts Options) map[string]string {
	t.Helper()
	var buf bytes.Buffer
	if opts.Modified.IsZero() {
		opts.Modified = time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	}
	if err := Write(&buf, doc, opts); err != nil {
		t.Fatalf("Write: %v", err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	out := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		out[f.Name] = string(b)
	}
	return out
}

// node is a generic parsed XML element.
type node struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Nodes   []node     `xml:",any"`
	Text    string     `xml:",chardata"`
}

// parse reads a part as Word and WPS do: Markup Compatibility alternate content resolved
// to the Choice they take (they know w15).
func parse(t testing.TB, name, s string) node {
	return parseFor(t, name, s, wordKnows)
}

// parseLO reads a part as LibreOffice's importer does (it takes a Choice only for these).
func parseLO(t testing.TB, name, s string) node {
	return parseFor(t, name, s, loKnows)
}

var (
	wordKnows = map[string]bool{"w14": true, "w15": true, "wps": true, "wpg": true, "wpc": true}
	loKnows   = map[string]bool{"w14": true, "wps": true, "wpg": true, "wpc": true}
)

func parseFor(t testing.TB, name, s string, knows map[string]bool) node {
	t.Helper()
	var n node
	if err := xml.Unmarshal([]byte(s), &n); err != nil {
		t.Fatalf("%s is not well-formed XML: %v", name, err)
	}
	return n.resolve(t, knows)
}

const nsMC = "http://schemas.openxmlformats.org/markup-compatibility/2006"

// resolve replaces every mc:AlternateContent by the content of the first Choice whose
// Requires prefixes are all known, else of the Fallback.
func (n node) resolve(t testing.TB, knows map[string]bool) node {
	var kids []node
	for _, c := range n.Nodes {
		if c.XMLName.Space != nsMC {
			kids = append(kids, c.resolve(t, knows))
			continue
		}
		if c.XMLName.Local != "AlternateContent" {
			t.Fatalf("mc:%s outside mc:AlternateContent", c.XMLName.Local)
		}
		var taken *node
		for i, alt := range c.Nodes {
			if alt.XMLName.Local == "Choice" {
				ok := alt.attr("Requires") != ""
				for _, p := range strings.Fields(alt.attr("Requires")) {
					ok = ok && knows[p]
				}
				if ok {
					taken = &c.Nodes[i]
					break
				}
			} else if alt.XMLName.Local == "Fallback" {
				taken = &c.Nodes[i]
			}
		}
		if taken != nil {
			for _, k := range taken.Nodes {
				kids = append(kids, k.resolve(t, knows))
			}
		}
	}
	n.Nodes = kids
	return n
}

func (n node) attr(local string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// all returns every descendant (and n itself) with the local name.
func (n node) all(local string) []node {
	var out []node
	if n.XMLName.Local == local {
		out = append(out, n)
	}
	for _, c := range n.Nodes {
		out = append(out, c.all(local)...)
	}
	return out
}

func (n node) child(local string) (node, bool) {
	for _, c := range n.Nodes {
		if c.XMLName.Local == local {
			return c, true
		}
	}
	return node{}, false
}

// text is the concatenated w:t text of n.
func (n node) text() string {
	var s strings.Builder
	for _, t := range n.all("t") {
		s.WriteString(t.Text)
	}
	return s.String()
}

func TestPartsWellFormed(t *testing.T) {
	for name, doc := range sampleDocs() {
		for _, fonts := range []string{"standard", "windows", "mac", "bundled"} {
			ps := parts(t, doc, Options{Fonts: fonts})
			for _, need := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/settings.xml", "word/_rels/document.xml.rels", "docProps/core.xml", "docProps/app.xml"} {
				if _, ok := ps[need]; !ok {
					t.Errorf("%s/%s: part %s missing", name, fonts, need)
				}
			}
			for pn, s := range ps {
				if strings.HasSuffix(pn, ".xml") || strings.HasSuffix(pn, ".rels") {
					parse(t, name+"/"+pn, s)
				}
			}
		}
	}
}

func TestSectionProperties(t *testing.T) {
	tests := []struct {
		name    string
		doc     string
		titlePg bool
	}{
		{"file format", "tongzhi", false},
		{"up", "qingshi", false},
		{"letter: no number on page 1", "han", true},
		{"order", "ling", false},
		{"minutes", "jiyao", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ps := parts(t, sampleDocs()[tc.doc], Options{})
			doc := parse(t, "document.xml", ps["word/document.xml"])
			sects := doc.all("sectPr")
			if len(sects) != 1 && len(sects) != 2 {
				t.Fatalf("%d sectPr, want 1 (or 2 with the 版记 alone)", len(sects))
			}
			s := sects[0]
			sz, _ := s.child("pgSz")
			if sz.attr("w") != "11906" || sz.attr("h") != "16838" {
				t.Errorf("pgSz %s×%s, want 11906×16838 (A4)", sz.attr("w"), sz.attr("h"))
			}
			mar, _ := s.child("pgMar")
			want := map[string]string{"top": "2098", "bottom": "1984", "left": "1588", "right": "1474", "footer": "1395", "gutter": "0"}
			for k, v := range want {
				if mar.attr(k) != v {
					t.Errorf("pgMar %s = %q, want %s", k, mar.attr(k), v)
				}
			}
			refs := map[string]bool{}
			for _, r := range s.all("footerReference") {
				refs[r.attr("type")] = true
			}
			if !refs["default"] || !refs["even"] {
				t.Errorf("footer references %v, want default (odd) and even", refs)
			}
			_, titlePg := s.child("titlePg")
			if titlePg != tc.titlePg {
				t.Errorf("titlePg %v, want %v", titlePg, tc.titlePg)
			}
			if tc.titlePg && !refs["first"] {
				t.Error("titlePg without a first-page footer: Word would repeat the odd footer")
			}
			if len(doc.all("docGrid")) > 0 {
				t.Error("w:docGrid present: the 28-character line comes from character spacing, not a Word-only grid")
			}
			set := parse(t, "settings.xml", ps["word/settings.xml"])
			if len(set.all("evenAndOddHeaders")) != 1 {
				t.Error("settings lack w:evenAndOddHeaders")
			}
		})
	}
}

func TestNoThemeFontsAndExplicitFonts(t *testing.T) {
	for name, doc := range sampleDocs() {
		for _, fonts := range []string{"standard", "windows", "mac", "bundled"} {
			ps := parts(t, doc, Options{Fonts: fonts})
			for pn := range ps {
				if strings.Contains(pn, "theme") {
					t.Errorf("%s/%s: theme part %s", name, fonts, pn)
				}
			}
			for pn, s := range ps {
				if !strings.HasSuffix(pn, ".xml") {
					continue
				}
				if strings.Contains(strings.ToLower(s), "theme") {
					t.Errorf("%s/%s: %s mentions a theme (theme font attributes are not allowed)", name, fonts, pn)
				}
				root := parse(t, pn, s)
				for _, rf := range root.all("rFonts") {
					for _, a := range []string{"ascii", "hAnsi", "eastAsia", "cs"} {
						if rf.attr(a) == "" {
							t.Errorf("%s/%s: %s: w:rFonts without w:%s", name, fonts, pn, a)
						}
					}
				}
				// every run carries its own fonts
				for _, r := range root.all("r") {
					rpr, ok := r.child("rPr")
					if !ok {
						t.Errorf("%s/%s: %s: run without rPr", name, fonts, pn)
						continue
					}
					if _, ok := rpr.child("rFonts"); !ok {
						t.Errorf("%s/%s: %s: run without rFonts", name, fonts, pn)
					}
				}
			}
		}
	}
}

func TestFontSets(t *testing.T) {
	tests := []struct {
		set         string
		body, latin string
		mark, kai   string
		markBold    bool
	}{
		{"", "仿宋_GB2312", "仿宋_GB2312", "方正小标宋简体", "楷体_GB2312", false},
		{"standard", "仿宋_GB2312", "仿宋_GB2312", "方正小标宋简体", "楷体_GB2312", false},
		{"windows", "仿宋", "FangSong", "方正小标宋简体", "楷体", false},
		{"mac", "华文仿宋", "STFangsong", "华文中宋", "华文楷体", false},
		{"bundled", "FandolFang R", "FandolFang R", "Noto Serif CJK SC", "WenKai GB Light", true},
	}
	for _, tc := range tests {
		t.Run(tc.set, func(t *testing.T) {
			ps := parts(t, sampleDocs()["tongzhi"], Options{Fonts: tc.set})
			doc := parse(t, "document.xml", ps["word/document.xml"])
			var body, mark, kai bool
			for _, r := range doc.all("r") {
				rpr, _ := r.child("rPr")
				rf, _ := rpr.child("rFonts")
				txt := r.text()
				switch {
				case strings.HasPrefix(txt, "为深入贯彻"):
					body = rf.attr("eastAsia") == tc.body && rf.attr("ascii") == tc.latin
					if sp, ok := rpr.child("spacing"); !ok || sp.attr("val") != "-5" {
						t.Errorf("3号 body run without w:spacing -5 (−0.25 pt)")
					}
					if sz, _ := rpr.child("sz"); sz.attr("val") != "32" {
						t.Errorf("body size %s, want 32 half-points", sz.attr("val"))
					}
				case txt == "国务院办公厅文件":
					mark = rf.attr("eastAsia") == tc.mark
					if c, _ := rpr.child("color"); c.attr("val") != red {
						t.Errorf("mark colour %q, want red", c.attr("val"))
					}
					if _, b := rpr.child("b"); b != tc.markBold {
						t.Errorf("mark bold %v, want %v", b, tc.markBold)
					}
				case strings.HasPrefix(txt, "（一）稳定粮食播种面积。"):
					kai = rf.attr("eastAsia") == tc.kai
				}
			}
			if !body || !mark || !kai {
				t.Errorf("fonts not as the %q set names them: body %v mark %v kai %v", tc.set, body, mark, kai)
			}
		})
	}
	if err := Write(io.Discard, sampleDocs()["tongzhi"], Options{Fonts: "comic"}); err == nil {
		t.Error("unknown font set accepted")
	}
}

func TestStylesNamed(t *testing.T) {
	ps := parts(t, sampleDocs()["tongzhi"], Options{})
	st := parse(t, "styles.xml", ps["word/styles.xml"])
	names := map[string]string{}
	for _, s := range st.all("style") {
		n, _ := s.child("name")
		names[n.attr("val")] = s.attr("styleId")
	}
	for _, want := range []string{"发文机关标志", "发文字号", "标题", "主送机关", "正文", "一级标题", "二级标题", "三级标题", "四级标题",
		"附件说明", "署名", "成文日期", "附注", "附件标识", "附件标题", "抄送", "印发", "版记", "份号", "密级和保密期限", "紧急程度", "签发人", "页码"} {
		if names[want] == "" {
			t.Errorf("no paragraph style named %s", want)
		}
	}
	// the paragraphs use them
	doc := parse(t, "document.xml", ps["word/document.xml"])
	used := map[string]bool{}
	for _, p := range doc.all("pStyle") {
		used[p.attr("val")] = true
	}
	for _, n := range []string{"发文机关标志", "发文字号", "标题", "主送机关", "正文", "一级标题", "二级标题", "三级标题", "附件说明", "署名", "成文日期", "附注", "附件标识", "附件标题", "抄送", "印发"} {
		if !used[names[n]] {
			t.Errorf("style %s (%s) defined but no paragraph uses it", n, names[n])
		}
	}
}

func TestExactPitchEverywhere(t *testing.T) {
	ps := parts(t, sampleDocs()["tongzhi"], Options{})
	doc := parse(t, "document.xml", ps["word/document.xml"])
	for _, p := range doc.all("pPr") {
		sp, ok := p.child("spacing")
		if !ok {
			t.Fatal("paragraph without w:spacing")
		}
		if sp.attr("lineRule") != "exact" {
			t.Errorf("lineRule %q, want exact", sp.attr("lineRule"))
		}
	}
	// body paragraphs: 579 twips, two characters (630 twips) first-line indent, justified
	n := 0
	for _, p := range doc.all("p") {
		if strings.HasPrefix(p.text(), "春季是全年") {
			ppr, _ := p.child("pPr")
			sp, _ := ppr.child("spacing")
			ind, _ := ppr.child("ind")
			jc, _ := ppr.child("jc")
			if sp.attr("line") != "579" || ind.attr("firstLine") != "630" || jc.attr("val") != "both" {
				t.Errorf("body paragraph: line %s, firstLine %s, jc %s; want 579, 630, both", sp.attr("line"), ind.attr("firstLine"), jc.attr("val"))
			}
			n++
		}
	}
	if n == 0 {
		t.Error("no body paragraph found")
	}
}

func TestHeadingFaces(t *testing.T) {
	ps := parts(t, sampleDocs()["tongzhi"], Options{})
	doc := parse(t, "document.xml", ps["word/document.xml"])
	for _, p := range doc.all("p") {
		txt := p.text()
		if !strings.HasPrefix(txt, "（一）稳定粮食播种面积。") {
			continue
		}
		// the face of each character: the heading sentence in 楷体, the rest in 仿宋 (runs
		// are split further per line and where LibreOffice needs a stop)
		var kai, fang strings.Builder
		for _, r := range p.all("r") {
			rpr, _ := r.child("rPr")
			f, _ := rpr.child("rFonts")
			switch f.attr("eastAsia") {
			case "楷体_GB2312":
				kai.WriteString(r.text())
			case "仿宋_GB2312":
				fang.WriteString(r.text())
			default:
				t.Errorf("run %q in %s", r.text(), f.attr("eastAsia"))
			}
		}
		if kai.String() != "（一）稳定粮食播种面积。" || !strings.HasPrefix(txt, kai.String()+fang.String()) || fang.Len() == 0 {
			t.Errorf("heading sentence %q in 楷体, rest %q in 仿宋", kai.String(), fang.String())
		}
		return
	}
	t.Error("level-2 heading not found")
}

func TestFooters(t *testing.T) {
	ps := parts(t, sampleDocs()["tongzhi"], Options{})
	rels := ps["word/_rels/document.xml.rels"]
	doc := parse(t, "document.xml", ps["word/document.xml"])
	target := map[string]string{}
	for _, r := range parse(t, "rels", rels).all("Relationship") {
		target[r.attr("Id")] = r.attr("Target")
	}
	for _, ref := range doc.all("footerReference") {
		name := target[ref.attr("id")]
		f := parse(t, name, ps["word/"+name])
		txt := f.text()
		if txt != "— 1 —" {
			t.Errorf("%s footer text %q, want \"— 1 —\" (PAGE field between 一字线)", ref.attr("type"), txt)
		}
		if !strings.Contains(ps["word/"+name], "PAGE") {
			t.Errorf("%s footer has no PAGE field", ref.attr("type"))
		}
		ppr := f.all("pPr")[0]
		jc, _ := ppr.child("jc")
		ind, _ := ppr.child("ind")
		switch ref.attr("type") {
		case "default":
			if jc.attr("val") != "right" || ind.attr("right") != "280" {
				t.Errorf("odd footer jc %s right %s, want right, one 4号 character (280)", jc.attr("val"), ind.attr("right"))
			}
		case "even":
			if jc.attr("val") != "left" || ind.attr("left") != "280" {
				t.Errorf("even footer jc %s left %s, want left, one 4号 character (280)", jc.attr("val"), ind.attr("left"))
			}
		}
		for _, r := range f.all("rPr") {
			rf, _ := r.child("rFonts")
			sz, _ := r.child("sz")
			if rf.attr("eastAsia") != "宋体" || sz.attr("val") != "28" {
				t.Errorf("footer run in %s %s, want 宋体 28 (4号)", rf.attr("eastAsia"), sz.attr("val"))
			}
		}
	}
}

func TestEscapingAndControlCharacters(t *testing.T) {
	d := sampleDocs()["tongzhi"]
	d.Title = "关于<script>&\"引号\"的通知\x01"
	d.Body = []string{"第一段\x00含控制字符\x1b与 <tag> & 符号", "第二段\t制表\n换行"}
	var warns []string
	ps := parts(t, d, Options{Warn: func(s string) { warns = append(warns, s) }})
	for pn, s := range ps {
		if strings.ContainsAny(s, "\x00\x01\x1b") {
			t.Errorf("%s carries a raw control character", pn)
		}
	}
	if len(warns) < 2 {
		t.Errorf("warnings %q, want one for each text with control characters", warns)
	}
	doc := parse(t, "document.xml", ps["word/document.xml"])
	var texts []string
	for _, p := range doc.all("p") {
		texts = append(texts, p.text())
	}
	all := strings.Join(texts, "|")
	for _, want := range []string{`关于<script>&"引号"的通知`, "第一段含控制字符与 <tag> & 符号", "第二段制表换行"} {
		if !strings.Contains(all, want) {
			t.Errorf("text %q not found after a parse round trip", want)
		}
	}
	if !strings.Contains(ps["word/document.xml"], "<w:tab/>") || !strings.Contains(ps["word/document.xml"], "<w:br/>") {
		t.Error("tab and newline not written as w:tab and w:br")
	}
	core := parse(t, "core.xml", ps["docProps/core.xml"])
	if got := core.all("title")[0].Text; got != `关于<script>&"引号"的通知` {
		t.Errorf("core title %q", got)
	}
}

func TestDocumentProperties(t *testing.T) {
	ps := parts(t, sampleDocs()["qingshi"], Options{})
	core := parse(t, "core.xml", ps["docProps/core.xml"])
	if got := core.all("title")[0].Text; got != "青山市人民政府关于建设城市应急物资储备库的请示" {
		t.Errorf("title %q", got)
	}
	if got := core.all("creator")[0].Text; got != "青山市人民政府" {
		t.Errorf("creator %q, want the issuing organ", got)
	}
	app := parse(t, "app.xml", ps["docProps/app.xml"])
	if got := app.all("Application")[0].Text; got != "Gongwen" {
		t.Errorf("Application %q", got)
	}
	ps = parts(t, sampleDocs()["qingshi"], Options{Title: "另一个标题", Creator: "某办公室"})
	core = parse(t, "core.xml", ps["docProps/core.xml"])
	if core.all("title")[0].Text != "另一个标题" || core.all("creator")[0].Text != "某办公室" {
		t.Error("Options.Title/Creator not used")
	}
}

func TestMarkAndSeparator(t *testing.T) {
	ps := parts(t, sampleDocs()["qingshi"], Options{})
	doc := parse(t, "document.xml", ps["word/document.xml"])
	var sawMark, sawNumber bool
	for _, p := range doc.all("p") {
		ppr, _ := p.child("pPr")
		st, _ := ppr.child("pStyle")
		switch st.attr("val") {
		case "GwMark":
			sawMark = true
			jc, _ := ppr.child("jc")
			if jc.attr("val") != "center" {
				t.Error("mark not centred")
			}
		case "GwNumber":
			sawNumber = true
			bd := ppr.all("bottom")
			if len(bd) != 1 || bd[0].attr("color") != red {
				t.Fatal("发文字号 line has no red bottom border (the separator)")
			}
			if !strings.Contains(p.text(), "青政〔2024〕8号") || !strings.Contains(p.text(), "签发人：李明") {
				t.Errorf("上行文 number line %q: want the number and 签发人 on one line", p.text())
			}
			ind, _ := ppr.child("ind")
			if ind.attr("left") != "0" || ind.attr("right") != "0" {
				t.Error("number line indented: the separator would not span the 版心")
			}
		}
	}
	if !sawMark || !sawNumber {
		t.Errorf("mark %v number %v", sawMark, sawNumber)
	}
}

func TestBanjiAndAttachments(t *testing.T) {
	ps := parts(t, sampleDocs()["tongzhi"], Options{})
	doc := parse(t, "document.xml", ps["word/document.xml"])
	breaks := 0
	var cc, yinfa node
	for _, p := range doc.all("p") {
		ppr, _ := p.child("pPr")
		if _, ok := ppr.child("pageBreakBefore"); ok && p.text() != "" {
			breaks++
			if !strings.HasPrefix(p.text(), "附件") {
				t.Errorf("page break before %q", p.text())
			}
		}
		switch {
		case strings.HasPrefix(p.text(), "抄送："):
			cc = ppr
		case strings.HasSuffix(p.text(), "印发"):
			yinfa = ppr
		}
	}
	if breaks != 2 {
		t.Errorf("%d attachments start a page, want 2", breaks)
	}
	if len(doc.all("tbl")) != 1 {
		t.Errorf("%d tables, want the attachment's table", len(doc.all("tbl")))
	}
	if fp, ok := yinfa.child("framePr"); !ok || fp.attr("yAlign") != "bottom" || fp.attr("vAnchor") != "margin" {
		t.Fatal("印发 paragraph not framed at the bottom of the 版心")
	}
	if fp, ok := cc.child("framePr"); !ok || fp.attr("vAnchor") != "margin" || fp.attr("y") != fmt.Sprint(marginH-pitch-35-pitch-20) {
		t.Fatalf("抄送 paragraph not framed right above the 印发 line: %v", fp.Attrs)
	}
	top := cc.all("top")
	if len(top) != 1 || top[0].attr("sz") != "8" {
		t.Error("抄送 lacks the thick (0.35 mm) first rule")
	}
	if len(yinfa.all("top")) != 1 || yinfa.all("top")[0].attr("sz") != "6" || len(yinfa.all("bottom")) != 1 || yinfa.all("bottom")[0].attr("sz") != "8" {
		t.Error("印发 lacks the thin rule above and the thick last rule")
	}
}

func TestSealAnchored(t *testing.T) {
	dir := t.TempDir()
	img := image.NewRGBA(image.Rect(0, 0, 40, 40))
	for x := 0; x < 40; x++ {
		img.Set(x, 20, color.RGBA{230, 0, 18, 255})
	}
	f, _ := os.Create(filepath.Join(dir, "seal.png"))
	png.Encode(f, img)
	f.Close()
	d := sampleDocs()["qingshi"]
	d.Dir = dir
	d.SignOff = document.SignOffSeal
	d.Issuers[0].Seal = "seal.png"
	ps := parts(t, d, Options{})
	if _, ok := ps["word/media/image1.png"]; !ok {
		t.Fatal("seal image not in word/media")
	}
	if !strings.Contains(ps["[Content_Types].xml"], `Extension="png"`) {
		t.Error("no content type for png")
	}
	doc := parse(t, "document.xml", ps["word/document.xml"])
	anchors := doc.all("anchor")
	if len(anchors) != 1 || anchors[0].attr("behindDoc") != "1" {
		t.Fatal("seal not anchored behind the text")
	}
	blip := doc.all("blip")[0]
	if !strings.Contains(ps["word/_rels/document.xml.rels"], `Id="`+blip.attr("embed")+`"`) {
		t.Error("seal relationship missing")
	}
	// a missing seal fails the export, as it does the PDF's
	d.Issuers[0].Seal = "missing.png"
	if err := Write(io.Discard, d, Options{}); !errors.Is(err, document.ErrBadImage) {
		t.Errorf("Write with a missing seal: %v, want an error wrapping document.ErrBadImage", err)
	}
}

// FuzzWrite: whatever the text, the package is well-formed XML without control characters.
func FuzzWrite(f *testing.F) {
	f.Add("关于<a>&b的通知", "正文\x00\x01", "一、标题。正文")
	f.Add("\n\t", "（一）", "1.")
	f.Add(string([]byte{0xff, 0xfe}), "\ufffe", "]]>")
	f.Fuzz(func(t *testing.T, title, body, heading string) {
		d := &document.Document{Format: document.FormatFile, Issuers: []document.Issuer{{Name: title}}, Title: title,
			Number: body, Body: []string{body, heading}, Date: "2024年1月5日", CC: heading, Printer: title, PrintDate: body}
		ps := parts(t, d, Options{})
		for pn, s := range ps {
			if strings.HasSuffix(pn, ".xml") {
				parse(t, pn, s)
			}
		}
	})
}

func TestTitleLinesFollowLayout(t *testing.T) {
	d := sampleDocs()["qingshi"]
	d.Title = "江城市人民政府关于建设城区应急物资储备中心的请示"
	got := newBuilderFor(d).titleLines()
	lines := strings.Split(got, "\n")
	if strings.ReplaceAll(got, "\n", "") != d.Title {
		t.Fatalf("title text changed: %q", got)
	}
	if len(lines) < 2 {
		t.Fatalf("a 23-character 2号 title on one line: %q", got)
	}
	for _, l := range lines[:len(lines)-1] {
		if strings.HasSuffix(l, "中") {
			t.Errorf("title broken inside 中心: %q", got)
		}
	}
	d.Title = "短标题"
	if got := newBuilderFor(d).titleLines(); got != "短标题" {
		t.Errorf("short title %q", got)
	}
}

// When the layout engine puts the 版记 on a page of its own, so does the DOCX.
func TestBanjiAloneOnEvenPage(t *testing.T) {
	d := sampleDocs()["ling"]
	d.CC = "市委办公室，市人大常委会办公室。"
	d.Printer, d.PrintDate = "江南省人民政府办公厅", "2024年3月5日"
	// lengthen the text until it leaves no room for the 版记 on its last page
	alone := false
	for len(d.Body) < 40 && !alone {
		d.Body = append(d.Body, strings.Repeat("现予公布，自2024年5月1日起施行。", 3))
		alone, _ = newBuilderFor(d).banjiAlone()
	}
	ps := parts(t, d, Options{})
	doc := parse(t, "document.xml", ps["word/document.xml"])
	if !alone {
		t.Fatal("the layout engine never put the 版记 on a page of its own")
	}
	// the page break stands right before the 版记's frames
	ps2 := doc.all("p")
	for i, p := range ps2 {
		if strings.HasPrefix(p.text(), "抄送：") {
			prev, _ := ps2[i-1].child("pPr")
			if _, ok := prev.child("pageBreakBefore"); !ok {
				t.Error("no page break before the 版记")
			}
			return
		}
	}
	t.Error("no 抄送 paragraph")
}

// newBuilderFor returns a builder with the layout engine's plan of d.
func newBuilderFor(d *document.Document) *builder {
	b := newBuilder(d, standardFonts, Options{})
	res, err := runLayout(d, Options{})
	if err != nil {
		panic(err)
	}
	b.plan = newPlan(res)
	return b
}

// A blank page before the 版记 page: both are a section with empty footers (7.5).
func TestBlankPageBeforeBanjiUnnumbered(t *testing.T) {
	d, ok := blankPageDoc()
	if !ok {
		t.Skip("no text length makes the layout engine insert a blank page")
	}
	ps := parts(t, d, Options{})
	doc := parse(t, "document.xml", ps["word/document.xml"])
	sects := doc.all("sectPr")
	if len(sects) != 2 {
		t.Fatalf("%d sections, want 2", len(sects))
	}
	if typ, _ := sects[1].child("type"); typ.attr("val") != "nextPage" {
		t.Errorf("second section type %q, want nextPage", typ.attr("val"))
	}
	rels := map[string]string{}
	for _, r := range parse(t, "rels", ps["word/_rels/document.xml.rels"]).all("Relationship") {
		rels[r.attr("Id")] = r.attr("Target")
	}
	refs := sects[1].all("footerReference")
	if len(refs) != 2 {
		t.Fatalf("second section has %d footers, want default and even", len(refs))
	}
	for _, r := range refs {
		f := parse(t, "footer", ps["word/"+rels[r.attr("id")]])
		if f.text() != "" || strings.Contains(ps["word/"+rels[r.attr("id")]], "PAGE") {
			t.Errorf("the blank and 版记 pages' %s footer is not empty", r.attr("type"))
		}
	}
}
