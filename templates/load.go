package templates

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/lexer"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"

	"gongwen/document"
)

// SchemaVersion is the version of the genre template format this loader reads.
const SchemaVersion = 1

// MaxTemplateSize is the largest template file the loader reads (4 MiB).
const MaxTemplateSize = 4 << 20

// Error is one problem in a template file, at a place in it.
type Error struct {
	File      string
	Line, Col int // 1-based; Col counted in characters; 0 when unknown
	Msg       string
}

func (e *Error) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}

// ExampleProblem is an error finding of the checker on a template's example draft. Line and
// Col are places in the example's text (1-based), 0 when unknown.
type ExampleProblem struct {
	Line, Col int
	Rule      string
	Message   string
}

// LoadOptions say how templates are validated and where the user's templates are.
type LoadOptions struct {
	// RuleExists reports whether a check rule id exists (the caller passes check.RuleExists).
	// nil: rule ids are not validated.
	RuleExists func(id string) bool
	// ParamDefault returns the default value of a rule's parameter, and false when the rule
	// has no such parameter (the caller passes the defaults of check.Rules()). A template's
	// value must have the default's type. nil: parameters are not validated.
	ParamDefault func(rule, param string) (any, bool)
	// UserDir is the folder of the user's templates; "" means DefaultUserDir(). A missing
	// folder is no error.
	UserDir string
	// NoUserDir skips the user folder; NoBuiltins skips the embedded templates.
	NoUserDir  bool
	NoBuiltins bool
	// Builtins, when not nil, are the built-in genres already loaded (Builtins()): they are
	// taken as they are instead of parsing and validating the embedded templates again.
	Builtins *Set
	// ParseDraft parses an example draft (the caller passes document.Parse); nil: examples
	// are not parsed. name is the name to put in the parser's messages.
	ParseDraft func(name string, data []byte) (*document.Document, error)
	// CheckExample runs the checker on a parsed example and returns its error findings;
	// nil: examples are not checked.
	CheckExample func(doc *document.Document, g *Genre) []ExampleProblem
	// RunDeclared reports whether the declared rule id of g reports a finding on doc (the
	// caller runs check.Run with only that rule); nil: declared rules' examples are not run.
	RunDeclared func(doc *document.Document, g *Genre, id string) bool
}

// ParseGenre reads one genre template strictly. file names the template in messages. It
// returns the genre (nil when it cannot be used) and every problem found.
func ParseGenre(file string, data []byte, opts LoadOptions) (g *Genre, errs []error) {
	return parseGenre(file, data, opts)
}

