package document

import (
	"strings"
	"unicode/utf8"
)

// Heading describes the level marker a body paragraph opens with (GB/T 9704-2012 7.3.3):
// 一、 (level 1), （一） (level 2), 1. (level 3), （1） (level 4).
type Heading struct {
	Level  int    // 1..4; 0 when the paragraph has no marker
	Marker string // the marker as written, e.g. "一、", "（二）", "3.", "（4）"
	Number int    // the number the marker stands for (一 = 1, 十二 = 12)
	// SentenceEnd is the rune offset just past the heading sentence: the first 。 (inclusive)
	// or the end of the paragraph when it has none. Only the heading sentence takes the
	// heading's face.
	SentenceEnd int
}

// ParseHeading reads the level marker at the start of a body paragraph. It accepts the
// standard forms only; near misses such as "1、" or "（一）、" are not headings here (the
// checker reports them).
func ParseHeading(p string) Heading {
	s := strings.TrimLeft(p, " \u3000\t")
	lead := utf8.RuneCountInString(p) - utf8.RuneCountInString(s)
	h := Heading{}
	switch {
	case strings.HasPrefix(s, "（") || strings.HasPrefix(s, "("):
		open := "（"
		if s[0] == '(' {
			open = "("
		}
		rest := s[len(open):]
		i := strings.IndexAny(rest, "）)")
		if i <= 0 {
			return Heading{}
		}
		inner := rest[:i]
		closeLen := 3
		if rest[i] == ')' {
			closeLen = 1
		}
		if n, ok := chineseNumber(inner); ok {
			h = Heading{Level: 2, Number: n}
		} else if n, ok := arabic(inner); ok {
			h = Heading{Level: 4, Number: n}
		} else {
			return Heading{}
		}
		h.Marker = open + inner + rest[i:i+closeLen]
	default:
		// 一、 or 1.
		if i := strings.Index(s, "、"); i > 0 {
			if n, ok := chineseNumber(s[:i]); ok {
				h = Heading{Level: 1, Number: n, Marker: s[:i] + "、"}
				break
			}
		}
		if h.Level == 0 {
			j := 0
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			if j > 0 && j < len(s) && s[j] == '.' && (j+1 == len(s) || s[j+1] < '0' || s[j+1] > '9') {
				n, _ := arabic(s[:j])
				h = Heading{Level: 3, Number: n, Marker: s[:j+1]}
			}
		}
		if h.Level == 0 {
			return Heading{}
		}
	}
	// the heading sentence ends at the first 。 (inclusive)
	total := utf8.RuneCountInString(p)
	h.SentenceEnd = total
	if k := strings.Index(p, "。"); k >= 0 {
		h.SentenceEnd = utf8.RuneCountInString(p[:k]) + 1
	}
	_ = lead
	return h
}

func arabic(s string) (int, bool) {
	if s == "" || len(s) > 4 {
		return 0, false
	}
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

var cnDigit = map[rune]int{'一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

// chineseNumber reads 一 … 九十九 as used in level markers.
func chineseNumber(s string) (int, bool) {
	rs := []rune(s)
	switch len(rs) {
	case 1:
		if rs[0] == '十' {
			return 10, true
		}
		n, ok := cnDigit[rs[0]]
		return n, ok
	case 2:
		if rs[0] == '十' {
			n, ok := cnDigit[rs[1]]
			return 10 + n, ok
		}
		if rs[1] == '十' {
			n, ok := cnDigit[rs[0]]
			return n * 10, ok
		}
	case 3:
		a, ok1 := cnDigit[rs[0]]
		b, ok2 := cnDigit[rs[2]]
		if rs[1] == '十' && ok1 && ok2 {
			return a*10 + b, true
		}
	}
	return 0, false
}
