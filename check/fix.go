package check

import (
	"errors"
	"sort"

	"gongwen/document"
)

// The fix applier: one policy for the app and the CLI.
//
//   - FixAll (the app's 一键修正, gwcli fix) applies only the findings AutoApplicable says yes
//     to: a fix carried by a rule whose policy is FixMechanical.
//   - ApplyFix (the writer accepts one finding) applies any fix the finding carries
//     (FixMechanical or FixSuggest).
//
// Both address every text element by its document path (document.Document.Field), table
// cells (attachments.N.table.rows.R.C) and headers included, by rune offset and length, and
// only where the finding's text still stands.

// Fixable reports whether f carries a fix the writer can accept (mechanical or suggested).
func Fixable(f Finding) bool { return f.HasFix }

// AutoApplicable is the fix-all policy: f carries a fix and its rule's fixes are mechanical.
// The app's 一键修正, FixAll and gwcli fix (which edits the input text by line and column)
// all apply exactly these findings.
func AutoApplicable(f Finding) bool { return f.HasFix && Mechanical(f.Rule) }

// Errors of ApplyFix.
var (
	// ErrNoFix: the finding carries no fix.
	ErrNoFix = errors.New("此问题没有可自动修正的方案 (the finding has no fix)")
	// ErrNoPlace: the finding's element does not exist (any more).
	ErrNoPlace = errors.New("找不到问题所在的位置 (the element does not exist)")
	// ErrChanged: the text at the finding's place is not the finding's text any more.
	ErrChanged = errors.New("原文已修改，请重新检查 (the text changed since the check)")
)

// ApplyFix applies the fix of one finding the writer accepted (mechanical or suggested).
func ApplyFix(doc *document.Document, f Finding) error {
	if !Fixable(f) {
		return ErrNoFix
	}
	if f.Path == "" || f.Length == 0 && f.Text != "" {
		return ErrNoPlace // a finding about the document as a whole, or about raw input text
	}
	p := doc.Field(f.Path)
	if p == nil {
		return ErrNoPlace
	}
	rs := []rune(*p)
	end := f.Offset + f.Length
	if f.Offset < 0 || end > len(rs) || string(rs[f.Offset:end]) != f.Text {
		return ErrChanged
	}
	*p = string(rs[:f.Offset]) + f.Fix + string(rs[end:])
	return nil
}

// FixAll applies the mechanical fixes among fs (AutoApplicable) to doc's element values and
// returns how many it applied. A fix whose text no longer stands at its place (the document
// changed since the check) is skipped, as are overlapping fixes after the first and fixes of
// text outside the values (raw-text findings). Run the check again afterwards: a fix can
// reveal another.
func FixAll(doc *document.Document, fs []Finding) int {
	if doc == nil {
		return 0
	}
	byPath := map[string][]Finding{}
	for _, f := range fs {
		if AutoApplicable(f) && f.Path != "" && f.Length > 0 {
			byPath[f.Path] = append(byPath[f.Path], f)
		}
	}
	n := 0
	for path, list := range byPath {
		p := doc.Field(path)
		if p == nil {
			continue
		}
		// from the end, so that earlier offsets stay valid; overlapping fixes: the first wins
		sort.SliceStable(list, func(i, j int) bool { return list[i].Offset > list[j].Offset })
		rs := []rune(*p)
		limit := len(rs) + 1
		for _, f := range list {
			end := f.Offset + f.Length
			if f.Offset < 0 || end > len(rs) || end > limit || string(rs[f.Offset:end]) != f.Text {
				continue
			}
			rs = append(rs[:f.Offset], append([]rune(f.Fix), rs[end:]...)...)
			limit = f.Offset
			n++
		}
		*p = string(rs)
	}
	return n
}
