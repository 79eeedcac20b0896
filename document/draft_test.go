package document

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func fullDoc() *Document {
	return &Document{
		Genre: "qingshi", Format: FormatFile, Direction: DirectionUp,
		CopyNumber: "000001", Classification: "机密", ClassificationTerm: "5年", Urgency: "特急",
		Issuers: []Issuer{
			{Name: "某某市人民政府", Mark: "某某市人民政府", Seal: "seal.png"},
			{Name: "某某市财政局"},
			{Mark: "只有标志"},
		},
		MarkSuffix: "文件", MeetingName: "市政府常务会议",
		Number: "某政〔2024〕5号", OrderNumber: "第5号", Signers: []string{"张三", "李四"},
		Title:      "关于某某事项的\n请示",
		TitleNote:  "（2024年1月5日市第十届人民代表大会第三次会议通过）",
		Recipients: "某某省人民政府：", RecipientsInBanji: true,
		Body: []string{
			"一、总体要求。某某：“引号”#不是注释: 也不是键",
			"　　全角空格开头的段落",
			"  ASCII spaces at the start",
			"trailing space ",
			"- looks like a list",
			"12345",
			"true",
			"null",
			"",
			"带\t制表符和\\反斜杠和\"双引号\"",
			"'单引号' 开头",
			"多行\n段落",
			"[方括号], {花括号}",
			"# 像注释",
			"a: b",
			"@at `back`",
			"? question",
			"~",
		},
		AttachmentNotes: []string{"名称一", "名称二：带冒号"}, AttachmentNotesLabel: "附:",
		SignOff: SignOffSignature, Date: "2024年1月5日",
		SignerTitle: "省长", SignerName: "张三", SignatureImage: "sig.png",
		Note:    "（联系人：张三，电话：12345678）",
		Present: "张三、李四", Absent: "王五", Attending: "赵六",
		Attachments: []Attachment{
			{Label: "附件1", Title: "附件标题", Body: []string{"段落一", "段落二"},
				Table: &Table{Header: []string{"序号", "问题"}, Rows: [][]string{{"1", "某问题"}, {"2", "含, 逗号"}}, Widths: []float64{1, 4.5}}},
			{Title: "只有标题"},
			{Label: "附件："},
			{Body: []string{"只有正文"}},
			{Table: &Table{}},
			{},
		},
		Rectification: []RectificationItem{
			{Problem: "问题一", Content: "内容", Goal: "目标", Measures: "措施", Deadline: "2024年6月底前", Owner: "张三"},
			{Problem: "只有问题"},
			{},
		},
		CC: "市委办公室，市人大常委会办公室。", Printer: "某某市人民政府办公室", PrintDate: "2024年1月5日",
	}
}

func stripMeta(d *Document) *Document {
	c := *d
	c.Source = nil
	c.Dir = ""
	c.Warnings = nil // what the reader worked around is not part of the draft
	return &c
}

// roundTripDocs are documents with every element and every kind of awkward text.
func roundTripDocs() map[string]*Document {
	return map[string]*Document{
		"empty":     {},
		"full":      fullDoc(),
		"minimal":   {Title: "关于召开会议的通知", Body: []string{"请准时参加。"}},
		"multiline": {Title: "关于进一步加强\n某某工作的\n通知"},
		"odd-title": {Title: "  leading spaces\nsecond"},
		"trailnl":   {Title: "结尾换行\n"},
		"blankline": {Title: "a段\n\n空行后"},
		"crlf":      {Title: "回车\r换行"},
		"control":   {Body: []string{"\x01控制\u2028分隔\ufeffBOM"}},
		"colon":     {Recipients: "各区人民政府，市政府各部门：", Body: []string{"说明：“如下”#1"}},
		"numbers":   {CopyNumber: "000123", Number: "2024", Signers: []string{"1", "0x10", "1e3", "yes"}},
		"minutes":   {Format: FormatMinutes, MarkSuffix: "纪要", MeetingName: "市政府常务会议", Present: "张三", SignOff: SignOffNone},
		"cnDate":    {Date: "二〇一二年三月五日", PrintDate: "2024-01-05"},
		"widths":    {Attachments: []Attachment{{Table: &Table{Widths: []float64{0.5, 1e-3, 12345678}}}}},
		"emptyrow":  {Attachments: []Attachment{{Table: &Table{Header: []string{"", "x"}, Rows: [][]string{{"", ""}}}}}},
	}
}

