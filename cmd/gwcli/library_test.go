package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongwen/internal/storetest"
	"gongwen/library"
)

// TestLibraryCommands drives gwcli library: save two versions, move the status, show, diff,
// list with filters, export with history and import into another database.
func TestLibraryCommands(t *testing.T) {
	for _, engine := range storetest.Engines {
		t.Run(string(engine), func(t *testing.T) {
			db := storetest.URL(t, engine)
			t.Setenv("GONGWEN_USER", "张秘书")
			dir := t.TempDir()
			draft := filepath.Join(dir, "d.yaml")
			text := "version: 1\ngenre: tongzhi\nissuers:\n  - name: 江城市人民政府\nnumber: 江政〔2026〕5号\ntitle: 关于防汛的通知\nrecipients: 各区县人民政府：\nbody:\n  - 一段。\n  - 二段。\ndate: 2026年6月1日\n"
			os.WriteFile(draft, []byte(text), 0o644)
			code, out, errs := gw("library", "save", draft, "--note", "初稿", "--db", db)
			if code != 0 {
				t.Fatal(errs)
			}
			id := strings.TrimSpace(out)
			os.WriteFile(draft, []byte(strings.Replace(strings.Replace(text, "关于防汛", "关于做好防汛工作", 1), "  - 二段。\n", "  - 新段。\n  - 二段。\n", 1)), 0o644)
			if code, _, errs := gw("library", "save", draft, "--id", id, "--base", "1", "--db", db); code != 0 {
				t.Fatal(errs)
			}
			if code, _, errs := gw("library", "save", draft, "--id", id, "--base", "1", "--db", db); code != 0 {
				t.Errorf("unchanged save: %s", errs) // identical to version 2: nothing to add, no conflict
			}
			if code, out, _ := gw("library", "status", id, "审核", "--user", "李科长", "--db", db); code != 0 || !strings.Contains(out, "审核") {
				t.Errorf("status: %d %q", code, out)
			}
			if code, _, errs := gw("library", "status", id, "归档", "--db", db); code != 2 || !strings.Contains(errs, "不能从审核改为归档") {
				t.Errorf("status skipping steps: %d %q", code, errs)
			}
			code, out, _ = gw("library", "diff", id, "1", "2", "--db", db)
			if code != 0 || !strings.Contains(out, "修改 标题: 关于{+做好+}防汛{+工作+}的通知") || !strings.Contains(out, "新增 正文第 2 段: {+新段。+}") {
				t.Errorf("diff:\n%s", out)
			}
			code, out, _ = gw("library", "show", id, "--json", "--db", db)
			var shown struct {
				Doc      library.Doc            `json:"document"`
				Versions []library.Version      `json:"versions"`
				History  []library.StatusChange `json:"history"`
			}
			if code != 0 || json.Unmarshal([]byte(out), &shown) != nil || shown.Doc.Head != 2 || len(shown.Versions) != 2 ||
				shown.Versions[0].Note != "初稿" || len(shown.History) != 1 || shown.History[0].Who != "李科长" {
				t.Errorf("show --json: %s", out)
			}
			if code, out, _ := gw("library", "show", id, "--draft", "--version", "1", "--db", db); code != 0 || !strings.Contains(out, "title: 关于防汛的通知") {
				t.Errorf("show --draft --version 1: %q", out)
			}
			for _, tc := range []struct {
				args []string
				hit  bool
			}{
				{[]string{"--title", "防汛"}, true}, {[]string{"--status", "草稿"}, false}, {[]string{"--number", "江政〔2026〕5号"}, true},
				{[]string{"--from", "2026-06-02"}, false}, {[]string{"--genre", "tongzhi", "--to", "2026年6月1日"}, true},
			} {
				_, out, _ := gw(append([]string{"library", "list", "--json", "--db", db}, tc.args...)...)
				if strings.Contains(out, id) != tc.hit {
					t.Errorf("list %v: %s", tc.args, out)
				}
			}
			if code, out, _ := gw("library", "restore", id, "1", "--db", db); code != 0 || !strings.Contains(out, "第 3 版") {
				t.Errorf("restore: %d %q", code, out)
			}
			zipPath := filepath.Join(dir, "ex.zip")
			if code, _, errs := gw("library", "export", "-o", zipPath, "--db", db); code != 0 {
				t.Fatal(errs)
			}
			db2 := filepath.Join(dir, "other.db")
			if code, out, errs := gw("library", "import", zipPath, "--db", db2); code != 0 || !strings.Contains(out, "新增 (added) 1") {
				t.Fatalf("import: %q %q", out, errs)
			}
			_, a, _ := gw("library", "show", id, "--json", "--db", db)
			_, b, _ := gw("library", "show", id, "--json", "--db", db2)
			if a != b {
				t.Errorf("after export and import:\n%s\n%s", a, b)
			}
		})
	}
}

func TestLibraryUsage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "g.db")
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"library"}, 2, "用法"},
		{[]string{"library", "show", "--db", db}, 2, "参数"},
		{[]string{"library", "show", "nope", "--db", db}, 2, "不在文稿库"},
		{[]string{"library", "diff", "x", "0", "--db", db}, 2, "正整数"},
		{[]string{"library", "status", "x", "发布", "--db", db}, 2, "状态"},
		{[]string{"library", "export", "--db", db}, 2, "-o"},
		{[]string{"library", "import", "/nonexistent.zip", "--db", db}, 2, "无法打开 (cannot open) /nonexistent.zip"},
		{[]string{"library", "save", "/nonexistent.yaml", "--db", db}, 2, "nonexistent"},
	} {
		code, _, errs := gw(tc.args...)
		if code != tc.code || !strings.Contains(errs, tc.want) {
			t.Errorf("gwcli %s: %d %q, want %d and %q", strings.Join(tc.args, " "), code, errs, tc.code, tc.want)
		}
	}
}
