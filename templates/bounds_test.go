package templates

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// within fails the test when f has not returned after 10 s.
func within(t *testing.T, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); f() }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("still running after 10 s")
	}
}

// TestUserFolderBounds: a template or profile folder holding a FIFO, a link to /dev/zero, a
// 300 MB file or a nesting bomb is read at once and bounded: the bad file is reported, the
// others load (issue 12; at d3b518c the FIFO and /dev/zero hung, the 300 MB file was read
// whole, the bomb took seconds and hundreds of MB).
func TestUserFolderBounds(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("FIFOs and /dev/zero")
	}
	n := 20000
	cases := []struct {
		name string
		make func(t *testing.T, p string)
		want string // in the error about the file
	}{
		{"FIFO", func(t *testing.T, p string) {
			if err := syscall.Mkfifo(p, 0o644); err != nil {
				t.Skip(err)
			}
		}, "FIFO"},
		{"link to /dev/zero", func(t *testing.T, p string) { os.Symlink("/dev/zero", p) }, "设备"},
		{"300 MB", func(t *testing.T, p string) {
			f, _ := os.Create(p)
			f.Truncate(300 << 20)
			f.Close()
		}, "过大"},
		{"brackets after a quote", func(t *testing.T, p string) {
			os.WriteFile(p, []byte("schema_version: 1\nid: [x'y, "+strings.Repeat("[", n)+strings.Repeat("]", n)+"]\n"), 0o644)
		}, "嵌套层次过深"},
		{"a bracket a line at column 1", func(t *testing.T, p string) {
			os.WriteFile(p, []byte("schema_version: 1\nid:\n"+strings.Repeat("[\n", n)+strings.Repeat("]\n", n)), 0o644)
		}, "嵌套层次过深"},
		{"many documents", func(t *testing.T, p string) {
			os.WriteFile(p, []byte(strings.Repeat("---\nid: x\n", n)), 0o644)
		}, "文档过多"},
		{"aliases", func(t *testing.T, p string) {
			var b strings.Builder
			b.WriteString("schema_version: 1\na0: &a0 [x, x]\n")
			for i := 1; i < 30; i++ {
				b.WriteString("a" + itoa(i) + ": &a" + itoa(i) + " [*a" + itoa(i-1) + ", *a" + itoa(i-1) + "]\n")
			}
			os.WriteFile(p, []byte(b.String()), 0o644)
		}, "别名"},
	}
	for _, c := range cases {
		for _, kind := range []string{"template", "profile"} {
			t.Run(c.name+" as a "+kind, func(t *testing.T) {
				dir := t.TempDir()
				c.make(t, filepath.Join(dir, "bad.yaml"))
				within(t, func() {
					var ms0, ms1 runtime.MemStats
					runtime.ReadMemStats(&ms0)
					var errs []error
					if kind == "template" {
						_, errs = Load(LoadOptions{UserDir: dir, NoBuiltins: true})
					} else {
						_, errs = LoadProfiles(dir)
					}
					runtime.ReadMemStats(&ms1)
					if a := ms1.TotalAlloc - ms0.TotalAlloc; a > 100<<20 {
						t.Errorf("allocated %d MB", a>>20)
					}
					all := ""
					for _, e := range errs {
						all += e.Error() + "\n"
					}
					if kind == "template" && !strings.Contains(all, c.want) || len(errs) == 0 {
						t.Errorf("errors %q, want one about %q", all, c.want)
					}
				})
			})
		}
	}
}

func itoa(i int) string {
	const d = "0123456789"
	if i < 10 {
		return d[i : i+1]
	}
	return itoa(i/10) + d[i%10:i%10+1]
}
