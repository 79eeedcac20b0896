package library

import (
	"fmt"
	"strings"

	"gongwen/document"
)

// ChangeKind says how an element differs between two versions.
type ChangeKind string

// The kinds of change.
const (
	Added   ChangeKind = "added"   // 新增
	Removed ChangeKind = "removed" // 删除
	Changed ChangeKind = "changed" // 修改
)

// Label is the kind's Chinese name.
func (k ChangeKind) Label() string {
	return map[ChangeKind]string{Added: "新增", Removed: "删除", Changed: "修改"}[k]
}

// Change is one element that differs between two versions.
type Change struct {
	Path    string     `json:"path"`    // the element's document path in the newer version (the older for a removal), e.g. body.3
	Element string     `json:"element"` // its Chinese name, e.g. 正文第 4 段
	Kind    ChangeKind `json:"kind"`
	Old     string     `json:"old,omitempty"`
	New     string     `json:"new,omitempty"`
}

// element is one comparable piece of a document.
type element struct {
	path, name, text string
}

// scalars are the one-text elements, in the order they appear on the page.
var scalars = []struct{ path, name string }{
	{document.PathGenre, "文种"}, {document.PathFormat, "格式"}, {document.PathDirection, "行文方向"},
	{document.PathCopyNumber, "份号"}, {document.PathClassification, "密级"}, {document.PathClassificationTerm, "保密期限"},
	{document.PathUrgency, "紧急程度"}, {document.PathMarkSuffix, "发文机关标志后缀"}, {document.PathMeetingName, "会议名称"},
	{document.PathNumber, "发文字号"}, {document.PathOrderNumber, "令号"}, {document.PathTitle, "标题"},
	{document.PathTitleNote, "题注"}, {document.PathRecipients, "主送机关"},
}

var scalarsAfterBody = []struct{ path, name string }{
	{document.PathAttachmentNotesLabel, "附件说明标签"}, {document.PathSignOff, "署名方式"}, {document.PathDate, "成文日期"},
	{document.PathSignerTitle, "签发人职务"}, {document.PathSignerName, "签发人姓名"}, {document.PathSignatureImage, "签名章"},
	{document.PathNote, "附注"}, {document.PathPresent, "出席"}, {document.PathAbsent, "请假"}, {document.PathAttending, "列席"},
	{document.PathCC, "抄送机关"}, {document.PathPrinter, "印发机关"}, {document.PathPrintDate, "印发日期"},
}

