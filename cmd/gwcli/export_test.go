package main

import (
	"bytes"
	"errors"
	"image/png"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"syscall"
	"testing"
)

// expOKDraft is a small valid draft: one page.
const expOKDraft = `version: 1
issuers:
  - name: 某某市人民政府
title: 关于镕堃同志任职的通知
recipients: 各区人民政府：
body:
  - 经研究，决定任命镕堃同志为某某职务。
sign_off: noseal
date: 2024年1月5日
`

// expLongDraft runs to several pages.
var expLongDraft = strings.Replace(expOKDraft, "sign_off:", "  - "+strings.Repeat("为进一步做好有关工作，现就有关事项通知如下，请认真贯彻执行。", 40)+"\nsign_off:", 1)

// expText is a 公文 as people paste it.
const expText = `某某市人民政府文件
某政〔2024〕5号
关于做好安全生产工作的通知
各区人民政府，市政府各部门：
为进一步做好安全生产工作，现就有关事项通知如下。
某某市人民政府
2024年5月20日
`

const expBadDraft = `version: 1
title: 关于测试的通知
bogus: 1
body:
  - 测试。
`

// expListDir lists the names in dir, sorted.
func expListDir(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	sort.Strings(out)
	return out
}

// expUnwritableDir returns a folder the test cannot write to, or skips.
func expUnwritableDir(t *testing.T) string {
	t.Helper()
	if os.Geteuid() != 0 {
		d := filepath.Join(t.TempDir(), "ro")
		if err := os.Mkdir(d, 0o555); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(d, 0o755) })
		return d
	}
	// root writes anywhere a permission bit forbids; sysfs still refuses new files.
	f, err := os.CreateTemp("/sys", "gwcli-test")
	if err == nil {
		f.Close()
		os.Remove(f.Name())
		t.Skip("no unwritable folder for root on this machine")
	}
	if !errors.Is(err, fs.ErrPermission) && !errors.Is(err, syscall.EROFS) {
		t.Skipf("no unwritable folder for root on this machine: %v", err)
	}
	return "/sys"
}

func TestExport(t *testing.T) {
	tests := []struct {
		name  string
		draft string // written to dir/in.yaml ("" = no input file)
		args  func(dir string) []string
		code  int
		// files expected in dir afterwards (besides in.yaml), with their magic
		files map[string]string
		// the single stderr line must match
		stderr string
		// more files allowed in dir, by pattern (the page count is the layout's business)
		more string
	}{
		{
			name: "pdf next to the input", draft: expOKDraft,
			args:  func(d string) []string { return []string{filepath.Join(d, "in.yaml")} },
			files: map[string]string{"in.pdf": "%PDF-"},
		},
		{
			name: "flags after the input, OUT picks png", draft: expOKDraft,
			args: func(d string) []string {
				return []string{filepath.Join(d, "in.yaml"), "-o", filepath.Join(d, "out.png"), "--dpi", "40"}
			},
			files: map[string]string{"out.png": "\x89PNG"},
		},
		{
			name: "multi-page png writes OUT-N.png", draft: expLongDraft,
			args: func(d string) []string {
				return []string{"--format", "png", "--dpi", "30", "-o", filepath.Join(d, "p.png"), filepath.Join(d, "in.yaml")}
			},
			files: map[string]string{"p-1.png": "\x89PNG", "p-2.png": "\x89PNG"},
			more:  `^p-[3-9]\.png$`,
		},
		{
			name: "format flag wins over nothing: docx", draft: expOKDraft,
			args:  func(d string) []string { return []string{"--format", "docx", filepath.Join(d, "in.yaml")} },
			files: map[string]string{"in.docx": "PK\x03\x04"},
		},
		{
			name: "explicit OUT with another name", draft: expOKDraft,
			args: func(d string) []string {
				return []string{"-o", filepath.Join(d, "正式.pdf"), filepath.Join(d, "in.yaml")}
			},
			files: map[string]string{"正式.pdf": "%PDF-"},
		},
		{
			name: "plain-text 公文", draft: expOKDraft,
			args: func(d string) []string {
				os.WriteFile(filepath.Join(d, "in.txt"), []byte(expText), 0o644)
				return []string{filepath.Join(d, "in.txt"), "-o", filepath.Join(d, "t.pdf")}
			},
			files: map[string]string{"in.txt": "某某", "t.pdf": "%PDF-"},
		},
		{
			name: "bad yaml: one line with the place, nothing written", draft: expBadDraft,
			args:   func(d string) []string { return []string{filepath.Join(d, "in.yaml")} },
			code:   2,
			stderr: `^gwcli: .*in\.yaml:3:1: .*bogus.*$`,
		},
		{
			name: "missing input file",
			args: func(d string) []string { return []string{filepath.Join(d, "nosuch.yaml")} },
			code: 2, stderr: `^gwcli: .*nosuch\.yaml: 文件不存在$`,
		},
		{
			name: "missing output folder", draft: expOKDraft,
			args: func(d string) []string {
				return []string{"-o", filepath.Join(d, "no", "x.pdf"), filepath.Join(d, "in.yaml")}
			},
			code: 2, stderr: `^gwcli: .*x\.pdf: 输出文件夹“.*”不存在`,
		},
		{
			name: "unknown format", draft: expOKDraft,
			args: func(d string) []string { return []string{"--format", "tiff", filepath.Join(d, "in.yaml")} },
			code: 2, stderr: `^gwcli: export: 未知格式“tiff”`,
		},
		{
			name: "unknown OUT extension", draft: expOKDraft,
			args: func(d string) []string { return []string{"-o", filepath.Join(d, "x.doc"), filepath.Join(d, "in.yaml")} },
			code: 2, stderr: `^gwcli: export: 无法从输出文件名“.*x\.doc”判断格式`,
		},
		{
			name: "unsupported input type", draft: expOKDraft,
			args: func(d string) []string {
				os.WriteFile(filepath.Join(d, "in.odt"), []byte("x"), 0o644)
				return []string{filepath.Join(d, "in.odt")}
			},
			code: 2, stderr: `^gwcli: .*in\.odt: 不支持的文件类型`,
			files: map[string]string{"in.odt": "x"},
		},
		{
			name: "OUT is INPUT", draft: expOKDraft,
			args: func(d string) []string {
				return []string{"-o", filepath.Join(d, "in.yaml"), "--format", "pdf", filepath.Join(d, "in.yaml")}
			},
			code: 2, stderr: `输出文件不能与输入文件相同`,
		},
		{
			name: "no input",
			args: func(d string) []string { return nil },
			code: 2, stderr: `^gwcli: export: 缺少输入文件`,
		},
		{
			name: "bad dpi", draft: expOKDraft,
			args: func(d string) []string { return []string{"--dpi", "5", filepath.Join(d, "in.yaml")} },
			code: 2, stderr: `^gwcli: export: --dpi 5 超出范围`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if tt.draft != "" {
				if err := os.WriteFile(filepath.Join(dir, "in.yaml"), []byte(tt.draft), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			var stdout, stderr bytes.Buffer
			code := run(append([]string{"export"}, tt.args(dir)...), &stdout, &stderr)
			if code != tt.code {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, stdout.String(), stderr.String())
			}
			if tt.stderr != "" {
				first := strings.SplitN(stderr.String(), "\n", 2)[0]
				if !regexp.MustCompile(tt.stderr).MatchString(first) {
					t.Errorf("stderr %q does not match %q", first, tt.stderr)
				}
				if tt.code == 2 && !strings.HasPrefix(tt.stderr, "^gwcli: export:") && strings.Count(strings.TrimRight(stderr.String(), "\n"), "\n") != 0 {
					t.Errorf("bad input must give exactly one line, got:\n%s", stderr.String())
				}
			}
			want := []string{}
			if tt.draft != "" {
				want = append(want, "in.yaml")
			}
			for f := range tt.files {
				want = append(want, f)
			}
			sort.Strings(want)
			var got []string
			for _, f := range expListDir(t, dir) {
				if tt.more == "" || !regexp.MustCompile(tt.more).MatchString(f) {
					got = append(got, f)
				}
			}
			if strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("folder holds %v, want %v", got, want)
			}
			for f, magic := range tt.files {
				b, err := os.ReadFile(filepath.Join(dir, f))
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.HasPrefix(b, []byte(magic)) {
					t.Errorf("%s does not start with %q", f, magic)
				}
			}
		})
	}
}

