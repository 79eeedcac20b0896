package document

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Marshal writes doc as a draft: keys in the order of the element table (Elements), empty
// elements omitted, one body paragraph a line in block style, plain text where YAML allows
// it and double quotes where it does not (leading spaces, ASCII punctuation that means
// something in YAML, values that would read as numbers or booleans). Parse(Marshal(d))
// gives d back (Dir and Source aside).
func Marshal(doc *Document) ([]byte, error) {
	if doc == nil {
		return nil, fmt.Errorf("marshal draft: nil document")
	}
	w := &draftWriter{}
	w.b.WriteString("# 公文写作助手草稿（Gongwen draft），格式说明见 docs/draft.md\n")
	fmt.Fprintf(&w.b, "version: %d\n", DraftVersion)
	for k := range Elements {
		e := &Elements[k]
		switch e.Shape {
		case ShapeWord, ShapeEnum:
			w.word(e.Key, *e.text(doc, 0))
		case ShapeText, ShapeDate:
			w.str(e.Key, *e.text(doc, 0))
		case ShapeBool:
			if *e.flag(doc) {
				w.b.WriteString(e.Key + ": true\n")
			}
		case ShapeList:
			w.list(0, e.Key, *e.list(doc, 0))
		case ShapeItems:
			if n := e.count(doc); n > 0 {
				w.b.WriteString(e.Key + ":\n")
				for i := 0; i < n; i++ {
					w.record(e, doc, i)
				}
			}
		}
	}
	return w.b.Bytes(), nil
}

type draftWriter struct {
	b bytes.Buffer
}

func indent(level int) string { return strings.Repeat("  ", level) }

// word writes an identifier-like value (genre, enums): plain when it is a simple word.
func (w *draftWriter) word(key, v string) {
	if v == "" {
		return
	}
	if isWord(v) {
		w.b.WriteString(key + ": " + v + "\n")
		return
	}
	w.b.WriteString(key + ": " + flowScalar(v) + "\n")
}

// isWord reports whether v is a lower-case identifier that YAML reads as a plain string.
func isWord(v string) bool {
	switch v {
	case "", "y", "n", "yes", "no", "on", "off", "true", "false", "null", "nan", "inf":
		return false
	}
	for i, r := range v {
		if !(r >= 'a' && r <= 'z' || r == '_' || (i > 0 && (r >= '0' && r <= '9' || r == '-'))) {
			return false
		}
	}
	return true
}

// str writes "key: value" at the top level, omitting empty values.
func (w *draftWriter) str(key, v string) {
	if v == "" {
		return
	}
	w.keyValue(0, key, v)
}

// keyValue writes "key: value" at an indentation level, with a block scalar for multi-line text.
func (w *draftWriter) keyValue(level int, key, v string) {
	w.b.WriteString(indent(level) + key + ":")
	w.value(level, v)
}

// value writes " value\n" after a key or a "-", or a |- block indented one level deeper.
func (w *draftWriter) value(level int, v string) {
	if literalOK(v) {
		w.b.WriteString(" |-\n")
		for _, l := range strings.Split(v, "\n") {
			if l != "" {
				w.b.WriteString(indent(level+1) + l)
			}
			w.b.WriteByte('\n')
		}
		return
	}
	w.b.WriteString(" " + flowScalar(v) + "\n")
}

// list writes a list of strings in block style, one item a line.
func (w *draftWriter) list(level int, key string, items []string) {
	if len(items) == 0 {
		return
	}
	w.b.WriteString(indent(level) + key + ":\n")
	for _, it := range items {
		w.b.WriteString(indent(level+1) + "-")
		w.value(level+1, it)
	}
}

// record writes record i of a record element as one item of its list: "- key: value" for
// the first field that is not empty, then "  key: value", lists in block style and a table
// in flow style; "- {}" when every field is empty.
func (w *draftWriter) record(e *Element, doc *Document, i int) {
	// "- " opens the item; the first key follows on the same line.
	prefix := indent(1) + "- "
	next := func() string {
		p := prefix
		prefix = indent(2)
		return p
	}
	for k := range e.Fields {
		f := &e.Fields[k]
		switch f.Shape {
		case ShapeText, ShapeDate:
			if v := *f.text(doc, i); v != "" {
				w.b.WriteString(next() + f.Key + ":")
				w.value(2, v)
			}
		case ShapeList:
			if l := *f.list(doc, i); len(l) > 0 {
				w.b.WriteString(next() + f.Key + ":\n")
				for _, p := range l {
					w.b.WriteString(indent(3) + "-")
					w.value(3, p)
				}
			}
		case ShapeTable:
			if t := *f.table(doc, i); t != nil {
				w.table(next(), f.Key, t)
			}
		}
	}
	if prefix == indent(1)+"- " {
		w.b.WriteString(indent(1) + "- {}\n")
	}
}

