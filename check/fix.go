package check

import (
	"sort"
	"strconv"
	"strings"

	"gongwen/document"
)

// ApplyFixes applies the mechanical fixes among fs (see Mechanical) to doc's element values,
// by path, rune offset and length, and returns how many it applied. A fix whose text no longer
// stands at its place (the document changed since the check) is skipped, as are fixes of text
// outside the values (raw-text findings). Run the check again afterwards: a fix can reveal
// another.
func ApplyFixes(doc *document.Document, fs []Finding) int {
	if doc == nil {
		return 0
	}
	byPath := map[string][]Finding{}
	for _, f := range fs {
		if f.HasFix && Mechanical(f.Rule) && f.Path != "" && f.Length > 0 {
			byPath[f.Path] = append(byPath[f.Path], f)
		}
	}
	n := 0
	for path, list := range byPath {
		p := textPtr(doc, path)
		if p == nil {
			continue
		}
		// from the end, so that earlier offsets stay valid; overlapping fixes: the first wins
		sort.SliceStable(list, func(i, j int) bool { return list[i].Offset > list[j].Offset })
		rs := []rune(*p)
		limit := len(rs) + 1
		for _, f := range list {
			end := f.Offset + f.Length
			if end > len(rs) || end > limit || string(rs[f.Offset:end]) != f.Text {
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

// textPtr returns the string field of doc at path, or nil.
func textPtr(d *document.Document, path string) *string {
	switch path {
	case document.PathCopyNumber:
		return &d.CopyNumber
	case document.PathClassification:
		return &d.Classification
	case document.PathClassificationTerm:
		return &d.ClassificationTerm
	case document.PathUrgency:
		return &d.Urgency
	case document.PathNumber:
		return &d.Number
	case document.PathOrderNumber:
		return &d.OrderNumber
	case document.PathTitle:
		return &d.Title
	case document.PathTitleNote:
		return &d.TitleNote
	case document.PathRecipients:
		return &d.Recipients
	case document.PathAttachmentNotesLabel:
		return &d.AttachmentNotesLabel
	case document.PathDate:
		return &d.Date
	case document.PathNote:
		return &d.Note
	case document.PathPresent:
		return &d.Present
	case document.PathAbsent:
		return &d.Absent
	case document.PathAttending:
		return &d.Attending
	case document.PathCC:
		return &d.CC
	case document.PathPrinter:
		return &d.Printer
	case document.PathPrintDate:
		return &d.PrintDate
	}
	parts := strings.Split(path, ".")
	at := func(k, n int) (int, bool) {
		if k >= len(parts) {
			return 0, false
		}
		i, err := strconv.Atoi(parts[k])
		return i, err == nil && i >= 0 && i < n
	}
	switch parts[0] {
	case "body":
		if i, ok := at(1, len(d.Body)); ok && len(parts) == 2 {
			return &d.Body[i]
		}
	case "attachment_notes":
		if i, ok := at(1, len(d.AttachmentNotes)); ok && len(parts) == 2 {
			return &d.AttachmentNotes[i]
		}
	case "issuers":
		if i, ok := at(1, len(d.Issuers)); ok && len(parts) == 3 && parts[2] == "name" {
			return &d.Issuers[i].Name
		}
	case "signers":
		if i, ok := at(1, len(d.Signers)); ok && len(parts) == 2 {
			return &d.Signers[i]
		}
	case "attachments":
		i, ok := at(1, len(d.Attachments))
		if !ok || len(parts) < 3 {
			return nil
		}
		a := &d.Attachments[i]
		switch {
		case parts[2] == "title" && len(parts) == 3:
			return &a.Title
		case parts[2] == "label" && len(parts) == 3:
			return &a.Label
		case parts[2] == "body" && len(parts) == 4:
			if j, ok := at(3, len(a.Body)); ok {
				return &a.Body[j]
			}
		case parts[2] == "table" && a.Table != nil:
			if parts[3] == "header" && len(parts) == 5 {
				if j, ok := at(4, len(a.Table.Header)); ok {
					return &a.Table.Header[j]
				}
			}
			if parts[3] == "rows" && len(parts) == 6 {
				if r, ok := at(4, len(a.Table.Rows)); ok {
					if j, ok := at(5, len(a.Table.Rows[r])); ok {
						return &a.Table.Rows[r][j]
					}
				}
			}
		}
	}
	return nil
}