func TestDraftRoundTrip(t *testing.T) {
	for name, d := range roundTripDocs() {
		t.Run(name, func(t *testing.T) {
			out, err := Marshal(d)
			if err != nil {
				t.Fatal(err)
			}
			got, err := Parse("rt.yaml", out)
			if err != nil {
				t.Fatalf("Parse(Marshal()) error: %v\n%s", err, out)
			}
			if !reflect.DeepEqual(stripMeta(got), stripMeta(d)) {
				t.Errorf("round trip mismatch:\n got %#v\nwant %#v\n%s", stripMeta(got), stripMeta(d), out)
			}
			// Marshal is stable.
			out2, _ := Marshal(got)
			if string(out2) != string(out) {
				t.Errorf("Marshal not stable:\n%s\n---\n%s", out, out2)
			}
		})
	}
}

func TestMarshalReadable(t *testing.T) {
	out, err := Marshal(&Document{Title: "关于进一步加强\n某某工作的通知", Recipients: "各区人民政府：",
		Body: []string{"一、总体要求", "二、工作任务"}, Format: FormatFile, Date: "2024年1月5日"})
	if err != nil {
		t.Fatal(err)
	}
	want := `# 公文写作助手草稿（Gongwen draft），格式说明见 docs/draft.md
version: 1
format: file
title: |-
  关于进一步加强
  某某工作的通知
recipients: 各区人民政府：
body:
  - 一、总体要求
  - 二、工作任务
date: 2024年1月5日
`
	if string(out) != want {
		t.Errorf("Marshal =\n%s\nwant\n%s", out, want)
	}
}

