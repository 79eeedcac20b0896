package check

import (
	"slices"
	"strings"
	"testing"

	"gongwen/document"
	"gongwen/layout"
	"gongwen/templates"
)

// A correct 通知: every base rule must stay silent on it.
func baseNotice() *document.Document {
	return &document.Document{
		Format: document.FormatFile, Direction: document.DirectionDown,
		CopyNumber: "000123", Classification: "秘密", ClassificationTerm: "1年", Urgency: "特急",
		Issuers:    []document.Issuer{{Name: "某某市人民政府办公室"}},
		Number:     "某政办发〔2024〕5号",
		Title:      "某某市人民政府办公室关于做好2024年\n防汛工作的通知",
		Recipients: "各县（市、区）人民政府，市政府各部门：",
		Body: []string{
			"为做好2024年防汛工作，经市政府同意，现将有关事项通知如下：",
			"一、提高认识",
			"（一）加强领导。各地要把防汛工作摆上重要位置。",
			"1.明确责任。主要负责同志是第一责任人。",
			"2.细化措施。要按照“分级负责、属地管理”的原则落实措施，具体要求见附件1。",
			"（二）做好预案。各地要在5月31日前修订预案，汛期为6月1日至9月30日……",
			"二、强化值守",
			"汛期实行24小时值班，值班电话为0571-87654321。",
			"特此通知。",
		},
		AttachmentNotes: []string{"1.防汛责任人名单", "2.值班安排表"},
		SignOff:         document.SignOffSeal,
		Date:            "2024年1月5日",
		Note:            "（此件公开发布）",
		Attachments: []document.Attachment{
			{Title: "防汛责任人名单", Body: []string{"一、市级", "二、县级"}},
			{Title: "值班安排表", Body: []string{"值班时间为每日8时至次日8时。"}},
		},
		CC:        "市委办公室，市人大常委会办公室。",
		Printer:   "某某市人民政府办公室",
		PrintDate: "2024年1月5日",
	}
}

// A correct 请示 (上行文).
func baseRequest() *document.Document {
	return &document.Document{
		Direction: document.DirectionUp,
		Issuers:   []document.Issuer{{Name: "某某县人民政府"}},
		Number:    "某政〔2024〕12号", Signers: []string{"张三"},
		Title:      "某某县人民政府关于修建某某大桥的请示",
		Recipients: "某某市人民政府：",
		Body: []string{
			"我县某某大桥建于1975年，经检测已属危桥。为保障群众出行安全，拟于2024年拆除重建。",
			"妥否，请批示。",
		},
		SignOff: document.SignOffSeal, Date: "2024年3月1日",
		Note: "（联系人：李四，电话：12345678）",
		CC:   "市交通运输局。",
	}
}

func baseReport() *document.Document {
	return &document.Document{
		Direction: document.DirectionUp,
		Issuers:   []document.Issuer{{Name: "某某县人民政府"}},
		Number:    "某政〔2024〕13号", Signers: []string{"张三"},
		Title:      "某某县人民政府关于2023年安全生产工作情况的报告",
		Recipients: "某某市人民政府：",
		Body:       []string{"2023年，我县安全生产形势总体平稳。现将有关情况报告如下：", "一、主要工作", "二、下一步安排", "特此报告。"},
		SignOff:    document.SignOffSeal, Date: "2024年1月10日",
	}
}

func baseReply() *document.Document {
	return &document.Document{
		Issuers:    []document.Issuer{{Name: "某某市人民政府"}},
		Number:     "某政函〔2024〕20号",
		Title:      "某某市人民政府关于同意修建某某大桥的批复",
		Recipients: "某某县人民政府：",
		Body:       []string{"你县《关于修建某某大桥的请示》（某政〔2024〕12号）收悉。经研究，现批复如下：", "一、同意修建某某大桥。", "二、所需资金由你县自筹解决。"},
		SignOff:    document.SignOffSeal, Date: "2024年3月20日",
	}
}

func baseLetter() *document.Document {
	return &document.Document{
		Format:     document.FormatLetter,
		Issuers:    []document.Issuer{{Name: "某某市人民政府办公室"}},
		Number:     "某政办函〔2024〕8号",
		Title:      "某某市人民政府办公室关于商请支持某某工作的函",
		Recipients: "某某大学：",
		Body:       []string{"为做好某某工作，拟请贵校给予支持。", "特此函告。"},
		SignOff:    document.SignOffSeal, Date: "2024年4月2日",
	}
}

func findingsOf(fs []Finding, id string) []Finding {
	var out []Finding
	for _, f := range fs {
		if f.Rule == id {
			out = append(out, f)
		}
	}
	return out
}

func TestBasesAreClean(t *testing.T) {
	for name, d := range map[string]*document.Document{"通知": baseNotice(), "请示": baseRequest(), "报告": baseReport(), "批复": baseReply(), "函": baseLetter()} {
		for _, f := range Run(d, nil, Options{}) {
			t.Errorf("%s: unexpected %s %s at %s %q", name, f.Rule, f.Message, f.Path, f.Text)
		}
	}
}

