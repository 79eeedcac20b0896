package document

import (
	"strconv"
	"strings"
)

// The elements of a document are described once, in Elements: each element's draft key
// (which is also its path), the shape of its value, its name in Chinese and English and how
// to reach it in the model. Field, Text and Walk (element paths, text access, the layout's
// invisible-character cleaning), the draft reader's known keys, Marshal, the templates'
// element paths and the app's form are all derived from this table: adding an element is
// one entry here, its field in Document and its place in the layout.

// Shape is what kind of value an element holds.
type Shape int

// The shapes.
const (
	ShapeText  Shape = iota // one string
	ShapeDate               // one string that reads as a date (ParseDate)
	ShapeWord               // an identifier, written plain when it can be (the genre id)
	ShapeEnum               // one of Values (format, direction, sign_off)
	ShapeBool               // true or false
	ShapeList               // a list of strings, one item a line
	ShapeItems              // a list of records, each with the Fields of its Element
	ShapeTable              // an attachment's ruled table (header, rows, widths)
)

// Element describes one element of the document model, or one field of a record element
// (an issuer's name, an attachment's body, a 整改 item's goal).
type Element struct {
	// Key is the draft's key, and the element's path (or the last part of it, in a record).
	Key string
	// GoField is the name of the field of Document (or of the record's type) that holds it.
	GoField string
	Shape   Shape
	// Label and LabelEN name the element in Chinese and English (the form, messages).
	Label, LabelEN string
	// Part is the part of the 公文 the element is printed in (GB/T 9704-2012 7.1): 版头,
	// 主体 or 版记 (the form's tabs); "" for the genre.
	Part string
	// Clause is the clause of GB/T 9704-2012 that rules the element (e.g. "7.2.2"), if any.
	Clause string
	// Values are the allowed values of a ShapeEnum.
	Values []string
	// Image is true for a file name of an image (a seal, the signature stamp): not text to
	// print, so not cleaned of invisible characters.
	Image bool
	// Fields are the fields of each record of a ShapeItems element.
	Fields []Element
	// Example shows a record element's form in the draft reader's messages.
	Example string

	// the accessors: top-level elements take the document, record fields the document and
	// the record's index
	text  func(d *Document, i int) *string   // ShapeText, ShapeDate, ShapeWord, ShapeEnum
	flag  func(d *Document) *bool            // ShapeBool
	list  func(d *Document, i int) *[]string // ShapeList
	table func(d *Document, i int) **Table   // ShapeTable
	count func(d *Document) int              // ShapeItems: the number of records
	add   func(d *Document)                  // ShapeItems: append an empty record
	// copyRecords gives d its own copy of the records' slice (ShapeItems; Clone)
	copyRecords func(d *Document)
}

// IsText reports whether the element holds one string of text (ShapeText or ShapeDate): what
// Field gives a pointer to.
func (e *Element) IsText() bool { return e.Shape == ShapeText || e.Shape == ShapeDate }

// top-level accessors
func textOf(f func(d *Document) *string) func(*Document, int) *string {
	return func(d *Document, _ int) *string { return f(d) }
}
func listOf(f func(d *Document) *[]string) func(*Document, int) *[]string {
	return func(d *Document, _ int) *[]string { return f(d) }
}

func text(key, part, clause, goField, label, en string, f func(d *Document) *string) Element {
	return Element{Key: key, Part: part, Clause: clause, GoField: goField, Shape: ShapeText, Label: label, LabelEN: en, text: textOf(f)}
}

