package document

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/lexer"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
)

// DraftVersion is the version of the draft format this program reads and writes.
// A draft with a higher version is refused with ErrNewerVersion.
const DraftVersion = 1

// MaxDraftSize is the largest draft Parse accepts (16 MiB).
const MaxDraftSize = 16 << 20

// Extra element paths recorded in Source for drafts (besides the constants in source.go).
const (
	PathVersion        = "version"
	PathGenre          = "genre"
	PathFormat         = "format"
	PathDirection      = "direction"
	PathSignOff        = "sign_off"
	PathSignatureImage = "signature_image"
	// the lists and records (their items are "body.3", "issuers.0.name", …)
	PathIssuers           = "issuers"
	PathSigners           = "signers"
	PathRecipientsInBanji = "recipients_in_banji"
	PathBody              = "body"
	PathAttachmentNotes   = "attachment_notes"
	PathAttachments       = "attachments"
	PathRectification     = "rectification"
)

// Parse reads a draft file (YAML, see docs/draft.md). It is strict: unknown keys, values of
// the wrong type, bad enum values and invalid dates are errors of type *Error with the place
// in the file. Every text value's place is recorded in the returned document's Source.
// A draft of a newer format version yields an *Error wrapping ErrNewerVersion.
func Parse(file string, data []byte) (doc *Document, err error) {
	if len(data) > MaxDraftSize {
		return nil, &Error{File: file, Msg: fmt.Sprintf("草稿文件过大（%d 字节，上限 %d 字节）", len(data), MaxDraftSize), Err: ErrTooLarge}
	}
	if !utf8.Valid(data) {
		line, col := invalidUTF8Pos(data)
		msg := "草稿文件不是有效的 UTF-8 编码，请以 UTF-8 保存"
		if isGB18030(data) {
			msg = "草稿文件是 GBK（GB18030）编码，不是 UTF-8：请在编辑器中“另存为”并选择 UTF-8 编码"
		}
		return nil, &Error{File: file, Line: line, Col: col, Msg: msg}
	}
	text := strings.TrimPrefix(string(data), "\ufeff")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	defer func() {
		// The YAML library is third-party code: never let a panic in it reach the user.
		if r := recover(); r != nil {
			doc, err = nil, &Error{File: file, Msg: fmt.Sprintf("无法解析草稿（YAML 解析器内部错误：%v）", r)}
		}
	}()
	// The YAML library's time and memory grow with the square of the nesting depth and of
	// the number of documents: refuse what goes past the bounds before parsing.
	// One tokenization serves the check and the parser (parser.ParseBytes would tokenize again).
	toks := lexer.Tokenize(text)
	if e := CheckYAMLTokens(toks); e != nil {
		return nil, &Error{File: file, Line: e.Line, Col: e.Col, Msg: "草稿的" + e.Msg + "，这不是正常的草稿"}
	}
	f, perr := parser.Parse(toks, 0)
	if perr != nil {
		return nil, yamlError(file, perr)
	}
	d := &decoder{file: file, src: NewSource(file)}
	for _, l := range strings.Split(text, "\n") {
		d.lines = append(d.lines, []rune(l))
	}
	var body ast.Node
	for _, dn := range f.Docs {
		if dn == nil || dn.Body == nil {
			continue
		}
		if _, ok := dn.Body.(*ast.DirectiveNode); ok {
			continue
		}
		if body != nil {
			return nil, d.errAt(dn.Body, "草稿只能包含一个 YAML 文档（发现多个“---”分隔的文档）")
		}
		body = dn.Body
	}
	doc = &Document{}
	if body == nil {
		doc.Source = d.src
		return doc, nil
	}
	if _, ok := body.(*ast.NullNode); ok {
		doc.Source = d.src
		return doc, nil
	}
	m, ok := body.(*ast.MappingNode)
	if !ok {
		return nil, d.errAt(body, "草稿的顶层应为“键: 值”的映射（例如 title: 关于……的通知）")
	}
	if err := d.document(m, doc); err != nil {
		return nil, err
	}
	doc.Source = d.src
	return doc, nil
}

