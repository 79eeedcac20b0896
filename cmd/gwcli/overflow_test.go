package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestCheckReportsOverflow: an element that cannot be laid out (issue 12: nothing cut
// silently) is a layout-fails finding of gwcli check naming it, and export refuses it.
func TestCheckReportsOverflow(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "examples", "changqi.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	title := regexp.MustCompile(`(?m)^title: .*$`)
	cases := []struct {
		name, edit, want string
	}{
		{"300-character title", "title: 某某市人民政府关于" + strings.Repeat("进一步加强和改进", 36) + "的意见", "标题"},
		{"300 抄送 organs", "cc: " + strings.Repeat("某某市某某局，", 300), "抄送机关"},
	}
	dir := t.TempDir()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := string(src)
			if strings.HasPrefix(c.edit, "title:") {
				doc = title.ReplaceAllString(doc, c.edit)
			} else {
				doc = regexp.MustCompile(`(?m)^cc: .*$`).ReplaceAllString(doc, c.edit)
			}
			in := filepath.Join(dir, "d.yaml")
			if err := os.WriteFile(in, []byte(doc), 0o644); err != nil {
				t.Fatal(err)
			}
			var out, errb bytes.Buffer
			code := run([]string{"check", "--layout", in}, &out, &errb)
			if code != exitFindings || !strings.Contains(out.String(), "layout-fails") || !strings.Contains(out.String(), c.want) {
				t.Errorf("check: exit %d, want %d and a layout-fails finding naming %s:\n%s%s", code, exitFindings, c.want, out.String(), errb.String())
			}
			// every writer follows the layout as it hands the pages over: the refusal (of the
			// 版头 before page 1 is handed over, of the 版记 at the end) leaves no file
			for _, format := range []string{"pdf", "docx", "ofd"} {
				out.Reset()
				errb.Reset()
				file := filepath.Join(dir, "d."+format)
				code = run([]string{"export", "-o", file, in}, &out, &errb)
				if code != exitFailure || !strings.Contains(errb.String(), c.want) {
					t.Errorf("export %s: exit %d, want %d and a message naming %s:\n%s", format, code, exitFailure, c.want, errb.String())
				}
				if _, err := os.Stat(file); err == nil {
					t.Errorf("export wrote %s", file)
				}
			}
		})
	}
}
