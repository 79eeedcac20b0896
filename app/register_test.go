package app

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"gongwen/library"
	"gongwen/register"
	"gongwen/store"
)

// regHarness is a UI whose register and library database is a file in the test's folder.
func regHarness(t *testing.T) *uiHarness {
	t.Setenv(store.EnvDB, filepath.Join(t.TempDir(), "gongwen.db"))
	t.Setenv("GONGWEN_USER", "张秘书")
	return newHarness(t)
}

// TestTakeNumberButton: the 发文字号 field has a 取号 button; taking fills the field and the
// draft, the next take gives the next number, a released number is reused only when chosen.
func TestTakeNumberButton(t *testing.T) {
	h := regHarness(t)
	h.u.NewDocument("qingshi")
	ed := h.u.ed
	ff := ed.fields["number"]
	if ff == nil || ff.entry == nil {
		t.Fatal("no 发文字号 field")
	}
	if !strings.Contains(test.RenderObjectToMarkup(ff.block), "取号") {
		t.Error("no 取号 button beside the 发文字号 field")
	}
	e, err := h.u.TakeNumber("江政", 2026, 0)
	if err != nil {
		t.Fatal(err)
	}
	if ff.entry.Text != "江政〔2026〕1号" || h.u.Model.Doc.Number != "江政〔2026〕1号" || e.TakenBy != "张秘书" {
		t.Fatalf("after 取号: field %q, draft %q, %+v", ff.entry.Text, h.u.Model.Doc.Number, e)
	}
	if got := h.u.leadCode(ff.entry.Text); got != "江政" {
		t.Errorf("leadCode of the typed number: %q", got)
	}
	h.u.TakeNumber("江政", 2026, 0)
	if ff.entry.Text != "江政〔2026〕2号" {
		t.Fatalf("second take: %q", ff.entry.Text)
	}
	db, _ := h.u.regDB()
	reg := register.New(db)
	if _, err := reg.Release(context.Background(), "江政", 2026, 1, "x", ""); err != nil {
		t.Fatal(err)
	}
	h.u.TakeNumber("江政", 2026, 0)
	if ff.entry.Text != "江政〔2026〕3号" {
		t.Errorf("a released number was reused without being chosen: %q", ff.entry.Text)
	}
	h.u.TakeNumber("江政", 2026, 1)
	if ff.entry.Text != "江政〔2026〕1号" {
		t.Errorf("the chosen gap: %q", ff.entry.Text)
	}
	// the dialog opens with the code and the gaps offered
	h.u.TakeNumberDialog(ff.entry)
	if h.u.TopDialog() == nil {
		t.Error("取号 dialog not shown")
	}
	h.settle()
}

// TestLibraryWindow: 存入文稿库 twice makes two versions of one manuscript; the 文稿库 window
// lists it, shows its versions, diffs them by element, moves its status and restores a version;
// the 发文登记簿 window lists the numbers and releases one.
func TestLibraryWindow(t *testing.T) {
	h := regHarness(t)
	h.u.NewDocument("qingshi")
	h.u.Model.Set("title", "关于拨付防汛资金的请示")
	d, err := h.u.SaveToLibrary()
	if err != nil {
		t.Fatal(err)
	}
	if h.u.Model.Path == "" {
		t.Fatal("the draft has no file after 存入文稿库")
	}
	h.u.Model.Set("title", "关于拨付2026年防汛资金的请示")
	d2, err := h.u.SaveToLibrary()
	if err != nil || d2.ID != d.ID || d2.Head != 2 {
		t.Fatalf("second save: %+v %v (first %s)", d2, err, d.ID)
	}
	v := h.u.ShowLibrary()
	if v == nil || len(v.docs) != 1 {
		t.Fatalf("library window lists %d manuscripts", len(v.docs))
	}
	v.list.Select(0)
	if len(v.vers) != 2 || !strings.Contains(v.detail.Text, "关于拨付2026年防汛资金的请示") {
		t.Fatalf("selected: %d versions, %q", len(v.vers), v.detail.Text)
	}
	text, err := v.diffText(d.ID, 1, 2)
	if err != nil || !strings.Contains(text, "修改 标题") || !strings.Contains(text, "**2026年**") {
		t.Errorf("diff: %q %v", text, err)
	}
	v.doDiff()
	v.move.SetSelected("审核")
	v.doMove()
	if got, _ := v.lib.Get(context.Background(), d.ID); got.Status != library.Review {
		t.Errorf("status after 流转: %s", got.Status)
	}
	// 签发 then 印发: the number taken for the draft is recorded as issued
	if _, err := h.u.TakeNumber("江政", 2026, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := h.u.SaveToLibrary(); err != nil {
		t.Fatal(err)
	}
	v.refresh()
	for _, st := range []string{"签发", "印发"} {
		v.move.SetSelected(st)
		v.doMove()
	}
	db, _ := h.u.regDB()
	if e, err := register.New(db).Get(context.Background(), "江政", 2026, 1); err != nil || e.State != register.Issued || e.Title != "关于拨付2026年防汛资金的请示" || e.DocID != d.ID {
		t.Errorf("register line after 印发: %+v %v", e, err)
	}
	v.versions.Select(0)
	v.doRestore()
	if got, _ := v.lib.Get(context.Background(), d.ID); got.Status != library.Printed || got.Head != 4 { // v3 with the number, v4 the restored v1
		t.Errorf("after 印发: %s, head %d", got.Status, got.Head)
	}
	v.status.SetSelected("归档")
	if len(v.docs) != 0 {
		t.Errorf("status filter 归档 lists %d", len(v.docs))
	}
	v.w.Close()

	// the register window
	h.u.NewDocument("qingshi")
	h.u.TakeNumber("江政", 2026, 0)
	r := h.u.ShowRegister()
	r.code.SetText("江政")
	r.year.SetText("2026")
	r.refresh()
	if len(r.entries) != 2 {
		t.Fatalf("register window lists %d lines", len(r.entries))
	}
	r.sel = 1
	r.doRelease()
	if !strings.Contains(r.info.Text, "空号") || r.entries[1].State != register.Released {
		t.Errorf("after release: %q %+v", r.info.Text, r.entries[1])
	}
	r.w.Close()
	h.settle()
}
