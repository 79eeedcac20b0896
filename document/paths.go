package document

import (
	"strconv"
	"strings"
)

// Text returns the text of the element at path (see the Path constants and the indexed
// forms "body.3", "attachments.1.title", "issuers.0.name", "signers.1", …), and whether the
// path names an element that exists. Enums (format, direction, sign_off) and genre are
// returned as their string values.
func (d *Document) Text(path string) (string, bool) {
	if d == nil {
		return "", false
	}
	if path == PathVersion {
		return strconv.Itoa(DraftVersion), true
	}
	if e := ElementOf(path); e != nil && (e.Shape == ShapeWord || e.Shape == ShapeEnum) {
		return *e.text(d, 0), true
	}
	if p := d.Field(path); p != nil {
		return *p, true
	}
	return "", false
}

// Field returns a pointer to the text element at path (a one-string element such as
// "title", or an indexed one such as "body.3", "issuers.0.seal", "attachments.1.table.rows.2.0",
// "rectification.0.goal"), or nil when the path names no existing text element. Enums
// (format, direction, sign_off) are not text elements. Editors, fixes and templates set
// text through it. The paths are those of the element table (Elements).
func (d *Document) Field(path string) *string {
	if d == nil {
		return nil
	}
	parts := strings.Split(path, ".")
	e := ElementOf(parts[0])
	if e == nil {
		return nil
	}
	switch {
	case e.IsText():
		if len(parts) == 1 {
			return e.text(d, 0)
		}
	case e.Shape == ShapeList:
		l := *e.list(d, 0)
		if len(parts) == 2 {
			if i, err := strconv.Atoi(parts[1]); err == nil && i >= 0 && i < len(l) {
				return &l[i]
			}
		}
	case e.Shape == ShapeItems:
		if len(parts) >= 3 {
			if i, err := strconv.Atoi(parts[1]); err == nil && i >= 0 && i < e.count(d) {
				return e.recordField(d, i, parts[2:])
			}
		}
	}
	return nil
}

// scalarPaths are the one-string text elements in document order (see Field).
var scalarPaths = func() []string {
	var out []string
	for _, e := range Elements {
		if e.IsText() {
			out = append(out, e.Key)
		}
	}
	return out
}()

// Walk calls fn with the path and a pointer to the text of every text element of the
// document, in the order of the element table (Elements): the one-string elements, each item
// of the lists (签发人, 正文, 附件说明) and each text of the records (issuers: name, mark,
// seal; attachments: label, title, body, table header and cells; the 整改方案 items). Every
// path Walk gives resolves with Field to the same pointer, and Field resolves no text element
// Walk does not give: both come from the one table. fn may change the text.
func (d *Document) Walk(fn func(path string, text *string)) {
	if d == nil {
		return
	}
	for k := range Elements {
		e := &Elements[k]
		switch e.Shape {
		case ShapeText, ShapeDate:
			fn(e.Key, e.text(d, 0))
		case ShapeList:
			l := *e.list(d, 0)
			for i := range l {
				fn(e.Key+"."+strconv.Itoa(i), &l[i])
			}
		case ShapeItems:
			for i := 0; i < e.count(d); i++ {
				e.walkRecord(d, i, fn)
			}
		}
	}
}
