package layout

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"gongwen/document"
)

// maxGapCells caps the blank between two characters of a justified line, in cells: the
// padding of a run of half-width characters (a quarter cell on each side of an odd run of
// digits, at most half a cell on one side of a run at a line's edge), plus what justification
// spreads (maxSpread over a line of at least 12 characters: a tenth is ample).
const maxGapCells = 0.6

// inkLine is one printed line: each character's drawing origin and its natural (ink box) width.
type inkLine struct {
	y     Length
	rs    []rune
	x, w  []Length
	elems []Element
}

// inkLines reads the body lines of the pages back from their Texts, as a PDF reader sees them:
// every glyph drawn at its X with the face's own advance.
func inkLines(t *testing.T, pages []Page) []inkLine {
	t.Helper()
	fs := DefaultFonts()
	var out []inkLine
	for _, p := range pages {
		by := map[Length]*inkLine{}
		for _, tx := range p.Texts {
			switch tx.Element {
			case ElemBody, ElemHeading1, ElemHeading2:
			default:
				continue
			}
			f, err := fs.Face(tx.Font)
			if err != nil {
				t.Fatal(err)
			}
			l := by[tx.Y]
			if l == nil {
				l = &inkLine{y: tx.Y}
				by[tx.Y] = l
			}
			for i, r := range []rune(tx.S) {
				l.rs = append(l.rs, r)
				l.x = append(l.x, tx.X[i])
				l.w = append(l.w, f.Advance(r, tx.Size))
				l.elems = append(l.elems, tx.Element)
			}
		}
		var ys []Length
		for y := range by {
			ys = append(ys, y)
		}
		sort.Slice(ys, func(i, j int) bool { return ys[i] < ys[j] })
		for _, y := range ys {
			out = append(out, *by[y])
		}
	}
	return out
}

// gapReport measures the digit runs and the gaps of the justified body lines: for each run of
// half-width characters inside a line, the gap before and after it; and the widest gap.
type gapReport struct {
	runs     map[int]int // runs checked by length (1, 2, 3, 4+)
	worstRun Length      // the largest |before - after|
	worstGap Length      // the widest gap between two characters of a justified line
	where    string
}

func measureGaps(t *testing.T, lines []inkLine, report *gapReport, strict bool) {
	t.Helper()
	for li, l := range lines {
		n := len(l.rs)
		// a justified line ends at the 版心's right edge and is followed by another line
		justified := n > 0 && li+1 < len(lines) && near(l.x[n-1]+Length(float64(l.w[n-1])*float64(CharPitch)/float64(Hao(3))), MarginLeft+BodyWidth, Millimetre/2)
		for i := 0; i+1 < n; i++ {
			if isASCIIGraphic(l.rs[i]) && isASCIIGraphic(l.rs[i+1]) {
				continue
			}
			gap := l.x[i+1] - l.x[i] - l.w[i]
			if justified && gap > report.worstGap {
				report.worstGap, report.where = gap, fmt.Sprintf("%q after %c", string(l.rs), l.rs[i])
			}
			if strict && justified && float64(gap) > maxGapCells*float64(CharPitch) {
				t.Errorf("%q: %.2f cells between %c and %c", string(l.rs), float64(gap)/float64(CharPitch), l.rs[i], l.rs[i+1])
			}
		}
		for a := 1; a < n; a++ {
			if !isASCIIGraphic(l.rs[a]) || isASCIIGraphic(l.rs[a-1]) {
				continue
			}
			b := a
			for b < n && isASCIIGraphic(l.rs[b]) {
				b++
			}
			if b >= n || l.elems[a-1] != l.elems[a] || l.elems[b-1] != l.elems[b] {
				continue
			}
			before := l.x[a] - l.x[a-1] - l.w[a-1]
			after := l.x[b] - l.x[b-1] - l.w[b-1]
			d := max(before-after, after-before)
			report.runs[min(b-a, 4)]++
			if d > report.worstRun {
				report.worstRun = d
			}
			if strict && d >= Pt(0.5) {
				t.Errorf("%q: the run %q has %.2f pt before it and %.2f pt after it", string(l.rs), string(l.rs[a:b]), before.Pt(), after.Pt())
			}
		}
	}
}

