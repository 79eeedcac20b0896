package document

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

var updateLines = flag.Bool("update-lines", false, "rewrite testdata/corpus_lines/*.tsv from the importer (review the diff)")

// reIndex drops the paragraph and item numbers of a path: the element of a line is what
// matters here (body, attachment_notes, issuers.name), and the attachment it belongs to.
var reIndex = regexp.MustCompile(`(^|\.)(body|attachment_notes|issuers|signers)\.[0-9]+`)

// lineElements lists, for each input line that holds text, the element the importer gave it:
// "12\tbody". Lines the importer left out on purpose (decorations, the retired 主题词) are
// "retired" when a warning points at them.
func lineElements(doc *Document) map[int]string {
	out := map[int]string{}
	for _, p := range doc.Source.Paths() {
		el := reIndex.ReplaceAllString(p, "$1$2")
		for _, sg := range doc.Source.spans[p] {
			if prev, ok := out[sg.Pos.Line]; ok && prev != el {
				// two elements on one line (署名 and 成文日期): list both
				if !strings.Contains(prev, el) {
					parts := append(strings.Split(prev, "+"), el)
					sort.Strings(parts)
					el2 := strings.Join(parts, "+")
					out[sg.Pos.Line] = el2
				}
				continue
			}
			out[sg.Pos.Line] = el
		}
	}
	for _, w := range doc.Warnings {
		if strings.Contains(w.Msg, "主题词") {
			out[w.Line] = "retired"
		}
		if strings.Contains(w.Msg, "不属于公文") {
			out[w.Line] = "web"
			var last int
			if i := strings.Index(w.Msg, "到第"); i >= 0 {
				if _, err := fmt.Sscanf(w.Msg[i+len("到第"):], " %d", &last); err == nil {
					for n := w.Line; n <= last; n++ {
						out[n] = "web"
					}
				}
			}
		}
	}
	return out
}

func formatLines(m map[int]string) string {
	var ks []int
	for k := range m {
		ks = append(ks, k)
	}
	sort.Ints(ks)
	var b strings.Builder
	for _, k := range ks {
		fmt.Fprintf(&b, "%d\t%s\n", k, m[k])
	}
	return b.String()
}

// TestCorpusLineElements imports every document of ../shared/corpus/docs and checks the element
// of every line against a hand-reviewed table (testdata/corpus_lines/NAME.tsv: line number and
// element); the .docx of the same document (defects_docx/NAME_0.docx, one paragraph a line)
// (or, for the six documents that have none, the .txt converted by LibreOffice, one paragraph a
// line) must give the same table. Every non-blank line must have an element.
func TestCorpusLineElements(t *testing.T) {
	corpus := sharedCorpus(t)
	files, _ := filepath.Glob(filepath.Join(corpus, "docs", "*.txt"))
	if len(files) == 0 {
		t.Fatal("no documents in ../shared/corpus/docs")
	}
	checkLineElements(t, corpus, files, "", officeDocx(t, corpus, files))
}

// officeDocx converts the corpus documents that have no .docx in ../shared/corpus/defects_docx
// (all of them when corpus is "") to .docx with LibreOffice (one paragraph a line, as those were made), so that every document
// is also imported from Word. It returns name → path; empty (logged) when soffice is missing,
// a failure when CI=true (CI installs libreoffice-writer-nogui).
func officeDocx(t *testing.T, corpus string, files []string) map[string]string {
	out := map[string]string{}
	var missing []string
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		if _, err := os.Stat(filepath.Join(corpus, "defects_docx", name+"_0.docx")); corpus == "" || err != nil {
			missing = append(missing, f)
		}
	}
	if len(missing) == 0 || testing.Short() {
		return out
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("soffice is missing; CI=true requires it (libreoffice-writer-nogui)")
		}
		t.Logf("soffice is missing: %d documents are checked from .txt only", len(missing))
		return out
	}
	dir := t.TempDir()
	var srcs []string
	for _, f := range missing {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		dst := filepath.Join(dir, filepath.Base(f))
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, dst)
	}
	args := append([]string{"-env:UserInstallation=file://" + filepath.ToSlash(filepath.Join(dir, "profile")),
		"--headless", "--infilter=Text (encoded):UTF8,LF,,,", "--convert-to", "docx", "--outdir", dir}, srcs...)
	cmd := exec.Command(soffice, args...)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice --convert-to docx: %v\n%s", err, msg)
	}
	for _, f := range missing {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		p := filepath.Join(dir, name+".docx")
		if _, err := os.Stat(p); err != nil {
			t.Fatalf("soffice wrote no %s", p)
		}
		out[name] = p
	}
	return out
}

