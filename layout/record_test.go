package layout

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"gongwen/document"
)

// squeeze drops white space, which the line breaker may turn into line ends.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u3000' {
			return -1
		}
		return r
	}, s)
}

// checkRecords checks the invariants of a run's Records against its pages and document:
// every printed character belongs to a Record, every path names an element of the document
// whose text the Record's lines spell out in order, lines lie inside their rectangle, only
// the last line of an element ends by force unless the text breaks it.
func checkRecords(t *testing.T, doc *document.Document, res *Result) {
	t.Helper()
	clean := visibleCopy(doc)
	printed := make([]int, len(res.Pages))
	for i, p := range res.Pages {
		for _, tx := range p.Texts {
			printed[i] += len([]rune(squeeze(tx.S)))
		}
	}
	recorded := make([]int, len(res.Pages))
	spelled := map[string]*strings.Builder{}
	var order []string
	lastPage := map[string]int{}
	for _, r := range res.Records {
		if r.Page < 0 || r.Page >= len(res.Pages) {
			t.Fatalf("record %s on page %d of %d", r.Path, r.Page, len(res.Pages))
		}
		for _, ln := range r.Lines {
			recorded[r.Page] += len([]rune(squeeze(ln.Text)))
			if ln.X < r.X || ln.X+ln.W > r.X+r.W || ln.Y < r.Y || ln.Y > r.Y+r.H {
				t.Errorf("%s page %d: line %q at (%v,%v w %v) outside its rectangle %v,%v %v×%v", r.Path, r.Page, ln.Text, ln.X, ln.Y, ln.W, r.X, r.Y, r.W, r.H)
			}
		}
		if r.Path == "" {
			if len(r.Lines) > 1 {
				t.Errorf("a record without path has %d lines", len(r.Lines))
			}
			continue
		}
		if clean.Field(r.Path) == nil {
			t.Errorf("record path %q names no element of the document", r.Path)
			continue
		}
		if len(r.Lines) == 0 {
			continue // a seal image or placeholder
		}
		if strings.Contains(r.Path, ".table.header.") {
			// the header is repeated on every page the table runs over
			var b strings.Builder
			for _, ln := range r.Lines {
				b.WriteString(ln.Text)
			}
			if got, want := squeeze(b.String()), squeeze(*clean.Field(r.Path)); got != want {
				t.Errorf("%s on page %d spells %q, the document has %q", r.Path, r.Page, got, want)
			}
			continue
		}
		key := r.Path + "|" + string(baseElement(r.Element))
		if p, ok := lastPage[key]; ok && r.Part == 0 {
			t.Errorf("%s: part 0 again on page %d (first on %d)", key, r.Page, p)
		}
		lastPage[key] = r.Page
		b := spelled[key]
		if b == nil {
			b = &strings.Builder{}
			spelled[key] = b
			order = append(order, key)
		}
		for _, ln := range r.Lines {
			b.WriteString(ln.Text)
		}
		if n := len(r.Lines); !r.Lines[n-1].Forced && r.Path != document.PathTitle && !strings.HasPrefix(r.Path, "attachments.") {
			// the element's last line on its last page ends by force; a soft end means more follows
			if i := indexAfter(res.Records, r); i < 0 {
				t.Errorf("%s: last line %q ends softly", r.Path, r.Lines[n-1].Text)
			}
		}
	}
	for i := range printed {
		if printed[i] != recorded[i] {
			t.Errorf("page %d: %d characters printed, %d in records", i+1, printed[i], recorded[i])
		}
	}
	for _, key := range order {
		path := key[:strings.IndexByte(key, '|')]
		want := squeeze(*clean.Field(path))
		if want == "" || strings.HasSuffix(path, ".label") {
			// printed by default (纪要, 令, 附件N): the path names the element to edit
			continue
		}
		got := squeeze(spelled[key].String())
		if got != want {
			t.Errorf("%s spells %q, the document has %q", key, got, want)
		}
	}
}

// indexAfter returns the index of a later record of the same element, or -1.
func indexAfter(recs []Record, r Record) int {
	for i, x := range recs {
		if x.Path == r.Path && baseElement(x.Element) == baseElement(r.Element) && x.Part == r.Part+1 {
			return i
		}
	}
	return -1
}

