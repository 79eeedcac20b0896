package safeio

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// mkfifo makes a FIFO in dir, or skips where there are none.
func mkfifo(t *testing.T, dir string) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("no FIFOs on Windows")
	}
	p := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	return p
}

// within fails the test when f does not return within 5 s (a read that blocks on a FIFO).
func within(t *testing.T, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { f(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("blocked for 5 s")
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	reg := filepath.Join(dir, "a.txt")
	os.WriteFile(reg, []byte("正文"), 0o644)
	link := filepath.Join(dir, "link.txt")
	os.Symlink(reg, link)
	big := filepath.Join(dir, "big.txt")
	f, _ := os.Create(big)
	f.Truncate(300 << 20) // sparse: reading it whole would take 300 MB
	f.Close()
	fifo := mkfifo(t, dir)
	zero := filepath.Join(dir, "zero.yaml")
	os.Symlink("/dev/zero", zero)
	cases := []struct {
		name, path string
		want       error // nil: reads "正文"
	}{
		{"regular", reg, nil},
		{"symlink to a regular file", link, nil},
		{"folder", dir, ErrIsDir},
		{"FIFO", fifo, ErrNotRegular},
		{"device", "/dev/zero", ErrNotRegular},
		{"symlink to a device", zero, ErrNotRegular},
		{"too large, refused before reading", big, ErrTooLarge},
		{"missing", filepath.Join(dir, "none"), os.ErrNotExist},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			within(t, func() {
				var ms runtime.MemStats
				runtime.ReadMemStats(&ms)
				before := ms.TotalAlloc
				b, err := ReadFile(c.path, 1<<20)
				runtime.ReadMemStats(&ms)
				if c.want == nil {
					if err != nil || string(b) != "正文" {
						t.Errorf("ReadFile = %q, %v", b, err)
					}
					return
				}
				if !errors.Is(err, c.want) {
					t.Errorf("err = %v, want %v", err, c.want)
				}
				var se *Error
				if !errors.As(err, &se) || se.Msg == "" {
					t.Errorf("err %v has no Chinese message", err)
				}
				if ms.TotalAlloc-before > 1<<20 {
					t.Errorf("allocated %d bytes before refusing", ms.TotalAlloc-before)
				}
			})
		})
	}
}

// TestReadGrown: a file that grows past the limit after it was opened is cut at the limit.
func TestReadGrown(t *testing.T) {
	p := filepath.Join(t.TempDir(), "g.txt")
	os.WriteFile(p, []byte("12345"), 0o644)
	f, err := Open(p, 8)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	os.WriteFile(p, []byte("1234567890"), 0o644)
	buf := make([]byte, 64)
	var n int
	for err == nil {
		var k int
		k, err = f.Read(buf[n:])
		n += k
	}
	if !errors.Is(err, ErrTooLarge) || n > 9 {
		t.Errorf("read %d bytes, err %v; want ErrTooLarge within 9 bytes", n, err)
	}
}

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target.pdf")
	os.WriteFile(target, []byte("old"), 0o600)
	link := filepath.Join(dir, "link.pdf")
	os.Symlink("target.pdf", link)
	dangling := filepath.Join(dir, "dangling.pdf")
	os.Symlink("new.pdf", dangling)
	fifo := mkfifo(t, dir)
	devlink := filepath.Join(dir, "null.pdf")
	os.Symlink("/dev/null", devlink)
	sub := filepath.Join(dir, "sub")
	os.Mkdir(sub, 0o755)

	cases := []struct {
		name, path string
		want       error
		// readBack is the file that must hold the new content, and must stay what it is.
		readBack string
		mode     os.FileMode
	}{
		{"new file", filepath.Join(dir, "a.pdf"), nil, filepath.Join(dir, "a.pdf"), 0o644},
		{"symlink written through", link, nil, target, 0o600},
		{"dangling symlink creates its target", dangling, nil, filepath.Join(dir, "new.pdf"), 0o644},
		{"FIFO refused", fifo, ErrNotRegular, "", 0},
		{"symlink to a device refused", devlink, ErrNotRegular, "", 0},
		{"folder refused", sub, ErrIsDir, "", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			within(t, func() {
				err := WriteFile(c.path, []byte("new"))
				if c.want != nil {
					if !errors.Is(err, c.want) {
						t.Errorf("err = %v, want %v", err, c.want)
					}
					st, _ := os.Lstat(c.path)
					if st != nil && st.Mode().IsRegular() {
						t.Errorf("%s became a regular file", c.path)
					}
					return
				}
				if err != nil {
					t.Fatal(err)
				}
				b, _ := os.ReadFile(c.readBack)
				if string(b) != "new" {
					t.Errorf("%s holds %q", c.readBack, b)
				}
				if st, _ := os.Lstat(c.path); c.path != c.readBack && st.Mode()&os.ModeSymlink == 0 {
					t.Errorf("the link %s was replaced", c.path)
				}
				if st, _ := os.Stat(c.readBack); st.Mode().Perm() != c.mode {
					t.Errorf("mode %v, want %v", st.Mode().Perm(), c.mode)
				}
			})
		})
	}
	if err := CheckOutput("/dev/null"); !errors.Is(err, ErrNotRegular) {
		t.Errorf("CheckOutput(/dev/null) = %v", err)
	}
	left, _ := filepath.Glob(filepath.Join(dir, ".*.tmp"))
	if len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// TestAbort: an output abandoned midway leaves the previous file and no temporary file.
