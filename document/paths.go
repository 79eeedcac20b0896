package document

import (
	"strconv"
	"strings"
)

// Text returns the text of the element at path (see the Path constants and the indexed
// forms "body.3", "attachments.1.title", "issuers.0.name", "signers.1", …), and whether the
// path names an element that exists. Enums (format, direction, sign_off) and genre are
// returned as their string values.
func (d *Document) Text(path string) (string, bool) {
	if d == nil {
		return "", false
	}
	switch path {
	case PathGenre:
		return d.Genre, true
	case PathFormat:
		return string(d.Format), true
	case PathDirection:
		return string(d.Direction), true
	case PathSignOff:
		return string(d.SignOff), true
	case PathVersion:
		return strconv.Itoa(DraftVersion), true
	}
	if p := d.Field(path); p != nil {
		return *p, true
	}
	return "", false
}

// Field returns a pointer to the text element at path (a one-string element such as
// "title", or an indexed one such as "body.3", "issuers.0.seal", "attachments.1.table.rows.2.0",
// "rectification.0.goal"), or nil when the path names no existing text element. Enums
// (format, direction, sign_off) are not text elements. Editors, fixes and templates set
// text through it.
func (d *Document) Field(path string) *string {
	if d == nil {
		return nil
	}
	switch path {
	case PathCopyNumber:
		return &d.CopyNumber
	case PathClassification:
		return &d.Classification
	case PathClassificationTerm:
		return &d.ClassificationTerm
	case PathUrgency:
		return &d.Urgency
	case PathMarkSuffix:
		return &d.MarkSuffix
	case PathMeetingName:
		return &d.MeetingName
	case PathNumber:
		return &d.Number
	case PathOrderNumber:
		return &d.OrderNumber
	case PathTitle:
		return &d.Title
	case PathTitleNote:
		return &d.TitleNote
	case PathRecipients:
		return &d.Recipients
	case PathAttachmentNotesLabel:
		return &d.AttachmentNotesLabel
	case PathDate:
		return &d.Date
	case PathSignerTitle:
		return &d.SignerTitle
	case PathSignerName:
		return &d.SignerName
	case PathSignatureImage:
		return &d.SignatureImage
	case PathNote:
		return &d.Note
	case PathPresent:
		return &d.Present
	case PathAbsent:
		return &d.Absent
	case PathAttending:
		return &d.Attending
	case PathCC:
		return &d.CC
	case PathPrinter:
		return &d.Printer
	case PathPrintDate:
		return &d.PrintDate
	}
	parts := strings.Split(path, ".")
	idx := func(k int, n int) (int, bool) {
		if k >= len(parts) {
			return 0, false
		}
		i, err := strconv.Atoi(parts[k])
		return i, err == nil && i >= 0 && i < n
	}
	// last is the name at position k when it ends the path
	last := func(k int) string {
		if k == len(parts)-1 {
			return parts[k]
		}
		return "\x00"
	}
	switch parts[0] {
	case "body", "signers", "attachment_notes":
		list := map[string][]string{"body": d.Body, "signers": d.Signers, "attachment_notes": d.AttachmentNotes}[parts[0]]
		if i, ok := idx(1, len(list)); ok && len(parts) == 2 {
			return &list[i]
		}
	case "issuers":
		if i, ok := idx(1, len(d.Issuers)); ok {
			is := &d.Issuers[i]
			switch last(2) {
			case "name":
				return &is.Name
			case "mark":
				return &is.Mark
			case "seal":
				return &is.Seal
			}
		}
	case "attachments":
		if i, ok := idx(1, len(d.Attachments)); ok {
			a := &d.Attachments[i]
			switch last(2) {
			case "label":
				return &a.Label
			case "title":
				return &a.Title
			}
			if len(parts) == 4 && parts[2] == "body" {
				if j, ok := idx(3, len(a.Body)); ok {
					return &a.Body[j]
				}
			}
			if a.Table != nil && len(parts) >= 5 && parts[2] == "table" {
				switch parts[3] {
				case "header":
					if j, ok := idx(4, len(a.Table.Header)); ok && len(parts) == 5 {
						return &a.Table.Header[j]
					}
				case "rows":
					if r, ok := idx(4, len(a.Table.Rows)); ok && len(parts) == 6 {
						if c, ok := idx(5, len(a.Table.Rows[r])); ok {
							return &a.Table.Rows[r][c]
						}
					}
				}
			}
		}
	case "rectification":
		if i, ok := idx(1, len(d.Rectification)); ok {
			r := &d.Rectification[i]
			switch last(2) {
			case "problem":
				return &r.Problem
			case "content":
				return &r.Content
			case "goal":
				return &r.Goal
			case "measures":
				return &r.Measures
			case "deadline":
				return &r.Deadline
			case "owner":
				return &r.Owner
			}
		}
	}
	return nil
}

