package check

// The reviewer's rules (issue 13): wording against the direction of sending, the issuer's
// authority by organ type, numbers and dates in the body, the cited basis, table arithmetic,
// and the special forms that are right as they are.

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"gongwen/document"
)

// direction is the document's direction of sending: the draft's, else its genre template's,
// else inferred from the recipients.
func (c *ctx) direction() document.Direction {
	if c.doc.Direction != "" {
		return c.doc.Direction
	}
	if c.g != nil {
		return c.g.Direction
	}
	// no template: a document to 各…（各县（区）人民政府，市政府各部门） goes down
	if r := compact(c.doc.Recipients); strings.HasPrefix(r, "各") {
		return document.DirectionDown
	}
	return ""
}

// ---- special forms (recognised so that they get no false error) ----

var (
	reCongressAudience = regexp.MustCompile(`各位委员|各位代表|各位常委|^主任、副主任|^(尊敬的)?主任`)
	reCongressNote     = regexp.MustCompile(`^[—\-－(（]*.{0,20}在.{0,30}人民代表大会.{0,30}会议上[)）]?$`)
	reSpeechTitle      = regexp.MustCompile(`(讲话|致辞|发言|讲稿|主持词|报告会上的报告)(（[^）]*）)?$`)
	reSpeechAudience   = regexp.MustCompile(`^(同志们|各位领导|各位来宾|女士们|朋友们)`)
)

// congressReport reports whether the document is a report read at a people's congress or its
// standing committee (addressed 主任、副主任、秘书长、各位委员, or 各位代表): such reports have
// their own form (no single superior organ as 主送, no 成文日期 under a 署名).
func (c *ctx) congressReport() bool {
	if r := compact(c.doc.Recipients); r != "" {
		return reCongressAudience.MatchString(r)
	}
	if reCongressNote.MatchString(compact(c.doc.TitleNote)) {
		return true
	}
	// imported text: the 题注 (——2026年4月22日在…人民代表大会常务委员会…会议上), the speaker and
	// the audience stay in the first paragraphs of the body
	for i, p := range c.doc.Body {
		if i > 3 {
			break
		}
		if t := compact(p); reCongressAudience.MatchString(t) || reCongressNote.MatchString(t) {
			return true
		}
	}
	return false
}

// speech reports whether the document is a speech (讲话, 致辞): not a 公文 of 条例 第八条, so
// none of the rules of sending apply.
func (c *ctx) speech() bool {
	t := compact(c.doc.Title)
	return reSpeechTitle.MatchString(t) || reSpeechAudience.MatchString(compact(c.doc.Recipients))
}

// specialForm names the special form the document has, or "".
func (c *ctx) specialForm() string {
	switch {
	case c.speech():
		return "讲话"
	case c.congressReport():
		return "向人民代表大会（常务委员会）所作的报告"
	}
	return ""
}

// ---- direction-aware wording ----

// organWords are the organ words after 你 or 贵 in a form of address (你局, 贵委).
const organWords = `局|委|厅|部|办|府|市|省|县|区|院|校|司|会|单位|公司|中心|所|处|科|镇|乡|街道|室|行|署`

var (
	reNiOrgan  = regexp.MustCompile(`你(` + organWords + `)`)
	reGuiOrgan = regexp.MustCompile(`贵(` + organWords + `)`)
)

// leadIssuerType is the organ type of the lead issuer (from the issuers, else the title's
// organ before 关于), or nil.
func (c *ctx) leadIssuerType() (*OrganType, string) {
	name := ""
	if len(c.doc.Issuers) > 0 {
		name = c.doc.Issuers[0].Name
	}
	if trimSpace(name) == "" {
		t := compact(c.doc.Title)
		if i := strings.Index(t, "关于"); i > 0 {
			name = t[:i]
		}
	}
	if trimSpace(name) == "" {
		return nil, ""
	}
	return c.knowledge().OrganType(name), name
}

var checkAddressNi = scanner([]string{"body", "attachment_body"}, "你", func(c *ctx, r *rule, f field) {
	dir := c.direction()
	if dir != document.DirectionUp && dir != document.DirectionParallel {
		return
	}
	if dir == document.DirectionParallel {
		// a government (or its general office), a ministry or a body of the State Council writing
		// to a lower organ by 函 says 你省, 你局: the organ types of the rule's issuers
		if t, _ := c.leadIssuerType(); t == nil || contains(c.paramStrings(r, "issuers"), t.ID) {
			return
		}
	}
	for _, sm := range reNiOrgan.FindAllStringIndex(f.text, -1) {
		msg := "上行文不用“{text}”称呼上级机关：可直接写机关名称，或用“贵”（不相隶属时）"
		if dir == document.DirectionParallel {
			msg = "向不相隶属机关行文，称对方用“贵”（贵局、贵委）或机关名称，不用“{text}”（“你”用于上级对下级）"
		}
		c.reportMatch(r, f, match{start: sm[0], end: sm[1], msg: msg})
	}
})