// TestRules: one table case per rule and violation; each must report its rule (with the
// given text and fix when set), and only that rule's id is asserted.
func TestRules(t *testing.T) {
	type tc struct {
		rule, name string
		base       func() *document.Document
		mutate     func(d *document.Document)
		text, fix  string // expected offending text and fix ("" = not checked)
	}
	n, r, rep, pf, l := baseNotice, baseRequest, baseReport, baseReply, baseLetter
	body := func(i int, s string) func(d *document.Document) { return func(d *document.Document) { d.Body[i] = s } }
	cases := []tc{
		{"number-brackets", "square", n, func(d *document.Document) { d.Number = "某政办发[2024]5号" }, "[2024]", "〔2024〕"},
		{"number-format", "pre-1988", n, func(d *document.Document) { d.Number = "（78）交公路字412号" }, "（78）交公路字412号", "交公路字〔1978〕412号"},
		{"number-format", "pre-1988 four digits", n, func(d *document.Document) { d.Number = "(1986)国发第097号" }, "(1986)国发第097号", "国发〔1986〕97号"},
		{"number-brackets", "legacy", n, func(d *document.Document) { d.Number = "浙政发〖1996〗173号" }, "〖1996〗", "〔1996〕"},
		{"number-brackets", "small form", n, func(d *document.Document) { d.Number = "国发﹝2018﹞2号" }, "﹝2018﹞", "〔2018〕"},
		{"number-brackets", "lenticular", n, func(d *document.Document) { d.Number = "某政办发【2024】5号" }, "【2024】", "〔2024〕"},
		{"number-brackets", "round", n, func(d *document.Document) { d.Number = "某政办发（2024）5号" }, "（2024）", "〔2024〕"},
		{"number-di", "", n, func(d *document.Document) { d.Number = "某政办发〔2024〕第5号" }, "第", ""},
		{"number-leading-zero", "", n, func(d *document.Document) { d.Number = "某政办发〔2024〕005号" }, "005", "5"},
		{"number-year", "", n, func(d *document.Document) { d.Number = "某政办发〔24〕5号" }, "24", ""},
		{"number-format", "no 号", n, func(d *document.Document) { d.Number = "某政办发〔2024〕5" }, "5", "5号"},
		{"number-format", "garbage", n, func(d *document.Document) { d.Number = "五号文件" }, "", ""},
		{"citation-number-brackets", "", n, body(0, "根据《某某办法》（某政发[2023]6号）规定，现通知如下："), "[2023]6号", "〔2023〕6号"},
		{"citation-order", "", n, body(0, "根据某政发〔2023〕6号《某某办法》规定，现通知如下："), "", ""},
		{"date-chinese-numerals", "", n, func(d *document.Document) { d.Date = "二〇二四年一月五日" }, "二〇二四年一月五日", "2024年1月5日"},
		{"date-chinese-numerals", "circle", n, func(d *document.Document) { d.Date = "二○一八年十一月十九日" }, "二○一八年十一月十九日", "2018年11月19日"},
		{"date-chinese-numerals", "latin O", n, func(d *document.Document) { d.Date = "二O一八年十一月十九日" }, "二O一八年十一月十九日", "2018年11月19日"},
		{"date-chinese-numerals", "latin o", n, func(d *document.Document) { d.Date = "二o一八年十一月十九日" }, "二o一八年十一月十九日", "2018年11月19日"},
		{"date-chinese-numerals", "digit 0", n, func(d *document.Document) { d.Date = "二0一八年十一月十九日" }, "二0一八年十一月十九日", "2018年11月19日"},
		{"date-chinese-numerals", "fullwidth 0", n, func(d *document.Document) { d.Date = "二０一八年十一月十九日" }, "二０一八年十一月十九日", "2018年11月19日"},
		{"date-chinese-numerals", "零", n, func(d *document.Document) { d.Date = "二零一八年十一月十九日" }, "二零一八年十一月十九日", "2018年11月19日"},
		{"date-chinese-numerals", "元月", n, func(d *document.Document) { d.Date = "二〇二〇年元月三十一日" }, "二〇二〇年元月三十一日", "2020年1月31日"},
		{"date-chinese-numerals", "spaced", n, func(d *document.Document) { d.Date = "二〇一八年 十一月 十九日" }, "二〇一八年 十一月 十九日", "2018年11月19日"},
		{"space-in-number", "number", n, func(d *document.Document) { d.Number = "国发〔2018〕2 号" }, "〔2018〕2 号", "〔2018〕2号"},
		{"space-in-number", "date", n, func(d *document.Document) { d.Date = "2018 年 11 月 19 日" }, "2018 年 11 月 19 日", "2018年11月19日"},
		{"space-in-number", "body date", n, body(7, "汛期自2024 年6月1日起实行24小时值班。"), "2024 年6月1日", "2024年6月1日"},
		{"space-in-number", "body month", n, body(7, "汛期自6 月 1 日起实行24小时值班。"), "6 月 1 日", "6月1日"},
		{"space-in-number", "citation", n, body(7, "根据《某某办法》（某政发〔 2023 〕6号）规定实行24小时值班。"), "〔 2023 〕6号", "〔2023〕6号"},
		{"date-leading-zero", "", n, func(d *document.Document) { d.Date = "2024年01月05日" }, "2024年01月05日", "2024年1月5日"},
		{"date-format", "iso", n, func(d *document.Document) { d.Date = "2024-01-05" }, "2024-01-05", "2024年1月5日"},
		{"date-format", "dots", n, func(d *document.Document) { d.Date = "2024.1.5" }, "", "2024年1月5日"},
		{"date-incomplete", "no day", n, func(d *document.Document) { d.Date = "2024年1月" }, "", ""},
		{"date-incomplete", "short year", n, func(d *document.Document) { d.Date = "24年1月5日" }, "", ""},
		{"date-invalid", "", n, func(d *document.Document) { d.Date = "2023年2月29日" }, "", ""},
		{"date-missing", "", n, func(d *document.Document) { d.Date = "" }, "", ""},
		{"print-date-format", "", n, func(d *document.Document) { d.PrintDate = "2024年01月05日" }, "", "2024年1月5日"},
		{"text-date-format", "padded", n, body(5, "（二）做好预案。各地要在2024年05月31日前修订预案。"), "05", "5"},
		{"text-date-format", "iso", n, body(5, "（二）做好预案。各地要在2024-05-31前修订预案。"), "2024-05-31", "2024年5月31日"},
		{"recipients-colon", "missing", n, func(d *document.Document) { d.Recipients = "各县（市、区）人民政府，市政府各部门" }, "门", "门："},
		{"recipients-colon", "ascii", n, func(d *document.Document) { d.Recipients = "各县（市、区）人民政府，市政府各部门:" }, ":", "："},
		{"recipients-missing", "", n, func(d *document.Document) { d.Recipients = "" }, "", ""},
		{"recipients-forbidden", "", n, func(d *document.Document) { d.Title = "某某市人民政府关于禁止燃放烟花爆竹的通告" }, "", ""},
		{"up-one-recipient", "", r, func(d *document.Document) { d.Recipients = "某某市人民政府、某某市交通运输局：" }, "", ""},
		{"up-no-lower-cc", "", r, func(d *document.Document) { d.CC = "市交通运输局，各乡镇人民政府。" }, "各乡", ""},
		{"up-signers-required", "", r, func(d *document.Document) { d.Signers = nil }, "", ""},
		{"up-not-to-leader", "", r, func(d *document.Document) { d.Recipients = "王市长：" }, "市长", ""},
		{"signers-format", "", r, func(d *document.Document) { d.Signers = []string{"签发人：张三"} }, "", "张三"},
		{"title-missing", "", n, func(d *document.Document) { d.Title = "" }, "", ""},
		{"title-end-punct", "", n, func(d *document.Document) { d.Title += "。" }, "。", ""},
		{"title-punct", "", n, func(d *document.Document) {
			d.Title = "某某市人民政府办公室关于做好防汛，抗旱工作的通知"
		}, "，", ""},
		{"title-genre", "", n, func(d *document.Document) { d.Title = "某某市防汛工作实施方案" }, "", ""},
		{"title-mixed-genre", "请示报告", r, func(d *document.Document) { d.Title = "某某县人民政府关于修建某某大桥的请示报告" }, "请示报告", ""},
		{"title-mixed-genre", "汇报", r, func(d *document.Document) { d.Title = "某某县人民政府关于修建某某大桥的汇报" }, "汇报", ""},
		{"title-mixed-genre", "申请报告", r, func(d *document.Document) { d.Title = "某某县人民政府关于修建某某大桥的申请报告" }, "申请报告", ""},
		{"title-composition", "", n, func(d *document.Document) { d.Title = "做好防汛工作的通知" }, "", ""},
		{"title-repeated-guanyu", "", n, func(d *document.Document) {
			// (a 转发 title is a 通知（转发）, whose template switches the rule off)
			d.Title = "某某市人民政府办公室关于开展关于防汛工作检查的通知"
		}, "关于", ""},
		{"heading-order", "", n, body(1, "（三）提高认识"), "", ""},
		{"heading-sequence", "skip", n, body(6, "三、强化值守"), "", ""},
		{"heading-sequence", "repeat", n, body(4, "1.细化措施。"), "", ""},
		{"heading-paren-dunhao", "", n, body(2, "（一）、加强领导。"), "、", ""},
		{"heading-arabic-dunhao", "", n, body(3, "1、明确责任。"), "1、", "1."},
		{"heading-hanzi-dot", "", n, body(1, "一.提高认识"), ".", "、"},
		{"heading-halfwidth-paren", "", n, body(2, "(一)加强领导。"), "(一)", "（一）"},
		{"heading-arabic-dot-form", "", n, body(3, "1．明确责任。"), "1．", "1."},
		{"halfwidth-comma", "", n, body(0, "为做好2024年防汛工作,经市政府同意，现将有关事项通知如下："), ",", "，"},
		{"halfwidth-period", "", n, body(8, "特此通知."), ".", "。"},
		{"halfwidth-colon", "", n, body(0, "为做好2024年防汛工作，经市政府同意，现将有关事项通知如下:"), ":", "："},
		{"halfwidth-semicolon", "", n, body(7, "汛期实行24小时值班;值班电话为0571-87654321。"), ";", "；"},
		{"halfwidth-question", "", n, body(7, "汛期是否值班?请各地明确。"), "?", "？"},
		{"halfwidth-parens", "", n, body(7, "汛期实行24小时值班(含节假日)。"), "(含节假日)", "（含节假日）"},
		{"halfwidth-quotes", "", n, body(4, `2.细化措施。要按照"分级负责"的原则落实措施。`), `"`, "“"},
		{"ellipsis", "dots", n, body(5, "（二）做好预案。各地要修订预案..."), "...", "……"},
		{"ellipsis", "single", n, body(5, "（二）做好预案。各地要修订预案…"), "…", "……"},
		{"range-hyphen", "", n, body(7, "汛期实行24小时值班，每班3-5人。"), "-", "—"},
		{"dash-form", "", n, body(7, "汛期实行24小时值班--含节假日。"), "--", "——"},
		{"brackets-balanced", "", n, body(7, "汛期实行24小时值班（含节假日。"), "（", ""},
		{"brackets-mixed", "", n, body(7, "汛期实行24小时值班（含节假日)。"), ")", "）"},
		{"repeated-punct", "", n, body(7, "汛期实行24小时值班，，含节假日。"), "，，", "，"},
		{"space-in-text", "", n, body(7, "汛期实行24小时值班，含节 假日。"), " ", ""},
		{"fullwidth-digits", "", n, body(7, "汛期实行２４小时值班。"), "２４", "24"},
		{"dunhao-between-quotes", "", n, body(7, "要落实“分级负责”、“属地管理”的原则。"), "、", ""},
		{"attachment-notes-punct", "", n, func(d *document.Document) { d.AttachmentNotes[1] = "2.值班安排表。" }, "。", ""},
		{"attachment-notes-numbering", "dunhao", n, func(d *document.Document) { d.AttachmentNotes[0] = "1、防汛责任人名单" }, "1、", "1."},
		{"attachment-notes-numbering", "sequence", n, func(d *document.Document) { d.AttachmentNotes[1] = "3.值班安排表" }, "", ""},
		{"attachment-notes-book-marks", "", n, func(d *document.Document) { d.AttachmentNotes[1] = "2.《值班安排表》" }, "《值班安排表》", "值班安排表"},
		{"attachment-label", "", n, func(d *document.Document) { d.AttachmentNotesLabel = "附：" }, "附：", "附件："},
		{"attachment-title-mismatch", "", n, func(d *document.Document) { d.Attachments[1].Title = "汛期值班安排表" }, "", ""},
		{"attachment-count", "", n, func(d *document.Document) { d.Attachments = d.Attachments[:1] }, "", ""},
		{"attachment-cited", "", n, body(4, "2.细化措施。具体要求见附件3。"), "附件3", ""},
		{"attachment-header-colon", "", n, func(d *document.Document) { d.Attachments[0].Label = "附件1：" }, "：", ""},
		{"issuer-missing", "", n, func(d *document.Document) { d.Issuers = nil }, "", ""},
		{"note-brackets", "", n, func(d *document.Document) { d.Note = "此件公开发布" }, "此件公开发布", "（此件公开发布）"},
		{"cc-final-stop", "", n, func(d *document.Document) { d.CC = "市委办公室，市人大常委会办公室" }, "室", "室。"},
		{"cc-label", "", n, func(d *document.Document) { d.CC = "抄送：市委办公室。" }, "抄送：", ""},
		{"copy-number-digits", "", n, func(d *document.Document) { d.CopyNumber = "123" }, "123", "000123"},
		{"copy-number-required", "", n, func(d *document.Document) { d.CopyNumber = "" }, "", ""},
		{"classification-value", "", n, func(d *document.Document) { d.Classification = "内部" }, "", ""},
		{"classification-value", "term", n, func(d *document.Document) { d.ClassificationTerm = "五年" }, "五年", "5年"},
		{"urgency-value", "", n, func(d *document.Document) { d.Urgency = "急件" }, "", ""},
		{"order-number-format", "", n, func(d *document.Document) { d.OrderNumber = "第05号" }, "第05号", "第5号"},
		{"signoff-forbidden", "", n, func(d *document.Document) {
			d.Title = "某某市第十届人民代表大会第三次会议关于政府工作报告的决议"
		}, "", ""},
		{"internal-unit-issuer", "", n, func(d *document.Document) { d.Issuers[0].Name = "某某市交通运输局综合规划处" }, "", ""},
		{"print-info", "", n, func(d *document.Document) { d.PrintDate = "" }, "", ""},
		{"placeholder-x", "XX", n, body(7, "汛期实行24小时值班，值班电话为XXXXXXXX。"), "XXXXXXXX", ""},
		{"placeholder-x", "××", n, func(d *document.Document) { d.Recipients = "××县人民政府：" }, "××", ""},
		{"placeholder-stars", "", n, body(7, "汛期值班电话为***。"), "***", ""},
		{"placeholder-date", "", n, body(7, "请于　　年　月　日前报送。"), "", ""},
		{"placeholder-count", "", n, body(7, "领导小组由人组成。"), "由人组成", ""},
		{"placeholder-prompt", "", n, body(7, "【请填写值班安排】"), "", ""},
		{"repeated-paragraph", "", n, func(d *document.Document) { d.Body[7] = d.Body[0] }, "", ""},
		{"repeated-word", "", n, body(7, "汛期实行24小时的的值班。"), "的的", "的"},
		{"qingshi-one-matter", "", r, func(d *document.Document) {
			d.Body = append([]string{"拟增加编制5名，请予批准。"}, d.Body...)
		}, "", ""},
		{"qingshi-closing", "", r, func(d *document.Document) { d.Body = d.Body[:1] }, "", ""},
		{"qingshi-contact", "", r, func(d *document.Document) { d.Note = "" }, "", ""},
		{"report-no-request", "", rep, body(3, "以上报告，妥否，请批示。"), "妥否", ""},
		{"report-closing", "", rep, func(d *document.Document) { d.Body = d.Body[:3] }, "", ""},
		{"pifu-citation", "no number", pf, body(0, "你县《关于修建某某大桥的请示》收悉。经研究，现批复如下："), "", ""},
		{"pifu-citation", "number first", pf, body(0, "你县某政〔2024〕12号《关于修建某某大桥的请示》收悉。"), "", ""},
		{"han-tone", "", l, body(1, "特此通知。"), "特此通知", ""},
		{"closing-genre-mismatch", "", rep, body(3, "特此通知。"), "特此通知", ""},

		// issue 13: direction-aware wording
		{"address-ni", "report", rep, body(0, "2023年，你局部署的安全生产工作进展顺利。现将有关情况报告如下："), "你局", ""},
		{"address-ni", "letter between departments", func() *document.Document {
			d := baseLetter()
			d.Issuers[0].Name = "某某市财政局"
			d.Title = "某某市财政局关于商请提供有关数据的函"
			return d
		}, body(0, "为做好预算编制工作，请你委提供有关数据。"), "你委", ""},
		{"address-gui", "", n, body(7, "汛期实行24小时值班，请贵局安排专人值守。"), "贵局", ""},
		{"address-gui", "direction inferred from 各…", func() *document.Document {
			d := baseNotice()
			d.Direction, d.Title = "", "某某市人民政府办公室关于做好2024年防汛工作的安排"
			return d
		}, body(7, "汛期实行24小时值班，请贵局安排专人值守。"), "贵局", ""},
		{"closing-direction", "", rep, body(3, "请遵照执行。"), "请遵照执行", ""},
		{"request-outside-qingshi", "", n, body(8, "妥否，请批示。"), "妥否", ""},
		{"qingshi-one-matter", "two items", r, func(d *document.Document) {
			d.Body = []string{"为保障大桥重建，现将有关事项请示如下：", "一、恳请市人民政府安排补助资金2000万元。", "二、恳请市编办增加我县交通运输局事业编制5名。", "妥否，请批示。"}
		}, "恳请", ""},
		// authority by organ type
		{"authority-genre", "district bureau issuing 令", func() *document.Document {
			return &document.Document{Format: document.FormatOrder, Issuers: []document.Issuer{{Name: "江城市江东区人民政府"}}, MarkSuffix: "令",
				OrderNumber: "第1号", Body: []string{"《江东区中小学校管理办法》已经局务会议通过，现予公布，自2026年3月1日起施行。"},
				SignOff: document.SignOffSignature, SignerTitle: "局长", SignerName: "王明", Date: "2026年1月10日"}
		}, func(d *document.Document) { d.Issuers[0].Name = "江城市江东区教育局" }, "江城市江东区教育局", ""},
		{"yian-recipient", "", func() *document.Document {
			return &document.Document{Issuers: []document.Issuer{{Name: "江城市人民政府"}}, Number: "江政〔2026〕1号",
				Title: "江城市人民政府关于提请审议《江城市养犬管理条例（草案）》的议案", Recipients: "江城市人民代表大会常务委员会：",
				Body:    []string{"为加强养犬管理，市人民政府起草了《江城市养犬管理条例（草案）》，已经市人民政府常务会议讨论通过，现提请审议。"},
				SignOff: document.SignOffSeal, Date: "2026年2月1日"}
		}, func(d *document.Document) { d.Recipients = "江城市人民政府：" }, "", ""},
		{"jueyi-meeting", "", func() *document.Document {
			return &document.Document{Title: "江城市人民代表大会关于江城市人民政府工作报告的决议", TitleNote: "（2026年1月20日江城市第十届人民代表大会第五次会议通过）",
				Body: []string{"江城市第十届人民代表大会第五次会议听取和审议了市长王明所作的政府工作报告，会议决定批准这个报告。"}, SignOff: document.SignOffNone}
		}, func(d *document.Document) {
			d.TitleNote = ""
			d.Body[0] = "听取和审议了市长王明所作的政府工作报告，决定批准这个报告。"
		}, "", ""},
		{"department-directive", "", func() *document.Document {
			d := baseNotice()
			d.Issuers[0].Name = "某某市交通运输局"
			d.Title = "某某市交通运输局关于做好2024年防汛工作的意见"
			d.Body[0] = "为做好2024年防汛工作，提出如下意见："
			return d
		}, body(2, "（一）加强领导。各县（市、区）人民政府必须把防汛工作摆上重要位置。"), "", ""},
		{"department-directive", "notice", func() *document.Document {
			d := baseNotice()
			d.Issuers[0].Name = "某某市交通运输局"
			d.Title = "某某市交通运输局关于做好2024年防汛工作的通知"
			d.Body[0] = "经市政府同意，现将做好2024年防汛工作的有关事项通知如下："
			return d
		}, body(0, "为做好2024年防汛工作，现将有关事项通知如下："), "", ""},
		// numbers and dates in the body
		{"year-abbreviated", "", n, body(5, "（二）做好预案。各地要在24年5月31日前修订预案。"), "24年", ""},
		{"date-hao", "", n, body(5, "（二）做好预案。各地要在5月31号前修订预案。"), "号", "日"},
		{"jiezhi", "", n, body(7, "截止2024年3月底，全市共有值班人员120名。"), "截止", "截至"},
		{"percent-range", "", n, body(7, "汛期值班人员比例提高10～20%。"), "10～20%", "10%～20%"},
		{"range-dash", "", n, body(7, "汛期每日安排3~5人值班。"), "~", "～"},
		{"wan-yi-digits", "", n, body(7, "全市安排防汛资金120000万元。"), "120000万", ""},
		{"number-leading-zero-text", "", n, body(7, "全市安排值班人员05人。"), "05", "5"},
		{"relative-time", "", n, body(5, "（二）做好预案。各地要在今年底前修订预案。"), "今年底", ""},
		// the cited basis
		{"basis-repealed", "", n, body(0, "根据《国家行政机关公文处理办法》，现将有关事项通知如下："), "《国家行政机关公文处理办法》", ""},
		{"basis-repealed", "standard", n, body(7, "公文格式执行GB/T 9704-1999。"), "GB/T 9704-1999", ""},
		{"basis-not-effective", "", n, func(d *document.Document) {
			d.Body[0] = "根据《党政机关厉行节约反对浪费条例》，现将有关事项通知如下："
			d.Date = "2012年1月5日"
			d.Number = "某政办发〔2012〕5号"
			d.PrintDate = "2012年1月5日"
		}, "《党政机关厉行节约反对浪费条例》", ""},
		// table arithmetic
		{"table-total", "row", n, func(d *document.Document) {
			d.Attachments[1].Table = &document.Table{Header: []string{"单位", "值班人数", "车辆"},
				Rows: [][]string{{"城区", "12", "3"}, {"郊区", "8", "2"}, {"合计", "21", "5"}}}
		}, "21", ""},
		{"table-total", "column", n, func(d *document.Document) {
			d.Attachments[1].Table = &document.Table{Header: []string{"单位", "一季度", "二季度", "合计"},
				Rows: [][]string{{"城区", "12", "3", "15"}, {"郊区", "8", "2", "11"}}}
		}, "11", ""},
		// structure and closings
		{"heading-level-jump", "", n, func(d *document.Document) {
			d.Body[3] = "（1）明确责任。主要负责同志是第一责任人。"
			d.Body[4] = "（2）细化措施。要按照“分级负责、属地管理”的原则落实措施，具体要求见附件1。"
		}, "（1）", ""},
		{"closing-stop", "", n, body(8, "特此通知"), "知", "知。"},
	}
	covered := map[string]bool{}
	for _, c := range cases {
		covered[c.rule] = true
		t.Run(c.rule+"/"+c.name, func(t *testing.T) {
			d := c.base()
			if got := findingsOf(Run(d, nil, Options{}), c.rule); len(got) != 0 {
				t.Fatalf("base already reports %s: %+v", c.rule, got[0])
			}
			c.mutate(d)
			got := findingsOf(Run(d, nil, Options{}), c.rule)
			if len(got) == 0 {
				t.Fatalf("no %s finding", c.rule)
			}
			f := got[0]
			if f.Message == "" || f.Clause == "" || f.Severity == "" {
				t.Errorf("finding lacks message, clause or severity: %+v", f)
			}
			if c.text != "" && f.Text != c.text {
				t.Errorf("text %q, want %q", f.Text, c.text)
			}
			if c.fix != "" && (f.Fix != c.fix || !f.HasFix) {
				t.Errorf("fix %q (has %v), want %q", f.Fix, f.HasFix, c.fix)
			}
			if f.Path != "" && f.Length > 0 {
				// Offset/Length address Text inside the element's value
				if v := valueAt(d, f.Path); runeSlice(v, f.Offset, f.Length) != f.Text {
					t.Errorf("offset %d length %d do not address %q in %q", f.Offset, f.Length, f.Text, v)
				}
			}
		})
	}
	for _, ri := range Rules() {
		if !covered[ri.ID] && ri.Kind != KindGeometry {
			t.Errorf("rule %s has no table case", ri.ID)
		}
	}
}

