package document

import (
	"strings"
	"testing"
)

// warningsWith returns the warnings whose message contains sub.
func warningsWith(doc *Document, sub string) []Error {
	var out []Error
	for _, w := range doc.Warnings {
		if strings.Contains(w.Msg, sub) {
			out = append(out, w)
		}
	}
	return out
}

func issuerNames(doc *Document) string {
	var ns []string
	for _, is := range doc.Issuers {
		ns = append(ns, is.Name)
	}
	return strings.Join(ns, "|")
}

// TestInferIssuer: input text → the issuer, the source the report names and the line the
// issuer is placed at; a stated mark or 署名 is never replaced.
func TestInferIssuer(t *testing.T) {
	const body = "某某省人民政府：\n同意你省的请示。\n"
	cases := []struct {
		name, text string
		units      []Unit
		issuer     string // "|"-joined names; "" none
		source     string // words of the report ("" no report)
		line       int    // line of issuers.0.name (0: not checked)
	}{
		{"署名 stated", "关于同意某某的批复\n国函〔2018〕1号\n" + body + "国务院\n2018年1月5日\n", nil, "国务院", "", 5},
		{"署名 above a date with look-alikes", "关于某某的通知\n各区人民政府：\n请遵照执行。\n江城市人民政府\n二o二四年一月五日\n", nil, "江城市人民政府", "", 4},
		{"署名 above a spaced date", "关于某某的通知\n各区人民政府：\n请遵照执行。\n江城市人民政府\n2024 年 1 月 5 日\n", nil, "江城市人民政府", "", 4},
		{"mark stated", "浙江省人民政府文件\n浙政发〔2018〕1号\n关于某某的通知\n各市人民政府：\n请遵照执行。\n2018年1月5日\n", nil, "浙江省人民政府", "", 1},
		{"title prefix", "户县人民政府办公室关于做好某某工作的通知\n户政办发〔2018〕1号\n各镇人民政府：\n请遵照执行。\n2018年1月5日\n", nil, "户县人民政府办公室", "由标题推断", 1},
		{"joint title", "甲市财政局、甲市审计局关于某某的通知\n各区财政局：\n请遵照执行。\n2018年1月5日\n", nil, "甲市财政局|甲市审计局", "由标题推断", 1},
		{"国函 code", "关于同意某某的批复\n国函〔2018〕145号\n" + body + "2018年11月23日\n", nil, "国务院", "机关代字“国函”", 2},
		{"国发 code", "关于印发某某规划的通知\n国发〔2018〕2号\n各省、自治区、直辖市人民政府：\n现印发给你们。\n2018年1月5日\n", nil, "国务院", "机关代字“国发”", 2},
		{"国办发 code", "关于某某的通知\n国办发〔2018〕109号\n各省、自治区、直辖市人民政府：\n请遵照执行。\n2018年11月20日\n", nil, "国务院办公厅", "机关代字“国办发”", 2},
		{"国办函 code", "关于某某的函\n国办函〔2018〕74号\n某某部：\n同意。\n2018年11月5日\n", nil, "国务院办公厅", "机关代字“国办函”", 2},
		{"浙政发 legacy brackets", "关于撤销某地区的请示\n浙政发〖1996〗173号\n国务院：\n妥否，请批示。\n一九九六年十二月五日\n", nil, "浙江省人民政府", "机关代字“浙政发”", 2},
		{"unit code", "关于某某的请示\n江政〔2024〕5号\n省人民政府：\n妥否，请批示。\n2024年1月5日\n",
			[]Unit{{Name: "江城市人民政府", Code: "江政", Printer: "江城市人民政府办公室"}}, "江城市人民政府", "单位信息中的机关代字“江政”", 2},
		{"unit code series", "关于某某的通知\n江政发〔2024〕5号\n各区人民政府：\n请遵照执行。\n2024年1月5日\n",
			[]Unit{{Name: "江城市人民政府办公室", Code: "江政办发"}, {Name: "江城市人民政府", Code: "江政"}}, "江城市人民政府", "单位信息中的机关代字“江政发”", 2},
		{"unit code: the office's own series", "关于某某的通知\n江政办发〔2024〕5号\n各区人民政府：\n请遵照执行。\n2024年1月5日\n",
			[]Unit{{Name: "江城市人民政府", Code: "江政"}, {Name: "江城市人民政府办公室", Code: "江政办发"}}, "江城市人民政府办公室", "单位信息中的机关代字“江政办发”", 2},
		{"unit code: another organ's prefix", "关于某某的通知\n江政办发〔2024〕5号\n各区人民政府：\n请遵照执行。\n2024年1月5日\n",
			[]Unit{{Name: "江城市人民政府", Code: "江政"}}, "", "", 0},
		{"unknown code", "关于某某的请示\n某政〔2024〕5号\n省人民政府：\n妥否，请批示。\n2024年1月5日\n", nil, "", "", 0},
		{"印发 office", "关于某某的通知\n各科室：\n请遵照执行。\n2024年1月5日\n宁波市审计局办公室　　2024年1月5日印发\n", nil, "宁波市审计局", "印发机关“宁波市审计局办公室”", 5},
		{"印发 not an office", "关于某某的通知\n各科室：\n请遵照执行。\n2024年1月5日\n某某印刷厂　　2024年1月5日印发\n", nil, "", "", 0},
		{"unit printer beats the office rule", "关于某某的通知\n各科室：\n请遵照执行。\n2024年1月5日\n江城市人民政府办公室　　2024年1月5日印发\n",
			[]Unit{{Name: "江城市人民政府", Code: "江政", Printer: "江城市人民政府办公室"}}, "江城市人民政府", "单位信息中的印发机关", 5},
		{"code beats 印发", "关于某某的通知\n国办发〔2018〕1号\n各省、自治区、直辖市人民政府：\n请遵照执行。\n2018年1月5日\n国务院办公厅秘书局　　2018年1月5日印发\n", nil, "国务院办公厅", "机关代字“国办发”", 2},
		{"纪要 is not signed", "江城市人民政府常务会议纪要\n第5期\n会议研究了某某工作。\n江城市人民政府办公室　　2024年1月5日印发\n", nil, "", "", 0},
		{"unit never replaces the title", "宁波市审计局关于某某的报告\n江政〔2024〕5号\n市人民政府：\n特此报告。\n2024年1月5日\n",
			[]Unit{{Name: "江城市人民政府", Code: "江政"}}, "宁波市审计局", "由标题推断", 1},
		{"unit never replaces a 署名", "关于某某的请示\n江政〔2024〕5号\n省人民政府：\n妥否，请批示。\n江城市发展和改革委员会\n2024年1月5日\n",
			[]Unit{{Name: "江城市人民政府", Code: "江政"}}, "江城市发展和改革委员会", "", 5},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := ImportText("x.txt", []byte(c.text), builtinGenres(t))
			if err != nil {
				t.Fatal(err)
			}
			InferIssuer(doc, c.units)
			if got := issuerNames(doc); got != c.issuer {
				t.Errorf("issuer %q, want %q", got, c.issuer)
			}
			reports := warningsWith(doc, "发文机关由")
			switch {
			case c.source == "" && len(reports) != 0:
				t.Errorf("unexpected report %v", reports)
			case c.source != "" && (len(reports) != 1 || !strings.Contains(reports[0].Msg, c.source) || !strings.Contains(reports[0].Msg, "“"+strings.ReplaceAll(c.issuer, "|", "、")+"”")):
				t.Errorf("reports %v, want one naming %q", reports, c.source)
			}
			if c.line > 0 {
				if pos, ok := doc.Source.Locate("issuers.0.name", 0); !ok || pos.Line != c.line {
					t.Errorf("issuer placed at %v (%v), want line %d", pos, ok, c.line)
				}
			}
			if c.issuer == "" && doc.Format != FormatMinutes {
				if miss := strings.Join(NotFound(doc), "|"); !strings.Contains(miss, "发文机关") {
					t.Errorf("NotFound %q lacks the issuer", miss)
				}
			}
		})
	}
}

