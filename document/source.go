package document

import "sort"

// Element paths name the places of a document's text, for Source and for findings.
// Indexed elements use a dot and a 0-based index: "body.3", "attachments.1.title",
// "attachments.1.body.0", "attachment_notes.2", "issuers.0.name", "signers.1".
const (
	PathCopyNumber         = "copy_number"
	PathClassification     = "classification"
	PathClassificationTerm = "classification_term"
	PathUrgency            = "urgency"
	PathMarkSuffix         = "mark_suffix"
	PathMeetingName        = "meeting_name"
	PathNumber             = "number"
	PathOrderNumber        = "order_number"
	PathTitle              = "title"
	PathTitleNote          = "title_note"
	PathRecipients         = "recipients"
	PathDate               = "date"
	PathSignerTitle        = "signer_title"
	PathSignerName         = "signer_name"
	PathNote               = "note"
	PathPresent            = "present"
	PathAbsent             = "absent"
	PathAttending          = "attending"
	PathCC                 = "cc"
	PathPrinter            = "printer"
	PathPrintDate          = "print_date"
	// PathAttachmentNotesLabel is the 附件说明's label as typed (imports); the label of
	// attachment i is "attachments.i.label".
	PathAttachmentNotesLabel = "attachment_notes_label"
)

// Pos is a place in an input file: 1-based line and column, the column counted in characters.
type Pos struct {
	Line, Col int
}

// Seg says that the characters of a value from Off (in runes) on start at Pos in the input,
// and continue on that line until the next Seg.
type Seg struct {
	Off int
	Pos Pos
}

// Source maps element paths to places in the input a document was read from.
type Source struct {
	File  string
	spans map[string][]Seg
}

// NewSource returns an empty Source for the named file.
func NewSource(file string) *Source {
	return &Source{File: file, spans: map[string][]Seg{}}
}

// Set records the segments of the value at path; segs must be sorted by Off.
func (s *Source) Set(path string, segs ...Seg) {
	if s == nil {
		return
	}
	s.spans[path] = segs
}

// Paths lists the recorded paths, sorted.
func (s *Source) Paths() []string {
	if s == nil {
		return nil
	}
	out := make([]string, 0, len(s.spans))
	for p := range s.spans {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// Locate returns the input position of the character at rune offset off of the value at path.
// ok is false when the path was not recorded.
func (s *Source) Locate(path string, off int) (pos Pos, ok bool) {
	if s == nil {
		return Pos{}, false
	}
	segs := s.spans[path]
	if len(segs) == 0 {
		return Pos{}, false
	}
	i := sort.Search(len(segs), func(i int) bool { return segs[i].Off > off }) - 1
	if i < 0 {
		i = 0
	}
	g := segs[i]
	d := off - g.Off
	if d < 0 {
		d = 0
	}
	return Pos{Line: g.Pos.Line, Col: g.Pos.Col + d}, true
}
