// Package document models a 公文 (a Chinese official document): the 18 elements of
// 条例 第九条 plus the variants of the special formats (令号 for 命令, attendance for 纪要),
// the draft file format (YAML), and import from plain text and .docx.
//
// Text fields hold exactly what the user typed (or what the importer read); nothing is
// normalised here. The layout engine prints them as they are, and the checker points at
// them through Source.
package document

// Format is the layout format of GB/T 9704-2012: 文件格式 or one of the special formats of clause 10.
type Format string

// The formats.
const (
	FormatFile    Format = "file"    // 文件格式 (7)
	FormatLetter  Format = "letter"  // 信函格式 (10.1)
	FormatOrder   Format = "order"   // 命令（令）格式 (10.2)
	FormatMinutes Format = "minutes" // 纪要格式 (10.3)
)

// Direction is the direction of sending (行文方向).
type Direction string

// The directions.
const (
	DirectionDown     Direction = "down"     // 下行文
	DirectionUp       Direction = "up"       // 上行文
	DirectionParallel Direction = "parallel" // 平行文
)

// SignOff is the sign-off mode of GB/T 9704-2012 7.3.5.
type SignOff string

// The sign-off modes.
const (
	SignOffSeal      SignOff = "seal"      // 加盖印章 (7.3.5.1)
	SignOffNoSeal    SignOff = "noseal"    // 不加盖印章 (7.3.5.2)
	SignOffSignature SignOff = "signature" // 加盖签发人签名章 (7.3.5.3)
	SignOffNone      SignOff = "none"      // no 署名 at all (决议, 公报, some 纪要)
)

// Document is one 公文. The zero value of every optional element means "absent".
type Document struct {
	// Genre is the id of the genre template (e.g. "qingshi"); may be empty.
	Genre     string
	Format    Format
	Direction Direction

	CopyNumber         string // 份号, 6 digits
	Classification     string // 密级: 秘密, 机密, 绝密
	ClassificationTerm string // 保密期限, e.g. "5年"
	Urgency            string // 紧急程度: 特急, 加急

	// Issuers are the issuing organs, lead organ first (several for 联合行文). Each
	// gives the 发文机关标志 text, the 署名 and the seal.
	Issuers []Issuer
	// MarkSuffix follows the organ names in the 发文机关标志: "文件" (文件格式),
	// "命令" or "令" (命令格式), "纪要" (纪要格式, after MeetingName), or "" for the name alone.
	MarkSuffix string
	// MeetingName is the 会议名称 of a 纪要's mark (纪要格式 only), e.g. "市政府常务会议".
	MeetingName string

	Number      string   // 发文字号, e.g. 国办发〔2024〕5号
	OrderNumber string   // 令号 (命令格式), e.g. 第5号
	Signers     []string // 签发人 names (上行文)

	// Title is the 标题. A "\n" forces a line break there.
	Title string
	// TitleNote is the 题注 under the title of a 决议 or 公报, e.g. （2024年1月5日市第十届人民代表大会第三次会议通过）.
	TitleNote string
	// Recipients is the 主送机关 line as typed, normally ending in "：".
	Recipients string
	// RecipientsInBanji moves the 主送 to the 版记 (7.3.2); the layout also moves it when
	// page 1 would otherwise show no body text.
	RecipientsInBanji bool

	// Body is the 正文, one string a paragraph. Level markers (一、（一）1.（1）) are read from the text.
	Body []string

	// AttachmentNotes is the 附件说明: the names of the attachments as listed after 附件：.
	AttachmentNotes []string
	// AttachmentNotesLabel is the label the 附件说明 began with in an imported text, as typed
	// (e.g. "附件：", "附件:", "附："), so the checker can judge it; empty means the standard
	// "附件：". The layout always prints "附件：".
	AttachmentNotesLabel string

	SignOff SignOff
	// Date is the 成文日期 as typed, e.g. 2024年1月5日.
	Date string
	// SignerTitle and SignerName are the 签发人 of a 签名章 sign-off (命令): the title (e.g. 省长)
	// printed beside the signature stamp; SignatureImage is the stamp (PNG/JPEG), optional.
	SignerTitle    string
	SignerName     string
	SignatureImage string

	// Note is the 附注 as typed, normally in round brackets.
	Note string

	// Attendance of a 纪要 (10.3): the lists after 出席：, 请假：, 列席：.
	Present   string
	Absent    string
	Attending string

	// Attachments are the 附件 bound with the document, each on new pages.
	Attachments []Attachment

	// CC is the 抄送机关 as typed (names, normally ending in 。), without the 抄送： label.
	CC string
	// Printer and PrintDate are the 印发机关 and the 印发日期 (e.g. 2024年1月5日, without 印发).
	Printer   string
	PrintDate string

	// Rectification holds the structured problem items of a 整改方案; the genre template
	// generates the plan's text and the 整改任务清单 table from them.
	Rectification []RectificationItem

	// Dir is the folder that relative image paths (seals, signature stamps) are read from.
	Dir string
	// Images holds the seal and signature images by file name as written (Issuer.Seal,
	// SignatureImage), read once by LoadImages and converted as DecodeImage does; the layout
	// and the writers print these bytes and open no file.
	Images map[string][]byte
	// imageErrs keeps the problem LoadImages met with an image, for ImagesReady.
	imageErrs map[string]error
	// Source records where each element's text came from; nil for a document built in code.
	Source *Source
	// Warnings are problems a reader worked around, each at its place in the input (bytes
	// that are not UTF-8 in a text read as UTF-8, shown as U+FFFD); the CLI and the app show
	// them. Nil when there were none.
	Warnings []Error
}

