package layout

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"gongwen/document"
	"gongwen/internal/wordseg"
)

// CJK line breaking (断行) with 避头尾: where a line may end, and how a run of text is cut
// into lines of a given width. Positions are rune offsets.

// noStart holds the characters no line may start with (行首禁则).
var noStart = map[rune]bool{}

// noEnd holds the characters no line may end with (行尾禁则).
var noEnd = map[rune]bool{}

func init() {
	for _, r := range "，。、；：？！）》」』”’〕】〉〗］｝…—·•％‰℃,.;:?!)]}%>～々〃" {
		noStart[r] = true
	}
	for _, r := range "（《「『“‘〔【〈〖［｛([{<" {
		noEnd[r] = true
	}
}

func isASCIIGraphic(r rune) bool { return r > ' ' && r < 0x7f }
func isDigit(r rune) bool        { return r >= '0' && r <= '9' }
func isHan(r rune) bool          { return unicode.Is(unicode.Han, r) }

// breakOpportunities sets ok[i] for 0 < i < len(rs) when a line may break before rs[i].
// ok must have len(rs) entries; ok[0] is left false.
func breakOpportunities(rs []rune, ok []bool) {
	n := len(rs)
	for i := 1; i < n; i++ {
		p, c := rs[i-1], rs[i]
		b := true
		switch {
		case noStart[c] || noEnd[p]:
			b = false
		case isASCIIGraphic(p) && isASCIIGraphic(c):
			// Latin words and numbers (1.2, 2021-2025, GB/T) stay whole
			b = false
		case isDigit(p) && isHan(c):
			// a number keeps its unit: 2024年, 30亩, 5号
			b = false
		case p == ' ' && c == ' ':
			b = false
		}
		ok[i] = b
	}
	if n > 0 {
		ok[0] = false
	}
	// a short bracketed word stays whole: （星期日）, （市）, （试行）
	for j := 0; j < n; j++ {
		if rs[j] != '（' {
			continue
		}
		k := j + 1
		for k < n && k-j <= 5 && isHan(rs[k]) {
			k++
		}
		if k < n && rs[k] == '）' && k-j <= 5 {
			for m := j + 1; m <= k; m++ {
				ok[m] = false
			}
			j = k
		}
	}
	// 发文字号-like tokens (国办发〔2024〕5号) are never broken.
	for j := 0; j < n; j++ {
		if rs[j] != '〔' {
			continue
		}
		e := docNumberEnd(rs, j)
		if e < 0 {
			continue
		}
		// the 机关代字: three characters, or four when they start a word
		s := j
		for k := 0; k < 4 && s > 0 && isHan(rs[s-1]); k++ {
			s--
		}
		if j-s == 4 && s > 0 && isHan(rs[s-1]) {
			s++
		}
		for k := s + 1; k < e; k++ {
			ok[k] = false
		}
		j = e - 1
	}
}

// docNumberEnd returns the offset just past 〔dddd〕d+号 starting at rs[j] == '〔', or -1.
func docNumberEnd(rs []rune, j int) int {
	k := j + 1
	d := 0
	for k < len(rs) && isDigit(rs[k]) {
		k++
		d++
	}
	if d < 2 || k >= len(rs) || rs[k] != '〕' {
		return -1
	}
	k++
	d = 0
	for k < len(rs) && isDigit(rs[k]) {
		k++
		d++
	}
	if d == 0 || k >= len(rs) || rs[k] != '号' {
		return -1
	}
	return k + 1
}

// lineTolerance absorbs rounding when 28 characters of CharPitch fill BodyWidth.
const lineTolerance = Length(60)

// Line adjustment as CLREQ (W3C, Requirements for Chinese Text Layout, 3.8) describes it:
//
//  1. A line may hold a little more than its width when punctuation gives way: the blank half of
//     a full-width stop or bracket next to another one (。” ）， ）（) (squeeze). A stop at the
//     line's end keeps its full width: a half-width end would put the mark's box past the
//     版心's edge, which readers of the PDF (and the yardstick) take as text outside it.
//  2. Spacing between characters is the last resort and is capped (maxSpread): when the line a
//     legal break leaves would spread more, the breaker looks for a break the strict rules
//     refuse but the text can bear: inside a long citation's 机关代字 at a hanzi boundary
//     (遵府 / 呈〔2013〕144号), between a number and its unit (30 / 日).
//  3. 避头尾 stays: no line starts with a closing mark or ends with an opening one.

// closingPunct give up their right half, openingPunct their left half, when squeezed.
var closingPunct, openingPunct = map[rune]bool{}, map[rune]bool{}

func init() {
	for _, r := range "，。、；：）》」』”’〕】〉〗］｝" {
		closingPunct[r] = true
	}
	for _, r := range "（《「『“‘〔【〈〖［｛" {
		openingPunct[r] = true
	}
}

