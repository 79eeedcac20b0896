package templates

import (
	"strings"
	"testing"

	"gongwen/document"
)

// TestDeclaredRulesValidated: the shape of each declared rule is validated, and the examples
// are run through RunDeclared (here a stand-in that fires when the title holds 测试).
func TestDeclaredRulesValidated(t *testing.T) {
	const good = `checks:
  - id: ceshi-word
    kind: phrase-forbidden
    severity: warning
    clause: 实务
    message: 不用“{text}”
    where: [title]
    phrases: [测试]
    examples:
      fire: [{title: 关于测试的请示}]
      pass: [{title: 关于经费的请示}]
`
	opts := testOptions()
	opts.RunDeclared = func(doc *document.Document, g *Genre, id string) bool {
		return id == "ceshi-word" && strings.Contains(doc.Title, "测试")
	}
	g, errs := ParseGenre("t.yaml", []byte(minimal+good), opts)
	if len(errs) > 0 || len(g.Checks) != 1 || g.Checks[0].Phrases[0] != "测试" {
		t.Fatalf("good: %v %+v", errs, g)
	}
	tests := []struct{ name, src, want string }{
		{"kind", strings.Replace(good, "phrase-forbidden", "spelling", 1), `规则种类 kind "spelling" 无效`},
		{"severity", strings.Replace(good, "severity: warning", "severity: fatal", 1), `severity "fatal" 无效`},
		{"clause", strings.Replace(good, "clause: 实务", "clause: \"\"", 1), "缺少 clause"},
		{"message", strings.Replace(good, "message: 不用“{text}”", "message: \"\"", 1), "缺少 message"},
		{"builtin id", strings.Replace(good, "ceshi-word", "qingshi-closing", 1), "与内置规则重名"},
		{"where", strings.Replace(good, "[title]", "[titel]", 1), `where 中的 "titel" 无效`},
		{"no pass", strings.Replace(good, "      pass: [{title: 关于经费的请示}]\n", "", 1), "至少要有一个 fire"},
		{"fire does not fire", strings.Replace(good, "关于测试的请示", "关于经费的请示", 1), "fire 例子没有报告问题"},
		{"pass fires", strings.Replace(good, "关于经费的请示", "关于测试经费的请示", 1), "pass 例子报告了问题"},
		{"bad path", strings.Replace(good, "{title: 关于经费的请示}", "{titel: x}", 1), `要素路径 "titel" 不存在`},
		{"pattern", strings.Replace(strings.Replace(good, "kind: phrase-forbidden", "kind: pattern", 1), "phrases: [测试]", "pattern: \"(测试\"", 1), "不是有效的正则表达式"},
		{"length", strings.Replace(strings.Replace(good, "kind: phrase-forbidden", "kind: length-max\n    element: title", 1), "phrases: [测试]", "max: 0", 1), "正整数 max"},
	}
	for _, tc := range tests {
		_, errs := ParseGenre("t.yaml", []byte(minimal+tc.src), opts)
		found := false
		for _, e := range errs {
			found = found || strings.Contains(e.Error(), tc.want)
		}
		if !found {
			t.Errorf("%s: want %q in %v", tc.name, tc.want, errs)
		}
	}
}