// valueAt returns the text of the element at path.
func valueAt(d *document.Document, path string) string {
	if p := d.Field(path); p != nil {
		return *p
	}
	return ""
}

// TestFixAll: the mechanical fixes applied in memory leave no mechanical finding behind.
func TestFixAll(t *testing.T) {
	d := baseNotice()
	d.Number = "某政办发[2024]第005号"
	d.Recipients = "各县（市、区）人民政府,市政府各部门"
	d.Body[2] = "（一）、加强领导,明确责任."
	d.Body[3] = "1、明确责任。"
	d.Date = "二〇二四年一月五日"
	d.CC = "市委办公室"
	d.Attachments[0].Table = &document.Table{Header: []string{"序号"}, Rows: [][]string{{"数量,人"}}}
	for round := 0; round < 3; round++ {
		FixAll(d, Run(d, nil, Options{}))
	}
	for _, f := range Run(d, nil, Options{}) {
		if Mechanical(f.Rule) && f.HasFix {
			t.Errorf("left after fixing: %s %q at %s", f.Rule, f.Text, f.Path)
		}
	}
	want := map[string]string{"number": "某政办发〔2024〕5号", "recipients": "各县（市、区）人民政府，市政府各部门：",
		"body.2": "（一）加强领导，明确责任。", "body.3": "1.明确责任。", "date": "2024年1月5日", "cc": "市委办公室。",
		"attachments.0.table.rows.0.0": "数量，人"}
	for path, w := range want {
		if got := valueAt(d, path); got != w {
			t.Errorf("%s = %q, want %q", path, got, w)
		}
	}
	if FixAll(d, []Finding{{Rule: "halfwidth-comma", Path: "body.0", Offset: 0, Length: 1, Text: "x", Fix: "，", HasFix: true}}) != 0 {
		t.Error("a stale fix was applied")
	}
}

