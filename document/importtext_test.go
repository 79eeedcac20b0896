package document

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// sharedCorpus returns ../shared/corpus seen from the repository root, skipping the test
// when it is absent (a user's clone has no ../shared).
func sharedCorpus(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Skip(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("repository root not found")
		}
		dir = parent
	}
	c := filepath.Join(dir, "..", "shared", "corpus")
	if _, err := os.Stat(c); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("../shared/corpus absent; CI=true requires it")
		}
		t.Skip("../shared/corpus absent")
	}
	return c
}

// checkNoLineLost asserts that every non-blank input line is recorded in doc.Source, and
// that the recorded places hold the element's text.
func checkNoLineLost(t testing.TB, name, text string, doc *Document) {
	t.Helper()
	lines := splitTextLines(text)
	covered := map[int]bool{}
	// An inferred issuer points at the text it was inferred from (the title, the number, the
	// 印发 line: a warning there reports it), which does not hold its name verbatim.
	inferred := map[Pos]bool{}
	skipped := map[int]bool{}
	// a date normalised on import has 〇 where the line has a look-alike (○, O, 0)
	normalized := map[int]bool{}
	for _, w := range doc.Warnings {
		if strings.Contains(w.Msg, "未导入") {
			// left out on purpose (主题词, a web page's own lines), reported
			skipped[w.Line] = true
			var last int
			if i := strings.Index(w.Msg, "到第"); i >= 0 {
				if _, err := fmt.Sscanf(w.Msg[i+len("到第"):], " %d", &last); err == nil {
					for n := w.Line; n <= last; n++ {
						skipped[n] = true
					}
				}
			}
		}
		if strings.HasPrefix(w.Msg, "发文机关由") {
			inferred[Pos{Line: w.Line, Col: w.Col}] = true
		}
		if strings.Contains(w.Msg, "改为“〇”") {
			normalized[w.Line] = true
		}
	}
	for _, p := range doc.Source.Paths() {
		val, ok := doc.Text(p)
		if !ok {
			t.Errorf("%s: Source has path %q that the document lacks", name, p)
			continue
		}
		vr := []rune(val)
		segs := doc.Source.spans[p]
		for k, s := range segs {
			covered[s.Pos.Line] = true
			if s.Pos.Line < 1 || s.Pos.Line > len(lines) {
				t.Errorf("%s: %s: line %d out of range", name, p, s.Pos.Line)
				continue
			}
			end := len(vr)
			if k+1 < len(segs) {
				end = segs[k+1].Off
			}
			if s.Off > len(vr) || end > len(vr) || s.Off > end {
				t.Errorf("%s: %s: bad segment %+v for %q", name, p, s, val)
				continue
			}
			run := strings.TrimRight(string(vr[s.Off:end]), "\n ")
			lr := []rune(lines[s.Pos.Line-1].raw)
			if s.Pos.Col < 1 || s.Pos.Col-1 > len(lr) {
				t.Errorf("%s: %s: column %d out of range on line %d", name, p, s.Pos.Col, s.Pos.Line)
				continue
			}
			if strings.HasPrefix(p, "issuers.") && inferred[s.Pos] {
				continue
			}
			at := string(lr[s.Pos.Col-1:])
			if normalized[s.Pos.Line] {
				at = strings.Map(func(r rune) rune {
					if strings.ContainsRune(zeroLookalikes, r) {
						return '〇'
					}
					return r
				}, at)
			}
			if !strings.HasPrefix(at, run) {
				t.Errorf("%s: %s: line %d col %d holds %q, want %q", name, p, s.Pos.Line, s.Pos.Col, string(lr[s.Pos.Col-1:]), run)
			}
		}
	}
	for _, l := range lines {
		if l.text != "" && !isDecoration(l.text) && !covered[l.num] && !skipped[l.num] {
			t.Errorf("%s: line %d lost: %q", name, l.num, l.text)
		}
	}
}

type wantDoc struct {
	title, number, recipients, date, note string
	issuers                               []string
	body, notes                           int
	attTitles                             []string
	format                                Format
	direction                             Direction
	genre                                 string
}

const allOrgans = "各省、自治区、直辖市人民政府，国务院各部委、各直属机构："

