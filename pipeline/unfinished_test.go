package pipeline

import (
	"testing"

	"gongwen/check"
)

func TestCountUnfinished(t *testing.T) {
	f := func(rule, sev string) check.Finding { return check.Finding{Rule: rule, Severity: sev} }
	cases := []struct {
		name          string
		in            []check.Finding
		errs, prompts int
	}{
		{"none", nil, 0, 0},
		{"warnings only", []check.Finding{f("title-length", check.SeverityWarning), f("x", check.SeverityInfo)}, 0, 0},
		{"errors", []check.Finding{f("title-missing", check.SeverityError), f(RuleGenerate, check.SeverityError)}, 2, 0},
		// a placeholder counts as a prompt whatever its severity, never also as an error
		{"prompts", []check.Finding{f("placeholder-prompt", check.SeverityError), f("placeholder-date", check.SeverityWarning)}, 0, 2},
		{"both", []check.Finding{f("placeholder-stars", check.SeverityError), f("date-format", check.SeverityError), f("w", check.SeverityWarning)}, 1, 1},
	}
	for _, c := range cases {
		if e, p := CountUnfinished(c.in); e != c.errs || p != c.prompts {
			t.Errorf("%s: %d errors, %d prompts; want %d, %d", c.name, e, p, c.errs, c.prompts)
		}
	}
}
