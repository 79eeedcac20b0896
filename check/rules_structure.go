package check

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"gongwen/document"
)

// ---- level markers (7.3.3) ----

var (
	reParenDunhao = regexp.MustCompile(`^[ \x{3000}]*([（(])([一二三四五六七八九十]{1,3}|[0-9]{1,2})([）)])(、)`)
	reArabicDun   = regexp.MustCompile(`^[ \x{3000}]*([0-9]{1,2})(、)`)
	reHanziDot    = regexp.MustCompile(`^[ \x{3000}]*([一二三四五六七八九十]{1,3})([.．，,])`)
	reHalfParen   = regexp.MustCompile(`^[ \x{3000}]*(\(([一二三四五六七八九十]{1,3}|[0-9]{1,2})\)|（([一二三四五六七八九十]{1,3}|[0-9]{1,2})\)|\(([一二三四五六七八九十]{1,3}|[0-9]{1,2})）)`)
	reArabicDot   = regexp.MustCompile(`^[ \x{3000}]*([0-9]{1,2})([．。])`)
)

// marker is a level marker found at the start of a paragraph, standard or near miss.
type marker struct {
	level, number int
	para          int // index in the paragraph list
	f             field
}

// headingOf reads a paragraph's marker, counting near misses (1、 （一）、 一.) at the level they mean.
func headingOf(p string) (level, number int) {
	h := document.ParseHeading(p)
	if h.Level > 0 {
		return h.Level, h.Number
	}
	if sm := reParenDunhao.FindStringSubmatch(p); sm != nil {
		if n, ok := cnSmall(sm[2]); ok {
			return 2, n
		}
		return 4, atoi(sm[2])
	}
	if sm := reArabicDun.FindStringSubmatch(p); sm != nil {
		return 3, atoi(sm[1])
	}
	if sm := reArabicDot.FindStringSubmatch(p); sm != nil {
		return 3, atoi(sm[1])
	}
	if sm := reHanziDot.FindStringSubmatch(p); sm != nil {
		if n, ok := cnSmall(sm[1]); ok {
			return 1, n
		}
	}
	return 0, 0
}

