package wordseg

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/go-ego/gse"
)

var update = flag.Bool("update", false, "rewrite dict.txt from gse's dictionary and extra.txt")

// generateDict builds dict.txt from gse's simplified-Chinese dictionary (data/dict/zh/s_1.txt,
// Apache-2.0) and extra.txt: words of 2 to 8 Han characters that are frequent (frequency >= 40)
// or are place and organ names (tags ns, nt), plus the words of extra.txt (公文 vocabulary gse
// lacks), one "word frequency" a line sorted by the word's bytes.
func generateDict(s1, extra []byte) []byte {
	words := map[string]int{}
	sc := bufio.NewScanner(bytes.NewReader(s1))
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) < 2 {
			continue
		}
		freq, err := strconv.Atoi(fs[1])
		if err != nil || !allHan(fs[0]) {
			continue
		}
		n := len([]rune(fs[0]))
		tag := ""
		if len(fs) > 2 {
			tag = fs[2]
		}
		if n < 2 || n > maxWordLen || (freq < 40 && tag != "ns" && tag != "nt") {
			continue
		}
		words[fs[0]] = max(words[fs[0]], freq)
	}
	for _, l := range strings.Split(string(extra), "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		words[l] = max(words[l], 1000)
	}
	keys := make([]string, 0, len(words))
	for k := range words {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out bytes.Buffer
	for _, k := range keys {
		fmt.Fprintf(&out, "%s %d\n", k, words[k])
	}
	return out.Bytes()
}

func allHan(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return s != ""
}

// TestDictionaryUpToDate generates the dictionary from gse's module and extra.txt and compares
// it with the committed dict.txt (go generate, or -update, rewrites it).
func TestDictionaryUpToDate(t *testing.T) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/go-ego/gse").Output()
	dir := strings.TrimSpace(string(out))
	s1, err2 := os.ReadFile(filepath.Join(dir, "data", "dict", "zh", "s_1.txt"))
	if err != nil || dir == "" || err2 != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("gse's dictionary not found (%v, %v)", err, err2)
		}
		t.Skipf("gse's dictionary not found (%v, %v)", err, err2)
	}
	extra, err := os.ReadFile("extra.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := generateDict(s1, extra)
	if *update {
		if err := os.WriteFile("dict.txt", want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if dict != string(want) {
		t.Errorf("dict.txt (%d bytes) is not what gse's dictionary and extra.txt give (%d bytes): go generate ./internal/wordseg", len(dict), len(want))
	}
}

// TestDictionaryWellFormed: what lookup and subDict assume of dict.txt.
func TestDictionaryWellFormed(t *testing.T) {
	indexOnce.Do(index)
	if n := len(lineStart); n < 60000 {
		t.Fatalf("only %d words", n)
	}
	if !strings.HasSuffix(dict, "\n") {
		t.Error("dict.txt does not end with a newline")
	}
	prev := ""
	sum := 0
	for i := range lineStart {
		w, f := entry(i)
		if n := len([]rune(w)); n < 2 || n > maxWordLen || !allHan(w) {
			t.Errorf("line %d: %q is not 2 to %d Han characters", i+1, w, maxWordLen)
		}
		if f <= 0 {
			t.Errorf("line %d: %q has frequency %d", i+1, w, f)
		}
		if w <= prev {
			t.Errorf("line %d: %q after %q (not sorted or twice)", i+1, w, prev)
		}
		prev = w
		sum += f
	}
	if sum != totalFreq || float64(sum) != float64(int64(float64(sum))) || sum > 1<<52 {
		t.Errorf("total frequency %d (index %d) is not exact in float64", sum, totalFreq)
	}
	for _, tt := range []struct {
		w      string
		freq   bool
		prefix bool
	}{
		{"人民政府", true, true}, {"人民", true, true}, {"人", false, true}, {"行政区", true, true},
		{"鹤泉县", false, false}, {"乌鲁木", false, true}, {"", false, true},
	} {
		f, p := lookup(tt.w)
		if (f > 0) != tt.freq || p != tt.prefix {
			t.Errorf("lookup(%q) = %d, %v; want word %v, prefix %v", tt.w, f, p, tt.freq, tt.prefix)
		}
	}
}

// wholeDict loads the whole dictionary into gse word by word, as this package did before it
// looked words up per text.
func wholeDict(t *testing.T) *gse.Segmenter {
	t.Helper()
	s := &gse.Segmenter{SkipLog: true}
	s.Dict = gse.NewDict()
	s.Init()
	for i := range lineStart {
		w, f := entry(i)
		if err := s.AddToken(w, float64(f)); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

var hanRun = regexp.MustCompile(`[\p{Han}0-9A-Za-z、（）《》“”，]{4,}`)

// TestSubDictCutsAsWholeDictionary: for the text of every example, template and real document
// and for 3000 random strings of dictionary words and characters, gse cuts with the dictionary
// of the text's own words exactly as with the whole dictionary.
func TestSubDictCutsAsWholeDictionary(t *testing.T) {
	indexOnce.Do(index)
	whole := wholeDict(t)
	var texts []string
	for _, pat := range []string{"../../examples/*.yaml", "../../templates/builtin/*.yaml", "../../document/testdata/realdocs/*.txt"} {
		files, _ := filepath.Glob(pat)
		if len(files) == 0 {
			t.Errorf("no files %s", pat)
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, hanRun.FindAllString(string(data), -1)...)
		}
	}
	rng := rand.New(rand.NewSource(9704))
	for range 3000 {
		var b strings.Builder
		for range 1 + rng.Intn(12) {
			w, _ := entry(rng.Intn(len(lineStart)))
			rs := []rune(w)
			switch rng.Intn(4) {
			case 0: // a word's head
				b.WriteString(string(rs[:1+rng.Intn(len(rs))]))
			case 1: // a word's tail
				b.WriteString(string(rs[rng.Intn(len(rs)):]))
			case 2:
				b.WriteString([]string{"的", "关于", "和", "2024年", "GB", "、", "鹤泉县", "黎堡乡"}[rng.Intn(8)])
			default:
				b.WriteString(w)
			}
		}
		texts = append(texts, b.String())
	}
	if len(texts) < 4000 {
		t.Fatalf("only %d texts", len(texts))
	}
	differ := 0
	for _, s := range texts {
		got, want := Words(s), whole.Cut(s, true)
		if !slices.Equal(got, want) {
			differ++
			if differ <= 10 {
				t.Errorf("%q:\n per text %s\n whole    %s", s, strings.Join(got, "/"), strings.Join(want, "/"))
			}
		}
	}
	if differ > 0 {
		t.Errorf("%d of %d texts cut differently", differ, len(texts))
	}
	t.Logf("%d texts cut alike", len(texts))
}
