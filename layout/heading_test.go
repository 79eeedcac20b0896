package layout

import (
	"strings"
	"testing"
)

// runInBody is a body with run-in headings, a numbered statement among heading siblings and a
// set of siblings that are mostly statements.
var runInBody = []string{
	"一、总体要求。到2025年，基本建成统一规范的工作体系。（一）工作目标。明确任务分工。",
	"（二）基本原则。坚持统筹推进。（三）组织保障。各地要加强领导。",
	"（四）各有关部门要明确一位负责同志分管此项工作，及时协调解决工作中的问题。",
	"二、主要任务",
	"（一）各地区、各有关部门应按照有关文件的精神，结合本地区实际，尽快制定实施方案并抓紧组织实施。",
	"（二）做好应急预案的落实工作。要尽快制定或完善应急预案。",
	"（三）加强对工程抗震设防工作的管理，尽快将其纳入法制化轨道，各有关部门要切实做好有关工作。",
}

// TestRunInHeadingFaces: heading stretches take their level's face wherever they stand in a
// paragraph (document.HeadingFaces), siblings alike; the rest is 仿宋.
func TestRunInHeadingFaces(t *testing.T) {
	d := sampleDoc(0)
	d.Body = runInBody
	var hei, kai, fang strings.Builder
	for _, p := range typeset(t, d) {
		for _, tx := range p.Texts {
			switch tx.Element {
			case ElemBody, ElemHeading1, ElemHeading2:
			default:
				continue
			}
			switch tx.Font {
			case "hei":
				hei.WriteString(tx.S)
			case "kai":
				kai.WriteString(tx.S)
			case "fangsong":
				fang.WriteString(tx.S)
			default:
				t.Errorf("%q in face %s", tx.S, tx.Font)
			}
		}
	}
	if got, want := hei.String(), "一、总体要求。二、主要任务"; got != want {
		t.Errorf("黑体: %q, want %q", got, want)
	}
	if got, want := kai.String(), "（一）工作目标。（二）基本原则。（三）组织保障。（四）"; got != want {
		t.Errorf("楷体: %q, want %q", got, want)
	}
	if !strings.Contains(fang.String(), "做好应急预案的落实工作。") {
		t.Errorf("仿宋: %q lacks the heading-like statement of a statement set", fang.String())
	}
}

// TestQuotesTakeFullCells: “ ” ‘ ’ take a whole cell in every face — in a 楷体 heading as in
// 仿宋 body text — the opening mark drawn flush right in its cell, the closing one flush left.
func TestQuotesTakeFullCells(t *testing.T) {
	d := sampleDoc(0)
	d.Body = []string{
		"一、落实“三个一”要求",
		"（一）开展“放心消费”和‘诚信’行动。推进“一网通办”改革。",
		"1.实施“双随机”抽查。各地要按照“一业一册”的要求执行。",
		"（1）建立“红黑榜”制度。",
	}
	fs := DefaultFonts()
	checked := map[FontID]int{}
	for _, p := range typeset(t, d) {
		for _, tx := range p.Texts {
			rs := []rune(tx.S)
			f, err := fs.Face(tx.Font)
			if err != nil {
				t.Fatal(err)
			}
			for i, r := range rs {
				a, ok := fullCell[r]
				if !ok || i == 0 || i+1 >= len(rs) || a == alignCentre {
					continue
				}
				// the cell: from the end of the previous character's cell to the start of the next
				nat := Length(float64(f.Advance(r, tx.Size)))
				cellL := tx.X[i]
				cellR := tx.X[i+1]
				if a == alignRight {
					// the ink ends at the cell's right edge
					cellL = tx.X[i-1] + Length(float64(f.Advance(rs[i-1], tx.Size))*float64(CharPitch)/float64(Hao(3)))
					if end := tx.X[i] + nat; !near(end, cellR, 300*um) {
						t.Errorf("%s %q: opening %c ends at %d, the next character starts at %d", tx.Font, tx.S, r, end, cellR)
					}
				} else if !near(tx.X[i], tx.X[i-1]+Length(float64(f.Advance(rs[i-1], tx.Size))*float64(CharPitch)/float64(Hao(3))), 300*um) {
					t.Errorf("%s %q: closing %c not flush left in its cell", tx.Font, tx.S, r)
				}
				if w := cellR - cellL; a == alignRight && w < CharPitch-300*um {
					t.Errorf("%s %q: %c takes %d, less than a cell %d", tx.Font, tx.S, r, w, CharPitch)
				}
				if a == alignLeft && cellR-tx.X[i] < CharPitch-300*um {
					t.Errorf("%s %q: %c takes %d, less than a cell %d", tx.Font, tx.S, r, cellR-tx.X[i], CharPitch)
				}
				checked[tx.Font]++
			}
		}
	}
	if checked["kai"] < 4 || checked["hei"] < 2 || checked["fangsong"] < 4 {
		t.Errorf("quotes checked per face: %v", checked)
	}
}

// TestDashPairTakesTwoCells: a 破折号 in a 黑体 heading (whose dash is 0.9 em) takes two cells,
// its two dashes joined, as in the 仿宋 body.
func TestDashPairTakesTwoCells(t *testing.T) {
	d := sampleDoc(0)
	d.Body = []string{"一、总体要求——坚持统筹推进", "各地要坚持统筹推进——分类施策，确保各项措施落实到位。"}
	fs := DefaultFonts()
	checked := 0
	for _, p := range typeset(t, d) {
		for _, tx := range p.Texts {
			rs := []rune(tx.S)
			f, err := fs.Face(tx.Font)
			if err != nil {
				t.Fatal(err)
			}
			for i := 1; i+2 < len(rs); i++ {
				if rs[i] != '—' || rs[i+1] != '—' {
					continue
				}
				checked++
				nat := f.Advance('—', tx.Size)
				if end := tx.X[i] + nat; !near(end, tx.X[i+1], 100*um) {
					t.Errorf("%s %q: the first dash ends at %d, the second starts at %d", tx.Font, tx.S, end, tx.X[i+1])
				}
				// from the character before to the one after: the dashes take two cells
				prev := tx.X[i-1] + Length(float64(f.Advance(rs[i-1], tx.Size))*float64(CharPitch)/float64(Hao(3)))
				if w := tx.X[i+2] - prev; w < 2*CharPitch-300*um {
					t.Errorf("%s %q: the dashes take %d, less than two cells %d", tx.Font, tx.S, w, 2*CharPitch)
				}
			}
		}
	}
	if checked != 2 {
		t.Errorf("checked %d dash pairs, want 2", checked)
	}
}
