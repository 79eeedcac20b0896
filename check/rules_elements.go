package check

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"gongwen/document"
)

// ---- 发文字号 ----

// numberRe splits a 发文字号: 代字, opening bracket, year, closing bracket, 第, serial, 号.
var numberRe = regexp.MustCompile(`^(.*?)([〔\[【(（［{｛<〈〖﹝]?)[ \x{3000}]*([0-9０-９]{2,4})[ \x{3000}]*([〕\]】)）］}｝>〉〗﹞]?)[ \x{3000}]*(第?)[ \x{3000}]*([0-9０-９]+)[ \x{3000}]*(号?)[ \x{3000}]*$`)

type numberParts struct {
	code, open, year, close, di, serial, hao string
	idx                                      []int // byte offsets of the submatches
}

func parseNumber(s string) (numberParts, bool) {
	if reOldNumber.MatchString(s) {
		return numberParts{}, false // the pre-1988 form: number-format's (oldNumberFix)
	}
	sm := numberRe.FindStringSubmatchIndex(s)
	if sm == nil {
		return numberParts{}, false
	}
	g := func(i int) string { return s[sm[2*i]:sm[2*i+1]] }
	return numberParts{g(1), g(2), g(3), g(4), g(5), g(6), g(7), sm}, true
}

func numberField(c *ctx, path, kind string) (field, bool) {
	if c.format() == document.FormatMinutes {
		return field{}, false // a 纪要 carries a 期号 (第9期), not a 发文字号
	}
	v := c.doc.Number
	if path == document.PathOrderNumber {
		v = c.doc.OrderNumber
	}
	if trimSpace(v) == "" {
		if path == document.PathNumber {
			return c.numberInBody()
		}
		return field{}, false
	}
	return field{path: path, kind: kind, text: v}, true
}

// reOldNumber is a 发文字号 in the form before GB/T 9704-1988, the year first in round brackets:
// (78)交公路字412号, （1986）国发第97号.
var reOldNumber = regexp.MustCompile(`^[ \x{3000}]*[（(][ \x{3000}]*([0-9０-９]{2,4})[ \x{3000}]*[）)][ \x{3000}]*(\p{Han}[^ \x{3000}0-9０-９（）()〔〕]{0,16}?)[ \x{3000}]*第?[ \x{3000}]*([0-9０-９]+)[ \x{3000}]*号[ \x{3000}]*$`)

// oldNumberFix returns the current form of a pre-1988 number: (78)交公路字412号 → 交公路字〔1978〕412号
// (a two-digit year is of the 1900s: the form went out of use in 1988).
func oldNumberFix(s string) (string, bool) {
	sm := reOldNumber.FindStringSubmatch(s)
	if sm == nil {
		return "", false
	}
	year := toHalfDigits(sm[1])
	if len(year) == 2 {
		year = "19" + year
	}
	serial := strings.TrimLeft(toHalfDigits(sm[3]), "0")
	if len(year) != 4 || serial == "" {
		return "", false
	}
	return sm[2] + "〔" + year + "〕" + serial + "号", true
}

var reNumberLike = regexp.MustCompile(`^[ \x{3000}]*\p{Han}{1,12}[〔\[【(（［〖﹝][0-9０-９]{2,4}[〕\]】)）］〗﹞]第?[0-9０-９]+号?[ \x{3000}]*$`)

// numberInBody finds a 发文字号 the importer could not recognise (because it is malformed) in
// the first paragraphs of the body.
func (c *ctx) numberInBody() (field, bool) {
	if !c.imported() {
		return field{}, false
	}
	for i, p := range c.doc.Body {
		if i > 1 {
			break
		}
		if utf8.RuneCountInString(p) < 30 && reNumberLike.MatchString(p) {
			return field{path: fmt.Sprintf("body.%d", i), kind: "body", text: p}, true
		}
	}
	return field{}, false
}

// imported reports whether the document was read from a plain text or a .docx, whose importer
// may have left a malformed 发文字号 or 主送 in the body (a draft or the form has fields for them).
func (c *ctx) imported() bool {
	if c.opts.Raw != nil {
		return true
	}
	if c.doc.Source == nil {
		return false
	}
	switch strings.ToLower(filepath.Ext(c.doc.Source.File)) {
	case ".txt", ".text", ".docx":
		return true
	}
	return false
}

