package app

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
)

// deadPID is the id of a process that has ended.
func deadPID(t *testing.T) int {
	t.Helper()
	c := exec.Command(os.Args[0], "-test.run=^$")
	if err := c.Run(); err != nil {
		t.Fatal(err)
	}
	return c.Process.Pid
}

// crash makes m's session look like one whose process was killed: its lock names a process
// that no longer runs, as after kill -9.
func crash(t *testing.T, m *Model) {
	t.Helper()
	if m.autosave.id == "" {
		t.Fatal("no session to crash")
	}
	lock := m.sessionFiles(m.autosave.id)[2]
	if err := os.WriteFile(lock, []byte(strconv.Itoa(deadPID(t))+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestAutosavePerWindow: two windows over one recovery folder keep one autosave each; a
// window never offers another's live autosave, and declining one that is offered deletes
// nothing of a running window (issue 12: at d3b518c the second window offered the first
// one's autosave as 上次退出时有未保存的公文, and 放弃 deleted it).
func TestAutosavePerWindow(t *testing.T) {
	dir := t.TempDir()
	set := testSet(t)
	edit := func(m *Model, title string) {
		t.Helper()
		if m.Doc == nil {
			m.New("qingshi")
		}
		m.Set("title", title)
		if err := m.Autosave(); err != nil {
			t.Fatal(err)
		}
	}
	steps := []struct {
		name string
		run  func(t *testing.T, w1, w2 *Model)
	}{
		{"a running window's autosave is not offered", func(t *testing.T, w1, w2 *Model) {
			edit(w1, "窗口一的请示")
			if r, err := w2.PendingRecovery(); r != nil || err != nil {
				t.Fatalf("window 2 was offered %v, %v", r, err)
			}
		}},
		{"each window autosaves to its own files", func(t *testing.T, w1, w2 *Model) {
			edit(w1, "窗口一的请示")
			edit(w2, "窗口二的请示")
			m, _ := filepath.Glob(filepath.Join(dir, "autosave-*.yaml"))
			if len(m) != 2 {
				t.Fatalf("%d autosaves, want 2: %v", len(m), m)
			}
		}},
		{"declining in window 2 after window 1's owner died deletes only that one", func(t *testing.T, w1, w2 *Model) {
			edit(w1, "窗口一的请示")
			edit(w2, "窗口二的请示")
			crash(t, w1)
			w3 := NewModel(set, nil, dir)
			r, err := w3.PendingRecovery()
			if err != nil || r == nil || r.Doc.Title != "窗口一的请示" {
				t.Fatalf("offered %+v, %v; want window 1's", r, err)
			}
			w3.DropRecovery(r)
			if r, _ := w3.PendingRecovery(); r != nil {
				t.Fatalf("still offered %q", r.Doc.Title)
			}
			if w2.NeedsAutosave() || w2.autosave.id == "" {
				t.Fatal("window 2's session touched")
			}
			if _, err := os.Stat(w2.sessionFiles(w2.autosave.id)[0]); err != nil {
				t.Fatalf("window 2's autosave deleted: %v", err)
			}
		}},
		{"a restored autosave stays until the new window has autosaved", func(t *testing.T, w1, w2 *Model) {
			edit(w1, "窗口一的请示")
			crash(t, w1)
			r, _ := w2.PendingRecovery()
			if r == nil {
				t.Fatal("nothing offered")
			}
			w2.Restore(r)
			if _, err := os.Stat(r.files[0]); err != nil {
				t.Fatal("the recovered files went before window 2 autosaved")
			}
			edit(w2, "窗口一的请示（续）")
			if _, err := os.Stat(r.files[0]); err == nil {
				t.Fatal("the recovered files stay after window 2 autosaved")
			}
			crash(t, w2)
			w3 := NewModel(set, nil, dir)
			if r, _ := w3.PendingRecovery(); r == nil || r.Doc.Title != "窗口一的请示（续）" {
				t.Fatalf("after window 2 died: %+v", r)
			}
		}},
		{"a legacy recovery file is offered", func(t *testing.T, w1, w2 *Model) {
			edit(w1, "旧版本的请示")
			f := w1.sessionFiles(w1.autosave.id)
			legacy := w1.sessionFiles("")
			os.Rename(f[0], legacy[0])
			os.Rename(f[1], legacy[1])
			os.Remove(f[2])
			if r, _ := w2.PendingRecovery(); r == nil || r.Doc.Title != "旧版本的请示" {
				t.Fatalf("legacy: %+v", r)
			}
		}},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			ents, _ := os.ReadDir(dir)
			for _, e := range ents {
				os.RemoveAll(filepath.Join(dir, e.Name()))
			}
			s.run(t, NewModel(set, nil, dir), NewModel(set, nil, dir))
		})
	}
}