// TestOrganCodes: the built-in table reads, and each of its codes is a 机关代字 as NumberCode
// cuts it from a number.
func TestOrganCodes(t *testing.T) {
	m := organCodes()
	if len(m) < 10 || m["国发"] != "国务院" || m["国办函"] != "国务院办公厅" || m["浙政发"] != "浙江省人民政府" {
		t.Fatalf("organ codes: %v", m)
	}
	for code, organ := range m {
		if got := NumberCode(code + "〔2024〕1号"); got != code {
			t.Errorf("%s (%s): NumberCode gives %q", code, organ, got)
		}
		if !endsWithOrgan(organ) {
			t.Errorf("%s: %q does not end like an organ", code, organ)
		}
	}
	for num, want := range map[string]string{"国办发〔2018〕2号": "国办发", "国 发 〔2018〕2号": "国发", "浙政发〖1996〗173号": "浙政发", "第5号": "", "〔2018〕2号": ""} {
		if got := NumberCode(num); got != want {
			t.Errorf("NumberCode(%q) = %q, want %q", num, got, want)
		}
	}
}

// TestNormalizeOnImport: blanks inside the 发文字号 and the dates, and look-alikes of 〇 in a
// Chinese-numeral date, are normalised on import and reported at their line.
func TestNormalizeOnImport(t *testing.T) {
	cases := []struct {
		name, number, date, printDate   string // as typed
		wantNumber, wantDate, wantPrint string
		reports                         int
	}{
		{"clean", "国发〔2018〕2号", "2018年11月19日", "2018年11月19日", "国发〔2018〕2号", "2018年11月19日", "2018年11月19日", 0},
		{"number space", "国发〔2018〕2 号", "2018年11月19日", "", "国发〔2018〕2号", "2018年11月19日", "", 1},
		{"number spaces", "国发 〔 2018 〕 2 号", "2018年11月19日", "", "国发〔2018〕2号", "2018年11月19日", "", 1},
		{"date spaces", "国发〔2018〕2号", "2018 年 11 月 19 日", "", "国发〔2018〕2号", "2018年11月19日", "", 1},
		{"ideographic spaces", "国发〔2018〕2号", "2018年　11月　19日", "", "国发〔2018〕2号", "2018年11月19日", "", 1},
		{"print date spaces", "国发〔2018〕2号", "2018年11月19日", "2018 年 11 月 20 日", "国发〔2018〕2号", "2018年11月19日", "2018年11月20日", 1},
		{"circle", "国发〔2018〕2号", "二○一八年十一月十九日", "", "国发〔2018〕2号", "二〇一八年十一月十九日", "", 1},
		{"large circle", "国发〔2018〕2号", "二◯一八年十一月十九日", "", "国发〔2018〕2号", "二〇一八年十一月十九日", "", 1},
		{"latin O", "国发〔2018〕2号", "二O一八年十一月十九日", "", "国发〔2018〕2号", "二〇一八年十一月十九日", "", 1},
		{"latin o", "国发〔2018〕2号", "二o一八年十一月十九日", "", "国发〔2018〕2号", "二〇一八年十一月十九日", "", 1},
		{"digit 0", "国发〔2018〕2号", "二0一九年一月八日", "", "国发〔2018〕2号", "二〇一九年一月八日", "", 1},
		{"fullwidth 0", "国发〔2018〕2号", "二０一九年一月八日", "", "国发〔2018〕2号", "二〇一九年一月八日", "", 1},
		{"two zeros", "国发〔2008〕2号", "二○○八年六月二十五日", "", "国发〔2008〕2号", "二〇〇八年六月二十五日", "", 1},
		{"〇 kept", "国发〔2008〕2号", "二〇〇八年六月二十五日", "", "国发〔2008〕2号", "二〇〇八年六月二十五日", "", 0},
		{"circle and spaces", "国发〔2008〕2号", "二○○八年 六月 二十五日", "", "国发〔2008〕2号", "二〇〇八年六月二十五日", "", 1},
		{"circle in print date", "国发〔2008〕2号", "2008年6月25日", "二○○八年六月二十六日", "国发〔2008〕2号", "2008年6月25日", "二〇〇八年六月二十六日", 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			txt := "国务院关于某某的通知\n" + c.number + "\n各省、自治区、直辖市人民政府：\n请遵照执行。\n国务院\n" + c.date + "\n"
			if c.printDate != "" {
				txt += "国务院办公厅　　" + c.printDate + "印发\n"
			}
			doc, err := ImportText("n.txt", []byte(txt), builtinGenres(t))
			if err != nil {
				t.Fatal(err)
			}
			if doc.Number != c.wantNumber || doc.Date != c.wantDate || doc.PrintDate != c.wantPrint {
				t.Errorf("number %q date %q print %q, want %q %q %q", doc.Number, doc.Date, doc.PrintDate, c.wantNumber, c.wantDate, c.wantPrint)
			}
			reps := warningsWith(doc, "已规范为")
			if len(reps) != c.reports {
				t.Errorf("%d reports, want %d: %v", len(reps), c.reports, doc.Warnings)
			}
			for _, w := range reps {
				if w.Line != 2 && w.Line != 6 && w.Line != 7 {
					t.Errorf("report at line %d: %s", w.Line, w.Msg)
				}
			}
			// the element's characters still point at their columns in the input
			if pos, ok := doc.Source.Locate(PathDate, runeLen(doc.Date)-1); !ok || pos.Line != 6 || pos.Col != runeLen(c.date) {
				t.Errorf("last character of the date at %v, want 6:%d", pos, runeLen(c.date))
			}
		})
	}
}