func TestRecordsOfExamples(t *testing.T) {
	for _, name := range exampleNames(t) {
		t.Run(name, func(t *testing.T) {
			doc := loadExample(t, name)
			res, err := Run(doc, Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkRecords(t, doc, res)
			pages, err := Typeset(doc, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if Dump(pages) != Dump(res.Pages) {
				t.Error("Typeset and Run give different pages")
			}
		})
	}
}

func TestRecordsOfElements(t *testing.T) {
	long := sampleDoc(9)
	tb := &document.Table{Header: []string{"序号", "问题", "整改措施"}, Widths: []float64{1, 4, 5}}
	for i := 1; i <= 30; i++ {
		tb.Rows = append(tb.Rows, []string{fmt.Sprint(i), "问题描述比较长需要在单元格里折行显示", "措施"})
	}
	long.Attachments = []document.Attachment{{Title: "整改任务清单", Body: []string{"附件正文。"}, Table: tb}}
	long.AttachmentNotes = []string{"整改任务清单"}
	joint := sampleDoc(1)
	joint.Issuers = []document.Issuer{{Name: "甲市人民政府"}, {Name: "乙市人民政府", Mark: "乙市政府"}}
	joint.SignOff = document.SignOffSeal
	joint.Classification, joint.ClassificationTerm, joint.Urgency = "秘密", "1年", "特急"
	joint.RecipientsInBanji = true
	up := sampleDoc(1)
	up.Direction = document.DirectionUp
	up.Signers = []string{"张三", "李四", "王五"}
	minutes := sampleDoc(2)
	minutes.Format, minutes.MeetingName, minutes.MarkSuffix = document.FormatMinutes, "市政府常务会议", ""
	minutes.Present, minutes.Attending = "张三、李四", "王五"
	order := sampleDoc(1)
	order.Format, order.OrderNumber, order.SignOff = document.FormatOrder, "第5号", document.SignOffSignature
	order.SignerTitle, order.SignerName = "市长", "张三"

	tests := []struct {
		name string
		doc  *document.Document
		// want maps a path to the element, page and part it must have a record for
		want []Record
	}{
		{"long with table", long, []Record{
			{Path: "title", Element: ElemTitle, Role: XiaoBiaoSong, Size: Hao(2)},
			{Path: "copy_number", Element: ElemCopyNumber},
			{Path: "issuers.0.name", Element: ElemMark, Role: XiaoBiaoSong},
			{Path: "mark_suffix", Element: ElemMark},
			{Path: "number", Element: ElemNumber},
			{Path: "recipients", Element: ElemRecipients},
			{Path: "body.0", Element: ElemHeading1, Role: Hei},
			{Path: "body.1", Element: ElemBody, Role: FangSong, Size: Hao(3)},
			{Path: "attachment_notes.0", Element: ElemAttachNotes},
			{Path: "issuers.0.name", Element: ElemIssuerSign},
			{Path: "date", Element: ElemDate},
			{Path: "attachments.0.label", Element: ElemAttachment, Role: Hei},
			{Path: "attachments.0.title", Element: ElemAttachTitle},
			{Path: "attachments.0.body.0", Element: ElemBody},
			{Path: "attachments.0.table.header.2", Element: ElemTable, Role: Hei, Size: Hao(4)},
			{Path: "attachments.0.table.header.2", Element: ElemTable, Part: 1},
			{Path: "attachments.0.table.rows.29.1", Element: ElemTable},
			{Path: "cc", Element: ElemCC, Size: Hao(4)},
			{Path: "printer", Element: ElemPrint},
			{Path: "print_date", Element: ElemPrint},
			{Element: ElemPageNumber, Role: Song},
			{Element: ElemSeparator},
			{Element: ElemBanjiRule},
		}},
		{"joint with seals", joint, []Record{
			{Path: "issuers.0.name", Element: ElemMark},
			{Path: "issuers.1.mark", Element: ElemMark},
			{Path: "issuers.1.name", Element: ElemIssuerSign},
			{Path: "issuers.0.seal", Element: ElemSeal},
			{Path: "classification", Element: ElemClassification, Role: Hei},
			{Path: "classification_term", Element: ElemClassification},
			{Path: "urgency", Element: ElemUrgency},
			{Path: "recipients", Element: ElemRecipients, Size: Hao(4)},
		}},
		{"up with signers", up, []Record{
			{Path: "signers.0", Element: ElemSigners, Role: Kai},
			{Path: "signers.2", Element: ElemSigners, Role: Kai},
			{Element: ElemSigners, Role: FangSong},
		}},
		{"minutes", minutes, []Record{
			{Path: "meeting_name", Element: ElemMark},
			{Path: "present", Element: ElemAttendance, Role: FangSong},
			{Path: "attending", Element: ElemAttendance},
			{Element: ElemAttendance, Role: Hei},
		}},
		{"order", order, []Record{
			{Path: "order_number", Element: ElemOrderNumber},
			{Path: "signer_title", Element: ElemSignature},
			{Path: "signer_name", Element: ElemSignature, Role: Kai},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Run(tt.doc, Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkRecords(t, tt.doc, res)
			for _, w := range tt.want {
				found := false
				for _, r := range res.Records {
					if r.Path == w.Path && r.Element == w.Element && r.Part == w.Part &&
						(w.Role == "" || r.Role == w.Role) && (w.Size == 0 || r.Size == w.Size) {
						found = true
						break
					}
				}
				if !found {
					t.Errorf("no record %q %s part %d role %q size %v", w.Path, w.Element, w.Part, w.Role, w.Size)
				}
			}
		})
	}
}

// TestRecordLines pins what a writer reproduces from the records: the line breaker's ends
// are soft, a paragraph's end is forced, and the lines sit where the page's texts are.
func TestRecordLines(t *testing.T) {
	d := sampleDoc(2)
	d.Title = "关于甲\n事项的通知"
	res, err := Run(d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var body, title *Record
	for i := range res.Records {
		switch res.Records[i].Path {
		case "body.1":
			body = &res.Records[i]
		case "title":
			title = &res.Records[i]
		}
	}
	if body == nil || title == nil {
		t.Fatal("no body.1 or title record")
	}
	if len(body.Lines) < 2 {
		t.Fatalf("body.1 has %d lines", len(body.Lines))
	}
	for i, ln := range body.Lines {
		if ln.Forced != (i == len(body.Lines)-1) {
			t.Errorf("body.1 line %d %q: forced %v", i, ln.Text, ln.Forced)
		}
		if ln.Y != body.Lines[0].Y+Length(i)*LinePitch && !near(ln.Y, body.Lines[0].Y+Length(i)*LinePitch, 2) {
			t.Errorf("body.1 line %d at %v, not on the grid", i, ln.Y)
		}
	}
	if first := body.Lines[0]; first.X != MarginLeft+2*CharPitch {
		t.Errorf("body.1 first line at x %v, want indented two characters", first.X)
	}
	// the title breaks at the typed "\n": both lines end by force
	if len(title.Lines) != 2 || !title.Lines[0].Forced || !title.Lines[1].Forced || title.Lines[0].Text != "关于甲" {
		t.Errorf("title lines %+v", title.Lines)
	}
	// each line is a Text of its page at the same place
	p := res.Pages[body.Page]
	for _, ln := range body.Lines {
		ok := false
		for _, tx := range p.Texts {
			if tx.Y == ln.Y && len(tx.X) > 0 && tx.X[0] == ln.X && strings.HasPrefix(ln.Text, tx.S[:len(string([]rune(tx.S)[:1]))]) {
				ok = true
			}
		}
		if !ok {
			t.Errorf("line %q at %v,%v matches no text on page %d", ln.Text, ln.X, ln.Y, body.Page+1)
		}
	}
}

// TestRunOpensNoFile: the seal is printed from doc.Images; the folder it names does not exist.
func TestRunOpensNoFile(t *testing.T) {
	src := loadExample(t, "fujian")
	data := src.Images[src.Issuers[0].Seal]
	if len(data) == 0 {
		t.Fatal("document.Load did not read the example's seal")
	}
	d := sampleDoc(1)
	d.SignOff = document.SignOffSeal
	d.Dir = "/nonexistent"
	d.Issuers[0].Seal = "seal.png"
	d.Images = map[string][]byte{"seal.png": data}
	res, err := Run(d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range res.Records {
		if r.Element == ElemSeal && r.Path == "issuers.0.seal" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d seal records, want 1", n)
	}
	d.Images = nil
	if _, err := Run(d, Options{}); err == nil || !strings.Contains(err.Error(), "尚未读入") {
		t.Errorf("Run without the image: %v", err)
	}
}

// TestNumberedPaths: a paragraph's path id names its path again, within the families and
// numbers numbered and beyond them (interned then), and ids of different paths differ.
func TestNumberedPaths(t *testing.T) {
	s := &setter{pathIdx: map[string]int32{"": 0}, paths: []string{""}}
	seen := map[int32]string{}
	check := func(prefix string, n int) {
		t.Helper()
		id := s.numberedPathID(prefix, n)
		want := prefix + strconv.Itoa(n)
		if got := s.pathName(id); got != want {
			t.Errorf("pathName(numberedPathID(%q, %d)) = %q", prefix, n, got)
		}
		if other, ok := seen[id]; ok && other != want {
			t.Errorf("%q and %q share id %d", other, want, id)
		}
		seen[id] = want
	}
	for _, n := range []int{0, 1, 9, 10, 12345, pathNumbers - 1, pathNumbers, pathNumbers * 3} {
		check("body.", n)
		check("attachments.0.body.", n)
	}
	for i := 0; i < pathFamilies+5; i++ { // families beyond the numbered ones are interned
		check("attachments."+strconv.Itoa(i)+".body.", 7)
	}
	if id := s.numberedPathID("body.", 3); id >= 0 {
		t.Errorf("body.3 has id %d, want a computed (negative) one", id)
	}
	if id := s.numberedPathID("attachments.200.body.", 3); id <= 0 {
		t.Errorf("a family beyond %d has id %d, want an interned one", pathFamilies, id)
	}
}
