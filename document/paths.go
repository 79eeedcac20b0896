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
	case PathCopyNumber:
		return d.CopyNumber, true
	case PathClassification:
		return d.Classification, true
	case PathClassificationTerm:
		return d.ClassificationTerm, true
	case PathUrgency:
		return d.Urgency, true
	case PathMarkSuffix:
		return d.MarkSuffix, true
	case PathMeetingName:
		return d.MeetingName, true
	case PathNumber:
		return d.Number, true
	case PathOrderNumber:
		return d.OrderNumber, true
	case PathTitle:
		return d.Title, true
	case PathTitleNote:
		return d.TitleNote, true
	case PathRecipients:
		return d.Recipients, true
	case PathAttachmentNotesLabel:
		return d.AttachmentNotesLabel, true
	case PathSignOff:
		return string(d.SignOff), true
	case PathDate:
		return d.Date, true
	case PathSignerTitle:
		return d.SignerTitle, true
	case PathSignerName:
		return d.SignerName, true
	case PathSignatureImage:
		return d.SignatureImage, true
	case PathNote:
		return d.Note, true
	case PathPresent:
		return d.Present, true
	case PathAbsent:
		return d.Absent, true
	case PathAttending:
		return d.Attending, true
	case PathCC:
		return d.CC, true
	case PathPrinter:
		return d.Printer, true
	case PathPrintDate:
		return d.PrintDate, true
	case PathVersion:
		return strconv.Itoa(DraftVersion), true
	}
	parts := strings.Split(path, ".")
	idx := func(k int, n int) (int, bool) {
		if k >= len(parts) {
			return 0, false
		}
		i, err := strconv.Atoi(parts[k])
		return i, err == nil && i >= 0 && i < n
	}
	field := func(k int) string {
		if k < len(parts) && k == len(parts)-1 {
			return parts[k]
		}
		return "\x00"
	}
	switch parts[0] {
	case "body", "signers", "attachment_notes":
		list := map[string][]string{"body": d.Body, "signers": d.Signers, "attachment_notes": d.AttachmentNotes}[parts[0]]
		if i, ok := idx(1, len(list)); ok && len(parts) == 2 {
			return list[i], true
		}
	case "issuers":
		if i, ok := idx(1, len(d.Issuers)); ok {
			switch field(2) {
			case "name":
				return d.Issuers[i].Name, true
			case "mark":
				return d.Issuers[i].Mark, true
			case "seal":
				return d.Issuers[i].Seal, true
			}
		}
	case "attachments":
		if i, ok := idx(1, len(d.Attachments)); ok {
			a := d.Attachments[i]
			switch field(2) {
			case "label":
				return a.Label, true
			case "title":
				return a.Title, true
			}
			if len(parts) == 4 && parts[2] == "body" {
				if j, ok := idx(3, len(a.Body)); ok {
					return a.Body[j], true
				}
			}
			if a.Table != nil && len(parts) >= 5 && parts[2] == "table" {
				switch parts[3] {
				case "header":
					if j, ok := idx(4, len(a.Table.Header)); ok && len(parts) == 5 {
						return a.Table.Header[j], true
					}
				case "rows":
					if r, ok := idx(4, len(a.Table.Rows)); ok && len(parts) == 6 {
						if c, ok := idx(5, len(a.Table.Rows[r])); ok {
							return a.Table.Rows[r][c], true
						}
					}
				}
			}
		}
	case "rectification":
		if i, ok := idx(1, len(d.Rectification)); ok {
			r := d.Rectification[i]
			switch field(2) {
			case "problem":
				return r.Problem, true
			case "content":
				return r.Content, true
			case "goal":
				return r.Goal, true
			case "measures":
				return r.Measures, true
			case "deadline":
				return r.Deadline, true
			case "owner":
				return r.Owner, true
			}
		}
	}
	return "", false
}
