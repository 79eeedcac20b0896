package docx

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"gongwen/document"
)

// longDoc is a 通知 of well over a hundred pages (the layout hands its pages over in windows):
// headings, 附件说明, two seals (placeholders), a 附注, an attachment with a body and one with a
// table of 300 rows over many pages (a header repeated on each, empty cells), and a 版记.
func longDoc() *document.Document {
	d := sampleDocs()["tongzhi"]
	for range 6 {
		d.Body = append(d.Body, d.Body...)
	}
	d.Issuers = []document.Issuer{{Name: "国务院办公厅"}, {Name: "国家发展改革委"}}
	d.SignOff = document.SignOffSeal
	var rows [][]string
	for i := range 300 {
		row := []string{fmt.Sprint(i + 1), strings.Repeat("播种面积", 1+i%4), "农业农村部"}
		if i%7 == 3 {
			row[2] = ""
		}
		rows = append(rows, row)
	}
	d.Attachments[1].Table.Rows = rows
	return d
}

// TestStreamedPlanSameAsWhole: the DOCX written while the layout hands its pages over (the
// writer holds a few pages' records at a time) is the DOCX written from the whole typeset
// result, part for part, and so is its page plan.
func TestStreamedPlanSameAsWhole(t *testing.T) {
	d := longDoc()
	res, err := runLayout(d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Pages) < 100 {
		t.Fatalf("%d pages: the document is too short to be paginated in windows", len(res.Pages))
	}
	var whole, streamed []PlanLine
	a := parts(t, d, Options{Layout: res, Plan: func(l PlanLine) { whole = append(whole, l) }})
	b := parts(t, d, Options{Plan: func(l PlanLine) { streamed = append(streamed, l) }})
	if len(a) != len(b) {
		t.Fatalf("%d parts from the whole result, %d streamed", len(a), len(b))
	}
	for name, s := range a {
		if b[name] != s {
			t.Errorf("%s differs (%d and %d bytes)", name, len(s), len(b[name]))
		}
	}
	if !strings.Contains(a["word/document.xml"], "抄送：") || strings.Count(a["word/document.xml"], "印章位置") != 2 {
		t.Error("the document lacks its 版记 or its two seal placeholders")
	}
	if len(whole) < 1000 || !reflect.DeepEqual(whole, streamed) {
		t.Errorf("page plans differ: %d lines from the whole result, %d streamed", len(whole), len(streamed))
	}
}

// TestStreamedPlanHoldsFewPages: writing a long document, the plan holds the records of a few
// pages at a time, not the document's.
func TestStreamedPlanHoldsFewPages(t *testing.T) {
	d := longDoc()
	b := newBuilder(d, standardFonts, Options{})
	b.plan = streamPlan(layoutSource(d, Options{}))
	b.faces = nil
	if err := b.build(); err != nil {
		t.Fatal(err)
	}
	p := b.plan
	if p.all(); p.err != nil {
		t.Fatal(p.err)
	}
	if p.n < 100 || p.most > 8 {
		t.Errorf("%d pages, up to %d held at once (want at most 8)", p.n, p.most)
	}
}
