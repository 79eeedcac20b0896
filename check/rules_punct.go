package check

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// halfwidth scans for an ASCII punctuation mark used in Chinese text.
func halfwidth(ch byte, full, name string, ctxOK func(text string, i int) bool) func(c *ctx, r *rule) {
	return scanner(nil, string(ch), func(c *ctx, r *rule, f field) {
		s := f.text
		for i := 0; i < len(s); i++ {
			if s[i] != ch {
				continue
			}
			if !ctxOK(s, i) {
				continue
			}
			end := i + 1
			for end < len(s) && s[end] == ' ' {
				end++ // the space an ASCII mark brings along goes with it
			}
			if end == len(s) {
				end = i + 1
			}
			c.reportMatch(r, f, match{start: i, end: end, fix: full, hasFix: true,
				msg: "中文文本中应使用全角" + name + "“" + full + "”，不用半角“" + string(ch) + "”"})
		}
	})
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isLatin(r rune) bool { return r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') }

// chineseAround: the mark follows or precedes Chinese text, and is not between digits.
func chineseAround(s string, i int) bool {
	p, n := prevRune(s, i), nextRune(s, i+1)
	if isDigit(p) && isDigit(n) {
		return false
	}
	return chinese(p) || isHan(n)
}

var checkHalfwidthComma = halfwidth(',', "，", "逗号", chineseAround)

var checkHalfwidthSemicolon = halfwidth(';', "；", "分号", chineseAround)

var checkHalfwidthQuestion = scanner(nil, "?|!", func(c *ctx, r *rule, f field) {
	for i := 0; i < len(f.text); i++ {
		ch := f.text[i]
		if (ch == '?' || ch == '!') && chineseAround(f.text, i) {
			full := "？"
			if ch == '!' {
				full = "！"
			}
			c.reportMatch(r, f, match{start: i, end: i + 1, fix: full, hasFix: true, msg: "中文文本中应使用全角“" + full + "”，不用半角“{text}”"})
		}
	}
})

// halfwidthColonBase finds half-width colons; checkHalfwidthColon leaves the recipients' final
// colon to recipients-colon.
var halfwidthColonBase = halfwidth(':', "：", "冒号", func(s string, i int) bool {
	p, n := prevRune(s, i), nextRune(s, i+1)
	if isDigit(p) && isDigit(n) {
		return false // a time: 9:30
	}
	return isHan(p) || isHan(n) || p == '）' || n == '“'
})

var checkHalfwidthColon = func(c *ctx, r *rule) {
	saved := c.fields
	var fs []field
	for _, f := range saved {
		if f.kind == "recipients" {
			t := strings.TrimRight(f.text, " \t\u3000")
			if strings.HasSuffix(t, ":") {
				f.text = t[:len(t)-1]
			}
		}
		fs = append(fs, f)
	}
	c.fields = fs
	halfwidthColonBase(c, r)
	c.fields = saved
}

var checkHalfwidthPeriod = halfwidth('.', "。", "句号", func(s string, i int) bool {
	if i+1 < len(s) && s[i+1] == '.' || i > 0 && s[i-1] == '.' {
		return false // an ellipsis
	}
	p, _ := utf8.DecodeLastRuneInString(s[:i])
	n := nextRune(s, i+1)
	if !isHan(p) && p != '”' && p != '）' && p != '》' {
		return false
	}
	if isDigit(n) || isLatin(n) {
		return false
	}
	// 一. is a heading marker, heading-hanzi-dot's
	if k := strings.IndexFunc(s, func(r rune) bool { return !strings.ContainsRune(" \u3000一二三四五六七八九十", r) }); k == i {
		return false
	}
	return true
})

var checkHalfwidthParens = scanner(nil, "(|)", func(c *ctx, r *rule, f field) {
	s := f.text
	// pairs of ASCII parentheses in Chinese text; mixed pairs are brackets-mixed's
	type open struct{ i int }
	var stack []open
	lead := len(s) - len(strings.TrimLeft(s, " \u3000"))
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			stack = append(stack, open{i})
		case ')':
			if len(stack) == 0 {
				continue
			}
			o := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if o.i == lead && headingParen(s[o.i+1:i]) {
				continue // (一) at the start: heading-halfwidth-paren's
			}
			inner := s[o.i+1 : i]
			if !strings.ContainsFunc(inner, isHan) && !chinese(prevRune(s, o.i)) && !isHan(nextRune(s, i+1)) {
				continue
			}
			c.reportMatch(r, f, match{start: o.i, end: i + 1, fix: "（" + inner + "）", hasFix: true,
				msg: "中文文本中应使用全角圆括号“（）”，不用半角“()”"})
		}
	}
})

