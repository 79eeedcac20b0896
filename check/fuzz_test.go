package check

import (
	"strings"
	"testing"
	"unicode/utf8"

	"gongwen/document"
)

func init() { panicOnRuleBug = true }

// checkInvariants: every finding is well formed and addresses its text.
func checkInvariants(t *testing.T, d *document.Document, fs []Finding) {
	t.Helper()
	for _, f := range fs {
		if !RuleExists(f.Rule) || f.Message == "" || f.Clause == "" {
			t.Fatalf("malformed finding %+v", f)
		}
		if f.Offset < 0 || f.Length < 0 || !utf8.ValidString(f.Text) && f.Length > 0 && f.Path == "" {
			t.Fatalf("bad place %+v", f)
		}
		if f.Path != "" && f.Length > 0 {
			if v := valueAt(d, f.Path); v != "" && runeSlice(v, f.Offset, f.Length) != f.Text {
				t.Fatalf("%s: offset %d length %d do not address %q in %q", f.Rule, f.Offset, f.Length, f.Text, v)
			}
		}
	}
}

// FuzzRun checks arbitrary element text: no panic, well-formed findings.
func FuzzRun(f *testing.F) {
	seeds := [][]string{
		{"国务院关于同意某事的批复", "国函[2024]第05号", "某省人民政府", "你省《关于某事的请示》收悉。\n一、同意。\n（一）、某事\n1、某事", "二〇二四年一月五日", "某部", "此件公开发布", "1、名单。"},
		{"关于XX的请示报告。", "", "王市长:", "妥否,请批示...\n\"某\"(某)\n年 月 日", "2024-01-05", "各乡镇", "", "《某》"},
		{"", "〔", "：", "（", "年月日", "。", "(", "1."},
		{"某函", "x〔24〕0号", "a、b：", "特此通知。\n（一）\n（三）\n一.\n3.", "2024年2月30日", "下属单位", "（联系人", "附件3"},
	}
	for _, s := range seeds {
		f.Add(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7])
	}
	f.Fuzz(func(t *testing.T, title, number, recipients, body, date, cc, note, notes string) {
		d := &document.Document{Title: title, Number: number, Recipients: recipients, Body: strings.Split(body, "\n"),
			Date: date, PrintDate: date, CC: cc, Note: note, AttachmentNotes: strings.Split(notes, "\n"),
			CopyNumber: number, Signers: []string{recipients}, Classification: cc, ClassificationTerm: note,
			Attachments: []document.Attachment{{Title: notes, Label: note, Body: strings.Split(body, "。")}}}
		for _, dir := range []document.Direction{"", document.DirectionUp} {
			d.Direction = dir
			fs := Run(d, nil, Options{})
			checkInvariants(t, d, fs)
			FixAll(d, fs)
			checkInvariants(t, d, Run(d, nil, Options{}))
		}
	})
}

// FuzzImportRun checks plain text through the importer and every rule, with the raw text.
func FuzzImportRun(f *testing.F) {
	f.Add([]byte("关于某事的请示\n某政〔2024〕5号\n某市人民政府:\n一、某事,某事.\n附件：1、名单\n某县人民政府\n2024年01月05日\n（联系人：张三）\n"))
	f.Add([]byte("标题\n\n附件:\n附件1：\n标题\n正文"))
	f.Add([]byte("\xff\xfe关\x00于"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		d, err := document.ImportText("fuzz.txt", data, templateGenres)
		if err != nil {
			return
		}
		checkInvariants(t, d, Run(d, nil, Options{Raw: data}))
	})
}

// FuzzParseDate checks the date reader: no panic, and a fix it proposes reads back as a valid,
// conforming date.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2024年1月5日", "二〇二四年元月五日", "2024-01-05", "24年1月", "2024年13月40日", "年月日", "２０２４年１月５日印发", "○"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p := parseDateField(s)
		off, n := dateSpan(s)
		if off < 0 || n < 0 || off+n > utf8.RuneCountInString(s) {
			t.Fatalf("dateSpan(%q) = %d, %d", s, off, n)
		}
		if p.ok && p.valid() {
			q := parseDateField(p.String())
			if !q.ok || !q.full || q.padded || q.chinese || q.numeric || q.y != p.y || q.m != p.m || q.d != p.d {
				t.Fatalf("fix %q of %q reads back as %+v", p.String(), s, q)
			}
		}
	})
}

// FuzzParseNumber checks the 发文字号 reader.
func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"国办发〔2024〕5号", "国办发[2024]第05号", "〔〕号", "x（24）1", "第1号"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, ok := parseNumber(s)
		if ok && p.code+p.open+p.year+p.close+p.di+p.serial+p.hao == "" && s != "" && strings.TrimSpace(s) != "" {
			t.Fatalf("empty parts for %q", s)
		}
		d := &document.Document{Number: s}
		checkInvariants(t, d, Run(d, nil, Options{Only: []string{"number-brackets", "number-di", "number-leading-zero", "number-year", "number-format"}}))
	})
}
