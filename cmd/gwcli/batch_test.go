package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBatch: export and check take files and folders; -d OUTDIR keeps the names; a progress
// line a file and a summary table; the worst status wins (issue 11, item 7).
func TestBatch(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "来文")
	os.Mkdir(in, 0o755)
	os.WriteFile(filepath.Join(in, "甲.yaml"), []byte(expOKDraft), 0o644)
	os.WriteFile(filepath.Join(in, "乙.txt"), []byte(expText), 0o644)
	os.WriteFile(filepath.Join(in, "说明.md"), []byte("不是公文"), 0o644)
	os.WriteFile(filepath.Join(in, ".隐藏.yaml"), []byte(expOKDraft), 0o644)
	bad := filepath.Join(dir, "坏.yaml")
	os.WriteFile(bad, []byte(expBadDraft), 0o644)
	fifo := filepath.Join(in, "管道.txt")
	mkfifo(t, fifo)
	out := filepath.Join(dir, "导出")
	os.Mkdir(out, 0o755)

	tests := []struct {
		name     string
		args     []string
		code     int
		progress int      // progress lines on stderr
		table    []string // in the summary on stdout
		files    []string // in OUTDIR afterwards
	}{
		{"export a folder to OUTDIR", []string{"export", "-d", out, in}, 0, 2,
			[]string{"甲.yaml", "乙.txt", "共 2 个文件，成功 2 个"}, []string{"乙.pdf", "甲.pdf"}},
		{"export a folder and a bad file", []string{"export", "--format", "docx", "-d", out, in, bad}, 2, 3,
			[]string{"坏.yaml", "失败", "共 3 个文件，成功 2 个，未成功 1 个"}, []string{"乙.docx", "乙.pdf", "甲.docx", "甲.pdf"}},
		{"check a folder", []string{"check", in}, 0, 2, []string{"甲.yaml", "乙.txt"}, nil},
		{"check a folder and a bad file", []string{"check", in, bad}, 2, 3, []string{"无法读取"}, nil},
		{"-o with several inputs is a usage error", []string{"export", "-o", filepath.Join(out, "x.pdf"), in, bad}, 2, 0, nil, nil},
		{"-o with a folder of several is a usage error", []string{"export", "-o", filepath.Join(out, "x.pdf"), in}, 2, 0, nil, nil},
		{"an empty folder", []string{"export", "-d", out, t.TempDir()}, 2, 0, []string{"共 1 个文件"}, nil},
		{"a FIFO as INPUT is refused at once", []string{"check", fifo}, 2, 0, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			within(t, func() {
				stdout, stderr, code := runCLI(tt.args...)
				if code != tt.code {
					t.Errorf("exit %d, want %d\n%s%s", code, tt.code, stdout, stderr)
				}
				if n := strings.Count(stderr, "\n["); n+boolInt(strings.HasPrefix(stderr, "[")) != tt.progress {
					t.Errorf("%d progress lines, want %d:\n%s", n, tt.progress, stderr)
				}
				for _, w := range tt.table {
					if !strings.Contains(stdout, w) {
						t.Errorf("summary lacks %q:\n%s", w, stdout)
					}
				}
				if tt.files != nil {
					if got := strings.Join(expListDir(t, out), " "); got != strings.Join(tt.files, " ") {
						t.Errorf("OUTDIR holds %s, want %s", got, strings.Join(tt.files, " "))
					}
				}
			})
		})
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestExportSaysWhatIsWritten: export names error findings and unfilled prompts in one line
// and writes; --strict refuses with exit 1 and writes nothing (issue 11, item 6).
func TestExportSaysWhatIsWritten(t *testing.T) {
	dir := t.TempDir()
	prompt := strings.Replace(expOKDraft, "经研究，决定任命镕堃同志为某某职务。", "【请填写发文的缘由和依据】", 1)
	tests := []struct {
		name, draft string
		strict      bool
		code        int
		note        string // in stderr; "" for none
		written     bool
	}{
		{"clean", expOKDraft, false, 0, "", true},
		{"clean, strict", expOKDraft, true, 0, "", true},
		{"a prompt", prompt, false, 0, "1 处未填写的提示文字", true},
		{"a prompt, strict", prompt, true, 1, "--strict", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := filepath.Join(dir, "in.yaml")
			out := filepath.Join(dir, "out.pdf")
			os.Remove(out)
			os.WriteFile(in, []byte(tt.draft), 0o644)
			args := []string{"export", "-o", out, in}
			if tt.strict {
				args = append(args, "--strict")
			}
			_, stderr, code := runCLI(args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d: %s", code, tt.code, stderr)
			}
			if tt.note == "" && strings.Contains(stderr, "注意") || tt.note != "" && !strings.Contains(stderr, tt.note) {
				t.Errorf("stderr %q, want %q", stderr, tt.note)
			}
			if _, err := os.Stat(out); (err == nil) != tt.written {
				t.Errorf("written: %v, want %v", err == nil, tt.written)
			}
		})
	}
}
