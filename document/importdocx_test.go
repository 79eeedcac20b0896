package document

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// makeDocx builds a .docx-like zip from name → content.
func makeDocx(t testing.TB, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, content := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(content)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const docxHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><w:body>`
const docxTail = `<w:sectPr/></w:body></w:document>`

func wp(runs ...string) string {
	var b strings.Builder
	b.WriteString(`<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs><w:jc w:val="center"/></w:pPr>`)
	for _, r := range runs {
		b.WriteString(`<w:r><w:rPr><w:rFonts w:eastAsia="仿宋"/></w:rPr><w:t xml:space="preserve">` + r + `</w:t></w:r>`)
	}
	b.WriteString(`</w:p>`)
	return b.String()
}

func TestImportDocx(t *testing.T) {
	body := wp("某某市人民政府", "文件") +
		wp("某政〔2024〕", "5号") +
		`<w:p><w:r><w:t>关于进一步加强</w:t></w:r><w:r><w:br/></w:r><w:r><w:t>某某工作的通知</w:t></w:r></w:p>` +
		wp("各区人民政府：") +
		`<w:p><w:r><w:tab/><w:t>一、总体要求。</w:t></w:r><w:del><w:r><w:delText>删掉的字</w:delText></w:r></w:del></w:p>` +
		// a text box: its text comes once (the VML fallback copy is skipped)
		`<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>` + wp("文本框里的段落。") +
		`</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>` + wp("文本框里的段落。") +
		`</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>外层段落。</w:t></w:r></w:p>` +
		`<w:tbl><w:tr><w:tc>` + wp("表格单元格。") + `</w:tc></w:tr></w:tbl>` +
		`<w:p/>` +
		wp("某某市人民政府") + wp("2024年1月5日") + wp("（此件公开发布）")
	data := makeDocx(t, map[string]string{
		"[Content_Types].xml": `<Types/>`,
		"word/document.xml":   docxHead + body + docxTail,
	})
	doc, err := ImportDocx("a.docx", data, builtinGenres(t))
	if err != nil {
		t.Fatal(err)
	}
	if doc.MarkSuffix != "文件" || doc.Number != "某政〔2024〕5号" || doc.Title != "关于进一步加强\n某某工作的通知" ||
		doc.Recipients != "各区人民政府：" || doc.Date != "2024年1月5日" || doc.Note != "（此件公开发布）" ||
		len(doc.Issuers) != 1 || doc.Issuers[0].Name != "某某市人民政府" {
		t.Errorf("got %#v", doc)
	}
	wantBody := []string{"一、总体要求。", "文本框里的段落。", "外层段落。", "表格单元格。"}
	if strings.Join(doc.Body, "|") != strings.Join(wantBody, "|") {
		t.Errorf("body = %q, want %q", doc.Body, wantBody)
	}
	// Places count paragraphs (and soft breaks) as lines.
	if p, ok := doc.Source.Locate(PathTitle, 8); !ok || p != (Pos{Line: 4, Col: 1}) {
		t.Errorf("title place = %v", p)
	}
	if p, ok := doc.Source.Locate(PathRecipients, 0); !ok || p != (Pos{Line: 5, Col: 1}) {
		t.Errorf("recipients place = %v", p)
	}
}

func TestImportDocxNumbering(t *testing.T) {
	numbering := `<?xml version="1.0" encoding="UTF-8"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>`
	np := func(numID, ilvl, text string) string {
		return `<w:p><w:pPr><w:numPr><w:ilvl w:val="` + ilvl + `"/><w:numId w:val="` + numID + `"/></w:numPr></w:pPr><w:r><w:t>` + text + `</w:t></w:r></w:p>`
	}
	body := wp("关于某某的通知") + wp("各单位：") +
		np("1", "0", "总体要求") + np("1", "1", "指导思想。") + np("1", "1", "基本原则。") + np("1", "2", "坚持某某。") +
		np("1", "0", "主要任务") + np("1", "1", "任务一。") + np("2", "0", "项目符号") + np("0", "0", "不编号")
	data := makeDocx(t, map[string]string{"word/document.xml": docxHead + body + docxTail, "word/numbering.xml": numbering})
	doc, err := ImportDocx("n.docx", data, builtinGenres(t))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"一、总体要求", "（一）指导思想。", "（二）基本原则。", "1.坚持某某。", "二、主要任务", "（一）任务一。", "项目符号", "不编号"}
	if strings.Join(doc.Body, "|") != strings.Join(want, "|") {
		t.Errorf("body = %q\nwant %q", doc.Body, want)
	}
	for n, w := range map[int]string{1: "一", 10: "十", 12: "十二", 20: "二十", 35: "三十五", 99: "九十九", 100: "100"} {
		if got := formatNumber(n, "chineseCounting"); got != w {
			t.Errorf("formatNumber(%d) = %q, want %q", n, got, w)
		}
	}
	if formatNumber(14, "upperRoman") != "XIV" || formatNumber(3, "decimalEnclosedCircle") != "③" || formatNumber(12, "decimalFullWidth") != "１２" {
		t.Error("formatNumber formats")
	}
}

func TestImportDocxBad(t *testing.T) {
	big := strings.Repeat(wp("一段很长的正文。"), 40000) // ~4 MB of XML, compresses to little
	tests := []struct {
		name  string
		data  []byte
		msg   string
		large bool
	}{
		{"not a zip", []byte("hello"), "不是有效的 Word 文档", false},
		{"empty", nil, "不是有效的 Word 文档", false},
		{"no document.xml", makeDocx(t, map[string]string{"word/styles.xml": "<x/>"}), "缺少正文部件 word/document.xml", false},
		{"malformed xml", makeDocx(t, map[string]string{"word/document.xml": docxHead + "<w:p><w:r><w:t>未闭合"}), "不是有效的 XML", false},
		{"mismatched tags", makeDocx(t, map[string]string{"word/document.xml": docxHead + "<w:p></w:r>" + docxTail}), "不是有效的 XML", false},
		{"bad entity", makeDocx(t, map[string]string{"word/document.xml": docxHead + wp("&bogus;") + docxTail}), "不是有效的 XML", false},
		{"deep nesting", makeDocx(t, map[string]string{"word/document.xml": strings.Repeat("<a>", 5000) + strings.Repeat("</a>", 5000)}), "无法解析", false},
		{"old .doc or encrypted", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...), "旧版 Word 97-2003 文档（.doc）或设置了打开密码的文档", false},
		{"rtf", []byte("{\\rtf1\\ansi x}"), "这是 RTF 文档", false},
		{"truncated", func() []byte {
			d := makeDocx(t, map[string]string{"word/document.xml": docxHead + docxTail})
			return d[:len(d)/2]
		}(), "Word 文档已损坏或不完整", false},
		{"bad checksum", func() []byte {
			var b bytes.Buffer
			zw := zip.NewWriter(&b)
			w, _ := zw.CreateHeader(&zip.FileHeader{Name: "word/document.xml", Method: zip.Store})
			w.Write([]byte(docxHead + wp("AAAA") + docxTail))
			zw.Close()
			d := b.Bytes()
			i := bytes.Index(d, []byte("AAAA"))
			d[i] = 'B'
			return d
		}(), "无法解压", false},
		{"deep nesting message", makeDocx(t, map[string]string{"word/document.xml": strings.Repeat("<a>", 5000) + strings.Repeat("</a>", 5000)}), "嵌套层次过深", false},
		{"zip bomb", makeDocx(t, map[string]string{"word/document.xml": docxHead + big + docxTail}), "文档正文过大", true},
	}
	old := maxDocxXML
	maxDocxXML = 1 << 20 // the bomb is 4 MB: over this test limit
	defer func() { maxDocxXML = old }()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ImportDocx("bad.docx", tt.data, builtinGenres(t))
			var e *Error
			if !errors.As(err, &e) || !strings.Contains(e.Msg, tt.msg) {
				t.Fatalf("err = %v, want *Error containing %q", err, tt.msg)
			}
			if tt.large != errors.Is(err, ErrTooLarge) {
				t.Errorf("errors.Is(ErrTooLarge) = %v", !tt.large)
			}
		})
	}

	// A zip entry whose header lies about its size is still cut off at the limit.
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.CreateHeader(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate})
	w.Write([]byte(docxHead + big + docxTail))
	zw.Close()
	raw := buf.Bytes()
	if _, err := ImportDocx("lie.docx", raw, builtinGenres(t)); err == nil {
		t.Error("oversized entry accepted")
	}

	// Too many entries.
	files := map[string]string{"word/document.xml": docxHead + docxTail}
	oldN := maxDocxEntries
	maxDocxEntries = 50
	defer func() { maxDocxEntries = oldN }()
	for i := 0; i < 60; i++ {
		files["x/"+strings.Repeat("a", i+1)] = ""
	}
	if _, err := ImportDocx("many.docx", makeDocx(t, files), builtinGenres(t)); !errors.Is(err, ErrTooLarge) {
		t.Errorf("many entries: %v", err)
	}
}

func TestImportDocxCorpus(t *testing.T) {
	corpus := sharedCorpus(t)
	files, _ := filepath.Glob(filepath.Join(corpus, "defects_docx", "*.docx"))
	if len(files) == 0 {
		t.Skip("no .docx in the corpus")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(f), ".docx")
		doc, err := ImportDocx(f, data, builtinGenres(t))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		lines, _ := docxLines(f, data)
		raw := make([]string, len(lines))
		for i, l := range lines {
			raw[i] = l.raw
		}
		checkNoLineLost(t, name, strings.Join(raw, "\n"), doc)
		w, ok := corpusWant[name[:strings.LastIndex(name, "_")]]
		if !ok {
			t.Errorf("%s: no expectation", name)
			continue
		}
		if change := defectChange[name]; change != nil {
			change(&w)
		}
		checkWant(t, name, doc, w)
	}
	t.Logf("checked %d .docx files", len(files))
}

func FuzzImportDocx(f *testing.F) {
	f.Add(makeDocx(f, map[string]string{"word/document.xml": docxHead + wp("关于某某的通知") + wp("各单位：") + wp("正文。") + docxTail}))
	f.Add(makeDocx(f, map[string]string{"word/document.xml": "<w:p>"}))
	f.Add(makeDocx(f, map[string]string{"a": "b"}))
	f.Add([]byte("PK\x03\x04"))
	// Inputs not starting with PK are wrapped as word/document.xml, to reach the XML reader.
	f.Add([]byte(docxHead + wp("关于某某的通知") + `<w:p><w:r><w:t>a</w:t><w:br/><w:tab/></w:r></w:p>` + docxTail))
	f.Add([]byte(docxHead + `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:p>` + docxTail))
	f.Add([]byte(`<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:t>x</w:t></w:p>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if !bytes.HasPrefix(data, []byte("PK")) {
			var buf bytes.Buffer
			zw := zip.NewWriter(&buf)
			w, _ := zw.Create("word/document.xml")
			w.Write(data)
			w, _ = zw.Create("word/numbering.xml")
			w.Write(data)
			zw.Close()
			data = buf.Bytes()
		}
		doc, err := ImportDocx("f.docx", data, builtinGenres(t))
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		if doc == nil || doc.Source == nil {
			t.Fatal("nil document without error")
		}
	})
}

