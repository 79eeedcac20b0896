// Package wordseg finds the word boundaries of Chinese text, so that a title is never broken
// inside a word or a name. It wraps the pure-Go segmenter github.com/go-ego/gse with a small
// embedded dictionary (dict.txt: about 71 000 words filtered from gse's own, 0.9 MB, sorted; see
// TestDictionaryUpToDate, which generates it) instead of gse's 40 MB of dictionaries, and lets
// the caller add words of its own (organ names from the unit profiles and from the document).
//
// The dictionary is never loaded into gse as a whole (that took 0.15-0.3 s of CPU and 17 MB of
// heap per process). It stays in the binary's read-only data; each call looks up, by binary
// search, the dictionary words that occur in its text and gives gse a dictionary of just those
// (see subDict for why gse then cuts exactly as with the whole dictionary).
package wordseg

//go:generate go test -run TestDictionaryUpToDate -update .

import (
	_ "embed"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/go-ego/gse"
)

// dict holds one word a line, "word frequency\n", sorted by the word's bytes; every word has 2
// to maxWordLen Han characters.
//
//go:embed dict.txt
var dict string

// maxWordLen is the longest dictionary word in characters (TestDictionaryWellFormed).
const maxWordLen = 8

var (
	indexOnce sync.Once
	lineStart []int32 // byte offset of each line of dict
	totalFreq int     // sum of all frequencies: gse's log-probabilities are relative to it
)

// index finds the line starts of dict (once per process: a scan of 0.9 MB and 0.3 MB of
// offsets).
func index() {
	lineStart = make([]int32, 0, 72000)
	for at := 0; at < len(dict); {
		lineStart = append(lineStart, int32(at))
		nl := strings.IndexByte(dict[at:], '\n')
		if nl < 0 {
			nl = len(dict) - at - 1
		}
		line := dict[at : at+nl]
		if sp := strings.IndexByte(line, ' '); sp > 0 {
			f, _ := strconv.Atoi(line[sp+1:])
			totalFreq += f
		}
		at += nl + 1
	}
}

// hmmOnce loads gse's hidden Markov model (global to gse: 5-6 ms of CPU and 1-2 MB), only
// when a cut needs it (needsHMM).
var hmmOnce sync.Once

func loadHMM() {
	var s gse.Segmenter
	s.LoadModel()
}

// needsHMM reports whether gse's Cut of s with the hidden Markov model would consult the
// model: its DAG route (the cut without the model) holds two single characters in a row, or
// a piece that is no dictionary word (a run of Latin letters and digits). Otherwise the cut
// with the model never reaches it and gives the same words without it being loaded. The test
// is conservative: it may say yes where gse then finds the run a word.
func needsHMM(seg *gse.Segmenter, s string) bool {
	run := 0
	for _, w := range seg.Cut(s, false) {
		if utf8.RuneCountInString(w) == 1 {
			if run++; run >= 2 {
				return true
			}
			continue
		}
		run = 0
		if f, _, ok := seg.Find(w); !ok || f <= 0 {
			return true
		}
	}
	return false
}

// entry returns the word and frequency of line i.
func entry(i int) (string, int) {
	line := dict[lineStart[i]:]
	if nl := strings.IndexByte(line, '\n'); nl >= 0 {
		line = line[:nl]
	}
	sp := strings.IndexByte(line, ' ')
	if sp < 0 {
		return line, 0
	}
	f, _ := strconv.Atoi(line[sp+1:])
	return line[:sp], f
}

// wordAt returns the word of line i.
func wordAt(i int) string {
	line := dict[lineStart[i]:]
	return line[:strings.IndexByte(line, ' ')]
}

// lookup returns the frequency of w when it is a dictionary word, and whether some dictionary
// word starts with w (w itself included).
func lookup(w string) (freq int, prefix bool) {
	i := sort.Search(len(lineStart), func(i int) bool { return wordAt(i) >= w })
	if i == len(lineStart) {
		return 0, false
	}
	word, f := entry(i)
	if word == w {
		return f, true
	}
	return 0, strings.HasPrefix(word, w)
}

// Markers in gse's trie that no text reaches: a valid UTF-8 string never holds the bytes 0xFE
// and 0xFF. totalKey carries the rest of the dictionary's total frequency; a character
// followed by prefixMark makes that character a known word prefix.
const (
	totalKey   = "\xff\xfe"
	prefixMark = "\xff"
)

