package document

import (
	"strings"
	"unicode/utf8"
)

// FaceSpan is a stretch of a body paragraph set in a heading's face: rune offsets
// [Start, End), Level 1 (黑体) or 2 (楷体). Levels 3 and 4 keep the body's 仿宋 (7.3.3).
type FaceSpan struct {
	Level      int
	Start, End int
}

// HeadingFaces decides which stretches of the paragraphs ps (a body, or an attachment's) are
// set in a heading face, the same for the layout and the DOCX writer. Every level marker
// counts, at the start of a paragraph or run in after a 。 or ： (三、主要活动。（一）开展……):
//
//   - Markers of one level under one parent are siblings: a marker of a higher level, or a
//     marker numbered 1, starts a new set of siblings.
//   - Siblings share one face (issue 11: an inline （一） in 仿宋 while its siblings were in
//     楷体). They are headings when at least half of them read as headings (IsHeadingSentence);
//     then each takes its level's face over its heading sentence (up to the first 。), and a
//     sibling that reads as a numbered statement over its marker only, so no long statement
//     is set in 黑体. Otherwise all of them keep the body's face.
//
// The result has one slice per paragraph, in order of Start.
func HeadingFaces(ps []string) [][]FaceSpan {
	type occ struct {
		para, level, number int
		start, markEnd, end int
		heading             bool
		group               int
	}
	var occs []occ
	for i, p := range ps {
		// Offsets are in runes; the text is read in place (byte offsets kept alongside), not
		// copied per paragraph and per sentence.
		if !utf8.ValidString(p) {
			p = string([]rune(p)) // each bad byte one U+FFFD, as a rune slice has it
		}
		n := utf8.RuneCountInString(p)
		lead, leadB := 0, 0
		for leadB < len(p) {
			r, size := utf8.DecodeRuneInString(p[leadB:])
			if r != ' ' && r != '\u3000' && r != '\t' {
				break
			}
			lead, leadB = lead+1, leadB+size
		}
		add := func(at, atB int, h Heading) {
			ms := utf8.RuneCountInString(h.Marker)
			end := min(at+h.SentenceEnd, n)
			from := min(at+ms, end)
			fromB := skipRunes(p, atB, from-at)
			endB := skipRunes(p, fromB, end-from)
			occs = append(occs, occ{para: i, level: h.Level, number: h.Number, start: at, markEnd: at + ms,
				end: end, heading: IsHeadingSentence(p[fromB:endB])})
		}
		level, number := 0, 0
		if h := ParseHeadingMarker(p[leadB:]); h.Level > 0 {
			add(lead, leadB, h)
			level, number = h.Level, h.Number
		}
		if lead >= n {
			continue
		}
		// k is a rune offset (from lead+1), kB its byte offset, prev the rune before it.
		prev, size := utf8.DecodeRuneInString(p[leadB:])
		k, kB := lead+1, leadB+size
		for k < n {
			steps := 1
			if prev == '。' || prev == '：' {
				h := ParseHeadingMarker(p[kB:])
				// a lower level, or the next sibling run in (（二）……。（三）……)
				if !(h.Level == 0 || h.Level < level || (h.Level == level && h.Number != number+1)) {
					if h.Level == level {
						number++
					}
					add(k, kB, h)
					steps = max(h.SentenceEnd, 1)
				}
			}
			for ; steps > 0 && k < n; steps-- {
				prev, size = utf8.DecodeRuneInString(p[kB:])
				k, kB = k+1, kB+size
			}
		}
	}
	// siblings: the current group of each level
	cur := [5]int{-1, -1, -1, -1, -1}
	groups := 0
	for i := range occs {
		o := &occs[i]
		for l := o.level + 1; l < len(cur); l++ {
			cur[l] = -1
		}
		if cur[o.level] < 0 || o.number == 1 {
			cur[o.level] = groups
			groups++
		}
		o.group = cur[o.level]
	}
	total, heads := make([]int, groups), make([]int, groups)
	for _, o := range occs {
		total[o.group]++
		if o.heading {
			heads[o.group]++
		}
	}
	out := make([][]FaceSpan, len(ps))
	for _, o := range occs {
		if o.level > 2 || 2*heads[o.group] < total[o.group] {
			continue
		}
		end := o.end
		if !o.heading {
			end = o.markEnd
		}
		out[o.para] = append(out[o.para], FaceSpan{Level: o.level, Start: o.start, End: end})
	}
	return out
}

// OpensWithHeading reports whether a paragraph's face spans start with a heading sentence
// at its start (not a marker only): such a paragraph of one line is a heading alone on it.
func OpensWithHeading(p string, spans []FaceSpan) bool {
	if len(spans) == 0 {
		return false
	}
	lead := utf8.RuneCountInString(p) - utf8.RuneCountInString(strings.TrimLeft(p, " \u3000\t"))
	h := ParseHeadingMarker(strings.TrimLeft(p, " \u3000\t"))
	return spans[0].Start == lead && spans[0].End > lead+utf8.RuneCountInString(h.Marker)
}

// skipRunes returns the byte offset k runes after byte offset b of s (at most len(s)).
func skipRunes(s string, b, k int) int {
	for ; k > 0 && b < len(s); k-- {
		_, size := utf8.DecodeRuneInString(s[b:])
		b += size
	}
	return b
}