var checkAddressGui = scanner([]string{"body", "attachment_body"}, "贵", func(c *ctx, r *rule, f field) {
	if c.direction() != document.DirectionDown {
		return
	}
	for _, sm := range reGuiOrgan.FindAllStringIndex(f.text, -1) {
		c.reportMatch(r, f, match{start: sm[0], end: sm[1],
			msg: "下行文称下级机关用“你”（你局、你县）或机关名称，不用敬称“{text}”（“贵”用于不相隶属的机关）"})
	}
})

var checkClosingDirection = func(c *ctx, r *rule) {
	if c.direction() != document.DirectionUp || c.form != "" {
		return
	}
	words := c.paramStrings(r, "directive")
	msg := "“{text}”是对下级的指令性用语，上行文不能用"
	if c.g != nil && c.g.Closing != "" {
		msg += c.expand("；{genre}可用“{closing}”", "") // the closing of the document's own genre
	}
	for _, f := range c.closingParas(2) {
		if w, at := containsAny(f.text, words); at >= 0 {
			c.reportMatch(r, f, match{start: at, end: at + len(w),
				msg: msg})
		}
	}
}

var checkRequestOutsideQingshi = func(c *ctx, r *rule) {
	if c.genre == "" || c.form != "" {
		return // the owner's template switches the rule off for its own genre (请示; 报告 has its own rule)
	}
	lists := c.phraseLists(r, "requests") // the request phrases the templates own (请示's)
	for _, f := range c.fieldsOf("body") {
		for _, l := range lists {
			for _, w := range l.words {
				for from := 0; w != ""; {
					i := strings.Index(f.text[from:], w)
					if i < 0 {
						break
					}
					at := from + i
					from = at + len(w)
					if p := prevRune(f.text, at); strings.ContainsRune("报提申送呈", p) {
						continue // 报请审批: submitting for approval, not asking for it
					}
					c.reportMatch(r, f, match{start: at, end: at + len(w), msg: l.msg})
					return
				}
			}
		}
	}
}

// requestItems returns the body paragraphs that hold one of the words (a 请示's request verbs:
// 恳请……, 请求……, 申请拨付……, its template's), numbered items only (一、 or （一）): two of
// them are two matters.
func (c *ctx) requestItems(words []string) []field {
	var out []field
	if len(words) == 0 {
		return nil
	}
	for _, f := range c.fieldsOf("body") {
		if l, _ := headingOf(f.text); l == 0 || l > 2 {
			continue
		}
		if _, at := containsAny(f.text, words); at >= 0 {
			out = append(out, f)
		}
	}
	return out
}

// ---- authority by organ type ----

var checkAuthorityGenre = func(c *ctx, r *rule) {
	if c.genre == "" {
		return
	}
	// the organ types that may issue the genre: its template's (authority-genre's issuers),
	// unless a user's organs.yaml gives them for the 文种
	k := c.knowledge()
	allowed, ok := k.Genres[c.genre]
	if !ok {
		allowed = c.paramStrings(r, "issuers")
	}
	if len(allowed) == 0 {
		return
	}
	t, name := c.leadIssuerType()
	if t == nil || contains(allowed, t.ID) {
		return
	}
	var names []string
	for _, id := range allowed {
		names = append(names, k.typeName(id))
	}
	path, text := document.PathTitle, c.doc.Title
	if len(c.doc.Issuers) > 0 {
		path, text = "issuers.0.name", c.doc.Issuers[0].Name
	}
	c.reportAll(r, path, text, fmt.Sprintf("“%s”是%s，不能制发%s：%s只由%s制发（条例 第八条）", name, t.Name, c.genre, c.genre, strings.Join(names, "、")))
}