// corpusWant is what a human reads in each file of ../shared/corpus/docs.
var corpusWant = map[string]wantDoc{
	"01_通知": {title: "国务院办公厅关于2019年\n部分节假日安排的通知", number: "国办发明电〔2018〕15号", recipients: allOrgans,
		date: "2018年12月4日", issuers: []string{"国务院办公厅"}, body: 9, format: FormatFile, direction: DirectionDown, genre: "tongzhi"},
	"02_通知": {title: "国务院办公厅关于调整\n国家教材委员会组成人员的通知", number: "国办发〔2018〕109号", recipients: allOrgans,
		date: "2018年11月20日", note: "（此件公开发布）", issuers: []string{"国务院办公厅"}, body: 58, format: FormatFile, direction: DirectionDown, genre: "tongzhi"},
	"03_通知": {title: "国务院办公厅关于调整国务院第二次\n全国污染源普查领导小组组成人员的通知", number: "国办函〔2018〕74号", recipients: allOrgans,
		date: "2018年11月5日", note: "（此件公开发布）", issuers: []string{"国务院办公厅"}, body: 20, format: FormatLetter, direction: DirectionDown, genre: "tongzhi"},
	"04_通知": {title: "国务院办公厅转发国家教委\n关于内地西藏班（校）扩大规模\n有关问题请示的通知", number: "国办发〔1996〕32号",
		recipients: "北京、天津、上海、河北、辽宁、江苏、浙江、福建、山东、河南、湖南、湖北、广东、四川、西藏、陕西省（自治区、直辖市）人民政府：",
		date:       "一九九六年七月十七日", issuers: []string{"国务院办公厅"}, body: 1,
		attTitles: []string{"关于内地西藏班（校）\n扩大规模有关问题的请示", "内地西藏初中班（校）扩大招生计划表"},
		format:    FormatFile, direction: DirectionDown, genre: "tongzhi-zhuanfa"},
	"10_批复": {title: "国务院关于同意乌鲁木齐、昌吉、石河子\n高新技术产业开发区建设\n国家自主创新示范区的批复", number: "国函〔2018〕145号",
		recipients: "科技部、新疆维吾尔自治区人民政府、新疆生产建设兵团：", date: "2018年11月23日", note: "（此件公开发布）",
		issuers: []string{"国务院"}, body: 5, format: FormatLetter, direction: DirectionDown, genre: "pifu"},
	"11_批复": {title: "国务院关于同意建立国务院职业教育工作\n部际联席会议制度的批复", number: "国函〔2018〕144号", recipients: "教育部：",
		date: "2018年11月20日", note: "（此件公开发布）", issuers: []string{"国务院"}, body: 3, notes: 1,
		attTitles: []string{"国务院职业教育工作部际联席会议制度"}, format: FormatLetter, direction: DirectionDown, genre: "pifu"},
	"12_批复": {title: "国务院、中央军委关于同意武警总部\n后勤部机关等迁址新建的批复", number: "国函〔1996〕95号", recipients: "武警总部：",
		date: "一九九六年十一月五日", issuers: []string{"国务院", "中央军委"}, body: 2, format: FormatLetter, direction: DirectionDown, genre: "pifu"},
	"13_批复": {title: "国务院关于同意组建2008年北京奥运会\n首都国际机场协调委员会的批复", number: "国函〔2006〕38号", recipients: "民航总局：",
		date: "二〇〇六年五月二十三日", issuers: []string{"国务院"}, body: 2, notes: 1,
		attTitles: []string{"2008年北京奥运会首都国际机场\n协调委员会组建方案"}, format: FormatLetter, direction: DirectionDown, genre: "pifu"},
	"18_函": {title: "国务院办公厅关于同意以哈尔滨市名义\n申办2009年第二十四届世界\n大学生冬季运动会的复函", number: "国办函〔2004〕36号",
		recipients: "黑龙江省人民政府，教育部、外交部、财政部、体育总局：", date: "二〇〇四年四月二十七日", issuers: []string{"国务院办公厅"}, body: 2,
		format: FormatLetter, direction: DirectionParallel, genre: "han"},
	"19_函": {title: "国务院办公厅关于广东与香港、澳门合建\n自动气象站网有关问题的复函", number: "国办函〔1996〕14号", recipients: "中国气象局：",
		date: "一九九六年二月六日", note: "（本文有删减）", issuers: []string{"国务院办公厅"}, body: 5,
		format: FormatLetter, direction: DirectionParallel, genre: "han"},
	"20_函": {title: "国务院办公厅关于科技节水建议的复函", number: "国办函〔2005〕21号", recipients: "马万祺副主席：",
		date: "二〇〇五年三月三日", issuers: []string{"国务院办公厅"}, body: 6, format: FormatLetter, direction: DirectionParallel, genre: "han"},
	"21_函": {title: "国务院办公厅关于湖北省巴东县\n地质灾害险情有关问题的复函", number: "国办函〔2004〕80号", recipients: "湖北省人民政府：",
		date: "二〇〇四年十一月四日", issuers: []string{"国务院办公厅"}, body: 1, notes: 2,
		attTitles: []string{"关于湖北省巴东县官渡口镇马鬃山村\n地质险情调研情况的报告", "湖北省巴东县官渡口镇马鬃山村\n地质险情调查意见"},
		format:    FormatLetter, direction: DirectionParallel, genre: "han"},
	"23_请示": {title: "关于内地西藏班（校）\n扩大规模有关问题的请示", recipients: "国务院：", date: "一九九六年五月十三日",
		issuers: []string{"国家教委"}, body: 15, notes: 1, format: FormatFile, direction: DirectionUp, genre: "qingshi"},
	"25_报告": {title: "关于1997年地震趋势和\n加强防震减灾工作意见的报告", recipients: "国务院：", date: "一九九七年一月二十日",
		issuers: []string{"国家地震局"}, body: 14, format: FormatFile, direction: DirectionUp, genre: "baogao"},
	"27_通报": {title: "国务院办公厅关于山西、安徽省\n四起特大煤矿瓦斯爆炸事故\n调查处理情况的通报", number: "国办发〔2004〕7号",
		recipients: allOrgans, date: "二〇〇四年一月十六日", note: "（本文有删减）", issuers: []string{"国务院办公厅"}, body: 11,
		format: FormatFile, direction: DirectionDown, genre: "tongbao"},
	"28_通报": {title: "国务院办公厅关于对国务院第五次大督查\n发现的典型经验做法给予表扬的通报", number: "国办发〔2018〕108号",
		recipients: allOrgans, date: "2018年11月19日", note: "（此件公开发布）", issuers: []string{"国务院办公厅"}, body: 3, notes: 1,
		attTitles: []string{"国务院第五次大督查发现的典型经验做法\n（共130项）"}, format: FormatFile, direction: DirectionDown, genre: "tongbao"},
}

// defectChange is what each planted error changes in what a human reads.
var defectChange = map[string]func(w *wantDoc){
	"01_通知_1": func(w *wantDoc) { w.number = "国办发明电[2018]15号" },
	"01_通知_2": func(w *wantDoc) { w.date = "2018年12月04日" },
	"01_通知_3": func(w *wantDoc) { w.recipients = strings.TrimSuffix(allOrgans, "：") },
	"02_通知_1": func(w *wantDoc) { w.number = "国办发〔2018〕第109号" },
	"02_通知_2": func(w *wantDoc) { w.title += "。" },
	"02_通知_3": func(w *wantDoc) { w.date = "二〇一八年十一月二十日" },
	"03_通知_1": func(w *wantDoc) { w.number = "国办函（2018）74号" },
	"03_通知_2": func(w *wantDoc) { w.number = "国办函〔18〕74号" },
	"03_通知_3": func(w *wantDoc) { w.note = "此件公开发布" },
	"10_批复_2": func(w *wantDoc) {
		w.recipients = "科技部、新疆维吾尔自治区人民政府、新疆生产建设兵团:"
	},
	"21_函_3":  func(w *wantDoc) { w.number = "国办函【2004】80号" },
	"23_请示_1": func(w *wantDoc) { w.recipients = "国务院、国家计委：" },
	"23_请示_2": func(w *wantDoc) { w.body = 14 },
	"25_报告_1": func(w *wantDoc) { w.body = 15 },
	"25_报告_2": func(w *wantDoc) {
		w.title = "关于1997年地震趋势和\n加强防震减灾工作意见的请示报告"
	},
	"25_报告_3": func(w *wantDoc) { w.recipients = "国务院" },
	"27_通报_1": func(w *wantDoc) { w.number = "国办发〔2004〕07号" },
	"28_通报_1": func(w *wantDoc) { w.date = "2018-11-19" },
}

