package app

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongwen/check"
	"gongwen/document"
	"gongwen/templates"
)

func testSet(t testing.TB) *templates.Set {
	t.Helper()
	set, errs := templates.Load(templates.LoadOptions{NoUserDir: true})
	for _, e := range errs {
		t.Logf("template: %v", e)
	}
	if _, ok := set.Genre("qingshi"); !ok {
		t.Fatal("no qingshi template")
	}
	return set
}

func newTestModel(t testing.TB) *Model {
	t.Helper()
	profiles, _ := templates.LoadProfiles(t.TempDir())
	return NewModel(testSet(t), profiles, t.TempDir())
}

func findRule(fs []check.Finding, rule string) (check.Finding, bool) {
	for _, f := range fs {
		if f.Rule == rule {
			return f, true
		}
	}
	return check.Finding{}, false
}

func TestFieldText(t *testing.T) {
	doc := &document.Document{}
	tests := []struct {
		path, in, want string
	}{
		{"title", "关于……的请示", "关于……的请示"},
		{"body", "一、甲\n\n（一）乙\n", "一、甲\n（一）乙"},
		{"signers", "王明\n李华", "王明\n李华"},
		{"issuers", "甲市人民政府\n乙市人民政府", "甲市人民政府\n乙市人民政府"},
		{"sign_off", "noseal", "noseal"},
		{"recipients_in_banji", "true", "true"},
		{"rectification", "问题一｜内容｜目标｜措施｜2024年6月30日｜办公室", "问题一｜内容｜目标｜措施｜2024年6月30日｜办公室"},
		{"attachments", "附件一\n段落\n\n附件二", "附件一\n段落\n\n附件二"},
	}
	for _, tc := range tests {
		if !SetFieldText(doc, tc.path, tc.in) {
			t.Fatalf("SetFieldText(%s) refused", tc.path)
		}
		if got := FieldText(doc, tc.path); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.path, got, tc.want)
		}
	}
	if SetFieldText(doc, "nonsense", "x") {
		t.Error("unknown path accepted")
	}
	// the seal of an organ survives renaming it in the form
	doc.Issuers[0].Seal = "seal.png"
	SetFieldText(doc, "issuers", "甲市政府\n乙市人民政府")
	if doc.Issuers[0].Seal != "seal.png" || doc.Issuers[0].Name != "甲市政府" {
		t.Errorf("issuer 0 = %+v", doc.Issuers[0])
	}
}

func TestElementText(t *testing.T) {
	doc := &document.Document{
		Title: "T", Body: []string{"a", "b"}, Signers: []string{"s"},
		Issuers:       []document.Issuer{{Name: "n", Mark: "m"}},
		Attachments:   []document.Attachment{{Title: "at", Body: []string{"ab"}}},
		Rectification: []document.RectificationItem{{Problem: "p", Owner: "o"}},
	}
	tests := map[string]string{
		"title": "T", "body.1": "b", "signers.0": "s", "issuers.0.name": "n", "issuers.0.mark": "m",
		"attachments.0.title": "at", "attachments.0.body.0": "ab", "rectification.0.problem": "p", "rectification.0.owner": "o",
	}
	for path, want := range tests {
		p := doc.Field(path) // the form addresses elements by document.Field
		if p == nil || *p != want {
			t.Errorf("%s: got %v, want %q", path, p, want)
		}
	}
	for _, bad := range []string{"body.2", "body.x", "body.-1", "issuers.1.name", "attachments.0.body.3", "nothing", ""} {
		if doc.Field(bad) != nil {
			t.Errorf("%s: expected nil", bad)
		}
	}
}

func TestReplaceRunes(t *testing.T) {
	tests := []struct {
		s          string
		off, n     int
		want, repl string
		out        string
		err        bool
	}{
		{"江政[2024]05号", 2, 6, "[2024]", "〔2024〕", "江政〔2024〕05号", false},
		{"江政〔2024〕05号", 8, 2, "05", "5", "江政〔2024〕5号", false},
		{"abc", 1, 1, "x", "y", "abc", true},  // text changed
		{"abc", 2, 5, "c", "y", "abc", true},  // out of range
		{"abc", 3, 0, "", "。", "abc。", false}, // insertion at the end
	}
	for _, tc := range tests {
		out, err := replaceRunes(tc.s, tc.off, tc.n, tc.want, tc.repl)
		if (err != nil) != tc.err || out != tc.out {
			t.Errorf("replaceRunes(%q,%d,%d): %q, %v", tc.s, tc.off, tc.n, out, err)
		}
	}
}

