package layout

import (
	"strings"
	"testing"

	"gongwen/document"
)

// TestTableColumnsFromContent: a table without declared widths sizes its columns from their
// content, so dates and short phrases stay on one line while the long column wraps.
func TestTableColumnsFromContent(t *testing.T) {
	d := sampleDoc(1)
	tb := &document.Table{Header: []string{"序号", "整改事项", "完成时限", "责任单位"}}
	short := []string{"2024年6月30日", "2024年12月31日", "长期坚持", "某某市应急管理局", "市财政局"}
	for i := 1; i <= 4; i++ {
		tb.Rows = append(tb.Rows, []string{strings.Repeat("1", i%2+1),
			"针对检查发现的安全生产隐患逐项建立台账，明确整改责任人和整改时限，实行销号管理，确保按期整改到位",
			short[i%3], short[3+i%2]})
	}
	d.Attachments = []document.Attachment{{Title: "整改任务清单", Table: tb}}
	pages := typeset(t, d)
	var runs []string
	for _, p := range pages {
		for _, tx := range texts(p, ElemTable) {
			runs = append(runs, tx.S)
		}
	}
	whole := map[string]bool{}
	for _, r := range runs {
		whole[r] = true
	}
	for _, s := range append(short[:4:4], "完成时限", "责任单位") {
		if strings.Contains(strings.Join(runs, "|"), s[:len(s)/2]) && !whole[s] && s != "长期坚持" {
			t.Errorf("%q wrapped: table lines %q", s, runs)
		}
	}
	if !whole["2024年6月30日"] || !whole["某某市应急管理局"] {
		t.Errorf("short cells not whole on one line: %q", runs)
	}
	// the long column wraps over a few lines, not a dozen
	long := 0
	for _, r := range runs {
		if strings.Contains("针对检查发现的安全生产隐患逐项建立台账，明确整改责任人和整改时限，实行销号管理，确保按期整改到位", r) && len([]rune(r)) > 1 {
			long++
		}
	}
	if long == 0 || long > 4*4 {
		t.Errorf("long cells set in %d lines over 4 rows", long)
	}
}