// NestingTooDeep returns the first place where YAML text goes past the bounds of
// CheckYAMLLimits (nesting, documents, aliases), for the readers of drafts and templates to
// refuse before parsing.
func NestingTooDeep(text string) (line, col int, ok bool) {
	if e := CheckYAMLLimits(text); e != nil {
		return e.Line, e.Col, true
	}
	return 0, 0, false
}

// yamlError turns a go-yaml error into an *Error with the place of its token.
func yamlError(file string, err error) error {
	type tokenError interface {
		GetToken() *token.Token
		GetMessage() string
	}
	if te, ok := err.(tokenError); ok {
		e := &Error{File: file, Msg: "YAML 语法错误：" + yamlMessage(te.GetMessage())}
		if tk := te.GetToken(); tk != nil && tk.Position != nil {
			e.Line, e.Col = tk.Position.Line, tk.Position.Column
		}
		return e
	}
	return &Error{File: file, Msg: "YAML 语法错误：" + err.Error()}
}

// yamlMessages translates the go-yaml messages people meet most often.
// The patterns are compiled when a draft first has a syntax error (yamlMessageRes).
var yamlMessages = []struct {
	re  string
	msg string
}{
	{`^mapping key "(.*)" already defined at \[(\d+):\d+\]`, "键“${1}”重复（第${2}行已有）"},
	{`sequence end token '\]' not found`, "缺少与“[”配对的“]”"},
	{`could not find flow map content|flow map end token '\}' not found`, "缺少与“{”配对的“}”"},
	{`could not find end character of double-quoted text`, "双引号没有结束（缺少右边的 \"）"},
	{`could not find end character of single-quoted text`, "单引号没有结束（缺少右边的 '）"},
	{`(?i)tab character|found character '\t'`, "不能用制表符（Tab）缩进，请用空格"},
	{`mapping value is not allowed in this context`, "此处不能出现“键: 值”：文字中的“: ”请用引号括起，或检查缩进"},
	{`non-map value is specified`, "这里应为“键: 值”：检查是否漏了冒号，或缩进不对"},
	{`value is not allowed in this context`, "此处的内容不合语法：检查缩进是否对齐"},
	{`'(.)' is a reserved character`, "“${1}”不能作为文字的开头，请把整段文字用双引号括起"},
	{`found unknown escape character '(.*)'`, "双引号中有无法识别的转义“\\${1}”（反斜杠本身请写成 \\\\）"},
	{`',' or '\]' must be specified`, "列表“[……]”的各项之间应以逗号分隔，或缺少右边的“]”"},
	{`',' or '\}' must be specified`, "映射“{……}”的各项之间应以逗号分隔，或缺少右边的“}”"},
	{`could not find flow mapping end token '\}'`, "缺少与“{”配对的“}”"},
	{`could not find '\[' character corresponding to '\]'`, "多了一个“]”：没有与之配对的“[”"},
	{`could not find '\{' character corresponding to '\}'`, "多了一个“}”：没有与之配对的“{”"},
	{`unexpected directive`, "“%”开头的行是 YAML 指令，只能写在文件开头；文字以“%”开头时请用双引号括起"},
	{`surrogate`, "双引号中的“\\u”转义不是有效的字符（单独的 UTF-16 代理项 D800–DFFF）"},
	{`unexpected scalar value type`, "此处的内容不合语法（列表“[……]”中是否有空项或多余的逗号？）"},
}

var yamlMessageRes = sync.OnceValue(func() []*regexp.Regexp {
	res := make([]*regexp.Regexp, len(yamlMessages))
	for i, t := range yamlMessages {
		res[i] = regexp.MustCompile(t.re)
	}
	return res
})

func yamlMessage(m string) string {
	for i, re := range yamlMessageRes() {
		if loc := re.FindStringSubmatchIndex(m); loc != nil {
			return string(re.ExpandString(nil, yamlMessages[i].msg, m, loc))
		}
	}
	return "（" + m + "）"
}