// checkYianRecipient: the 主送 names one of the organs the template gives (a 议案 goes to the
// people's congress: 人民代表大会, 人大).
var checkYianRecipient = func(c *ctx, r *rule) {
	v, path := c.recipientsText()
	organs := c.paramStrings(r, "organs")
	if trimSpace(v) == "" || len(organs) == 0 {
		return
	}
	if _, at := containsAny(v, organs); at < 0 {
		msg := c.paramMessage(r, "{genre}的主送机关应为{organs}，不是“{text}”")
		msg = strings.NewReplacer("{organs}", "“"+strings.Join(organs, "”或“")+"”", "{text}", strings.TrimRight(trimSpace(v), "：:")).Replace(msg)
		c.reportAll(r, path, v, msg)
	}
}

// checkJueyiMeeting: the 题注, the title or the first paragraph names the meeting (one of the
// template's meeting words) and its adoption (one of its adopted words).
var checkJueyiMeeting = func(c *ctx, r *rule) {
	d := c.doc
	meeting, adopted := c.paramStrings(r, "meeting"), c.paramStrings(r, "adopted")
	if len(d.Body) == 0 || len(meeting) == 0 || len(adopted) == 0 {
		return
	}
	for _, t := range []string{d.TitleNote, d.Title, d.Body[0]} {
		if _, m := containsAny(t, meeting); m >= 0 {
			if _, a := containsAny(t, adopted); a >= 0 {
				return
			}
		}
	}
	c.reportDoc(r, c.paramMessage(r, "{genre}应在标题下的题注中写明通过它的会议和日期"))
}

// paramMessage is the template's message parameter of r, else def, with {genre} and {closing}
// filled (see expand).
func (c *ctx) paramMessage(r *rule, def string) string {
	if m, ok := c.param(r, "message").(string); ok && m != "" {
		def = m
	}
	return c.expand(def, "")
}

// reDirective marks an order in a 部门's document to lower governments.
var reDirective = regexp.MustCompile(`必须|务必|要求各|请各.{0,12}(认真|切实|严格)|认真贯彻执行|遵照执行|抓好落实`)

var checkDepartmentDirective = func(c *ctx, r *rule) {
	if c.direction() != document.DirectionDown {
		return
	}
	t, name := c.leadIssuerType()
	if t == nil || t.ID != "department" {
		return
	}
	recip, path := c.recipientsText()
	if !strings.Contains(recip, "人民政府") {
		return
	}
	for _, p := range c.doc.Body {
		if strings.Contains(p, "政府同意") || strings.Contains(p, "政府批准") {
			return // 经市（人民）政府同意: the department writes on the government's authority
		}
	}
	if d, _ := c.param(r, "directive").(bool); d {
		// a genre that directs (its template says so: 通知, 决定): the document itself is the directive
		c.reportAll(r, path, recip, fmt.Sprintf("“%s”是政府部门，不得向下级人民政府制发指令性的%s；确需行文的，应经本级人民政府同意并在文中注明（如“经市政府同意，现将……通知如下”），或改为函（条例 第十六条）", name, c.genre))
		return
	}
	for _, f := range c.fieldsOf("body") {
		if sm := reDirective.FindStringIndex(f.text); sm != nil {
			c.reportAll(r, path, recip, fmt.Sprintf("“%s”是政府部门，不得向下级人民政府发布指令性公文（如“%s”）；确需行文的，应经本级人民政府同意并在文中注明（条例 第十六条）", name, f.text[sm[0]:sm[1]]))
			return
		}
	}
}

// ---- numbers and dates in the body (GB/T 15835-2011, GB/T 15834-2011) ----

var bodyTextKinds = []string{"body", "attachment_body", "table", "note"}

var (
	reYearApos     = regexp.MustCompile(`[’'‘]([0-9]{2})年?`)
	reDateHao      = regexp.MustCompile(`([0-9]{1,2})月([0-9]{1,2})(号)`)
	reJiezhi       = regexp.MustCompile(`截止(到|至)?((?:[0-9]{4}|[0-9]{2})年[0-9]{1,2}月(?:[0-9]{1,2}日|底|末|中旬|上旬|下旬)?|[0-9]{1,2}月(?:[0-9]{1,2}日|底|末|中旬|上旬|下旬)|[0-9]{4}年(?:底|末)?|目前|今年|本月|上月|去年|年底|上半年|当前|发稿时)`)
	rePercentRange = regexp.MustCompile(`(^|[^0-9.%])([0-9]+(?:\.[0-9]+)?)([～~〜—－\-至到])([0-9]+(?:\.[0-9]+)?)(%|万元|亿元|万|亿)`)
	reRangeDash    = regexp.MustCompile(`([0-9])([~〜–－])([0-9])`)
	reWanYi        = regexp.MustCompile(`(^|[^0-9.,，])([0-9]{5,})(\.[0-9]+)?(万|亿)`)
	reLeadZero     = regexp.MustCompile(`0[0-9]+(?:个|人|名|项|件|次|家|所|条|份|台|辆|起|户|万|亿|元|天|%)`)
)