// TestGenreTemplate: a template switches genre rules on and sets their parameters and severity.
func TestGenreTemplate(t *testing.T) {
	on, off := true, false
	d := baseNotice()
	d.Body[7] = "汛期请抄报县长同意。"
	g := &templates.Genre{ID: "x", Name: "通知", Rules: map[string]templates.RuleConfig{
		"report-no-request": {Params: map[string]any{"phrases": []any{"请抄报"}}, Severity: "warning"},
		"qingshi-contact":   {Enabled: &off},
		"halfwidth-comma":   {Enabled: &off}, // a 规定: cannot be switched off
		"han-tone":          {Enabled: &on},
	}}
	fs := Run(d, g, Options{})
	got := findingsOf(fs, "report-no-request")
	if len(got) != 1 || got[0].Severity != "warning" || got[0].Text != "请抄报" {
		t.Errorf("report-no-request with template params: %+v", got)
	}
	d.Body[7] = "汛期实行24小时值班,含节假日。"
	if len(findingsOf(Run(d, g, Options{}), "halfwidth-comma")) != 1 {
		t.Error("a template switched off an error-level base rule")
	}
	// without a template the genre is read from the title: 请示 rules on, 报告 rules off
	r := baseRequest()
	r.Body = r.Body[:1]
	if len(findingsOf(Run(r, nil, Options{}), "qingshi-closing")) != 1 {
		t.Error("qingshi-closing not on for a 请示 title")
	}
	if len(findingsOf(Run(baseNotice(), nil, Options{Only: []string{"qingshi-closing"}}), "qingshi-closing")) != 0 {
		t.Error("qingshi-closing on for a 通知")
	}
	if fs := Run(baseNotice(), nil, Options{Disable: []string{"cc-final-stop"}, Only: []string{"cc-final-stop"}}); len(fs) != 0 {
		t.Error("Disable ignored")
	}
}

