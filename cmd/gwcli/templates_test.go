package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongwen/check"
	"gongwen/document"
	"gongwen/export/docx"
	"gongwen/export/pdf"
	"gongwen/layout"
	"gongwen/templates"
)

// tplIsolate points the per-OS config dir at an empty folder, so the user's own templates and
// profiles do not leak into the tests.
func tplIsolate(t *testing.T) {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	t.Setenv("HOME", dir)
	t.Setenv("AppData", dir)
}

func runTpl(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestTemplatesLintBuiltins(t *testing.T) {
	tplIsolate(t)
	code, out, errOut := runTpl("templates", "lint")
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	if !strings.Contains(out, "19 个模板") || !strings.Contains(out, "全部通过") {
		t.Errorf("stdout: %s", out)
	}
}

// badTemplate is the worked example's shape with one thing wrong per case.
const tplGood = `schema_version: 1
id: ceshi
name: 通知
use: 测试
direction: down
format: file
elements: [title, body, date]
fields:
  - path: title
    label: 标题
    kind: line
    group: 主体
    help: 标题（GB/T 9704-2012 7.3.1）
rules:
  closing-genre-mismatch: {}
meta:
  clauses: [GB/T 9704-2012 7.3.1]
`

func TestTemplatesLintErrors(t *testing.T) {
	tplIsolate(t)
	tests := []struct {
		name string
		src  string
		want string // the line printed for the file, after the folder
	}{
		{"unknown key", strings.Replace(tplGood, "use: 测试\n", "use: 测试\ncolour: red\n", 1),
			`:5:1: 未知的键 "colour" (unknown key)；可用的键见 templates/README.md`},
		{"wrong type", strings.Replace(tplGood, "format: file", "format: [file]", 1),
			`:6:9: 类型错误 (wrong type)：这里应当是字符串 (string)`},
		{"unknown rule", strings.Replace(tplGood, "closing-genre-mismatch", "closing-genre", 1),
			`:15:3: 规则 "closing-genre" 不存在 (unknown rule)；规则列表见 docs/rules.md`},
		{"unknown param", strings.Replace(tplGood, "closing-genre-mismatch: {}", "report-closing: {params: {endings: [特此报告]}}", 1),
			`:15:29: 规则 "report-closing" 没有参数 "endings" (unknown parameter)`},
		{"param type", strings.Replace(tplGood, "closing-genre-mismatch: {}", "report-closing: {params: {closings: 特此报告}}", 1),
			`:15:39: 规则 "report-closing" 的参数 "closings" 应当是字符串列表 (a list of strings)，如 [特此报告, 专此报告]`},
		{"bad example", tplGood + "example: |\n  version: 1\n  title: 江城市人民政府关于做好防汛工作的通知。\n  body: [现就有关事项通知如下。]\n  date: 2024年5月6日\n",
			`:20:28: 示例未通过检查 (example fails its own check) title-end-punct：`},
		{"example draft error", tplGood + "example: |\n  version: 1\n  sign_off: stamp\n",
			`:20:13: 示例草稿有误 (bad example)：`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			file := filepath.Join(dir, "ceshi.yaml")
			if err := os.WriteFile(file, []byte(tt.src), 0o644); err != nil {
				t.Fatal(err)
			}
			code, out, errOut := runTpl("templates", "lint", dir)
			if code != 1 {
				t.Fatalf("exit %d, want 1\n%s%s", code, out, errOut)
			}
			if !strings.HasPrefix(errOut, file+tt.want) {
				t.Errorf("stderr:\n%s\nwant prefix:\n%s%s", errOut, file, tt.want)
			}
		})
	}
	// The same folder, good: exit 0.
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "ceshi.yaml"), []byte(tplGood), 0o644)
	if code, out, errOut := runTpl("templates", "lint", dir); code != 0 {
		t.Errorf("good template: exit %d\n%s%s", code, out, errOut)
	}
}