// squeezable returns what each glyph can give inside a line: half the advance of a closing
// mark followed by another mark, and of an opening mark following one (so 》（ can close up
// to one cell, 。” and （《 to one and a half).
func squeezable(rs []rune, adv []Length, sq []Length) []Length {
	sq = sq[:0]
	for i := range rs {
		var a Length
		switch {
		case closingPunct[rs[i]] && i+1 < len(rs) && (closingPunct[rs[i+1]] || openingPunct[rs[i+1]]):
			a = adv[i] / 2
		case openingPunct[rs[i]] && i > 0 && (closingPunct[rs[i-1]] || openingPunct[rs[i-1]]):
			a = adv[i] / 2
		}
		sq = append(sq, a)
	}
	return sq
}

// maxSpread caps the blank a justified line may spread between its characters, as a fraction
// of the widest character: beyond it the breaker looks for another break. Only lines of at least
// 12 characters (body text, not table cells, where a split date reads worse than a loose line).
const maxSpread = 1.5

// maxGap caps what justification adds between two characters, as a fraction of the widest
// character: a tenth, which keeps a full body line's characters within 1.1 cells each on
// average (the PDF read-back test, issue 11). Beyond it, or beyond maxSpread over the line,
// the breaker looks for another break.
const maxGap = 0.1

// spreadTooWide reports whether a justified line of rs with slack left over spreads its
// characters wider than maxSpread over the line or maxGap between two characters.
func spreadTooWide(rs []rune, slack, em Length) bool {
	if float64(slack) > maxSpread*float64(em) {
		return true
	}
	gaps := 0
	for k := 1; k < len(rs); k++ {
		if !joined(rs[k-1], rs[k]) {
			gaps++
		}
	}
	return gaps > 0 && float64(slack) > maxGap*float64(em)*float64(gaps)
}

// relaxedBreak reports whether a break before rs[i], refused by breakOpportunities, is one the
// text can bear when the alternative is a loose line: between two hanzi, or between a hanzi
// and an opening bracket, inside a citation's 机关代字, after a number's digits, or between
// the year and the serial of a citation.
func relaxedBreak(rs []rune, i int) bool {
	p, c := rs[i-1], rs[i]
	if noStart[c] || noEnd[p] {
		return false
	}
	if inShortBracket(rs, i) {
		return bracketWordBreak(rs, i)
	}
	if isRangeDash(p) && isDigit(c) && i >= 2 && isDigit(rs[i-2]) {
		// a range of numbers after its dash: （2006- / 2020年）
		return true
	}
	switch {
	case isHan(p) && (isHan(c) || c == '〔'):
		return true
	case isDigit(p) && isHan(c):
		return true
	case p == '〕' && isDigit(c):
		// 〔2013〕 / 144号: the year and the serial of a citation, as a last resort
		return true
	}
	return false
}

// isRangeDash reports whether r joins the two numbers of a range (2006-2020, 1—3).
func isRangeDash(r rune) bool {
	return r == '-' || r == '–' || r == '—' || r == '~' || r == '～'
}

// bracketWordBreak reports whether a break at offset i inside a short bracketed word of four
// hanzi falls between two words (（浅源 / 地震）, two on each side): the last resort before a
// loose line, where （星 / 期日） stays refused.
func bracketWordBreak(rs []rune, i int) bool {
	a := i - 1
	for a >= 0 && rs[a] != '（' {
		a--
	}
	b := i
	for b < len(rs) && rs[b] != '）' {
		b++
	}
	if a < 0 || b >= len(rs) || b-a-1 < 4 || i-a-1 < 2 || b-i < 2 {
		return false
	}
	if wordseg.Boundaries(rs[a+1:b], nil)[i-a-1] {
		return true
	}
	// 浅源 / 地震: the segmenter reads 浅 / 源地 / 震, but of four hanzi halved, one a word
	return b-a-1 == 4 && i-a-1 == 2 && (wordseg.IsWord(string(rs[a+1:i])) || wordseg.IsWord(string(rs[i:b])))
}

// inShortBracket reports whether offset i falls inside a short bracketed word (（星期日）,
// （试行）: at most four hanzi), which breakOpportunities keeps whole and a relaxed break
// must not split either (issue 11: （星 / 期日）).
func inShortBracket(rs []rune, i int) bool {
	a := i - 1
	for a >= 0 && i-a <= 4 && isHan(rs[a]) {
		a--
	}
	if a < 0 || rs[a] != '（' {
		return false
	}
	b := i
	for b < len(rs) && b-a <= 5 && isHan(rs[b]) {
		b++
	}
	return b < len(rs) && rs[b] == '）' && b-a <= 5
}

