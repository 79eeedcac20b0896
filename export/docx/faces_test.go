package docx

import (
	"strings"
	"testing"
)

// TestRunInHeadingFaces: the DOCX sets the heading stretches the PDF sets (document.HeadingFaces):
// run-in headings of levels 1 and 2 in 黑体 and 楷体, siblings in one face, a numbered statement
// among heading siblings with its marker only in the heading face, the rest in 仿宋.
func TestRunInHeadingFaces(t *testing.T) {
	d := sampleDocs()["tongzhi"]
	d.Body = []string{
		"一、总体要求。到2025年，基本建成统一规范的工作体系。（一）工作目标。明确任务分工。",
		"（二）基本原则。坚持统筹推进。（三）组织保障。各地要加强领导。",
		"（四）各有关部门要明确一位负责同志分管此项工作，及时协调解决工作中的问题。",
		"二、主要任务",
		"（一）各地区、各有关部门应按照有关文件的精神，结合本地区实际，尽快制定实施方案并抓紧组织实施。",
		"（二）做好应急预案的落实工作。要尽快制定或完善应急预案。",
		"（三）加强对工程抗震设防工作的管理，尽快将其纳入法制化轨道，各有关部门要切实做好有关工作。",
	}
	ps := parts(t, d, Options{})
	doc := parse(t, "document.xml", ps["word/document.xml"])
	faces := map[string]*strings.Builder{}
	for _, p := range doc.all("p") {
		ppr, _ := p.child("pPr")
		st, _ := ppr.child("pStyle")
		if v := st.attr("val"); v != "GwBody" && !strings.HasPrefix(v, "GwH") {
			continue
		}
		for _, r := range p.all("r") {
			rpr, _ := r.child("rPr")
			f, _ := rpr.child("rFonts")
			name := f.attr("eastAsia")
			if faces[name] == nil {
				faces[name] = &strings.Builder{}
			}
			faces[name].WriteString(r.text())
		}
	}
	want := map[string]string{
		"黑体":        "一、总体要求。二、主要任务",
		"楷体_GB2312": "（一）工作目标。（二）基本原则。（三）组织保障。（四）",
	}
	for name, w := range want {
		got := ""
		if faces[name] != nil {
			got = faces[name].String()
		}
		if got != w {
			t.Errorf("%s runs hold %q, want %q", name, got, w)
		}
	}
	if f := faces["仿宋_GB2312"]; f == nil || !strings.Contains(f.String(), "做好应急预案的落实工作。") ||
		!strings.Contains(f.String(), "明确任务分工。") {
		t.Errorf("仿宋 runs miss the statements' siblings and the text after the headings")
	}
}