func TestTemplatesNewThenLint(t *testing.T) {
	tplIsolate(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "tongzhi-huiyi.yaml")
	if code, out, errOut := runTpl("templates", "new", "tongzhi-huiyi", "-o", file); code != 0 {
		t.Fatalf("new: exit %d\n%s%s", code, out, errOut)
	}
	if code, _, _ := runTpl("templates", "new", "tongzhi-huiyi", "-o", file); code != 2 {
		t.Errorf("new over an existing file: exit %d, want 2", code)
	}
	if code, _, errOut := runTpl("templates", "new", "会议通知"); code != 2 || !strings.Contains(errOut, "无效") {
		t.Errorf("new with a bad id: exit %d %s", code, errOut)
	}
	// As written, the three 【必填】 values are empty: lint names them.
	code, _, errOut := runTpl("templates", "lint", dir)
	if code != 1 {
		t.Fatalf("unfilled skeleton: exit %d", code)
	}
	for _, want := range []string{file + ":7:7: 缺少 name", file + ":9:6: 缺少 use", file + `:10:12: direction "" 无效`} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	// Filled in, it loads cleanly.
	data, _ := os.ReadFile(file)
	s := string(data)
	s = strings.Replace(s, `name: ""`, "name: 通知", 1)
	s = strings.Replace(s, `use: ""`, "use: 通知召开会议", 1)
	s = strings.Replace(s, `direction: ""`, "direction: down", 1)
	os.WriteFile(file, []byte(s), 0o644)
	if code, out, errOut := runTpl("templates", "lint", dir); code != 0 {
		t.Errorf("filled skeleton: exit %d\n%s%s", code, out, errOut)
	}
	// And it is used from the user folder.
	code, out, _ := runTpl("templates", "--templates", dir, "list")
	if code != 0 || !strings.Contains(out, "tongzhi-huiyi") || !strings.Contains(out, "qingshi") {
		t.Errorf("list with --templates: %d\n%s", code, out)
	}
}

func TestTemplatesListShow(t *testing.T) {
	tplIsolate(t)
	code, out, _ := runTpl("templates", "list")
	if code != 0 || strings.Count(out, "\n") != 19 || !strings.HasPrefix(out, "qingshi ") {
		t.Errorf("list: %d\n%s", code, out)
	}
	code, out, _ = runTpl("templates", "show", "qingshi")
	for _, want := range []string{"请示（qingshi）", "签发人（必填）", "结束语：妥否，请批示。", "qingshi-closing", "示例草稿：", "条例 第十五条"} {
		if !strings.Contains(out, want) {
			t.Errorf("show lacks %q", want)
		}
	}
	if code != 0 {
		t.Errorf("show: exit %d", code)
	}
	if code, out, _ := runTpl("templates", "show", "--yaml", "han"); code != 0 || !strings.HasPrefix(out, "# 文种模板") || !strings.Contains(out, "format: letter") {
		t.Errorf("show --yaml: %d\n%s", code, out)
	}
	if code, out, _ := runTpl("templates", "show", "报告"); code != 0 || !strings.Contains(out, "报告（baogao）") {
		t.Errorf("show by name: %d", code)
	}
	if code, _, errOut := runTpl("templates", "show", "nope"); code != 2 || !strings.Contains(errOut, "没有模板") {
		t.Errorf("show nope: %d %s", code, errOut)
	}
	if code, _, _ := runTpl("templates", "frobnicate"); code != 2 {
		t.Errorf("unknown subcommand: %d", code)
	}
	if code, _, _ := runTpl("templates", "--bogus", "list"); code != 2 {
		t.Errorf("unknown option: %d", code)
	}
}

func TestBrokenUserTemplateSkipped(t *testing.T) {
	tplIsolate(t)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "broken.yaml"), []byte("id: [\n"), 0o644)
	code, out, errOut := runTpl("templates", "--templates", dir, "list")
	if code != 0 || strings.Count(out, "\n") != 19 || !strings.Contains(errOut, "broken.yaml:") || !strings.Contains(errOut, "已跳过") {
		t.Errorf("list with a broken user template: %d\n%s\n%s", code, out, errOut)
	}
}