var checkHalfwidthQuotes = scanner(nil, `"|'`, func(c *ctx, r *rule, f field) {
	s := f.text
	if !strings.ContainsFunc(s, isHan) {
		return
	}
	for _, q := range []struct {
		ch          byte
		open, close string
	}{{'"', "“", "”"}, {'\'', "‘", "’"}} {
		k := 0
		for i := 0; i < len(s); i++ {
			if s[i] != q.ch {
				continue
			}
			if q.ch == '\'' && isLatin(prevRune(s, i)) && isLatin(nextRune(s, i+1)) {
				continue // an apostrophe
			}
			fix := q.open
			if k%2 == 1 {
				fix = q.close
			}
			k++
			c.reportMatch(r, f, match{start: i, end: i + 1, fix: fix, hasFix: true, msg: "中文文本中应使用弯引号“”‘’，不用直引号“{text}”"})
		}
	}
})

var checkEllipsis = pattern(patternSpec{
	quick: "..|。。。|…|···|．．．|・・・",
	re:    regexp.MustCompile(`\.{3,}|。{3,}|…+|·{3,}|．{3,}|・{3,}`),
	judge: func(s string, sm []int) (match, bool) {
		t := s[sm[0]:sm[1]]
		if t == "……" {
			return match{}, false
		}
		if strings.HasPrefix(t, "…") && utf8.RuneCountInString(t)%2 == 0 {
			return match{}, false // ………… (twelve dots) is allowed
		}
		return match{start: sm[0], end: sm[1], fix: "……", hasFix: true, msg: "省略号应写作“……”（两个三连点），不用“{text}”"}, true
	},
})

var checkRangeHyphen = pattern(patternSpec{
	kinds: []string{"body", "attachment_body", "table", "note", "title"},
	quick: "-|－",
	re:    regexp.MustCompile(`([0-9]+(?:\.[0-9]+)?[年月日%]?)[ ]*([-－~])[ ]*([0-9]+(?:\.[0-9]+)?)(年|月|日|天|个|人|名|万|亿|元|%|岁|次|家|项|米|公里|小时|分钟|周|倍|层|平方米|亩|吨|期|届|时)`),
	judge: func(s string, sm []int) (match, bool) {
		if pr := prevRune(s, sm[0]); isDigit(pr) || pr == '-' || isLatin(pr) || pr == '.' {
			return match{}, false
		}
		if s[sm[4]:sm[5]] == "~" {
			return match{}, false
		}
		a, b := s[sm[2]:sm[3]], s[sm[6]:sm[7]]
		if len(a) == 4 && len(b) == 2 && s[sm[8]:sm[9]] != "年" && atoi(b) <= 12 {
			return match{}, false // 2024-01 … a date, date rules'
		}
		return match{start: sm[4], end: sm[5], fix: "—", hasFix: true, msg: "表示数值范围用一字线“—”、浪纹线“～”或“至”，不用连字符“{text}”"}, true
	},
})

var checkDashForm = pattern(patternSpec{
	quick: "--|－－|———",
	re:    regexp.MustCompile(`-{2,}|－{2,}|—{3,}`),
	judge: func(s string, sm []int) (match, bool) {
		t := s[sm[0]:sm[1]]
		if strings.HasPrefix(t, "—") && utf8.RuneCountInString(t)%2 == 0 {
			return match{}, false // —— and ———— are dashes
		}
		return match{start: sm[0], end: sm[1], fix: "——", hasFix: true, msg: "破折号应写作“——”（两个一字线），不用“{text}”"}, true
	},
})

