package templates

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongwen/document"
)

// knownRules stands in for check.RuleExists (templates must not import check): the rule ids
// the built-in templates use. cmd/gwcli's tests validate against the real registry.
var knownRules = map[string]bool{}

func init() {
	for _, id := range strings.Fields(`up-one-recipient up-signers-required up-no-lower-cc up-not-to-leader
		qingshi-one-matter qingshi-closing qingshi-contact title-mixed-genre report-no-request report-closing
		closing-genre-mismatch attachment-title-mismatch attachment-count citation-order citation-number-brackets
		title-repeated-guanyu recipients-missing issuer-missing han-tone pifu-citation recipients-forbidden
		title-composition signoff-forbidden yian-recipient jueyi-meeting request-outside-qingshi
		department-directive authority-genre`) {
		knownRules[id] = true
	}
}

func testOptions() LoadOptions {
	return LoadOptions{
		NoUserDir:  true,
		RuleExists: func(id string) bool { return knownRules[id] },
		ParseDraft: document.Parse,
	}
}

// minimal is a valid template; the table tests below break it one way at a time.
const minimal = `schema_version: 1
id: ceshi
name: 请示
use: 测试用
direction: up
format: file
elements: [title, body, date]
required: [title]
fields:
  - path: title
    label: 标题
    kind: line
    group: 主体
    help: 标题（GB/T 9704-2012 7.3.1）
    example: 关于测试的请示
rules:
  qingshi-closing: {}
meta:
  clauses: [GB/T 9704-2012 7.3.1]
`

func TestParseGenreMinimal(t *testing.T) {
	g, errs := ParseGenre("t.yaml", []byte(minimal), testOptions())
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if g.ID != "ceshi" || g.Direction != document.DirectionUp || len(g.Fields) != 1 || !g.RuleOn("qingshi-closing") {
		t.Errorf("got %+v", g)
	}
}

func TestParseGenreErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string // the first error, exactly
	}{
		{"unknown key", strings.Replace(minimal, "use: 测试用\n", "use: 测试用\nusage: x\n", 1),
			"t.yaml:5:1: 未知的键 \"usage\" (unknown key)；可用的键见 templates/README.md"},
		{"unknown field key", strings.Replace(minimal, "    kind: line\n", "    kind: line\n    hint: x\n", 1),
			"t.yaml:13:5: 未知的键 \"hint\" (unknown key)；可用的键见 templates/README.md"},
		{"wrong type", strings.Replace(minimal, "schema_version: 1", "schema_version: 一", 1),
			"t.yaml:1:17: 类型错误 (wrong type)：这里应当是整数 (integer)"},
		{"wrong type list", strings.Replace(minimal, "elements: [title, body, date]", "elements: title", 1),
			"t.yaml:7:11: 类型错误 (wrong type)：这里应当是列表 (list)，写成了字符串 (string)"},
		{"duplicate key", strings.Replace(minimal, "name: 请示\n", "name: 请示\nname: 报告\n", 1),
			"t.yaml:4:1: 重复的键 \"name\" (duplicate key)"},
		{"duplicate field", strings.Replace(minimal, "rules:", "  - path: title\n    label: 标题\n    kind: line\n    group: 主体\n    help: 又一个\nrules:", 1),
			"t.yaml:16:11: 字段 \"title\" 重复：第 1 个字段已经填写这个要素 (duplicate field)"},
		{"unknown rule", strings.Replace(minimal, "qingshi-closing: {}", "qingshi-closng: {}", 1),
			"t.yaml:17:3: 规则 \"qingshi-closng\" 不存在 (unknown rule)；规则列表见 docs/rules.md"},
		{"unknown path", strings.Replace(minimal, "[title, body, date]", "[title, body, dates]", 1),
			"t.yaml:7:25: 未知的要素路径 \"dates\" (unknown element path)；可用的有：" + strings.Join(ElementPaths(), "、")},
		{"unknown kind", strings.Replace(minimal, "kind: line", "kind: text", 1),
			"t.yaml:12:11: 未知的字段类型 kind \"text\" (unknown field kind)：应为 line、paragraph、list、date、choice、items"},
		{"kind mismatch", strings.Replace(minimal, "kind: line", "kind: list", 1),
			"t.yaml:12:11: 要素 \"title\" 不能用 kind \"list\"：可用 line、paragraph、date、choice"},
		{"bad group", strings.Replace(minimal, "group: 主体", "group: 正文", 1),
			"t.yaml:13:12: group \"正文\" 无效：应为 版头、主体 或 版记 (GB/T 9704-2012 7.1)"},
		{"bad direction", strings.Replace(minimal, "direction: up", "direction: 上行", 1),
			"t.yaml:5:12: direction \"上行\" 无效：应为 up（上行文）、down（下行文）或 parallel（平行文）"},
		{"bad id", strings.Replace(minimal, "id: ceshi", "id: 测试", 1),
			"t.yaml:2:5: id \"测试\" 无效：只用小写拼音字母、数字和连字符，如 qingshi、tongzhi-yinfa (lowercase letters, digits, hyphens)"},
		{"syntax", strings.Replace(minimal, "name: 请示", "name: [请示", 1),
			"t.yaml:4:1: YAML 语法错误 (syntax error)："},
		{"bad example", minimal + "example: |\n  version: 1\n  titel: 关于测试的请示\n",
			"t.yaml:22:3: 示例草稿有误 (bad example)："},
		{"bad example value", minimal + "example: |\n  version: 1\n  title: 关于测试的请示\n  sign_off: stamp\n",
			"t.yaml:23:13: 示例草稿有误 (bad example)："},
		{"nested too deep", "schema_version: 1\nid: " + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + "\n",
			"t.yaml:2:105: 嵌套层次过深（超过 100 层）(nested too deep)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, errs := ParseGenre("t.yaml", []byte(tt.src), testOptions())
			if len(errs) == 0 {
				t.Fatalf("no error; genre %+v", g)
			}
			if g != nil {
				t.Errorf("a broken template must not be returned")
			}
			got := errs[0].Error()
			if strings.HasSuffix(tt.want, "：") {
				if !strings.HasPrefix(got, tt.want) {
					t.Errorf("got  %s\nwant %s…", got, tt.want)
				}
			} else if got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestExampleCheckProblemsMapped(t *testing.T) {
	opts := testOptions()
	opts.CheckExample = func(doc *document.Document, g *Genre) []ExampleProblem {
		return []ExampleProblem{{Line: 2, Col: 8, Rule: "title-end-punct", Message: "标题末尾不加标点"}}
	}
	src := minimal + "example: |\n  version: 1\n  title: 关于测试的请示。\n"
	_, errs := ParseGenre("t.yaml", []byte(src), opts)
	want := "t.yaml:22:10: 示例未通过检查 (example fails its own check) title-end-punct：标题末尾不加标点"
	if len(errs) != 1 || errs[0].Error() != want {
		t.Errorf("got %v\nwant %s", errs, want)
	}
}

func TestBuiltinsLoad(t *testing.T) {
	set, errs := Load(testOptions())
	for _, err := range errs {
		t.Error(err)
	}
	if len(set.Genres()) < 19 {
		t.Errorf("only %d genres", len(set.Genres()))
	}
	for _, name := range []string{"请示", "报告", "通知", "纪要", "函", "批复", "通报", "意见", "决定", "命令", "公告", "通告", "议案", "决议", "公报", "整改方案"} {
		if set.ByName(name) == nil {
			t.Errorf("ByName(%s) = nil", name)
		}
	}
	for name, id := range map[string]string{"通知": "tongzhi", "通知（印发）": "tongzhi-yinfa", "命令（令）": "mingling", "令": "mingling"} {
		if g := set.ByName(name); g == nil || g.ID != id {
			t.Errorf("ByName(%s) = %v", name, g)
		}
	}
	if set.ByName("汇报") != nil {
		t.Error("ByName(汇报) found a genre")
	}
	// Every example parses and its genre matches.
	for _, g := range set.Genres() {
		if g.Example == "" {
			continue
		}
		doc, err := document.Parse(g.ID, []byte(g.Example))
		if err != nil {
			t.Errorf("%s: %v", g.ID, err)
			continue
		}
		if doc.Genre != g.ID || doc.Format != g.Format {
			t.Errorf("%s: example genre %q format %q", g.ID, doc.Genre, doc.Format)
		}
	}
}

func TestUserOverlay(t *testing.T) {
	dir := t.TempDir()
	over := strings.Replace(strings.Replace(minimal, "id: ceshi", "id: qingshi", 1), "use: 测试用", "use: 本单位的请示", 1)
	write := func(name, s string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("qingshi.yaml", over)
	write("new.yaml", minimal)
	write("broken.yaml", "id: [\n")
	write("dup.yaml", minimal)
	write("notes.txt", "ignored")
	opts := testOptions()
	opts.NoUserDir, opts.UserDir = false, dir
	set, errs := Load(opts)
	if g, _ := set.Genre("qingshi"); g == nil || g.Use != "本单位的请示" || !strings.HasPrefix(g.File, dir) {
		t.Errorf("override not applied: %+v", g)
	}
	if _, ok := set.Genre("ceshi"); !ok {
		t.Error("user genre not added")
	}
	if _, ok := set.Genre("baogao"); !ok {
		t.Error("built-ins lost")
	}
	var msgs []string
	for _, e := range errs {
		msgs = append(msgs, e.Error())
	}
	joined := strings.Join(msgs, "\n")
	if len(errs) != 2 || !strings.Contains(joined, "broken.yaml:") ||
		!strings.Contains(joined, filepath.Join(dir, "new.yaml")+":2:5: 模板 id \"ceshi\" 重复") {
		t.Errorf("errors:\n%s", joined)
	}
	var e *Error
	if !errors.As(errs[0], &e) {
		t.Errorf("error type %T", errs[0])
	}
}

// TestUserDirErrors: a named template folder that cannot be read is reported in Chinese.
func TestUserDirErrors(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file.yaml")
	if err := os.WriteFile(file, []byte("x: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, dir, want string }{
		{"missing", filepath.Join(t.TempDir(), "none"), "无法读取模板目录 (cannot read the template folder)：不存在 (does not exist)"},
		{"a file", file, "模板目录不是文件夹 (not a folder)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := testOptions()
			opts.NoUserDir = false
			opts.UserDir = tt.dir
			_, errs := Load(opts)
			if len(errs) != 1 || errs[0].Error() != tt.dir+": "+tt.want {
				t.Errorf("got %v, want %s: %s", errs, tt.dir, tt.want)
			}
		})
	}
}

func TestMissingUserDirIsNoError(t *testing.T) {
	opts := testOptions()
	opts.NoUserDir = false
	opts.UserDir = ""
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("HOME", t.TempDir())
	if _, errs := Load(opts); len(errs) > 0 {
		t.Error(errs)
	}
}

func TestNewDocument(t *testing.T) {
	set := Builtins()
	tests := []struct {
		id       string
		format   document.Format
		suffix   string
		signOff  document.SignOff
		lastBody string
	}{
		{"qingshi", document.FormatFile, "文件", document.SignOffSeal, "妥否，请批示。"},
		{"baogao", document.FormatFile, "文件", document.SignOffSeal, "特此报告。"},
		{"tongzhi", document.FormatFile, "文件", document.SignOffSeal, "特此通知。"},
		{"han", document.FormatLetter, "", document.SignOffSeal, "特此函告。"},
		{"mingling", document.FormatOrder, "令", document.SignOffSignature, ""},
		{"jiyao", document.FormatMinutes, "纪要", document.SignOffNone, ""},
		{"pifu", document.FormatFile, "文件", document.SignOffSeal, "此复。"},
	}
	for _, tt := range tests {
		g, ok := set.Genre(tt.id)
		if !ok {
			t.Fatalf("no genre %s", tt.id)
		}
		d := g.NewDocument()
		if d.Genre != tt.id || d.Format != tt.format || d.MarkSuffix != tt.suffix || d.SignOff != tt.signOff || d.Direction != g.Direction {
			t.Errorf("%s: %+v", tt.id, d)
		}
		if tt.lastBody != "" && (len(d.Body) == 0 || d.Body[len(d.Body)-1] != tt.lastBody) {
			t.Errorf("%s: body %q", tt.id, d.Body)
		}
		if len(d.Body) < len(g.Scaffold) {
			t.Errorf("%s: scaffold not applied: %q", tt.id, d.Body)
		}
	}
}

func TestExampleRequiredAndUnused(t *testing.T) {
	src := minimal + "example: |\n  version: 1\n  body: [一段。]\n  cc: 某某。\n"
	_, errs := ParseGenre("t.yaml", []byte(src), testOptions())
	var got []string
	for _, e := range errs {
		got = append(got, e.Error())
	}
	want := []string{
		"t.yaml:20:10: 示例缺少必备要素 (example lacks required elements)：title",
		"t.yaml:20:10: 示例用了模板 elements 中没有的要素 (example uses elements the template does not list)：cc",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	g, _ := Builtins().Genre("qingshi")
	if m := g.Missing(&document.Document{Title: "关于某事的请示", Signers: []string{"王明"}}); strings.Join(m, " ") != "issuers number recipients body date" {
		t.Errorf("missing %v", m)
	}
}

func TestParseGenreEncodings(t *testing.T) {
	crlf := "\ufeff" + strings.ReplaceAll(minimal, "\n", "\r\n")
	if _, errs := ParseGenre("t.yaml", []byte(crlf), testOptions()); len(errs) > 0 {
		t.Errorf("BOM + CRLF: %v", errs)
	}
	if _, errs := ParseGenre("t.yaml", []byte("id: \xff\n"), testOptions()); len(errs) != 1 || !strings.Contains(errs[0].Error(), "UTF-8") {
		t.Errorf("bad UTF-8: %v", errs)
	}
	// Several problems come sorted by place.
	src := strings.Replace(strings.Replace(minimal, "group: 主体", "group: 正文", 1), "direction: up", "direction: 上", 1)
	_, errs := ParseGenre("t.yaml", []byte(src), testOptions())
	if len(errs) != 2 || !strings.HasPrefix(errs[0].Error(), "t.yaml:5:") || !strings.HasPrefix(errs[1].Error(), "t.yaml:13:") {
		t.Errorf("order: %v", errs)
	}
}