// Elements are the document's elements in draft order (the order Marshal writes them and
// Walk visits them).
var Elements = []Element{
	{Key: PathGenre, Part: "", Clause: "", GoField: "Genre", Shape: ShapeWord, Label: "文种", LabelEN: "Genre",
		text: textOf(func(d *Document) *string { return &d.Genre })},
	{Key: PathFormat, Part: "版头", Clause: "7", GoField: "Format", Shape: ShapeEnum, Label: "版式", LabelEN: "Format",
		Values: []string{string(FormatFile), string(FormatLetter), string(FormatOrder), string(FormatMinutes)},
		text:   textOf(func(d *Document) *string { return (*string)(&d.Format) })},
	{Key: PathDirection, Part: "版头", Clause: "", GoField: "Direction", Shape: ShapeEnum, Label: "行文方向", LabelEN: "Direction",
		Values: []string{string(DirectionDown), string(DirectionUp), string(DirectionParallel)},
		text:   textOf(func(d *Document) *string { return (*string)(&d.Direction) })},
	text(PathCopyNumber, "版头", "7.2.1", "CopyNumber", "份号", "Copy number", func(d *Document) *string { return &d.CopyNumber }),
	text(PathClassification, "版头", "7.2.2", "Classification", "密级", "Classification", func(d *Document) *string { return &d.Classification }),
	text(PathClassificationTerm, "版头", "7.2.2", "ClassificationTerm", "保密期限", "Secrecy term", func(d *Document) *string { return &d.ClassificationTerm }),
	text(PathUrgency, "版头", "7.2.3", "Urgency", "紧急程度", "Urgency", func(d *Document) *string { return &d.Urgency }),
	{Key: PathIssuers, Part: "版头", Clause: "7.2.4", GoField: "Issuers", Shape: ShapeItems, Label: "发文机关", LabelEN: "Issuing organs",
		Example:     "\n  - name: 某某市人民政府",
		count:       func(d *Document) int { return len(d.Issuers) },
		add:         func(d *Document) { d.Issuers = append(d.Issuers, Issuer{}) },
		copyRecords: func(d *Document) { d.Issuers = append([]Issuer(nil), d.Issuers...) },
		Fields: []Element{
			{Key: "name", GoField: "Name", Shape: ShapeText, Label: "发文机关署名", LabelEN: "Name",
				text: func(d *Document, i int) *string { return &d.Issuers[i].Name }},
			{Key: "mark", GoField: "Mark", Shape: ShapeText, Label: "发文机关标志", LabelEN: "Mark",
				text: func(d *Document, i int) *string { return &d.Issuers[i].Mark }},
			{Key: "seal", GoField: "Seal", Shape: ShapeText, Label: "印章图片", LabelEN: "Seal image", Image: true,
				text: func(d *Document, i int) *string { return &d.Issuers[i].Seal }},
		}},
	text(PathMarkSuffix, "版头", "7.2.4", "MarkSuffix", "标志后缀", "Mark suffix", func(d *Document) *string { return &d.MarkSuffix }),
	text(PathMeetingName, "版头", "10.3", "MeetingName", "会议名称", "Meeting name", func(d *Document) *string { return &d.MeetingName }),
	text(PathNumber, "版头", "7.2.5", "Number", "发文字号", "Document number", func(d *Document) *string { return &d.Number }),
	text(PathOrderNumber, "版头", "10.2", "OrderNumber", "令号", "Order number", func(d *Document) *string { return &d.OrderNumber }),
	{Key: PathSigners, Part: "版头", Clause: "7.2.6", GoField: "Signers", Shape: ShapeList, Label: "签发人", LabelEN: "Signers",
		list: listOf(func(d *Document) *[]string { return &d.Signers })},
	text(PathTitle, "主体", "7.3.1", "Title", "标题", "Title", func(d *Document) *string { return &d.Title }),
	text(PathTitleNote, "主体", "", "TitleNote", "题注", "Note under the title", func(d *Document) *string { return &d.TitleNote }),
	text(PathRecipients, "主体", "7.3.2", "Recipients", "主送机关", "Main recipients", func(d *Document) *string { return &d.Recipients }),
	{Key: PathRecipientsInBanji, Part: "主体", Clause: "7.3.2", GoField: "RecipientsInBanji", Shape: ShapeBool, Label: "主送机关移至版记", LabelEN: "Recipients in the imprint",
		flag: func(d *Document) *bool { return &d.RecipientsInBanji }},
	{Key: PathBody, Part: "主体", Clause: "7.3.3", GoField: "Body", Shape: ShapeList, Label: "正文", LabelEN: "Body",
		list: listOf(func(d *Document) *[]string { return &d.Body })},
	{Key: PathAttachmentNotes, Part: "主体", Clause: "7.3.4", GoField: "AttachmentNotes", Shape: ShapeList, Label: "附件说明", LabelEN: "Attachment notes",
		list: listOf(func(d *Document) *[]string { return &d.AttachmentNotes })},
	text(PathAttachmentNotesLabel, "主体", "7.3.4", "AttachmentNotesLabel", "附件说明标签", "Attachment notes label", func(d *Document) *string { return &d.AttachmentNotesLabel }),
	{Key: PathSignOff, Part: "主体", Clause: "7.3.5", GoField: "SignOff", Shape: ShapeEnum, Label: "落款方式", LabelEN: "Sign-off",
		Values: []string{string(SignOffSeal), string(SignOffNoSeal), string(SignOffSignature), string(SignOffNone)},
		text:   textOf(func(d *Document) *string { return (*string)(&d.SignOff) })},
	{Key: PathDate, Part: "主体", Clause: "7.3.5.4", GoField: "Date", Shape: ShapeDate, Label: "成文日期", LabelEN: "Date",
		text: textOf(func(d *Document) *string { return &d.Date })},
	text(PathSignerTitle, "主体", "7.3.5.3", "SignerTitle", "签发人职务", "Signer's title", func(d *Document) *string { return &d.SignerTitle }),
	text(PathSignerName, "主体", "7.3.5.3", "SignerName", "签发人姓名", "Signer's name", func(d *Document) *string { return &d.SignerName }),
	{Key: PathSignatureImage, Part: "主体", Clause: "7.3.5.3", GoField: "SignatureImage", Shape: ShapeText, Label: "签名章图片", LabelEN: "Signature stamp image", Image: true,
		text: textOf(func(d *Document) *string { return &d.SignatureImage })},
	text(PathNote, "主体", "7.3.6", "Note", "附注", "Note", func(d *Document) *string { return &d.Note }),
	text(PathPresent, "主体", "10.3", "Present", "出席", "Present", func(d *Document) *string { return &d.Present }),
	text(PathAbsent, "主体", "10.3", "Absent", "请假", "Absent (on leave)", func(d *Document) *string { return &d.Absent }),
	text(PathAttending, "主体", "10.3", "Attending", "列席", "Attending", func(d *Document) *string { return &d.Attending }),
	{Key: PathAttachments, Part: "主体", Clause: "7.3.7", GoField: "Attachments", Shape: ShapeItems, Label: "附件", LabelEN: "Attachments",
		Example:     "\n  - title: 附件标题\n    body: [段落]",
		count:       func(d *Document) int { return len(d.Attachments) },
		add:         func(d *Document) { d.Attachments = append(d.Attachments, Attachment{}) },
		copyRecords: func(d *Document) { d.Attachments = append([]Attachment(nil), d.Attachments...) },
		Fields: []Element{
			{Key: "label", GoField: "Label", Shape: ShapeText, Label: "附件标签", LabelEN: "Label",
				text: func(d *Document, i int) *string { return &d.Attachments[i].Label }},
			{Key: "title", GoField: "Title", Shape: ShapeText, Label: "附件标题", LabelEN: "Title",
				text: func(d *Document, i int) *string { return &d.Attachments[i].Title }},
			{Key: "body", GoField: "Body", Shape: ShapeList, Label: "附件正文", LabelEN: "Body",
				list: func(d *Document, i int) *[]string { return &d.Attachments[i].Body }},
			{Key: "table", GoField: "Table", Shape: ShapeTable, Label: "表格", LabelEN: "Table",
				table: func(d *Document, i int) **Table { return &d.Attachments[i].Table }},
		}},
	{Key: PathRectification, Part: "主体", Clause: "", GoField: "Rectification", Shape: ShapeItems, Label: "整改事项", LabelEN: "Rectification items",
		Example:     "\n  - problem: 某问题\n    content: 整改内容",
		count:       func(d *Document) int { return len(d.Rectification) },
		add:         func(d *Document) { d.Rectification = append(d.Rectification, RectificationItem{}) },
		copyRecords: func(d *Document) { d.Rectification = append([]RectificationItem(nil), d.Rectification...) },
		Fields: []Element{
			{Key: "problem", GoField: "Problem", Shape: ShapeText, Label: "问题", LabelEN: "Problem",
				text: func(d *Document, i int) *string { return &d.Rectification[i].Problem }},
			{Key: "content", GoField: "Content", Shape: ShapeText, Label: "整改内容", LabelEN: "Content",
				text: func(d *Document, i int) *string { return &d.Rectification[i].Content }},
			{Key: "goal", GoField: "Goal", Shape: ShapeText, Label: "整改目标", LabelEN: "Goal",
				text: func(d *Document, i int) *string { return &d.Rectification[i].Goal }},
			{Key: "measures", GoField: "Measures", Shape: ShapeText, Label: "整改措施", LabelEN: "Measures",
				text: func(d *Document, i int) *string { return &d.Rectification[i].Measures }},
			{Key: "deadline", GoField: "Deadline", Shape: ShapeText, Label: "整改时限", LabelEN: "Deadline",
				text: func(d *Document, i int) *string { return &d.Rectification[i].Deadline }},
			{Key: "owner", GoField: "Owner", Shape: ShapeText, Label: "责任人", LabelEN: "Owner",
				text: func(d *Document, i int) *string { return &d.Rectification[i].Owner }},
		}},
	text(PathCC, "版记", "7.4.2", "CC", "抄送机关", "Copies to", func(d *Document) *string { return &d.CC }),
	text(PathPrinter, "版记", "7.4.3", "Printer", "印发机关", "Printing organ", func(d *Document) *string { return &d.Printer }),
	{Key: PathPrintDate, Part: "版记", Clause: "7.4.3", GoField: "PrintDate", Shape: ShapeDate, Label: "印发日期", LabelEN: "Printing date",
		text: textOf(func(d *Document) *string { return &d.PrintDate })},
}

