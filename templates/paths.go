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
// elements, required, fields and defaults, with the shape of their values.
var elementPaths = map[string]valueShape{
	"format":                        shapeText,
	"direction":                     shapeText,
	document.PathCopyNumber:         shapeText,
	document.PathClassification:     shapeText,
	document.PathClassificationTerm: shapeText,
	document.PathUrgency:            shapeText,
	"issuers":                       shapeList,
	document.PathMarkSuffix:         shapeText,
	document.PathMeetingName:        shapeText,
	document.PathNumber:             shapeText,
	document.PathOrderNumber:        shapeText,
	"signers":                       shapeList,
	document.PathTitle:              shapeText,
	document.PathTitleNote:          shapeText,
	document.PathRecipients:         shapeText,
	"recipients_in_banji":           shapeBool,
	"body":                          shapeList,
	"attachment_notes":              shapeList,
	"sign_off":                      shapeText,
	document.PathDate:               shapeText,
	document.PathSignerTitle:        shapeText,
	document.PathSignerName:         shapeText,
	"signature_image":               shapeText,
	document.PathNote:               shapeText,
	document.PathPresent:            shapeText,
	document.PathAbsent:             shapeText,
	document.PathAttending:          shapeText,
	"attachments":                   shapeItems,
	"rectification":                 shapeItems,
	document.PathCC:                 shapeText,
	document.PathPrinter:            shapeText,
	document.PathPrintDate:          shapeText,
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
	switch path {
	case "format":
		doc.Format = document.Format(v)
	case "direction":
		doc.Direction = document.Direction(v)
	case "recipients_in_banji":
		doc.RecipientsInBanji = v == "true"
	case "sign_off":
		doc.SignOff = document.SignOff(v)
	case "signers":
		doc.Signers = splitLines(v)
	case "attachment_notes":
		doc.AttachmentNotes = splitLines(v)
	case "body":
		doc.Body = splitLines(v)
	case "issuers":
		doc.Issuers = nil
		for _, n := range splitLines(v) {
			doc.Issuers = append(doc.Issuers, document.Issuer{Name: n})
		}
	default:
		// a one-string element (not an indexed one: defaults name whole elements)
		p := doc.Field(path)
		if p == nil || strings.Contains(path, ".") {
			return false
		}
		*p = v
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