// breakLines cuts rs (with advances adv) into lines: the first of width first, the others of
// width rest. It returns the end offset of every line; the last is len(rs). Every line holds at
// least one rune. ok is scratch space of len(rs) (nil allocates).
func breakLines(rs []rune, adv []Length, first, rest Length, ok []bool, ends []int) []int {
	n := len(rs)
	ends = ends[:0]
	if n == 0 {
		return ends
	}
	if len(ok) < n {
		ok = make([]bool, n)
	}
	ok = ok[:n]
	breakOpportunities(rs, ok)
	sq := squeezable(rs, adv, make([]Length, 0, n))
	var em Length
	for _, a := range adv {
		em = max(em, a)
	}
	start, width := 0, first
	for start < n {
		// fits(e): rs[start:e] fits width, its marks squeezed as far as they may
		var w, s Length
		i, last := start, -1
		for i < n {
			if i > start && ok[i] {
				last = i
			}
			if i > start && w+adv[i]-s-sq[i] > width+lineTolerance {
				break
			}
			w += adv[i]
			s += sq[i]
			i++
		}
		if i == n {
			ends = append(ends, n)
			break
		}
		end := i
		if !ok[i] {
			if last > start {
				end = last
			} else {
				// no legal break: keep at least the punctuation rules (避头尾)
				for k := i; k > start; k-- {
					if !noStart[rs[k]] && !noEnd[rs[k-1]] {
						end = k
						break
					}
				}
			}
		}
		if end < i && em > 0 && width >= 12*em {
			// the legal break leaves a loose line: take a relaxed break nearer the full width
			var lw Length
			for k := start; k < end; k++ {
				lw += adv[k]
			}
			if spreadTooWide(rs[start:end], width-lw, em) {
				for k := i; k > end; k-- {
					if relaxedBreak(rs, k) {
						end = k
						break
					}
				}
			}
		}
		ends = append(ends, end)
		start, width = end, rest
	}
	return ends
}

// adjustLine places a line of glyphs from x so that it is exactly w wide: when its natural
// width is over w, the squeezable marks give up their blank halves (in proportion); when under,
// the slack goes between characters (justify).
func adjustLine(gs []glyph, x, w Length) {
	if !squeezeLine(gs, x, w) {
		justify(gs, x, w)
	}
}

// placeFit places a line from x at its natural width, squeezing its marks when it is over w.
func placeFit(gs []glyph, x, w Length) {
	if !squeezeLine(gs, x, w) {
		place(gs, x)
	}
}

// squeezeLine squeezes the marks of a line wider than w so it ends at x+w; it reports whether
// the line was over w (and so was placed).
func squeezeLine(gs []glyph, x, w Length) bool {
	over := width(gs) - w
	if over <= lineTolerance || len(gs) == 0 {
		return false
	}
	rs := make([]rune, len(gs))
	adv := make([]Length, len(gs))
	for i := range gs {
		rs[i], adv[i] = gs[i].r, gs[i].adv
	}
	sq := squeezable(rs, adv, make([]Length, 0, len(gs)))
	n := len(gs)
	sq[n-1] = 0 // the last mark's half is not squeezed away at the line's end
	var total Length
	for _, a := range sq {
		total += a
	}
	if total <= 0 {
		return false
	}
	if over > total {
		over = total
	}
	cx := x
	var cum, given Length
	for i := range gs {
		// cumulative shares, so the rounding errors do not add up
		cum += sq[i]
		give := cum*over/total - given
		given += give
		if openingPunct[gs[i].r] {
			// an opening mark gives its left half: it moves left
			gs[i].x = cx - give
			cx += gs[i].adv - give
		} else {
			gs[i].x = cx
			cx += gs[i].adv - give
		}
	}
	return true
}

// Title break levels: balanceLines tries them in order and takes the first that gives a cut.
const (
	// levelStrict breaks only between words, never inside a name or a phrase of the title
	// (titleSpans), never after 、.
	levelStrict = iota
	// levelNameParts also breaks inside a name too long to keep whole, where one of its parts
	// ends (a place: 新余市 / 城乡建设投资（集团）有限公司; an organ: 青岛市人民政府 / 安全生产委员会…).
	levelNameParts
	// levelNameWords also breaks inside a name between any two of its words.
	levelNameWords
	// levelWholeNames breaks inside names that would fit a line as well (乌鲁木齐、昌吉、
	// 石河子 / 高新技术产业开发区, where the 、 leaves no other way).
	levelWholeNames
	// levelLoose breaks anywhere the line rules allow, at a price.
	levelLoose
)

// Inside a title span, spanIn marks each offset: not inside a span, at a part's end inside one,
// or elsewhere inside one.
const (
	spanOut int8 = iota
	spanPart
	spanInside
	// spanWhole and spanWholePart are spanInside and spanPart in a name that fits a line
	// (balanceLines): kept whole unless nothing else fits.
	spanWhole
	spanWholePart
)