func checkWant(t *testing.T, name string, d *Document, w wantDoc) {
	t.Helper()
	var issuers []string
	for _, is := range d.Issuers {
		issuers = append(issuers, is.Name)
	}
	var titles []string
	for _, a := range d.Attachments {
		titles = append(titles, a.Title)
	}
	got := wantDoc{title: d.Title, number: d.Number, recipients: d.Recipients, date: d.Date, note: d.Note,
		issuers: issuers, body: len(d.Body), notes: len(d.AttachmentNotes), attTitles: titles,
		format: d.Format, direction: d.Direction, genre: d.Genre}
	if !reflect.DeepEqual(got, w) {
		t.Errorf("%s:\n got %+v\nwant %+v", name, got, w)
	}
}

func TestImportCorpus(t *testing.T) {
	corpus := sharedCorpus(t)
	files, _ := filepath.Glob(filepath.Join(corpus, "docs", "*.txt"))
	defects, _ := filepath.Glob(filepath.Join(corpus, "defects", "*.txt"))
	files = append(files, defects...)
	if len(files) == 0 {
		t.Skip("no corpus files")
	}
	checked := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		doc, err := ImportText(f, data, builtinGenres(t))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		checkNoLineLost(t, name, string(data), doc)
		base := name
		if i := strings.LastIndex(name, "_"); filepath.Base(filepath.Dir(f)) == "defects" && i > 0 {
			base = name[:i]
		}
		w, ok := corpusWant[base]
		if !ok {
			t.Errorf("%s: no expectation written for this file", name)
			continue
		}
		if change := defectChange[name]; change != nil {
			change(&w)
		}
		checkWant(t, name, doc, w)
		checked++
	}
	t.Logf("checked %d corpus files", checked)
}

// A document with every element, as pasted from Word: 版头, indentation with full-width
// spaces, hard-wrapped paragraphs, Windows line endings, a BOM and blank lines in odd places.
const fullText = "\ufeff000001\r\n" +
	"机密★1年\r\n" +
	"特急\r\n" +
	"\r\n" +
	"某某市人民政府文件\r\n" +
	"某政〔2024〕5号　　签发人：张三　李四\r\n" +
	"\r\n" +
	"　　　　　关于进一步加强\r\n" +
	"\r\n" +
	"　　　　某某工作的请示\r\n" +
	"某某省人民政府：\r\n" +
	"　　为了做好某某工作，根据有关规定，结合我市实际，现将有关事\r\n" +
	"项请示如下，请予审定，并请各位领导同志提出宝贵的修改意见和建\r\n" +
	"议，以便我们进一步修改完善有关的工作方案，确保各项工作顺利。\r\n" +
	"　　一、总体要求\r\n" +
	"　　（一）指导思想。坚持以人民为中心的发展思想，全面贯彻落实有\r\n" +
	"关决策部署，统筹推进各项工作，确保取得实效，不断提高工作水平。\r\n" +
	"　　妥否，请批示。\r\n" +
	"\r\n" +
	"　　附件：1.某某工作方案\r\n" +
	"　　　　　2.某某工作任务分工表\r\n" +
	"\r\n" +
	"　　　　　　　　　　　　　　　　某某市人民政府\r\n" +
	"　　　　　　　　　　　　　　　　2024年1月5日\r\n" +
	"　　（联系人：王五，电话：12345678）\r\n" +
	"附件1\r\n" +
	"某某工作方案\r\n" +
	"　　一、目标任务\r\n" +
	"附件2\r\n" +
	"某某工作任务分工表\r\n" +
	"序号　任务　责任单位\r\n" +
	"抄送：市委办公室，市人大常委会办公室，\r\n" +
	"　　市政协办公室。\r\n" +
	"某某市人民政府办公室　　　　　2024年1月5日印发\r\n"

func TestImportTextFull(t *testing.T) {
	doc, err := ImportText("full.txt", []byte(fullText), builtinGenres(t))
	if err != nil {
		t.Fatal(err)
	}
	checkNoLineLost(t, "full", fullText, doc)
	want := &Document{
		Genre: "qingshi", Format: FormatFile, Direction: DirectionUp,
		CopyNumber: "000001", Classification: "机密", ClassificationTerm: "1年", Urgency: "特急",
		Issuers:    []Issuer{{Name: "某某市人民政府"}},
		MarkSuffix: "文件",
		Number:     "某政〔2024〕5号", Signers: []string{"张三", "李四"},
		Title:      "关于进一步加强\n某某工作的请示",
		Recipients: "某某省人民政府：",
		Body: []string{
			"为了做好某某工作，根据有关规定，结合我市实际，现将有关事项请示如下，请予审定，并请各位领导同志提出宝贵的修改意见和建议，以便我们进一步修改完善有关的工作方案，确保各项工作顺利。",
			"一、总体要求",
			"（一）指导思想。坚持以人民为中心的发展思想，全面贯彻落实有关决策部署，统筹推进各项工作，确保取得实效，不断提高工作水平。",
			"妥否，请批示。",
		},
		AttachmentNotes:      []string{"某某工作方案", "某某工作任务分工表"},
		AttachmentNotesLabel: "附件：",
		Date:                 "2024年1月5日",
		Note:                 "（联系人：王五，电话：12345678）",
		Attachments: []Attachment{
			{Label: "附件1", Title: "某某工作方案", Body: []string{"一、目标任务"}},
			{Label: "附件2", Title: "某某工作任务分工表", Body: []string{"序号　任务　责任单位"}},
		},
		CC:        "市委办公室，市人大常委会办公室，市政协办公室。",
		Printer:   "某某市人民政府办公室",
		PrintDate: "2024年1月5日",
	}
	if !reflect.DeepEqual(stripMeta(doc), want) {
		t.Errorf("ImportText:\n got %#v\nwant %#v", stripMeta(doc), want)
	}
	locs := []struct {
		path string
		off  int
		want Pos
	}{
		{PathCopyNumber, 0, Pos{1, 1}},
		{PathClassificationTerm, 0, Pos{2, 4}},
		{PathNumber, 0, Pos{6, 1}},
		{"signers.1", 0, Pos{6, 20}},
		{PathTitle, 0, Pos{8, 6}},
		{PathTitle, 8, Pos{10, 5}},
		{"body.0", 0, Pos{12, 3}},
		{"body.0", 28, Pos{13, 1}},
		{"body.3", 0, Pos{18, 3}},
		{"attachment_notes.1", 0, Pos{21, 8}},
		{"issuers.0.name", 0, Pos{23, 17}},
		{PathDate, 0, Pos{24, 17}},
		{PathCC, 0, Pos{32, 4}},
		{PathCC, 16, Pos{33, 3}},
		{PathPrintDate, 0, Pos{34, 16}},
		{"attachments.1.title", 0, Pos{30, 1}},
	}
	for _, l := range locs {
		got, ok := doc.Source.Locate(l.path, l.off)
		if !ok || got != l.want {
			t.Errorf("Locate(%s, %d) = %v %v, want %v", l.path, l.off, got, ok, l.want)
		}
	}

	// The same text in GB18030 (as Windows Notepad in a Chinese locale saves it), and with
	// Unix or old Mac line endings, reads the same.
	gbk, err := simplifiedchinese.GB18030.NewEncoder().String(strings.TrimPrefix(fullText, "\ufeff"))
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string]string{
		"gb18030": gbk,
		"unix":    strings.ReplaceAll(fullText, "\r\n", "\n"),
		"mac":     strings.ReplaceAll(fullText, "\r\n", "\r"),
	} {
		d2, err := ImportText(name+".txt", []byte(data), builtinGenres(t))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !reflect.DeepEqual(stripMeta(d2), want) {
			t.Errorf("%s:\n got %#v\nwant %#v", name, stripMeta(d2), want)
		}
	}
}

