package ofd

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"gongwen/document"
	"gongwen/layout"
)

// need skips the test when a tool or folder it needs is missing, and fails it instead in CI
// (CI=true), where tools/setup.sh installs every tool and ../shared is laid beside the clone.
func need(t testing.TB, what, why string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is missing (%s); CI must have it", what, why)
	}
	t.Skipf("%s is missing (%s)", what, why)
}

// needTool returns the path of an executable or skips (fails in CI).
func needTool(t testing.TB, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		need(t, name, "apt package "+pkg+", installed by tools/setup.sh")
	}
	return p
}

// sharedDir returns ../shared (beside the repository) or skips (fails in CI).
func sharedDir(t testing.TB) string {
	t.Helper()
	d := filepath.Join("..", "..", "..", "shared")
	if st, err := os.Stat(filepath.Join(d, "spec", "ofd", "xsd")); err != nil || !st.IsDir() {
		need(t, d+"/spec/ofd/xsd", "the GB/T 33190 schemas beside the repository")
	}
	return d
}

// exampleNames lists the example drafts under examples/.
func exampleNames(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob("../../examples/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range files {
		out = append(out, strings.TrimSuffix(filepath.Base(f), ".yaml"))
	}
	if len(out) == 0 {
		t.Fatal("no examples found")
	}
	sort.Strings(out)
	return out
}

// example is one exported example: the document, its typeset pages and records, and its OFD.
type example struct {
	doc   *document.Document
	res   *layout.Result
	ofd   []byte
	parts map[string][]byte
}

var exampleCache = map[string]*example{}

func exportExample(t testing.TB, name string) *example {
	t.Helper()
	if ex, ok := exampleCache[name]; ok {
		return ex
	}
	doc, err := document.Load(filepath.Join("..", "..", "examples", name+".yaml"))
	if err != nil {
		t.Fatalf("load %s: %v", name, err)
	}
	res, err := layout.Run(doc, layout.Options{})
	if err != nil {
		t.Fatalf("typeset %s: %v", name, err)
	}
	var b bytes.Buffer
	if err := Write(&b, res.Pages, nil, MetaOf(doc)); err != nil {
		t.Fatalf("write %s: %v", name, err)
	}
	ex := &example{doc: doc, res: res, ofd: b.Bytes(), parts: unzipParts(t, b.Bytes())}
	exampleCache[name] = ex
	return ex
}

func unzipParts(t testing.TB, data []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	parts := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name] = b
	}
	return parts
}

// unzipTo writes the package's parts under dir.
func unzipTo(t testing.TB, parts map[string][]byte, dir string) {
	t.Helper()
	for name, b := range parts {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