// yearEnds are what follows 年 when two digits before it are an abbreviated year (26年6月, 25年底).
var yearEnds = []string{"年底", "上半年", "下半年", "底", "初", "末", "度"}

var checkYearAbbreviated = scanner(bodyTextKinds, "年|'|’", func(c *ctx, r *rule, f field) {
	s := f.text
	for from := 0; ; {
		i := strings.Index(s[from:], "年")
		if i < 0 {
			break
		}
		at := from + i
		from = at + len("年")
		// exactly two ASCII digits before 年, not after a digit, a decimal point or a counting word
		if at < 2 || !isDigit(rune(s[at-1])) || !isDigit(rune(s[at-2])) {
			continue
		}
		if p, _ := utf8.DecodeLastRuneInString(s[:at-2]); at > 2 && (isDigit(p) || strings.ContainsRune(".０１２３４５６７８９第近满约逾超多余每前后", p)) {
			continue
		}
		rest := s[from:]
		ok := false
		for _, e := range yearEnds {
			ok = ok || strings.HasPrefix(rest, e)
		}
		if !ok && len(rest) > 0 && isDigit(rune(rest[0])) {
			j := 0
			for j < len(rest) && j < 2 && isDigit(rune(rest[j])) {
				j++
			}
			ok = strings.HasPrefix(rest[j:], "月")
		}
		if !ok {
			continue
		}
		c.reportMatch(r, f, match{start: at - 2, end: from,
			msg: "年份不能简写：“{text}”应写全称，如“20" + s[at-2:at] + "年”（GB/T 15835-2011）"})
	}
	if !strings.ContainsAny(s, "'’") {
		return
	}
	for _, sm := range reYearApos.FindAllStringSubmatchIndex(s, -1) {
		if p := prevRune(s, sm[0]); isLatin(p) || isDigit(p) {
			continue
		}
		c.reportMatch(r, f, match{start: sm[0], end: sm[1], msg: "年份不能简写：“{text}”应写全称（四位数字）"})
	}
})

var checkDateHao = scanner(bodyTextKinds, "号", func(c *ctx, r *rule, f field) {
	for _, sm := range reDateHao.FindAllStringSubmatchIndex(f.text, -1) {
		if n := nextRune(f.text, sm[1]); strings.ContainsRune("文令楼院线台机码室", n) {
			continue // 5月1号文件, 3号楼
		}
		if d, _ := strconv.Atoi(f.text[sm[4]:sm[5]]); d < 1 || d > 31 {
			continue
		}
		c.reportMatch(r, f, match{start: sm[6], end: sm[7], fix: "日", hasFix: true,
			msg: "公文中的日期用“日”，不用口语的“号”：“" + f.text[sm[0]:sm[1]] + "”应写作“" + f.text[sm[0]:sm[6]] + "日”"})
	}
})

var checkJiezhi = scanner(bodyTextKinds, "截止", func(c *ctx, r *rule, f field) {
	for _, sm := range reJiezhi.FindAllStringSubmatchIndex(f.text, -1) {
		end := sm[0] + len("截止")
		if sm[2] >= 0 {
			end = sm[3] // 截止到, 截止至 → 截至
		}
		if sm[2] < 0 {
			// 截止2026年3月31日: a deadline (报名截止2026年3月31日) unless a statement follows
			if n := nextRune(f.text, sm[1]); n != '，' && n != ',' && n != '前' && !strings.HasPrefix(f.text[sm[1]:], "以来") {
				if !strings.HasPrefix(f.text[sm[4]:sm[5]], "目前") && !strings.HasPrefix(f.text[sm[4]:sm[5]], "当前") {
					continue
				}
			}
		}
		c.reportMatch(r, f, match{start: sm[0], end: end, fix: "截至", hasFix: true,
			msg: "表示“到某时为止”用“截至”，“截止”是“到期停止”（如“报名于3月31日截止”）：“{text}”应写作“截至”"})
	}
})

