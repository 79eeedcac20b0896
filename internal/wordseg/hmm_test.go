package wordseg

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// hmmTexts are the texts of the lazy-model test: the titles of layout's title table and the
// runs of Chinese text in the examples, templates and real documents.
func hmmTexts(t *testing.T) []string {
	var texts []string
	if b, err := os.ReadFile("../../layout/testdata/titles.tsv"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if !strings.HasPrefix(l, "#") {
				texts = append(texts, strings.Split(l, "\t")...)
			}
		}
	}
	for _, pat := range []string{"../../examples/*.yaml", "../../templates/builtin/*.yaml", "../../document/testdata/realdocs/*.txt"} {
		files, _ := filepath.Glob(pat)
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, hanRun.FindAllString(string(data), -1)...)
		}
	}
	var out []string
	for _, s := range texts {
		if s = strings.ToLower(strings.TrimSpace(s)); s != "" && !strings.Contains(s, "\n") {
			out = append(out, s)
		}
	}
	return out
}

// TestHMMLoadedOnlyWhenNeeded: a text for which needsHMM says no is cut the same without gse's
// hidden Markov model loaded (a child process that never loads it) as with it (this process,
// with the model loaded). Most titles need no model (the
// paragraphs of the real documents mostly do); needsHMM errs towards loading it.
func TestHMMLoadedOnlyWhenNeeded(t *testing.T) {
	if os.Getenv("WORDSEG_NO_HMM_CHILD") == "1" {
		w := bufio.NewWriter(os.Stdout)
		for _, s := range hmmTexts(t) {
			if seg := subDict(s); !needsHMM(seg, s) {
				w.WriteString(s + "\t" + strings.Join(seg.Cut(s, true), "/") + "\n")
			}
		}
		w.Flush()
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestHMMLoadedOnlyWhenNeeded$")
	cmd.Env = append(os.Environ(), "WORDSEG_NO_HMM_CHILD=1")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("child: %v", err)
	}
	hmmOnce.Do(loadHMM)
	n, total := 0, len(hmmTexts(t))
	for _, line := range strings.Split(string(bytes.TrimSpace(out)), "\n") {
		s, cut, ok := strings.Cut(line, "\t")
		if !ok {
			continue
		}
		n++
		if want := strings.Join(subDict(s).Cut(s, true), "/"); cut != want {
			t.Errorf("%q: without the model %s, with it %s", s, cut, want)
		}
	}
	t.Logf("%d of %d texts cut without the model", n, total)
	if n < 100 {
		t.Errorf("only %d of %d texts need no model: the comparison tests little", n, total)
	}
}