// recipientsText returns the 主送 and its path; a 主送 line the importer left at the start of
// the body counts too.
func (c *ctx) recipientsText() (string, string) {
	if trimSpace(c.doc.Recipients) != "" || !c.imported() {
		return c.doc.Recipients, document.PathRecipients
	}
	for i, p := range c.doc.Body {
		if i > 2 {
			break
		}
		t := trimSpace(p)
		n := utf8.RuneCountInString(t)
		plain := !strings.Contains(t, "。") && document.ParseHeading(t).Level == 0 && !strings.Contains(t, "如下") &&
			!strings.HasPrefix(t, "为") && !strings.HasPrefix(t, "根据") && !strings.HasPrefix(t, "按照") &&
			!strings.HasPrefix(t, "经") && !strings.Contains(t, "现将") && len(c.doc.Body) > i+1
		if plain && (strings.HasSuffix(t, "：") || strings.HasSuffix(t, ":")) && n < 120 {
			return p, fmt.Sprintf("body.%d", i)
		}
		// a first line of organ names that lost its colon: 各位人大代表，
		if plain && i == 0 && n < 60 && !strings.ContainsAny(t, "？！；") && !strings.HasPrefix(t, "—") && !strings.HasPrefix(t, "（") && !strings.HasPrefix(t, "(") {
			last, _ := utf8.DecodeLastRuneInString(t)
			if last == '，' || last == ',' || last == '、' || isHan(last) {
				return p, fmt.Sprintf("body.%d", i)
			}
		}
	}
	return "", ""
}

var checkNumberBrackets = func(c *ctx, r *rule) {
	f, ok := numberField(c, document.PathNumber, "number")
	if !ok {
		return
	}
	p, ok := parseNumber(f.text)
	if !ok || (p.open == "〔" && p.close == "〕") {
		return
	}
	start, end := p.idx[4], p.idx[9]
	if p.open == "" {
		start = p.idx[6]
	}
	if p.close == "" {
		end = p.idx[7]
	}
	fix := "〔" + toHalfDigits(p.year) + "〕"
	c.reportMatch(r, f, match{start: start, end: end, fix: fix, hasFix: true,
		msg: "发文字号的年份应用六角括号〔〕括入，不用“{text}”中的括号形式，应改为“{fix}”"})
}

var checkNumberDi = func(c *ctx, r *rule) {
	f, ok := numberField(c, document.PathNumber, "number")
	if !ok {
		return
	}
	p, ok := parseNumber(f.text)
	if !ok || p.di == "" {
		return
	}
	c.reportMatch(r, f, match{start: p.idx[10], end: p.idx[11], fix: "", hasFix: true,
		msg: "发文字号的序号前不加“第”字，应删去“第”（如 国办发〔2024〕5号）"})
}

var checkNumberLeadingZero = func(c *ctx, r *rule) {
	f, ok := numberField(c, document.PathNumber, "number")
	if !ok {
		return
	}
	p, ok := parseNumber(f.text)
	if !ok {
		return
	}
	h := toHalfDigits(p.serial)
	if len(h) < 2 || h[0] != '0' {
		return
	}
	fix := strings.TrimLeft(h, "0")
	if fix == "" {
		fix = "0"
	}
	c.reportMatch(r, f, match{start: p.idx[12], end: p.idx[13], fix: fix, hasFix: true,
		msg: "发文字号的序号不编虚位，“{text}”应写作“{fix}”"})
}

var checkNumberYear = func(c *ctx, r *rule) {
	f, ok := numberField(c, document.PathNumber, "number")
	if !ok {
		return
	}
	p, ok := parseNumber(f.text)
	if !ok || utf8.RuneCountInString(p.year) == 4 {
		return
	}
	c.reportMatch(r, f, match{start: p.idx[6], end: p.idx[7],
		msg: "发文字号的年份应标全称（四位数字），“{text}”不完整"})
}

var checkNumberFormat = func(c *ctx, r *rule) {
	f, ok := numberField(c, document.PathNumber, "number")
	if !ok {
		return
	}
	if strings.ContainsAny(f.text, "Xx×*○") {
		return // a placeholder, reported by placeholder-x
	}
	if fix, ok := oldNumberFix(f.text); ok {
		off, n := dateSpan(f.text)
		c.report(r, f.path, f.text, off, n, "“"+trimSpace(f.text)+"”是年份在前的旧式发文字号，现行写法为机关代字、〔年份〕、序号：“"+fix+"”", fix, true)
		return
	}
	p, ok := parseNumber(f.text)
	if !ok {
		c.reportAll(r, f.path, f.text, "发文字号应由机关代字、年份和序号组成，如“国办发〔2024〕5号”")
		return
	}
	if trimSpace(p.code) == "" {
		c.reportAll(r, f.path, f.text, "发文字号缺少机关代字，应写作“机关代字〔年份〕序号号”")
		return
	}
	if p.hao == "" {
		c.reportMatch(r, f, match{start: p.idx[12], end: p.idx[13], fix: p.serial + "号", hasFix: true,
			msg: "发文字号的序号后应加“号”字"})
	}
}