var checkRepeatedPunct = pattern(patternSpec{
	quick: "，，|。。|、、|；；|：：|？？|！！|，。|。，",
	re:    regexp.MustCompile(`，{2,}|。{2}|、{2,}|；{2,}|：{2,}|？{2,}|！{2,}|，。|。，`),
	judge: func(s string, sm []int) (match, bool) {
		t := s[sm[0]:sm[1]]
		if strings.HasPrefix(t, "。") && sm[1]+len("。") <= len(s) && strings.HasPrefix(s[sm[1]:], "。") {
			return match{}, false // 。。。 is ellipsis's
		}
		if pr := prevRune(s, sm[0]); pr == '。' {
			return match{}, false
		}
		r, _ := utf8.DecodeRuneInString(t)
		return match{start: sm[0], end: sm[1], fix: string(r), hasFix: true, msg: "标点“{text}”重复，应只保留一个"}, true
	},
})

var checkSpaceInText = scanner([]string{"body", "title", "attachment_body", "attachment_notes", "cc", "note"}, " |\u3000", func(c *ctx, r *rule, f field) {
	s := f.text
	if !strings.Contains(s, "。") || strings.Contains(s, "：") && !strings.Contains(s, "，") {
		return // a list of names aligned with spaces
	}
	for _, sm := range reSpace.FindAllStringSubmatchIndex(s, -1) {
		if n, _ := utf8.DecodeRuneInString(s[sm[3]:]); n == '年' || n == '月' || n == '日' {
			continue // a blank date: placeholder-date's
		}
		c.reportMatch(r, f, match{start: sm[2], end: sm[3], fix: "", hasFix: true, msg: "汉字之间不留空格（排版由格式控制）"})
	}
})

// reSpacedNumber finds a date (2018 年 11 月 19 日, 11 月 19 日, 2018 年) or a 发文字号
// (国发〔2018〕2 号) that may have blanks inside; checkSpaceInNumber reports those that do.
var reSpacedNumber = regexp.MustCompile(`(?:[0-9０-９]{4}[ \x{3000}]*年[ \x{3000}]*)?[0-9０-９]{1,2}[ \x{3000}]*月(?:[ \x{3000}]*[0-9０-９]{1,2}[ \x{3000}]*[日号])?|[0-9０-９]{4}[ \x{3000}]*年|[〔［\[【〖﹝(（][ \x{3000}]*[0-9０-９]{4}[ \x{3000}]*[〕\]］】〗﹞)）][ \x{3000}]*第?[ \x{3000}]*[0-9０-９]+[ \x{3000}]*号`)

// checkSpaceInNumber removes the blanks a web page or Word's spacing left inside a 发文字号 or
// a date: GB/T 9704-2012 7.2.5 and 7.3.5.4 write them solid (国发〔2018〕2号, 2018年11月19日).
var checkSpaceInNumber = pattern(patternSpec{
	kinds: []string{"number", "date", "title", "title_note", "body", "attachment_notes", "note", "attachment_title", "attachment_body", "table", "cc"},
	quick: " |\u3000",
	re:    reSpacedNumber,
	judge: func(s string, sm []int) (match, bool) {
		t := s[sm[0]:sm[1]]
		fix := strings.Map(func(r rune) rune {
			if r == ' ' || r == '\u3000' {
				return -1
			}
			return r
		}, t)
		if fix == t {
			return match{}, false
		}
		return match{start: sm[0], end: sm[1], fix: fix, hasFix: true, msg: "发文字号和日期内不留空格，“{text}”应写作“{fix}”"}, true
	},
})

var checkFullwidthDigits = pattern(patternSpec{
	quick: "０|１|２|３|４|５|６|７|８|９",
	re:    regexp.MustCompile(`[０-９]+`),
	judge: func(s string, sm []int) (match, bool) {
		return match{start: sm[0], end: sm[1], fix: toHalfDigits(s[sm[0]:sm[1]]), hasFix: true, msg: "阿拉伯数字应用半角形式，“{text}”应写作“{fix}”"}, true
	},
})

var checkDunhaoBetweenQuotes = pattern(patternSpec{
	kinds: []string{"body", "attachment_body"},
	quick: "”、“|》、《",
	re:    regexp.MustCompile(`”、“|》、《`),
	judge: func(s string, sm []int) (match, bool) {
		i := sm[0] + len("”")
		return match{start: i, end: i + len("、"), fix: "", hasFix: true, msg: "并列的引号或书名号之间通常不用顿号"}, true
	},
})

