package document

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestDecodeAlmostUTF8: a UTF-8 text with a bad byte is read as UTF-8 with the byte reported
// at its line and column (at d3b518c it was decoded whole as GB18030: mojibake, no warning);
// GB18030 is used only when the bytes say so.
func TestDecodeAlmostUTF8(t *testing.T) {
	text := "关于做好安全生产工作的通知\n\n各区人民政府：\n　　为进一步做好安全生产工作，现通知如下。\n\n某某市人民政府\n2024年5月20日\n"
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name  string
		data  string
		title string   // the decoded first line
		warns []string // "line:col" of each warning
	}{
		{"valid UTF-8", text, "关于做好安全生产工作的通知", nil},
		{"one bad byte in line 4", strings.Replace(text, "进一步", "进\xff一步", 1), "关于做好安全生产工作的通知", []string{"4:5"}},
		{"a cut character at the end", text[:len(text)-2], "关于做好安全生产工作的通知", []string{"7:10"}},
		{"two bad places", strings.Replace(strings.Replace(text, "通知\n", "通\x80知\n", 1), "某某", "某\xc3\xc3某", 1), "关于做好安全生产工作的通\ufffd知", []string{"1:13", "6:2"}},
		{"GBK", gbk, "关于做好安全生产工作的通知", nil},
		{"GBK with CRLF", strings.ReplaceAll(gbk, "\n", "\r\n"), "关于做好安全生产工作的通知", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, warns, err := decodeTextReport("f.txt", []byte(c.data))
			if err != nil {
				t.Fatal(err)
			}
			if first := strings.SplitN(got, "\n", 2)[0]; strings.TrimRight(first, "\r") != c.title {
				t.Errorf("first line %q, want %q", first, c.title)
			}
			var at []string
			for _, w := range warns {
				at = append(at, itoaPos(w.Line, w.Col))
			}
			if strings.Join(at, " ") != strings.Join(c.warns, " ") {
				t.Errorf("warnings at %v, want %v (%v)", at, c.warns, warns)
			}
			doc, err := ImportText("f.txt", []byte(c.data), builtinGenres(t))
			if err != nil {
				t.Fatal(err)
			}
			if len(doc.Warnings) != len(c.warns) {
				t.Errorf("ImportText: %d warnings, want %d", len(doc.Warnings), len(c.warns))
			}
		})
	}
	// many bad bytes: 20 listed, the rest summed up
	many := strings.Repeat("正文\xff\n", 30)
	_, warns, _ := decodeTextReport("f.txt", []byte(many))
	if len(warns) != MaxReportedBadBytes+1 || !strings.Contains(warns[len(warns)-1].Msg, "另有 10 处") {
		t.Errorf("%d warnings, last %v", len(warns), warns[len(warns)-1])
	}
}

func itoaPos(l, c int) string {
	return strings.TrimSpace(strings.Join([]string{itoa(l), itoa(c)}, ":"))
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