var checkCitationNumberBrackets = pattern(patternSpec{
	kinds: []string{"body", "attachment_body", "title", "note", "attachment_title"},
	quick: "号",
	re:    regexp.MustCompile(`(\p{Han})([\[【［(（〖﹝]\s*([0-9]{4})\s*[\]】］)）〗﹞]|〔\s*([0-9]{4})\s*〕)\s*(第?)\s*([0-9]+)号`),
	judge: func(text string, sm []int) (match, bool) {
		whole := text[sm[4]:sm[1]]
		year := ""
		if sm[6] >= 0 {
			year = text[sm[6]:sm[7]]
		} else {
			year = text[sm[8]:sm[9]]
		}
		serial := text[sm[12]:sm[13]]
		fixedSerial := strings.TrimLeft(serial, "0")
		if fixedSerial == "" {
			fixedSerial = "0"
		}
		fix := "〔" + year + "〕" + fixedSerial + "号"
		if fix == whole {
			return match{}, false
		}
		return match{start: sm[4], end: sm[1], fix: fix, hasFix: true,
			msg: "引用的发文字号“{text}”格式不对：年份用〔〕括入，序号不加“第”、不编虚位，应为“{fix}”"}, true
	},
})

// ---- dates ----

var (
	reCnDate   = regexp.MustCompile(`([〇○◯零ОоOoＯｏ0０一二三四五六七八九]{4})\s*年\s*([元正一二三四五六七八九十]{1,3})\s*月(?:\s*([一二三四五六七八九十]{1,3})\s*日)?`)
	reNumDate  = regexp.MustCompile(`([0-9０-９]{4})\s*([-./／－])\s*([0-9０-９]{1,2})\s*([-./／－])\s*([0-9０-９]{1,2})`)
	reYMD      = regexp.MustCompile(`^([0-9０-９]{2,4})?\s*年?\s*([0-9０-９]{1,2})?\s*月?\s*([0-9０-９]{1,2})?\s*[日号]?$`)
	reDateLead = regexp.MustCompile(`([0-9]{4}年)(0[1-9])(月)|([0-9]{1,2}月)(0[1-9])(日)`)
)

// parsedDate is a 成文日期 or 印发日期 as the checker reads it.
type parsedDate struct {
	y, m, d int
	chinese bool // 二〇二四年一月五日
	numeric bool // 2024-01-05, 2024.1.5
	padded  bool
	haoDay  bool // 5号 for 5日
	full    bool // Arabic 年月日 complete
	short   bool // two-digit year
	ok      bool
}

func parseDateField(s string) parsedDate {
	t := trimSpace(s)
	t = strings.TrimSuffix(t, "印发")
	t = trimSpace(t)
	if sm := reCnDate.FindStringSubmatch(t); sm != nil && sm[0] == t {
		y, _ := cnYear(sm[1])
		m, _ := cnSmall(sm[2])
		d := 0
		if sm[3] != "" {
			d, _ = cnSmall(sm[3])
		}
		return parsedDate{y: y, m: m, d: d, chinese: true, ok: true}
	}
	if sm := reNumDate.FindStringSubmatch(t); sm != nil && sm[0] == t {
		y, m, d := atoi(sm[1]), atoi(sm[3]), atoi(sm[5])
		return parsedDate{y: y, m: m, d: d, numeric: true, ok: true, padded: strings.HasPrefix(sm[3], "0") || strings.HasPrefix(sm[5], "0")}
	}
	if sm := reYMD.FindStringSubmatch(t); sm != nil && t != "" {
		p := parsedDate{ok: true}
		if sm[1] != "" {
			p.y = atoi(sm[1])
			p.short = utf8.RuneCountInString(sm[1]) < 4
		}
		if sm[2] != "" {
			p.m = atoi(sm[2])
			p.padded = p.padded || strings.HasPrefix(toHalfDigits(sm[2]), "0")
		}
		if sm[3] != "" {
			p.d = atoi(sm[3])
			p.padded = p.padded || strings.HasPrefix(toHalfDigits(sm[3]), "0")
		}
		p.haoDay = strings.HasSuffix(t, "号")
		p.full = sm[1] != "" && sm[2] != "" && sm[3] != "" && strings.Contains(t, "年") && strings.Contains(t, "月")
		return p
	}
	return parsedDate{}
}

func (p parsedDate) String() string { return fmt.Sprintf("%d年%d月%d日", p.y, p.m, p.d) }

func (p parsedDate) valid() bool {
	return p.y >= 1000 && document.Date{Year: p.y, Month: p.m, Day: p.d}.Valid()
}

func dateField(c *ctx, path string) (field, parsedDate, bool) {
	v := c.doc.Date
	if path == document.PathPrintDate {
		v = c.doc.PrintDate
	}
	if trimSpace(v) == "" {
		return field{}, parsedDate{}, false
	}
	return field{path: path, kind: "date", text: v}, parseDateField(v), true
}

// dateSpan is the rune span of the trimmed date within the value (without a trailing 印发).
func dateSpan(v string) (int, int) {
	t := strings.TrimLeft(v, " \t\r\n\u3000")
	off := utf8.RuneCountInString(v) - utf8.RuneCountInString(t)
	t = trimSpace(strings.TrimSuffix(trimSpace(t), "印发"))
	return off, utf8.RuneCountInString(t)
}

