// Package layout typesets a document.Document into pages as GB/T 9704-2012 places them:
// A4, the 156 × 225 mm 版心 of 22 lines × 28 characters, the 版头, 主体 and 版记 of 文件格式
// and the special formats of clause 10 (信函, 命令, 纪要). It owns the font roles and their
// per-character fallback and the CJK line breaker. Its output, []Page, is what every writer
// (PDF, PNG, the app's preview) paints.
package layout

// The page geometry of GB/T 9704-2012 clause 5. They are constants: no package can move the
// page under another.
const (
	PageWidth    = 210 * Millimetre
	PageHeight   = 297 * Millimetre
	MarginTop    = 37 * Millimetre // 天头
	MarginLeft   = 28 * Millimetre // 订口
	BodyWidth    = 156 * Millimetre
	BodyHeight   = 225 * Millimetre
	LinesPerPage = 22
	CharsPerLine = 28
	// LinePitch is one line slot: 225 mm / 22.
	LinePitch = BodyHeight / LinesPerPage
	// CharPitch is one character of the 3号 grid: 156 mm / 28.
	CharPitch = BodyWidth / CharsPerLine
)

// Role is a font role of 公文 typesetting.
type Role string

// The five roles.
const (
	FangSong     Role = "fangsong"     // 仿宋: body and most elements
	XiaoBiaoSong Role = "xiaobiaosong" // 小标宋: title and red mark
	Hei          Role = "hei"          // 黑体: level-1 headings, 密级, 紧急程度, 附件N
	Kai          Role = "kai"          // 楷体: level-2 headings, 签发人 names
	Song         Role = "song"         // 宋体: page numbers
)

// Color is an sRGB colour.
type Color struct{ R, G, B uint8 }

// The two colours of a 公文 (5.2.4): black text, and red for the mark, the separator and the seal area.
// (Color is a struct, so these are variables; nothing assigns them.)
var (
	Black = Color{0, 0, 0}
	Red   = Color{230, 0, 18}
)

// Element names a 公文 element, for golden dumps and for the trainer's view.
type Element string

// The elements a page item can belong to.
const (
	ElemCopyNumber     Element = "份号"
	ElemClassification Element = "密级和保密期限"
	ElemUrgency        Element = "紧急程度"
	ElemMark           Element = "发文机关标志"
	ElemNumber         Element = "发文字号"
	ElemSigners        Element = "签发人"
	ElemSeparator      Element = "版头分隔线"
	ElemOrderNumber    Element = "令号"
	ElemTitle          Element = "标题"
	ElemTitleNote      Element = "题注"
	ElemRecipients     Element = "主送机关"
	ElemBody           Element = "正文"
	ElemHeading1       Element = "一级标题"
	ElemHeading2       Element = "二级标题"
	ElemAttachNotes    Element = "附件说明"
	ElemIssuerSign     Element = "发文机关署名"
	ElemDate           Element = "成文日期"
	ElemSeal           Element = "印章"
	ElemSignature      Element = "签发人签名章"
	ElemNote           Element = "附注"
	ElemAttendance     Element = "出席列席"
	ElemAttachment     Element = "附件"
	ElemAttachTitle    Element = "附件标题"
	ElemTable          Element = "表格"
	ElemCC             Element = "抄送机关"
	ElemPrint          Element = "印发机关和印发日期"
	ElemBanjiRule      Element = "版记分隔线"
	ElemPageNumber     Element = "页码"
	ElemLetterRule     Element = "信函格式双线"
)

// Page is one typeset A4 page. Coordinates are from the page's top-left corner, y downwards.
type Page struct {
	// Number is the printed page number, 0 when the page carries none.
	Number int
	// Blank marks the page inserted so that the 版记 falls on an even page.
	Blank  bool
	Texts  []Text
	Rules  []Rule
	Images []Image
	// Circles are seal placeholders (dashed) drawn where a seal has no image.
	Circles []Circle
	// Boxes outline elements for the trainer's view (讲解模式); writers do not print them.
	Boxes []Box

	// pieces are the placed lines of text by element path, in the order they were drawn;
	// Run turns them into Records.
	pieces []piece
}

// Text is a run of characters in one face and size, each placed at its own x.
type Text struct {
	Element Element
	Font    FontID // the face after per-character fallback
	Size    Length // the em size
	Color   Color
	// Y is the baseline.
	Y Length
	// S is the text; X holds the left edge of each of its runes (len(X) == number of runes).
	S string
	X []Length
}

// Rule is a horizontal or vertical straight line. (X0,Y0)-(X1,Y1) is its centre line.
type Rule struct {
	Element        Element
	X0, Y0, X1, Y1 Length
	Width          Length
	Color          Color
}

// Image is a raster image (a seal, a signature stamp) placed in a rectangle.
type Image struct {
	Element Element
	X, Y    Length // top-left
	W, H    Length
	Data    []byte // PNG or JPEG bytes
	// path is the document.Field path of the image's file name (for the Records).
	path string
}

// Circle is a circle outline, dashed when Dashed (the placeholder of a missing seal).
type Circle struct {
	Element   Element
	CX, CY, R Length
	Width     Length
	Color     Color
	Dashed    bool
	// path is the document.Field path of the seal the circle stands for (for the Records).
	path string
}

// Box outlines an element for the trainer's view with its name, its clause and its measurement,
// e.g. "发文机关标志 · 7.2.4 · 上边缘距版心上边缘 35 mm".
type Box struct {
	Element    Element
	X, Y, W, H Length
	Label      string
}
