package sheet_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"gongwen/register"
	"gongwen/sheet"
	"gongwen/templates"
)

var entries = []register.Entry{
	{Code: "江政", Year: 2026, Serial: 1, State: register.Issued, DocID: "d-1", Title: "江城市人民政府关于做好防汛工作的通知",
		Date: "2026年6月1日", Signer: "王市长", Recipients: "各区县人民政府，市政府各部门", CC: "市委办公室，市人大常委会办公室。",
		Joint: []string{"江城市水务局", "江城市应急管理局"}, Note: "急件", TakenBy: "张秘书", TakenAt: "2026-05-30T08:00:00Z",
		UpdatedBy: "李主任", UpdatedAt: "2026-06-01T09:30:00Z"},
	{Code: "江政", Year: 2026, Serial: 2, State: register.Released, Note: "文稿撤销", TakenBy: "张秘书", TakenAt: "2026-05-31T08:00:00Z"},
	{Code: "江政", Year: 2026, Serial: 3, State: register.Reserved, DocID: "d-3", Title: "001", Date: "=1+1", TakenBy: "王"},
	{Code: "江政办函", Year: 2025, Serial: 12, State: register.Issued, Title: "关于商请支持的函", Date: "2025年12月30日"},
}

// TestRegisterRoundTrip: every field of every line comes back, including text that looks like
// a number or a formula.
func TestRegisterRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	if err := sheet.WriteRegister(&buf, entries); err != nil {
		t.Fatal(err)
	}
	got, err := sheet.ReadRegister(bytes.NewReader(buf.Bytes()), "book.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, entries) {
		for i := range got {
			if i < len(entries) && !reflect.DeepEqual(got[i], entries[i]) {
				t.Errorf("line %d:\n got %+v\nwant %+v", i, got[i], entries[i])
			}
		}
		t.Fatalf("round trip: %d lines, want %d", len(got), len(entries))
	}
	// through a file too
	path := filepath.Join(t.TempDir(), "登记簿.xlsx")
	if err := sheet.WriteRegisterFile(path, entries); err != nil {
		t.Fatal(err)
	}
	if got, err := sheet.ReadRegisterFile(path); err != nil || len(got) != len(entries) {
		t.Fatalf("file round trip: %d %v", len(got), err)
	}
	if err := sheet.WriteRegisterFile(filepath.Join(t.TempDir(), "x.xls"), entries); err == nil {
		t.Error("wrote a register to a .xls name")
	}
}

