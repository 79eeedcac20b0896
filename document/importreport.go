package document

import (
	"fmt"
	"strings"
)

// ImportReport is what an import says in a few lines, for the app's summary after opening a
// .txt or .docx (gwcli import prints the same warnings with the file's name): each warning of
// the reader at its line (an issuer inferred and from what, a number or date normalised, a
// retired 主题词 left out, bytes that were not UTF-8), then the elements it did not find
// (NotFound). Nil when there is nothing to say.
func ImportReport(doc *Document) []string {
	if doc == nil {
		return nil
	}
	var out []string
	for _, w := range doc.Warnings {
		if w.Line > 0 {
			out = append(out, fmt.Sprintf("第 %d 行 (line %d)：%s", w.Line, w.Line, w.Msg))
		} else {
			out = append(out, w.Msg)
		}
	}
	if miss := NotFound(doc); len(miss) > 0 {
		out = append(out, "未找到 (not found)："+strings.Join(miss, "、"))
	}
	return out
}