func TestAbort(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.png")
	os.WriteFile(p, []byte("old"), 0o644)
	o, err := Create(p)
	if err != nil {
		t.Fatal(err)
	}
	o.Write([]byte("half"))
	o.Abort()
	b, _ := os.ReadFile(p)
	ents, _ := os.ReadDir(dir)
	if string(b) != "old" || len(ents) != 1 {
		t.Errorf("after Abort: %q, %d entries", b, len(ents))
	}
}

// TestFinishThenCommit: finished outputs hold no file open and are renamed by Commit.
func TestFinishThenCommit(t *testing.T) {
	dir := t.TempDir()
	var outs []*Output
	for i := 0; i < 3; i++ {
		o, err := Create(filepath.Join(dir, "p-"+string(rune('1'+i))+".png"))
		if err != nil {
			t.Fatal(err)
		}
		o.Write([]byte{byte(i)})
		if err := o.Finish(); err != nil {
			t.Fatal(err)
		}
		outs = append(outs, o)
	}
	if m, _ := filepath.Glob(filepath.Join(dir, "p-*.png")); len(m) != 0 {
		t.Errorf("renamed before Commit: %v", m)
	}
	outs[2].Abort()
	for _, o := range outs[:2] {
		if err := o.Commit(); err != nil {
			t.Fatal(err)
		}
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 2 {
		t.Errorf("%d entries, want the 2 committed", len(ents))
	}
}

// TestWriteMessage: each cause of a failed write gets its own sentence, naming the folder.
func TestWriteMessage(t *testing.T) {
	wrap := func(err error) error { return &os.PathError{Op: "write", Path: "/x/.a.pdf.tmp", Err: err} }
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"permission", wrap(syscall.EACCES), "没有写入权限，无法在文件夹“/x”中保存"},
		{"read-only", wrap(syscall.EROFS), "文件夹“/x”在只读的磁盘上"},
		{"missing", wrap(syscall.ENOENT), "输出文件夹“/x”不存在"},
		{"disk full", wrap(syscall.ENOSPC), "文件夹“/x”所在的磁盘已满"},
		{"other", wrap(syscall.EIO), "写入失败："},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := WriteMessage("/x", tt.err); !strings.HasPrefix(got, tt.want) {
				t.Errorf("got %q, want %q…", got, tt.want)
			}
		})
	}
}
