package layout

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"gongwen/document"
)

// FuzzTypeset feeds arbitrary text to every element: typesetting never panics, and every
// character of the body is printed (as itself or as 〓), or the document is refused with a
// FitError that names what does not fit.
func FuzzTypeset(f *testing.F) {
	f.Add("某某市人民政府", "文件", "某政发〔2024〕5号", "关于做好某项工作的通知", "各区县：", "一、总体要求。正文内容，2024年。", "2024年1月5日", "抄送单位。", uint8(0))
	f.Add("", "", "", "", "", "", "", "", uint8(255))
	f.Add("甲\n乙", "令", "〔〕号", "\n\n\n", "：：：：", "（（（（））））……——", "日期", "", uint8(7))
	f.Add(strings.Repeat("很长的机关名称", 20), "纪要", "x", strings.Repeat("长标题", 60), strings.Repeat("主送", 200), strings.Repeat("正文", 900), "x", strings.Repeat("抄送，", 100), uint8(3))
	f.Fuzz(func(t *testing.T, issuer, suffix, number, title, recipients, body, date, cc string, mode uint8) {
		for _, s := range []string{issuer, suffix, number, title, recipients, body, date, cc} {
			if !utf8.ValidString(s) || len(s) > 4000 {
				return
			}
		}
		formats := []document.Format{document.FormatFile, document.FormatLetter, document.FormatOrder, document.FormatMinutes}
		signoffs := []document.SignOff{document.SignOffSeal, document.SignOffNoSeal, document.SignOffSignature, document.SignOffNone, ""}
		d := &document.Document{
			Format:     formats[int(mode)%4],
			Direction:  document.DirectionDown,
			Issuers:    []document.Issuer{{Name: issuer}},
			MarkSuffix: suffix,
			Number:     number,
			Title:      title,
			Recipients: recipients,
			Body:       []string{body, body},
			SignOff:    signoffs[int(mode/4)%5],
			Date:       date,
			CC:         cc,
			Printer:    issuer,
			PrintDate:  date,
			Present:    cc,
			Note:       date,
		}
		if mode&0x20 != 0 {
			d.Direction = document.DirectionUp
			d.Signers = []string{issuer, date, cc}
			d.Issuers = append(d.Issuers, document.Issuer{Name: title})
		}
		if mode&0x40 != 0 {
			d.AttachmentNotes = []string{title, body}
			d.Attachments = []document.Attachment{{Title: title, Body: []string{body},
				Table: &document.Table{Header: []string{issuer, number}, Rows: [][]string{{body, cc, date}}}}}
		}
		pages, err := Typeset(d, Options{Explain: mode&0x80 != 0})
		var fit *FitError
		if errors.As(err, &fit) {
			// a refusal that names what does not fit (a 版记 longer than a page, a title
			// that leaves page 1 no room …): the one allowed answer besides pages
			if !strings.Contains(err.Error(), "GB/T 9704") && !strings.Contains(err.Error(), "一页排不下") {
				t.Fatalf("a refusal without the standard's clause or what to do: %v", err)
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		if len(pages) == 0 {
			t.Fatal("no pages")
		}
		var got strings.Builder
		for _, p := range pages {
			for _, tx := range p.Texts {
				if utf8.RuneCountInString(tx.S) != len(tx.X) {
					t.Fatalf("text %q has %d positions", tx.S, len(tx.X))
				}
				if tx.Element == ElemBody || tx.Element == ElemHeading1 || tx.Element == ElemHeading2 {
					got.WriteString(tx.S)
				}
			}
		}
		visible := 0
		for _, r := range body {
			if !Invisible(r) {
				visible++
			}
		}
		want := 2 * visible
		if len(d.Attachments) > 0 {
			want += visible
		}
		if n := utf8.RuneCountInString(got.String()); n != want {
			t.Fatalf("body printed %d characters, want %d", n, want)
		}
	})
}