func TestImportTextForms(t *testing.T) {
	tests := []struct {
		name, text string
		check      func(t *testing.T, d *Document)
	}{
		{"no header, body only", "各位同事：\n请于明天上午九点到会议室开会。\n会议很重要。\n",
			func(t *testing.T, d *Document) {
				if d.Title != "" || d.Recipients != "各位同事：" || len(d.Body) != 2 {
					t.Errorf("got %#v", d)
				}
			}},
		{"only body", "第一段没有标点\n第二段。\n",
			func(t *testing.T, d *Document) {
				if d.Title != "" || len(d.Body) != 2 {
					t.Errorf("got %#v", d)
				}
			}},
		{"minutes", "市政府常务会议纪要\n第5期\n\n2024年1月5日，市长张三主持召开市政府常务会议。\n一、会议议定事项。\n出席：张三、李四\n请假：王五\n列席：赵六\n",
			func(t *testing.T, d *Document) {
				if d.Format != FormatMinutes || d.MeetingName != "市政府常务会议" || d.MarkSuffix != "纪要" || d.Number != "第5期" ||
					d.Present != "张三、李四" || d.Absent != "王五" || d.Attending != "赵六" || len(d.Body) != 2 || d.Genre != "jiyao" {
					t.Errorf("got %#v", d)
				}
			}},
		{"order", "某某省人民政府令\n第5号\n《某某省某某办法》已经省政府常务会议通过，现予公布，自2024年3月1日起施行。\n省长　张三\n2024年1月5日\n",
			func(t *testing.T, d *Document) {
				if d.Format != FormatOrder || d.OrderNumber != "第5号" || d.SignerTitle != "省长" || d.SignerName != "张三" ||
					d.SignOff != SignOffSignature || d.Date != "2024年1月5日" || len(d.Body) != 1 || len(d.Issuers) != 1 || d.Issuers[0].Name != "某某省人民政府" {
					t.Errorf("got %#v", d)
				}
			}},
		{"joint mark", "某某市人民政府\n某某市财政局\n文件\n某政〔2024〕5号\n关于某某的通知\n各区人民政府：\n正文。\n某某市人民政府　某某市财政局\n2024年1月5日\n",
			func(t *testing.T, d *Document) {
				if d.MarkSuffix != "文件" || len(d.Issuers) != 2 || d.Issuers[1].Name != "某某市财政局" || d.Title != "关于某某的通知" {
					t.Errorf("got %#v", d)
				}
			}},
		{"joint mark one line", "某某市人民政府　某某市财政局文件\n关于某某的通知\n正文。\n",
			func(t *testing.T, d *Document) {
				if len(d.Issuers) != 2 || d.Issuers[0].Name != "某某市人民政府" || d.Title != "关于某某的通知" {
					t.Errorf("got %#v", d)
				}
			}},
		{"letter with mark name", "某某市人民政府办公室\n某政办函〔2024〕5号\n关于商请支持某某工作的函\n某某局：\n正文。\n某某市人民政府办公室\n2024年1月5日\n",
			func(t *testing.T, d *Document) {
				if d.Format != FormatLetter || d.Direction != DirectionParallel || d.Number != "某政办函〔2024〕5号" || d.Title != "关于商请支持某某工作的函" {
					t.Errorf("got %#v", d)
				}
			}},
		{"mark with 文件 and 函", "某某市人民政府文件\n关于某某的函\n某某局：\n正文。\n",
			func(t *testing.T, d *Document) {
				if d.Format != FormatFile || d.Direction != DirectionParallel {
					t.Errorf("got %#v", d)
				}
			}},
		{"banji recipients", "关于某某的决定\n正文。\n某某市人民政府\n2024年1月5日\n主送：各区人民政府\n",
			func(t *testing.T, d *Document) {
				if d.Recipients != "各区人民政府" || !d.RecipientsInBanji || d.Genre != "jueding" {
					t.Errorf("got %#v", d)
				}
			}},
		{"title note", "某某市第十届人民代表大会第三次会议关于某某的决议\n（2024年1月5日某某市第十届人民代表大会第三次会议通过）\n会议决定。\n",
			func(t *testing.T, d *Document) {
				if d.TitleNote == "" || len(d.Body) != 1 || d.Genre != "jueyi" {
					t.Errorf("got %#v", d)
				}
			}},
		{"decoration", "某某市人民政府文件\n某政〔2024〕5号\n━━━━━━━━━━━━━━━━\n关于某某的通知\n各单位：\n第一段。\n\n— 2 —\n\n第二段。\n──────────\n抄送：某某局。\n",
			func(t *testing.T, d *Document) {
				if d.Title != "关于某某的通知" || len(d.Body) != 2 || d.CC != "某某局。" {
					t.Errorf("got %#v", d)
				}
			}},
		{"wrapped recipients", "关于某某的通知\n各省、自治区、直辖市人民政府，\n国务院各部委、各直属机构：\n正文。\n",
			func(t *testing.T, d *Document) {
				if d.Recipients != "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：" || len(d.Body) != 1 {
					t.Errorf("got %#v", d)
				}
			}},
		{"bad print date", "关于某某的通知\n正文。\n某某办公室　2024年13月5日印发\n",
			func(t *testing.T, d *Document) {
				if d.PrintDate != "" || len(d.Body) != 2 {
					t.Errorf("got %#v", d)
				}
			}},
		{"labelled recipients", "关于某某的通知\n主送：各区人民政府\n正文。\n",
			func(t *testing.T, d *Document) {
				if d.Recipients != "各区人民政府" || d.RecipientsInBanji || len(d.Body) != 1 {
					t.Errorf("got %#v", d)
				}
			}},
		{"signature and date on one line", "关于某某的通知\n各单位：\n正文。\n某某市人民政府　　2024年1月5日\n（此件公开发布）\n",
			func(t *testing.T, d *Document) {
				if d.Date != "2024年1月5日" || len(d.Issuers) != 1 || d.Issuers[0].Name != "某某市人民政府" || d.Note == "" || len(d.Body) != 1 {
					t.Errorf("got %#v", d)
				}
				if p, _ := d.Source.Locate(PathDate, 0); p != (Pos{Line: 4, Col: 10}) {
					t.Errorf("date at %v", p)
				}
			}},
		{"long title", "国务院办公厅关于印发《某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某管理暂行办法》的通知\n各单位：\n正文。\n",
			func(t *testing.T, d *Document) {
				if !strings.HasSuffix(d.Title, "的通知") || d.Recipients != "各单位：" {
					t.Errorf("got %#v", d)
				}
			}},
		{"body line ending in a genre word", "经研究，同意你单位的请示\n请抓紧落实。\n",
			func(t *testing.T, d *Document) {
				if d.Title != "" || len(d.Body) != 2 {
					t.Errorf("got %#v", d)
				}
			}},
		{"date in the body", "关于某某活动安排的通知\n各单位：\n活动日程如下：\n2024年1月5日\n上午开幕式，下午分组讨论。\n2024年1月6日\n全天参观。\n某某局\n2024年1月2日\n",
			func(t *testing.T, d *Document) {
				if d.Date != "2024年1月2日" || len(d.Body) != 5 || len(d.Attachments) != 0 || len(d.Issuers) != 1 {
					t.Errorf("got %#v", d)
				}
			}},
		{"date under the title", "某某会议纪要\n2024年1月5日\n会议议定如下事项。\n",
			func(t *testing.T, d *Document) {
				if len(d.Body) != 2 || len(d.Attachments) != 0 {
					t.Errorf("got %#v", d)
				}
			}},
		{"english wrap", "关于某某的通知\n各单位：\nThe quick brown fox jumps over the lazy dog and keeps\nrunning far away from the farm until the night comes over\nthe hills where nobody lives any more and all is quiet\nnow.\n",
			func(t *testing.T, d *Document) {
				if len(d.Body) != 1 || !strings.Contains(d.Body[0], "keeps running") {
					t.Errorf("got %q", d.Body)
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ImportText(tt.name, []byte(tt.text), builtinGenres(t))
			if err != nil {
				t.Fatal(err)
			}
			checkNoLineLost(t, tt.name, tt.text, d)
			tt.check(t, d)
		})
	}
}

func TestImportTextErrors(t *testing.T) {
	if _, err := ImportText("bin.txt", []byte("PK\x03\x04\x00\x00binary"), builtinGenres(t)); err == nil || !strings.Contains(err.Error(), "纯文本") {
		t.Errorf("binary: %v", err)
	}
	d, err := ImportText("empty.txt", nil, builtinGenres(t))
	if err != nil || d.Title != "" || len(d.Body) != 0 {
		t.Errorf("empty: %v %#v", err, d)
	}
	// UTF-16 with a BOM, as Windows Notepad's "Unicode" saves it
	u16 := []byte{0xFF, 0xFE}
	for _, r := range "关于某某的通知\r\n正文。\r\n" {
		u16 = append(u16, byte(r), byte(r>>8))
	}
	d, err = ImportText("u16.txt", u16, builtinGenres(t))
	if err != nil || d.Title != "关于某某的通知" || len(d.Body) != 1 {
		t.Errorf("utf-16: %v %#v", err, d)
	}
}

func FuzzImportText(f *testing.F) {
	// the full text in pieces the fuzzer works on (and minimises) quickly
	for _, piece := range fuzzPieces(fullText, maxFuzzText) {
		f.Add([]byte(piece))
	}
	for _, s := range []string{
		"关于某某的通知\n各单位：\n正文。\n某某局\n2024年1月5日\n",
		"附件\n附件1\n附：\n",
		"抄送：\n印发\n2024年1月5日印发\n",
		"某某文件\n某〔2024〕1号 签发人：\n",
		"\xb9\xd8\xd3\xda\n",
		"出席：\n请假：\n列席：",
		"　　\n\r\n\r",
		"市政府常务会议纪要\n第1期\n出席：张三\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > maxFuzzText {
			return // see FuzzParse; a text costs more per byte than a draft
		}
		doc, err := ImportText("f.txt", data, builtinGenres(t))
		if err != nil {
			return
		}
		text, _ := decodeText("f.txt", data)
		checkNoLineLost(t, "fuzz", text, doc)
		// What the importer makes must survive the draft format.
		out, err := Marshal(doc)
		if err != nil {
			t.Fatal(err)
		}
		back, err := Parse("f.yaml", out)
		if err != nil {
			t.Fatalf("imported document does not round-trip: %v\n%s", err, out)
		}
		if !reflect.DeepEqual(stripMeta(back), stripMeta(doc)) {
			t.Fatalf("round trip mismatch:\n%#v\n%#v", stripMeta(doc), stripMeta(back))
		}
	})
}