// TestExamplesPipeline runs every built-in example and the worked example of
// templates/README.md through the whole pipeline: strict load, parse, generate, typeset,
// check (no error finding), and export to PDF and DOCX.
func TestExamplesPipeline(t *testing.T) {
	tplIsolate(t)
	opts := tplLintOptions()
	opts.NoUserDir = true
	set, errs := templates.Load(opts)
	for _, err := range errs {
		t.Error(err)
	}
	genres := set.Genres()
	readme := tplReadmeExample(t)
	if readme != nil {
		genres = append(genres, readme)
	}
	n := 0
	for _, g := range genres {
		if g.Example == "" {
			continue
		}
		n++
		t.Run(g.ID, func(t *testing.T) {
			doc, err := document.Parse(g.ID+".example.yaml", []byte(g.Example))
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range tplCheckExample(doc, g) {
				t.Errorf("%d:%d: %s %s", p.Line, p.Col, p.Rule, p.Message)
			}
			pages, err := layout.Typeset(doc, layout.Options{})
			if err != nil {
				if strings.Contains(err.Error(), "not implemented") {
					t.Skip("layout.Typeset not implemented yet")
				}
				t.Fatalf("typeset: %v", err)
			}
			// Every text run lies on its A4 page (决议 and 公报, without 版头, included).
			for i, pg := range pages {
				for _, tx := range pg.Texts {
					if tx.Y <= 0 || tx.Y >= layout.Mm(297) {
						t.Errorf("page %d: %s %q at y = %d µm, off the page", i+1, tx.Element, tx.S, tx.Y)
					}
				}
			}
			var buf bytes.Buffer
			if err := pdf.Write(&buf, pages, nil, pdf.Meta{Title: doc.Title}); err != nil {
				t.Errorf("pdf: %v", err)
			} else if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
				t.Errorf("pdf: not a PDF")
			}
			buf.Reset()
			if err := docx.Write(&buf, doc, docx.Options{}); err != nil {
				if !strings.Contains(err.Error(), "not implemented") {
					t.Errorf("docx: %v", err)
				}
			} else if !bytes.HasPrefix(buf.Bytes(), []byte("PK")) {
				t.Errorf("docx: not a zip")
			}
		})
	}
	if n < 17 {
		t.Errorf("only %d examples", n)
	}
}

// tplReadmeExample loads the worked example of templates/README.md (the first yaml block after
// the marker), strictly, with its example checked.
func tplReadmeExample(t *testing.T) *templates.Genre {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "templates", "README.md"))
	if err != nil {
		t.Fatalf("read README: %v", err)
	}
	_, rest, ok := strings.Cut(string(data), "<!-- worked-example -->")
	if !ok {
		t.Fatal("templates/README.md has no worked-example marker")
	}
	_, rest, _ = strings.Cut(rest, "```yaml\n")
	block, _, ok := strings.Cut(rest, "```")
	if !ok {
		t.Fatal("templates/README.md: unterminated yaml block")
	}
	opts := tplLintOptions()
	opts.NoUserDir = true
	g, errs := templates.ParseGenre("README.md#worked-example", []byte(block), opts)
	for _, err := range errs {
		t.Error(err)
	}
	// The worked example also passes gwcli templates lint from a folder.
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "tongzhi-huiyi.yaml"), []byte(block), 0o644)
	if code, out, errOut := runTpl("templates", "lint", dir); code != 0 {
		t.Errorf("lint README example: exit %d\n%s%s", code, out, errOut)
	}
	return g
}

// TestRuleIDsDocumented keeps templates/README.md's rule table in step with the built-ins.
func TestRuleIDsDocumented(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "templates", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range templates.Builtins().Genres() {
		for id := range g.Rules {
			if !strings.Contains(string(data), "`"+id+"`") {
				t.Errorf("%s: rule %s not in templates/README.md", g.ID, id)
			}
		}
	}
}

// TestNewDocumentsTypeset starts a fresh document of every built-in genre, as the app does,
// and typesets and checks it: a new, unfilled document must never fail the pipeline.
func TestNewDocumentsTypeset(t *testing.T) {
	for _, g := range templates.Builtins().Genres() {
		doc := g.NewDocument()
		if _, err := layout.Typeset(doc, layout.Options{}); err != nil && !strings.Contains(err.Error(), "not implemented") {
			t.Errorf("%s: typeset a new document: %v", g.ID, err)
		}
		found := false
		for _, f := range check.Run(doc, g, check.Options{}) {
			if f.Rule == "placeholder-prompt" {
				found = true
			}
		}
		if len(g.Scaffold) > 0 && !found {
			t.Errorf("%s: the scaffold's 【】 prompts are not flagged", g.ID)
		}
	}
}