var checkPercentRange = scanner(bodyTextKinds, "%|万|亿", func(c *ctx, r *rule, f field) {
	for _, sm := range rePercentRange.FindAllStringSubmatchIndex(f.text, -1) {
		a, sep, b, unit := f.text[sm[4]:sm[5]], f.text[sm[6]:sm[7]], f.text[sm[8]:sm[9]], f.text[sm[10]:sm[11]]
		if sep == "-" || sep == "－" || sep == "~" || sep == "〜" || sep == "—" {
			sep = "～"
		}
		fix := a + unit + sep + b + unit
		c.reportMatch(r, f, match{start: sm[4], end: sm[1], fix: fix, hasFix: true,
			msg: "数值范围前后两个数都要带“" + unit + "”，否则会有歧义：“{text}”应写作“{fix}”（GB/T 15835-2011：15%～30%，不写为15～30%）"})
	}
})

var checkRangeDash = scanner(bodyTextKinds, "~|〜|–|－", func(c *ctx, r *rule, f field) {
	for _, sm := range reRangeDash.FindAllStringSubmatchIndex(f.text, -1) {
		// a telephone number or a code: 0000－12345678, 010–83932595 (an area code begins with 0)
		if (prevIsLong(f.text, sm[2]) || areaCode(f.text, sm[2])) && nextIsLong(f.text, sm[6]) {
			continue
		}
		c.reportMatch(r, f, match{start: sm[4], end: sm[5], fix: "～", hasFix: true,
			msg: "表示数值范围用浪纹线“～”（或“至”），不用“{text}”（GB/T 15834-2011 连接号）"})
	}
})

// prevIsLong reports whether the digits ending at byte i of s are four or more.
func prevIsLong(s string, i int) bool {
	n := 0
	for j := i; j < len(s) && s[j] >= '0' && s[j] <= '9'; j++ {
		n++
	}
	for j := i - 1; j >= 0 && s[j] >= '0' && s[j] <= '9'; j-- {
		n++
	}
	return n >= 4
}

// areaCode reports whether the digits ending at byte i of s (the digit at i included) are a
// telephone area code: three or four digits beginning with 0 (010, 0571).
func areaCode(s string, i int) bool {
	j := i + 1
	for j > 0 && s[j-1] >= '0' && s[j-1] <= '9' {
		j--
	}
	n := i + 1 - j
	return (n == 3 || n == 4) && s[j] == '0'
}

// nextIsLong reports whether the digits starting at byte i of s are seven or more.
func nextIsLong(s string, i int) bool {
	n := 0
	for j := i; j < len(s) && s[j] >= '0' && s[j] <= '9'; j++ {
		n++
	}
	return n >= 7
}

var checkWanYiDigits = scanner(bodyTextKinds, "万|亿", func(c *ctx, r *rule, f field) {
	for _, sm := range reWanYi.FindAllStringSubmatchIndex(f.text, -1) {
		c.reportMatch(r, f, match{start: sm[4], end: sm[1],
			msg: "“{text}”数字过长：以万、亿为单位时，换算到更大的单位（如“120000万元”写作“12亿元”），使数字简短易读"})
	}
})

var checkNumberLeadingZeroText = scanner(bodyTextKinds, "0", func(c *ctx, r *rule, f field) {
	for _, sm := range reLeadZero.FindAllStringIndex(f.text, -1) {
		if p := prevRune(f.text, sm[0]); isDigit(p) || isLatin(p) || strings.ContainsRune(".-－:：/#＃", p) {
			continue // 100人, 0.05, a code or a telephone number
		}
		end := sm[0]
		for end < len(f.text) && isDigit(rune(f.text[end])) {
			end++
		}
		num := f.text[sm[0]:end]
		fix := strings.TrimLeft(num, "0")
		if fix == "" {
			fix = "0"
		}
		c.reportMatch(r, f, match{start: sm[0], end: end, fix: fix, hasFix: true,
			msg: "数字“{text}”前面不加“0”，应写作“{fix}”（GB/T 15835-2011）"})
	}
})

// relativeWords are the relative times relative-time reports, with the endings that extend them.
var relativeWords = []struct {
	word string
	ends []string
}{
	{"今年", []string{"年底", "上半年", "下半年", "底", "内"}}, {"明年", []string{"上半年", "下半年", "底", "初"}},
	{"去年", nil}, {"前年", nil}, {"后年", nil}, {"本月", []string{"底"}}, {"下月", nil}, {"上月", nil},
	{"下周", nil}, {"本周", nil}, {"上周", nil}, {"日前", nil}, {"昨天", nil}, {"今天", nil}, {"明天", nil},
}

