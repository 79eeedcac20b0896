package app

import (
	"testing"

	"gongwen/document"
)

// FuzzFieldText: whatever is typed into a form field, storing it and showing it again never
// panics, and a second round trip changes nothing (the form shows what the draft holds).
func FuzzFieldText(f *testing.F) {
	seeds := []struct{ path, text string }{
		{"body", "一、甲\n\n（一）乙\r\n"},
		{"rectification", "问题｜内容｜目标｜措施｜2024年6月30日｜办公室\n只有问题\n|||||||"},
		{"attachments", "附件一\n段落\n\n\n附件二\n"},
		{"issuers", "甲市人民政府\n  \n乙市人民政府"},
		{"title", "关于……的请示"},
		{"sign_off", "seal"},
		{"recipients_in_banji", "true"},
	}
	for _, s := range seeds {
		f.Add(s.path, s.text)
	}
	f.Fuzz(func(t *testing.T, path, text string) {
		doc := &document.Document{}
		if !SetFieldText(doc, path, text) {
			return
		}
		shown := FieldText(doc, path)
		SetFieldText(doc, path, shown)
		if again := FieldText(doc, path); again != shown {
			t.Fatalf("%s: %q shows as %q, then as %q", path, text, shown, again)
		}
	})
}

// FuzzReplaceRunes: applying a fix at any place never panics, and a refused fix leaves the
// text as it was.
func FuzzReplaceRunes(f *testing.F) {
	f.Add("江政[2024]05号", 2, 6, "[2024]", "〔2024〕")
	f.Add("abc", 3, 0, "", "。")
	f.Add("", -1, 2, "x", "y")
	f.Fuzz(func(t *testing.T, s string, off, n int, want, repl string) {
		out, err := replaceRunes(s, off, n, want, repl)
		if err != nil && out != s {
			t.Fatalf("refused fix changed the text: %q → %q", s, out)
		}
	})
}
