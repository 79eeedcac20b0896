package document

import (
	"regexp"
	"testing"
)

// TestLazyRegexpsCompile: every pattern compiled on first use (lazyRE, the YAML message
// table) is a valid regular expression, so none can fail later in a user's run.
func TestLazyRegexpsCompile(t *testing.T) {
	if len(lazyRegexps) < 20 {
		t.Errorf("only %d lazy regexps registered", len(lazyRegexps))
	}
	for _, l := range lazyRegexps {
		if _, err := regexp.Compile(l.expr); err != nil {
			t.Errorf("%q: %v", l.expr, err)
		}
	}
	for _, m := range yamlMessages {
		if _, err := regexp.Compile(m.re); err != nil {
			t.Errorf("%q: %v", m.re, err)
		}
	}
	if got := yamlMessage("sequence end token ']' not found"); got != "缺少与“[”配对的“]”" {
		t.Errorf("yamlMessage = %q", got)
	}
}