// isGB18030 reports whether data reads as GB18030 text (and back, byte for byte) with at
// least one Chinese character: a draft saved as "ANSI" by a Chinese Windows editor.
func isGB18030(data []byte) bool {
	dec, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil || !utf8.Valid(dec) || bytes.ContainsRune(dec, utf8.RuneError) {
		return false
	}
	back, err := simplifiedchinese.GB18030.NewEncoder().Bytes(dec)
	if err != nil || !bytes.Equal(back, data) {
		return false
	}
	return strings.ContainsFunc(string(dec), func(r rune) bool { return unicode.Is(unicode.Han, r) })
}

func invalidUTF8Pos(data []byte) (line, col int) {
	line, col = 1, 1
	for len(data) > 0 {
		r, n := utf8.DecodeRune(data)
		if r == utf8.RuneError && n <= 1 {
			return line, col
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		data = data[n:]
	}
	return line, col
}

type decoder struct {
	file  string
	lines [][]rune
	src   *Source
}

func (d *decoder) errAt(n ast.Node, format string, args ...any) *Error {
	e := &Error{File: d.file, Msg: fmt.Sprintf(format, args...)}
	if m, ok := n.(*ast.MappingNode); ok && len(m.Values) > 0 && m.Values[0].Key != nil {
		n = m.Values[0].Key // a block mapping's own token is its first ':'
	}
	if n != nil {
		if tk := n.GetToken(); tk != nil && tk.Position != nil {
			e.Line, e.Col = tk.Position.Line, tk.Position.Column
			if e.Col < 1 {
				e.Col = 1
			}
		}
	}
	return e
}

// topKeys lists the draft's top-level keys in model order (for suggestions): the version
// and the keys of the element table.
var topKeys = func() []string {
	out := []string{PathVersion}
	for _, e := range Elements {
		out = append(out, e.Key)
	}
	return out
}()

// keyName reads a mapping key; keys are plain words.
func (d *decoder) keyName(kv *ast.MappingValueNode) (string, error) {
	switch k := kv.Key.(type) {
	case *ast.StringNode:
		return k.Value, nil
	case *ast.MappingKeyNode, nil:
		return "", d.errAt(kv, "不支持复杂的键（“? ”形式）")
	default:
		return k.GetToken().Value, nil
	}
}

func (d *decoder) unknownKey(n ast.Node, key, where string, known []string) *Error {
	msg := fmt.Sprintf("未知的键“%s”", key)
	if where != "" {
		msg = fmt.Sprintf("%s中未知的键“%s”", where, key)
	}
	if s := suggest(key, known); s != "" {
		msg += fmt.Sprintf("（是不是“%s”？）", s)
	} else {
		msg += "（可用的键见 docs/draft.md）"
	}
	return d.errAt(n, "%s", msg)
}

func (d *decoder) document(m *ast.MappingNode, doc *Document) error {
	// The version comes first: a newer draft may use keys this program does not know.
	for _, kv := range m.Values {
		if k, err := d.keyName(kv); err == nil && k == "version" {
			if err := d.version(kv.Value); err != nil {
				return err
			}
		}
	}
	for _, kv := range m.Values {
		key, err := d.keyName(kv)
		if err != nil {
			return err
		}
		if key == PathVersion {
			continue // checked above
		}
		e := ElementOf(key)
		if e == nil {
			return d.unknownKey(kv.Key, key, "", topKeys)
		}
		if err := d.element(kv.Value, e, doc); err != nil {
			return err
		}
	}
	return nil
}

// element reads the value of a top-level element as its description says.
func (d *decoder) element(v ast.Node, e *Element, doc *Document) error {
	switch e.Shape {
	case ShapeWord, ShapeText:
		return d.str(v, e.Key, e.text(doc, 0))
	case ShapeEnum:
		return d.enum(v, e.Key, e.text(doc, 0), e.Key, e.Values...)
	case ShapeDate:
		return d.date(v, e.Key, e.Label+"（"+e.Key+"）", e.text(doc, 0))
	case ShapeBool:
		return d.boolean(v, e.Key, e.flag(doc))
	case ShapeList:
		l, err := d.strList(v, e.Key)
		*e.list(doc, 0) = l
		return err
	case ShapeItems:
		return d.records(v, e, doc)
	}
	return nil
}

func (d *decoder) version(v ast.Node) error {
	n, ok := v.(*ast.IntegerNode)
	if !ok {
		return d.errAt(v, "version 应为整数（当前格式版本为 %d）", DraftVersion)
	}
	ver, err := strconv.Atoi(n.GetToken().Value)
	if err != nil || ver < 1 {
		return d.errAt(v, "version 的值“%s”无效（当前格式版本为 %d）", n.GetToken().Value, DraftVersion)
	}
	if ver > DraftVersion {
		e := d.errAt(v, "此草稿由较新版本的公文写作助手保存（格式版本 %d，本程序只支持到 %d），请升级程序后再打开；为免丢失内容，本程序不会改写此文件", ver, DraftVersion)
		e.Err = ErrNewerVersion
		return e
	}
	d.record(v, PathVersion, n.GetToken().Value)
	return nil
}

// scalarText returns the text of a scalar node exactly as the YAML means it, or an error
// for collections and unsupported constructs. isNull is true for an empty value.
func (d *decoder) scalarText(v ast.Node, what string) (s string, isNull bool, err error) {
	switch n := v.(type) {
	case nil, *ast.NullNode:
		return "", true, nil
	case *ast.StringNode:
		return n.Value, false, nil
	case *ast.LiteralNode:
		if n.Value == nil {
			return "", false, nil
		}
		return n.Value.Value, false, nil
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode:
		return v.GetToken().Value, false, nil
	case *ast.MappingNode:
		return "", false, d.errAt(v, "%s 应为文本，不能是映射（“键: 值”）", what)
	case *ast.SequenceNode:
		return "", false, d.errAt(v, "%s 应为文本，不能是列表", what)
	case *ast.AnchorNode, *ast.AliasNode:
		return "", false, d.errAt(v, "%s：草稿不支持 YAML 锚点和别名（& 和 *）", what)
	case *ast.TagNode:
		return "", false, d.errAt(v, "%s：草稿不支持 YAML 标签（!）", what)
	default:
		return "", false, d.errAt(v, "%s 应为文本", what)
	}
}

// str reads a text value and records its place.
func (d *decoder) str(v ast.Node, path string, dst *string) error {
	s, null, err := d.scalarText(v, path)
	if err != nil {
		return err
	}
	*dst = s
	if !null {
		d.record(v, path, s)
	}
	return nil
}

func (d *decoder) enum(v ast.Node, path string, dst *string, key string, allowed ...string) error {
	if err := d.str(v, path, dst); err != nil {
		return err
	}
	if *dst == "" {
		return nil
	}
	for _, a := range allowed {
		if *dst == a {
			return nil
		}
	}
	return d.errAt(v, "%s 的值“%s”无效，应为 %s 之一", key, *dst, strings.Join(allowed, "、"))
}

func (d *decoder) date(v ast.Node, path, what string, dst *string) error {
	if err := d.str(v, path, dst); err != nil {
		return err
	}
	if *dst == "" {
		return nil
	}
	if _, err := ParseDate(*dst); err != nil {
		return d.errAt(v, "%s“%s”无效：%v", what, *dst, err)
	}
	return nil
}

func (d *decoder) boolean(v ast.Node, key string, dst *bool) error {
	switch n := v.(type) {
	case nil, *ast.NullNode:
		*dst = false
		return nil
	case *ast.BoolNode:
		*dst = n.Value
		return nil
	}
	return d.errAt(v, "%s 应为 true 或 false", key)
}

// seq returns the items of a list value; an empty value is an empty list.
func (d *decoder) seq(v ast.Node, key, example string) ([]ast.Node, error) {
	switch n := v.(type) {
	case nil, *ast.NullNode:
		return nil, nil
	case *ast.SequenceNode:
		return n.Values, nil
	case *ast.AnchorNode, *ast.AliasNode:
		return nil, d.errAt(v, "%s：草稿不支持 YAML 锚点和别名（& 和 *）", key)
	case *ast.TagNode:
		return nil, d.errAt(v, "%s：草稿不支持 YAML 标签（!）", key)
	}
	return nil, d.errAt(v, "%s 应为列表，例如 %s", key, example)
}

func (d *decoder) strList(v ast.Node, key string) ([]string, error) {
	items, err := d.seq(v, key, "["+key+"一, "+key+"二] 或每行一个“- ……”")
	if err != nil || len(items) == 0 {
		return nil, err
	}
	out := make([]string, len(items))
	for i, it := range items {
		p := key + "." + strconv.Itoa(i)
		if err := d.str(it, p, &out[i]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// mapping iterates the keys of a mapping value (an item of issuers, attachments, …).
func (d *decoder) mapping(v ast.Node, where string, known []string, f func(key string, val ast.Node) error) error {
	m, ok := v.(*ast.MappingNode)
	if !ok {
		if _, isNull := v.(*ast.NullNode); isNull || v == nil {
			return nil
		}
		return d.errAt(v, "%s 应为映射（“键: 值”），可用的键：%s", where, strings.Join(known, "、"))
	}
	for _, kv := range m.Values {
		key, err := d.keyName(kv)
		if err != nil {
			return err
		}
		found := false
		for _, k := range known {
			if k == key {
				found = true
				break
			}
		}
		if !found {
			return d.unknownKey(kv.Key, key, where, known)
		}
		if err := f(key, kv.Value); err != nil {
			return err
		}
	}
	return nil
}

// records reads the list of a record element (issuers, attachments, rectification): each
// item a mapping of the element's fields.
func (d *decoder) records(v ast.Node, e *Element, doc *Document) error {
	items, err := d.seq(v, e.Key, e.Example)
	if err != nil {
		return err
	}
	known := make([]string, len(e.Fields))
	for k, f := range e.Fields {
		known[k] = f.Key
	}
	for i, it := range items {
		e.add(doc)
		p := e.Key + "." + strconv.Itoa(i) + "."
		err := d.mapping(it, fmt.Sprintf("%s 第%d项", e.Key, i+1), known, func(k string, val ast.Node) error {
			f := e.Sub(k)
			switch f.Shape {
			case ShapeList:
				l, err := d.strList(val, p+k)
				*f.list(doc, i) = l
				return err
			case ShapeTable:
				t, err := d.table(val, p+k)
				*f.table(doc, i) = t
				return err
			default:
				return d.str(val, p+k, f.text(doc, i))
			}
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func (d *decoder) table(v ast.Node, path string) (*Table, error) {
	if _, isNull := v.(*ast.NullNode); isNull || v == nil {
		return nil, nil
	}
	t := &Table{}
	err := d.mapping(v, path, []string{"header", "rows", "widths"}, func(k string, val ast.Node) error {
		switch k {
		case "header":
			var err error
			t.Header, err = d.strList(val, path+".header")
			return err
		case "rows":
			rows, err := d.seq(val, path+".rows", "[[1, 某问题], [2, 另一问题]]")
			if err != nil {
				return err
			}
			for r, row := range rows {
				cells, err := d.strList(row, path+".rows."+strconv.Itoa(r))
				if err != nil {
					return err
				}
				t.Rows = append(t.Rows, cells)
			}
			return nil
		default:
			ws, err := d.seq(val, path+".widths", "[1, 4, 2]")
			if err != nil {
				return err
			}
			for _, w := range ws {
				var f float64
				switch w.(type) {
				case *ast.IntegerNode, *ast.FloatNode:
					f, err = strconv.ParseFloat(strings.ReplaceAll(w.GetToken().Value, "_", ""), 64)
				default:
					err = fmt.Errorf("not a number")
				}
				if err != nil || f <= 0 || f != f {
					return d.errAt(w, "%s.widths 的每一项应为正数（相对列宽）", path)
				}
				t.Widths = append(t.Widths, f)
			}
			return nil
		}
	})
	return t, err
}

// suggest returns the known key closest to key when it is close enough to be a typo.
func suggest(key string, known []string) string {
	best, bestD := "", 3
	for _, k := range known {
		if dd := editDistance(key, k); dd < bestD {
			best, bestD = k, dd
		}
	}
	return best
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := prev[j-1]
			if ra[i-1] != rb[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
