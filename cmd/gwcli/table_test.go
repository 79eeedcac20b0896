package main

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// TestTableAlignsChinese: columns start at the same terminal column whether the cells before
// them are Chinese (two columns a character) or ASCII.
func TestTableAlignsChinese(t *testing.T) {
	var b bytes.Buffer
	tw := newTable(&b)
	fmt.Fprintln(tw, "文件 (file)\t页数\t结果")
	fmt.Fprintln(tw, "关于做好冬季供暖工作的通知.txt\t4\t已导出")
	fmt.Fprintln(tw, "a.yaml\t12\t“失败”")
	tw.Flush()
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("%q", b.String())
	}
	col := func(line, cell string) int {
		i := strings.Index(line, cell)
		return cellWidth.StringWidth(line[:i])
	}
	want := col(lines[1], "4")
	if c := col(lines[0], "页数"); c != want {
		t.Errorf("header column 2 at %d, row at %d:\n%s", c, want, b.String())
	}
	if c := col(lines[2], "12"); c != want {
		t.Errorf("ascii row column 2 at %d, want %d:\n%s", c, want, b.String())
	}
	if a, b2 := col(lines[0], "结果"), col(lines[2], "“失败”"); a != b2 {
		t.Errorf("column 3 at %d and %d", a, b2)
	}
	if want != cellWidth.StringWidth("关于做好冬季供暖工作的通知.txt")+2 {
		t.Errorf("padding: column 2 at %d", want)
	}
}

// TestCellWidth: the terminal columns of the characters gwcli's tables hold.
func TestCellWidth(t *testing.T) {
	for _, c := range []struct {
		s    string
		want int
	}{
		{"", 0},
		{"a.yaml", 6},
		{"请示", 4},
		{"，。、；：（）", 14}, // fullwidth punctuation
		{"“失败”", 6},     // ambiguous quotes: one column each
		{"〔2024〕", 8},   // 〔 〕 are wide
		{"ｱ", 1},        // halfwidth katakana
		{"e\u0301", 1},  // a combining accent takes no column
		{"a\u200bb", 2}, // zero-width space
		{"\t\x7f", 0},   // control characters
		{"😀", 2},
		{"Ａ１", 4}, // fullwidth Latin and digits
	} {
		if got := cellWidth.StringWidth(c.s); got != c.want {
			t.Errorf("StringWidth(%q) = %d, want %d", c.s, got, c.want)
		}
	}
}
