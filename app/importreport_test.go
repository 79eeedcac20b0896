package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongwen/templates"
)

// TestOpenImportReport: opening a .txt infers the issuer from the user's unit profile (its
// 机关代字) and keeps the import's report for the summary; a draft has none.
func TestOpenImportReport(t *testing.T) {
	dir := t.TempDir()
	txt := filepath.Join(dir, "a.txt")
	os.WriteFile(txt, []byte("关于某某的请示\n江政〔2024〕5 号\n省人民政府：\n妥否，请批示。\n2024年1月5日\n"), 0o644)
	unit := templates.Profile{ID: "jc", FullName: "江城市人民政府", Code: "江政", Dir: dir}
	m := NewModel(testSet(t), []templates.Profile{unit}, "")
	if err := m.Open(txt); err != nil {
		t.Fatal(err)
	}
	if len(m.Doc.Issuers) != 1 || m.Doc.Issuers[0].Name != "江城市人民政府" || m.Doc.Number != "江政〔2024〕5号" {
		t.Errorf("issuers %v number %q", m.Doc.Issuers, m.Doc.Number)
	}
	rep := strings.Join(m.ImportReport, "\n")
	if !strings.Contains(rep, "单位信息中的机关代字“江政”推断为“江城市人民政府”") || !strings.Contains(rep, "已规范为") {
		t.Errorf("report %q", rep)
	}
	draft := filepath.Join(dir, "a.yaml")
	if err := m.SaveAs(draft); err != nil {
		t.Fatalf("save: %v", err)
	}
	if err := m.Open(draft); err != nil {
		t.Fatal(err)
	}
	if m.ImportReport != nil {
		t.Errorf("a draft has an import report: %q", m.ImportReport)
	}
}