var reSpace = regexp.MustCompile(`\p{Han}([ \x{3000}]+)\p{Han}`)

// headingParen reports whether s (inside brackets) is a level marker number: 一 … 九十九 or 1 … 99.
func headingParen(s string) bool {
	if _, ok := cnSmall(s); ok && s != "元" && s != "正" {
		return true
	}
	return len(s) > 0 && len(s) <= 2 && atoi(s) > 0
}

// ---- brackets ----

var pairs = map[rune]rune{'（': '）', '(': ')', '《': '》', '〈': '〉', '“': '”', '‘': '’', '【': '】', '〔': '〕', '[': ']', '［': '］', '「': '」', '『': '』', '{': '}'}

var checkBracketsBalanced = bracketScan(false)

var checkBracketsMixed = bracketScan(true)

var closers = func() map[rune]rune {
	m := map[rune]rune{}
	for o, cl := range pairs {
		m[cl] = o
	}
	return m
}()

// sameFamily: round brackets of either width, square brackets of any kind.
func sameFamily(o, cl rune) bool {
	fam := func(r rune) int {
		switch r {
		case '（', '(', '）', ')':
			return 1
		case '[', '［', ']', '］', '【', '】', '〔', '〕':
			return 2
		}
		return 0
	}
	return fam(o) != 0 && fam(o) == fam(cl)
}

func bracketScan(mixed bool) func(c *ctx, r *rule) {
	return func(c *ctx, r *rule) {
		for fi, f := range c.fields {
			if !prose(f.kind) {
				continue
			}
			s := f.text
			type open struct {
				r rune
				i int
			}
			var stack []open
			for i, ch := range s {
				if _, ok := pairs[ch]; ok {
					stack = append(stack, open{ch, i})
					continue
				}
				o, ok := closers[ch]
				if !ok {
					continue
				}
				// find the nearest opener of the same family
				k := len(stack) - 1
				for k >= 0 && stack[k].r != o && !sameFamily(stack[k].r, ch) {
					k--
				}
				if k < 0 {
					if !mixed && !(ch == '”' && continuedQuote(c, fi)) {
						c.reportMatch(r, f, match{start: i, end: i + utf8.RuneLen(ch), msg: "“{text}”没有与之配对的前半个符号，请补全或删去"})
					}
					continue
				}
				if stack[k].r != o && mixed {
					want := string(pairs[stack[k].r])
					c.reportMatch(r, f, match{start: i, end: i + utf8.RuneLen(ch), fix: want, hasFix: true,
						msg: "括号前后形式不一致：以“" + string(stack[k].r) + "”开始的括号应以“{fix}”结束，不用“{text}”"})
				}
				if !mixed {
					for _, u := range stack[k+1:] {
						c.reportMatch(r, f, match{start: u.i, end: u.i + utf8.RuneLen(u.r), msg: "“{text}”没有与之配对的后半个符号，请补全"})
					}
				}
				stack = stack[:k]
			}
			if !mixed {
				for _, u := range stack {
					if u.r == '“' && quoteContinues(c, fi) {
						continue // a quotation running over several paragraphs
					}
					c.reportMatch(r, f, match{start: u.i, end: u.i + utf8.RuneLen(u.r), msg: "“{text}”没有与之配对的后半个符号，请补全"})
				}
			}
		}
	}
}

// quoteContinues: the next field of the same kind opens with “ (a quotation over paragraphs).
func quoteContinues(c *ctx, fi int) bool {
	if fi+1 >= len(c.fields) || c.fields[fi+1].kind != c.fields[fi].kind {
		return false
	}
	return strings.HasPrefix(trimSpace(c.fields[fi+1].text), "“")
}

// continuedQuote: the field is a later paragraph of a quotation over paragraphs.
func continuedQuote(c *ctx, fi int) bool {
	return fi > 0 && c.fields[fi-1].kind == c.fields[fi].kind && strings.HasPrefix(trimSpace(c.fields[fi].text), "“")
}