var checkDateChineseNumerals = func(c *ctx, r *rule) {
	f, p, ok := dateField(c, document.PathDate)
	if !ok || !p.chinese {
		return
	}
	off, n := dateSpan(f.text)
	fix, has := "", false
	if p.valid() {
		fix, has = p.String(), true
	}
	c.report(r, f.path, f.text, off, n, "成文日期应用阿拉伯数字写作“"+orExample(fix)+"”：GB/T 9704-2012 改变了 1999 年标准用汉字数字（如“二〇一二年七月一日”）的规定", fix, has)
}

var checkDateLeadingZero = func(c *ctx, r *rule) {
	f, p, ok := dateField(c, document.PathDate)
	if !ok || !p.padded || p.numeric || !p.full || p.short || !p.valid() {
		return
	}
	off, n := dateSpan(f.text)
	c.report(r, f.path, f.text, off, n, "成文日期的月、日不编虚位，应写作“"+p.String()+"”", p.String(), true)
}

var checkDateFormat = func(c *ctx, r *rule) {
	f, p, ok := dateField(c, document.PathDate)
	if !ok || !(p.numeric || (p.haoDay && p.full)) {
		return
	}
	off, n := dateSpan(f.text)
	fix, has := "", false
	if p.valid() {
		fix, has = p.String(), true
	}
	c.report(r, f.path, f.text, off, n, "成文日期应写作“"+orExample(fix)+"”（年、月、日），不用“-”“.”“/”分隔或“号”", fix, has)
}

var checkDateIncomplete = func(c *ctx, r *rule) {
	f, p, ok := dateField(c, document.PathDate)
	if !ok || p.chinese || p.numeric {
		return
	}
	if strings.ContainsAny(f.text, "Xx×*○") {
		return
	}
	if !p.ok {
		if reYMDPlaceholder.MatchString(f.text) {
			return // placeholder-date
		}
		c.reportAll(r, f.path, f.text, "成文日期应写作“2024年1月5日”的形式（阿拉伯数字，年月日俱全）")
		return
	}
	switch {
	case p.short:
		off, n := dateSpan(f.text)
		c.report(r, f.path, f.text, off, n, "成文日期的年份应标全称（四位数字）", "", false)
	case !p.full && !p.haoDay:
		if p.y == 0 && p.m == 0 && p.d == 0 {
			return
		}
		c.reportAll(r, f.path, f.text, "成文日期应年、月、日俱全，如“2024年1月5日”")
	}
}

var checkDateInvalid = func(c *ctx, r *rule) {
	f, p, ok := dateField(c, document.PathDate)
	if !ok || !p.ok || p.y == 0 || p.m == 0 || p.d == 0 || p.short {
		return
	}
	if !p.valid() {
		c.reportAll(r, f.path, f.text, fmt.Sprintf("成文日期“%s”不存在（%d月没有%d日或月份超出 1–12），请核对", trimSpace(f.text), p.m, p.d))
	}
}

var checkDateMissing = func(c *ctx, r *rule) {
	d := c.doc
	if trimSpace(d.Date) != "" || c.signOff() == document.SignOffNone || c.genreUnsigned() || len(d.Body) == 0 {
		return // a genre that is not signed: its template's sign-off is none (or 纪要格式)
	}
	c.reportDoc(r, "缺少成文日期：署名下方应标注成文日期，如“2024年1月5日”")
}

var checkPrintDateFormat = func(c *ctx, r *rule) {
	f, p, ok := dateField(c, document.PathPrintDate)
	if !ok {
		return
	}
	off, n := dateSpan(f.text)
	switch {
	case p.chinese || p.numeric || (p.padded && p.full) || (p.haoDay && p.full):
		fix, has := "", false
		if p.valid() {
			fix, has = p.String(), true
		}
		c.report(r, f.path, f.text, off, n, "印发日期应用阿拉伯数字写作“"+orExample(fix)+"”，月、日不编虚位", fix, has)
	case !p.ok || !p.full || p.short:
		if reYMDPlaceholder.MatchString(f.text) {
			return
		}
		c.report(r, f.path, f.text, off, n, "印发日期应年、月、日俱全，年份标全称，如“2024年1月5日”", "", false)
	}
}

