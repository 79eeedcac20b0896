package document

import (
	"strings"
	"unicode/utf8"
)

// Normalisation of the 发文字号 and the 成文日期 (and 印发日期) on import. Text pasted from a
// web page or a Word file carries blanks inside them (国发〔2018〕2 号, 2018 年 11 月 19 日: Word's
// spacing between CJK and digits, a justified web line) and, in the pre-2012 Chinese-numeral
// dates, look-alikes typed for 〇 (二○一八年: ○ U+25CB WHITE CIRCLE, Latin O or o, the digit 0 or
// ０). The importer keeps the element as it should have been typed and reports each change;
// the checker still reports a Chinese-numeral date (date-chinese-numerals) with its fix to
// Arabic numerals (GB/T 9704-2012 7.3.5.4).

// zeroLookalikes are the characters typed for 〇 in a year written in Chinese numerals.
const zeroLookalikes = "○◯OoОоＯｏ0０"

// cnDigitsNoZero are the Chinese digits 1–9: a year holding one of them is written in
// Chinese numerals.
const cnDigitsNoZero = "一二三四五六七八九"

// normalizeDate returns a date as the importer keeps it: the blanks inside removed and, in a
// year written in Chinese numerals, each look-alike of 〇 replaced by 〇. what names the changes
// for the report (empty when none). A text that is not a date after normalising is returned
// unchanged.
func normalizeDate(s string) (out string, what []string) {
	out = dropBlanks(s)
	if out != s {
		what = append(what, "删去其中的空格 (blanks removed)")
	}
	if y, rest, ok := strings.Cut(out, "年"); ok && strings.ContainsAny(y, cnDigitsNoZero) {
		fixed := strings.Map(func(r rune) rune {
			if strings.ContainsRune(zeroLookalikes, r) {
				return '〇'
			}
			return r
		}, y)
		if fixed != y {
			var seen []string
			for _, r := range y {
				if strings.ContainsRune(zeroLookalikes, r) && !containsString(seen, string(r)) {
					seen = append(seen, string(r))
				}
			}
			what = append(what, "“"+strings.Join(seen, "”“")+"”改为“〇” (look-alikes of 〇 replaced)")
			out = fixed + "年" + rest
		}
	}
	if _, err := ParseDate(out); err != nil {
		return s, nil
	}
	return out, what
}

// normalizeNumber returns a 发文字号 without the blanks inside it (国发〔2018〕2 号 → 国发〔2018〕2号).
func normalizeNumber(s string) (out string, what []string) {
	out = dropBlanks(s)
	if out != s {
		what = append(what, "删去其中的空格 (blanks removed)")
	}
	return out, what
}

// dropBlanks removes every blank (spaces, ideographic spaces, tabs, zero-width spaces) from s.
func dropBlanks(s string) string {
	return strings.Map(func(r rune) rune {
		if isBlank(r) {
			return -1
		}
		return r
	}, s)
}

// blankSegs records where the characters of s, which starts at rune column col (0-based, of
// line l), stand in the input once the blanks are dropped: one Seg a run of kept characters.
func (im *importer) blankSegs(l textLine, col int, s string) []Seg {
	var segs []Seg
	off, inRun := 0, false
	for _, r := range s {
		if isBlank(r) {
			inRun = false
			col++
			continue
		}
		if !inRun {
			segs = append(segs, Seg{Off: off, Pos: im.pos(l, col)})
			inRun = true
		}
		off++
		col++
	}
	if len(segs) == 0 {
		segs = append(segs, Seg{Pos: im.pos(l, col)})
	}
	return segs
}

// setNormalized sets *dst to the normalised form of s (a date or a number, by norm), which
// stands at rune offset col of line l, with its place, and reports the changes at that place.
func (im *importer) setNormalized(dst *string, path, label string, l textLine, col int, s string,
	norm func(string) (string, []string)) {
	out, what := norm(s)
	*dst = out
	if out == s {
		im.src.Set(path, Seg{Pos: im.pos(l, col)})
		return
	}
	im.src.Set(path, im.blankSegs(l, col, s)...)
	im.doc.Warnings = append(im.doc.Warnings, Error{File: im.src.File, Line: l.num, Col: l.lead + 1 + col,
		Msg: label + "“" + s + "”已规范为“" + out + "”：" + strings.Join(what, "，") + " (normalised on import)"})
}

// isDateText reports whether s is a date once normalised (normalizeDate).
func isDateText(s string) bool {
	if utf8.RuneCountInString(s) > 30 {
		return false
	}
	out, _ := normalizeDate(s)
	_, err := ParseDate(out)
	return err == nil
}

// reOldNumber is a 发文字号 of the form before GB/T 9704-1988, the year first in brackets:
// (78)交公路字412号.
var reOldNumber = lazyRE(`^[（(]\s*[0-9０-９]{2,4}\s*[）)]\s*\p{Han}[^\s，。、；：:《》“”"（）()]{0,16}?\s*第?\s*[0-9０-９]+\s*号$`)

// reNumberTail finds a 发文字号 at the end of a line (after a date: 2006年10月26日 财建〔2006〕689号).
var reNumberTail = lazyRE(`[\s　]+(\p{Han}[^\s　，。、；：:《》“”"]{0,24}?[\s　]*[〔\[［【〖﹝（(]\s*[0-9０-９]{4}\s*[〕\]］】〗﹞）)]\s*第?\s*[0-9０-９]+\s*号)$`)

// innerOf returns s without its outer round brackets.
func innerOf(s string) string {
	_, n1 := utf8.DecodeRuneInString(s)
	_, n2 := utf8.DecodeLastRuneInString(s)
	return strings.TrimFunc(s[n1:len(s)-n2], isBlank)
}

// numberForms reads the forms a 发文字号 takes under the title on law and news sites: in round
// brackets ((浙委办[2004]39号), ((78)交公路字412号)), in the old form with the year first, or after
// the 成文日期 on one line (2006年10月26日 财建〔2006〕689号, which also gives the date). It
// reports whether l was one of them.
func (im *importer) numberForms(l textLine) bool {
	s, col := l.text, 0
	if isParenthesized(s) {
		inner := innerOf(s)
		col = strings.Index(s, inner)
		col = runeLen(s[:col])
		s = inner
	}
	if m := reNumber.FindStringSubmatchIndex(s); m != nil && col > 0 && m[4] < 0 {
		im.setNormalized(&im.doc.Number, PathNumber, "发文字号", l, col, s[m[2]:m[3]], normalizeNumber)
		return true
	}
	if reOldNumber.MatchString(s) {
		im.setNormalized(&im.doc.Number, PathNumber, "发文字号", l, col, s, normalizeNumber)
		return true
	}
	if m := reNumberTail.FindStringSubmatchIndex(s); m != nil && im.doc.Date == "" {
		head := strings.TrimRightFunc(s[:m[0]], isBlank)
		if isDateText(head) {
			im.setNormalized(&im.doc.Date, PathDate, "成文日期", l, col, head, normalizeDate)
			im.setNormalized(&im.doc.Number, PathNumber, "发文字号", l, col+runeLen(s[:m[2]]), s[m[2]:m[3]], normalizeNumber)
			return true
		}
	}
	return false
}

// reFieldLine is a short "label：value" line between the number and the 主送 (类别：C类 on a
// 提案答复, 公开方式：主动公开).
var reFieldLine = lazyRE(`^[\p{Han}]{2,6}[：:]\s*[^：:，。；\s]{1,12}$`)