// titleBreakCost is the penalty for breaking a title before rs[i]; a negative value forbids it.
// words marks the word boundaries (wordseg.Boundaries), span the names and phrases of the title
// (titleSpans); level (levelStrict …) says what may be broken.
func titleBreakCost(rs []rune, ok, words []bool, span []int8, i, level int, tails ...string) float64 {
	if !ok[i] {
		return -1
	}
	p, c := rs[i-1], rs[i]
	extra := 0.0
	switch {
	case !words[i] || p == '、':
		// inside a dictionary word, or after 、: only as a last resort
		if level < levelLoose {
			return -1
		}
		if p == '、' {
			return 80
		}
		return 60
	case span[i] == spanPart:
		if level < levelNameParts {
			return -1
		}
		extra = 14
	case span[i] == spanInside:
		if level < levelNameWords {
			return -1
		}
		extra = 30
	case span[i] == spanWhole || span[i] == spanWholePart:
		if level < levelWholeNames {
			return -1
		}
		extra = 40
		if span[i] == spanWholePart {
			extra = 20
		}
	}
	switch {
	case p == ' ' || p == '\u3000':
		return extra
	case isDigit(c) && (p == '年' || p == '月') && i >= 2 && isDigit(rs[i-2]):
		// inside a date: 2009年2月 / 8日
		return extra + 50
	case isDigit(c) && !isDigit(p):
		return extra + 2
	case i >= 2 && string(rs[i-2:i]) == "关于":
		return extra
	case c == '的' && isGenreTail(rs[i+1:], tails):
		return extra
	case c == '和' || c == '及' || c == '与' || p == '和':
		return extra + 1
	case c == '关' && i+1 < len(rs) && rs[i+1] == '于':
		return extra + 1
	case c == '《' || p == '》' || p == '”':
		return extra + 2
	}
	cost := 30.0
	if p == '的' {
		cost = 6
	}
	if organEnd[p] {
		cost = 8
	}
	prev, next := wordAround(rs, words, i)
	if docHeads[next] {
		// the kind of document a name ends in: 省级预算 / 管理办法
		cost = 20
	}
	switch {
	case titleVerbs[next] || leadVerbs[prev]:
		// a verb opens the matter of a title (加强 …), or a name follows (印发, 成立 …)
		cost = 4
	case cnNumeral[c] && len([]rune(prev)) >= 2 && !cnNumeral[p] && len([]rune(next)) >= 2:
		// 三年行动计划, 第七次: a counted phrase starts here
		cost = 4
	}
	if insideBookTitle(rs, i) {
		cost += 5
	}
	if insideQuote(rs, i) {
		cost += 8
	}
	return cost + extra
}

// docHeads are the words that end the name of a document (管理办法, 实施细则, 行动计划),
// before which a title breaks better than between two other words.
var docHeads = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`管理办法 暂行办法 实施办法 办法 管理规定 暂行规定 规定 实施细则 细则 规则 工作规则
		方案 实施方案 工作方案 总体方案 行动方案 规划 专项规划 发展规划 计划 行动计划 工作计划 意见 实施意见 指导意见
		纲要 行动纲要 条例 指南 办事指南 决定 标准`) {
		docHeads[w] = true
	}
}

// insideQuote reports whether rs[i] stands inside “…”.
func insideQuote(rs []rune, i int) bool {
	open := false
	for _, r := range rs[:i] {
		switch r {
		case '“':
			open = true
		case '”':
			open = false
		}
	}
	return open
}

// organEnd are characters that end organ and place names (市, 局, 委员会 …), after which a
// title breaks well.
var organEnd = map[rune]bool{'市': true, '省': true, '县': true, '区': true, '府': true, '局': true, '厅': true,
	'委': true, '会': true, '部': true, '院': true, '室': true, '办': true, '镇': true, '乡': true, '村': true, '司': true}

// titleVerbs open or close the matter of a title, so a break before or after them keeps
// phrases whole.
var titleVerbs = map[string]bool{}

// leadVerbs are followed by the name of what they act on (a document, an organ), so a break
// after them keeps the name whole.
var leadVerbs = map[string]bool{"印发": true, "转发": true, "批转": true, "成立": true, "设立": true, "同意": true,
	"撤销": true, "调整": true, "表彰": true, "命名": true}

// nameEnds end the name of an organ, a body or an enterprise inside a title (国务院防治艾滋病
// 工作委员会, 长春汽车经济技术开发区, 新余市城乡建设投资（集团）有限公司, 鸡东县裕晨煤矿),
// longest first.
var nameEnds = []string{"有限责任公司", "街道办事处", "人民代表大会", "领导小组", "工作小组", "联席会议", "有限公司",
	"人民政府", "委员会", "办公室", "办公厅", "指挥部", "管理局", "研究院", "示范区", "试验区", "开发区", "办事处",
	"管委会", "安委会", "常委会", "新区", "集团", "党组", "政府", "公司", "煤矿", "医院", "大学", "学院", "学校", "银行"}

// nameEndRunes are nameEnds as runes.
var nameEndRunes = func() [][]rune {
	out := make([][]rune, len(nameEnds))
	for i, e := range nameEnds {
		out[i] = []rune(e)
	}
	return out
}()

// hasSuffixRunes reports whether rs ends with suf.
func hasSuffixRunes(rs, suf []rune) bool {
	return len(rs) >= len(suf) && hasPrefixRunes(rs[len(rs)-len(suf):], suf)
}