// elementIndex finds a top-level element by key.
var elementIndex = func() map[string]*Element {
	m := make(map[string]*Element, len(Elements))
	for i := range Elements {
		m[Elements[i].Key] = &Elements[i]
	}
	return m
}()

// ElementOf returns the description of the top-level element with the given key (the first
// part of a path: "body" for "body.3"), or nil.
func ElementOf(key string) *Element {
	return elementIndex[key]
}

// Sub returns the description of a record element's field by key ("seal" of the issuers),
// or nil.
func (e *Element) Sub(key string) *Element {
	for i := range e.Fields {
		if e.Fields[i].Key == key {
			return &e.Fields[i]
		}
	}
	return nil
}

// IsImagePath reports whether an element path names an image file (a seal, the signature
// stamp) rather than text to print.
func IsImagePath(path string) bool {
	key, rest, nested := strings.Cut(path, ".")
	e := ElementOf(key)
	if !nested {
		return e != nil && e.Image
	}
	// KEY.INDEX.FIELD of a record element
	_, field, ok := strings.Cut(rest, ".")
	if e == nil || e.Shape != ShapeItems || !ok || strings.Contains(field, ".") {
		return false
	}
	e = e.Sub(field)
	return e != nil && e.Image
}

// Count returns the number of records of a ShapeItems element, or the number of items of a
// ShapeList element, in d.
func (e *Element) Count(d *Document) int {
	switch e.Shape {
	case ShapeItems:
		return e.count(d)
	case ShapeList:
		return len(*e.list(d, 0))
	}
	return 0
}