// handMade builds an .xlsx the way another program would (raw SpreadsheetML with inline strings,
// a real date cell, a title row above the header), not through excelize.
func handMade(t *testing.T, sheets map[string][][]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	put := func(name, body string) {
		w, _ := z.Create(name)
		w.Write([]byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + body))
	}
	names := make([]string, 0, len(sheets))
	for n := range sheets {
		names = append(names, n)
	}
	// a stable order: the register or the organs first
	if len(names) == 2 && names[0] == "人员" {
		names[0], names[1] = names[1], names[0]
	}
	var ct, wb, rels strings.Builder
	for i, n := range names {
		ct.WriteString(fmt.Sprintf(`<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, i+1))
		wb.WriteString(fmt.Sprintf(`<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, n, i+1, i+1))
		rels.WriteString(fmt.Sprintf(`<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, i+1, i+1))
		var rows strings.Builder
		for r, row := range sheets[n] {
			rows.WriteString(fmt.Sprintf(`<row r="%d">`, r+1))
			for c, v := range row {
				ref := fmt.Sprintf("%c%d", 'A'+c, r+1)
				if d, ok := strings.CutPrefix(v, "#date:"); ok { // an Excel date serial with a date format
					rows.WriteString(fmt.Sprintf(`<c r="%s" s="1"><v>%s</v></c>`, ref, d))
				} else if v != "" {
					rows.WriteString(fmt.Sprintf(`<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, ref, v))
				}
			}
			rows.WriteString(`</row>`)
		}
		put(fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1), `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`+rows.String()+`</sheetData></worksheet>`)
	}
	rels.WriteString(fmt.Sprintf(`<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`, len(names)+1))
	put("[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`+ct.String()+`</Types>`)
	put("_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	put("xl/workbook.xml", `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>`+wb.String()+`</sheets></workbook>`)
	put("xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+rels.String()+`</Relationships>`)
	put("xl/styles.xml", `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`)
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestRegisterHandMade: a register kept in Excel, with the documented columns in its own order,
// its own header words, a title row, a date cell and bracket variants, imports.
func TestRegisterHandMade(t *testing.T) {
	data := handMade(t, map[string][][]string{"2025年发文": {
		{"江城市人民政府 2025 年发文登记"},
		{"文号", "文件标题", "发文日期", "签发人", "主送机关", "抄送机关", "会签机关", "状态", "备注", "经办人"},
		{"江政〔2025〕1号", "关于印发工作要点的通知", "#date:46174", "王市长", "各区县人民政府", "市委办公室。", "江城市财政局、江城市审计局", "", "", "小刘"},
		{"江政[2025]2号", "关于表彰的决定", "2025-07-01", "王市长", "", "", "", "已发文", "", ""},
		{},
		{"江政（2025）3号", "", "", "", "", "", "", "已释放", "作废", ""},
	}})
	got, err := sheet.ReadRegister(bytes.NewReader(data), "hand.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	want := []register.Entry{
		{Code: "江政", Year: 2025, Serial: 1, State: register.Issued, Title: "关于印发工作要点的通知", Date: "2026年6月1日", Signer: "王市长",
			Recipients: "各区县人民政府", CC: "市委办公室。", Joint: []string{"江城市财政局", "江城市审计局"}},
		{Code: "江政", Year: 2025, Serial: 2, State: register.Issued, Title: "关于表彰的决定", Date: "2025年7月1日", Signer: "王市长"},
		{Code: "江政", Year: 2025, Serial: 3, State: register.Released, Note: "作废"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("hand-made register:\n got %+v\nwant %+v", got, want)
	}

}

func TestRegisterErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		rows [][]string
		want string
	}{
		{"no number column", [][]string{{"标题"}, {"x"}}, "发文字号"},
		{"bad number", [][]string{{"发文字号"}, {"江政2025年1号"}}, "A2"},
		{"bad state", [][]string{{"发文字号", "状态"}, {"江政〔2025〕1号", "作废了"}}, "B2"},
		{"duplicate", [][]string{{"发文字号"}, {"江政〔2025〕1号"}, {"江政[2025]1号"}}, "重复"},
		{"inconsistent", [][]string{{"发文字号", "机关代字", "年份", "序号"}, {"江政〔2025〕1号", "江政", "2025", "2"}}, "不一致"},
		{"year not a number", [][]string{{"机关代字", "年份", "序号"}, {"江政", "二〇二五", "2"}}, "B2"},
	} {
		_, err := sheet.ReadRegister(bytes.NewReader(handMade(t, map[string][][]string{"S": tc.rows})), "bad.xlsx")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one mentioning %q", tc.name, err, tc.want)
		}
	}
	if _, err := sheet.ReadRegister(strings.NewReader("编号,标题\n"), "old.csv"); err == nil || !strings.Contains(err.Error(), ".xlsx") {
		t.Errorf("a CSV: %v", err)
	}
}

var profiles = []templates.Profile{
	{ID: "jiangcheng-zf", FullName: "江城市人民政府", ShortName: "江城市政府", Code: "江政", MarkText: "江城市人民政府文件", Signer: "王大明", Printer: "江城市人民政府办公室", Seal: "seal.png"},
	{ID: "jiangcheng-sw", FullName: "江城市水务局", Code: "江水"},
}

func TestProfilesRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	if err := sheet.WriteProfiles(&buf, profiles); err != nil {
		t.Fatal(err)
	}
	got, err := sheet.ReadProfiles(bytes.NewReader(buf.Bytes()), "units.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, profiles) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, profiles)
	}
}

func TestProfilesHandMade(t *testing.T) {
	data := handMade(t, map[string][][]string{
		"机关": {{"机关代字", "单位ID", "机关全称", "规范化简称"}, {"江财", "jc-cz", "江城市财政局", "市财政局"}},
		"人员": {{"单位ID", "姓名", "角色"}, {"jc-cz", "赵局长", "签发人"}},
	})
	got, err := sheet.ReadProfiles(bytes.NewReader(data), "units.xlsx")
	want := []templates.Profile{{ID: "jc-cz", FullName: "江城市财政局", ShortName: "市财政局", Code: "江财", Signer: "赵局长"}}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("hand-made profiles: %+v %v", got, err)
	}
	for _, tc := range []struct {
		name   string
		sheets map[string][][]string
		want   string
	}{
		{"bad id", map[string][][]string{"机关": {{"单位ID", "机关全称"}, {"江 财", "江城市财政局"}}}, "A2"},
		{"code with year", map[string][][]string{"机关": {{"单位ID", "机关全称", "机关代字"}, {"jc", "江城市财政局", "江财〔2025〕"}}}, "机关代字"},
		{"unknown organ", map[string][][]string{"机关": {{"单位ID", "机关全称"}, {"jc", "江城市财政局"}}, "人员": {{"单位ID", "姓名", "角色"}, {"zz", "赵", "签发人"}}}, "zz"},
		{"two signers", map[string][][]string{"机关": {{"单位ID", "机关全称"}, {"jc", "江城市财政局"}}, "人员": {{"单位ID", "姓名", "角色"}, {"jc", "赵", "签发人"}, {"jc", "钱", "签发人"}}}, "已有签发人"},
	} {
		_, err := sheet.ReadProfiles(bytes.NewReader(handMade(t, tc.sheets)), "bad.xlsx")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one mentioning %q", tc.name, err, tc.want)
		}
	}
}