// organSuffix are the last characters of a word that names an organ (民政局, 体育局, 财政厅,
// 国务院, 教育部, 市委, 研究室, 政府, 条法司, 财务处, 派出所); such a word ends a name.
var organSuffix = map[rune]bool{'局': true, '厅': true, '院': true, '部': true, '署': true, '委': true,
	'室': true, '府': true, '司': true, '处': true, '组': true, '所': true}

// placeSuffix end place names (新余市, 浙江省, 鸡东县), where a long name may be broken.
var placeSuffix = map[rune]bool{'省': true, '市': true, '县': true, '区': true, '州': true, '盟': true, '旗': true, '镇': true, '乡': true}

// nameStops are words a name never extends back over: verbs and the words that link a title's
// parts (关于, 对, 的, 和 …).
var nameStops = map[string]bool{"关于": true, "对": true, "在": true, "向": true, "为": true, "由": true, "将": true,
	"的": true, "和": true, "及": true, "与": true, "或": true, "审议": true, "提请": true, "请求": true, "申请": true,
	"商请": true, "报请": true, "给予": true, "授予": true, "追授": true, "有关": true, "等": true}

// nameNouns are titleVerbs that also name what an organ does inside its name (社会保障局,
// 行政执行局, 机关事务管理局): a name extends back over them.
var nameNouns = map[string]bool{"保障": true, "执行": true, "处理": true, "发展": true, "管理": true, "服务": true}

// sessionRe matches the session of a congress or a meeting (五届四次会议, 第三次会议,
// 十四届全国人大二次会议), a phrase kept whole.
var sessionRe = regexp.MustCompile(`(第?[一二三四五六七八九十]+届(全国人大|人大|政协|人民代表大会)?)?第?[一二三四五六七八九十]+次(全体会议|常务会议|主任会议|全会|会议)`)

// titleSpans marks the names and phrases of a title that a break should not fall inside:
//   - the issuers that open it (安康市行政审批服务局安康市民政局关于…), each organ;
//   - names of organs and bodies, a run of words ending in one of nameEnds or in an organ's
//     word (民政局) after a verb or a link word (转发新余市城乡建设投资（集团）有限公司);
//   - sessions (五届四次会议).
//
// span[i] is spanPart where a name breaks least badly when it must (after a place or an organ
// inside it), spanInside elsewhere inside, spanOut outside. words are the word boundaries.
func titleSpans(rs []rune, words []bool, span []int8) {
	n := len(rs)
	mark := func(a, b int) {
		if b-a < 2 {
			return
		}
		for i := a + 1; i < b; i++ {
			if !words[i] {
				if span[i] == spanOut {
					span[i] = spanInside
				}
				continue
			}
			// a part of the name ends before i: a place or an organ, or the name's parts
			// around a bracket (（集团）)
			w := prevWord(rs, words, i)
			r := rs[i-1]
			part := rs[i] == '（' || r == '）' || organWord(w) || (len(w) >= 2 && placeSuffix[r])
			if part {
				if span[i] == spanOut {
					span[i] = spanPart
				}
			} else {
				span[i] = spanInside
			}
		}
	}
	// the opening issuers: up to the first 关于 or lead verb, each organ between 、 or spaces
	for i := 1; i < n; i++ {
		if !words[i] {
			continue
		}
		_, next := wordAround(rs, words, i)
		if prev := string(prevWord(rs, words, i)); nameStops[prev] || leadVerbs[prev] || titleVerbs[prev] {
			break // 关于提请审议…: no issuer opens the title
		}
		if next == "关于" || leadVerbs[next] {
			a := 0
			for k := 0; k <= i; k++ {
				if k == i || rs[k] == '、' || rs[k] == ' ' || rs[k] == '\u3000' {
					if k-a >= 2 && organWord(prevWord(rs, words, k)) {
						markIssuers(rs, words, a, k, mark)
					}
					a = k + 1
				}
			}
			break
		}
		if !isHan(rs[i]) && rs[i] != '、' && rs[i] != ' ' && rs[i] != '\u3000' {
			break
		}
	}
	// names ending in one of nameEnds or an organ's word
	for e := 2; e <= n; e++ {
		if e < n && !words[e] {
			continue
		}
		w := prevWord(rs, words, e)
		end := false
		for _, ne := range nameEndRunes {
			if hasSuffixRunes(rs[:e], ne) {
				end = true
				break
			}
		}
		if !end && !organWord(w) {
			continue
		}
		// walk back over the name's words; a place after an organ starts another organ
		// (安康市行政审批服务局 / 安康市民政局)
		st := e
		for st > 0 && e-st < 18 {
			pw := prevWord(rs, words, st)
			ps := string(pw)
			// a word of one character is a name's part only as a place's or an organ's end
			// (沙洋 / 区, 服务 / 局) or a session's (第十 / 届), not a date's 日
			single := len(pw) == 1 && isHan(pw[0]) && !placeSuffix[pw[0]] && !organSuffix[pw[0]] && pw[0] != '届'
			if nameStops[ps] || leadVerbs[ps] || (titleVerbs[ps] && !nameNouns[ps]) || !allHanOrBracket(pw) || single {
				break
			}
			if st < e && organWord(pw) && isPlace(rs, words, st) {
				break
			}
			st -= len(pw)
		}
		if st < e && e-st <= 18 {
			mark(st, e)
		}
	}
	// sessions
	s := string(rs)
	for _, m := range sessionRe.FindAllStringIndex(s, -1) {
		a := utf8.RuneCountInString(s[:m[0]])
		b := a + utf8.RuneCountInString(s[m[0]:m[1]])
		for i := a + 1; i < b; i++ {
			if rs[i-1] == '届' {
				span[i] = spanPart
			} else {
				span[i] = spanInside
			}
		}
	}
	// a short quotation (“十四五”, “9·13”) and a short note in brackets (（也称“地方教会”）)
	// are names too
	for i := 1; i < n; i++ {
		if span[i] == spanOut && ((insideQuote(rs, i) && quoteLen(rs, i) <= 10) || bracketLen(rs, i) <= 10) {
			span[i] = spanInside
		}
	}
}

