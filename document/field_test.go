package document

import "testing"

// TestField: every text element is reachable by its path, for reading (Text) and writing
// (Field); enums and absent elements are not.
func TestField(t *testing.T) {
	d := &Document{
		Body:          []string{"第一段", "第二段"},
		Issuers:       []Issuer{{Name: "甲"}},
		Attachments:   []Attachment{{Title: "附件", Body: []string{"段"}, Table: &Table{Header: []string{"序号"}, Rows: [][]string{{"1"}}}}},
		Rectification: []RectificationItem{{Goal: "目标"}},
	}
	tests := []struct {
		path string
		ok   bool
	}{
		{PathTitle, true}, {PathMarkSuffix, true}, {PathSignatureImage, true}, {PathAttachmentNotesLabel, true},
		{"body.1", true}, {"body.2", false}, {"body", false},
		{"issuers.0.seal", true}, {"issuers.0", false}, {"issuers.1.name", false},
		{"attachments.0.body.0", true}, {"attachments.0.table.header.0", true}, {"attachments.0.table.rows.0.0", true},
		{"attachments.0.table.rows.1.0", false}, {"rectification.0.goal", true}, {"rectification.0.x", false},
		{PathFormat, false}, {PathSignOff, false}, {"nonsense", false},
	}
	for _, tt := range tests {
		p := d.Field(tt.path)
		if (p != nil) != tt.ok {
			t.Errorf("Field(%q) = %v, want found %v", tt.path, p, tt.ok)
			continue
		}
		if p == nil {
			continue
		}
		*p = "改" + tt.path
		if got, ok := d.Text(tt.path); !ok || got != "改"+tt.path {
			t.Errorf("Text(%q) = %q, %v after setting through Field", tt.path, got, ok)
		}
	}
	if got, ok := d.Text(PathFormat); !ok || got != "" {
		t.Errorf("Text(format) = %q, %v", got, ok)
	}
	var nilDoc *Document
	if nilDoc.Field(PathTitle) != nil {
		t.Error("Field on a nil document")
	}
}
