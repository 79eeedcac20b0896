package document

import (
	"strings"
	"unicode/utf8"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"
)

// record stores in d.src where the characters of value (the text of node v) are in the input.
// Plain one-line scalars map directly; block scalars (| and >) get one Seg a line; quoted
// scalars get a new Seg after each escape and line break (best effort: when the walk does
// not account for every character, one Seg at the start is recorded instead).
func (d *decoder) record(v ast.Node, path, value string) {
	tk := v.GetToken()
	if tk == nil || tk.Position == nil {
		return
	}
	start := Pos{Line: tk.Position.Line, Col: tk.Position.Column}
	var segs []Seg
	switch n := v.(type) {
	case *ast.LiteralNode:
		segs = d.blockSegs(n, value)
		if segs == nil {
			start = Pos{Line: start.Line + 1, Col: 1}
		}
	case *ast.StringNode:
		switch tk.Type {
		case token.DoubleQuoteType, token.SingleQuoteType:
			segs = d.quotedSegs(start, value)
			if segs == nil {
				start.Col++
			}
		default:
			segs = d.plainSegs(start, value)
		}
	default:
		segs = d.plainSegs(start, value)
	}
	if segs == nil {
		segs = []Seg{{Off: 0, Pos: start}}
	}
	d.src.Set(path, compactSegs(segs)...)
}

func (d *decoder) line(n int) []rune {
	if n < 1 || n > len(d.lines) {
		return nil
	}
	return d.lines[n-1]
}

func leadingSpaces(l []rune) int {
	i := 0
	for i < len(l) && (l[i] == ' ' || l[i] == '\t') {
		i++
	}
	return i
}

// plainSegs maps a plain scalar starting at start; a multi-line plain scalar is folded by
// YAML, so each source line's text is searched for in the value in turn.
func (d *decoder) plainSegs(start Pos, value string) []Seg {
	l := d.line(start.Line)
	if start.Col >= 1 && start.Col-1 <= len(l) && strings.HasPrefix(string(l[start.Col-1:]), value) {
		return []Seg{{Off: 0, Pos: start}}
	}
	return d.searchSegs(start.Line, start.Col, value)
}

// searchSegs finds the text of the source lines from (line, col) on in value, in order.
func (d *decoder) searchSegs(line, col int, value string) []Seg {
	var segs []Seg
	byteOff := 0
	for ln := line; ln <= len(d.lines) && byteOff < len(value); ln++ {
		l := d.line(ln)
		from := 0
		if ln == line {
			from = col - 1
			if from < 0 || from > len(l) {
				return nil
			}
		}
		lead := from + leadingSpaces(l[from:])
		content := strings.TrimRight(string(l[lead:]), " \t")
		if content == "" {
			continue
		}
		idx := strings.Index(value[byteOff:], content)
		if idx < 0 {
			break
		}
		off := utf8.RuneCountInString(value[:byteOff+idx])
		segs = append(segs, Seg{Off: off, Pos: Pos{Line: ln, Col: lead + 1}})
		byteOff += idx + len(content)
	}
	if len(segs) == 0 || segs[0].Off != 0 {
		return nil
	}
	return segs
}

// blockSegs maps a block scalar (| or >): its content starts on the line after the header.
func (d *decoder) blockSegs(n *ast.LiteralNode, value string) []Seg {
	if n.Start == nil || n.Start.Position == nil {
		return nil
	}
	hdr := n.Start.Position.Line
	if strings.HasPrefix(n.Start.Value, "|") {
		vlines := strings.Split(value, "\n")
		indent := -1
		var segs []Seg
		off := 0
		for j, vl := range vlines {
			if vl != "" {
				src := d.line(hdr + 1 + j)
				if indent < 0 {
					indent = len(src) - utf8.RuneCountInString(vl)
				}
				if indent < 0 || indent > len(src) || string(src[indent:]) != vl {
					segs = nil
					break
				}
				segs = append(segs, Seg{Off: off, Pos: Pos{Line: hdr + 1 + j, Col: indent + 1}})
			}
			off += utf8.RuneCountInString(vl) + 1
		}
		if len(segs) > 0 && segs[0].Off == 0 {
			return segs
		}
	}
	return d.searchSegs(hdr+1, 1, value)
}

// quotedSegs walks a single- or double-quoted scalar whose opening quote is at start.
func (d *decoder) quotedSegs(start Pos, value string) []Seg {
	l := d.line(start.Line)
	if start.Col < 1 || start.Col > len(l) {
		return nil
	}
	q := l[start.Col-1]
	if q != '"' && q != '\'' {
		return nil
	}
	li, ci := start.Line, start.Col // ci: 0-based index of the next rune on line li
	segs := []Seg{{Off: 0, Pos: Pos{Line: li, Col: ci + 1}}}
	off := 0
	lineStartOff := 0 // value offset where the current line's text starts
	for steps := 0; steps < 1<<20; steps++ {
		l = d.line(li)
		if l == nil {
			return nil
		}
		if ci >= len(l) {
			// A line break inside a quoted scalar folds: trailing blanks go, then one space
			// or, when blank lines follow, one newline per blank line.
			trail := 0
			for k := len(l) - 1; k >= 0 && (l[k] == ' ' || l[k] == '\t') && off-trail > lineStartOff; k-- {
				trail++
			}
			off -= trail
			li++
			blanks := 0
			for li <= len(d.lines) && strings.TrimSpace(string(d.line(li))) == "" {
				blanks++
				li++
			}
			if li > len(d.lines) {
				return nil
			}
			ci = leadingSpaces(d.line(li))
			if blanks > 0 {
				off += blanks
			} else {
				off++
			}
			lineStartOff = off
			segs = append(segs, Seg{Off: off, Pos: Pos{Line: li, Col: ci + 1}})
			continue
		}
		r := l[ci]
		switch {
		case r == q && q == '\'' && ci+1 < len(l) && l[ci+1] == '\'':
			off++
			ci += 2
			segs = append(segs, Seg{Off: off, Pos: Pos{Line: li, Col: ci + 1}})
		case r == q:
			if off != utf8.RuneCountInString(value) {
				return nil
			}
			return segs
		case q == '"' && r == '\\':
			if ci+1 >= len(l) {
				// escaped line break: the text continues on the next line, no space
				li++
				ci = leadingSpaces(d.line(li))
				lineStartOff = off
				segs = append(segs, Seg{Off: off, Pos: Pos{Line: li, Col: ci + 1}})
				continue
			}
			n := 2
			switch l[ci+1] {
			case 'x':
				n = 4
			case 'u':
				n = 6
			case 'U':
				n = 10
			}
			off++
			ci += n
			segs = append(segs, Seg{Off: off, Pos: Pos{Line: li, Col: ci + 1}})
		default:
			off++
			ci++
		}
	}
	return nil
}

// compactSegs drops Segs that continue their predecessor on the same line, and keeps the
// last of Segs with equal offsets.
func compactSegs(segs []Seg) []Seg {
	out := segs[:0:0]
	for _, s := range segs {
		if n := len(out); n > 0 {
			p := out[n-1]
			if p.Off == s.Off {
				out[n-1] = s
				continue
			}
			if p.Pos.Line == s.Pos.Line && p.Pos.Col+(s.Off-p.Off) == s.Pos.Col {
				continue
			}
		}
		out = append(out, s)
	}
	return out
}
