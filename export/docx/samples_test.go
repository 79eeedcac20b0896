package docx

import (
	"strings"

	"gongwen/document"
)

// Sample documents built in code, one per format, standing in for examples/*.yaml until
// (and besides) those exist.
func sampleDocs() map[string]*document.Document {
	long := "为深入贯彻落实党中央、国务院关于粮食安全和乡村振兴的决策部署，切实抓好今年春季农业生产，确保粮食和重要农产品稳定安全供给，为经济社会发展大局提供有力支撑，经国务院同意，现就有关事项通知如下。"
	para := "春季是全年农业生产的关键时期，春播面积占全年粮食播种面积的一半以上，夏粮产量占全年粮食产量的近四分之一。做好春季农业生产工作，对于稳定全年粮食生产、保障农产品市场供应、促进农民持续增收具有十分重要的意义。"
	body := []string{long, "一、充分认识做好春季农业生产工作的重要意义", para, "二、突出抓好春季农业生产重点工作",
		"（一）稳定粮食播种面积。各地要把粮食生产目标任务分解落实到县、乡、村和经营主体，确保播种面积只增不减。" + para,
		"（二）抓好农资供应保障。" + para, "1.加强市场监管。" + para, "（1）严厉打击假冒伪劣农资。" + para, para}
	return map[string]*document.Document{
		"tongzhi": {
			Format: document.FormatFile, Direction: document.DirectionDown,
			Issuers:    []document.Issuer{{Name: "国务院办公厅"}},
			MarkSuffix: "文件", Number: "国办发〔2024〕12号",
			Title:      "国务院办公厅关于做好2024年\n春季农业生产工作的通知",
			Recipients: "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
			Body:       body, AttachmentNotes: []string{"春季农业生产重点任务分工", "有关统计表"},
			SignOff: document.SignOffNoSeal, Date: "2024年3月1日", Note: "（此件公开发布）",
			Attachments: []document.Attachment{
				{Title: "春季农业生产重点任务分工", Body: []string{para}},
				{Title: "有关统计表", Table: &document.Table{Header: []string{"序号", "问题", "责任单位"},
					Rows: [][]string{{"1", "播种面积", "农业农村部"}, {"2", "农资供应", "商务部"}}, Widths: []float64{1, 4, 2}}},
			},
			CC: "中央办公厅，全国人大常委会办公厅。", Printer: "国务院办公厅秘书局", PrintDate: "2024年3月1日",
		},
		"qingshi": {
			Format: document.FormatFile, Direction: document.DirectionUp,
			Issuers:    []document.Issuer{{Name: "青山市人民政府"}},
			MarkSuffix: "文件", Number: "青政〔2024〕8号", Signers: []string{"李明"},
			Title:      "青山市人民政府关于建设城市\n应急物资储备库的请示",
			Recipients: "江南省人民政府：",
			Body:       []string{long, "一、项目基本情况", para, "二、请求事项", para, "妥否，请批示。"},
			SignOff:    document.SignOffNoSeal, Date: "2024年3月10日", Note: "（联系人：王芳，联系电话：12345678）",
			Printer: "青山市人民政府办公室", PrintDate: "2024年3月10日",
		},
		"qingshi3": {
			Format: document.FormatFile, Direction: document.DirectionUp,
			Issuers:    []document.Issuer{{Name: "青山市人民政府"}, {Name: "青山军分区"}},
			MarkSuffix: "文件", Number: "青政〔2024〕9号", Signers: []string{"李明", "王强", "赵丽"},
			Title: "青山市人民政府 青山军分区关于加强国防动员建设的请示", Recipients: "江南省人民政府：",
			Body:    []string{long, "妥否，请批示。"},
			SignOff: document.SignOffNoSeal, Date: "2024年3月10日",
			Printer: "青山市人民政府办公室", PrintDate: "2024年3月10日",
		},
		"han": {
			Format: document.FormatLetter, Direction: document.DirectionParallel,
			Issuers: []document.Issuer{{Name: "青山市人民政府办公室"}},
			Number:  "青政办函〔2024〕3号", Title: "青山市人民政府办公室关于商请支持\n应急物资储备库建设的函",
			Recipients: "江南省应急管理厅：", Body: []string{long, para, "特此函商，盼复。"},
			SignOff: document.SignOffNoSeal, Date: "2024年3月12日", CC: "江南省财政厅。",
		},
		"ling": {
			Format: document.FormatOrder, Direction: document.DirectionDown,
			Issuers: []document.Issuer{{Name: "江南省人民政府"}}, MarkSuffix: "令", OrderNumber: "第5号",
			Body:    []string{"《江南省应急物资储备管理办法》已经2024年3月1日省人民政府第20次常务会议通过，现予公布，自2024年5月1日起施行。"},
			SignOff: document.SignOffSignature, SignerTitle: "省长", SignerName: "张三", Date: "2024年3月5日",
		},
		"jiyao": {
			Format: document.FormatMinutes, Direction: document.DirectionDown,
			Issuers: []document.Issuer{{Name: "青山市人民政府"}}, MarkSuffix: "纪要", MeetingName: "青山市人民政府常务会议",
			Number: "第12期", Title: "青山市人民政府第12次常务会议纪要",
			Body:    []string{strings.Repeat(para, 2), "一、审议通过应急物资储备库建设方案", para, "二、研究春季农业生产工作", para},
			SignOff: document.SignOffNone,
			Present: "李明、王强、赵丽、孙伟、周杰", Absent: "钱多（出差）", Attending: "市应急管理局、市财政局、市农业农村局负责同志",
			Printer: "青山市人民政府办公室", PrintDate: "2024年3月15日",
		},
	}
}

// blankPageDoc lengthens a 请示 until the layout engine ends its text on an even page with
// no room for the 版记, so that a blank page precedes the 版记 page (7.5); ok is false when
// no length up to 60 paragraphs does that.
func blankPageDoc() (d *document.Document, ok bool) {
	d = sampleDocs()["qingshi"]
	d.CC = "市委办公室，市人大常委会办公室。"
	base := d.Body
	for n := 1; n <= 60; n++ {
		d.Body = append(append([]string{}, base...), strings.Split(strings.Repeat("补充说明有关情况。", n), "。")...)
		d.Body = d.Body[:len(d.Body)-1]
		if alone, blank := newBuilderFor(d).banjiAlone(); alone && blank {
			return d, true
		}
	}
	return d, false
}
