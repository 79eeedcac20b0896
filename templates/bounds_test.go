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

// FuzzYAMLBounds generates templates and profiles that nest, repeat documents and chain
// aliases to fuzzed extents in the shapes that slipped past the old byte pre-check (a quote
// before the brackets, one bracket a line at column 1, block indentation), so that every
// input exercises the bounds: each is parsed or refused within a bounded allocation.
func FuzzYAMLBounds(f *testing.F) {
	f.Add(uint16(50), uint8(0), uint8(0), uint8(0), "id: x")
	f.Add(uint16(300), uint8(1), uint8(0), uint8(1), "'")
	f.Add(uint16(2000), uint8(2), uint8(3), uint8(2), "\"")
	f.Add(uint16(120), uint8(9), uint8(20), uint8(3), "- ")
	f.Fuzz(func(t *testing.T, depth uint16, style, docs, aliases uint8, tail string) {
		if len(tail) > 256 {
			return
		}
		d := int(depth % 1024)
		var b strings.Builder
		for i := 0; i < int(docs%12); i++ {
			b.WriteString("---\nid: x" + itoa(i) + "\n")
		}
		b.WriteString("schema_version: 1\nid: x\nname: 通知\nuse: " + tail + "\n")
		switch style % 4 {
		case 0:
			b.WriteString("fields: [x'y, " + strings.Repeat("[", d) + strings.Repeat("]", d) + "]\n")
		case 1:
			b.WriteString("fields:\n" + strings.Repeat("[\n", d) + strings.Repeat("]\n", d))
		case 2:
			b.WriteString("fields:\n")
			for i := 0; i < d%300; i++ { // quadratic in bytes: 300 levels is 45 KB
				b.WriteString(strings.Repeat(" ", i+1) + "-\n")
			}
		case 3:
			b.WriteString("fields:\n  " + strings.Repeat("- ", d) + "x\n")
		}
		b.WriteString("a0: &a0 [x, x]\n")
		for i := 1; i <= int(aliases%40); i++ {
			b.WriteString("a" + itoa(i) + ": &a" + itoa(i) + " [*a" + itoa(i-1) + ", *a" + itoa(i-1) + "]\n")
		}
		var ms0, ms1 runtime.MemStats
		runtime.ReadMemStats(&ms0)
		g, errs := ParseGenre("f.yaml", []byte(b.String()), LoadOptions{})
		if (g == nil) == (len(errs) == 0) {
			t.Fatalf("genre %v with errors %v", g, errs)
		}
		ParseProfile("p.yaml", []byte(b.String()))
		runtime.ReadMemStats(&ms1)
		if a := ms1.TotalAlloc - ms0.TotalAlloc; a > 256<<20 {
			t.Fatalf("allocated %d MB for %d bytes", a>>20, b.Len())
		}
	})
}
