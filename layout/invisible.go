package layout

import (
	"strings"
	"unicode"

	"gongwen/document"
)

// Invisible reports whether r is a character that prints nothing and that text pasted from
// the web or from Word often carries: format characters (zero-width space and joiners, the
// byte order mark, soft hyphen, word joiner, direction marks and overrides) and control
// characters other than tab and line breaks. The layout drops them instead of printing 〓.
func Invisible(r rune) bool {
	switch {
	case r >= 0x20 && r < 0x7f, r >= 0x3000 && r < 0xfe00:
		// printable ASCII and the CJK blocks: no format or control character (a fast path
		// for the text's common characters; TestInvisibleFastPath)
		return false
	case r == '\t', r == '\n', r == '\r':
		return false
	}
	return unicode.Is(unicode.Cf, r) || unicode.IsControl(r)
}

func hasInvisible(s string) bool {
	return strings.IndexFunc(s, Invisible) >= 0
}

func dropInvisible(s string) string {
	if !hasInvisible(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if Invisible(r) {
			return -1
		}
		return r
	}, s)
}

// visibleCopy returns the document with every invisible character removed from its text
// (each element document.Walk gives, except the image file names); it returns doc itself
// when there is none, and never changes doc.
func visibleCopy(doc *document.Document) *document.Document {
	found := false
	doc.Walk(func(path string, p *string) {
		found = found || hasInvisible(*p) && !isImagePath(path)
	})
	if !found {
		return doc
	}
	d := doc.Clone()
	d.Walk(func(path string, p *string) {
		if !isImagePath(path) {
			*p = dropInvisible(*p)
		}
	})
	return d
}

// isImagePath reports whether an element path names an image file (a seal, the signature
// stamp): a file name is not text to print. The element table says which (document.Elements).
func isImagePath(path string) bool {
	return document.IsImagePath(path)
}