var checkTextDateFormat = scanner([]string{"body", "attachment_body", "note", "title_note"}, "年|月|-|/|.", func(c *ctx, r *rule, f field) {
	for _, sm := range reDateLead.FindAllStringSubmatchIndex(f.text, -1) {
		g := 2
		if sm[4] < 0 {
			g = 5
		}
		s, e := sm[2*g], sm[2*g+1]
		fix := strings.TrimLeft(f.text[s:e], "0")
		c.reportMatch(r, f, match{start: s, end: e, fix: fix, hasFix: true, msg: "日期中的月、日不编虚位：“{text}”应写作“{fix}”"})
	}
	for _, sm := range reNumDate.FindAllStringSubmatchIndex(f.text, -1) {
		s, e := sm[0], sm[1]
		if sm[4] >= 0 && f.text[sm[4]:sm[5]] != f.text[sm[8]:sm[9]] {
			continue
		}
		y, m, d := atoi(f.text[sm[2]:sm[3]]), atoi(f.text[sm[6]:sm[7]]), atoi(f.text[sm[10]:sm[11]])
		p := parsedDate{y: y, m: m, d: d}
		if !p.valid() || y < 1900 || y > 2100 {
			continue
		}
		// not part of a longer number (a phone or an id)
		if pr := prevRune(f.text, s); pr >= '0' && pr <= '9' || pr == '-' || pr == '.' {
			continue
		}
		if nr := nextRune(f.text, e); nr >= '0' && nr <= '9' || nr == '-' || nr == '.' {
			continue
		}
		c.reportMatch(r, f, match{start: s, end: e, fix: p.String(), hasFix: true, msg: "公文中的日期写作“{fix}”，不用“{text}”"})
	}
})

var reYMDPlaceholder = regexp.MustCompile(`年[\s\x{3000}]*月[\s\x{3000}]*日`)

func orExample(fix string) string {
	if fix == "" {
		return "2024年1月5日"
	}
	return fix
}

// ---- 主送机关 and sending rules ----