// table writes an attachment's table after prefix, the rows one a line in flow style.
func (w *draftWriter) table(prefix, key string, t *Table) {
	if len(t.Header) == 0 && len(t.Rows) == 0 && len(t.Widths) == 0 {
		w.b.WriteString(prefix + key + ": {}\n")
		return
	}
	w.b.WriteString(prefix + key + ":\n")
	if len(t.Header) > 0 {
		w.b.WriteString(indent(3) + "header: " + flowList(t.Header) + "\n")
	}
	if len(t.Rows) > 0 {
		w.b.WriteString(indent(3) + "rows:\n")
		for _, r := range t.Rows {
			w.b.WriteString(indent(4) + "- " + flowList(r) + "\n")
		}
	}
	if len(t.Widths) > 0 {
		ws := make([]string, len(t.Widths))
		for i, x := range t.Widths {
			ws[i] = strconv.FormatFloat(x, 'g', -1, 64)
		}
		w.b.WriteString(indent(3) + "widths: [" + strings.Join(ws, ", ") + "]\n")
	}
}

func flowList(items []string) string {
	parts := make([]string, len(items))
	for i, s := range items {
		parts[i] = flowScalar(s)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// flowScalar writes s plain when that reads back as the same text in any context
// (block or flow), else double-quoted.
func flowScalar(s string) string {
	if plainOK(s) {
		return s
	}
	return doubleQuote(s)
}

// plainOK is deliberately conservative: a plain scalar must hold a non-ASCII character
// (so it never reads as a number, boolean, null or date), must not start or end with
// blanks, and must not hold ASCII characters that mean something in YAML.
func plainOK(s string) bool {
	if s == "" || !utf8.ValidString(s) {
		return false
	}
	if asciiWord(s) {
		return true
	}
	nonASCII := false
	for i, r := range s {
		switch {
		case r >= utf8.RuneSelf:
			if unicode.IsSpace(r) || !unicode.IsPrint(r) || r == '\ufeff' {
				return false
			}
			nonASCII = true
		case r < ' ' || r == 0x7f:
			return false
		case strings.ContainsRune(":#{}[],&*!|>'\"%@`\\?", r):
			return false
		case r == '-' && i == 0:
			return false
		case r == ' ' && (i == 0 || i == len(s)-1):
			return false
		}
	}
	return nonASCII
}

// asciiWord reports an ASCII word that Parse reads back as written: letters, digits and
// _ . / - (file names such as seal.png, numbers in table cells), but not null-like words and
// not digits with a leading zero, which other YAML tools would turn into numbers.
func asciiWord(s string) bool {
	switch strings.ToLower(s) {
	case "null", "~", "nan", "inf":
		return false
	}
	if len(s) > 1 && s[0] == '0' && s[1] >= '0' && s[1] <= '9' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		alnum := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
		if !alnum && (i == 0 || !strings.ContainsRune("_./-", rune(c))) {
			return false
		}
	}
	return true
}

// literalOK says whether s can be written as a |- block scalar and read back unchanged.
func literalOK(s string) bool {
	if !strings.Contains(s, "\n") || !utf8.ValidString(s) || strings.HasSuffix(s, "\n") {
		return false
	}
	lines := strings.Split(s, "\n")
	if lines[0] == "" || lines[0][0] == ' ' {
		return false
	}
	for _, l := range lines {
		if strings.HasSuffix(l, " ") || strings.HasPrefix(l, "\t") {
			return false
		}
		for _, r := range l {
			if (r < ' ' && r != '\t') || r == 0x7f || r == '\u0085' || r == '\u2028' || r == '\u2029' || r == '\ufeff' {
				return false
			}
		}
	}
	return true
}

// doubleQuote writes s as a YAML double-quoted scalar.
func doubleQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if r < ' ' || r == 0x7f || r == '\u0085' || r == '\u2028' || r == '\u2029' || r == '\ufeff' || r == utf8.RuneError {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}
