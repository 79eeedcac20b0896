package templates

import (
	"sort"
	"strings"

	"gongwen/document"
)

// valueShape says what kind of value a document path holds.
type valueShape int

const (
	shapeText  valueShape = iota // one string
	shapeList                    // a list of strings (body paragraphs, names)
	shapeBool                    // true / false
	shapeItems                   // a list of structured items (attachments, rectification)
)

// elementPaths are the top-level document paths (the draft file's keys) a template may name in
// elements, required, fields and defaults, with the shape of their values: every element of
// document.Elements but the genre. The issuers are a list of names to a template (the form
// edits one organ a line).
var elementPaths = func() map[string]valueShape {
	m := map[string]valueShape{}
	for _, e := range document.Elements {
		switch {
		case e.Key == document.PathGenre:
		case e.Key == document.PathIssuers:
			m[e.Key] = shapeList
		case e.Shape == document.ShapeBool:
			m[e.Key] = shapeBool
		case e.Shape == document.ShapeList:
			m[e.Key] = shapeList
		case e.Shape == document.ShapeItems:
			m[e.Key] = shapeItems
		default:
			m[e.Key] = shapeText
		}
	}
	return m
}()

// fieldShape returns the shape of a form field's path: a top-level element, or a text of the
// first record of a record element ("issuers.0.seal", the lead organ's seal), and the
// top-level element it belongs to.
func fieldShape(path string) (shape valueShape, top string, ok bool) {
	if s, ok := elementPaths[path]; ok {
		return s, path, true
	}
	parts := strings.Split(path, ".")
	if len(parts) != 3 || parts[1] != "0" {
		return 0, "", false
	}
	e := document.ElementOf(parts[0])
	if e == nil || e.Shape != document.ShapeItems {
		return 0, "", false
	}
	if f := e.Sub(parts[2]); f != nil && f.IsText() {
		return shapeText, parts[0], true
	}
	return 0, "", false
}

// ElementPaths lists the document paths a template may name, sorted.
func ElementPaths() []string {
	out := make([]string, 0, len(elementPaths))
	for p := range elementPaths {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// Field kinds.
const (
	KindLine      = "line"      // one line of text
	KindParagraph = "paragraph" // several lines; for a list path (body) each line is one paragraph
	KindList      = "list"      // a list of short items (names, attachment names), one a line
	KindDate      = "date"      // a date such as 2024年1月5日
	KindChoice    = "choice"    // one of choices
	KindItems     = "items"     // structured items (整改方案 problems, attachments)
)

// kindsFor are the field kinds allowed for each value shape.
var kindsFor = map[valueShape][]string{
	shapeText:  {KindLine, KindParagraph, KindDate, KindChoice},
	shapeList:  {KindList, KindParagraph},
	shapeBool:  {KindChoice},
	shapeItems: {KindItems},
}

// Groups of the form, after the three parts of a 公文 (GB/T 9704-2012 7.1).
var groups = []string{"版头", "主体", "版记"}

var signOffs = []string{string(document.SignOffSeal), string(document.SignOffNoSeal), string(document.SignOffSignature), string(document.SignOffNone)}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// setText sets a text-valued (or bool-valued) path of doc; it reports false for a path that
// does not hold one string.
func setText(doc *document.Document, path, v string) bool {
	if path == document.PathIssuers {
		doc.Issuers = nil
		for _, n := range splitLines(v) {
			doc.Issuers = append(doc.Issuers, document.Issuer{Name: n})
		}
		return true
	}
	// a whole element (not an indexed one: defaults name whole elements)
	e := document.ElementOf(path)
	if e == nil || path == document.PathGenre {
		return false
	}
	if p := e.TextPtr(doc); p != nil {
		*p = v
	} else if b := e.BoolPtr(doc); b != nil {
		*b = v == "true"
	} else if l := e.ListPtr(doc); l != nil {
		*l = splitLines(v)
	} else {
		return false
	}
	return true
}

// splitLines splits a multi-line value into its non-blank lines.
func splitLines(v string) []string {
	var out []string
	for _, l := range strings.Split(v, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
