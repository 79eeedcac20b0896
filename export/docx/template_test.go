package docx

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"

	"gongwen/document"
)

// makeTemplate builds a small red-header template the way Word saves one: a placeholder
// split over two runs, {{正文}} in its own paragraph, {{发文字号}} in the header.
func makeTemplate(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(name, s string) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, s)
	}
	add("[Content_Types].xml", xmlHeader+`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/></Types>`)
	add("_rels/.rels", rootRels)
	add("word/_rels/document.xml.rels", xmlHeader+`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/></Relationships>`)
	add("word/header1.xml", xmlHeader+`<w:hdr xmlns:w="`+nsW+`"><w:p><w:r><w:t>{{发文字号}}</w:t></w:r></w:p></w:hdr>`)
	rpr := `<w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:hAnsi="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:cs="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr>`
	add("word/document.xml", xmlHeader+`<w:document xmlns:w="`+nsW+`" xmlns:r="`+nsR+`"><w:body>`+
		`<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:color w:val="E60012"/></w:rPr><w:t>某某市人民政府文件</w:t></w:r></w:p>`+
		`<w:p><w:r>`+rpr+`<w:t>{{发文</w:t></w:r><w:r>`+rpr+`<w:t>字号}}</w:t></w:r></w:p>`+
		`<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>{{标</w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:t>题}}</w:t></w:r></w:p>`+
		`<w:p><w:r><w:t>{{主送}}</w:t></w:r></w:p>`+
		`<w:p><w:pPr><w:ind w:firstLine="640"/></w:pPr><w:r>`+rpr+`<w:t>{{正文}}</w:t></w:r></w:p>`+
		`<w:p><w:r><w:t>{{署名}}</w:t></w:r></w:p><w:p><w:r><w:t>{{成文日期}}</w:t></w:r></w:p>`+
		`<w:p><w:r><w:t>{{不认识}}</w:t></w:r></w:p>`+
		`<w:sectPr><w:headerReference w:type="default" r:id="rId1"/></w:sectPr></w:body></w:document>`)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestFillTemplate(t *testing.T) {
	d := &document.Document{
		Issuers: []document.Issuer{{Name: "某某市人民政府"}}, Number: "某政〔2024〕5号",
		Title: "关于<甲>&乙的\n通知", Recipients: "各县（市、区）人民政府：",
		Body: []string{"第一段。", "第二段\x07含响铃。", "三、标题"}, Date: "2024年1月5日",
	}
	var warns []string
	var out bytes.Buffer
	if err := FillTemplate(makeTemplate(t), d, &out, Options{Warn: func(s string) { warns = append(warns, s) }}); err != nil {
		t.Fatalf("FillTemplate: %v", err)
	}
	zr, err := zip.NewReader(bytes.NewReader(out.Bytes()), int64(out.Len()))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		got[f.Name] = string(b)
	}
	doc := parse(t, "document.xml", got["word/document.xml"])
	var paras []string
	for _, p := range doc.all("p") {
		paras = append(paras, p.text())
	}
	want := []string{"某某市人民政府文件", "某政〔2024〕5号", "关于<甲>&乙的通知", "各县（市、区）人民政府：", "第一段。", "第二段含响铃。", "三、标题", "某某市人民政府", "2024年1月5日", "{{不认识}}"}
	if strings.Join(paras, "|") != strings.Join(want, "|") {
		t.Errorf("paragraphs\n got %q\nwant %q", paras, want)
	}
	// the body paragraphs keep the placeholder paragraph's formatting
	n := 0
	for _, p := range doc.all("p") {
		if strings.HasPrefix(p.text(), "第") || p.text() == "三、标题" {
			if ind := p.all("ind"); len(ind) != 1 || ind[0].attr("firstLine") != "640" {
				t.Errorf("body paragraph %q lost the template's indent", p.text())
			}
			n++
		}
	}
	if n != 3 {
		t.Errorf("%d body paragraphs, want 3", n)
	}
	if !strings.Contains(got["word/document.xml"], "<w:br/>") {
		t.Error("title line break not written as w:br")
	}
	hdr := parse(t, "header1.xml", got["word/header1.xml"])
	if hdr.text() != "某政〔2024〕5号" {
		t.Errorf("header %q, want the number", hdr.text())
	}
	if strings.Contains(got["word/document.xml"], "\x07") {
		t.Error("control character written raw")
	}
	if len(warns) != 2 {
		t.Errorf("warnings %q: want the dropped control character and the unknown placeholder", warns)
	}
	if err := FillTemplate([]byte("not a zip"), d, io.Discard, Options{}); err == nil {
		t.Error("a broken template gave no error")
	}
}

func FuzzJoinPlaceholders(f *testing.F) {
	f.Add(`<w:t>{{标</w:t></w:r><w:r><w:t>题}}</w:t>`)
	f.Add(`{{{{}}}}`)
	f.Add(`{{正文</w:p>}}`)
	f.Fuzz(func(t *testing.T, s string) {
		out := joinPlaceholders(s)
		if len(out) > len(s) {
			t.Errorf("joinPlaceholders grew the text: %q -> %q", s, out)
		}
	})
}