// TestSignatureAndDateOneLine: a 署名 and a spaced date on one line are split and the date
// normalised.
func TestSignatureAndDateOneLine(t *testing.T) {
	txt := "关于某某的通知\n各区人民政府：\n请遵照执行。\n江城市人民政府　2024 年 1 月 5 日\n"
	doc, err := ImportText("s.txt", []byte(txt), builtinGenres(t))
	if err != nil {
		t.Fatal(err)
	}
	if issuerNames(doc) != "江城市人民政府" || doc.Date != "2024年1月5日" {
		t.Errorf("issuer %q date %q", issuerNames(doc), doc.Date)
	}
}

// TestBlankLineSeparates: lines a blank line separates are never joined into one paragraph,
// however the text is wrapped or indented; lines with no blank between them may be.
func TestBlankLineSeparates(t *testing.T) {
	long := strings.Repeat("为了做好某某工作根据有关规定结合实际", 2) // 36 characters, no stop
	cases := []struct {
		name string
		body []string // body lines as typed ("" is a blank line)
		want int      // paragraphs
	}{
		{"wrapped, no blanks", []string{long, long, long, long + "。"}, 1},
		{"wrapped, blank between", []string{long, long, "", long, long + "。"}, 2},
		{"wrapped, every line apart", []string{long, "", long, "", long, "", long + "。"}, 4},
		{"indented, blank between", []string{"　　" + long, long, "", long, "　　" + long + "。"}, 3},
		{"indented continuation after blank", []string{"　　" + long, "", long + "。", "　　" + long + "。"}, 3},
		{"blank with spaces", []string{long, long, "　　 ", long, long + "。"}, 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			txt := "关于某某的通知\n各区人民政府：\n" + strings.Join(c.body, "\n") + "\n江城市人民政府\n2024年1月5日\n"
			doc, err := ImportText("b.txt", []byte(txt), builtinGenres(t))
			if err != nil {
				t.Fatal(err)
			}
			if len(doc.Body) != c.want {
				t.Errorf("%d paragraphs, want %d: %q", len(doc.Body), c.want, doc.Body)
			}
		})
	}
}

