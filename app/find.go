package app

import (
	"strings"
	"unicode/utf8"
)

// Match is one place where the text searched for stands: a form field's path and the rune
// offset and length within the field's text (as the form shows it, lists one item a line).
type Match struct {
	Path        string
	Offset, Len int
}

// Find returns every place of q in the fields of paths, in that order (case-sensitive; ""
// finds nothing).
func (m *Model) Find(q string, paths []string) []Match {
	if m.Doc == nil || q == "" {
		return nil
	}
	n := utf8.RuneCountInString(q)
	var out []Match
	for _, p := range paths {
		text := FieldText(m.Doc, p)
		off, from := 0, 0
		for {
			i := strings.Index(text[from:], q)
			if i < 0 {
				break
			}
			off += utf8.RuneCountInString(text[from : from+i])
			out = append(out, Match{Path: p, Offset: off, Len: n})
			off += n
			from += i + len(q)
		}
	}
	return out
}

// Replace puts repl where a match of q stands (one undo step); it reports whether the text
// there was still q.
func (m *Model) Replace(at Match, q, repl string) bool {
	return m.edit(histReplace, func() bool {
		s, err := replaceRunes(FieldText(m.Doc, at.Path), at.Offset, at.Len, q, repl)
		return err == nil && SetFieldText(m.Doc, at.Path, s)
	})
}

// ReplaceAll replaces every q by repl in the fields of paths (one undo step) and returns the
// number of replacements.
func (m *Model) ReplaceAll(q, repl string, paths []string) int {
	if q == "" {
		return 0
	}
	n := 0
	m.edit(histReplace, func() bool {
		for _, p := range paths {
			text := FieldText(m.Doc, p)
			if c := strings.Count(text, q); c > 0 && SetFieldText(m.Doc, p, strings.ReplaceAll(text, q, repl)) {
				n += c
			}
		}
		return n > 0
	})
	return n
}

// rowCol converts a rune offset in text to the row and column an Entry uses.
func rowCol(text string, off int) (row, col int) {
	for i, r := range []rune(text) {
		if i == off {
			break
		}
		if r == '\n' {
			row, col = row+1, 0
		} else {
			col++
		}
	}
	return row, col
}
