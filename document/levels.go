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
	// heading's face. It is 0 when the numbered paragraph reads as a sentence (Sentence).
	SentenceEnd int
	// Sentence is true when the paragraph is a numbered sentence of body text, not a heading
	// (see IsHeadingSentence): it keeps the body's face.
	Sentence bool
	// Inline are the run-in headings of a lower level that follow in the same paragraph
	// (三、主要活动。（一）开展宣传咨询日活动。6月16日……): each takes its level's face.
	Inline []InlineHeading
}

// InlineHeading is a heading that starts inside a paragraph, after a 。 or a ：.
type InlineHeading struct {
	Level      int // 1..4
	Start, End int // rune offsets of its marker and just past its heading sentence
}

// ParseHeading reads the level marker at the start of a body paragraph. It accepts the
// standard forms only; near misses such as "1、" or "（一）、" are not headings here (the
// checker reports them).
func ParseHeading(p string) Heading {
	h := parseMarker(p)
	if h.Level == 0 {
		return h
	}
	s := strings.TrimLeft(p, " \u3000\t")
	lead := utf8.RuneCountInString(p) - utf8.RuneCountInString(s)
	// the heading sentence ends at the first 。 (inclusive)
	total := utf8.RuneCountInString(p)
	h.SentenceEnd = total
	if k := strings.Index(p, "。"); k >= 0 {
		h.SentenceEnd = utf8.RuneCountInString(p[:k]) + 1
	}
	rs := []rune(p)
	start := lead + utf8.RuneCountInString(h.Marker)
	if start <= h.SentenceEnd && !IsHeadingSentence(string(rs[start:h.SentenceEnd])) {
		h.Sentence = true
		h.SentenceEnd = 0
	}
	h.Inline = inlineHeadings(rs, h.Level)
	return h
}

// parseMarker reads the level marker at the start of p (Level 0 when there is none).
func parseMarker(p string) Heading {
	s := strings.TrimLeft(p, " \u3000\t")
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
	return h
}

// inlineHeadings finds the run-in headings of levels below level inside a paragraph: a marker
// right after a 。 or ： whose sentence reads as a heading.
func inlineHeadings(rs []rune, level int) []InlineHeading {
	var out []InlineHeading
	for i := 1; i < len(rs); i++ {
		if rs[i-1] != '。' && rs[i-1] != '：' {
			continue
		}
		sub := ParseHeadingMarker(string(rs[i:]))
		if sub.Level <= level || sub.Level == 0 {
			continue
		}
		end := i + sub.SentenceEnd
		ms := utf8.RuneCountInString(sub.Marker)
		if end > len(rs) || !IsHeadingSentence(string(rs[i+ms:end])) {
			continue
		}
		out = append(out, InlineHeading{Level: sub.Level, Start: i, End: end})
		i = end - 1
	}
	return out
}

// ParseHeadingMarker is ParseHeading without the heading rule and inline headings: the marker,
// its level and number, and the end of the first sentence.
func ParseHeadingMarker(p string) Heading {
	h := parseMarker(p)
	if h.Level == 0 {
		return h
	}
	h.SentenceEnd = utf8.RuneCountInString(p)
	if k := strings.Index(p, "。"); k >= 0 {
		h.SentenceEnd = utf8.RuneCountInString(p[:k]) + 1
	}
	return h
}

// The heading rule. A numbered paragraph (一、 （一） 1. （1）) is a heading when its first
// sentence (up to the first 。, or the whole paragraph) reads as a heading: a topic or a short
// call to action, not a statement. Decided on the 68 paragraphs numbered 一、 or （一） in the 16
// documents of ../shared/corpus/docs (the 请示 23 repeats the 12 of the one 04 forwards),
// hand-labelled in levels_test.go (TestHeadingRule): 35 headings, 33 numbered sentences.
//
//   - length of that sentence without marker and 。: headings 4..32 characters (median 11),
//     numbered sentences 10..173 (median 51). Over 40 it is a sentence: 22 of the 33 sentences,
//     no heading.
//   - a colon inside (二、春节：2月4日至10日放假调休，共7天。): a list item "label: content"; 7
//     sentences, no heading.
//   - more than one ，/；, or one in a sentence over 20 characters, or more than two 、: headings
//     have at most one comma and are then short (逐年扩招，分步实施, 11); 1 more sentence.
//   - 同意 opening it (批复), or a modal verb of a statement (要, 应, 须, 请, 可, 予以, 由): headings
//     name the matter (加强政府的责任, 做好……的落实工作) where sentences say who must do what
//     (各有关省（市）教育主管部门要明确……); the last 3 sentences.
//
// Together 68 of 68 right on the corpus. Levels 3 and 4 keep the body face either way.
func IsHeadingSentence(s string) bool {
	s = strings.TrimRight(strings.TrimSpace(s), "。；;")
	n := utf8.RuneCountInString(s)
	if n == 0 || n > 40 {
		return n == 0
	}
	if strings.ContainsAny(s, "：:") {
		return false
	}
	parts := strings.Count(s, "，") + strings.Count(s, "；") + strings.Count(s, ",") + strings.Count(s, ";")
	if parts > 1 || (parts == 1 && n > 20) || strings.Count(s, "、") > 2 {
		return false
	}
	if strings.HasPrefix(s, "同意") || reModal.MatchString(s) {
		return false
	}
	return true
}

// reModal finds a modal verb of a statement: 要/应/须/请/可 not part of a noun (主要, 重要, 需要,
// 要求, 要点, 应急, 相应, 供应, 适应, 响应, 可持续, 许可 …).
var reModal = lazyRE(`(^|[^主重需纲摘概简紧首必只])要[^求点素件害闻]|(^|[^相供适响对反效])应[^急对用]|必须|务须|须[^知]|(^|[^申提邀])请[^示求]|(^|[^许认])可[^持靠行能]|予以|由[^于此来衷]`)

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