// subDict returns a gse segmenter whose dictionary holds what gse's Cut can ask of the whole
// dictionary for the text s:
//   - every dictionary word that occurs in s, with its frequency;
//   - every character of s that begins a dictionary word, as a prefix (gse scores a single
//     character that is a known prefix but no word as impossible, and one that is not as
//     frequency 1);
//   - the same total frequency, through a word no text reaches.
//
// gse's Cut looks up only pieces of s: a piece that is a word is one of the first kind; a
// longer piece that is only a prefix makes gse look further, and what it finds further is a
// word that occurs in s; a one-character prefix is of the second kind. So the cut is the one
// the whole dictionary gives (TestSubDictCutsAsWholeDictionary).
func subDict(s string) *gse.Segmenter {
	indexOnce.Do(index)
	seg := &gse.Segmenter{SkipLog: true, NotLoadHMM: true, Dict: gse.NewDict()}
	sum := 0
	rs := []rune(s)
	seen := map[string]bool{}
	for k := range rs {
		if !unicode.Is(unicode.Han, rs[k]) {
			continue
		}
		c := string(rs[k])
		f, pre := lookup(c)
		if !pre {
			continue
		}
		if !seen[c] {
			seen[c] = true
			_ = seg.AddToken(c+prefixMark, 0)
			if f > 0 { // no one-character words today, but gse would count them
				sum += f
				_ = seg.AddToken(c, float64(f))
			}
		}
		for e := k + 2; e <= len(rs) && e-k <= maxWordLen; e++ {
			if !unicode.Is(unicode.Han, rs[e-1]) {
				break
			}
			w := string(rs[k:e])
			f, pre := lookup(w)
			if !pre {
				break
			}
			if f > 0 && !seen[w] {
				seen[w] = true
				sum += f
				_ = seg.AddToken(w, float64(f))
			}
		}
	}
	_ = seg.AddToken(totalKey, float64(totalFreq-sum))
	return seg
}

// IsWord reports whether s is a word of the dictionary.
func IsWord(s string) bool {
	indexOnce.Do(index)
	f, _ := lookup(s)
	return f > 0
}

// The cuts of the last texts: the app typesets the same title again on every edit of the
// body, and a cut costs 0.1-0.4 ms.
var (
	cacheMu sync.Mutex
	cache   = map[string][]string{}
)

const cacheSize = 256

// Words cuts s into words (dictionary words; runs of unknown characters are joined by gse's
// hidden Markov model). Concatenated, the words give s back (Latin letters in lower case, as
// gse gives them).
func Words(s string) []string {
	if s == "" || !utf8.ValidString(s) {
		return []string{s}
	}
	cacheMu.Lock()
	words, ok := cache[s]
	cacheMu.Unlock()
	if ok {
		return slices.Clone(words)
	}
	t := s
	if gse.ToLower {
		t = strings.ToLower(s)
	}
	seg := subDict(t)
	if needsHMM(seg, t) {
		hmmOnce.Do(loadHMM)
	}
	words = seg.Cut(t, true)
	cacheMu.Lock()
	if len(cache) >= cacheSize {
		clear(cache)
	}
	cache[s] = words
	cacheMu.Unlock()
	return slices.Clone(words)
}

// Boundaries returns, for each rune offset i of rs, whether a word ends just before rs[i]
// (b[0] and positions inside a word are false). Occurrences of the extra words (organ names)
// are kept whole even where the dictionary would cut them, and so are runs of digits and Latin
// letters.
func Boundaries(rs []rune, extra []string) []bool {
	b := make([]bool, len(rs))
	off := 0
	for _, w := range Words(string(rs)) {
		off += len([]rune(w))
		if off < len(rs) {
			b[off] = true
		}
	}
	s := string(rs)
	for _, w := range extra {
		wr := []rune(w)
		if len(wr) < 2 {
			continue
		}
		from := 0
		for {
			k := strings.Index(s[from:], w)
			if k < 0 {
				break
			}
			start := len([]rune(s[:from+k]))
			for i := start + 1; i < start+len(wr) && i < len(b); i++ {
				b[i] = false
			}
			if start > 0 {
				b[start] = true
			}
			if e := start + len(wr); e < len(b) {
				b[e] = true
			}
			from += k + len(w)
		}
	}
	for i := 1; i < len(rs); i++ {
		switch {
		case alnum(rs[i-1]) && alnum(rs[i]):
			b[i] = false
		case punct(rs[i-1]) || punct(rs[i]):
			// gse joins a run of marks into one token (”（); each mark is a word of its own
			b[i] = true
		}
	}
	return b
}

// punct reports whether r is a mark (not a letter, digit or Han character, not a space).
func punct(r rune) bool {
	return !unicode.Is(unicode.Han, r) && !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsSpace(r)
}

func alnum(r rune) bool {
	return r < unicode.MaxASCII && (unicode.IsDigit(r) || unicode.IsLetter(r))
}