// BenchmarkImportText1MB imports about 1 MB of text (the full sample repeated as attachments).
func BenchmarkImportText1MB(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(fullText)
	for k := 0; sb.Len() < 1<<20; k++ {
		sb.WriteString("附件" + strconv.Itoa(k+3) + "\n某某工作方案\n")
		sb.WriteString(strings.Repeat("　　一、为了做好某某工作，根据有关规定，结合我市实际，现将有关事项通知如下，请认真贯彻执行。\n", 20))
	}
	data := []byte(sb.String())
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := ImportText("big.txt", data, builtinGenres(b)); err != nil {
			b.Fatal(err)
		}
	}
}

// TestImportByContent: the misreadings issue 11 reported, each read by its form.
func TestImportByContent(t *testing.T) {
	a := "浙江省人民政府关于撤销湖州、嘉兴地区设立地级市的请示。\n浙政发〖1996〗173号\n国务院：\n为适应经济发展需要，拟撤销湖州地区，设立地级湖州市。\n妥否，请批示。\n" +
		"附件：1.湖州市基本情况 2.嘉兴市基本情况　3.行政区划图\n浙江省人民政府\n一九九六年十二月五日\n主题词：行政区划　地级市　请示\n"
	doc, err := ImportText("a.txt", []byte(a), builtinGenres(t))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Number != "浙政发〖1996〗173号" || doc.Recipients != "国务院：" || len(doc.Body) != 2 {
		t.Errorf("legacy brackets: number %q, recipients %q, body %q", doc.Number, doc.Recipients, doc.Body)
	}
	if strings.Join(doc.AttachmentNotes, "|") != "湖州市基本情况|嘉兴市基本情况|行政区划图" {
		t.Errorf("attachment names on one line: %q", doc.AttachmentNotes)
	}
	if len(doc.Attachments) != 0 || len(doc.Warnings) != 1 || doc.Warnings[0].Line != 9 || !strings.Contains(doc.Warnings[0].Msg, "主题词") {
		t.Errorf("主题词: attachments %v, warnings %v", doc.Attachments, doc.Warnings)
	}
	if doc.Title != "浙江省人民政府关于撤销湖州、嘉兴地区设立地级市的请示。" {
		t.Errorf("title ending in 。: %q", doc.Title)
	}

	b := "宁波市审计局关于2023年度市级预算执行和其他财政收支的审计工作报告\n甬审〔2024〕2 号\n市人民政府：\n根据审计法，市审计局进行了审计。\n特此报告。\n2024年7月10日\n"
	doc, err = ImportText("b.txt", []byte(b), builtinGenres(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Issuers) != 1 || doc.Issuers[0].Name != "宁波市审计局" || len(doc.Warnings) != 2 || !strings.Contains(doc.Warnings[1].Msg, "推断") {
		t.Errorf("issuer from the title: %v, warnings %v", doc.Issuers, doc.Warnings)
	}
	// the stray space is removed on import, and reported (TestNormalizeOnImport has the cases)
	if doc.Number != "甬审〔2024〕2号" || !strings.Contains(doc.Warnings[0].Msg, "空格") {
		t.Errorf("number with a stray space: %q", doc.Number)
	}

	for _, c := range []struct {
		number string
		format Format
	}{{"国函〔2018〕145号", FormatLetter}, {"国办函〔2018〕74号", FormatLetter}, {"浙政办函〔2020〕3号", FormatLetter}, {"国发〔2018〕5号", FormatFile}} {
		txt := "国务院关于同意某某的批复\n" + c.number + "\n某某省人民政府：\n同意。\n国务院\n2018年11月23日\n"
		doc, err := ImportText("c.txt", []byte(txt), builtinGenres(t))
		if err != nil {
			t.Fatal(err)
		}
		if doc.Format != c.format {
			t.Errorf("%s: format %s, want %s", c.number, doc.Format, c.format)
		}
	}
}

func TestNotFound(t *testing.T) {
	doc, err := ImportText("x.txt", []byte("关于做好安全生产工作的请示\n为进一步做好安全生产工作，特请示如下。\n妥否，请批示。\n"), builtinGenres(t))
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(NotFound(doc), "|")
	if got != "主送机关 (recipients)|发文机关 (issuer)|成文日期 (date)" {
		t.Errorf("NotFound = %q", got)
	}
	doc, _ = ImportText("y.txt", []byte("国务院关于同意某某的批复\n国函〔2018〕1号\n某某省人民政府：\n同意。\n国务院\n2018年1月5日\n"), builtinGenres(t))
	if m := NotFound(doc); m != nil {
		t.Errorf("complete document: NotFound = %q", m)
	}
}

// TestRepeatedBareLabels: a label with nothing after it (请假：, 主送：, 抄送：) holds its line
// even though its value is empty; a second line of the same label must not take its place
// (FuzzImportText found 出席：/请假：/请假： losing the first 请假：).
func TestRepeatedBareLabels(t *testing.T) {
	for _, s := range []string{
		"出席：\n请假：\n请假：",
		"请假：\n请假：张三\n",
		"某某会议纪要\n请假：\n正文。\n请假：\n",
		"主送：\n正文。\n主送：某某\n",
		"关于某某的通知\n正文。\n抄送：\n抄送：\n",
		"正文。\n抄送：\n抄送：某\n2024年1月1日印发",
	} {
		d, err := ImportText("x.txt", []byte(s), builtinGenres(t))
		if err != nil {
			t.Fatal(err)
		}
		checkNoLineLost(t, strconv.Quote(s), s, d)
	}
}

// TestLineForms: lines read by their form wherever they stand, each line of a small document
// hand-labelled with its element (as the corpus tables, testdata/corpus_lines, list them).
func TestLineForms(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       []string // element of each line, "" for a blank line
	}{
		{"order mark with its number in brackets",
			"中华人民共和国主席令（九届第37号）\n\n《某某法》已由某某会议通过，现予公布。\n\n中华人民共和国主席 江泽民\n2000年10月31日\n",
			[]string{"issuers.mark+issuers.name+mark_suffix+order_number", "", "body", "", "signer_name+signer_title", "date"}},
		{"order mark with its number after a blank",
			"某某省人民政府令　第5号\n《某某办法》已经省政府常务会议通过，现予公布。\n省长　张三\n2024年1月5日\n",
			[]string{"issuers.mark+issuers.name+mark_suffix+order_number", "body", "signer_name+signer_title", "date"}},
		{"order mark and number on two lines",
			"某某部令\n第21号\n《某某规定》已经部务会议通过，现予公布。\n部长　张三\n2024年1月5日\n",
			[]string{"issuers.mark+issuers.name+mark_suffix", "order_number", "body", "signer_name+signer_title", "date"}},
		{"a title ending in 令 is not a mark",
			"关于发布某某令的通知\n各区人民政府：\n正文。\n某某市人民政府\n2024年1月5日\n",
			[]string{"title", "recipients", "body", "issuers.name", "date"}},
		{"letter: the organ's name between the title and the number",
			"某某办公室关于某某事故查处挂牌督办的函\n某某办公室\n某办函〔2017〕75号\n某某省人民政府：\n正文。\n某某办公室\n2017年9月19日\n",
			[]string{"title", "issuers.mark", "number", "recipients", "body", "issuers.name", "date"}},
		{"letter: the organ's name above the number, no title before",
			"某某办公室\n某办函〔2017〕75号\n关于某某的函\n某某省人民政府：\n正文。\n某某办公室\n2017年9月19日\n",
			[]string{"issuers.mark", "number", "title", "recipients", "body", "issuers.name", "date"}},
		{"an organ's name after the title without a number below is the 主送",
			"关于某某的通知\n各区人民政府\n正文。\n某某市人民政府\n2024年1月5日\n",
			[]string{"title", "recipients", "body", "issuers.name", "date"}},
		{"主送 wrapped over two lines",
			"关于某某的通知\n各区人民政府、\n市政府各部门：\n正文。\n某某市人民政府\n2024年1月5日\n",
			[]string{"title", "recipients", "recipients", "body", "issuers.name", "date"}},
		{"a date in brackets under the title, none at the end, is the 成文日期",
			"某某市人民政府关于某某的通告\n（二○○八年八月六日）\n某府发〔2008〕32号\n正文。\n特此通告。\n",
			[]string{"issuers.name+title", "date", "number", "body", "body"}},
		{"a date in brackets under the title with a date at the end is a 题注",
			"某某市人民政府关于某某的通告\n（2008年8月6日）\n正文。\n某某市人民政府\n2008年8月6日\n",
			[]string{"title", "title_note", "body", "issuers.name", "date"}},
		{"a 题注 saying what adopted the document stays one",
			"某某会议关于某某的决议\n（2009年2月8日某某会议通过）\n会议同意这个报告。\n",
			[]string{"title", "title_note", "body"}},
		{"the 印发机关 on its own line under the 抄送",
			"关于某某的通知\n各区人民政府：\n正文。\n江城市人民政府\n2024年1月5日\n抄送：市委办公室，\n市人大常委会办公室。\n江城市人民政府办公室\n2024年1月5日印发\n",
			[]string{"title", "recipients", "body", "issuers.name", "date", "cc", "cc", "printer", "print_date"}},
		{"the 印发机关 on its own line under the 成文日期",
			"关于某某的通知\n各区人民政府：\n正文。\n江城市人民政府\n2024年1月5日\n江城市人民政府办公室\n2024年1月5日印发\n",
			[]string{"title", "recipients", "body", "issuers.name", "date", "printer", "print_date"}},
		// (with no 成文日期 the importer reads no 署名: the name stays in the body, not the 印发机关)
		{"an organ's name right under the body, above a 印发 line, is not the 印发机关",
			"关于某某的通知\n各区人民政府：\n正文。\n江城市人民政府\n2024年1月5日印发\n",
			[]string{"title", "recipients", "body", "body", "print_date"}},
		{"a 命令's signer with a two-character name spaced to three",
			"某某市人民政府令\n第5号\n《某某办法》已经市政府常务会议通过，现予公布。\n市长　张　三\n2024年1月5日\n",
			[]string{"issuers.mark+issuers.name+mark_suffix", "order_number", "body", "signer_name+signer_title", "date"}},
		{"an attendance list wrapped after 、, a bare label with its names below",
			"市政府常务会议纪要\n第3期\n会议研究了某某工作。\n出席：张三、李四、王五、\n赵六、钱七\n请假：\n孙八\n列席：周九\n",
			[]string{"mark_suffix+meeting_name", "number", "body", "present", "present", "absent", "absent", "attending"}},
		{"a blank line ends an attendance list",
			"市政府常务会议纪要\n第3期\n会议研究了某某工作。\n出席：张三、李四、\n\n赵六、钱七\n",
			[]string{"mark_suffix+meeting_name", "number", "body", "present", "", "body"}},
		{"主送 lines a blank line separates are not joined",
			"关于某某的通知\n各区人民政府、\n\n市政府各部门：\n正文。\n某某市人民政府\n2024年1月5日\n",
			[]string{"title", "body", "", "body", "body", "issuers.name", "date"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			doc, err := ImportText("x.txt", []byte(c.text), builtinGenres(t))
			if err != nil {
				t.Fatal(err)
			}
			checkNoLineLost(t, c.name, c.text, doc)
			got := lineElements(doc)
			for k, w := range c.want {
				if got[k+1] != w {
					t.Errorf("line %d %q: %q, want %q", k+1, strings.Split(c.text, "\n")[k], got[k+1], w)
				}
			}
		})
	}
}