// TestOwnDocsLineElements: the same for the real documents the project collected itself
// (testdata/realdocs, sources in testdata/realdocs/sources.tsv), from .txt and, converted by
// LibreOffice (one paragraph a line), from .docx; these need no ../shared.
func TestOwnDocsLineElements(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "realdocs", "*.txt"))
	if len(files) < 10 {
		t.Fatalf("%d documents in testdata/realdocs, want at least 10", len(files))
	}
	checkLineElements(t, "", files, "own-", officeDocx(t, "", files))
}

// knownLineMisreads are lines of the real documents that the importer still gives another
// element than the hand-reviewed table: "doc:line" → the element it gives and why (who fixes it).
// The test logs them and fails when one is read right, so the list stays true; the tables keep
// the right element.
var knownLineMisreads = map[string]struct{ got, why string }{}

// applyKnownMisreads replaces, in got, each known misreading of document name by the element
// of want (the reviewed table), logging it; a known misreading that no longer happens fails.
func applyKnownMisreads(t *testing.T, name, from string, got map[int]string, want string) {
	t.Helper()
	wantEl := map[int]string{}
	for _, l := range strings.Split(want, "\n") {
		var n int
		var el string
		if _, err := fmt.Sscanf(l, "%d\t%s", &n, &el); err == nil {
			wantEl[n] = el
		}
	}
	for k, m := range knownLineMisreads {
		doc, ln, _ := strings.Cut(k, ":")
		if doc != name {
			continue
		}
		var n int
		fmt.Sscan(ln, &n)
		switch got[n] {
		case m.got:
			t.Logf("%s: known misreading of line %d as %s, want %s: %s", from, n, m.got, wantEl[n], m.why)
			got[n] = wantEl[n]
		case wantEl[n]:
			t.Errorf("%s: line %d is now read as %s: drop it from knownLineMisreads", from, n, got[n])
		}
	}
}

func checkLineElements(t *testing.T, corpus string, files []string, prefix string, converted map[string]string) {
	docx := 0
	for _, f := range files {
		name := prefix + strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := ImportText(f, data, builtinGenres(t))
			if err != nil {
				t.Fatal(err)
			}
			got := lineElements(doc)
			for i, l := range strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n") {
				if strings.TrimSpace(l) != "" && got[i+1] == "" {
					t.Errorf("line %d has no element: %.30s", i+1, l)
				}
			}
			golden := filepath.Join("testdata", "corpus_lines", name+".tsv")
			if prev, err := os.ReadFile(golden); err == nil {
				applyKnownMisreads(t, name, ".txt", got, string(prev))
			}
			if *updateLines {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, []byte(formatLines(got)), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./document -run TestCorpusLineElements -update-lines and review)", err)
			}
			if g := formatLines(got); g != string(want) {
				t.Errorf(".txt: line elements differ from %s:\n%s", golden, diffLines(string(want), g))
			}
			dx := ""
			if corpus != "" {
				dx = filepath.Join(corpus, "defects_docx", name+"_0.docx")
			}
			if p, ok := converted[strings.TrimPrefix(name, prefix)]; ok {
				dx = p
			}
			if ddata, err := os.ReadFile(dx); dx != "" && err == nil {
				docx++
				ddoc, err := ImportDocx(dx, ddata, builtinGenres(t))
				if err != nil {
					t.Fatal(err)
				}
				dgot := lineElements(ddoc)
				applyKnownMisreads(t, name, ".docx", dgot, string(want))
				if g := formatLines(dgot); g != string(want) {
					t.Errorf(".docx: paragraph elements differ from %s:\n%s", golden, diffLines(string(want), g))
				}
			}
		})
	}
	t.Logf("%d documents, %d also as .docx", len(files), docx)
}

// diffLines shows the lines of want and got that differ.
func diffLines(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < max(len(w), len(g)); i++ {
		var a, c string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			c = g[i]
		}
		if a != c {
			fmt.Fprintf(&b, "  want %-30q got %q\n", a, c)
		}
	}
	return b.String()
}
