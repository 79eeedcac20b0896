package layout

import (
	"strings"
	"testing"
	"unicode"

	"gongwen/document"
)

func TestInvisibleCharactersDropped(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"zero-width space", "各地区\u200b要高度重视。", "各地区要高度重视。"},
		{"byte order mark", "\ufeff各地区要高度重视。", "各地区要高度重视。"},
		{"soft hyphen and word joiner", "各地\u00ad区\u2060要高度重视。", "各地区要高度重视。"},
		{"direction override", "各地区\u202e要高度重视。", "各地区要高度重视。"},
		{"control character", "各地区\x07要高度重视。", "各地区要高度重视。"},
		{"nothing to drop", "各地区要高度重视。", "各地区要高度重视。"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var warns []string
			d := &document.Document{Format: document.FormatFile, Title: "关于\u200b做好工作的通知", Body: []string{tt.in}}
			pages, err := Typeset(d, Options{Warn: func(m string) { warns = append(warns, m) }})
			if err != nil {
				t.Fatal(err)
			}
			var body, title strings.Builder
			for _, tx := range pages[0].Texts {
				switch tx.Element {
				case ElemBody:
					body.WriteString(tx.S)
				case ElemTitle:
					title.WriteString(tx.S)
				}
			}
			if got := strings.TrimSpace(body.String()); got != tt.want {
				t.Errorf("body printed %q, want %q", got, tt.want)
			}
			if strings.Contains(title.String(), "〓") || strings.Contains(body.String(), "〓") {
				t.Errorf("an invisible character was printed as 〓")
			}
			if len(warns) > 0 {
				t.Errorf("warnings %q, want none", warns)
			}
			if d.Body[0] != tt.in {
				t.Errorf("the document was changed: %q", d.Body[0])
			}
		})
	}
}

// TestInvisibleFastPath: Invisible's fast path for ASCII and the CJK blocks answers as the
// Unicode tables do for every code point.
func TestInvisibleFastPath(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		want := r != '\t' && r != '\n' && r != '\r' && (unicode.Is(unicode.Cf, r) || unicode.IsControl(r))
		if got := Invisible(r); got != want {
			t.Errorf("Invisible(%U) = %v, want %v", r, got, want)
		}
	}
}