func TestParseSample(t *testing.T) {
	src := "\ufeffversion: 1\r\n" + `format: file
direction: up
issuers:
  - name: 某某市人民政府
    seal: seal.png
  - {name: 某某市财政局, mark: 财政局}
number: 某政〔2024〕5号
signers: [张三, 李四]
title: |
  关于某某的
  请示
recipients: "某某省人民政府："
body:
  - 一、总体要求
  - 带\转义 "x"
  - "转义\t之后"
  - '单''引号'
  - 折叠的
    纯文本
attachments:
  - title: 附件标题
    table: {header: [序号, 问题], rows: [[1, 某问题]], widths: [1, 4]}
recipients_in_banji: false
date: 2024年1月5日
`
	doc, err := Parse("a.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Title != "关于某某的\n请示\n" || doc.Recipients != "某某省人民政府：" || len(doc.Body) != 5 ||
		doc.Body[3] != "单'引号" || doc.Body[4] != "折叠的 纯文本" || doc.Issuers[1].Mark != "财政局" ||
		doc.Attachments[0].Table.Rows[0][0] != "1" || doc.Direction != DirectionUp {
		t.Errorf("unexpected document: %#v", doc)
	}
	locs := []struct {
		path string
		off  int
		want Pos
	}{
		{PathNumber, 0, Pos{8, 9}},
		{PathNumber, 3, Pos{8, 12}},
		{"issuers.0.name", 0, Pos{5, 11}},
		{"issuers.1.mark", 1, Pos{7, 27}},
		{"signers.1", 0, Pos{9, 15}},
		{PathTitle, 0, Pos{11, 3}},
		{PathTitle, 6, Pos{12, 3}}, // 请 on the second line of the block
		{PathTitle, 7, Pos{12, 4}},
		{PathRecipients, 0, Pos{13, 14}},
		{"body.0", 2, Pos{15, 7}},
		{"body.1", 2, Pos{16, 7}},
		{"body.2", 3, Pos{17, 10}}, // 之 after the \t escape
		{"body.3", 2, Pos{18, 9}},  // 引 after the '' escape
		{"body.4", 4, Pos{20, 5}},  // 纯 on the continuation line
		{"attachments.0.title", 0, Pos{22, 12}},
		{"attachments.0.table.header.1", 0, Pos{23, 26}},
		{PathDate, 5, Pos{25, 12}},
	}
	for _, l := range locs {
		got, ok := doc.Source.Locate(l.path, l.off)
		if !ok || got != l.want {
			t.Errorf("Locate(%s, %d) = %v %v, want %v", l.path, l.off, got, ok, l.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, src string
		line, col int
		msg       string
	}{
		{"unknown key", "title: x\ntitel: y\n", 2, 1, "未知的键“titel”（是不是“title”？）"},
		{"unknown nested", "issuers:\n  - name: 甲\n    nmae: 乙\n", 3, 5, "issuers 第1项中未知的键“nmae”"},
		{"list for text", "title: [a, b]\n", 1, 8, "title 应为文本，不能是列表"},
		{"map for text", "number:\n  a: b\n", 2, 3, "number 应为文本"},
		{"text for list", "body: 一段\n", 1, 7, "body 应为列表"},
		{"text for bool", "recipients_in_banji: 是\n", 1, 22, "应为 true 或 false"},
		{"bad format", "format: wenjian\n", 1, 9, "format 的值“wenjian”无效"},
		{"bad direction", "direction: sideways\n", 1, 12, "direction 的值"},
		{"bad sign_off", "sign_off: stamp\n", 1, 11, "sign_off 的值"},
		{"bad date", "date: 2024年2月30日\n", 1, 7, "成文日期（date）“2024年2月30日”无效：日期无效：2024年2月没有30日"},
		{"bad date form", "date: 2024年1月\n", 1, 7, "成文日期（date）"},
		{"bad print_date", "print_date: 2023-02-29\n", 1, 13, "印发日期（print_date）"},
		{"month 13", "date: 2024年13月1日\n", 1, 7, "没有13月"},
		{"syntax", "title: [a\n", 1, 8, "YAML 语法错误"},
		{"duplicate", "title: a\ntitle: b\n", 2, 1, "YAML 语法错误：键“title”重复（第1行已有）"},
		{"tab", "title: x\n\tbody: y\n", 2, 1, "制表符"},
		{"colon in text", "title: 说明: 内容\n", 1, 8, "文字中的“: ”请用引号括起"},
		{"top list", "- a\n- b\n", 1, 1, "顶层应为"},
		{"version text", "version: one\n", 1, 10, "version 应为整数"},
		{"version zero", "version: 0\n", 1, 10, "version 的值"},
		{"anchor", "title: &a x\nnote: *a\n", 1, 8, "锚点"},
		{"widths", "attachments:\n  - table: {widths: [1, x]}\n", 2, 25, "widths 的每一项应为正数"},
		{"two docs", "title: a\n---\ntitle: b\n", 3, 1, "只能包含一个"},
		{"row not list", "attachments:\n  - table:\n      rows: [a]\n", 3, 14, "应为列表"},
		{"flow list comma", "title: [unclosed\nbody:\n  - a\n", 2, 1, "列表“[……]”的各项之间应以逗号分隔，或缺少右边的“]”"},
		{"flow map end", "title: {a: 1\n", 1, 8, "缺少与“{”配对的“}”"},
		{"stray bracket", "title: ]\n", 1, 8, "多了一个“]”"},
		{"directive", "version: 1\n%YAML 1.2\n", 2, 1, "“%”开头的行是 YAML 指令"},
		{"lone surrogate", "title: \"a\\uD800b\"\n", 1, 10, "单独的 UTF-16 代理项"},
		{"empty item", "body: [a,,b]\n", 1, 10, "列表“[……]”中是否有空项"},
		{"nested brackets", "body: " + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + "\n", 1, 107, "嵌套层次过深"},
		{"nested maps", "body: " + strings.Repeat("{a: ", 5000) + "1" + strings.Repeat("}", 5000) + "\n", 1, 407, "嵌套层次过深"},
		{"nested dashes", "body:\n" + strings.Repeat("- ", 20000) + "x\n", 2, 201, "嵌套层次过深"},
		{"nested indent", "body:\n" + func() string {
			var b strings.Builder
			for i := 0; i < 300; i++ {
				b.WriteString(strings.Repeat(" ", i) + "-\n")
			}
			return b.String()
		}(), 202, 201, "嵌套层次过深"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("d.yaml", []byte(tt.src))
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v (%T), want *Error", err, err)
			}
			if e.File != "d.yaml" || e.Line != tt.line || e.Col != tt.col || !strings.Contains(e.Msg, tt.msg) {
				t.Errorf("got %q (line %d col %d), want %d:%d containing %q", e.Error(), e.Line, e.Col, tt.line, tt.col, tt.msg)
			}
			if !strings.HasPrefix(e.Error(), "d.yaml:") {
				t.Errorf("Error() = %q", e.Error())
			}
		})
	}
}

func TestParseNewerVersion(t *testing.T) {
	// A newer draft may have keys this program does not know; the version error wins.
	_, err := Parse("new.yaml", []byte("future_key: 1\nversion: 99\n"))
	if !errors.Is(err, ErrNewerVersion) {
		t.Fatalf("err = %v, want ErrNewerVersion", err)
	}
	if !strings.HasPrefix(err.Error(), "new.yaml:2:10: ") {
		t.Errorf("err = %q", err)
	}
	if _, err := Parse("old.yaml", []byte("version: 1\ntitel: x\n")); errors.Is(err, ErrNewerVersion) || err == nil {
		t.Errorf("unknown key error expected, got %v", err)
	}
}

func TestParseAcceptsOddButValid(t *testing.T) {
	for _, src := range []string{
		"",
		"# only a comment\n",
		"---\ntitle: x\n",
		"title:\nbody:\nissuers:\n",
		"body: []\nsigners: []\n",
		"date: 二〇一二年三月五日\n",
		"date: 2024-01-05\nprint_date: 2024.1.5\n",
		"copy_number: 000001\n",
		"title: 'single'\n",
		"%YAML 1.2\n---\ntitle: x\n",
	} {
		if _, err := Parse("ok.yaml", []byte(src)); err != nil {
			t.Errorf("Parse(%q): %v", src, err)
		}
	}
	doc, _ := Parse("ok.yaml", []byte("copy_number: 000001\n"))
	if doc.CopyNumber != "000001" {
		t.Errorf("copy_number = %q, want the digits as typed", doc.CopyNumber)
	}
}

func TestParseInvalidUTF8(t *testing.T) {
	tests := []struct {
		name, src string
		line, col int
		msg       string
	}{
		{"gbk", "title: \xb9\xd8\xd3\xda\n", 1, 8, "草稿文件是 GBK（GB18030）编码"},
		{"gbk second line", "version: 1\ntitle: \xb9\xd8\xd3\xda\xc4\xb3\xca\xc2\n", 2, 8, "GBK"},
		{"binary", "title: \xff\xfe\x00\x01\n", 1, 8, "草稿文件不是有效的 UTF-8 编码"},
		{"latin-1", "title: caf\xe9\n", 1, 11, "草稿文件不是有效的 UTF-8 编码"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("x.yaml", []byte(tt.src))
			var e *Error
			if !errors.As(err, &e) || e.Line != tt.line || e.Col != tt.col || !strings.Contains(e.Msg, tt.msg) {
				t.Errorf("err = %v, want %d:%d %s", err, tt.line, tt.col, tt.msg)
			}
		})
	}
}

