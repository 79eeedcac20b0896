package layout

import "unicode"

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
	start, width := 0, first
	for start < n {
		var w Length
		i, last := start, -1
		for i < n {
			if i > start && ok[i] {
				last = i
			}
			if i > start && w+adv[i] > width+lineTolerance {
				break
			}
			w += adv[i]
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
		ends = append(ends, end)
		start, width = end, rest
	}
	return ends
}

// titleBreakCost is the penalty for breaking a title before rs[i]; a negative value forbids it.
func titleBreakCost(rs []rune, ok []bool, i int) float64 {
	if !ok[i] {
		return -1
	}
	p, c := rs[i-1], rs[i]
	switch {
	case p == '、' || p == ' ' || p == '\u3000':
		return 0
	case isDigit(c) && !isDigit(p):
		return 2
	case i >= 2 && string(rs[i-2:i]) == "关于":
		return 0
	case c == '的' && isGenreTail(rs[i+1:]):
		return 0
	case c == '和' || c == '及' || c == '与' || p == '和':
		return 1
	case c == '关' && i+1 < len(rs) && rs[i+1] == '于':
		return 1
	case c == '《' || p == '》':
		return 2
	}
	cost := 30.0
	if p == '的' {
		cost = 6
	}
	if organEnd[p] {
		cost = 8
	}
	for _, w := range leadWords {
		if hasPrefixRunes(rs[i:], w) {
			cost = 4
			break
		}
	}
	if insideBookTitle(rs, i) {
		cost += 5
	}
	return cost
}

// organEnd are characters that end organ and place names (市, 局, 委员会 …), after which a
// title breaks well.
var organEnd = map[rune]bool{'市': true, '省': true, '县': true, '区': true, '府': true, '局': true, '厅': true,
	'委': true, '会': true, '部': true, '院': true, '室': true, '办': true, '镇': true, '乡': true, '村': true, '司': true}

// leadWords often open the matter of a title, so a break before them keeps words whole.
var leadWords = [][]rune{[]rune("印发"), []rune("加强"), []rune("进一步"), []rune("做好"), []rune("开展"),
	[]rune("建设"), []rune("推进"), []rune("实施"), []rune("组织"), []rune("调整"), []rune("设立"), []rune("表彰"),
	[]rune("批准"), []rune("同意"), []rune("转发"), []rune("公布"), []rune("召开"), []rune("申请"), []rune("请求"),
	[]rune("商请"), []rune("提高"), []rune("全面"), []rune("深入"), []rune("规范"), []rune("优化"), []rune("落实")}

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

// isGenreTail reports whether rs (what follows a 的) is a genre name ending the title.
func isGenreTail(rs []rune) bool {
	switch string(rs) {
	case "通知", "请示", "报告", "函", "批复", "决定", "意见", "通报", "公告", "通告", "决议", "公报", "纪要", "复函", "实施方案", "方案", "办法", "规定":
		return true
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
// trapezoid or diamond, never a long line over a short tail) and break at natural word
// boundaries. It returns the end offsets.
func balanceLines(rs []rune, adv []Length, width Length) []int {
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
	cost := make([]float64, n)
	for i := 1; i < n; i++ {
		cost[i] = titleBreakCost(rs, ok, i)
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
	for lines := minLines; lines <= n; lines++ {
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
	return []int{n}
}
