package check

import (
	"sort"

	"gongwen/document"
)

// ApplyFixes applies the mechanical fixes among fs (see Mechanical) to doc's element values,
// by path, rune offset and length, and returns how many it applied. A fix whose text no longer
// stands at its place (the document changed since the check) is skipped, as are fixes of text
// outside the values (raw-text findings). Run the check again afterwards: a fix can reveal
// another.
func ApplyFixes(doc *document.Document, fs []Finding) int {
	if doc == nil {
		return 0
	}
	byPath := map[string][]Finding{}
	for _, f := range fs {
		if f.HasFix && Mechanical(f.Rule) && f.Path != "" && f.Length > 0 {
			byPath[f.Path] = append(byPath[f.Path], f)
		}
	}
	n := 0
	for path, list := range byPath {
		p := doc.Field(path)
		if p == nil {
			continue
		}
		// from the end, so that earlier offsets stay valid; overlapping fixes: the first wins
		sort.SliceStable(list, func(i, j int) bool { return list[i].Offset > list[j].Offset })
		rs := []rune(*p)
		limit := len(rs) + 1
		for _, f := range list {
			end := f.Offset + f.Length
			if end > len(rs) || end > limit || string(rs[f.Offset:end]) != f.Text {
				continue
			}
			rs = append(rs[:f.Offset], append([]rune(f.Fix), rs[end:]...)...)
			limit = f.Offset
			n++
		}
		*p = string(rs)
	}
	return n
}
