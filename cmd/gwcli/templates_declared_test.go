package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readmeBlock is the worked example of templates/README.md (the yaml block after the marker).
func readmeBlock(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "templates", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, rest, _ := strings.Cut(string(data), "<!-- worked-example -->")
	_, rest, _ = strings.Cut(rest, "```yaml\n")
	block, _, ok := strings.Cut(rest, "```")
	if !ok || !strings.Contains(block, "checks:") {
		t.Fatal("templates/README.md: no worked example declaring checks")
	}
	return block
}

// TestTemplatesDeclaredRules: gwcli templates lint runs a declared rule's examples (a fire example
// that does not fire fails the lint at its place), and show lists the declared rules.
func TestTemplatesDeclaredRules(t *testing.T) {
	tplIsolate(t)
	block := readmeBlock(t)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "tongzhi-huiyi.yaml"), []byte(block), 0o644)
	if code, out, errOut := runTpl("templates", "lint", dir); code != 0 {
		t.Fatalf("lint: %d\n%s%s", code, out, errOut)
	}
	if code, out, _ := runTpl("templates", "--templates", dir, "show", "tongzhi-huiyi"); code != 0 ||
		!strings.Contains(out, "huiyi-place-required") || !strings.Contains(out, "模板声明的规则") {
		t.Errorf("show: %d\n%s", code, out)
	}
	broken := strings.Replace(block, "定于近期召开全市安全生产工作会议。", "定于2024年5月10日召开全市安全生产工作会议。", 1)
	if broken == block {
		t.Fatal("the worked example changed: update this test")
	}
	os.WriteFile(filepath.Join(dir, "tongzhi-huiyi.yaml"), []byte(broken), 0o644)
	code, out, errOut := runTpl("templates", "lint", dir)
	if code != 1 || !strings.Contains(out+errOut, "huiyi-no-vague-time 的 fire 例子没有报告问题") {
		t.Errorf("lint of a fire example that does not fire: %d\n%s%s", code, out, errOut)
	}
}
