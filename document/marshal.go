package document

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Marshal writes doc as a draft: keys in model order, empty elements omitted, one body
// paragraph a line in block style, plain text where YAML allows it and double quotes where
// it does not (leading spaces, ASCII punctuation that means something in YAML, values that
// would read as numbers or booleans). Parse(Marshal(d)) gives d back (Dir and Source aside).
func Marshal(doc *Document) ([]byte, error) {
	if doc == nil {
		return nil, fmt.Errorf("marshal draft: nil document")
	}
	w := &draftWriter{}
	w.b.WriteString("# 公文写作助手草稿（Gongwen draft），格式说明见 docs/draft.md\n")
	fmt.Fprintf(&w.b, "version: %d\n", DraftVersion)
	w.word("genre", doc.Genre)
	w.word("format", string(doc.Format))
	w.word("direction", string(doc.Direction))
	w.str("copy_number", doc.CopyNumber)
	w.str("classification", doc.Classification)
	w.str("classification_term", doc.ClassificationTerm)
	w.str("urgency", doc.Urgency)
	if len(doc.Issuers) > 0 {
		w.b.WriteString("issuers:\n")
		for _, is := range doc.Issuers {
			w.item(1, [][2]string{{"name", is.Name}, {"mark", is.Mark}, {"seal", is.Seal}})
		}
	}
	w.str("mark_suffix", doc.MarkSuffix)
	w.str("meeting_name", doc.MeetingName)
	w.str("number", doc.Number)
	w.str("order_number", doc.OrderNumber)
	w.list(0, "signers", doc.Signers)
	w.str("title", doc.Title)
	w.str("title_note", doc.TitleNote)
	w.str("recipients", doc.Recipients)
	if doc.RecipientsInBanji {
		w.b.WriteString("recipients_in_banji: true\n")
	}
	w.list(0, "body", doc.Body)
	w.list(0, "attachment_notes", doc.AttachmentNotes)
	w.str("attachment_notes_label", doc.AttachmentNotesLabel)
	w.word("sign_off", string(doc.SignOff))
	w.str("date", doc.Date)
	w.str("signer_title", doc.SignerTitle)
	w.str("signer_name", doc.SignerName)
	w.str("signature_image", doc.SignatureImage)
	w.str("note", doc.Note)
	w.str("present", doc.Present)
	w.str("absent", doc.Absent)
	w.str("attending", doc.Attending)
	if len(doc.Attachments) > 0 {
		w.b.WriteString("attachments:\n")
		for _, a := range doc.Attachments {
			w.attachment(a)
		}
	}
	if len(doc.Rectification) > 0 {
		w.b.WriteString("rectification:\n")
		for _, r := range doc.Rectification {
			w.item(1, [][2]string{{"problem", r.Problem}, {"content", r.Content}, {"goal", r.Goal},
				{"measures", r.Measures}, {"deadline", r.Deadline}, {"owner", r.Owner}})
		}
	}
	w.str("cc", doc.CC)
	w.str("printer", doc.Printer)
	w.str("print_date", doc.PrintDate)
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

// item writes one mapping item of a list ("- k: v" then "  k: v"), omitting empty values.
func (w *draftWriter) item(level int, kvs [][2]string) {
	first := true
	for _, kv := range kvs {
		if kv[1] == "" {
			continue
		}
		if first {
			w.b.WriteString(indent(level) + "- ")
			w.b.WriteString(kv[0] + ":")
			w.value(level+1, kv[1])
			first = false
			continue
		}
		w.keyValue(level+1, kv[0], kv[1])
	}
	if first {
		w.b.WriteString(indent(level) + "- {}\n")
	}
}

func (w *draftWriter) attachment(a Attachment) {
	if a.Label == "" && a.Title == "" && len(a.Body) == 0 && a.Table == nil {
		w.b.WriteString(indent(1) + "- {}\n")
		return
	}
	// "- " opens the item; the first key follows on the same line.
	prefix := indent(1) + "- "
	next := func() string {
		p := prefix
		prefix = indent(2)
		return p
	}
	if a.Label != "" {
		w.b.WriteString(next() + "label:")
		w.value(2, a.Label)
	}
	if a.Title != "" {
		w.b.WriteString(next() + "title:")
		w.value(2, a.Title)
	}
	if len(a.Body) > 0 {
		w.b.WriteString(next() + "body:\n")
		for _, p := range a.Body {
			w.b.WriteString(indent(3) + "-")
			w.value(3, p)
		}
	}
	if t := a.Table; t != nil {
		if len(t.Header) == 0 && len(t.Rows) == 0 && len(t.Widths) == 0 {
			w.b.WriteString(next() + "table: {}\n")
			return
		}
		w.b.WriteString(next() + "table:\n")
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