var checkRelativeTime = scanner([]string{"body", "attachment_body"}, "今年|明年|去年|前年|后年|本月|下月|上月|周|日前|昨天|今天|明天", func(c *ctx, r *rule, f field) {
	if c.form == "讲话" {
		return // a speech is heard on its day
	}
	var spans [][2]int
	for _, w := range relativeWords {
		if !f.runes.mayContain(w.word) {
			continue
		}
		for from := 0; ; {
			i := strings.Index(f.text[from:], w.word)
			if i < 0 {
				break
			}
			start, end := from+i, from+i+len(w.word)
			from = end
			if p := prevRune(f.text, start); isDigit(p) || strings.ContainsRune("一二三四五六七八九十号", p) {
				continue // 30日前: before the 30th
			}
			for _, e := range w.ends {
				if strings.HasPrefix(f.text[end:], e) {
					end += len(e)
					break
				}
			}
			spans = append(spans, [2]int{start, end})
		}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i][0] < spans[j][0] })
	for _, sp := range spans {
		c.reportMatch(r, f, match{start: sp[0], end: sp[1],
			msg: "“{text}”是相对时间，公文在以后阅读时会产生歧义，请写明具体年份或日期（如“2026年底前”）"})
	}
})

// ---- the cited basis ----

// docDate is the document's 成文日期 (or the date in its 题注), and whether there is one.
func (c *ctx) docDate() (document.Date, bool) {
	for _, s := range []string{c.doc.Date, c.doc.TitleNote, c.doc.PrintDate} {
		if s == "" {
			continue
		}
		if d, err := document.ParseDate(s); err == nil {
			return d, true
		}
		if sm := reFullDate.FindStringSubmatch(s); sm != nil {
			if d, err := document.ParseDate(sm[0]); err == nil {
				return d, true
			}
		}
	}
	return document.Date{}, false
}

var reFullDate = regexp.MustCompile(`[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日`)

// reCitedTitle is a cited title in book-title marks; reStandard a cited standard number.
var (
	reCitedTitle = regexp.MustCompile(`《([^《》]{2,60})》`)
	reStandard   = regexp.MustCompile(`GB(?:/T)?\s*[0-9]{3,5}\s*[-—－]\s*[0-9]{4}`)
)

// citations returns each cited basis (title without marks, or standard number without spaces)
// with its byte span in f.
func citations(f field) (names []string, spans [][2]int) {
	for _, sm := range reCitedTitle.FindAllStringSubmatchIndex(f.text, -1) {
		names = append(names, f.text[sm[2]:sm[3]])
		spans = append(spans, [2]int{sm[0], sm[1]})
	}
	for _, sm := range reStandard.FindAllStringIndex(f.text, -1) {
		n := strings.NewReplacer(" ", "", "—", "-", "－", "-").Replace(f.text[sm[0]:sm[1]])
		names = append(names, strings.Replace(n, "GB/T", "GB/T ", 1))
		spans = append(spans, [2]int{sm[0], sm[1]})
	}
	return names, spans
}

// basisEntry finds the register entry a cited name refers to (the first entry, user entries
// before built-in ones, whose name or alias it is, spaces ignored).
func (c *ctx) basisEntry(name string) *BasisEntry {
	if c.basis == nil {
		k := c.knowledge()
		c.basis = make(map[string]*BasisEntry, len(k.Basis))
		for i := range k.Basis {
			e := &k.Basis[i]
			for _, w := range append([]string{e.Name}, e.Aliases...) {
				if n := basisKey(w); c.basis[n] == nil {
					c.basis[n] = e
				}
			}
		}
	}
	return c.basis[basisKey(name)]
}

// basisKey is a cited name without white space.
func basisKey(s string) string { return strings.ReplaceAll(compact(s), " ", "") }

// historic reports whether the citation at [start, end) of s speaks of the document as no longer
// in force (原《…》, 《…》停止执行, 废止).
func historic(s string, start, end int) bool {
	before := s[:start]
	after := s[end:]
	return strings.HasSuffix(before, "原") || strings.HasSuffix(before, "替代") || strings.HasSuffix(before, "代替") ||
		strings.HasPrefix(after, "停止执行") || strings.HasPrefix(after, "同时废止") || strings.HasPrefix(after, "废止") ||
		strings.HasPrefix(after, "已废止") || strings.HasPrefix(after, "已停止")
}

