package check

import (
	"testing"

	"gongwen/templates"
)

// TestDeclaredRules: each kind of template-declared rule fires on its example and not on the
// clean document, and Only/Disable apply to it.
func TestDeclaredRules(t *testing.T) {
	cases := []struct {
		rule       templates.DeclaredRule
		fire, pass map[string]string
	}{
		{templates.DeclaredRule{ID: "x-forbid", Kind: templates.DeclPhraseForbidden, Phrases: []string{"不得有误"}},
			map[string]string{"body": "请按时完成，不得有误。"}, map[string]string{"body": "请按时完成。"}},
		{templates.DeclaredRule{ID: "x-require", Kind: templates.DeclPhraseRequired, Phrases: []string{"会议地点"}},
			map[string]string{"body": "定于5月10日开会。"}, map[string]string{"body": "二、会议地点\n市行政中心。"}},
		{templates.DeclaredRule{ID: "x-pattern", Kind: templates.DeclPattern, Pattern: `近期召开`, Where: []string{"body", "title"}},
			map[string]string{"title": "关于近期召开会议的通知"}, map[string]string{"title": "关于召开会议的通知"}},
		{templates.DeclaredRule{ID: "x-closing", Kind: templates.DeclClosing, Phrases: []string{"特此通知"}},
			map[string]string{"body": "一、时间\n请准时参加。"}, map[string]string{"body": "请准时参加。\n特此通知。"}},
		{templates.DeclaredRule{ID: "x-el-req", Kind: templates.DeclElementRequired, Element: "note"},
			map[string]string{"note": ""}, map[string]string{"note": "（联系人：孙丽）"}},
		{templates.DeclaredRule{ID: "x-el-forbid", Kind: templates.DeclElementForbidden, Element: "cc"},
			map[string]string{"cc": "市委办公室。"}, map[string]string{"cc": ""}},
		{templates.DeclaredRule{ID: "x-len", Kind: templates.DeclLengthMax, Element: "title", Max: 10},
			map[string]string{"title": "关于进一步做好全市安全生产工作的通知"}, map[string]string{"title": "关于开会的通知"}},
	}
	for _, tc := range cases {
		r := tc.rule
		r.Severity, r.Clause, r.Message = SeverityWarning, "实务", "问题：{text}"
		g := &templates.Genre{ID: "x", Name: "通知", Direction: "down", Checks: []templates.DeclaredRule{r}}
		for _, c := range []struct {
			patch map[string]string
			want  bool
		}{{tc.fire, true}, {tc.pass, false}} {
			d := baseNotice()
			if err := templates.ApplyPatch(d, c.patch); err != nil {
				t.Fatal(err)
			}
			got := len(findingsOf(Run(d, g, Options{}), r.ID)) > 0
			if got != c.want {
				t.Errorf("%s on %v: fired %v, want %v", r.ID, c.patch, got, c.want)
			}
			if c.want {
				if n := len(Run(d, g, Options{Disable: []string{r.ID}, Only: []string{r.ID}})); n != 0 {
					t.Errorf("%s: disabled rule reported %d", r.ID, n)
				}
				if n := len(Run(d, g, Options{Only: []string{r.ID}})); n == 0 {
					t.Errorf("%s: Only did not run it", r.ID)
				}
			}
		}
	}
	// a declared rule cannot shadow a built-in
	g := &templates.Genre{ID: "x", Name: "通知", Checks: []templates.DeclaredRule{{ID: "title-missing", Kind: templates.DeclPhraseRequired,
		Severity: SeverityError, Clause: "实务", Message: "m", Phrases: []string{"不存在的词"}}}}
	for _, f := range Run(baseNotice(), g, Options{}) {
		if f.Rule == "title-missing" {
			t.Errorf("a declared rule ran under a built-in id: %+v", f)
		}
	}
}
