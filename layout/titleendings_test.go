package layout

import "testing"

// TestGenreTailFromOptions: the words a title ends with after 的 come in Options.TitleEndings
// (the template set's, from the pipeline); layout knows none of its own.
func TestGenreTailFromOptions(t *testing.T) {
	tails := []string{"通知", "复函", "实施方案"}
	for _, tt := range []struct {
		rest  string
		tails []string
		want  bool
	}{
		{"通知", tails, true},
		{"复函", tails, true},
		{"实施方案", tails, true},
		{"方案", tails, false},
		{"通知书", tails, false},
		{"通知", nil, false},
	} {
		if got := isGenreTail([]rune(tt.rest), tt.tails); got != tt.want {
			t.Errorf("isGenreTail(%q, %v) = %v, want %v", tt.rest, tt.tails, got, tt.want)
		}
	}
}