var checkBasisRepealed = scanner([]string{"body", "attachment_body", "note"}, "《|GB", func(c *ctx, r *rule, f field) {
	date, dated := c.docDate()
	names, spans := citations(f)
	seen := map[*BasisEntry]bool{}
	for i, n := range names {
		e := c.basisEntry(n)
		if e == nil || e.Repealed == "" || seen[e] || historic(f.text, spans[i][0], spans[i][1]) {
			continue
		}
		seen[e] = true // GB/T 9704-1999《国家行政机关公文格式》 is one citation
		rep, _ := isoDate(e.Repealed)
		if dated && before(date, rep) {
			continue // cited while it was in force
		}
		msg := fmt.Sprintf("“{text}”已于%d年%d月%d日废止", rep.Year, rep.Month, rep.Day)
		if e.ReplacedBy != "" {
			msg += "，应依据" + e.ReplacedBy
		}
		c.reportMatch(r, f, match{start: spans[i][0], end: spans[i][1], msg: msg + "（依据：" + e.Source + "）"})
	}
})

var checkBasisNotEffective = scanner([]string{"body", "attachment_body", "note"}, "《|GB", func(c *ctx, r *rule, f field) {
	date, dated := c.docDate()
	if !dated {
		return
	}
	names, spans := citations(f)
	for i, n := range names {
		e := c.basisEntry(n)
		if e == nil || e.Effective == "" {
			continue
		}
		eff, _ := isoDate(e.Effective)
		if !before(date, eff) {
			continue
		}
		c.reportMatch(r, f, match{start: spans[i][0], end: spans[i][1],
			msg: fmt.Sprintf("“{text}”自%d年%d月%d日起施行，本文成文日期%s尚未施行，不能作为依据：请核对成文日期或所引文件（%s）", eff.Year, eff.Month, eff.Day, date.String(), e.Source)})
	}
})

// ---- table arithmetic ----

var reTotalLabel = regexp.MustCompile(`^(合计|总计|共计|总额|全市合计|全省合计|全县合计|全区合计)$`)

// cellNumber reads a table cell as a number (1,234.5; 12%; spaces ignored), and how many
// decimals it has; ok is false for anything else.
func cellNumber(s string) (v float64, decimals int, ok bool) {
	t := strings.NewReplacer(",", "", "，", "", " ", "", "\u3000", "").Replace(toHalfDigits(s))
	if t == "" || strings.ContainsAny(t, "%％") {
		return 0, 0, false
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || strings.ContainsAny(t, "eEx+") || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, 0, false
	}
	if i := strings.IndexByte(t, '.'); i >= 0 {
		decimals = len(t) - i - 1
	}
	return v, decimals, true
}

// stripUnit drops a header's unit in brackets: 合计（亩） → 合计.
func stripUnit(h string) string {
	h = compact(h)
	if i := strings.IndexAny(h, "（("); i > 0 {
		h = h[:i]
	}
	return h
}

// skipColumn reports whether a column is a serial or a year, whose values are not summed.
func skipColumn(header string) bool {
	h := compact(header)
	return h == "序号" || h == "编号" || h == "年份" || h == "年度" || strings.Contains(h, "电话") || strings.Contains(h, "代码") ||
		strings.Contains(h, "比例") || strings.Contains(h, "占比") || strings.Contains(h, "增长") || strings.Contains(h, "率") ||
		strings.Contains(h, "排名") || strings.Contains(h, "平均") || strings.Contains(h, "单价")
}