// scalarPaths are the one-string text elements in document order (see Field).
var scalarPaths = []string{PathCopyNumber, PathClassification, PathClassificationTerm, PathUrgency,
	PathMarkSuffix, PathMeetingName, PathNumber, PathOrderNumber, PathTitle, PathTitleNote, PathRecipients,
	PathAttachmentNotesLabel, PathDate, PathSignerTitle, PathSignerName, PathSignatureImage, PathNote,
	PathPresent, PathAbsent, PathAttending, PathCC, PathPrinter, PathPrintDate}

// Walk calls fn with the path and a pointer to the text of every text element of the
// document, in document order: the one-string elements, the 签发人, the issuers (name, mark,
// seal), the 正文 paragraphs, the 附件说明 entries, the attachments (label, title, body,
// table header and cells) and the 整改方案 items. Every path Walk gives resolves with Field
// to the same pointer, and Field resolves no text element Walk does not give: the two are
// one description of the elements. fn may change the text.
func (d *Document) Walk(fn func(path string, text *string)) {
	if d == nil {
		return
	}
	for _, p := range scalarPaths {
		fn(p, d.Field(p))
	}
	for i := range d.Signers {
		fn("signers."+strconv.Itoa(i), &d.Signers[i])
	}
	for i := range d.Issuers {
		n := "issuers." + strconv.Itoa(i) + "."
		fn(n+"name", &d.Issuers[i].Name)
		fn(n+"mark", &d.Issuers[i].Mark)
		fn(n+"seal", &d.Issuers[i].Seal)
	}
	for i := range d.Body {
		fn("body."+strconv.Itoa(i), &d.Body[i])
	}
	for i := range d.AttachmentNotes {
		fn("attachment_notes."+strconv.Itoa(i), &d.AttachmentNotes[i])
	}
	for i := range d.Attachments {
		a := &d.Attachments[i]
		n := "attachments." + strconv.Itoa(i) + "."
		fn(n+"label", &a.Label)
		fn(n+"title", &a.Title)
		for j := range a.Body {
			fn(n+"body."+strconv.Itoa(j), &a.Body[j])
		}
		if a.Table != nil {
			for c := range a.Table.Header {
				fn(n+"table.header."+strconv.Itoa(c), &a.Table.Header[c])
			}
			for r, row := range a.Table.Rows {
				for c := range row {
					fn(n+"table.rows."+strconv.Itoa(r)+"."+strconv.Itoa(c), &row[c])
				}
			}
		}
	}
	for i := range d.Rectification {
		r := &d.Rectification[i]
		n := "rectification." + strconv.Itoa(i) + "."
		for _, f := range []struct {
			name string
			p    *string
		}{{"problem", &r.Problem}, {"content", &r.Content}, {"goal", &r.Goal}, {"measures", &r.Measures},
			{"deadline", &r.Deadline}, {"owner", &r.Owner}} {
			fn(n+f.name, f.p)
		}
	}
}
