package check

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOrganTypes classifies issuers by the table check/data/organs.yaml.
func TestOrganTypes(t *testing.T) {
	k := builtinKnowledge()
	for name, want := range map[string]string{
		"江城市人民政府": "government", "国务院办公厅": "government", "江城市人民政府办公室": "government",
		"江城市教育局": "department", "江城市发展和改革委员会": "department", "江城市卫生健康委员会": "department",
		"中共江城市委员会": "party", "江城市人民代表大会常务委员会": "congress", "中华人民共和国自然资源部": "ministry",
		"江城市教育局基础教育科": "internal", "江城市城市建设投资集团有限公司": "enterprise", "江城大学": "enterprise",
		"江城市人民政府办公室秘书一处": "internal", "江城市财政局预算处": "internal", "江城市财政局办公室": "department",
		"江城市人民政府办公厅": "government",
		"国务院安全生产委员会": "state-council", "国务院安委会办公室": "state-council", "国务院扶贫开发领导小组办公室": "state-council",
	} {
		got := ""
		if ty := k.OrganType(name); ty != nil {
			got = ty.ID
		}
		if got != want {
			t.Errorf("OrganType(%s) = %q, want %q", name, got, want)
		}
	}
	for _, e := range k.Basis {
		if e.Name == "" || e.Source == "" || e.Effective == "" {
			t.Errorf("basis entry %+v lacks name, source or effective date", e)
		}
		if e.Repealed != "" && e.ReplacedBy == "" {
			t.Errorf("%s: repealed without replacement", e.Name)
		}
	}
}

// TestLoadKnowledge: a user's tables add organ types, change a genre's permissions and add basis
// entries; a broken table is reported and the built-ins stay.
func TestLoadKnowledge(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "organs.yaml"), []byte("types:\n  - id: development-zone\n    name: 开发区管委会\n    suffixes: [管理委员会]\ngenres:\n  命令: [government, development-zone]\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "basis.yaml"), []byte("entries:\n  - name: 江城市公文处理实施细则\n    effective: 2005-01-01\n    repealed: 2020-01-01\n    replaced_by: 《江城市公文处理办法》\n    source: 江政发〔2019〕30号\n"), 0o644)
	k, err := LoadKnowledge(dir)
	if err != nil {
		t.Fatal(err)
	}
	if ty := k.OrganType("江城经济开发区管理委员会"); ty == nil || ty.ID != "development-zone" {
		t.Errorf("user organ type not used: %+v", ty)
	}
	d := baseNotice()
	d.Body[0] = "根据《江城市公文处理实施细则》，现将有关事项通知如下："
	if len(findingsOf(Run(d, nil, Options{Knowledge: k}), "basis-repealed")) != 1 {
		t.Error("user basis entry not reported")
	}
	if len(findingsOf(Run(d, nil, Options{}), "basis-repealed")) != 0 {
		t.Error("user basis entry reported without the user's tables")
	}
	os.WriteFile(filepath.Join(dir, "basis.yaml"), []byte("entries:\n  - name: x\n    effective: 2005-13-01\n    source: s\n"), 0o644)
	k, err = LoadKnowledge(dir)
	if err == nil || !strings.Contains(err.Error(), "YYYY-MM-DD") || k == nil || k.OrganType("江城经济开发区管理委员会") == nil {
		t.Errorf("broken basis.yaml: %v (the good organs.yaml must still count)", err)
	}
	if k, err := LoadKnowledge(filepath.Join(dir, "none")); err != nil || k == nil {
		t.Errorf("missing folder: %v", err)
	}
}

// TestLoadKnowledgeBroken: each broken user table is reported in one Chinese line naming the
// file, and left out; the built-in tables stay.
func TestLoadKnowledgeBroken(t *testing.T) {
	for _, tc := range []struct {
		name, file string
		data       string // "" makes the file a folder (unreadable)
	}{
		{"unknown field", "organs.yaml", "types:\n  - id: x\n    bogus: 1\n"},
		{"not yaml", "organs.yaml", "types: [\n"},
		{"bad date", "basis.yaml", "entries:\n  - name: x\n    effective: 2005-13-01\n    source: s\n"},
		{"wrong shape", "basis.yaml", "entries: 3\n"},
		{"unreadable", "basis.yaml", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, tc.file)
			if tc.data == "" {
				os.Mkdir(path, 0o755)
			} else {
				os.WriteFile(path, []byte(tc.data), 0o644)
			}
			k, err := LoadKnowledge(dir)
			if err == nil {
				t.Fatal("no error")
			}
			msg := err.Error()
			if !strings.Contains(msg, path) || !strings.Contains(msg, "用户数据表有误") || strings.Contains(msg, "\n") {
				t.Errorf("message %q: want one line naming %s", msg, path)
			}
			if k != builtinKnowledge() {
				t.Error("a broken table changed the tables")
			}
		})
	}
}