// markIssuers marks the organs of the opening issuers rs[a:b] (no 、 inside): one name, or
// several written together (安康市行政审批服务局安康市民政局), each kept whole and broken
// between them first.
func markIssuers(rs []rune, words []bool, a, b int, mark func(a, b int)) {
	st := a
	for i := a + 1; i < b; i++ {
		if !words[i] {
			continue
		}
		w := prevWord(rs, words, i)
		_, next := wordAround(rs, words, i)
		nr := []rune(next)
		// an organ ends and another starts with a place (…服务局 / 安康市…) or 中共
		if organWord(w) && len(nr) >= 2 && (placeSuffix[nr[len(nr)-1]] || next == "中共" || next == "国务院") {
			mark(st, i)
			st = i
		}
	}
	mark(st, b)
}

// organWord reports whether w names an organ: a word of two or more characters ending in
// one of organSuffix (民政局, 国务院), or 局, 厅, 署 standing alone (服务 / 局).
func organWord(w []rune) bool {
	for _, e := range nameEndRunes {
		if hasSuffixRunes(w, e) {
			return true
		}
	}
	if len(w) == 0 || !organSuffix[w[len(w)-1]] || leadVerbs[string(w)] || titleVerbs[string(w)] || notOrgan[string(w)] {
		return false
	}
	if len(w) == 1 {
		return w[0] == '局' || w[0] == '厅' || w[0] == '署'
	}
	return true
}

// notOrgan are words that end like an organ's name but are not one (督办, 社会, 进行).
var notOrgan = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`督办 承办 主办 举办 创办 开办 协办 查处 惩处 判处 论处 社会 机会 进行 执行 实行 施行 试行
		运行 发行 履行 推行 举行 通行 出行 旅行 流行 可行 先行 全部 内部 外部 局部 干部 场所 住所 处所 之处 好处 用处
		相处 难处 到处 各处 全会 开会 大会 不会 学会 体会 约会 聚会 集会 领会 理会 误会`) {
		notOrgan[w] = true
	}
}

// isPlace reports whether the word at offset i is a place name (安康市, 黑龙江省).
func isPlace(rs []rune, words []bool, i int) bool {
	_, next := wordAround(rs, words, i)
	nr := []rune(next)
	return len(nr) >= 2 && placeSuffix[nr[len(nr)-1]]
}

// prevWord returns the word of rs that ends at offset i (by the boundaries in words).
func prevWord(rs []rune, words []bool, i int) []rune {
	a := i - 1
	for a > 0 && !words[a] {
		a--
	}
	return rs[max(a, 0):i]
}

func allHanOrBracket(w []rune) bool {
	for _, r := range w {
		if !isHan(r) && r != '（' && r != '）' {
			return false
		}
	}
	return len(w) > 0
}

// bracketLen is the length of the （…） that offset i stands in (a break before the closing
// bracket or after the opening one is inside it), or a large number.
func bracketLen(rs []rune, i int) int {
	a := i - 1
	for a >= 0 && rs[a] != '（' {
		if rs[a] == '）' {
			return 1 << 20
		}
		a--
	}
	if a < 0 {
		return 1 << 20
	}
	b := i
	for b < len(rs) && rs[b] != '）' {
		if rs[b] == '（' {
			return 1 << 20
		}
		b++
	}
	if b == len(rs) {
		return 1 << 20
	}
	return b - a + 1
}

// quoteLen is the length of the “…” that offset i stands in.
func quoteLen(rs []rune, i int) int {
	a := i - 1
	for a > 0 && rs[a] != '“' {
		a--
	}
	b := i
	for b < len(rs) && rs[b] != '”' {
		b++
	}
	return b - a + 1
}

// cnNumeral are the Chinese numerals and 第, which start a counted phrase (三年, 第七次).
var cnNumeral = map[rune]bool{'一': true, '二': true, '三': true, '四': true, '五': true, '六': true,
	'七': true, '八': true, '九': true, '十': true, '第': true, '两': true}