// TestGenreWordsInTemplates: the words of the genre rules are the templates' (a rule value holds
// no genre's word list), and a template of a new genre gives its own words and message.
func TestGenreWordsInTemplates(t *testing.T) {
	for _, r := range registry {
		if !r.ByTemplate && !r.Shared {
			continue
		}
		for name, v := range r.Params {
			if l, ok := v.([]string); ok && len(l) > 0 {
				t.Errorf("%s: parameter %s has words in the rule value; they belong in the genre templates", r.ID, name)
			}
		}
	}
	// the organ types a template lets issue its genre are types of the organ table
	k := builtinKnowledge()
	for _, g := range builtinGenres().Genres() {
		for _, id := range stringList(g.Rules["authority-genre"].Params["issuers"]) {
			if k.typeName(id) == id {
				t.Errorf("%s: authority-genre names organ type %q, not in check/data/organs.yaml", g.ID, id)
			}
		}
	}
	// a 申请 template: its closing words and message, its mixed names, its own phrases
	on, off := true, false
	g := &templates.Genre{ID: "shenqing", Name: "申请", Closing: "特此申请。", Rules: map[string]templates.RuleConfig{
		"qingshi-closing": {Enabled: &on, Params: map[string]any{"requests": []any{"特此申请"}}},
		"title-mixed-genre": {Params: map[string]any{"words": []any{"申请书报告"},
			"message": "“{text}”不是文种，请改用“{owner}”"}},
		"request-outside-qingshi": {Enabled: &off, Params: map[string]any{"requests": []any{"恳请准予"}}},
	}}
	d := baseRequest()
	d.Genre, d.Title = "shenqing", "某某县人民政府关于修建某某大桥的申请"
	d.Body = []string{"我县某某大桥已属危桥，拟于2024年拆除重建。", "以上事项，请予支持。"}
	fs := findingsOf(Run(d, g, Options{Only: []string{"qingshi-closing"}}), "qingshi-closing")
	if len(fs) != 1 || fs[0].Message != "申请应以规定的结束语结尾，如“特此申请。”" {
		t.Errorf("qingshi-closing in a 申请: %+v", fs)
	}
	d.Body[1] = "特此申请。"
	if fs := Run(d, g, Options{Only: []string{"qingshi-closing", "title-genre"}}); len(fs) != 0 {
		t.Errorf("qingshi-closing with the template's words, title-genre with its name: %+v", fs)
	}
	d.Title = "某某县人民政府关于修建某某大桥的申请书报告"
	fs = findingsOf(Run(d, g, Options{}), "title-mixed-genre")
	if len(fs) != 1 || fs[0].Message != "“申请书报告”不是文种，请改用“申请”" {
		t.Errorf("title-mixed-genre with the template's words: %+v", fs)
	}
	// a user's 请示 template that switches the rule on without words takes the built-in 请示's
	u := &templates.Genre{ID: "my-qingshi", Name: "请示", Rules: map[string]templates.RuleConfig{"qingshi-closing": {}}}
	q := baseRequest()
	q.Body = q.Body[:1]
	fs = findingsOf(Run(q, u, Options{}), "qingshi-closing")
	if len(fs) != 1 || fs[0].Message != "请示应以请求语结尾，如“妥否，请批示。”或“当否，请批复。”" {
		t.Errorf("qingshi-closing in a user's 请示 template without words: %+v", fs)
	}
	// the 申请's own phrase is nobody's without its template, and not reported in the 申请
	// itself (its template switches the rule off there)
	n := baseNotice()
	n.Body[7] = "恳请准予汛期值班补助。"
	if fs := findingsOf(Run(n, nil, Options{}), "request-outside-qingshi"); len(fs) != 0 {
		t.Errorf("request-outside-qingshi without the 申请 template: %+v", fs)
	}
	d.Body[0] = "恳请准予拆除重建。"
	if fs := findingsOf(Run(d, g, Options{}), "request-outside-qingshi"); len(fs) != 0 {
		t.Errorf("request-outside-qingshi in its owner's genre: %+v", fs)
	}
}