func TestCloneDocIsDeep(t *testing.T) {
	d := &document.Document{Body: []string{"a"}, Attachments: []document.Attachment{{Title: "t", Table: &document.Table{Rows: [][]string{{"1"}}}}}}
	c := cloneDoc(d)
	c.Body[0] = "x"
	c.Attachments[0].Table.Rows[0][0] = "2"
	if d.Body[0] != "a" || d.Attachments[0].Table.Rows[0][0] != "1" {
		t.Error("clone shares memory with the original")
	}
}

// TestModelQingshi creates a 请示, plants a bad 发文字号, sees the findings, fixes them.
func TestModelQingshi(t *testing.T) {
	m := newTestModel(t)
	if err := m.New("qingshi"); err != nil {
		t.Fatal(err)
	}
	if m.Genre == nil || m.Genre.Name != "请示" || m.Doc.Direction != document.DirectionUp {
		t.Fatalf("genre %+v", m.Genre)
	}
	m.Set("number", "江政[2024]05号")
	m.Analyse()
	if _, ok := findRule(m.Findings, "number-brackets"); !ok {
		t.Fatalf("no number-brackets finding in %v", m.Findings)
	}
	if m.Fixable() < 2 {
		t.Fatalf("fixable = %d", m.Fixable())
	}
	if n := m.ApplyAllFixes(); n < 2 {
		t.Fatalf("applied %d fixes", n)
	}
	if m.Doc.Number != "江政〔2024〕5号" {
		t.Fatalf("number after fixes: %q", m.Doc.Number)
	}
	m.Analyse()
	if _, ok := findRule(m.Findings, "number-brackets"); ok {
		t.Fatal("number-brackets finding still there")
	}
	if len(m.Pages) == 0 {
		t.Fatal("no pages")
	}
}

func TestProfileFillsOrganAndNumber(t *testing.T) {
	m := newTestModel(t)
	if len(m.Profiles) == 0 {
		t.Skip("no built-in profiles")
	}
	m.New("qingshi")
	p := m.Profiles[0]
	m.ApplyProfile(p, 2024, 5)
	if len(m.Doc.Issuers) == 0 || m.Doc.Issuers[0].Name != p.FullName {
		t.Fatalf("issuers %+v", m.Doc.Issuers)
	}
	if p.Code != "" && m.Doc.Number != p.Code+"〔2024〕5号" {
		t.Fatalf("number %q", m.Doc.Number)
	}
}

func TestSaveOpenRoundTrip(t *testing.T) {
	m := newTestModel(t)
	m.New("qingshi")
	m.Set("title", "江城市人民政府关于建设应急物资储备中心的请示")
	m.Set("body", "一、项目情况\n妥否，请批示。")
	path := filepath.Join(t.TempDir(), "draft") // .yaml is added
	if err := m.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	if m.Dirty || !strings.HasSuffix(m.Path, ".yaml") {
		t.Fatalf("after save: dirty %v path %s", m.Dirty, m.Path)
	}
	m2 := newTestModel(t)
	if err := m2.Open(m.Path); err != nil {
		t.Fatal(err)
	}
	if m2.Doc.Title != m.Doc.Title || len(m2.Doc.Body) != 2 || m2.Genre == nil || m2.Genre.ID != "qingshi" {
		t.Fatalf("reopened: %+v", m2.Doc)
	}
}

// A draft of a newer version or a broken one gets a Chinese message and is never overwritten.
func TestUnreadableDraftsAreNotOverwritten(t *testing.T) {
	dir := t.TempDir()
	newer := filepath.Join(dir, "newer.yaml")
	broken := filepath.Join(dir, "broken.yaml")
	newerData := []byte("version: 99\ntitle: 未来的草稿\nfuture_key: 1\n")
	brokenData := []byte("title: [未闭合\n")
	os.WriteFile(newer, newerData, 0o644)
	os.WriteFile(broken, brokenData, 0o644)
	m := newTestModel(t)
	for _, p := range []string{newer, broken} {
		err := m.Open(p)
		if err == nil {
			t.Fatalf("%s opened", p)
		}
		if !strings.Contains(err.Error(), "无法打开") || !strings.Contains(err.Error(), "不会") {
			t.Errorf("message: %v", err)
		}
	}
	m.New("qingshi")
	for _, p := range []string{newer, broken} {
		os.WriteFile(p, nil, 0o644) // what the save dialog does before the app sees the name
		if err := m.restoreIfProtected(p); err != nil {
			t.Fatal(err)
		}
		if err := m.SaveAs(p); err == nil {
			t.Errorf("%s overwritten", p)
		}
	}
	if b, _ := os.ReadFile(newer); string(b) != string(newerData) {
		t.Errorf("newer draft changed: %q", b)
	}
	if b, _ := os.ReadFile(broken); string(b) != string(brokenData) {
		t.Errorf("broken draft changed: %q", b)
	}
	// a newer draft never opened in this session is refused too
	other := filepath.Join(dir, "other.yaml")
	os.WriteFile(other, newerData, 0o644)
	if err := m.SaveAs(other); err == nil {
		t.Error("newer draft overwritten")
	}
}

