package check

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// isHan reports whether r is a CJK ideograph.
func isHan(r rune) bool {
	return unicode.Is(unicode.Han, r) || r == '〇'
}

// isCJKPunct reports whether r is full-width CJK punctuation.
func isCJKPunct(r rune) bool {
	return (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF01 && r <= 0xFF0F) || (r >= 0xFF1A && r <= 0xFF20) ||
		r == '“' || r == '”' || r == '‘' || r == '’' || r == '…' || r == '—' || r == '·'
}

// chinese reports whether r marks Chinese text around a punctuation mark.
func chinese(r rune) bool { return isHan(r) || isCJKPunct(r) }

// runeOff converts a byte offset of s into a rune offset.
func runeOff(s string, b int) int {
	if b > len(s) {
		b = len(s)
	}
	return utf8.RuneCountInString(s[:b])
}

// prevRune returns the rune before byte offset b of s, skipping spaces, or 0.
func prevRune(s string, b int) rune {
	for b > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:b])
		if r != ' ' && r != '\t' {
			return r
		}
		b -= n
	}
	return 0
}

// nextRune returns the rune at or after byte offset b of s, skipping spaces, or 0.
func nextRune(s string, b int) rune {
	for b < len(s) {
		r, n := utf8.DecodeRuneInString(s[b:])
		if r != ' ' && r != '\t' {
			return r
		}
		b += n
	}
	return 0
}

// match is one pattern match in a field, in byte offsets.
type match struct {
	start, end int
	fix        string
	hasFix     bool
	msg        string
}

// patternSpec describes a pattern rule instance: where it looks, a cheap prefilter, the
// regular expression and what a match means.
type patternSpec struct {
	kinds  []string // field kinds it applies to; nil means every prose field
	quick  string   // the field must contain one of these substrings (separated by |) to be scanned
	quicks []string // quick split, once when the rule is built
	re     *regexp.Regexp
	group  int // the submatch to report (0: the whole match)
	// judge turns a match (submatch indexes sm) into a finding, or returns ok=false to skip it.
	judge func(text string, sm []int) (m match, ok bool)
	msg   string // default message
	fix   string // default fix (with hasFix) when judge is nil
	noFix bool
}

func (p *patternSpec) applies(kind string) bool {
	if p.kinds == nil {
		return prose(kind)
	}
	for _, k := range p.kinds {
		if k == kind {
			return true
		}
	}
	return false
}

func (p *patternSpec) prefilter(f field) bool {
	if p.quick == "" {
		return true
	}
	qs := p.quicks
	if qs == nil {
		qs = strings.Split(p.quick, "|")
	}
	for _, q := range qs {
		if f.runes.mayContain(q) && strings.Contains(f.text, q) {
			return true
		}
	}
	return false
}

// runeBloom is a 1024-bit Bloom filter of the runes of a text: a rune absent from it is absent
// from the text. Checking it costs a few bit tests where strings.Contains on Chinese text costs a
// scan of the text (its first byte, E4–E9, is everywhere).
type runeBloom [16]uint64

func runeBit(r rune) (int, uint64) {
	h := uint32(r) * 2654435761 >> 22 // Fibonacci hashing to 10 bits
	return int(h >> 6), 1 << (h & 63)
}

func newRuneBloom(s string) *runeBloom {
	var b runeBloom
	for _, r := range s {
		i, m := runeBit(r)
		b[i] |= m
	}
	return &b
}

// mayContain reports whether every rune of q may be in the text (true for a nil filter).
func (b *runeBloom) mayContain(q string) bool {
	if b == nil {
		return true
	}
	for _, r := range q {
		if i, m := runeBit(r); b[i]&m == 0 {
			return false
		}
	}
	return true
}

