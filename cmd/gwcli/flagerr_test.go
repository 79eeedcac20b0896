package main

import (
	"strings"
	"testing"
)

// TestFlagErrorsInChinese: a wrong option on any command is one Chinese line (with the English
// in brackets) and exit status 2, not the flag package's English message.
func TestFlagErrorsInChinese(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"number", "take", "--code", "某政", "--year", "abc"}, "gwcli number take: 选项 --year 的值“abc”无效"},
		{[]string{"export", "--dpi", "abc", "x.yaml"}, "选项 --dpi 的值“abc”无效"},
		{[]string{"export", "--nosuch", "x.yaml"}, "没有选项 --nosuch"},
		{[]string{"export", "x.yaml", "-o"}, "选项 --o 缺少值"},
		{[]string{"exercise", "make", "--n", "x", "a.yaml"}, "gwcli exercise make: 选项 --n 的值“x”无效"},
		{[]string{"library", "list", "--limit", "x"}, "没有选项 --limit"},
		{[]string{"profiles", "list", "--bogus"}, "没有选项 --bogus"},
	}
	for _, tc := range tests {
		_, stderr, code := runCLI(tc.args...)
		first, _, _ := strings.Cut(stderr, "\n")
		if code != 2 || !strings.Contains(first, tc.want) {
			t.Errorf("%v: exit %d, first line %q; want exit 2 and %q", tc.args, code, first, tc.want)
		}
		if strings.Contains(stderr, "flag provided") || strings.Contains(stderr, "for flag -") || strings.Contains(stderr, "needs an argument") {
			t.Errorf("%v: English flag message left: %q", tc.args, stderr)
		}
	}
}