func TestAutosaveAndRecovery(t *testing.T) {
	m := newTestModel(t)
	m.New("qingshi")
	m.Set("title", "江城市人民政府关于恢复测试的请示")
	if !m.NeedsAutosave() {
		t.Fatal("no autosave needed after an edit")
	}
	if err := m.Autosave(); err != nil {
		t.Fatal(err)
	}
	if m.NeedsAutosave() {
		t.Fatal("autosave needed again without an edit")
	}
	// a new session over the same folder (after a crash) finds it
	crash(t, m)
	m2 := NewModel(m.Templates, nil, m.RecoveryDir)
	r, err := m2.PendingRecovery()
	if err != nil || r == nil {
		t.Fatalf("recovery: %v %v", r, err)
	}
	m2.Restore(r)
	if m2.Doc.Title != "江城市人民政府关于恢复测试的请示" || !m2.Dirty || m2.Genre == nil {
		t.Fatalf("restored %+v", m2.Doc)
	}
	// saving clears it
	if err := m2.SaveAs(filepath.Join(t.TempDir(), "x.yaml")); err != nil {
		t.Fatal(err)
	}
	if r, _ := m2.PendingRecovery(); r != nil {
		t.Fatal("recovery file left after save")
	}
	// a broken recovery file is moved aside, not lost, and reported
	os.WriteFile(filepath.Join(m.RecoveryDir, "recovery.yaml"), []byte("version: [\n"), 0o644)
	r, err = m2.PendingRecovery()
	if r != nil || err == nil || !strings.Contains(err.Error(), "已原样保留") {
		t.Fatalf("broken recovery: %v %v", r, err)
	}
	kept, _ := filepath.Glob(filepath.Join(m.RecoveryDir, "recovery-unreadable-*.yaml"))
	if len(kept) != 1 {
		t.Fatalf("kept %v", kept)
	}
	// one that cannot be read at all is reported, not taken for none
	os.Mkdir(filepath.Join(m.RecoveryDir, "recovery.yaml"), 0o755)
	if r, err := m2.PendingRecovery(); r != nil || err == nil || !strings.Contains(err.Error(), "无法读取") {
		t.Fatalf("unreadable recovery: %v %v", r, err)
	}
}

func TestExportFiles(t *testing.T) {
	m := newTestModel(t)
	if err := m.Open(examplePath(t, "qingshi.yaml")); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, kind := range []string{ExportPDF, ExportDOCX, ExportPNG} {
		files, err := m.ExportFile(kind, filepath.Join(dir, "out."+kind))
		if err != nil {
			if kind == ExportDOCX && strings.Contains(err.Error(), "not implemented") {
				t.Logf("docx: %v", err)
				continue
			}
			t.Fatalf("%s: %v", kind, err)
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil || len(b) < 100 {
				t.Fatalf("%s: %d bytes, %v", f, len(b), err)
			}
			magic := map[string]string{ExportPDF: "%PDF", ExportDOCX: "PK", ExportPNG: "\x89PNG"}[kind]
			if !strings.HasPrefix(string(b), magic) {
				t.Errorf("%s does not start with %q", f, magic)
			}
		}
	}
}

func examplePath(t testing.TB, name string) string {
	t.Helper()
	p := filepath.Join("..", "examples", name)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("no example %s", name)
	}
	return p
}

func TestOpenErrorMessages(t *testing.T) {
	m := newTestModel(t)
	err := m.Open(filepath.Join(t.TempDir(), "missing.yaml"))
	if err == nil || !strings.Contains(err.Error(), "无法打开") {
		t.Fatalf("missing file: %v", err)
	}
	if errors.Is(err, document.ErrNewerVersion) {
		t.Fatal("wrong sentinel")
	}
	// the messages follow the UI language
	SetLanguage(LangEn)
	defer SetLanguage(LangZh)
	if err := m.Open(filepath.Join(t.TempDir(), "missing.yaml")); err == nil || !strings.HasPrefix(err.Error(), "Cannot open “missing.yaml”") {
		t.Errorf("English UI, missing file: %v", err)
	}
}