var checkRecipientsColon = func(c *ctx, r *rule) {
	v, path := c.recipientsText()
	t := strings.TrimRight(v, " \t\r\n\u3000")
	if t == "" || strings.HasSuffix(t, "：") {
		return
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	off := utf8.RuneCountInString(t) - 1
	f := field{path: path, kind: "recipients", text: v}
	switch {
	case last == ':':
		c.report(r, f.path, v, off, 1, "主送机关后应用全角冒号“：”，不用半角冒号“:”", "：", true)
	case strings.ContainsRune("，,。.；;、", last):
		c.report(r, f.path, v, off, 1, "主送机关最后一个名称后应标全角冒号“：”，不用“"+string(last)+"”", "：", true)
	default:
		c.report(r, f.path, v, off, 1, "主送机关最后一个名称后缺少全角冒号“：”", string(last)+"：", true)
	}
}

var checkRecipientsMissing = func(c *ctx, r *rule) {
	d := c.doc
	// a genre without 主送 switches the rule off in its template (recipients-missing: enabled: false)
	if v, _ := c.recipientsText(); v != "" || len(d.Body) == 0 || c.g == nil || d.RecipientsInBanji {
		return
	}
	// a document the body says is promulgated to all (a 决定 amending a regulation, published
	// with a 令: 《……》根据本决定作相应修改，重新公布。) has no 主送
	if ws := c.paramStrings(r, "promulgated"); len(ws) > 0 {
		for _, p := range d.Body {
			if _, at := containsAny(p, ws); at >= 0 {
				return
			}
		}
	}
	c.reportDoc(r, "缺少主送机关：标题下空一行居左顶格写主送机关，最后一个名称后标全角冒号")
}

var checkRecipientsForbidden = func(c *ctx, r *rule) {
	v := c.doc.Recipients
	if trimSpace(v) == "" {
		return
	}
	c.reportAll(r, document.PathRecipients, v, c.genre+"面向社会或会议通过，一般不写主送机关，请删去主送")
}

var checkUpOneRecipient = func(c *ctx, r *rule) {
	v := c.doc.Recipients
	t := strings.TrimRight(trimSpace(v), "：:")
	if t == "" {
		return
	}
	if i := strings.IndexAny(t, "、，,；;"); i >= 0 {
		c.reportAll(r, document.PathRecipients, v, "上行文原则上只主送一个上级机关，需要同时送其他机关的用抄送；“"+t+"”有多个主送机关")
	}
}

var checkUpSignersRequired = func(c *ctx, r *rule) {
	d := c.doc
	if len(d.Signers) > 0 || trimSpace(d.Number) == "" {
		return // a document without 版头 (a web copy) is not judged here
	}
	c.reportDoc(r, "上行文应在发文字号同一行右侧标注签发人（签发人：姓名）")
}

var checkUpNotToLeader = func(c *ctx, r *rule) {
	v := c.doc.Recipients
	t := strings.TrimRight(trimSpace(v), "：:")
	if t == "" {
		return
	}
	for _, w := range c.paramStrings(r, "titles") {
		if strings.HasSuffix(t, w) || strings.Contains(t, w+"、") || strings.Contains(t, w+"，") {
			i := strings.Index(v, w)
			f := field{path: document.PathRecipients, kind: "recipients", text: v}
			c.reportMatch(r, f, match{start: i, end: i + len(w), msg: "上行文应主送上级机关，不以本机关名义主送领导者个人（“{text}”）"})
			return
		}
	}
}

var checkSignersFormat = func(c *ctx, r *rule) {
	for i, s := range c.doc.Signers {
		t := trimSpace(s)
		fix := strings.TrimSpace(strings.TrimLeft(strings.TrimPrefix(strings.TrimPrefix(t, "签发人"), "："), ":："))
		fix = strings.TrimRight(fix, "，,。、；;")
		if fix != t && fix != "" {
			f := field{path: fmt.Sprintf("signers.%d", i), kind: "signers", text: s}
			c.report(r, f.path, s, 0, utf8.RuneCountInString(s), "签发人只写姓名，“签发人：”由排版加上，应改为“"+fix+"”", fix, true)
		}
	}
}

// ---- 标题 ----

var titlePunct = "。，；：！？.,;:!?"

var checkTitleMissing = func(c *ctx, r *rule) {
	d := c.doc
	if f := c.format(); f == document.FormatMinutes || f == document.FormatOrder {
		return // the mark names a 纪要 or 命令; it has no title
	}
	if _, ok := c.titleInBody(); ok {
		return // a title ending in punctuation: title-end-punct reports it
	}
	if trimSpace(d.Title) == "" && len(d.Body) > 0 {
		c.reportDoc(r, "缺少标题：标题由发文机关名称、事由和文种组成，如“某某市人民政府关于……的通知”")
	}
}

var checkTitleEndPunct = func(c *ctx, r *rule) {
	v := c.doc.Title
	f := field{path: document.PathTitle, kind: "title", text: v}
	msg := "标题末尾不加标点，应删去“{text}”"
	if tf, ok := c.titleInBody(); ok {
		f, v = tf, tf.text
		msg = "标题末尾不加标点，应删去“{text}”（因末尾有标点，此行未被识别为标题）"
	}
	t := strings.TrimRight(v, " \t\r\n\u3000")
	if t == "" {
		return
	}
	end := len(t)
	start := end
	for start > 0 {
		r, n := utf8.DecodeLastRuneInString(t[:start])
		if !strings.ContainsRune(titlePunct+"、", r) {
			break
		}
		start -= n
	}
	if start == end {
		return
	}
	c.reportMatch(r, f, match{start: start, end: end, fix: "", hasFix: true, msg: msg})
}

var checkTitlePunct = func(c *ctx, r *rule) {
	v := c.doc.Title
	t := strings.TrimRight(v, " \t\r\n\u3000"+titlePunct+"、")
	f := field{path: document.PathTitle, kind: "title", text: v}
	depth := 0
	for i, ch := range t {
		switch ch {
		case '《', '“', '（', '(':
			depth++
		case '》', '”', '）', ')':
			depth--
		}
		if depth <= 0 && strings.ContainsRune(titlePunct, ch) {
			c.reportMatch(r, f, match{start: i, end: i + utf8.RuneLen(ch), msg: "标题中除书名号、引号、顿号和括号外一般不用标点，请删去或改写“{text}”"})
		}
	}
}

var checkTitleGenre = func(c *ctx, r *rule) {
	v := c.doc.Title
	if trimSpace(v) == "" || TitleGenre(v) != "" {
		return
	}
	if titleForm(v, c.paramStrings(r, "forms")) != "" {
		return // a form a regulation prescribes by name (挂牌督办通知书): checked as its genre
	}
	names := builtinGenres().Names()
	if c.g != nil {
		// the document's own template (a user's genre such as 申请) names a 文种 too
		own := document.Genres{{ID: c.g.ID, Names: append([]string{c.g.Name}, c.g.Aliases...)}}
		if own.OfTitle(v) != nil {
			return
		}
		if !contains(names, c.g.Name) {
			names = append(names, c.g.Name)
		}
	}
	for _, l := range c.phraseLists(&rule{ID: "title-mixed-genre", Shared: true}, "words") {
		for _, w := range l.words {
			if strings.HasSuffix(compact(v), w) {
				return // title-mixed-genre says it
			}
		}
	}
	c.reportAll(r, document.PathTitle, v, "标题应以文种结尾（"+strings.Join(names, "、")+"），构成“发文机关＋事由＋文种”")
}

var checkTitleComposition = func(c *ctx, r *rule) {
	v := compact(c.doc.Title)
	if v == "" || c.genre == "" {
		return // a genre whose title has no matter switches the rule off in its template
	}
	if strings.Contains(v, "关于") || strings.Contains(v, "转发") || strings.Contains(v, "印发") || strings.Contains(v, "批转") {
		return
	}
	if titleForm(v, c.paramStrings(r, "forms")) != "" {
		return // a form prescribed by name (重大生产安全事故查处挂牌督办通知书) has its regulation's title
	}
	c.reportAll(r, document.PathTitle, c.doc.Title, "标题一般由发文机关、事由（“关于……的”）和文种组成，此标题缺少事由")
}

var checkTitleRepeatedGuanyu = func(c *ctx, r *rule) {
	v := c.doc.Title
	if strings.Count(v, "关于") < 2 {
		return
	}
	i := strings.Index(v, "关于")
	j := i + len("关于") + strings.Index(v[i+len("关于"):], "关于")
	f := field{path: document.PathTitle, kind: "title", text: v}
	c.reportMatch(r, f, match{start: j, end: j + len("关于"), msg: "标题中“关于”重复，转发、印发类标题可省去被转发文件标题中的“关于”或改写"})
}

// ---- 版头 elements, 附注, 版记 ----

var checkNoteBrackets = func(c *ctx, r *rule) {
	check := func(path, v string) {
		t := trimSpace(v)
		if t == "" {
			return
		}
		open, _ := utf8.DecodeRuneInString(t)
		closeR, _ := utf8.DecodeLastRuneInString(t)
		off := runeOff(v, strings.Index(v, t))
		n := utf8.RuneCountInString(t)
		switch {
		case open == '（' && closeR == '）':
			return
		case open == '(' || closeR == ')':
			inner := strings.TrimSuffix(strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(t, "("), "（"), ")"), "）")
			c.report(r, path, v, off, n, "附注应加全角圆括号“（）”", "（"+inner+"）", true)
		default:
			inner := strings.TrimRight(t, "。")
			c.report(r, path, v, off, n, "附注应加圆括号标注，如“（此件公开发布）”", "（"+inner+"）", true)
		}
	}
	check(document.PathNote, c.doc.Note)
	// a 附注 the importer left in the body as the last paragraphs: one of the rule's notes
	// (此件公开发布); a contact line (联系人……) only in a document without a sign-off or date —
	// above the sign-off it is the body's last paragraph, which many published letters and
	// notices end with (联系人及电话：张三，010-12345678。), not a 附注
	notes, contacts := c.paramStrings(r, "notes"), c.paramStrings(r, "contacts")
	signed := trimSpace(c.doc.Date) != "" || len(c.doc.Issuers) > 0 && c.doc.SignOff != document.SignOffNone
	for i, p := range c.doc.Body {
		if i < len(c.doc.Body)-3 {
			continue
		}
		t := trimSpace(p)
		contact := false
		for _, w := range contacts {
			contact = contact || w != "" && strings.HasPrefix(t, w) && utf8.RuneCountInString(t) < 60
		}
		if contains(notes, t) || contact && !signed {
			check(fmt.Sprintf("body.%d", i), p)
		}
	}
}

