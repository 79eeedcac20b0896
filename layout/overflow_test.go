package layout

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"gongwen/document"
)

// TestNothingCutSilently: a 版记 or a 签发人 block that cannot fit is refused with a message
// naming it; what fits lies inside the 版心 (issue 12: at d3b518c a 抄送 of 110 organs ran off
// the top of the page and 5000 签发人 printed over the page number, silently).
func TestNothingCutSilently(t *testing.T) {
	organs := func(n int) string {
		var b []string
		for i := 0; i < n; i++ {
			b = append(b, fmt.Sprintf("某某市第%d局", i+1))
		}
		return strings.Join(b, "，") + "。"
	}
	signers := func(n int) []string {
		var out []string
		for i := 0; i < n; i++ {
			out = append(out, "张"+cnNum(i%99+1))
		}
		return out
	}
	cases := []struct {
		name    string
		edit    func(d *document.Document)
		wantErr string // "" when it must lay out, inside the 版心
	}{
		{"50 抄送 organs fit a page", func(d *document.Document) { d.CC = organs(50) }, ""},
		{"110 抄送 organs", func(d *document.Document) { d.CC = organs(110) }, "抄送机关"},
		{"500 抄送 organs", func(d *document.Document) { d.CC = organs(500) }, "抄送机关"},
		{"4 签发人", func(d *document.Document) {
			d.Direction = document.DirectionUp
			d.Signers = signers(4)
		}, ""},
		{"5000 签发人", func(d *document.Document) {
			d.Direction = document.DirectionUp
			d.Signers = signers(5000)
		}, "签发人"},
		{"60 签发人", func(d *document.Document) {
			d.Direction = document.DirectionUp
			d.Signers = signers(60)
		}, "签发人"},
		{"100-character title", func(d *document.Document) {
			d.Title = "某某市人民政府关于" + strings.Repeat("进一步加强和改进", 11) + "的通知"
		}, ""},
		{"300-character title", func(d *document.Document) {
			d.Title = "某某市人民政府关于" + strings.Repeat("进一步加强和改进", 36) + "的通知"
		}, "标题"},
		{"主送 of 40 organs", func(d *document.Document) { d.Recipients = organs(40) }, ""},
		{"主送 of 300 organs", func(d *document.Document) { d.Recipients = organs(300) }, "主送机关"},
		{"20 joint issuers in the 版头", func(d *document.Document) { d.Issuers = issuers(20) }, "发文机关标志"},
		{"20 joint issuers, seals", func(d *document.Document) {
			d.Issuers = issuers(20)
			d.SignOff = document.SignOffSeal
		}, "发文机关标志"},
		{"6 joint issuers, seals", func(d *document.Document) {
			d.Issuers = issuers(6)
			d.SignOff = document.SignOffSeal
		}, ""},
		{"6 joint issuers, no seals", func(d *document.Document) {
			d.Issuers = issuers(6)
			d.SignOff = document.SignOffNoSeal
		}, ""},
		{"table cell taller than a page", func(d *document.Document) {
			d.Attachments = []document.Attachment{{Title: "任务清单", Table: &document.Table{
				Header: []string{"序号", "任务", "责任单位"},
				Rows:   [][]string{{"1", strings.Repeat("落实防汛抗旱行政首长负责制，层层压实责任。", 60), "市水务局"}, {"2", "汛前检查", "各区县"}},
			}}}
			d.AttachmentNotes = []string{"任务清单"}
		}, "表格第 1 行"},
		{"200 attachment names", func(d *document.Document) {
			for i := 0; i < 200; i++ {
				d.AttachmentNotes = append(d.AttachmentNotes, fmt.Sprintf("某某市第%d局防汛抗旱工作任务分解表", i+1))
			}
		}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := sampleDoc(3)
			c.edit(d)
			pages, err := Typeset(d, Options{})
			if c.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), c.wantErr) {
					t.Fatalf("err = %v, want one naming %s", err, c.wantErr)
				}
				if !errors.As(err, new(*FitError)) {
					t.Errorf("err = %T, want a *FitError (a refusal, not a failure)", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for i, p := range pages {
				for _, tx := range p.Texts {
					if tx.Element == ElemPageNumber {
						continue
					}
					if tx.Y < MarginTop || tx.Y > MarginTop+BodyHeight {
						t.Errorf("page %d: %s %q at y %.1f mm, outside the 版心", i+1, tx.Element, tx.S, tx.Y.Mm())
					}
				}
				overprint(t, i, p)
			}
			if e := lost(d, pages); e != "" {
				t.Errorf("characters of %s are missing from the pages", e)
			}
		})
	}
}

// issuers are n joint issuing organs (联合行文).
func issuers(n int) []document.Issuer {
	var out []document.Issuer
	for i := 0; i < n; i++ {
		out = append(out, document.Issuer{Name: fmt.Sprintf("某某市第%d局", i+1)})
	}
	return out
}

// overprint reports two texts of page i whose em boxes overlap (text printed over text).
func overprint(t *testing.T, i int, p Page) {
	t.Helper()
	type box struct{ x0, y0, x1, y1 Length }
	var boxes []box
	var texts []Text
	for _, tx := range p.Texts {
		if len(tx.X) == 0 || strings.TrimSpace(tx.S) == "" {
			continue
		}
		rs := []rune(tx.S)
		last := len(tx.X) - 1
		w := tx.X[last] - tx.X[0] + tx.Size
		if rs[last] < 0x2000 {
			w -= tx.Size / 2
		}
		boxes = append(boxes, box{tx.X[0], tx.Y - emAscent(tx.Size), tx.X[0] + w, tx.Y - emAscent(tx.Size) + tx.Size})
		texts = append(texts, tx)
	}
	const slack = 200 // µm: touching boxes are fine
	for a := range boxes {
		for b := a + 1; b < len(boxes); b++ {
			A, B := boxes[a], boxes[b]
			if A.x0 < B.x1-slack && B.x0 < A.x1-slack && A.y0 < B.y1-slack && B.y0 < A.y1-slack {
				t.Errorf("page %d: %s %q overprints %s %q", i+1, texts[a].Element, texts[a].S, texts[b].Element, texts[b].S)
			}
		}
	}
}

// lost returns the element some of whose characters no page prints ("" when none): the
// pages must hold at least as many characters of each element as the document gives it.
func lost(d *document.Document, pages []Page) Element {
	printed := map[Element]int{}
	for _, p := range pages {
		for _, tx := range p.Texts {
			e := tx.Element
			if e == ElemHeading1 || e == ElemHeading2 {
				e = ElemBody
			}
			printed[e] += count(tx.S)
		}
	}
	want := map[Element]int{ElemTitle: count(d.Title), ElemRecipients: count(d.Recipients)}
	for _, is := range d.Issuers {
		if d.SignOff != document.SignOffNone {
			want[ElemIssuerSign] += count(is.Name)
		}
	}
	for _, n := range d.AttachmentNotes {
		want[ElemAttachNotes] += count(n)
	}
	for _, a := range d.Attachments {
		if a.Table != nil {
			for _, r := range a.Table.Rows {
				for _, c := range r {
					want[ElemTable] += count(c)
				}
			}
		}
	}
	for e, n := range want {
		if printed[e] < n {
			return e
		}
	}
	return ""
}

// count counts the characters of s that print (not spaces or line breaks).
func count(s string) int {
	n := 0
	for _, r := range s {
		if r != ' ' && r != '\n' && r != '\u3000' {
			n++
		}
	}
	return n
}
