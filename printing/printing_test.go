package printing

import (
	"reflect"
	"testing"
)

func TestParseRanges(t *testing.T) {
	for _, c := range []struct {
		in   string
		n    int
		want []Range
		err  bool
	}{
		{"", 6, nil, false},
		{"  ", 6, nil, false},
		{"3", 6, []Range{{3, 3}}, false},
		{"1-3,5", 6, []Range{{1, 3}, {5, 5}}, false},
		{"５，２－３", 6, []Range{{2, 3}, {5, 5}}, false},
		{"2至4", 6, []Range{{2, 4}}, false},
		{"4-", 6, []Range{{4, 6}}, false},
		{"-2", 6, []Range{{1, 2}}, false},
		{"2-3,3-5", 6, []Range{{2, 5}}, false},
		{"5,1-2,3", 6, []Range{{1, 3}, {5, 5}}, false},
		{"1,,2", 6, []Range{{1, 2}}, false},
		{"0", 6, nil, true},
		{"7", 6, nil, true},
		{"3-2", 6, nil, true},
		{"a", 6, nil, true},
		{"1-x", 6, nil, true},
	} {
		got, err := ParseRanges(c.in, c.n)
		if (err != nil) != c.err {
			t.Errorf("ParseRanges(%q, %d) error = %v, want error %v", c.in, c.n, err, c.err)
			continue
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("ParseRanges(%q, %d) = %v, want %v", c.in, c.n, got, c.want)
		}
	}
}

func TestFormatRangesAndPageList(t *testing.T) {
	for _, c := range []struct {
		rs    []Range
		pages int
		cups  string
		list  []int
	}{
		{nil, 3, "", []int{0, 1, 2}},
		{[]Range{{2, 2}}, 3, "2", []int{1}},
		{[]Range{{1, 2}, {4, 6}}, 6, "1-2,4-6", []int{0, 1, 3, 4, 5}},
	} {
		if got := FormatRanges(c.rs); got != c.cups {
			t.Errorf("FormatRanges(%v) = %q, want %q", c.rs, got, c.cups)
		}
		j := Job{Ranges: c.rs, Pages: c.pages}
		if got := j.PageList(); !reflect.DeepEqual(got, c.list) {
			t.Errorf("PageList(%v) = %v, want %v", c.rs, got, c.list)
		}
	}
}