func init() {
	for _, w := range strings.Fields(`印发 加强 进一步 做好 开展 建设 推进 实施 组织 调整 设立 表彰 批准 同意
		转发 批转 公布 召开 申请 请求 商请 提高 全面 深入 规范 优化 落实 成立 撤销 促进 推动 加快 健全 建立
		完善 深化 打赢 贯彻 保障 激发 降低 取消 下放 修改 废止 支持 鼓励 划定 命名 授予 追授 处理 核定
		增设 更名 扩大 严格 切实 积极 大力 坚决 依法 巩固 发挥 培育 构建 创建 启动 试行 执行 报送 确定 认定`) {
		titleVerbs[w] = true
	}
}

// wordAround returns the words of rs that end and start at rune offset i, by the boundaries
// in words ("" at the ends of rs).
func wordAround(rs []rune, words []bool, i int) (prev, next string) {
	a := i - 1
	for a > 0 && !words[a] {
		a--
	}
	b := i + 1
	for b < len(rs) && !words[b] {
		b++
	}
	if i > 0 {
		prev = string(rs[max(a, 0):i])
	}
	if i < len(rs) {
		next = string(rs[i:min(b, len(rs))])
	}
	return prev, next
}

func hasPrefixRunes(rs, p []rune) bool {
	if len(rs) < len(p) {
		return false
	}
	for i := range p {
		if rs[i] != p[i] {
			return false
		}
	}
	return true
}

// isGenreTail reports whether rs (what follows a 的) is one of tails, the words a title ends
// with: the 文种 and title endings of the template set (Options.TitleEndings).
func isGenreTail(rs []rune, tails []string) bool {
	s := string(rs)
	for _, t := range tails {
		if s == t {
			return true
		}
	}
	return false
}

func insideBookTitle(rs []rune, i int) bool {
	depth := 0
	for _, r := range rs[:i] {
		switch r {
		case '《':
			depth++
		case '》':
			if depth > 0 {
				depth--
			}
		}
	}
	return depth > 0
}

// balanceLines cuts a title into the fewest lines of at most width that are balanced (a
// trapezoid or diamond, never a long line over a short tail) and break between words: never
// inside a word (wordseg's dictionary) or one of the names in words (the document's organs),
// never after 、. Only when no such cut exists does it break inside a word. It returns the end
// offsets. tails are the words a title may end with after 的: the break before
// that 的 costs nothing.
func balanceLines(rs []rune, adv []Length, width Length, words []string, tails ...string) []int {
	n := len(rs)
	if n == 0 {
		return nil
	}
	var total Length
	for _, a := range adv {
		total += a
	}
	if total <= width+lineTolerance {
		return []int{n}
	}
	if width <= 0 || n > 200 {
		// degenerate: fall back to plain breaking
		return breakLines(rs, adv, width, width, nil, nil)
	}
	ok := make([]bool, n)
	breakOpportunities(rs, ok)
	wb := wordseg.Boundaries(rs, words)
	span := make([]int8, n)
	titleSpans(rs, wb, span)
	// a name that fits a line is never broken before the loose level: only those longer
	// than a line give way, at their parts' ends first
	for a := 1; a < n; {
		if span[a] == spanOut {
			a++
			continue
		}
		b := a
		for b < n && span[b] != spanOut {
			b++
		}
		// the span is rs[a-1:b]
		var w Length
		for _, x := range adv[a-1 : b] {
			w += x
		}
		if w <= width+lineTolerance {
			for k := a; k < b; k++ {
				if span[k] == spanPart {
					span[k] = spanWholePart
				} else {
					span[k] = spanWhole
				}
			}
		}
		a = b
	}
	for level := levelStrict; level <= levelLoose; level++ {
		if ends := balanceWith(rs, adv, width, ok, wb, span, total, level, tails...); ends != nil {
			return ends
		}
	}
	return []int{n}
}

// balanceWith is balanceLines at one level (levelStrict …); nil when no cut fits.
func balanceWith(rs []rune, adv []Length, width Length, ok, wb []bool, span []int8, total Length, level int, tails ...string) []int {
	n := len(rs)
	cost := make([]float64, n)
	for i := 1; i < n; i++ {
		cost[i] = titleBreakCost(rs, ok, wb, span, i, level, tails...)
	}
	// prefix sums of advances
	pre := make([]Length, n+1)
	for i, a := range adv {
		pre[i+1] = pre[i] + a
	}
	charW := float64(adv[0])
	if charW <= 0 {
		charW = 1
	}
	minLines := int((total + width - 1) / width)
	if minLines < 1 {
		minLines = 1
	}
	for lines := minLines; lines <= n && lines <= minLines+2; lines++ {
		if ends := balanceCut(rs, pre, cost, width, charW, lines); ends != nil {
			return ends
		}
	}
	return nil
}

