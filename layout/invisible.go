package layout

import (
	"strings"
	"unicode"

	"gongwen/document"
)

// Invisible reports whether r is a character that prints nothing and that text pasted from
// the web or from Word often carries: format characters (zero-width space and joiners, the
// byte order mark, soft hyphen, word joiner, direction marks and overrides) and control
// characters other than tab and line breaks. The layout drops them instead of printing 〓.
func Invisible(r rune) bool {
	switch r {
	case '\t', '\n', '\r':
		return false
	}
	return unicode.Is(unicode.Cf, r) || unicode.IsControl(r)
}

func hasInvisible(s string) bool {
	return strings.IndexFunc(s, Invisible) >= 0
}

func dropInvisible(s string) string {
	if !hasInvisible(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if Invisible(r) {
			return -1
		}
		return r
	}, s)
}

func dropInvisibleAll(ss []string) []string {
	for i, s := range ss {
		if hasInvisible(s) {
			out := make([]string, len(ss))
			copy(out, ss[:i])
			for j := i; j < len(ss); j++ {
				out[j] = dropInvisible(ss[j])
			}
			return out
		}
	}
	return ss
}

// visibleCopy returns the document with every invisible character removed from its text; it
// returns doc itself when there is none, and never changes doc.
func visibleCopy(doc *document.Document) *document.Document {
	d := *doc
	for _, p := range []*string{&d.CopyNumber, &d.Classification, &d.ClassificationTerm, &d.Urgency,
		&d.MarkSuffix, &d.MeetingName, &d.Number, &d.OrderNumber, &d.Title, &d.TitleNote, &d.Recipients,
		&d.Date, &d.SignerTitle, &d.SignerName, &d.Note, &d.Present, &d.Absent, &d.Attending, &d.CC,
		&d.Printer, &d.PrintDate} {
		*p = dropInvisible(*p)
	}
	d.Signers = dropInvisibleAll(d.Signers)
	d.Body = dropInvisibleAll(d.Body)
	d.AttachmentNotes = dropInvisibleAll(d.AttachmentNotes)
	if len(d.Issuers) > 0 {
		is := make([]document.Issuer, len(d.Issuers))
		for i, x := range d.Issuers {
			x.Name, x.Mark = dropInvisible(x.Name), dropInvisible(x.Mark)
			is[i] = x
		}
		d.Issuers = is
	}
	if len(d.Attachments) > 0 {
		as := make([]document.Attachment, len(d.Attachments))
		for i, a := range d.Attachments {
			a.Title = dropInvisible(a.Title)
			a.Body = dropInvisibleAll(a.Body)
			if a.Table != nil {
				t := *a.Table
				t.Header = dropInvisibleAll(t.Header)
				rows := make([][]string, len(t.Rows))
				for j, r := range t.Rows {
					rows[j] = dropInvisibleAll(r)
				}
				t.Rows = rows
				a.Table = &t
			}
			as[i] = a
		}
		d.Attachments = as
	}
	return &d
}