// TestTitlePastedWrap: a title's line breaks are kept when every line fits a printed title line
// (20 characters: the author's breaks, as typeset) and dropped when one is longer (a web
// page's wrap; the layout breaks the title itself).
func TestTitlePastedWrap(t *testing.T) {
	for _, c := range []struct{ lines, want string }{
		{"国务院办公厅关于2019年\n部分节假日安排的通知", "国务院办公厅关于2019年\n部分节假日安排的通知"},
		{"人力资源社会保障部　财政部关于2024年\n调整退休人员基本养老金的通知", "人力资源社会保障部　财政部关于2024年\n调整退休人员基本养老金的通知"},
		{"中共浙江省委办公厅、浙江省人民政府办公厅转发\n《关于做好2004年高校毕业生就业工作意见》的通知", "中共浙江省委办公厅、浙江省人民政府办公厅转发《关于做好2004年高校毕业生就业工作意见》的通知"},
		{"青岛市人民政府安全生产委员会办公室\n转发省政府安委会办公室关于枣庄市山亭区“5·2”电力铁塔倾倒事故情况的通报", "青岛市人民政府安全生产委员会办公室转发省政府安委会办公室关于枣庄市山亭区“5·2”电力铁塔倾倒事故情况的通报"},
	} {
		text := c.lines + "\n各区人民政府：\n正文。\n某某市人民政府\n2024年1月5日\n"
		doc, err := ImportText("t.txt", []byte(text), builtinGenres(t))
		if err != nil {
			t.Fatal(err)
		}
		checkNoLineLost(t, c.want, text, doc)
		if doc.Title != c.want {
			t.Errorf("title %q, want %q", doc.Title, c.want)
		}
	}
}