// balanceCut cuts rs into exactly lines lines of at most width at the least cost: each line's
// squared distance from the mean length, the break costs, a tail (a last line under half the
// mean) and a waist (a line longer than the one above it after a line shorter than the one
// above that: 20 / 7 / 17). GB/T 9704 asks for a trapezoid or a diamond: lines that lengthen,
// then shorten. It returns the end offsets, or nil when no cut fits.
//
// A state is the last line so far, rs[to-ln:to], and whether a line was already shorter than
// the one above it (narrowed); its least cost is kept in a dense table by (k, to, ln, narrowed).
func balanceCut(rs []rune, pre []Length, cost []float64, width Length, charW float64, lines int) []int {
	n := len(rs)
	ideal := float64(pre[n]) / float64(lines)
	// the most runes a line holds
	maxLn := 0
	for a := 0; a < n; a++ {
		b := a
		for b < n && pre[b+1]-pre[a] <= width+lineTolerance {
			b++
		}
		maxLn = max(maxLn, b-a)
	}
	if maxLn == 0 {
		return nil
	}
	stride := (maxLn + 1) * 2
	idx := func(to, ln int, narrowed bool) int {
		i := to*stride + ln*2
		if narrowed {
			i++
		}
		return i
	}
	size := (n + 1) * stride
	const inf = 1e18
	// best holds the least costs of lines k-1 and k (two layers), from the state each came
	// from for every k
	best := make([]float64, 2*size)
	from := make([]int32, (lines+1)*size)
	for i := range best {
		best[i] = inf
	}
	layer := func(k int) []float64 { return best[(k%2)*size : (k%2+1)*size] }
	// set offers cost c for state (to, ln, narrowed) of line k, coming from state prev; ties
	// go to the first offered: the shortest line above (as the one-line DP did), so the top
	// line is the longer of two that balance alike
	set := func(k, to, ln int, narrowed bool, c float64, prev int32) {
		i := idx(to, ln, narrowed)
		if l := layer(k); c < l[i] {
			l[i], from[k*size+i] = c, prev
		}
	}
	for i := 1; i <= min(n, maxLn); i++ {
		if pre[i] > width+lineTolerance || (i < n && cost[i] < 0) || (i == n) != (lines == 1) {
			continue
		}
		d := (float64(pre[i]) - ideal) / charW
		c := 0.5 * d * d
		if i < n {
			c += cost[i]
		}
		set(1, i, i, false, c, -1)
	}
	for k := 2; k <= lines; k++ {
		prevL := layer(k - 1)
		cur := layer(k)
		for i := range cur {
			cur[i] = inf
		}
		for j := 1; j < n; j++ {
			for pl := 1; pl <= maxLn; pl++ {
				if pl > j {
					continue
				}
				for _, nw := range [2]bool{false, true} {
					ps := idx(j, pl, nw)
					pc := prevL[ps]
					if pc >= inf {
						continue
					}
					prevW := float64(pre[j] - pre[j-pl])
					for i := j + 1; i <= n && i-j <= maxLn; i++ {
						w := pre[i] - pre[j]
						if w > width+lineTolerance {
							break
						}
						if (i < n && cost[i] < 0) || (i == n) != (k == lines) {
							continue
						}
						d := (float64(w) - ideal) / charW
						c := pc + 0.5*d*d
						if i < n {
							c += cost[i]
						}
						// a short last line under a long one reads as a tail, not a trapezoid
						if i == n && float64(w) < 0.5*ideal {
							c += 40
						}
						if nw && float64(w) > prevW+charW {
							c += 40
						}
						set(k, i, i-j, nw || float64(w) < prevW-charW, c, int32(ps))
					}
				}
			}
		}
	}
	// the best final state: ties to the shorter last line, then to one not narrowed
	last := layer(lines)
	st := -1
	for ln := 1; ln <= maxLn && ln <= n; ln++ {
		for _, nw := range [2]bool{false, true} {
			i := idx(n, ln, nw)
			if last[i] < inf && (st < 0 || last[i] < last[st]) {
				st = i
			}
		}
	}
	if st < 0 {
		return nil
	}
	ends := make([]int, lines)
	for k := lines; k >= 1; k-- {
		to := st / stride
		ends[k-1] = to
		if k > 1 {
			st = int(from[k*size+st])
		}
	}
	return ends
}

// docWords lists the names a title of d must not be broken inside: its organs (the issuers,
// which come from the unit profile when one was applied, the marks, the 主送 and 抄送 organs,
// the 印发机关) and the meeting of a 纪要.
func docWords(d *document.Document) []string {
	if d == nil {
		return nil
	}
	var out []string
	add := func(s string) {
		for _, f := range strings.FieldsFunc(s, func(r rune) bool {
			return strings.ContainsRune("、，,：:；;。 \u3000\n", r)
		}) {
			if utf8.RuneCountInString(f) >= 2 && utf8.RuneCountInString(f) <= 30 {
				out = append(out, f)
			}
		}
	}
	for _, is := range d.Issuers {
		add(is.Name)
		add(is.Mark)
	}
	add(d.Recipients)
	add(d.CC)
	add(d.Printer)
	add(d.MeetingName)
	return out
}
