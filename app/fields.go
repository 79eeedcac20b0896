package app

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"gongwen/document"
	"gongwen/layout"
)

// Document paths the form knows besides document's Path* constants.
const (
	pathFormat        = "format"
	pathDirection     = "direction"
	pathSignOff       = "sign_off"
	pathIssuers       = "issuers"
	pathSigners       = "signers"
	pathBody          = "body"
	pathAttachNotes   = "attachment_notes"
	pathAttachments   = "attachments"
	pathRectification = "rectification"
	pathInBanji       = "recipients_in_banji"
	// pathSeal is the form's field for the lead organ's seal image, as the templates name it.
	pathSeal = "issuers.0.seal"
)

// elementFields map the trainer's boxes to the form fields of their elements.
var elementFields = map[layout.Element]string{
	layout.ElemCopyNumber: document.PathCopyNumber, layout.ElemClassification: document.PathClassification,
	layout.ElemUrgency: document.PathUrgency, layout.ElemMark: pathIssuers, layout.ElemNumber: document.PathNumber,
	layout.ElemSigners: pathSigners, layout.ElemOrderNumber: document.PathOrderNumber, layout.ElemTitle: document.PathTitle,
	layout.ElemTitleNote: document.PathTitleNote, layout.ElemRecipients: document.PathRecipients, layout.ElemBody: pathBody,
	layout.ElemHeading1: pathBody, layout.ElemHeading2: pathBody, layout.ElemAttachNotes: pathAttachNotes,
	layout.ElemIssuerSign: pathIssuers, layout.ElemDate: document.PathDate, layout.ElemSeal: pathSignOff,
	layout.ElemSignature: pathSignOff, layout.ElemNote: document.PathNote, layout.ElemAttendance: document.PathPresent,
	layout.ElemCC: document.PathCC, layout.ElemPrint: document.PathPrinter,
}

// textField returns a pointer to the one-string element at a top-level path, or nil.
func textField(doc *document.Document, path string) *string {
	if strings.Contains(path, ".") {
		return nil
	}
	return doc.Field(path)
}

// listField returns a pointer to the list-of-strings element at a top-level path, or nil
// (the lists of the element table, document.Elements).
func listField(doc *document.Document, path string) *[]string {
	if e := document.ElementOf(path); e != nil {
		return e.ListPtr(doc)
	}
	return nil
}

// enumField returns a pointer to the value of an enum (format, direction, sign_off) or the
// bool (recipients_in_banji) at a top-level path, by the element table; nil otherwise.
func enumField(doc *document.Document, path string) (*string, *bool) {
	e := document.ElementOf(path)
	if e == nil || e.Shape != document.ShapeEnum && e.Shape != document.ShapeBool {
		return nil, nil
	}
	return e.TextPtr(doc), e.BoolPtr(doc)
}

// FieldText returns the value of a form field as the form shows it: lists one item a line.
func FieldText(doc *document.Document, path string) string {
	if p := textField(doc, path); p != nil {
		return *p
	}
	if l := listField(doc, path); l != nil {
		return strings.Join(*l, "\n")
	}
	if p, b := enumField(doc, path); p != nil {
		return *p
	} else if b != nil {
		return strconv.FormatBool(*b)
	}
	switch path {
	case pathSeal:
		if len(doc.Issuers) > 0 {
			return doc.Issuers[0].Seal
		}
		return ""
	case pathIssuers:
		names := make([]string, len(doc.Issuers))
		for i, is := range doc.Issuers {
			names[i] = is.Name
		}
		return strings.Join(names, "\n")
	case pathRectification:
		lines := make([]string, len(doc.Rectification))
		for i, it := range doc.Rectification {
			lines[i] = strings.Join([]string{it.Problem, it.Content, it.Goal, it.Measures, it.Deadline, it.Owner}, "｜")
		}
		return strings.Join(lines, "\n")
	case pathAttachments:
		var b strings.Builder
		for i, a := range doc.Attachments {
			if i > 0 {
				b.WriteString("\n\n")
			}
			b.WriteString(a.Title)
			for _, p := range a.Body {
				b.WriteString("\n" + p)
			}
		}
		return b.String()
	}
	return ""
}