// TestLetterSpacedNames: a short organ name spaced out letter by letter (国　务　院 in the
// 署名, 国 务 院 文 件 as the mark, as Word users type them and PDFs copy them) is one name,
// not one issuer a character; names apart by blanks stay several (联合行文).
func TestLetterSpacedNames(t *testing.T) {
	for _, c := range []struct {
		text    string
		issuers string
		lines   []string
	}{
		{"国 务 院 文 件\n国发〔2024〕1号\n国务院关于某某的通知\n各省人民政府：\n正文。\n国　务　院\n2024年1月5日\n", "国务院",
			[]string{"issuers.mark+mark_suffix", "number", "title", "recipients", "body", "issuers.name", "date"}},
		{"关于某某的通知\n各区人民政府：\n正文。\n国　务　院\n2024年1月5日\n", "国务院",
			[]string{"title", "recipients", "body", "issuers.name", "date"}},
		{"关于某某的通知\n各区人民政府：\n正文。\n财　政　部　　教　育　部\n2024年1月5日\n", "财政部|教育部",
			[]string{"title", "recipients", "body", "issuers.name", "date"}}, // names apart by a wider gap
		{"关于某某的通知\n各区人民政府：\n正文。\n国务院　中央军委\n2024年1月5日\n", "国务院|中央军委",
			[]string{"title", "recipients", "body", "issuers.name", "date"}},
	} {
		doc, err := ImportText("s.txt", []byte(c.text), builtinGenres(t))
		if err != nil {
			t.Fatal(err)
		}
		checkNoLineLost(t, c.text, c.text, doc)
		var names []string
		for _, is := range doc.Issuers {
			names = append(names, is.Name)
		}
		if got := strings.Join(names, "|"); got != c.issuers {
			t.Errorf("%q: issuers %q, want %q", c.text, got, c.issuers)
		}
		got := lineElements(doc)
		for k, w := range c.lines {
			if got[k+1] != w {
				t.Errorf("%q line %d: %q, want %q", c.text, k+1, got[k+1], w)
			}
		}
	}
}

