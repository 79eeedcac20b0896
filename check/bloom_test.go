package check

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestRuneBloom: the prefilter's rune set never says a substring of the text is absent (that
// would silence a rule), says so for most runes the text lacks, and a nil set lets all pass.
func TestRuneBloom(t *testing.T) {
	for _, text := range []string{
		"",
		"截止26年6月30日，全市已完成河道清淤１２３公里，约占计划的10～20%。",
		"根据《国家行政机关公文处理办法》和GB/T 9704-1999的要求，现将上半年工作报告如下。",
		strings.Repeat("各区县人民政府要严格落实森林防火行政首长负责制，", 40),
	} {
		b := newRuneBloom(text)
		rs := []rune(text)
		for i := range rs {
			for j := i + 1; j <= len(rs) && j <= i+4; j++ {
				if q := string(rs[i:j]); !b.mayContain(q) {
					t.Fatalf("%q: says %q is absent", text, q)
				}
			}
		}
		if utf8.RuneCountInString(text) > 200 {
			continue
		}
		absent, rejected := 0, 0
		for r := rune(0x4E00); r < 0x4E00+2000; r++ {
			if !strings.ContainsRune(text, r) {
				absent++
				if !b.mayContain(string(r)) {
					rejected++
				}
			}
		}
		if rejected*10 < absent*8 {
			t.Errorf("%q: rejects only %d of %d absent runes", text, rejected, absent)
		}
	}
	var none *runeBloom
	if !none.mayContain("任何") {
		t.Error("a nil set rejects")
	}
}