// TestDigitRunsEvenGaps: a run of half-width digits has the same gap before it as after it,
// whatever its length and wherever it stands in a line (CLREQ: half-width characters are
// paired so the gaps stay even), and no gap of a justified line exceeds maxGapCells.
func TestDigitRunsEvenGaps(t *testing.T) {
	d := sampleDoc(0)
	d.Body = []string{
		"经研究，定于2024年11月1日至30日在全市范围内开展安全生产大检查活动，请各单位认真组织，按时完成各项工作，确保不留死角。",
		"活动时间为2024年11月1日至2024年11月30日，其中11月15日至11月20日为集中宣传周，请各单位提前做好准备工作。",
		"共有123个单位参加，其中1个单位未按时报送材料，12个单位报送不全，1234份材料需要补充，请于5日内完成补报工作并反馈。",
		"七、国庆节：10月1日至7日放假调休，共7天。9月29日（星期日）、10月12日（星期六）上班。",
		"二、春节：2月4日至10日放假调休，共7天。2月2日（星期六）、2月3日（星期日）上班。",
		"（一）完成3项任务。全年新增就业岗位5万个，城镇调查失业率控制在5.5%以内，居民人均可支配收入增长6%，粮食产量稳定在100万吨以上。",
		"各地要在9月1日前报送第1批、第2批和第3批共157个项目的实施方案，逐项明确时间节点和责任人，每月5日前报送进展情况，第4季度开展评估。",
	}
	rep := gapReport{runs: map[int]int{}}
	measureGaps(t, inkLines(t, typeset(t, d)), &rep, true)
	for k := 1; k <= 4; k++ {
		if rep.runs[k] == 0 {
			t.Errorf("no run of %d digits measured", k)
		}
	}
	t.Logf("runs by length %v, largest before/after difference %.3f pt, widest gap of a justified line %.2f cells (%s)",
		rep.runs, rep.worstRun.Pt(), float64(rep.worstGap)/float64(CharPitch), rep.where)
}

// TestDigitRunsEvenGapsRealDocs measures the same on the real documents (../shared/corpus/docs
// and document/testdata/realdocs), with the numbers logged.
func TestDigitRunsEvenGapsRealDocs(t *testing.T) {
	var files []string
	if sh := sharedDirIn(); sh != "" {
		files, _ = filepath.Glob(filepath.Join(sh, "corpus", "docs", "*.txt"))
	} else if os.Getenv("CI") == "true" {
		t.Fatal("../shared is absent; CI=true requires it")
	}
	own, _ := filepath.Glob(filepath.Join("..", "document", "testdata", "realdocs", "*.txt"))
	files = append(files, own...)
	if len(files) == 0 {
		t.Skip("no real documents")
	}
	rep := gapReport{runs: map[int]int{}}
	lines := 0
	for _, f := range files {
		d, err := document.Load(f)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		pages, err := Typeset(d, Options{})
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		ls := inkLines(t, pages)
		lines += len(ls)
		measureGaps(t, ls, &rep, true)
	}
	t.Logf("%d documents, %d body lines, runs by length %v, largest before/after difference %.3f pt, widest gap of a justified line %.2f cells (%s)",
		len(files), lines, rep.runs, rep.worstRun.Pt(), float64(rep.worstGap)/float64(CharPitch), rep.where)
}

// sharedDirIn finds ../shared from the package directory (layout's tests run in layout/).
func sharedDirIn() string {
	s := filepath.Join("..", "..", "shared")
	if _, err := os.Stat(filepath.Join(s, "corpus", "docs")); err != nil {
		return ""
	}
	return s
}

// TestCitedNumberNotPadded: the digits of a 发文字号 cited in the text are not padded (the
// yardstick and any reader of the PDF take 〔2013〕 144 号 for a malformed number).
func TestCitedNumberNotPadded(t *testing.T) {
	d := sampleDoc(0)
	d.Body = []string{"你县关于调整部分村级建制的请示（遵府呈〔2013〕7号）收悉。经研究，现批复如下：同意撤销某某村建制，共涉及3个村民小组。"}
	found := 0
	for _, l := range inkLines(t, typeset(t, d)) {
		s := string(l.rs)
		if i := strings.Index(s, "〔2013〕7号"); i >= 0 {
			found++
			a := len([]rune(s[:i]))
			for k := a; k < a+len([]rune("〔2013〕7号"))-1; k++ {
				if gap := l.x[k+1] - l.x[k] - l.w[k]; float64(gap) > 0.1*float64(CharPitch) {
					t.Errorf("%q: %.2f cells between %c and %c", s, float64(gap)/float64(CharPitch), l.rs[k], l.rs[k+1])
				}
			}
		}
		// the 3 of 3个 is padded: a quarter cell on each side
		if i := strings.Index(s, "3个"); i >= 0 {
			found++
			j := len([]rune(s[:i]))
			if gap := l.x[j+1] - l.x[j] - l.w[j]; float64(gap) < 0.2*float64(CharPitch) {
				t.Errorf("%q: 3 not padded (%.2f cells after it)", s, float64(gap)/float64(CharPitch))
			}
		}
	}
	if found != 2 {
		t.Errorf("found %d of the citation and 3个 on one line each, want 2", found)
	}
}