var checkCcFinalStop = func(c *ctx, r *rule) {
	v := c.doc.CC
	t := strings.TrimRight(v, " \t\r\n\u3000")
	if t == "" || strings.HasSuffix(t, "。") {
		return
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	off := utf8.RuneCountInString(t) - 1
	if strings.ContainsRune("，,.；;、：:", last) {
		c.report(r, document.PathCC, v, off, 1, "抄送机关最后一个名称后应标句号“。”，不用“"+string(last)+"”", "。", true)
		return
	}
	c.report(r, document.PathCC, v, off, 1, "抄送机关最后一个名称后应标句号“。”", string(last)+"。", true)
}

var checkCcLabel = func(c *ctx, r *rule) {
	v := c.doc.CC
	t := strings.TrimLeft(v, " \u3000")
	for _, l := range []string{"抄送：", "抄送:", "抄送"} {
		if strings.HasPrefix(t, l) {
			off := runeOff(v, len(v)-len(t))
			c.report(r, document.PathCC, v, off, utf8.RuneCountInString(l), "“抄送：”由排版加上，抄送机关一栏只写机关名称", "", true)
			return
		}
	}
}

var checkOrderNumberFormat = func(c *ctx, r *rule) {
	v := c.doc.OrderNumber
	t := trimSpace(v)
	if t == "" {
		return
	}
	// a 令号 may name the session that numbers it first (九届第37号: the orders of the ninth
	// National People's Congress's term); the session words are the rule's data (sessions)
	session := ""
	if ws := c.paramStrings(r, "sessions"); len(ws) > 0 {
		qs := make([]string, len(ws))
		for i, w := range ws {
			qs[i] = regexp.QuoteMeta(w)
		}
		if sm := regexp.MustCompile(`^[一二三四五六七八九十]+(?:` + strings.Join(qs, "|") + `)`).FindString(t); sm != "" {
			session = sm
		}
	}
	sm := regexp.MustCompile(`^第?\s*([0-9０-９]+|[一二三四五六七八九十百零〇]+)\s*号?$`).FindStringSubmatch(strings.TrimSpace(t[len(session):]))
	fix, has := "", false
	if sm != nil {
		n := atoi(sm[1])
		if n < 0 {
			if k, ok := cnSmall(sm[1]); ok {
				n = k
			}
		}
		if n > 0 {
			fix, has = fmt.Sprintf("%s第%d号", session, n), true
		}
	}
	if t == fix {
		return
	}
	off := runeOff(v, strings.Index(v, t))
	c.report(r, document.PathOrderNumber, v, off, utf8.RuneCountInString(t), "令号应写作“第5号”的形式（阿拉伯数字，不编虚位）", fix, has)
}

var checkSignoffForbidden = func(c *ctx, r *rule) {
	d := c.doc
	if d.SignOff == document.SignOffNone {
		return
	}
	if trimSpace(d.Date) != "" {
		c.reportAll(r, document.PathDate, d.Date, c.genre+"不标成文日期：通过或发布的日期写在标题下的题注中，如“（2024年1月5日某某会议通过）”")
	} else if len(d.Issuers) > 0 && d.SignOff != "" {
		c.reportDoc(r, c.genre+"不署发文机关名称，落款方式应为“无署名”")
	}
}

var checkInternalUnitIssuer = func(c *ctx, r *rule) {
	k := c.knowledge()
	for i, is := range c.doc.Issuers {
		n := trimSpace(is.Name)
		if t := k.OrganType(n); t != nil && t.ID == "internal" {
			c.reportAll(r, fmt.Sprintf("issuers.%d.name", i), is.Name, "“"+n+"”似为部门内设机构：内设机构除办公厅（室）外不对外正式行文，请以部门名义行文")
		}
	}
}

var checkCopyNumberDigits = func(c *ctx, r *rule) {
	v := c.doc.CopyNumber
	t := trimSpace(v)
	if t == "" {
		return
	}
	h := toHalfDigits(t)
	if len(h) == 6 && atoi(h) >= 0 {
		return
	}
	fix, has := "", false
	if n := atoi(h); n >= 0 && len(h) < 6 {
		fix, has = fmt.Sprintf("%06d", n), true
	}
	off := runeOff(v, strings.Index(v, t))
	c.report(r, document.PathCopyNumber, v, off, utf8.RuneCountInString(t), "份号应为 6 位阿拉伯数字（如“000001”）", fix, has)
}

var checkCopyNumberRequired = func(c *ctx, r *rule) {
	d := c.doc
	if trimSpace(d.Classification) != "" && trimSpace(d.CopyNumber) == "" {
		c.reportDoc(r, "涉密公文应标注份号（6 位阿拉伯数字，版心左上角第一行）")
	}
}

var checkClassificationValue = func(c *ctx, r *rule) {
	d := c.doc
	if t := trimSpace(d.Classification); t != "" {
		switch t {
		case "绝密", "机密", "秘密":
		default:
			c.reportAll(r, document.PathClassification, d.Classification, "密级应为“绝密”“机密”或“秘密”")
		}
	}
	if t := trimSpace(d.ClassificationTerm); t != "" {
		if m := regexp.MustCompile(`^([一二三四五六七八九十]+)(年|个月|月|日|天)$`).FindStringSubmatch(t); m != nil {
			if n, ok := cnSmall(m[1]); ok {
				fix := strconv.Itoa(n) + m[2]
				c.report(r, document.PathClassificationTerm, d.ClassificationTerm, runeOff(d.ClassificationTerm, strings.Index(d.ClassificationTerm, t)), utf8.RuneCountInString(t),
					"保密期限用阿拉伯数字，应写作“"+fix+"”", fix, true)
			}
		}
	}
}

var checkUrgencyValue = func(c *ctx, r *rule) {
	v := c.doc.Urgency
	switch trimSpace(v) {
	case "", "特急", "加急":
		return
	}
	c.reportAll(r, document.PathUrgency, v, "紧急程度应为“特急”或“加急”（电报另标“特提”“特急”“加急”“平急”）")
}

var checkPrintInfo = func(c *ctx, r *rule) {
	d := c.doc
	a, b := trimSpace(d.Printer) != "", trimSpace(d.PrintDate) != ""
	if a == b || d.Format == document.FormatLetter {
		return
	}
	if a {
		c.reportAll(r, document.PathPrinter, d.Printer, "版记中有印发机关，还应标注印发日期（如“2024年1月5日印发”）")
	} else {
		c.reportAll(r, document.PathPrintDate, d.PrintDate, "版记中有印发日期，还应标注印发机关")
	}
}

var checkIssuerMissing = func(c *ctx, r *rule) {
	d := c.doc
	if len(d.Issuers) > 0 || trimSpace(d.Date) == "" {
		return
	}
	switch d.SignOff {
	case document.SignOffNone, document.SignOffSignature:
		return
	}
	c.reportAll(r, document.PathDate, d.Date, "成文日期上方应有发文机关署名（全称或规范化简称）")
}
