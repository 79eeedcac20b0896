package templates

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"gongwen/document"
)

// RectificationListTitle is the title of the generated task table attachment.
const RectificationListTitle = "整改任务清单"

// RectificationHeader is the header row of the 整改任务清单 table.
var RectificationHeader = []string{"序号", "问题", "整改内容", "整改目标", "整改措施", "整改时限", "责任人（责任单位）"}

// rectificationWidths are the relative column widths of the table.
var rectificationWidths = []float64{0.6, 1.6, 2.2, 2, 2.4, 1.4, 1.4}

// BuildRectification generates the attachments of an 印发 notice for a 整改方案 from
// doc.Rectification: attachment 1 is the plan (titled planTitle; the intro paragraphs first,
// then for each item 一、…问题方面 with its （一）整改内容。… labelled level-2 paragraphs),
// attachment 2 the 整改任务清单 table. It replaces doc.Attachments and doc.AttachmentNotes and,
// when the title is empty, sets it to 关于印发《planTitle》的通知.
func BuildRectification(doc *document.Document, planTitle string, intro ...string) error {
	planTitle = strings.TrimSpace(planTitle)
	if planTitle == "" {
		return errors.New("整改方案标题为空 (the plan needs a title)")
	}
	if len(doc.Rectification) == 0 {
		return errors.New("没有整改事项 (no rectification items)：请至少填写一个问题")
	}
	plan := document.Attachment{Title: planTitle}
	for _, p := range intro {
		if p = strings.TrimSpace(p); p != "" {
			plan.Body = append(plan.Body, p)
		}
	}
	table := &document.Table{
		Header: append([]string(nil), RectificationHeader...),
		Widths: append([]float64(nil), rectificationWidths...),
	}
	for i, it := range doc.Rectification {
		plan.Body = append(plan.Body, chineseOrdinal(i+1)+"、"+problemHeading(it.Problem))
		n := 0
		add := func(label, text string) {
			text = strings.TrimSpace(text)
			if text == "" {
				return
			}
			n++
			plan.Body = append(plan.Body, "（"+chineseOrdinal(n)+"）"+label+"。"+sentence(text))
		}
		add("整改内容", it.Content)
		add("整改目标", it.Goal)
		add("整改措施", it.Measures)
		add("整改时限", it.Deadline)
		add(ownerLabel(it.Owner), it.Owner)
		table.Rows = append(table.Rows, []string{
			strconv.Itoa(i + 1),
			strings.TrimSpace(it.Problem),
			strings.TrimSpace(it.Content),
			strings.TrimSpace(it.Goal),
			strings.TrimSpace(it.Measures),
			strings.TrimSpace(it.Deadline),
			strings.TrimSpace(it.Owner),
		})
	}
	doc.Attachments = []document.Attachment{plan, {Title: RectificationListTitle, Table: table}}
	doc.AttachmentNotes = []string{planTitle, RectificationListTitle}
	if strings.TrimSpace(doc.Title) == "" {
		doc.Title = fmt.Sprintf("关于印发《%s》的通知", planTitle)
	}
	return nil
}

// problemHeading makes the level-1 heading of a problem: its text followed by 问题方面.
func problemHeading(p string) string {
	p = strings.TrimRight(strings.TrimSpace(p), "。；;，,")
	switch {
	case strings.HasSuffix(p, "方面"):
		return p
	case strings.HasSuffix(p, "问题"):
		return p + "方面"
	}
	return p + "问题方面"
}

// ownerLabel says 责任单位 when the owner looks like an organ, else 责任人.
func ownerLabel(owner string) string {
	for _, s := range []string{"局", "委", "办", "厅", "处", "室", "科", "院", "部", "中心", "政府", "单位", "公司", "队", "所", "站"} {
		if strings.Contains(owner, s) {
			return "责任单位"
		}
	}
	return "责任人"
}

// sentence ends text with a full stop unless it already ends with a sentence mark.
func sentence(text string) string {
	for _, end := range []string{"。", "！", "？", "；", "…", "）"} {
		if strings.HasSuffix(text, end) {
			return text
		}
	}
	return text + "。"
}

// chineseOrdinal writes 1–99 in Chinese numerals (一, 十, 十一, 二十一).
func chineseOrdinal(n int) string {
	digits := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n <= 0 || n >= 100:
		return strconv.Itoa(n)
	case n < 10:
		return digits[n]
	case n == 10:
		return "十"
	case n < 20:
		return "十" + digits[n%10]
	}
	return digits[n/10] + "十" + digits[n%10]
}