// Filled reports whether the element has a value in d: a text that is not empty, true, a
// list or records that are not empty.
func (e *Element) Filled(d *Document) bool {
	switch e.Shape {
	case ShapeBool:
		return *e.flag(d)
	case ShapeList, ShapeItems:
		return e.Count(d) > 0
	}
	return *e.text(d, 0) != ""
}

// TextPtr returns a pointer to the string of a one-string element (text, date, word or enum)
// of d, or nil for other shapes.
func (e *Element) TextPtr(d *Document) *string {
	if e.text == nil {
		return nil
	}
	return e.text(d, 0)
}

// ListPtr returns a pointer to the list of a ShapeList element of d, or nil.
func (e *Element) ListPtr(d *Document) *[]string {
	if e.list == nil || e.Shape != ShapeList {
		return nil
	}
	return e.list(d, 0)
}

// BoolPtr returns a pointer to the value of a ShapeBool element of d, or nil.
func (e *Element) BoolPtr(d *Document) *bool {
	if e.flag == nil {
		return nil
	}
	return e.flag(d)
}

// walkRecord calls fn with the path and the text of every text of record i of e.
func (e *Element) walkRecord(d *Document, i int, fn func(path string, text *string)) {
	n := e.Key + "." + strconv.Itoa(i) + "."
	for k := range e.Fields {
		f := &e.Fields[k]
		switch f.Shape {
		case ShapeText, ShapeDate:
			fn(n+f.Key, f.text(d, i))
		case ShapeList:
			l := *f.list(d, i)
			for j := range l {
				fn(n+f.Key+"."+strconv.Itoa(j), &l[j])
			}
		case ShapeTable:
			t := *f.table(d, i)
			if t == nil {
				continue
			}
			for c := range t.Header {
				fn(n+f.Key+".header."+strconv.Itoa(c), &t.Header[c])
			}
			for r, row := range t.Rows {
				for c := range row {
					fn(n+f.Key+".rows."+strconv.Itoa(r)+"."+strconv.Itoa(c), &row[c])
				}
			}
		}
	}
}

// recordField returns a pointer to the text at the rest of a path inside record i of e
// ("name", "body.2", "table.rows.1.0"), or nil.
func (e *Element) recordField(d *Document, i int, parts []string) *string {
	if len(parts) == 0 {
		return nil
	}
	f := e.Sub(parts[0])
	if f == nil {
		return nil
	}
	idx := func(k, n int) (int, bool) {
		if k >= len(parts) {
			return 0, false
		}
		j, err := strconv.Atoi(parts[k])
		return j, err == nil && j >= 0 && j < n
	}
	switch f.Shape {
	case ShapeText, ShapeDate:
		if len(parts) == 1 {
			return f.text(d, i)
		}
	case ShapeList:
		l := *f.list(d, i)
		if j, ok := idx(1, len(l)); ok && len(parts) == 2 {
			return &l[j]
		}
	case ShapeTable:
		t := *f.table(d, i)
		if t == nil || len(parts) < 3 {
			return nil
		}
		switch parts[1] {
		case "header":
			if j, ok := idx(2, len(t.Header)); ok && len(parts) == 3 {
				return &t.Header[j]
			}
		case "rows":
			if r, ok := idx(2, len(t.Rows)); ok && len(parts) == 4 {
				if c, ok := idx(3, len(t.Rows[r])); ok {
					return &t.Rows[r][c]
				}
			}
		}
	}
	return nil
}
