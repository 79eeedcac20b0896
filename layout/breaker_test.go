package layout

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"gongwen/document"
	"gongwen/internal/wordseg"
)

// breakText breaks s with every rune one unit wide (ASCII half a unit) into lines of w units.
func breakText(s string, first, rest int) []string {
	rs := []rune(s)
	adv := make([]Length, len(rs))
	for i, r := range rs {
		adv[i] = 1000
		if r < 0x80 {
			adv[i] = 500
		}
	}
	ends := breakLines(rs, adv, Length(first)*1000, Length(rest)*1000, nil, nil)
	var out []string
	st := 0
	for _, e := range ends {
		out = append(out, string(rs[st:e]))
		st = e
	}
	return out
}

func TestBreakLines(t *testing.T) {
	tests := []struct {
		name        string
		in          string
		first, rest int
		want        []string
	}{
		{"fits", "一二三", 5, 5, []string{"一二三"}},
		{"plain", "一二三四五六七", 3, 3, []string{"一二三", "四五六", "七"}},
		{"indent", "一二三四五六七", 2, 3, []string{"一二", "三四五", "六七"}},
		{"no comma at line start", "一二三，四五六", 3, 3, []string{"一二", "三，四", "五六"}},
		{"no full stop at line start", "一二三。四五", 3, 4, []string{"一二", "三。四五"}},
		{"no closing bracket at line start", "甲乙丙）丁戊", 3, 4, []string{"甲乙", "丙）丁戊"}},
		{"no opening bracket at line end", "甲乙（丙丁戊", 3, 4, []string{"甲乙", "（丙丁戊"}},
		{"no opening book title at line end", "甲乙《丙丁》", 3, 4, []string{"甲乙", "《丙丁》"}},
		{"closing quote", "他说“好”。再见", 4, 4, []string{"他说", "“好”。", "再见"}},
		{"ellipsis pair", "等等……好", 3, 4, []string{"等", "等……好"}},
		{"dash pair", "甲乙——丙", 3, 4, []string{"甲", "乙——丙"}},
		{"digits whole", "共计12345元整", 4, 8, []string{"共计", "12345元整"}},
		{"year with unit", "在2024年完成", 3, 4, []string{"在", "2024年完", "成"}},
		{"latin word whole", "使用Gongwen软件", 4, 4, []string{"使用", "Gongwen", "软件"}},
		{"decimal whole", "约1.25万亩", 3, 8, []string{"约", "1.25万亩"}},
		{"percent stays", "增长12%以上", 3, 8, []string{"增长", "12%以上"}},
		{"document number unbroken", "根据国办发〔2024〕5号文件", 6, 10, []string{"根据", "国办发〔2024〕5号文", "件"}},
		{"short bracket whole", "二月二日（星期日）上班", 5, 6, []string{"二月二日", "（星期日）上", "班"}},
		{"too long word forced", "ABCDEFGHIJ", 2, 2, []string{"ABCD", "EFGH", "IJ"}},
		{"one char wider than line", "一二", 0, 0, []string{"一", "二"}},
		{"empty", "", 3, 3, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := breakText(tt.in, tt.first, tt.rest)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("breakLines(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestBalanceTitle(t *testing.T) {
	tests := []struct {
		in    string
		width int
		want  []string
	}{
		{"关于做好春季森林防火工作的通知", 20, []string{"关于做好春季森林防火工作的通知"}},
		{"江城市人民政府关于建设城区应急物资储备中心的请示", 20, []string{"江城市人民政府关于建设城区", "应急物资储备中心的请示"}},
		{"某某市人民政府关于进一步优化营商环境推动民营经济高质量发展的意见", 20,
			// before the second verb: both matters stay whole, and the top line is the longer
			[]string{"某某市人民政府关于进一步优化营商环境", "推动民营经济高质量发展的意见"}},
		{"国务院办公厅关于成立国务院防治艾滋病工作委员会的通知", 20,
			[]string{"国务院办公厅关于成立", "国务院防治艾滋病工作委员会的通知"}},
		// a 题注: the meeting's name whole, the date whole
		{"（2009年2月8日菏泽市第十七届人民代表大会第三次会议通过）", 28,
			[]string{"（2009年2月8日", "菏泽市第十七届人民代表大会第三次会议通过）"}},
		{"国务院关于印发“十四五”国家应急体系规划的通知", 16,
			[]string{"国务院关于印发“十四五”", "国家应急体系规划的通知"}},
	}
	for _, tt := range tests {
		rs := []rune(tt.in)
		adv := make([]Length, len(rs))
		for i := range adv {
			adv[i] = 1000
		}
		ends := balanceLines(rs, adv, Length(tt.width)*1000, nil)
		var got []string
		st := 0
		for _, e := range ends {
			got = append(got, string(rs[st:e]))
			st = e
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("balanceLines(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// checkBreak verifies the invariants of breakLines: every rune kept once, in order, every line
// non-empty, no line starting with a closing mark unless it was forced.
func checkBreak(t *testing.T, s string, first, rest int) {
	if !utf8.ValidString(s) {
		return
	}
	rs := []rune(s)
	adv := make([]Length, len(rs))
	for i, r := range rs {
		adv[i] = Length(300 + int(r)%900)
	}
	ends := breakLines(rs, adv, Length(first), Length(rest), nil, nil)
	if len(rs) == 0 {
		if len(ends) != 0 {
			t.Fatalf("empty input gave %v", ends)
		}
		return
	}
	st := 0
	var b strings.Builder
	for _, e := range ends {
		if e <= st || e > len(rs) {
			t.Fatalf("bad line end %d after %d in %v (n=%d)", e, st, ends, len(rs))
		}
		b.WriteString(string(rs[st:e]))
		st = e
	}
	if st != len(rs) {
		t.Fatalf("lines end at %d, want %d", st, len(rs))
	}
	if b.String() != string(rs) {
		t.Fatalf("characters lost or duplicated: %q != %q", b.String(), s)
	}
}

func FuzzBreakLines(f *testing.F) {
	f.Add("为进一步提高我市突发事件应急保障能力，根据《某某省应急物资储备体系建设规划（2021—2025年）》有关要求。", 20000, 30000)
	f.Add("国办发〔2024〕5号……“好”！ABC def 1.25%", 3000, 3000)
	f.Add("", 1, 1)
	f.Add("，，，，，，（（（（（", 0, -5)
	f.Add("\x00\xff一", 1000, 1000)
	f.Fuzz(func(t *testing.T, s string, first, rest int) {
		checkBreak(t, s, first, rest)
	})
}

func FuzzBalanceLines(f *testing.F) {
	f.Add("江城市教育局 江城市财政局 江城市人力资源和社会保障局关于做好2024年乡村教师生活补助发放工作的通知", 20)
	f.Add("关于《关于》的的的通知", 1)
	f.Fuzz(func(t *testing.T, s string, w int) {
		if !utf8.ValidString(s) || len(s) > 400 {
			return
		}
		rs := []rune(s)
		adv := make([]Length, len(rs))
		for i := range adv {
			adv[i] = 1000
		}
		ends := balanceLines(rs, adv, Length(w)*1000, nil)
		st := 0
		for _, e := range ends {
			if e <= st || e > len(rs) {
				t.Fatalf("bad ends %v for %d runes", ends, len(rs))
			}
			st = e
		}
		if st != len(rs) {
			t.Fatalf("ends %v do not cover %d runes", ends, len(rs))
		}
	})
}

// realTitle is one line of testdata/titles.tsv.
type realTitle struct {
	title string
	keep  []string // hand-labelled names and phrases no break may fall inside
}

func readTitles(t *testing.T) []realTitle {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "titles.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	var out []realTitle
	for _, l := range strings.Split(string(data), "\n") {
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		f := strings.Split(l, "\t")
		if len(f) != 3 {
			t.Fatalf("titles.tsv: %q has %d fields, want 3", l, len(f))
		}
		out = append(out, realTitle{title: f[0], keep: strings.Split(f[2], "|")})
	}
	return out
}

// titleBreakProblem says what is wrong with breaking title before rune offset e, or "".
func titleBreakProblem(title string, e int, keep []string) string {
	rs := []rune(title)
	if rs[e-1] == '、' {
		return "line ends with 、"
	}
	for _, k := range keep {
		kr := []rune(k)
		for s := 0; s+len(kr) <= len(rs); s++ {
			if string(rs[s:s+len(kr)]) == k && s < e && e < s+len(kr) {
				return "inside " + k
			}
		}
	}
	if !wordseg.Boundaries(rs, nil)[e] {
		return "inside a word"
	}
	return ""
}

// TestTitleBreaksBetweenWords sets the real titles of testdata/titles.tsv at the 2号 title's
// width (156 mm holds about 20 characters of 22 pt) and at narrower widths, and checks that
// every break falls between words: never inside a hand-labelled name, never after 、, never
// inside a dictionary word.
func TestTitleBreaksBetweenWords(t *testing.T) {
	titles := readTitles(t)
	if len(titles) < 40 {
		t.Fatalf("titles.tsv has %d titles, want at least 40", len(titles))
	}
	breaks := 0
	seen := map[string]bool{}
	for _, tt := range titles {
		rs := []rune(tt.title)
		adv := make([]Length, len(rs))
		for i, r := range rs {
			adv[i] = 1000
			if r < 0x80 {
				adv[i] = 500
			}
		}
		for _, w := range []int{20, 16, 13} {
			ends := balanceLines(rs, adv, Length(w)*1000, nil)
			for _, e := range ends[:len(ends)-1] {
				breaks++
				if p := titleBreakProblem(tt.title, e, tt.keep); p != "" {
					if why, ok := knownTitleBreakFails[tt.title]; ok {
						seen[tt.title] = true
						t.Logf("known: %d a line: %q breaks before %q: %s (%s)", w, tt.title, string(rs[e:]), p, why)
						continue
					}
					t.Errorf("%d a line: %q breaks before %q: %s", w, tt.title, string(rs[e:]), p)
				}
			}
		}
	}
	for k := range knownTitleBreakFails {
		if !seen[k] {
			t.Errorf("%q now breaks between words: drop it from knownTitleBreakFails", k)
		}
	}
	t.Logf("%d titles, %d breaks checked", len(titles), breaks)
}

// knownTitleBreakFails are real titles (the project's own documents, document/testdata/realdocs)
// that still break inside a hand-labelled name at some width, with the reason.
var knownTitleBreakFails = map[string]string{}

// TestTitleSpans: the names and phrases of a title that balanceLines keeps whole (| marks a
// span's ends, : where a long one may break first, · its other word boundaries).
func TestTitleSpans(t *testing.T) {
	tests := []struct{ in, want string }{
		{"安康市行政审批服务局安康市民政局关于印发《社会组织登记办事指南（试行）》的通知",
			"|安康市:行政审批·服务·局||安康市:民政局|关于印发《社会组织登记办事指南|（·试行·）|》的通知"},
		{"南平市民政局关于市政协五届四次会议204293号提案答复的函", "|南平市:民政局|关于市政协|五届:四次·会议|204293号提案答复的函"},
		{"关于提请审议长春汽车经济技术开发区调整区划增设安庆、富民街道办事处的议案",
			"关于提请审议|长春·汽车·经济技术开发区|调整区划增设安庆、|富民·街道办事处|的议案"},
		{"新余市人民政府办公室关于转发新余市城乡建设投资（集团）有限公司管理办法的通知",
			"|新余市:人民政府:办公室|关于转发|新余市:城乡建设·投资:（·集团:）:有限公司|管理办法的通知"},
		// 督办 ends like an organ (主办, 承办) but is a verb
		{"重大生产安全事故查处挂牌督办通知书", "重大生产安全事故查处挂牌督办通知书"},
	}
	for _, tt := range tests {
		rs := []rune(tt.in)
		wb := wordseg.Boundaries(rs, nil)
		span := make([]int8, len(rs))
		titleSpans(rs, wb, span)
		if got := showSpans(rs, wb, span); got != tt.want {
			t.Errorf("titleSpans(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

// showSpans writes rs with | around each span, : at its parts' ends, · at its other word
// boundaries.
func showSpans(rs []rune, wb []bool, span []int8) string {
	var b strings.Builder
	n := len(rs)
	for i, r := range rs {
		if i >= 1 {
			switch {
			case span[i] == spanPart:
				b.WriteByte(':')
			case span[i] == spanInside && wb[i]:
				b.WriteString("·")
			case span[i] == spanOut && i >= 2 && span[i-1] != spanOut:
				b.WriteByte('|')
			}
		}
		if i+1 < n && span[i+1] != spanOut && (i == 0 || span[i] == spanOut) {
			b.WriteByte('|')
		}
		b.WriteRune(r)
	}
	if n > 1 && span[n-1] != spanOut {
		b.WriteByte('|')
	}
	return b.String()
}

// TestTitleTypedBreakOverflow: a title typed on two lines, the first longer than a printed line
// (a web page's wrap), is balanced as a whole: no stub line (转发) between the typed lines.
func TestTitleTypedBreakOverflow(t *testing.T) {
	d := sampleDoc(0)
	d.Title = "中共浙江省委办公厅、浙江省人民政府办公厅转发\n《关于做好2004年高校毕业生就业工作意见》的通知"
	var got []string
	for _, tx := range texts(typeset(t, d)[0], ElemTitle) {
		got = append(got, tx.S)
	}
	if strings.Join(got, "") != strings.ReplaceAll(d.Title, "\n", "") {
		t.Fatalf("title lines %q", got)
	}
	for _, l := range got {
		if utf8.RuneCountInString(l) < 4 {
			t.Errorf("title lines %q: a stub line %q", got, l)
		}
	}
	// typed lines that fit stay as typed
	d.Title = "江城市人民政府\n关于做好春季森林防火工作的通知"
	got = got[:0]
	for _, tx := range texts(typeset(t, d)[0], ElemTitle) {
		got = append(got, tx.S)
	}
	if strings.Join(got, "|") != "江城市人民政府|关于做好春季森林防火工作的通知" {
		t.Errorf("typed title lines = %q", got)
	}
}

// TestTitleKeepsDocumentNames: a name of the document's organs that the dictionary does not
// know stays whole.
func TestTitleKeepsDocumentNames(t *testing.T) {
	title := "鹤泉县黎堡乡人民政府关于申请调整黎堡乡中心小学布局的请示"
	rs := []rune(title)
	adv := make([]Length, len(rs))
	for i := range adv {
		adv[i] = 1000
	}
	names := docWords(&document.Document{Issuers: []document.Issuer{{Name: "鹤泉县黎堡乡人民政府"}}, Recipients: "鹤泉县人民政府：", CC: "黎堡乡中心小学。"})
	for _, w := range []int{20, 16, 12} {
		ends := balanceLines(rs, adv, Length(w)*1000, names)
		for _, e := range ends[:len(ends)-1] {
			if p := titleBreakProblem(title, e, []string{"鹤泉县黎堡乡人民政府", "黎堡乡中心小学"}); p != "" {
				t.Errorf("%d a line: breaks before %q: %s", w, string(rs[e:]), p)
			}
		}
	}
}

// TestLineAdjustment: CLREQ line adjustment. A citation kept whole must not leave a line spread
// wide (issue 11: 21 characters over 26 cells), whatever the text before it.
func TestLineAdjustment(t *testing.T) {
	tests := []struct {
		name string
		in   string
	}{
		{"long citation", "你县关于调整部分村级建制的请示（遵府呈〔2013〕144号）收悉。经研究，现批复如下：同意撤销某某村建制，其行政区域并入某某村。"},
		{"citation after a full line", "为贯彻落实《国务院关于加强数字政府建设的指导意见》（国发〔2022〕14号）精神，结合本市实际，制定本方案。"},
		{"range in a citation", "为深入实施《国家中长期科学和技术发展规划纲要（2006-2020年）》，推进国家重大科学研究计划，根据有关规划，科技部组织编制了专项规划。"},
		{"four-hanzi note", "专家组认为房屋开裂主要是发生的两次小型地震（浅源地震）所造成的，由于对地震方面的汇报及资料较少，请进一步核查。"},
		{"dates with units", "活动时间为2024年11月1日至2024年11月30日，其中11月15日至11月20日为集中宣传周，请各单位提前做好准备工作。"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, lead := range []string{"", "一", "一二", "一二三", "一二三四", "一二三四五", "一二三四五六"} {
				rs := []rune(lead + tt.in)
				adv := make([]Length, len(rs))
				for i, r := range rs {
					adv[i] = 1000
					if r < 0x80 {
						adv[i] = 500
					}
				}
				ends := breakLines(rs, adv, 26000, 28000, nil, nil)
				st := 0
				for k, e := range ends[:len(ends)-1] {
					var w Length
					for _, a := range adv[st:e] {
						w += a
					}
					width := Length(28000)
					if k == 0 {
						width = 26000
					}
					// maxSpread is what the breaker aims at; where an unbreakable run (〔2013〕,
					// four cells) leaves more, the line still keeps its characters within 1.15
					// of a cell on average (the 26-cell first line holding 23)
					if r := float64(width) / float64(w); r > 1.15 {
						t.Errorf("%q: line %q spreads its characters to %.2f cells each", string(rs), string(rs[st:e]), r)
					}
					if noStart[rs[e]] || noEnd[rs[e-1]] {
						t.Errorf("%q: break before %q breaks 避头尾", string(rs), string(rs[e:]))
					}
					st = e
				}
			}
		})
	}
}

func TestSqueezeMarks(t *testing.T) {
	// 6 units wide: "甲乙。”丙丁" is 6 units, "甲乙。”丙丁戊" 7 but 。” gives half a unit and
	// ）（ another half, so "甲）（乙。”丙" (7) fits 6.
	rs := []rune("甲）（乙。”丙丁")
	adv := make([]Length, len(rs))
	for i := range adv {
		adv[i] = 1000
	}
	ends := breakLines(rs, adv, 6000, 6000, nil, nil)
	if ends[0] != 7 {
		t.Fatalf("breakLines(%q) first line ends at %d, want 7 (squeezed marks)", string(rs), ends[0])
	}
	gs := make([]glyph, 7)
	for i := range gs {
		gs[i] = glyph{r: rs[i], adv: 1000}
	}
	adjustLine(gs, 0, 6000)
	last := gs[6].x + gs[6].adv
	if last != 6000 {
		t.Errorf("squeezed line ends at %d, want 6000", last)
	}
	for i := 1; i < len(gs); i++ {
		if gs[i].x < gs[i-1].x {
			t.Errorf("glyph %d (%c) left of glyph %d", i, gs[i].r, i-1)
		}
	}
}

// BenchmarkBalanceTitle cuts a long real title (54 characters, 4 lines at 20 a line): the app
// typesets the title again on every edit.
func BenchmarkBalanceTitle(b *testing.B) {
	rs := []rune("新余市人民政府办公室关于转发新余市城乡建设投资（集团）有限公司管理办法和新余市国有资产经营有限责任公司管理办法的通知")
	adv := make([]Length, len(rs))
	for i := range adv {
		adv[i] = 1000
	}
	b.ReportAllocs()
	for b.Loop() {
		balanceLines(rs, adv, 20000, nil)
	}
}