// TestLetterSpacedTitle: a title line spaced out letter by letter loses its blanks, reported.
func TestLetterSpacedTitle(t *testing.T) {
	for _, c := range []struct{ text, title, att string }{
		{"关 于 某 某 的 通 知\n各区人民政府：\n正文。\n某某市人民政府\n2024年1月5日\n", "关于某某的通知", ""},
		{"关于某某的通知\n各区人民政府：\n正文。\n某某市人民政府\n2024年1月5日\n附件\n2008年北京奥运会首都国际机场\n协 调 委 员 会 组 建 方 案\n正文。\n",
			"关于某某的通知", "2008年北京奥运会首都国际机场\n协调委员会组建方案"},
		{"关于某某的通知\n各区人民政府：\n正文。\n某某市人民政府\n2024年1月5日\n附件\n某某工作方案\n正文。\n", "关于某某的通知", "某某工作方案"},
	} {
		doc, err := ImportText("t.txt", []byte(c.text), builtinGenres(t))
		if err != nil {
			t.Fatal(err)
		}
		checkNoLineLost(t, c.title, c.text, doc)
		att := ""
		if len(doc.Attachments) > 0 {
			att = doc.Attachments[0].Title
		}
		if doc.Title != c.title || att != c.att {
			t.Errorf("title %q, attachment title %q; want %q, %q", doc.Title, att, c.title, c.att)
		}
		spaced := strings.Contains(c.text, "于 某") || strings.Contains(c.text, "协 调")
		warned := false
		for _, w := range doc.Warnings {
			warned = warned || strings.Contains(w.Msg, "字间的空格已删去")
		}
		if warned != spaced {
			t.Errorf("%q: letter spacing reported %v, want %v", c.title, warned, spaced)
		}
	}
}

// TestAttendanceWrapped: the names of a wrapped attendance list and of a 命令's spaced signer.
func TestAttendanceWrapped(t *testing.T) {
	txt := "市政府常务会议纪要\n第3期\n会议研究了某某工作。\n出席：张三、李四、王五、\n赵六、钱七\n请假：\n孙八\n列席：周九\n"
	doc, err := ImportText("j.txt", []byte(txt), builtinGenres(t))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Present != "张三、李四、王五、赵六、钱七" || doc.Absent != "孙八" || doc.Attending != "周九" {
		t.Errorf("present %q, absent %q, attending %q", doc.Present, doc.Absent, doc.Attending)
	}
	txt = "某某市人民政府令\n第5号\n《某某办法》已经市政府常务会议通过，现予公布。\n市长　张　三\n2024年1月5日\n"
	doc, err = ImportText("l.txt", []byte(txt), builtinGenres(t))
	if err != nil {
		t.Fatal(err)
	}
	checkNoLineLost(t, "order", txt, doc)
	if doc.SignerTitle != "市长" || doc.SignerName != "张三" {
		t.Errorf("signer %q %q", doc.SignerTitle, doc.SignerName)
	}
}

// TestWebPageLines: the 政府信息公开 table a government site prints above a document (索引号,
// 主题分类, 发文机关, …, values on the label's line or the next) and the page's own buttons
// (扫一扫在手机打开当前页, 【打印】) are left out with one report each, not read as the title or
// an attachment; label lines a secretary might type (标题：, 发文字号：) with no label only a web
// page has are kept.
func TestWebPageLines(t *testing.T) {
	doc := "国务院办公厅关于2019年部分节假日安排的通知\n国办发明电〔2018〕15号\n各省、自治区、直辖市人民政府：\n正文。\n国务院办公厅\n2018年12月4日\n"
	for _, c := range []struct {
		name, text string
		want       []string
	}{
		{"metadata table, one line a field",
			"索引号：000014349/2018-00123\n主题分类：综合政务\n发文机关：国务院办公厅\n成文日期：2018年12月04日\n标题：国务院办公厅关于2019年部分节假日安排的通知\n发文字号：国办发明电〔2018〕15号\n发布日期：2018年12月06日\n\n" + doc,
			[]string{"web", "web", "web", "web", "web", "web", "web", "", "title", "number", "recipients", "body", "issuers.name", "date"}},
		{"metadata table, values under their labels",
			"索 引 号：\n000014349/2018-00123\n发文机关：\n国务院办公厅\n" + doc,
			[]string{"web", "web", "web", "web", "title", "number", "recipients", "body", "issuers.name", "date"}},
		{"page buttons at the end",
			doc + "【打印】【关闭】\n扫一扫在手机打开当前页\n",
			[]string{"title", "number", "recipients", "body", "issuers.name", "date", "web", "web"}},
		{"a secretary's field lines are no web table",
			"标题：关于某某的通知\n发文字号：某发〔2024〕1号\n正文。\n", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			d, err := ImportText("w.txt", []byte(c.text), builtinGenres(t))
			if err != nil {
				t.Fatal(err)
			}
			checkNoLineLost(t, c.name, c.text, d)
			got := lineElements(d)
			for k, w := range c.want {
				if got[k+1] != w {
					t.Errorf("line %d %q: %q, want %q", k+1, strings.Split(c.text, "\n")[k], got[k+1], w)
				}
			}
			if c.want == nil {
				for n, el := range got {
					if el == "web" {
						t.Errorf("line %d left out as a web page's", n)
					}
				}
			}
		})
	}
}