// groups returns the body's paragraphs and each attachment's, as separate numbering scopes.
func (c *ctx) groups() [][]field {
	var out [][]field
	var cur []field
	prefix := ""
	for _, f := range c.fields {
		var p string
		switch f.kind {
		case "body":
			p = "body"
		case "attachment_body":
			p = f.path[:strings.LastIndex(f.path, ".body.")]
		default:
			continue
		}
		if p != prefix && len(cur) > 0 {
			out = append(out, cur)
			cur = nil
		}
		prefix = p
		cur = append(cur, f)
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

func markers(group []field) []marker {
	var ms []marker
	for i, f := range group {
		if l, n := headingOf(f.text); l > 0 {
			ms = append(ms, marker{level: l, number: n, para: i, f: f})
		}
	}
	return ms
}

// headingGroups is analyseHeadings of every numbering scope, computed once per run.
func (c *ctx) headingGroups() [][]heading {
	if c.headings == nil {
		c.headings = [][]heading{}
		for _, g := range c.groups() {
			c.headings = append(c.headings, analyseHeadings(markers(g)))
		}
	}
	return c.headings
}

var levelName = [5]string{"", "“一、”", "“（一）”", "“1.”", "“（1）”"}

// firstChild is the marker of the first heading one level below level l.
var firstChild = [5]string{"", "（一）", "1.", "（1）", ""}

// heading is a marker with the level it is read at and what the order rule found.
type heading struct {
	marker
	level    int  // the effective level
	orderErr bool // used where its parent level is not open
	inline   bool // the paragraph also opens its first child inline: 二、……。（一）……
}

// analyseHeadings reads a numbering scope's markers. A marker used below a level that is not
// open (while that level is used elsewhere) is an order error; it is read as the parent level
// when its following siblings restart at 1 (a wrong marker for the parent, 一、 typed as （一）),
// and otherwise as a deliberately skipped level (the parent is taken as open).
func analyseHeadings(ms []marker) []heading {
	used := [6]bool{}
	for _, m := range ms {
		used[m.level] = true
	}
	open := [6]bool{}
	last := [6]int{}
	hs := make([]heading, len(ms))
	for i, m := range ms {
		h := heading{marker: m, level: m.level}
		l := m.level
		if l > 1 && !open[l-1] && used[l-1] {
			h.orderErr = true
			restart := false
			for _, n := range ms[i+1:] {
				if n.level <= l {
					// its siblings restart at 1, or the parent level goes on as if it were the parent
					restart = n.level == l && n.number == 1 ||
						n.level == l-1 && m.number == last[l-1]+1 && n.number == last[l-1]+2
					break
				}
			}
			if restart {
				l--
			} else {
				open[l-1] = true
			}
		}
		h.level = l
		open[l] = true
		last[l] = m.number
		for k := l + 1; k < len(open); k++ {
			open[k] = false
			last[k] = 0
		}
		if l < 4 {
			text := m.f.text
			if strings.Contains(text, "。"+firstChild[l]) || strings.Contains(text, "："+firstChild[l]) {
				h.inline = true
				open[l+1] = true
			}
		}
		hs[i] = h
	}
	return hs
}

func markerLen(text string) int {
	if k := strings.IndexAny(text, "、）).．"); k >= 0 && k < 12 {
		return runeOff(text, k) + 1
	}
	return 1
}

var checkHeadingOrder = func(c *ctx, r *rule) {
	for _, hs := range c.headingGroups() {
		for _, h := range hs {
			if !h.orderErr {
				continue
			}
			msg := fmt.Sprintf("层次序数越级：%s 层级应在 %s 之下使用，序数依次为“一、”“（一）”“1.”“（1）”", levelName[h.marker.level], levelName[h.marker.level-1])
			c.report(r, h.f.path, h.f.text, 0, markerLen(h.f.text), msg, "", false)
		}
	}
}

var checkHeadingSequence = func(c *ctx, r *rule) {
	for _, hs := range c.headingGroups() {
		last := [6]int{}
		for _, h := range hs {
			l := h.level
			want := last[l] + 1
			if h.number != want {
				what := "跳号"
				if h.number <= last[l] {
					what = "重号或倒序"
				}
				msg := fmt.Sprintf("同级序数%s：此处应为第 %d 项，写成了第 %d 项", what, want, h.number)
				c.report(r, h.f.path, h.f.text, 0, markerLen(h.f.text), msg, "", false)
			}
			last[l] = h.number
			for k := l + 1; k < len(last); k++ {
				last[k] = 0
			}
			if h.inline {
				last[l+1] = 1
			}
		}
	}
}

var checkHeadingArabicDunhao = pattern(patternSpec{kinds: bodyKinds, quick: "、", re: reArabicDun,
	judge: func(s string, sm []int) (match, bool) {
		return match{start: sm[2], end: sm[5], fix: s[sm[2]:sm[3]] + ".", hasFix: true, msg: "第三层序数用阿拉伯数字加半角圆点，“{text}”应写作“{fix}”"}, true
	}})

var checkHeadingHanziDot = pattern(patternSpec{kinds: bodyKinds, re: reHanziDot, group: 2,
	judge: func(s string, sm []int) (match, bool) {
		if strings.HasPrefix(s[sm[3]:], "是") {
			return match{}, false
		}
		return match{start: sm[4], end: sm[5], fix: "、", hasFix: true, msg: "第一层序数“" + s[sm[2]:sm[3]] + "”后用顿号“、”，不用“{text}”"}, true
	}})

var checkHeadingHalfwidthParen = pattern(patternSpec{kinds: bodyKinds, quick: "(|)", re: reHalfParen,
	judge: func(s string, sm []int) (match, bool) {
		inner := ""
		for g := 2; g <= 4; g++ {
			if sm[2*g] >= 0 {
				inner = s[sm[2*g]:sm[2*g+1]]
			}
		}
		return match{start: sm[2], end: sm[3], fix: "（" + inner + "）", hasFix: true, msg: "序数“{text}”应使用全角括号“{fix}”"}, true
	}})

var checkHeadingArabicDotForm = pattern(patternSpec{kinds: bodyKinds, quick: "．|。", re: reArabicDot,
	judge: func(s string, sm []int) (match, bool) {
		return match{start: sm[2], end: sm[5], fix: s[sm[2]:sm[3]] + ".", hasFix: true, msg: "第三层序数用半角圆点，“{text}”应写作“{fix}”"}, true
	}})

var bodyKinds = []string{"body", "attachment_body"}

// ---- 附件说明 and 附件 ----

var reRawNoteNum = regexp.MustCompile(`([0-9０-９]{1,2})[ \x{3000}]*([.．、,，])[ \x{3000}]*$`)

var reNoteNum = regexp.MustCompile(`^[ \x{3000}]*([0-9０-９]{1,2})[ \x{3000}]*([.．、,，:：])[ \x{3000}]*([^0-9０-９]|$)`)

// noteName strips a 附件说明 entry's number and surrounding space.
func noteName(s string) string {
	if sm := reNoteNum.FindStringSubmatchIndex(s); sm != nil && sm[6] < len(s) {
		s = s[sm[6]:]
	}
	return trimSpace(s)
}

// normName normalises a name for comparison: no spaces, no final punctuation, no 《》.
func normName(s string) string {
	s = compact(noteName(s))
	s = strings.TrimRight(s, "。；;，,、.：:")
	s = strings.TrimPrefix(s, "《")
	s = strings.TrimSuffix(s, "》")
	return s
}

var reCitedAtt = regexp.MustCompile(`附件\s*([0-9]+|[一二三四五六七八九十]+)`)

var checkAttachmentNotesPunct = scanner([]string{"attachment_notes"}, "", func(c *ctx, r *rule, f field) {
	t := strings.TrimRight(f.text, " \t\r\n\u3000")
	end := len(t)
	start := end
	for start > 0 {
		ch, n := utf8.DecodeLastRuneInString(t[:start])
		if !strings.ContainsRune("。；;，,、.：:", ch) {
			break
		}
		start -= n
	}
	if start == end || strings.HasSuffix(t, "...") {
		return
	}
	c.reportMatch(r, f, match{start: start, end: end, fix: "", hasFix: true, msg: "附件名称后不加标点符号，应删去“{text}”"})
})

var checkAttachmentNotesBookMarks = scanner([]string{"attachment_notes"}, "《", func(c *ctx, r *rule, f field) {
	name := noteName(f.text)
	name = strings.TrimRight(name, "。；;，,、.")
	if !strings.HasPrefix(name, "《") || !strings.HasSuffix(name, "》") || strings.Count(name, "《") != 1 {
		return
	}
	i := strings.Index(f.text, name)
	inner := strings.TrimSuffix(strings.TrimPrefix(name, "《"), "》")
	c.reportMatch(r, f, match{start: i, end: i + len(name), fix: inner, hasFix: true, msg: "附件名称不加书名号，应写作“{fix}”"})
})

var checkAttachmentNotesNumbering = func(c *ctx, r *rule) {
	notes := c.fieldsOf("attachment_notes")
	numbered := 0
	for k, f := range notes {
		sm := reNoteNum.FindStringSubmatchIndex(f.text)
		if sm == nil || sm[6] >= len(f.text) {
			continue
		}
		numbered++
		sep := f.text[sm[4]:sm[5]]
		num := atoi(f.text[sm[2]:sm[3]])
		switch {
		case sep != ".":
			fix := strconv.Itoa(num) + "."
			c.reportMatch(r, f, match{start: sm[2], end: sm[5], fix: fix, hasFix: true,
				msg: "附件序号用阿拉伯数字加半角圆点，“{text}”应写作“{fix}”"})
		case len(notes) > 1 && num != k+1:
			c.reportMatch(r, f, match{start: sm[2], end: sm[5], msg: fmt.Sprintf("附件序号应依次编为 1. 2. 3.，此处应为 %d.", k+1)})
		}
	}
	// markers the importer split off the names, read back from the raw input
	if numbered == 0 {
		for _, f := range notes {
			prefix, pos, ok := c.rawBefore(f.path)
			if !ok {
				break
			}
			sm := reRawNoteNum.FindStringSubmatch(prefix)
			if sm == nil || sm[2] == "." {
				continue
			}
			marker := strings.TrimRight(sm[0], " \t\u3000")
			col := pos.Col - utf8.RuneCountInString(prefix) + utf8.RuneCountInString(prefix[:len(prefix)-len(sm[0])])
			c.findings = append(c.findings, Finding{Rule: r.ID, Severity: c.severity(r), Clause: r.Clause, Path: f.path,
				Message: "附件序号用阿拉伯数字加半角圆点，“" + marker + "”应写作“" + sm[1] + ".”",
				Line:    pos.Line, Column: col, Text: marker, Fix: sm[1] + ".", HasFix: true})
		}
	}
	if len(notes) > 1 && numbered > 0 && numbered < len(notes) {
		for _, f := range notes {
			if sm := reNoteNum.FindStringSubmatchIndex(f.text); sm == nil || sm[6] >= len(f.text) {
				c.report(r, f.path, f.text, 0, 0, "有多个附件时每个附件名称前都应加序号（1. 2. …）", "", false)
			}
		}
	}
}

var checkAttachmentLabel = func(c *ctx, r *rule) {
	for _, f := range c.fieldsOf("attachment_notes_label") {
		t := trimSpace(f.text)
		if t == "附件：" || t == "附件" {
			continue
		}
		i := strings.Index(f.text, t)
		c.reportMatch(r, f, match{start: i, end: i + len(t), fix: "附件：", hasFix: true, msg: "附件说明应写作“附件：名称”（全角冒号），不用“{text}”"})
	}
	for _, f := range append(c.fieldsOf("body"), c.fieldsOf("attachment_body")...) {
		t := strings.TrimLeft(f.text, " \u3000")
		lead := len(f.text) - len(t)
		for _, l := range []string{"附：", "附:", "附件:", "附件 :", "附件 ：", "附表：", "附录："} {
			if strings.HasPrefix(t, l) {
				fix := "附件："
				c.reportMatch(r, f, match{start: lead, end: lead + len(l), fix: fix, hasFix: true,
					msg: "附件说明应写作“附件：名称”，不用“{text}”"})
				break
			}
		}
	}
}

var checkAttachmentTitleMismatch = func(c *ctx, r *rule) {
	notes := c.fieldsOf("attachment_notes")
	for i, a := range c.doc.Attachments {
		if i >= len(notes) || trimSpace(a.Title) == "" {
			continue
		}
		n, t := normName(notes[i].text), normName(a.Title)
		if n != t && !(t != "" && strings.HasSuffix(n, t) && strings.HasPrefix(t, "关于")) {
			c.reportAll(r, notes[i].path, notes[i].text, fmt.Sprintf("附件说明中的名称与附件%d的标题“%s”不一致，两者应完全相同", i+1, compact(a.Title)))
		}
	}
}

var checkAttachmentCount = func(c *ctx, r *rule) {
	d := c.doc
	if len(d.Attachments) == 0 || len(d.Attachments) == len(d.AttachmentNotes) {
		return
	}
	if len(d.AttachmentNotes) == 0 && strings.ContainsAny(d.Title, "转印批") &&
		(strings.Contains(d.Title, "转发") || strings.Contains(d.Title, "印发") || strings.Contains(d.Title, "批转")) {
		return // a forwarded document follows the notice without a 附件说明
	}
	c.reportDoc(r, fmt.Sprintf("附件说明列出 %d 件，实际附有 %d 件附件，两者应一致", len(d.AttachmentNotes), len(d.Attachments)))
}

var checkAttachmentCited = scanner([]string{"body"}, "附件", func(c *ctx, r *rule, f field) {
	n := len(c.doc.AttachmentNotes)
	if len(c.doc.Attachments) > n {
		n = len(c.doc.Attachments)
	}
	if n == 0 {
		return
	}
	for _, sm := range reCitedAtt.FindAllStringSubmatchIndex(f.text, -1) {
		s := f.text[sm[2]:sm[3]]
		k := atoi(s)
		if k < 0 {
			k, _ = cnSmall(s)
		}
		if k > n {
			c.reportMatch(r, f, match{start: sm[0], end: sm[1], msg: fmt.Sprintf("正文引用了“{text}”，但附件说明只列出 %d 件附件", n)})
		}
	}
})

var checkAttachmentHeaderColon = scanner([]string{"attachment_title", "attachment_label"}, "附件", func(c *ctx, r *rule, f field) {
	if sm := regexp.MustCompile(`^[ \x{3000}]*附件[0-9]*([：:])`).FindStringSubmatchIndex(f.text); sm != nil {
		c.reportMatch(r, f, match{start: sm[2], end: sm[3], fix: "", hasFix: true, msg: "附件页的“附件”及序号后不加冒号"})
	}
})

// ---- placeholders and repetition ----

var checkPlaceholderX = pattern(patternSpec{
	kinds: []string{"title", "recipients", "body", "attachment_notes", "note", "attachment_title", "attachment_body", "cc", "printer", "number", "date", "table", "attendance", "issuer"},
	quick: "X|x|Ｘ|ｘ|×|○|〇",
	re:    regexp.MustCompile(`[XxＸｘ×]{2,}|[○〇]{2,}|[XＸ×](?:[月日年号市县区省局厅部委])`),
	judge: func(s string, sm []int) (match, bool) {
		t := s[sm[0]:sm[1]]
		p, n := prevRune(s, sm[0]), nextRune(s, sm[1])
		if strings.ContainsAny(t, "○〇") {
			if strings.ContainsRune("一二三四五六七八九〇○零", p) || strings.ContainsRune("一二三四五六七八九〇○零年", n) {
				return match{}, false // a Chinese-numeral year
			}
		} else if isLatin(p) || isLatin(n) || (strings.ContainsRune(t, '×') && (isDigit(p) || isDigit(n))) {
			return match{}, false // a word or a product
		}
		return match{start: sm[0], end: sm[1], msg: "“{text}”是未填写的占位符，请替换为实际内容"}, true
	},
})

var checkPlaceholderDate = pattern(patternSpec{
	kinds: []string{"body", "attachment_body", "date", "note", "title", "table"},
	quick: "月",
	re:    reYMDPlaceholder,
	judge: func(s string, sm []int) (match, bool) {
		start := sm[0]
		// take the blank before 年 too
		for start > 0 {
			r, n := utf8.DecodeLastRuneInString(s[:start])
			if r != ' ' && r != '\u3000' && r != '_' {
				break
			}
			start -= n
		}
		return match{start: start, end: sm[1], msg: "日期“{text}”未填写数字，请填写完整日期（如 2024年1月5日）"}, true
	},
})

var checkPlaceholderPrompt = pattern(patternSpec{
	kinds: []string{"title", "recipients", "body", "attachment_notes", "note", "attachment_title", "attachment_body", "cc"},
	quick: "请|此处|在此|【",
	re:    regexp.MustCompile(`【[^】]{0,30}】|[（(〔\[][^）)〕\]]{0,20}(?:请填写|请输入|此处填写|此处输入|在此填写|在此输入|请在此)[^）)〕\]]{0,20}[）)〕\]]|请在此处[^，。]{0,20}`),
	judge: func(s string, sm []int) (match, bool) {
		t := s[sm[0]:sm[1]]
		if strings.HasPrefix(t, "【") && !strings.ContainsAny(t, "填输写请某") {
			return match{}, false
		}
		return match{start: sm[0], end: sm[1], msg: "“{text}”是模板的提示文字，请替换为实际内容"}, true
	},
})

var checkRepeatedParagraph = func(c *ctx, r *rule) {
	for _, g := range c.groups() {
		seen := map[string]int{}
		for i, f := range g {
			k := compact(f.text)
			if utf8.RuneCountInString(k) < 8 {
				continue
			}
			if j, ok := seen[k]; ok {
				c.reportAll(r, f.path, f.text, fmt.Sprintf("本段与第 %d 段完全相同，请删去重复的段落", j+1))
				continue
			}
			seen[k] = i
		}
	}
}

var checkRepeatedWord = pattern(patternSpec{
	kinds: []string{"title", "body", "attachment_body", "attachment_title", "attachment_notes"},
	quick: "的的|和和|在在|了了|是是|对对|将将|按按",
	re:    regexp.MustCompile(`的的|和和|在在|了了|是是|将将|按按`),
	judge: func(s string, sm []int) (match, bool) {
		t := s[sm[0]:sm[1]]
		p := prevRune(s, sm[0])
		if t == "了了" && (p == '不' || p == '一') {
			return match{}, false
		}
		if t == "是是" && strings.HasPrefix(s[sm[1]:], "非") {
			return match{}, false
		}
		r, _ := utf8.DecodeRuneInString(t)
		return match{start: sm[0], end: sm[1], fix: string(r), hasFix: true, msg: "“{text}”疑为误重复，请核对"}, true
	},
})