// Issuer is one issuing organ.
type Issuer struct {
	Name string // 发文机关署名: the full or standard short name
	Mark string // 发文机关标志 text; empty means Name
	Seal string // seal image (PNG/JPEG) path, relative to Document.Dir; empty means none
}

// MarkName is the text this organ contributes to the 发文机关标志.
func (i Issuer) MarkName() string {
	if i.Mark != "" {
		return i.Mark
	}
	return i.Name
}

// Attachment is one 附件 bound with the document (7.3.7).
type Attachment struct {
	// Label is the 附件N line above the attachment in an imported text, as typed (e.g.
	// "附件1", "附件：", "附："); empty means generated. The layout always prints 附件N.
	Label string
	Title string
	Body  []string
	// Table is an optional ruled table after the body (e.g. the 整改任务清单).
	Table *Table
}

// Table is a simple ruled table: a header row and data rows of plain text cells.
type Table struct {
	Header []string
	Rows   [][]string
	// Widths are relative column widths; empty means equal widths.
	Widths []float64
}

// RectificationItem is one problem of a 整改方案 with what is done about it.
type RectificationItem struct {
	Problem  string // 问题
	Content  string // 整改内容
	Goal     string // 整改目标
	Measures string // 整改措施
	Deadline string // 整改时限
	Owner    string // 责任人 or 责任单位
}

// Clone returns a deep copy of the document: its lists, records and tables are its own, so a
// generation step or an editor may change one without the other. The images (read only) and
// the Source are shared. The copy follows the element table (Elements).
func (d *Document) Clone() *Document {
	if d == nil {
		return nil
	}
	c := *d
	c.Warnings = append([]Error(nil), d.Warnings...)
	for k := range Elements {
		e := &Elements[k]
		switch e.Shape {
		case ShapeList:
			l := e.list(&c, 0)
			*l = append([]string(nil), *l...)
		case ShapeItems:
			e.copyRecords(&c)
			for i := 0; i < e.count(&c); i++ {
				for j := range e.Fields {
					f := &e.Fields[j]
					switch f.Shape {
					case ShapeList:
						l := f.list(&c, i)
						*l = append([]string(nil), *l...)
					case ShapeTable:
						t := f.table(&c, i)
						*t = (*t).clone()
					}
				}
			}
		}
	}
	return &c
}

// clone returns a deep copy of the table (nil for nil).
func (t *Table) clone() *Table {
	if t == nil {
		return nil
	}
	c := *t
	c.Header = append([]string(nil), t.Header...)
	c.Widths = append([]float64(nil), t.Widths...)
	c.Rows = make([][]string, len(t.Rows))
	for j, r := range t.Rows {
		c.Rows[j] = append([]string(nil), r...)
	}
	return &c
}