func TestTitleGenre(t *testing.T) {
	for title, want := range map[string]string{
		"国务院关于同意某事的批复": "批复", "关于某事的请示": "请示", "某某的复函": "函", "某某市人民政府令": "命令",
		"关于某事的通知。": "通知", "关于某事的通知（征求意见稿）": "通知", "关于印发《办法（试行）》的通知": "通知", "某某实施方案": "", "": "", "关于某事的\n报告": "报告",
	} {
		if got := TitleGenre(title); got != want {
			t.Errorf("TitleGenre(%q) = %q, want %q", title, got, want)
		}
	}
}

// TestGeometry runs the layout rules on hand-made records.
func TestGeometry(t *testing.T) {
	geo := []string{"layout-page1-body", "layout-signoff-alone", "layout-seal-distance", "layout-banji-even"}
	text := func(page int, e layout.Element, y layout.Length) layout.Record {
		return layout.Record{Element: e, Page: page, Y: y - layout.Pt(16), H: layout.Pt(16),
			Lines: []layout.RecordLine{{Text: "字", Y: y}}}
	}
	seal := func(page int, y layout.Length) layout.Record {
		return layout.Record{Element: layout.ElemSeal, Page: page, Y: y, W: layout.Mm(42), H: layout.Mm(42)}
	}
	cases := []struct {
		name  string
		recs  []layout.Record
		pages int
		want  []string // the rules that fire
	}{
		{"good", []layout.Record{text(0, layout.ElemTitle, layout.Mm(80)), text(0, layout.ElemBody, layout.Mm(120)),
			seal(0, layout.Mm(125)), text(0, layout.ElemIssuerSign, layout.Mm(150)), text(0, layout.ElemDate, layout.Mm(160)),
			text(1, layout.ElemCC, layout.Mm(250))}, 2, nil},
		{"bad", []layout.Record{text(0, layout.ElemTitle, layout.Mm(80)),
			text(1, layout.ElemBody, layout.Mm(60)), seal(1, layout.Mm(100)),
			text(2, layout.ElemIssuerSign, layout.Mm(50)), text(2, layout.ElemCC, layout.Mm(250))}, 3, geo},
		{"seal on a page without body", []layout.Record{text(0, layout.ElemBody, layout.Mm(80)),
			seal(1, layout.Mm(60)), text(1, layout.ElemIssuerSign, layout.Mm(70))}, 2,
			[]string{"layout-signoff-alone", "layout-seal-distance"}},
		{"a seal circle within a line", []layout.Record{text(0, layout.ElemBody, layout.Mm(80)), seal(0, layout.Mm(81))}, 1, nil},
		{"版记 not on the last page", []layout.Record{text(0, layout.ElemBody, layout.Mm(80)), text(0, layout.ElemCC, layout.Mm(250)),
			text(1, layout.ElemAttachTitle, layout.Mm(40))}, 2, []string{"layout-banji-even"}},
		{"版记 on an odd last page", []layout.Record{text(0, layout.ElemBody, layout.Mm(80)), text(1, layout.ElemBody, layout.Mm(80)),
			text(2, layout.ElemCC, layout.Mm(250))}, 3, []string{"layout-banji-even"}},
		{"page count beyond the last record (a blank page)", []layout.Record{text(0, layout.ElemBody, layout.Mm(80)),
			text(0, layout.ElemCC, layout.Mm(250))}, 2, []string{"layout-banji-even"}},
	}
	d := baseNotice()
	for _, tc := range cases {
		fs := Run(d, nil, Options{Records: tc.recs, PageCount: tc.pages, Only: geo})
		var got []string
		for _, f := range fs {
			got = append(got, f.Rule)
		}
		slices.Sort(got)
		want := slices.Clone(tc.want)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s: findings %v, want %v", tc.name, got, want)
		}
	}
}