func TestLoadAndWriteAtomic(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "d.yaml")
	data, _ := Marshal(fullDoc())
	if err := WriteFileAtomic(p, data); err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(p)
	if st.Mode().Perm() != 0o644 {
		t.Errorf("mode = %v", st.Mode())
	}
	if err := os.Chmod(p, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(p, data); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(p); st.Mode().Perm() != 0o600 {
		t.Errorf("mode not kept: %v", st.Mode())
	}
	doc, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Dir != dir || doc.Title != fullDoc().Title || doc.Source.File != p {
		t.Errorf("Load: dir %q title %q", doc.Dir, doc.Title)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
	if _, err := Load(filepath.Join(dir, "missing.yaml")); err == nil || !strings.Contains(err.Error(), "文件不存在") {
		t.Errorf("missing file: %v", err)
	}
	if _, err := Load(filepath.Join(dir, "x.pdf")); err == nil || !strings.Contains(err.Error(), "不支持的文件类型") {
		t.Errorf("pdf: %v", err)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"title: 关于某某的通知\nbody:\n  - 一、总体要求\n",
		"title: |\n  a\n  b\n",
		"body: [\"a\\tb\", 'c''d']\n",
		"issuers:\n  - {name: 甲, seal: s.png}\n",
		"date: 2024年2月30日\n",
		"version: 2\n",
		"attachments:\n  - table: {rows: [[1, 2]], widths: [1]}\n",
		"title: >\n  a\n\n  b\n",
		"&a x: *a\n",
	} {
		f.Add([]byte(s))
	}
	full, _ := Marshal(fullDoc())
	f.Add(full)
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > maxFuzzInput {
			// Large inputs teach the fuzzer nothing small ones do not, and each new one costs
			// a long minimisation; the size bounds have their own tests (bounds_test.go).
			return
		}
		doc, err := Parse("f.yaml", data)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		// Whatever parses must round-trip.
		out, err := Marshal(doc)
		if err != nil {
			t.Fatal(err)
		}
		again, err := Parse("g.yaml", out)
		if err != nil {
			t.Fatalf("Parse(Marshal(doc)): %v\n%s", err, out)
		}
		if !reflect.DeepEqual(stripMeta(again), stripMeta(doc)) {
			t.Fatalf("round trip mismatch:\n%#v\n%#v\n%s", stripMeta(doc), stripMeta(again), out)
		}
	})
}

