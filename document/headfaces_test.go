package document

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// spanText renders the face spans of ps as "level:text" items, for table tests.
func spanText(ps []string, faces [][]FaceSpan) []string {
	var out []string
	for i, fs := range faces {
		rs := []rune(ps[i])
		for _, f := range fs {
			out = append(out, fmt.Sprintf("%d:%s", f.Level, string(rs[f.Start:f.End])))
		}
	}
	return out
}

func TestHeadingFaces(t *testing.T) {
	tests := []struct {
		name string
		ps   []string
		want []string
	}{
		{"headings and a run-in sibling",
			[]string{"一、总体要求", "（一）工作目标。到2025年，基本建成……", "（二）基本原则。坚持统筹推进。（三）组织保障。各地要加强领导。"},
			[]string{"1:一、总体要求", "2:（一）工作目标。", "2:（二）基本原则。", "2:（三）组织保障。"}},
		{"run-in heading after the level-1 sentence",
			[]string{"三、主要活动。（一）开展宣传咨询日活动。6月16日在市民广场举办。", "（二）组织专题培训。邀请专家授课。"},
			[]string{"1:三、主要活动。", "2:（一）开展宣传咨询日活动。", "2:（二）组织专题培训。"}},
		{"a statement among heading siblings: its marker only",
			[]string{"（一）加强政府的责任。各有关省人民政府应把援藏办学列入议事日程。", "（二）加强工作的领导。建立制度，理顺关系。", "（三）各有关省（市）教育主管部门要明确一位负责同志分管此项工作。"},
			[]string{"2:（一）加强政府的责任。", "2:（二）加强工作的领导。", "2:（三）"}},
		{"statements in the majority: all siblings in the body face",
			[]string{"（一）各地区、各有关部门应按照有关文件的精神，结合本地区实际，尽快制定实施方案并抓紧组织实施。", "（二）做好应急预案的落实工作。要尽快制定或完善应急预案。", "（三）加强对工程抗震设防工作的管理，尽快将其纳入法制化轨道，各有关部门要切实做好有关工作。"},
			nil},
		{"numbered sentences at level 1",
			[]string{"一、同意撤销某某村建制，设置某某社区；同意撤销某某镇建制。", "二、调整后的行政区划由你县负责公布，请认真做好有关工作。"},
			nil},
		{"a new parent starts new siblings",
			[]string{"一、逐年扩招", "（一）扩大内地西藏初中班（校）招生规模，以1995年实招人数为基数，从1996年开始逐年扩招，分3年落实。", "二、加强领导", "（一）加强政府的责任。", "（二）加强工作的领导。"},
			[]string{"1:一、逐年扩招", "1:二、加强领导", "2:（一）加强政府的责任。", "2:（二）加强工作的领导。"}},
		{"levels 3 and 4 keep the body face",
			[]string{"1.工作目标。到2025年完成。", "（1）主要任务。"},
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := spanText(tt.ps, HeadingFaces(tt.ps))
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("HeadingFaces:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestHeadingFacesSiblingsAgree: on the real documents, the markers of one level under one
// parent are all in a heading face or all in the body face.
func TestHeadingFacesSiblingsAgree(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", "docs", "*.txt"))
	own, _ := filepath.Glob(filepath.Join("testdata", "realdocs", "*.txt"))
	if len(files) == 0 && os.Getenv("CI") == "true" {
		t.Fatal("../shared/corpus/docs is absent; CI=true requires it")
	}
	files = append(files, own...)
	if len(files) == 0 {
		t.Skip("no real documents")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var ps []string
		for _, l := range strings.Split(string(b), "\n") {
			if l = strings.TrimSpace(l); l != "" {
				ps = append(ps, l)
			}
		}
		faces := HeadingFaces(ps)
		// every level-1/2 marker at a paragraph's start: in a face or not, per parent
		type key struct{ parent, level int }
		seen := map[key]bool{}
		parent := 0
		for i, p := range ps {
			h := ParseHeadingMarker(p)
			if h.Level == 0 || h.Level > 2 {
				continue
			}
			if h.Level == 1 {
				parent = i
			}
			if h.Number == 1 {
				delete(seen, key{parent, h.Level})
			}
			inFace := len(faces[i]) > 0 && faces[i][0].Start == 0
			k := key{parent, h.Level}
			if was, ok := seen[k]; ok && was != inFace {
				t.Errorf("%s: %q in a heading face %v, its earlier siblings %v", filepath.Base(f), p[:min(len(p), 60)], inFace, was)
			}
			seen[k] = inFace
		}
	}
}

// TestHeadingFacesSameAsRuneSlices: HeadingFaces, which reads each paragraph in place, gives
// what the version that copied every paragraph and sentence into rune slices gave
// (headingFacesRef), on the real documents, the examples' bodies and generated paragraphs
// with markers, run-in headings, blanks and invalid UTF-8.
func TestHeadingFacesSameAsRuneSlices(t *testing.T) {
	var sets [][]string
	files, _ := filepath.Glob(filepath.Join("testdata", "realdocs", "*.txt"))
	corpus, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", "docs", "*.txt"))
	for _, f := range append(files, corpus...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sets = append(sets, strings.Split(string(b), "\n"))
	}
	pieces := []string{"一、", "二、", "三、", "（一）", "（二）", "（三）", "1.", "2.", "（1）", "总体要求", "主要任务。",
		"加强组织领导，", "：", "。", "　", " ", "\t", "\xff", "\xe4\xb8", "工作", "各地区各部门要认真贯彻落实。", "（四）", "十、"}
	seed := uint32(1)
	rnd := func(n int) int { seed = seed*1664525 + 1013904223; return int(seed>>8) % n }
	for range 400 {
		var ps []string
		for range 1 + rnd(6) {
			var b strings.Builder
			for range rnd(12) {
				b.WriteString(pieces[rnd(len(pieces))])
			}
			ps = append(ps, b.String())
		}
		sets = append(sets, ps)
	}
	spans := 0
	for i, ps := range sets {
		got, want := HeadingFaces(ps), headingFacesRef(ps)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("set %d: HeadingFaces = %v, the rune-slice version %v\n%q", i, got, want, ps)
		}
		for _, f := range got {
			spans += len(f)
		}
	}
	if spans < 200 {
		t.Errorf("only %d face spans in %d sets: the comparison tests little", spans, len(sets))
	}
}

// headingFacesRef is HeadingFaces as it was before it read paragraphs in place (rune slices).
func headingFacesRef(ps []string) [][]FaceSpan {
	type occ struct {
		para, level, number int
		start, markEnd, end int
		heading             bool
		group               int
	}
	var occs []occ
	for i, p := range ps {
		rs := []rune(p)
		lead := 0
		for lead < len(rs) && (rs[lead] == ' ' || rs[lead] == '\u3000' || rs[lead] == '\t') {
			lead++
		}
		add := func(at int, h Heading) {
			ms := utf8.RuneCountInString(h.Marker)
			end := min(at+h.SentenceEnd, len(rs))
			occs = append(occs, occ{para: i, level: h.Level, number: h.Number, start: at, markEnd: at + ms,
				end: end, heading: IsHeadingSentence(string(rs[min(at+ms, end):end]))})
		}
		level, number := 0, 0
		if h := ParseHeadingMarker(string(rs[lead:])); h.Level > 0 {
			add(lead, h)
			level, number = h.Level, h.Number
		}
		for k := lead + 1; k < len(rs); k++ {
			if rs[k-1] != '。' && rs[k-1] != '：' {
				continue
			}
			h := ParseHeadingMarker(string(rs[k:]))
			// a lower level, or the next sibling run in (（二）……。（三）……)
			if h.Level == 0 || h.Level < level || (h.Level == level && h.Number != number+1) {
				continue
			}
			if h.Level == level {
				number++
			}
			add(k, h)
			k += h.SentenceEnd - 1
		}
	}
	// siblings: the current group of each level
	cur := [5]int{-1, -1, -1, -1, -1}
	groups := 0
	for i := range occs {
		o := &occs[i]
		for l := o.level + 1; l < len(cur); l++ {
			cur[l] = -1
		}
		if cur[o.level] < 0 || o.number == 1 {
			cur[o.level] = groups
			groups++
		}
		o.group = cur[o.level]
	}
	total, heads := make([]int, groups), make([]int, groups)
	for _, o := range occs {
		total[o.group]++
		if o.heading {
			heads[o.group]++
		}
	}
	out := make([][]FaceSpan, len(ps))
	for _, o := range occs {
		if o.level > 2 || 2*heads[o.group] < total[o.group] {
			continue
		}
		end := o.end
		if !o.heading {
			end = o.markEnd
		}
		out[o.para] = append(out[o.para], FaceSpan{Level: o.level, Start: o.start, End: end})
	}
	return out
}