// A plain-text 公文 is imported (checked and re-typeset), with no draft path until saved.
func TestImportText(t *testing.T) {
	txt := "江城市人民政府关于申请疏港公路建设补助资金的请示\n\n某某省人民政府：\n    江城港区疏港公路是连接港区与城区的主干道。现将有关事项请示如下：\n    一、工程概况。项目总投资3.2亿元。\n    妥否，请批示。\n\n江城市人民政府\n2024年1月15日\n"
	path := filepath.Join(t.TempDir(), "qingshi.txt")
	if err := os.WriteFile(path, []byte(txt), 0o644); err != nil {
		t.Fatal(err)
	}
	m := newTestModel(t)
	if err := m.Open(path); err != nil {
		t.Fatal(err)
	}
	if m.Path != "" || m.Imported == "" || !m.Dirty {
		t.Fatalf("path %q imported %q dirty %v", m.Path, m.Imported, m.Dirty)
	}
	if m.Genre == nil || m.Genre.ID != "qingshi" {
		t.Fatalf("genre %v", m.Genre)
	}
	if err := m.Analyse(); err != nil {
		t.Fatal(err)
	}
	if len(m.Pages) == 0 || len(m.Doc.Body) < 2 {
		t.Fatalf("pages %d body %q", len(m.Pages), m.Doc.Body)
	}
	if err := m.Save(); err == nil {
		t.Fatal("an imported document was saved without choosing a draft file")
	}
}

// A 整改方案 is typed as problem items; the plan and its task table are generated for the
// preview and the export, and the draft keeps the items.
func TestRectificationItems(t *testing.T) {
	m := newTestModel(t)
	if err := m.New("zhenggai"); err != nil {
		t.Skip("no zhenggai template")
	}
	m.Set("title", "江城市人民政府关于印发《江城市审计发现问题整改方案》的通知")
	m.Set("rectification", "专项资金拨付滞后｜加快拨付｜6月底前拨付完毕｜建立台账｜2024年6月30日｜市财政局\n项目管理不规范｜完善制度｜制度健全｜修订办法｜2024年9月30日｜市发展改革委")
	if len(m.Doc.Rectification) != 2 || m.Doc.Rectification[1].Owner != "市发展改革委" {
		t.Fatalf("items %+v", m.Doc.Rectification)
	}
	if err := m.Analyse(); err != nil {
		t.Fatal(err)
	}
	if len(m.Pages) < 2 {
		t.Fatalf("%d pages: the plan was not generated", len(m.Pages))
	}
	if len(m.Doc.Attachments) != 0 {
		t.Fatal("the preview changed the document")
	}
	if _, ok := findRule(m.Findings, ruleGenerate); ok {
		t.Error("generation finding for a title that names the plan")
	}
	// A title without the plan's name in 《》: the preview goes on without the plan, and a
	// finding on the title says why (the export would fail).
	m.Set("title", "江城市人民政府关于印发整改方案的通知")
	if err := m.Analyse(); err != nil {
		t.Fatal(err)
	}
	f, ok := findRule(m.Findings, ruleGenerate)
	if !ok || f.Path != "title" || !strings.Contains(f.Message, "《") {
		t.Errorf("no finding on the title for the plan that cannot be generated: %+v", m.Findings)
	}
}

func TestSaveAsElsewhereKeepsImages(t *testing.T) {
	m := newTestModel(t)
	m.New("qingshi")
	m.Doc.Dir = "/drafts/old"
	m.Doc.Issuers = []document.Issuer{{Name: "甲", Seal: "seal.png"}, {Name: "乙", Seal: "/abs/seal.png"}}
	if err := m.SaveAs(filepath.Join(t.TempDir(), "moved.yaml")); err != nil {
		t.Fatal(err)
	}
	if m.Doc.Issuers[0].Seal != filepath.Join("/drafts/old", "seal.png") || m.Doc.Issuers[1].Seal != "/abs/seal.png" {
		t.Fatalf("seals %+v", m.Doc.Issuers)
	}
}

func TestDiscardLeavesNoRecovery(t *testing.T) {
	m := newTestModel(t)
	m.New("qingshi")
	m.Set("title", "要放弃的请示")
	m.Autosave()
	m.Set("title", "要放弃的请示二")
	m.Discard()
	if err := m.Autosave(); err != nil || m.HasDocument() {
		t.Fatal(err)
	}
	if r, _ := m.PendingRecovery(); r != nil {
		t.Fatal("a discarded document is offered for recovery")
	}
}

func TestSealField(t *testing.T) {
	m := newTestModel(t)
	if err := m.Open(examplePath(t, "qingshi.yaml")); err != nil {
		t.Fatal(err)
	}
	seal, _ := filepath.Abs(examplePath(t, "seal.png"))
	m.Set("sign_off", "seal")
	if !m.Set(pathSeal, seal) || m.Doc.Issuers[0].Seal != seal {
		t.Fatalf("issuers %+v", m.Doc.Issuers)
	}
	if err := m.Analyse(); err != nil {
		t.Fatal(err)
	}
	images := 0
	for _, p := range m.Pages {
		images += len(p.Images)
	}
	if images == 0 {
		t.Fatal("the seal image is not on the pages")
	}
}