// TestImportDocxByContent: the same inference and normalisation from a .docx (one paragraph a
// line, an empty paragraph a blank line).
func TestImportDocxByContent(t *testing.T) {
	body := wp("关于同意某某的批复") + wp("国函〔2018〕145 号") + wp("某某省人民政府：") +
		wp("你省关于某某的请示收悉。") + `<w:p/>` + wp("同意。") + wp("二○一八年十一月二十三日")
	data := makeDocx(t, map[string]string{
		"[Content_Types].xml": `<Types/>`,
		"word/document.xml":   docxHead + body + docxTail,
	})
	doc, err := ImportDocx("a.docx", data, builtinGenres(t))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Number != "国函〔2018〕145号" || doc.Date != "二〇一八年十一月二十三日" || issuerNames(doc) != "国务院" ||
		doc.Format != FormatLetter || len(doc.Body) != 2 {
		t.Errorf("number %q date %q issuer %q format %s body %q", doc.Number, doc.Date, issuerNames(doc), doc.Format, doc.Body)
	}
	if n := len(warningsWith(doc, "已规范为")); n != 2 {
		t.Errorf("%d normalisation reports, want 2: %v", n, doc.Warnings)
	}
	if r := warningsWith(doc, "发文机关由"); len(r) != 1 || r[0].Line != 2 || !strings.Contains(r[0].Msg, "国函") {
		t.Errorf("issuer report %v", r)
	}
}