// seqs are a document's list elements: each item is compared as a sequence, so that inserting a
// paragraph shows one addition rather than every later paragraph changed.
func seqs(d *document.Document) []struct {
	path, name string
	items      []string
} {
	var issuers, attachments, rect []string
	for _, is := range d.Issuers {
		issuers = append(issuers, strings.TrimSpace(strings.Join(nonEmpty(is.Name, is.Mark, is.Seal), " | ")))
	}
	for _, a := range d.Attachments {
		t := strings.Join(nonEmpty(a.Label, a.Title), " ")
		if len(a.Body) > 0 {
			t += "\n" + strings.Join(a.Body, "\n")
		}
		if a.Table != nil {
			t += "\n" + strings.Join(a.Table.Header, " | ")
			for _, r := range a.Table.Rows {
				t += "\n" + strings.Join(r, " | ")
			}
		}
		attachments = append(attachments, t)
	}
	for _, r := range d.Rectification {
		rect = append(rect, strings.Join(nonEmpty(r.Problem, r.Content, r.Goal, r.Measures, r.Deadline, r.Owner), " | "))
	}
	return []struct {
		path, name string
		items      []string
	}{
		{"issuers", "发文机关", issuers},
		{"signers", "签发人", d.Signers},
		{"body", "正文", d.Body},
		{"attachment_notes", "附件说明", d.AttachmentNotes},
		{"attachments", "附件", attachments},
		{"rectification", "整改问题", rect},
	}
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

func unitOf(path string) string {
	switch path {
	case "body":
		return "段"
	case "rectification", "attachment_notes", "attachments":
		return "项"
	}
	return "个"
}

// Diff lists the elements that differ from a to b, in page order: one-text elements compared as
// wholes, lists (发文机关, 签发人, 正文段落, 附件说明, 附件, 整改问题) aligned item by item.
func Diff(a, b *document.Document) []Change {
	var out []Change
	cmp := func(path, name string) {
		x, _ := a.Text(path)
		y, _ := b.Text(path)
		switch {
		case x == y:
		case x == "":
			out = append(out, Change{Path: path, Element: name, Kind: Added, New: y})
		case y == "":
			out = append(out, Change{Path: path, Element: name, Kind: Removed, Old: x})
		default:
			out = append(out, Change{Path: path, Element: name, Kind: Changed, Old: x, New: y})
		}
	}
	sa, sb := seqs(a), seqs(b)
	list := func(k int) {
		path, name := sa[k].path, sa[k].name
		for _, c := range alignLists(sa[k].items, sb[k].items) {
			i := c.j
			if c.kind == Removed {
				i = c.i
			}
			ch := Change{Path: fmt.Sprintf("%s.%d", path, i), Kind: c.kind, Old: c.old, New: c.new,
				Element: fmt.Sprintf("%s第 %d %s", name, i+1, unitOf(path))}
			if c.kind == Removed {
				ch.Element = fmt.Sprintf("%s（原第 %d %s）", name, i+1, unitOf(path))
			}
			out = append(out, ch)
		}
	}
	for _, s := range scalars {
		if s.path == document.PathNumber {
			list(0) // 发文机关 before the 发文字号
			list(1) // 签发人 beside it
		}
		cmp(s.path, s.name)
	}
	list(2) // 正文
	list(3) // 附件说明
	for _, s := range scalarsAfterBody {
		cmp(s.path, s.name)
	}
	list(4)
	list(5)
	if a.RecipientsInBanji != b.RecipientsInBanji {
		out = append(out, Change{Path: "recipients_in_banji", Element: "主送机关移至版记", Kind: Changed,
			Old: fmt.Sprint(a.RecipientsInBanji), New: fmt.Sprint(b.RecipientsInBanji)})
	}
	return out
}

type listChange struct {
	kind     ChangeKind
	i, j     int // index in a (removed, changed) and in b (added, changed)
	old, new string
}

// alignLists aligns two lists by their longest common subsequence; an item removed and an item
// added at the same place become one change.
func alignLists(a, b []string) []listChange {
	n, m := len(a), len(b)
	// common prefix and suffix first: the usual edit touches a few paragraphs in a long text
	p := 0
	for p < n && p < m && a[p] == b[p] {
		p++
	}
	s := 0
	for s < n-p && s < m-p && a[n-1-s] == b[m-1-s] {
		s++
	}
	ai, bi := a[p:n-s], b[p:m-s]
	lcs := make([][]int, len(ai)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(bi)+1)
	}
	for i := len(ai) - 1; i >= 0; i-- {
		for j := len(bi) - 1; j >= 0; j-- {
			if ai[i] == bi[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []listChange
	var dels, adds []listChange
	flush := func() {
		k := 0
		for ; k < len(dels) && k < len(adds); k++ {
			out = append(out, listChange{kind: Changed, i: dels[k].i, j: adds[k].j, old: dels[k].old, new: adds[k].new})
		}
		out = append(out, dels[k:]...)
		if k < len(adds) {
			out = append(out, adds[k:]...)
		}
		dels, adds = nil, nil
	}
	i, j := 0, 0
	for i < len(ai) || j < len(bi) {
		switch {
		case i < len(ai) && j < len(bi) && ai[i] == bi[j]:
			flush()
			i, j = i+1, j+1
		case j < len(bi) && (i == len(ai) || lcs[i][j+1] >= lcs[i+1][j]):
			adds = append(adds, listChange{kind: Added, j: p + j, new: bi[j]})
			j++
		default:
			dels = append(dels, listChange{kind: Removed, i: p + i, old: ai[i]})
			i++
		}
	}
	flush()
	return out
}

// Span is a piece of an inline text diff.
type Span struct {
	Kind ChangeKind `json:"kind,omitempty"` // "" for text both have
	Text string     `json:"text"`
}

// maxInline bounds the work of an inline diff (characters of old × characters of new); beyond
// it the whole text is shown as replaced.
const maxInline = 4 << 20

// Inline diffs two texts character by character, for showing a changed element's edits.
func Inline(old, new string) []Span {
	a, b := []rune(old), []rune(new)
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	s := 0
	for s < len(a)-p && s < len(b)-p && a[len(a)-1-s] == b[len(b)-1-s] {
		s++
	}
	var out []Span
	emit := func(k ChangeKind, r []rune) {
		if len(r) == 0 {
			return
		}
		if len(out) > 0 && out[len(out)-1].Kind == k {
			out[len(out)-1].Text += string(r)
			return
		}
		out = append(out, Span{Kind: k, Text: string(r)})
	}
	emit("", a[:p])
	ai, bi := a[p:len(a)-s], b[p:len(b)-s]
	if len(ai)*len(bi) > maxInline {
		emit(Removed, ai)
		emit(Added, bi)
	} else {
		lcs := make([][]int32, len(ai)+1)
		for i := range lcs {
			lcs[i] = make([]int32, len(bi)+1)
		}
		for i := len(ai) - 1; i >= 0; i-- {
			for j := len(bi) - 1; j >= 0; j-- {
				if ai[i] == bi[j] {
					lcs[i][j] = lcs[i+1][j+1] + 1
				} else {
					lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
				}
			}
		}
		i, j := 0, 0
		for i < len(ai) || j < len(bi) {
			switch {
			case i < len(ai) && j < len(bi) && ai[i] == bi[j]:
				emit("", ai[i:i+1])
				i, j = i+1, j+1
			case i < len(ai) && (j == len(bi) || lcs[i+1][j] >= lcs[i][j+1]):
				emit(Removed, ai[i:i+1])
				i++
			default:
				emit(Added, bi[j:j+1])
				j++
			}
		}
	}
	emit("", a[len(a)-s:])
	return out
}

// Marked writes an inline diff as text: [-removed-]{+added+}.
func Marked(spans []Span) string {
	var b strings.Builder
	for _, s := range spans {
		switch s.Kind {
		case Removed:
			b.WriteString("[-" + s.Text + "-]")
		case Added:
			b.WriteString("{+" + s.Text + "+}")
		default:
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

// DiffVersions parses two versions' drafts and diffs them.
func DiffVersions(a, b Version) ([]Change, error) {
	da, err := document.Parse(fmt.Sprintf("第 %d 版", a.N), []byte(a.Draft))
	if err != nil {
		return nil, err
	}
	db, err := document.Parse(fmt.Sprintf("第 %d 版", b.N), []byte(b.Draft))
	if err != nil {
		return nil, err
	}
	return Diff(da, db), nil
}