func TestExportUnwritableFolder(t *testing.T) {
	ro := expUnwritableDir(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "in.yaml")
	if err := os.WriteFile(in, []byte(expOKDraft), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code := run([]string{"export", "-o", filepath.Join(ro, "gwcli-test.pdf"), in}, &stdout, &stderr)
	if code != 2 {
		t.Fatalf("exit %d, want 2; stderr %s", code, stderr.String())
	}
	msg := strings.TrimRight(stderr.String(), "\n")
	if strings.Contains(msg, "\n") || !(strings.Contains(msg, "没有写入权限") || strings.Contains(msg, "只读")) {
		t.Errorf("want one clear Chinese line about the folder, got %q", msg)
	}
	if _, err := os.Stat(filepath.Join(ro, "gwcli-test.pdf")); err == nil {
		t.Error("a file was written")
	}
}

// TestExportKeepsOldOutputOnFailure: a failed export leaves an existing OUT as it was.
func TestExportKeepsOldOutputOnFailure(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.yaml")
	out := filepath.Join(dir, "in.pdf")
	os.WriteFile(in, []byte(expBadDraft), 0o644)
	os.WriteFile(out, []byte("old"), 0o644)
	var stdout, stderr bytes.Buffer
	if code := run([]string{"export", in}, &stdout, &stderr); code != 2 {
		t.Fatalf("exit %d", code)
	}
	if b, _ := os.ReadFile(out); string(b) != "old" {
		t.Errorf("old output changed to %q", b)
	}
}

func TestExportPNGIsAPage(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.yaml")
	os.WriteFile(in, []byte(expOKDraft), 0o644)
	var stdout, stderr bytes.Buffer
	if code := run([]string{"export", "--format", "png", "--dpi", "72", "--boxes", in}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	f, err := os.Open(filepath.Join(dir, "in.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 595 || b.Dy() != 842 {
		t.Errorf("A4 at 72 dpi is %v", b)
	}
	if !strings.Contains(stdout.String(), "in.png") {
		t.Errorf("stdout does not name the file: %q", stdout.String())
	}
}

func TestExportHelp(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"export", "--help"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"OUT-1.png", "--system-fonts", "--format", "--dpi"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("help lacks %q", want)
		}
	}
}

func TestExportSystemFonts(t *testing.T) {
	// Whatever this machine has, --system-fonts must export (falling back to the bundled set).
	dir := t.TempDir()
	in := filepath.Join(dir, "in.yaml")
	os.WriteFile(in, []byte(expOKDraft), 0o644)
	var stdout, stderr bytes.Buffer
	if code := run([]string{"export", "--system-fonts", in}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "in.pdf")); err != nil {
		t.Error(err)
	}
}