// TestImportReport: the lines an import summary shows, in order: warnings at their lines, then
// what was not found.
func TestImportReport(t *testing.T) {
	doc, err := ImportText("r.txt", []byte("关于同意某某的批复\n国函〔2018〕145 号\n某某省人民政府：\n同意。\n"), builtinGenres(t))
	if err != nil {
		t.Fatal(err)
	}
	got := ImportReport(doc)
	want := []string{"第 2 行 (line 2)：发文字号", "第 2 行 (line 2)：发文机关由发文字号的机关代字“国函”推断为“国务院”", "未找到 (not found)：成文日期 (date)"}
	if len(got) != len(want) {
		t.Fatalf("report %q", got)
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("line %d: %q, want prefix %q", i, got[i], want[i])
		}
	}
	if ImportReport(&Document{Title: "某某", Body: []string{"正文"}, Direction: DirectionDown, SignOff: SignOffNone}) != nil {
		t.Error("a complete document has a report")
	}
}

// TestNumberForms: the forms a 发文字号 takes under the title on law and news sites, and the
// 主送 after it; the 令号 in brackets under a 命令 mark.
func TestNumberForms(t *testing.T) {
	cases := []struct {
		name, line               string
		number, date, recipients string
	}{
		{"in brackets", "（浙委办[2004]39号）", "浙委办[2004]39号", "", "各市人民政府："},
		{"half-width brackets", "(国发〔2018〕2 号)", "国发〔2018〕2号", "", "各市人民政府："},
		{"old form", "（（78）交公路字412号）", "（78）交公路字412号", "", "各市人民政府："},
		{"old form bare", "(78)交公路字412号", "(78)交公路字412号", "", "各市人民政府："},
		{"date and number", "2006年10月26日 财建〔2006〕689号", "财建〔2006〕689号", "2006年10月26日", "各市人民政府："},
		{"date and number in brackets", "（2006 年 10 月 26 日　财建〔2006〕689号）", "财建〔2006〕689号", "2006年10月26日", "各市人民政府："},
		{"a note stays a note", "（2006年10月26日第十届全国人民代表大会常务委员会第二十四次会议通过）", "", "", "各市人民政府："},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			txt := "关于做好某某工作的通知\n" + c.line + "\n各市人民政府：\n请遵照执行。\n"
			doc, err := ImportText("f.txt", []byte(txt), builtinGenres(t))
			if err != nil {
				t.Fatal(err)
			}
			if doc.Number != c.number || doc.Date != c.date || doc.Recipients != c.recipients {
				t.Errorf("number %q date %q recipients %q, want %q %q %q", doc.Number, doc.Date, doc.Recipients, c.number, c.date, c.recipients)
			}
			if c.number != "" {
				if pos, ok := doc.Source.Locate(PathNumber, 0); !ok || pos.Line != 2 {
					t.Errorf("number at %v", pos)
				}
			}
		})
	}
	// 类别：C类 between the number and a 主送 naming a person (a 提案答复)
	doc, err := ImportText("p.txt", []byte("某某局关于某某提案答复的函\n某函〔2020〕28号\n类别：C类\n谢开春委员：\n您的提案收悉，现答复如下：\n某某局\n2020年7月6日\n"), builtinGenres(t))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Recipients != "谢开春委员：" || len(doc.Body) != 2 || doc.Body[0] != "类别：C类" {
		t.Errorf("recipients %q body %q", doc.Recipients, doc.Body)
	}
	// （第21号） under a 令 mark
	doc, err = ImportText("l.txt", []byte("中华人民共和国某某部令\n（第21号）\n《某某规定》已经部务会议通过，现予公布。\n部长　张三\n2004年1月20日\n"), builtinGenres(t))
	if err != nil {
		t.Fatal(err)
	}
	if doc.OrderNumber != "第21号" {
		t.Errorf("order number %q", doc.OrderNumber)
	}
}