// TestGeometryTypeset runs the layout rules through layout.Typeset.
func TestGeometryTypeset(t *testing.T) {
	geo := []string{"layout-page1-body", "layout-signoff-alone", "layout-seal-distance", "layout-banji-even"}
	d := baseNotice()
	if _, err := layout.Typeset(d, layout.Options{}); err != nil {
		t.Skipf("layout: %v", err)
	}
	if fs := Run(d, nil, Options{Layout: true, Only: geo}); len(fs) != 0 {
		t.Errorf("correct notice: %+v", fs)
	}
	d.Title = "某某市人民政府办公室关于" + strings.Repeat("做好防汛工作", 36) + "的通知" // fits page 1 (a longer one is refused)
	if fs := Run(d, nil, Options{Layout: true, Only: geo}); len(findingsOf(fs, "layout-page1-body")) != 1 {
		t.Errorf("a title filling page 1: %+v", fs)
	}
}

// TestConcurrentRuns: the app checks from several goroutines at once.
func TestConcurrentRuns(t *testing.T) {
	done := make(chan int)
	for i := 0; i < 8; i++ {
		go func() {
			d := baseNotice()
			d.Body[7] = "汛期实行24小时值班,含节假日..."
			done <- len(Run(d, nil, Options{}))
		}()
	}
	first := <-done
	for i := 1; i < 8; i++ {
		if n := <-done; n != first {
			t.Errorf("concurrent runs disagree: %d and %d findings", first, n)
		}
	}
}