var checkTableTotal = func(c *ctx, r *rule) {
	for ai, a := range c.doc.Attachments {
		t := a.Table
		if t == nil {
			continue
		}
		cols := len(t.Header)
		for _, row := range t.Rows {
			cols = max(cols, len(row))
		}
		header := func(j int) string {
			if j < len(t.Header) {
				return t.Header[j]
			}
			return ""
		}
		cell := func(i, j int) string {
			if j < len(t.Rows[i]) {
				return t.Rows[i][j]
			}
			return ""
		}
		path := func(i, j int) string { return fmt.Sprintf("attachments.%d.table.rows.%d.%d", ai, i, j) }
		// 合计 rows: each numeric column equals the sum of the rows since the last 合计/小计 row
		start := 0
		for i, row := range t.Rows {
			label := ""
			for _, x := range row {
				if x = compact(x); x != "" {
					label = x
					break
				}
			}
			if strings.HasPrefix(label, "小计") {
				start = i + 1
				continue
			}
			if !reTotalLabel.MatchString(label) {
				continue
			}
			for j := 0; j < cols; j++ {
				if skipColumn(header(j)) {
					continue
				}
				want, dec, ok := cellNumber(cell(i, j))
				if !ok {
					continue
				}
				sum, n, all := 0.0, 0, true
				for k := start; k < i; k++ {
					v, d, ok := cellNumber(cell(k, j))
					if !ok {
						if compact(cell(k, j)) != "" && compact(cell(k, j)) != "—" && compact(cell(k, j)) != "-" {
							all = false
						}
						continue
					}
					sum += v
					dec = max(dec, d)
					n++
				}
				if n < 2 || !all {
					continue
				}
				if math.Abs(sum-want) > 0.5*math.Pow10(-dec)+1e-9 {
					got := strconv.FormatFloat(sum, 'f', dec, 64)
					c.report(r, path(i, j), cell(i, j), 0, utf8.RuneCountInString(cell(i, j)),
						fmt.Sprintf("“%s”一行“%s”栏为%s，但以上各项之和为%s，请核对", label, compact(header(j)), compact(cell(i, j)), got), "", false)
				}
			}
			start = i + 1
		}
		// a 合计 column: each row's value equals the sum of the numeric columns before it
		for j := 0; j < cols; j++ {
			if !reTotalLabel.MatchString(stripUnit(header(j))) {
				continue
			}
			for i := range t.Rows {
				want, dec, ok := cellNumber(cell(i, j))
				if !ok {
					continue
				}
				sum, n := 0.0, 0
				for k := 0; k < j; k++ {
					if skipColumn(header(k)) {
						continue
					}
					if v, d, ok := cellNumber(cell(i, k)); ok {
						sum += v
						dec = max(dec, d)
						n++
					}
				}
				if n < 2 {
					continue
				}
				if math.Abs(sum-want) > 0.5*math.Pow10(-dec)+1e-9 {
					c.report(r, path(i, j), cell(i, j), 0, utf8.RuneCountInString(cell(i, j)),
						fmt.Sprintf("第%d行“%s”栏为%s，但同行各项之和为%s，请核对", i+1, compact(header(j)), compact(cell(i, j)), strconv.FormatFloat(sum, 'f', dec, 64)), "", false)
				}
			}
		}
	}
}

// ---- structure ----

var checkHeadingLevelJump = func(c *ctx, r *rule) {
	for _, hs := range c.headingGroups() {
		open := [6]bool{}
		for _, h := range hs {
			l := h.level
			p := 0
			for k := l - 1; k >= 1; k-- {
				if open[k] {
					p = k
					break
				}
			}
			// 一、 → 1. is common practice; 一、 → （1） or （一） → （1） skips what the reader needs
			if p >= 1 && l-p >= 2 && !(p == 1 && l == 3) && !h.orderErr {
				msg := fmt.Sprintf("层次序数跳级：%s 之下直接用了 %s，中间缺少 %s；序数依次为“一、”“（一）”“1.”“（1）”", levelName[p], levelName[l], levelName[p+1])
				c.report(r, h.f.path, h.f.text, 0, markerLen(h.f.text), msg, "", false)
			}
			open[l] = true
			for k := l + 1; k < len(open); k++ {
				open[k] = false
			}
		}
	}
}

// ---- closings ----

// closingPhrases are the closings of the genre templates (closings: and the closing
// sentence), without their final stop.
func (c *ctx) closingPhrases() []string {
	var out []string
	add := func(s string) {
		s = strings.TrimRight(trimSpace(s), "。.")
		if s != "" && !contains(out, s) {
			out = append(out, s)
		}
	}
	gs := builtinGenres().Genres()
	if c.g != nil {
		gs = append(gs, c.g)
	}
	for _, g := range gs {
		add(g.Closing)
		for _, w := range g.Closings {
			add(w)
		}
	}
	return out
}

var checkClosingStop = func(c *ctx, r *rule) {
	last := c.closingParas(1)
	if len(last) == 0 {
		return
	}
	f := last[0]
	t := strings.TrimRight(f.text, " \t\u3000")
	ct := compact(t)
	for _, w := range c.closingPhrases() {
		if ct != compact(w) && !(strings.HasSuffix(ct, compact(w)) && utf8.RuneCountInString(ct) <= utf8.RuneCountInString(w)+6) {
			continue
		}
		lastRune, n := utf8.DecodeLastRuneInString(t)
		c.reportMatch(r, f, match{start: len(t) - n, end: len(t), fix: string(lastRune) + "。", hasFix: true,
			msg: "结束语“" + trimSpace(t) + "”后应加句号“。”"})
		return
	}
}