// The example in docs/draft.md parses, and is written exactly as Marshal writes it.
func TestDraftDocExample(t *testing.T) {
	md, err := os.ReadFile(filepath.Join("..", "docs", "draft.md"))
	if err != nil {
		t.Skip(err)
	}
	s := string(md)
	i := strings.Index(s, "```yaml\n")
	if i < 0 {
		t.Fatal("no yaml example in docs/draft.md")
	}
	s = s[i+len("```yaml\n"):]
	ex := s[:strings.Index(s, "```")]
	doc, err := Parse("docs/draft.md", []byte(ex))
	if err != nil {
		t.Fatal(err)
	}
	out, _ := Marshal(doc)
	if string(out) != ex {
		t.Errorf("the example is not in canonical form; Marshal gives:\n%s", out)
	}
}

func BenchmarkParseDraft(b *testing.B) {
	data, _ := Marshal(fullDoc())
	b.SetBytes(int64(len(data)))
	for i := 0; i < b.N; i++ {
		if _, err := Parse("b.yaml", data); err != nil {
			b.Fatal(err)
		}
	}
}

// TestTooDeepAllowsRealDrafts: brackets in text (half-width 发文字号 brackets, unbalanced ones
// in quoted or plain scalars, comments) are not mistaken for nesting.
func TestTooDeepAllowsRealDrafts(t *testing.T) {
	tests := []string{
		"number: 国办发[2018]15号\n",
		"title: \"" + strings.Repeat("[", 300) + "\"\n",
		"title: '" + strings.Repeat("{", 300) + "'\n",
		"# " + strings.Repeat("[", 300) + "\nversion: 1\n",
		strings.Repeat("note: 说明[甲\n", 1) + strings.Repeat("cc: x\n", 1),
		"attachments:\n  - table: {header: [a, b], rows: [[1, x], [2, y]], widths: [1, 4]}\n",
	}
	for _, src := range tests {
		if line, col, bad := NestingTooDeep(src); bad {
			t.Errorf("NestingTooDeep(%.40q) = %d:%d", src, line, col)
		}
	}
	// unbalanced brackets over many lines are nesting to the parser: refused at once, by the
	// bound or as a syntax error
	var b strings.Builder
	for i := 0; i < 300; i++ {
		b.WriteString("note: [\n")
	}
	if _, err := Parse("u.yaml", []byte(b.String())); err == nil {
		t.Error("unbalanced brackets accepted")
	}
}

// TestMarshalGoldenModel: Marshal writes the documents of TestDraftRoundTrip exactly as their
// golden files under testdata/marshal (see TestMarshalGolden; -update rewrites them).
func TestMarshalGoldenModel(t *testing.T) {
	for name, d := range roundTripDocs() {
		out, err := Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		golden := filepath.Join("testdata", "marshal", "model-"+name+".yaml")
		if *updateModelGolden {
			if err := os.WriteFile(golden, out, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (go test -run TestMarshalGoldenModel -update-model writes it)", err)
		}
		if string(out) != string(want) {
			t.Errorf("%s: Marshal differs from %s:\n%s", name, golden, out)
		}
	}
}

var updateModelGolden = flag.Bool("update-model", false, "rewrite testdata/marshal/model-*.yaml")