// parseGenre is ParseGenre.
func parseGenre(file string, data []byte, opts LoadOptions) (g *Genre, errs []error) {
	defer func() {
		// The YAML library is third-party code: a panic in it must never reach the user.
		if r := recover(); r != nil {
			g, errs = nil, []error{&Error{File: file, Msg: fmt.Sprintf("无法解析模板（YAML 解析器内部错误：%v）", r)}}
		}
	}()
	if len(data) > MaxTemplateSize {
		return nil, []error{&Error{File: file, Msg: fmt.Sprintf("模板文件过大（%d 字节，上限 %d 字节）(too large)", len(data), MaxTemplateSize)}}
	}
	if !utf8.Valid(data) {
		return nil, []error{&Error{File: file, Msg: "模板文件不是有效的 UTF-8 编码，请以 UTF-8 保存 (not UTF-8)"}}
	}
	data = []byte(strings.ReplaceAll(strings.TrimPrefix(string(data), "\ufeff"), "\r\n", "\n"))
	// One tokenization serves the nesting limits and the parser.
	toks := lexer.Tokenize(string(data))
	if err := tooDeep(file, toks); err != nil {
		return nil, []error{err}
	}
	f, err := parser.Parse(toks, 0)
	if err != nil {
		return nil, []error{yamlError(file, err)}
	}
	if len(f.Docs) != 1 || f.Docs[0].Body == nil {
		return nil, []error{&Error{File: file, Line: 1, Col: 1, Msg: "模板文件应当恰好包含一个 YAML 文档 (one YAML document expected)"}}
	}
	root := f.Docs[0].Body
	if _, ok := unwrap(root).(*ast.MappingNode); !ok {
		if _, ok := unwrap(root).(*ast.MappingValueNode); !ok {
			p := root.GetToken().Position
			return nil, []error{&Error{File: file, Line: p.Line, Col: p.Column, Msg: "模板的顶层应当是键值映射 (a mapping expected)"}}
		}
	}
	g = &Genre{}
	if err := yaml.NodeToValue(root, g, yaml.Strict()); err != nil {
		return nil, []error{yamlError(file, err)}
	}
	g.File = file
	v := validator{file: file, root: root, g: g, opts: opts, lines: strings.Split(string(data), "\n")}
	v.validate()
	sort.SliceStable(v.errs, func(i, j int) bool {
		a, b := v.errs[i].(*Error), v.errs[j].(*Error)
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	if len(v.errs) > 0 {
		return nil, v.errs
	}
	return g, nil
}

// tooDeep refuses absurd nesting before the YAML parser, whose time and memory grow with
// the square of the depth.
func tooDeep(file string, toks token.Tokens) error {
	if e := document.CheckYAMLTokens(toks); e != nil {
		return &Error{File: file, Line: e.Line, Col: e.Col, Msg: e.Msg + "(" + e.EN + ")"}
	}
	return nil
}

// yamlError turns a go-yaml error into an Error with a Chinese message.
func yamlError(file string, err error) error {
	var ye yaml.Error
	if !errors.As(err, &ye) || ye.GetToken() == nil {
		return &Error{File: file, Msg: fmt.Sprintf("无法读取 YAML (cannot read YAML): %v", err)}
	}
	p := ye.GetToken().Position
	e := &Error{File: file, Line: p.Line, Col: p.Column}
	var (
		unknown *yaml.UnknownFieldError
		typ     *yaml.TypeError
		node    *yaml.UnexpectedNodeTypeError
		syn     *yaml.SyntaxError
	)
	switch {
	case errors.As(err, &unknown):
		e.Msg = fmt.Sprintf("未知的键 %q (unknown key)；可用的键见 templates/README.md", ye.GetToken().Value)
	case errors.As(err, &typ):
		e.Msg = fmt.Sprintf("类型错误 (wrong type)：这里应当是%s", typeName(typ.DstType))
	case errors.As(err, &node):
		e.Msg = fmt.Sprintf("类型错误 (wrong type)：这里应当是%s，写成了%s", nodeTypeName(node.Expected), nodeTypeName(node.Actual))
	case errors.As(err, &syn) && strings.Contains(syn.Message, "already defined"):
		e.Msg = fmt.Sprintf("重复的键 %q (duplicate key)", ye.GetToken().Value)
	default:
		e.Msg = fmt.Sprintf("YAML 语法错误 (syntax error)：%s", ye.GetMessage())
	}
	return e
}

func typeName(t reflect.Type) string {
	if t == nil {
		return "别的类型"
	}
	switch t.Kind() {
	case reflect.String:
		return "字符串 (string)"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "整数 (integer)"
	case reflect.Float32, reflect.Float64:
		return "数字 (number)"
	case reflect.Bool:
		return "true 或 false (boolean)"
	case reflect.Slice, reflect.Array:
		return "列表 (list)"
	case reflect.Map, reflect.Struct:
		return "键值映射 (mapping)"
	case reflect.Pointer:
		return typeName(t.Elem())
	}
	return t.String()
}

func nodeTypeName(t ast.NodeType) string {
	switch t {
	case ast.MappingType, ast.MappingValueType:
		return "键值映射 (mapping)"
	case ast.SequenceType:
		return "列表 (list)"
	case ast.StringType, ast.LiteralType:
		return "字符串 (string)"
	case ast.IntegerType:
		return "整数 (integer)"
	case ast.BoolType:
		return "true 或 false (boolean)"
	case ast.NullType:
		return "空值 (null)"
	}
	return t.String()
}

// unwrap skips tags and anchors.
func unwrap(n ast.Node) ast.Node {
	for {
		switch t := n.(type) {
		case *ast.TagNode:
			n = t.Value
		case *ast.AnchorNode:
			n = t.Value
		default:
			return n
		}
	}
}

// mapValues returns the key/value pairs of a mapping node.
func mapValues(n ast.Node) []*ast.MappingValueNode {
	switch m := unwrap(n).(type) {
	case *ast.MappingNode:
		return m.Values
	case *ast.MappingValueNode:
		return []*ast.MappingValueNode{m}
	}
	return nil
}

// lookup walks from n through mapping keys (string) and sequence indexes (int). When the
// last step is a mapping key and key is true, it returns the key's node instead of the value.
func lookup(n ast.Node, key bool, steps ...any) ast.Node {
	for i, s := range steps {
		if n == nil {
			return nil
		}
		switch s := s.(type) {
		case string:
			var next ast.Node
			for _, mv := range mapValues(n) {
				if mv.Key != nil && mv.Key.GetToken() != nil && mv.Key.GetToken().Value == s {
					if key && i == len(steps)-1 {
						next = mv.Key
					} else {
						next = mv.Value
					}
					break
				}
			}
			n = next
		case int:
			seq, ok := unwrap(n).(*ast.SequenceNode)
			if !ok || s < 0 || s >= len(seq.Values) {
				return nil
			}
			n = seq.Values[s]
		}
	}
	return n
}

type validator struct {
	file  string
	root  ast.Node
	g     *Genre
	opts  LoadOptions
	lines []string // the template's source lines
	errs  []error
}

// at records a problem at the node found by steps (the value, or the key when key is true),
// falling back to the nearest existing ancestor.
func (v *validator) at(key bool, msg string, steps ...any) {
	e := &Error{File: v.file, Msg: msg}
	for k := len(steps); k >= 0; k-- {
		n := v.root
		if k > 0 {
			n = lookup(v.root, key && k == len(steps), steps[:k]...)
		}
		if n != nil && n.GetToken() != nil {
			p := n.GetToken().Position
			if lit, ok := unwrap(n).(*ast.LiteralNode); ok && lit.Start != nil {
				p = lit.Start.Position
			}
			e.Line, e.Col = p.Line, p.Column
			break
		}
	}
	v.errs = append(v.errs, e)
}

var idPattern = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)

func (v *validator) validate() {
	g := v.g
	if g.SchemaVersion != SchemaVersion {
		v.at(false, fmt.Sprintf("schema_version 应当是 %d (this loader reads version %d)", SchemaVersion, SchemaVersion), "schema_version")
	}
	if !idPattern.MatchString(g.ID) {
		v.at(false, fmt.Sprintf("id %q 无效：只用小写拼音字母、数字和连字符，如 qingshi、tongzhi-yinfa (lowercase letters, digits, hyphens)", g.ID), "id")
	}
	if strings.TrimSpace(g.Name) == "" {
		v.at(false, "缺少 name（文种名称，如 请示）(name is required)", "name")
	}
	if strings.TrimSpace(g.Use) == "" {
		v.at(false, "缺少 use（一句话说明用途）(use is required)", "use")
	}
	switch g.Direction {
	case document.DirectionUp, document.DirectionDown, document.DirectionParallel:
	default:
		v.at(false, fmt.Sprintf("direction %q 无效：应为 up（上行文）、down（下行文）或 parallel（平行文）", g.Direction), "direction")
	}
	switch g.Format {
	case document.FormatFile, document.FormatLetter, document.FormatOrder, document.FormatMinutes:
	default:
		v.at(false, fmt.Sprintf("format %q 无效：应为 file（文件格式）、letter（信函格式）、order（命令格式）或 minutes（纪要格式）", g.Format), "format")
	}
	for i, p := range g.Elements {
		if _, ok := elementPaths[p]; !ok {
			v.at(false, unknownPath(p), "elements", i)
		}
	}
	for i, p := range g.Required {
		if _, ok := elementPaths[p]; !ok {
			v.at(false, unknownPath(p), "required", i)
		} else if !contains(g.Elements, p) {
			v.at(false, fmt.Sprintf("必备要素 %q 不在 elements 中 (a required element must be listed in elements)", p), "required", i)
		}
	}
	v.validateFields()
	v.validateDefaults()
	for id, rc := range g.Rules {
		if v.opts.RuleExists != nil && !v.opts.RuleExists(id) {
			v.at(true, fmt.Sprintf("规则 %q 不存在 (unknown rule)；规则列表见 docs/rules.md", id), "rules", id)
		}
		if v.opts.ParamDefault != nil && (v.opts.RuleExists == nil || v.opts.RuleExists(id)) {
			for name, val := range rc.Params {
				def, ok := v.opts.ParamDefault(id, name)
				if !ok {
					v.at(true, fmt.Sprintf("规则 %q 没有参数 %q (unknown parameter)", id, name), "rules", id, "params", name)
				} else if want := paramTypeError(def, val); want != "" {
					v.at(false, fmt.Sprintf("规则 %q 的参数 %q 应当是%s", id, name, want), "rules", id, "params", name)
				}
			}
		}
		if rc.Severity != "" && !contains([]string{"error", "warning", "info"}, rc.Severity) {
			v.at(false, fmt.Sprintf("severity %q 无效：应为 error、warning 或 info", rc.Severity), "rules", id, "severity")
		}
	}
	if g.Attachment != "" && g.Attachment != "rectification" {
		v.at(false, fmt.Sprintf("attachment %q 无效：目前只有 rectification（整改方案）", g.Attachment), "attachment")
	}
	if len(g.Meta.Clauses) == 0 {
		v.at(false, "meta.clauses 不能为空：写明模板依据的条款，如 GB/T 9704-2012 7.3.1、条例 第八条 (clauses are required)", "meta")
	}
	v.validateChecks()
	v.validateExample()
	v.runDeclaredExamples()
}

func unknownPath(p string) string {
	return fmt.Sprintf("未知的要素路径 %q (unknown element path)；可用的有：%s", p, strings.Join(ElementPaths(), "、"))
}

func (v *validator) validateFields() {
	g := v.g
	if len(g.Fields) == 0 {
		v.at(false, "fields 不能为空：至少列出表单要填的字段 (fields are required)", "fields")
	}
	seen := map[string]int{}
	for i, f := range g.Fields {
		shape, top, ok := fieldShape(f.Path)
		if !ok {
			v.at(false, unknownPath(f.Path), "fields", i, "path")
			continue
		}
		if j, dup := seen[f.Path]; dup {
			v.at(false, fmt.Sprintf("字段 %q 重复：第 %d 个字段已经填写这个要素 (duplicate field)", f.Path, j+1), "fields", i, "path")
		}
		seen[f.Path] = i
		if !contains(g.Elements, top) && f.Path != "format" && f.Path != "direction" {
			v.at(false, fmt.Sprintf("字段 %q 不在 elements 中 (a field's element must be listed in elements)", f.Path), "fields", i, "path")
		}
		if strings.TrimSpace(f.Label) == "" {
			v.at(false, "字段缺少 label（表单上显示的名称）(label is required)", "fields", i)
		}
		if strings.TrimSpace(f.Help) == "" {
			v.at(false, "字段缺少 help（说明规则及其条款）(help is required)", "fields", i)
		}
		allowed := []string{KindLine, KindParagraph, KindList, KindDate, KindChoice, KindItems}
		switch {
		case !contains(allowed, f.Kind):
			v.at(false, fmt.Sprintf("未知的字段类型 kind %q (unknown field kind)：应为 %s", f.Kind, strings.Join(allowed, "、")), "fields", i, "kind")
		case !contains(kindsFor[shape], f.Kind):
			v.at(false, fmt.Sprintf("要素 %q 不能用 kind %q：可用 %s", f.Path, f.Kind, strings.Join(kindsFor[shape], "、")), "fields", i, "kind")
		case f.Kind == KindChoice && len(f.Choices) == 0:
			v.at(false, "choice 类字段必须给出 choices (a choice field needs choices)", "fields", i, "kind")
		case f.Kind != KindChoice && len(f.Choices) > 0:
			v.at(false, "只有 choice 类字段可以有 choices (only a choice field has choices)", "fields", i, "choices")
		}
		if f.Path == "sign_off" {
			for k, c := range f.Choices {
				if !contains(signOffs, c) {
					v.at(false, fmt.Sprintf("sign_off 的选项 %q 无效：应为 %s", c, strings.Join(signOffs, "、")), "fields", i, "choices", k)
				}
			}
		}
		if !contains(groups, f.Group) {
			v.at(false, fmt.Sprintf("group %q 无效：应为 版头、主体 或 版记 (GB/T 9704-2012 7.1)", f.Group), "fields", i, "group")
		}
	}
}

func (v *validator) validateDefaults() {
	for k, val := range v.g.Defaults {
		shape, ok := elementPaths[k]
		if !ok || shape == shapeItems {
			v.at(true, fmt.Sprintf("defaults 中的 %q 不是可设默认值的要素 (no default for this path)；可用：%s", k, strings.Join(ElementPaths(), "、")), "defaults", k)
			continue
		}
		switch {
		case k == "sign_off" && !contains(signOffs, val):
			v.at(false, fmt.Sprintf("sign_off 默认值 %q 无效：应为 %s", val, strings.Join(signOffs, "、")), "defaults", k)
		case shape == shapeBool && val != "true" && val != "false":
			v.at(false, fmt.Sprintf("%s 的默认值应为 \"true\" 或 \"false\"", k), "defaults", k)
		case k == "format" || k == "direction":
			v.at(true, fmt.Sprintf("%s 不放在 defaults 里，写在模板顶层的 %s 键", k, k), "defaults", k)
		}
	}
}

// exampleMsg matches a draft parser's message that starts with NAME:LINE:COL:.
var exampleMsg = regexp.MustCompile(`^example:(\d+):(\d+):\s*(.*)$`)

func (v *validator) validateExample() {
	g := v.g
	if strings.TrimSpace(g.Example) == "" {
		return
	}
	if v.opts.ParseDraft == nil {
		return
	}
	doc, err := v.opts.ParseDraft("example", []byte(g.Example))
	var de *document.Error
	if errors.As(err, &de) && de.Line > 0 {
		v.exampleAt(de.Line, de.Col, "示例草稿有误 (bad example)："+de.Msg)
		return
	}
	if err != nil {
		for _, line := range strings.Split(err.Error(), "\n") {
			if line = strings.TrimSpace(line); line == "" {
				continue
			}
			if m := exampleMsg.FindStringSubmatch(line); m != nil {
				l, _ := strconv.Atoi(m[1])
				c, _ := strconv.Atoi(m[2])
				v.exampleAt(l, c, "示例草稿有误 (bad example)："+m[3])
			} else {
				v.at(false, "示例草稿有误 (bad example)："+line, "example")
			}
		}
		return
	}
	if doc.Genre != "" && doc.Genre != g.ID {
		v.at(false, fmt.Sprintf("示例的 genre %q 与模板 id %q 不一致", doc.Genre, g.ID), "example")
	}
	if doc.Format != "" && doc.Format != g.Format {
		v.at(false, fmt.Sprintf("示例的 format %q 与模板的 format %q 不一致", doc.Format, g.Format), "example")
	}
	if m := g.Missing(doc); len(m) > 0 {
		v.at(false, fmt.Sprintf("示例缺少必备要素 (example lacks required elements)：%s", strings.Join(m, "、")), "example")
	}
	if u := g.Unused(doc); len(u) > 0 {
		v.at(false, fmt.Sprintf("示例用了模板 elements 中没有的要素 (example uses elements the template does not list)：%s", strings.Join(u, "、")), "example")
	}
	if v.opts.CheckExample == nil {
		return
	}
	for _, p := range v.opts.CheckExample(doc, g) {
		v.exampleAt(p.Line, p.Col, fmt.Sprintf("示例未通过检查 (example fails its own check) %s：%s", p.Rule, p.Message))
	}
}

// exampleAt records a problem at line l, column c of the example text, mapped into the
// template file when the example is a block scalar (example: |).
func (v *validator) exampleAt(l, c int, msg string) {
	n := lookup(v.root, false, "example")
	lit, ok := unwrap(n).(*ast.LiteralNode)
	if !ok || l <= 0 || lit.Start == nil {
		v.at(false, msg, "example")
		return
	}
	// The block's content starts on the line after the | indicator; its indentation is that
	// of the first non-blank content line.
	first := lit.Start.Position.Line + 1
	indent := lit.Start.Position.IndentNum + 2
	for i := first - 1; i < len(v.lines); i++ {
		if t := strings.TrimLeft(v.lines[i], " "); t != "" {
			indent = len(v.lines[i]) - len(t)
			break
		}
	}
	if c <= 0 {
		c = 1
	}
	v.errs = append(v.errs, &Error{File: v.file, Line: first + l - 1, Col: indent + c, Msg: msg})
}

// paramTypeError says what type a parameter value should have when it does not have the
// type of the default; "" when it does (or the default's type is not one of the simple ones).
func paramTypeError(def, val any) string {
	switch def.(type) {
	case []string:
		list, ok := val.([]any)
		if !ok {
			return "字符串列表 (a list of strings)，如 [特此报告, 专此报告]"
		}
		for _, x := range list {
			if _, ok := x.(string); !ok {
				return "字符串列表 (a list of strings)，如 [特此报告, 专此报告]"
			}
		}
	case string:
		if _, ok := val.(string); !ok {
			return "字符串 (string)"
		}
	case bool:
		if _, ok := val.(bool); !ok {
			return "true 或 false (boolean)"
		}
	case int, int64, uint64, float64:
		switch val.(type) {
		case int, int64, uint64, float64:
		default:
			return "数字 (number)"
		}
	}
	return ""
}