// pattern returns the check function of a pattern rule.
func pattern(p patternSpec) func(c *ctx, r *rule) {
	p.quicks = strings.Split(p.quick, "|")
	return func(c *ctx, r *rule) {
		for _, f := range c.fields {
			if !p.applies(f.kind) || !p.prefilter(f) {
				continue
			}
			for _, sm := range p.re.FindAllStringSubmatchIndex(f.text, -1) {
				var m match
				if p.judge != nil {
					var ok bool
					if m, ok = p.judge(f.text, sm); !ok {
						continue
					}
				} else {
					g := p.group
					if sm[2*g] < 0 {
						continue
					}
					m = match{start: sm[2*g], end: sm[2*g+1], fix: p.fix, hasFix: !p.noFix}
				}
				if m.msg == "" {
					m.msg = p.msg
				}
				c.reportMatch(r, f, m)
			}
		}
	}
}

// reportMatch reports m (byte offsets) in field f.
func (c *ctx) reportMatch(r *rule, f field, m match) {
	msg := strings.ReplaceAll(m.msg, "{text}", f.text[m.start:m.end])
	msg = strings.ReplaceAll(msg, "{fix}", m.fix)
	c.reportSpan(r, f.path, f.text, m.start, m.end, msg, m.fix, m.hasFix)
}

// scanner returns the check function of a rule that scans every applicable field with fn.
func scanner(kinds []string, quick string, fn func(c *ctx, r *rule, f field)) func(c *ctx, r *rule) {
	p := patternSpec{kinds: kinds, quick: quick, quicks: strings.Split(quick, "|")}
	return func(c *ctx, r *rule) {
		for _, f := range c.fields {
			if p.applies(f.kind) && p.prefilter(f) {
				fn(c, r, f)
			}
		}
	}
}

// fieldsOf returns the fields of the given kind.
func (c *ctx) fieldsOf(kind string) []field {
	var out []field
	for _, f := range c.fields {
		if f.kind == kind {
			out = append(out, f)
		}
	}
	return out
}

// trimSpace trims ASCII and ideographic spaces.
func trimSpace(s string) string { return strings.Trim(s, " \t\r\n\u3000\u00a0") }

// compact removes all white space.
func compact(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u3000' {
			return -1
		}
		return r
	}, s)
}

var cnDigits = map[rune]int{'〇': 0, '○': 0, '◯': 0, '零': 0, 'О': 0, 'о': 0, 'o': 0, 'O': 0, 'Ｏ': 0, 'ｏ': 0, '0': 0, '０': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

// cnYear reads a year written digit by digit in Chinese numerals (二〇二四).
func cnYear(s string) (int, bool) {
	n := 0
	k := 0
	for _, r := range s {
		d, ok := cnDigits[r]
		if !ok {
			return 0, false
		}
		n = n*10 + d
		k++
	}
	return n, k == 4
}

// cnSmall reads 一 … 三十一 (and 元/正 for the first month).
func cnSmall(s string) (int, bool) {
	if s == "元" || s == "正" {
		return 1, true
	}
	rs := []rune(s)
	val := func(r rune) (int, bool) {
		d, ok := cnDigits[r]
		return d, ok && d > 0
	}
	switch len(rs) {
	case 1:
		if rs[0] == '十' {
			return 10, true
		}
		return val(rs[0])
	case 2:
		if rs[0] == '十' {
			d, ok := val(rs[1])
			return 10 + d, ok
		}
		if rs[1] == '十' {
			d, ok := val(rs[0])
			return d * 10, ok
		}
	case 3:
		a, ok1 := val(rs[0])
		b, ok2 := val(rs[2])
		if rs[1] == '十' && ok1 && ok2 {
			return a*10 + b, true
		}
	}
	return 0, false
}

// toHalfDigits turns full-width digits into ASCII digits.
func toHalfDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return r - '０' + '0'
		}
		return r
	}, s)
}

// atoi reads ASCII or full-width digits.
func atoi(s string) int {
	n := 0
	for _, r := range toHalfDigits(s) {
		if r < '0' || r > '9' {
			return -1
		}
		n = n*10 + int(r-'0')
		if n > 1e8 {
			return -1
		}
	}
	return n
}

func containsAny(s string, words []string) (string, int) {
	best, at := "", -1
	for _, w := range words {
		if w == "" {
			continue
		}
		if i := strings.Index(s, w); i >= 0 && (at < 0 || i < at) {
			best, at = w, i
		}
	}
	return best, at
}