func TestLoadImports(t *testing.T) {
	dir := t.TempDir()
	txt := filepath.Join(dir, "a.TXT")
	if err := os.WriteFile(txt, []byte("关于某某的通知\n各单位：\n正文。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	dx := filepath.Join(dir, "b.docx")
	if err := os.WriteFile(dx, makeDocx(t, map[string]string{"word/document.xml": docxHead + wp("关于某某的函") + wp("某某局：") + wp("正文。") + docxTail}), 0o644); err != nil {
		t.Fatal(err)
	}
	for path, title := range map[string]string{txt: "关于某某的通知", dx: "关于某某的函"} {
		doc, err := loadTest(t, path)
		if err != nil {
			t.Fatal(err)
		}
		if doc.Title != title || doc.Dir != dir || doc.Source.File != path {
			t.Errorf("Load(%s): title %q dir %q file %q", path, doc.Title, doc.Dir, doc.Source.File)
		}
	}
	bad := filepath.Join(dir, "c.docx")
	os.WriteFile(bad, []byte("not a zip"), 0o644)
	if _, err := Load(bad); err == nil || !strings.HasPrefix(err.Error(), bad+": ") {
		t.Errorf("Load(bad docx) = %v", err)
	}
}

// TestImportDocxTables: a Word 公文 with its 发文字号 and 签发人 in the two cells of a table row
// and its 版记 in a table (抄送 in one row, 印发机关 and 印发日期 in the two cells of the next):
// each cell paragraph is a line, hand-labelled here.
func TestImportDocxTables(t *testing.T) {
	tc := func(p string) string { return "<w:tc>" + wp(p) + "</w:tc>" }
	row := func(cells ...string) string { return "<w:tr>" + strings.Join(cells, "") + "</w:tr>" }
	tbl := func(rows ...string) string { return "<w:tbl>" + strings.Join(rows, "") + "</w:tbl>" }
	body := wp("江城市人民政府文件") + tbl(row(tc("江政发〔2024〕1号"), tc("签发人：张三"))) +
		wp("关于做好某某工作的通知") + wp("各区人民政府：") + wp("为做好某某工作，现通知如下。") + wp("江城市人民政府") + wp("2024年1月5日") +
		tbl(row(tc("抄送：市委办公室。")), row(tc("江城市人民政府办公室"), tc("2024年1月5日印发")))
	data := makeDocx(t, map[string]string{"[Content_Types].xml": `<Types/>`, "word/document.xml": docxHead + body + docxTail})
	doc, err := ImportDocx("a.docx", data, builtinGenres(t))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"issuers.mark+mark_suffix", "number", "signers", "title", "recipients", "body", "issuers.name", "date", "cc", "printer", "print_date"}
	got := lineElements(doc)
	for k, w := range want {
		if got[k+1] != w {
			t.Errorf("paragraph %d: %q, want %q", k+1, got[k+1], w)
		}
	}
	if doc.CC != "市委办公室。" || doc.Printer != "江城市人民政府办公室" {
		t.Errorf("cc %q, printer %q", doc.CC, doc.Printer)
	}
}
