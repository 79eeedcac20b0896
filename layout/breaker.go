package layout

import (
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

// relaxedBreak reports whether a break before rs[i], refused by breakOpportunities, is one the
// text can bear when the alternative is a loose line: between two hanzi, or between a hanzi
// and an opening bracket, inside a citation's 机关代字, after a number's digits, or between
// the year and the serial of a citation.
func relaxedBreak(rs []rune, i int) bool {
	p, c := rs[i-1], rs[i]
	if noStart[c] || noEnd[p] || inShortBracket(rs, i) {
		return false
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
			if float64(width-lw) > maxSpread*float64(em) {
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

// titleBreakCost is the penalty for breaking a title before rs[i]; a negative value forbids it.
// words marks the word boundaries (wordseg.Boundaries); when strict, a break inside a word or
// a name and a break after 、 are forbidden, otherwise they only cost more.
func titleBreakCost(rs []rune, ok, words []bool, i int, strict bool, tails ...string) float64 {
	if !ok[i] {
		return -1
	}
	p, c := rs[i-1], rs[i]
	if !words[i] || p == '、' || inTitleName(rs, i) || (insideQuote(rs, i) && quoteLen(rs, i) <= 10) {
		if strict {
			return -1
		}
		if p == '、' {
			return 20
		}
		return 60
	}
	switch {
	case p == ' ' || p == '\u3000':
		return 0
	case isDigit(c) && !isDigit(p):
		return 2
	case i >= 2 && string(rs[i-2:i]) == "关于":
		return 0
	case c == '的' && isGenreTail(rs[i+1:], tails):
		return 0
	case c == '和' || c == '及' || c == '与' || p == '和':
		return 1
	case c == '关' && i+1 < len(rs) && rs[i+1] == '于':
		return 1
	case c == '《' || p == '》' || p == '”':
		return 2
	}
	cost := 30.0
	if p == '的' {
		cost = 6
	}
	if organEnd[p] {
		cost = 8
	}
	prev, next := wordAround(rs, words, i)
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
	return cost
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

// nameEnds end the name of an organ or body inside a title (国务院防治艾滋病工作委员会).
var nameEnds = []string{"委员会", "领导小组", "工作小组", "联席会议", "办公室", "指挥部", "管理局", "研究院", "示范区", "新区", "试验区"}

// inTitleName reports whether offset i falls inside an organ name in the title: a run ending in
// one of nameEnds that starts after a lead verb, 关于, 的, 和 or 、 (at most 16 characters).
func inTitleName(rs []rune, i int) bool {
	s := string(rs)
	for _, e := range nameEnds {
		from := 0
		for {
			k := strings.Index(s[from:], e)
			if k < 0 {
				break
			}
			end := utf8.RuneCountInString(s[:from+k]) + utf8.RuneCountInString(e)
			from += k + len(e)
			if i >= end {
				continue
			}
			// walk back to the start of the name
			st := end - utf8.RuneCountInString(e)
			for st > 0 && end-st < 16 {
				p := rs[st-1]
				if p == '、' || p == '的' || p == '和' || p == '“' || p == '》' || p == '，' ||
					(st >= 2 && (string(rs[st-2:st]) == "关于" || leadVerbs[string(rs[st-2:st])])) {
					break
				}
				st--
			}
			if st > 0 && end-st >= 16 {
				continue // no clear start: not a name
			}
			if i > st && i < end {
				return true
			}
		}
	}
	return false
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
	if ends := balanceWith(rs, adv, width, ok, wb, total, true, tails...); ends != nil {
		return ends
	}
	if ends := balanceWith(rs, adv, width, ok, wb, total, false, tails...); ends != nil {
		return ends
	}
	return []int{n}
}

// balanceWith is balanceLines for one strictness; nil when no cut fits.
func balanceWith(rs []rune, adv []Length, width Length, ok, wb []bool, total Length, strict bool, tails ...string) []int {
	n := len(rs)
	cost := make([]float64, n)
	for i := 1; i < n; i++ {
		cost[i] = titleBreakCost(rs, ok, wb, i, strict, tails...)
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
		ideal := float64(total) / float64(lines)
		// best[k][i]: least cost of setting rs[:i] in k lines
		inf := 1e18
		best := make([][]float64, lines+1)
		from := make([][]int, lines+1)
		for k := range best {
			best[k] = make([]float64, n+1)
			from[k] = make([]int, n+1)
			for i := range best[k] {
				best[k][i] = inf
			}
		}
		best[0][0] = 0
		for k := 1; k <= lines; k++ {
			for i := 1; i <= n; i++ {
				if i < n && cost[i] < 0 {
					continue
				}
				bc := 0.0
				if i < n {
					bc = cost[i]
				}
				for j := i - 1; j >= 0; j-- {
					w := pre[i] - pre[j]
					if w > width+lineTolerance {
						break
					}
					if best[k-1][j] >= inf {
						continue
					}
					d := (float64(w) - ideal) / charW
					c := best[k-1][j] + 0.5*d*d + bc
					// a short last line under a long one reads as a tail, not a trapezoid
					if i == n && k > 1 && float64(w) < 0.5*ideal {
						c += 40
					}
					if c < best[k][i] {
						best[k][i] = c
						from[k][i] = j
					}
				}
			}
		}
		if best[lines][n] >= inf {
			continue
		}
		ends := make([]int, lines)
		i := n
		for k := lines; k >= 1; k-- {
			ends[k-1] = i
			i = from[k][i]
		}
		return ends
	}
	return nil
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
