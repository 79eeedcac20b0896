package pipeline

import (
	"strings"

	"gongwen/check"
)

// Unfinished counts a draft's error findings and unfilled template prompts (【请填写……】,
// ***, 年月日 without digits): what gwcli export notes (and --strict refuses) and what the
// app asks about before it exports.
func (p *Pipeline) Unfinished(d *Draft) (errs, prompts int) {
	return CountUnfinished(p.Check(d, nil))
}

// CountUnfinished counts, among findings, the unfilled prompts (rules "placeholder…") and the
// other error findings.
func CountUnfinished(findings []check.Finding) (errs, prompts int) {
	for _, f := range findings {
		switch {
		case strings.HasPrefix(f.Rule, "placeholder"):
			prompts++
		case f.Severity == check.SeverityError:
			errs++
		}
	}
	return errs, prompts
}