// SetFieldText stores a form field's text into the document. List fields take one item a
// line (blank lines are dropped). It reports false for a path the form cannot edit.
func SetFieldText(doc *document.Document, path, v string) bool {
	if p := textField(doc, path); p != nil {
		*p = v
		return true
	}
	if l := listField(doc, path); l != nil {
		*l = splitLines(v)
		return true
	}
	if p, b := enumField(doc, path); p != nil {
		*p = v
		return true
	} else if b != nil {
		*b = v == "true"
		return true
	}
	switch path {
	case pathSeal:
		if len(doc.Issuers) == 0 {
			if v == "" {
				return true
			}
			doc.Issuers = []document.Issuer{{}}
		}
		doc.Issuers[0].Seal = v
	case pathIssuers:
		names := splitLines(v)
		out := make([]document.Issuer, len(names))
		for i, n := range names {
			if i < len(doc.Issuers) {
				out[i] = doc.Issuers[i] // keep the mark text and the seal of the organ in that place
			}
			out[i].Name = n
		}
		doc.Issuers = out
	case pathRectification:
		var items []document.RectificationItem
		for _, l := range splitLines(v) {
			f := strings.SplitN(strings.ReplaceAll(l, "|", "｜"), "｜", 6)
			for len(f) < 6 {
				f = append(f, "")
			}
			for i := range f {
				f[i] = strings.TrimSpace(f[i])
			}
			items = append(items, document.RectificationItem{Problem: f[0], Content: f[1], Goal: f[2], Measures: f[3], Deadline: f[4], Owner: f[5]})
		}
		doc.Rectification = items
	case pathAttachments:
		var out []document.Attachment
		for _, block := range strings.Split(strings.ReplaceAll(v, "\r\n", "\n"), "\n\n") {
			lines := splitLines(block)
			if len(lines) == 0 {
				continue
			}
			a := document.Attachment{Title: lines[0], Body: lines[1:]}
			if len(out) < len(doc.Attachments) {
				a.Table = doc.Attachments[len(out)].Table
			}
			out = append(out, a)
		}
		doc.Attachments = out
	default:
		return false
	}
	return true
}

// splitLines splits a multi-line value into its non-blank lines, trimmed of the line ending.
func splitLines(v string) []string {
	var out []string
	for _, l := range strings.Split(v, "\n") {
		l = strings.TrimRight(l, "\r")
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return out
}

// topPath returns the form field a finding's path belongs to: "body.3" → "body",
// "issuers.0.name" → "issuers".
func topPath(path string) string {
	top, _, _ := strings.Cut(path, ".")
	return top
}

// pathIndex returns the item index of an indexed path ("body.3" → 3), or -1.
func pathIndex(path string) int {
	parts := strings.Split(path, ".")
	if len(parts) < 2 {
		return -1
	}
	n, err := strconv.Atoi(parts[1])
	if err != nil {
		return -1
	}
	return n
}

// replaceRunes replaces length runes at rune offset off of s by repl, checking that the
// replaced text is want. It is how a finding's mechanical fix is applied.
func replaceRunes(s string, off, length int, want, repl string) (string, error) {
	r := []rune(s)
	if off < 0 || length < 0 || off+length > len(r) {
		return s, errorf("err.fix.range", off, length, len(r))
	}
	if got := string(r[off : off+length]); got != want && utf8.RuneCountInString(want) == length {
		return s, errorf("err.fix.changed", want, got)
	}
	return string(r[:off]) + repl + string(r[off+length:]), nil
}

// cloneDoc deep-copies a document (document.Clone), so that a worker goroutine may read it
// while the form changes the original. The Source is dropped: the copy's text no longer
// matches the file.
func cloneDoc(d *document.Document) *document.Document {
	c := d.Clone()
	if c != nil {
		c.Source = nil
	}
	return c
}
