// Package wordseg finds the word boundaries of Chinese text, so that a title is never broken
// inside a word or a name. It wraps the pure-Go segmenter github.com/go-ego/gse with a small
// embedded dictionary (dict.txt.gz, about 71 000 words, 0.4 MB; see gen.go) instead of gse's
// own 40 MB of dictionaries, and lets the caller add words of its own (organ names from the
// unit profiles and from the document).
package wordseg

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/go-ego/gse"
)

//go:embed dict.txt.gz
var dictGz []byte

var (
	once sync.Once
	seg  gse.Segmenter
	err  error
)

// load reads the dictionary into the segmenter word by word. It does not call gse's
// LoadDictStr: that also cuts every dictionary word into its sub-words for gse's search mode
// (CalcToken), which Cut does not use and which doubled the dictionary's memory (about 38 MB
// of heap instead of 18 MB).
func load() { err = loadInto(&seg) }

func loadInto(s *gse.Segmenter) error {
	zr, err := gzip.NewReader(bytes.NewReader(dictGz))
	if err != nil {
		return err
	}
	s.SkipLog = true
	s.Dict = gse.NewDict()
	s.Init()
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 2 {
			continue
		}
		freq, err := strconv.ParseFloat(f[1], 64)
		if err != nil || freq <= 0 {
			continue
		}
		if err := s.AddToken(f[0], freq, f[2:]...); err != nil {
			return err
		}
	}
	return sc.Err()
}

// Words cuts s into words (dictionary words; runs of unknown characters are joined by gse's
// hidden Markov model). Concatenated, the words give s back.
func Words(s string) []string {
	once.Do(load)
	if err != nil || s == "" {
		return []string{s}
	}
	return seg.Cut(s, true)
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
		if alnum(rs[i-1]) && alnum(rs[i]) {
			b[i] = false
		}
	}
	return b
}

func alnum(r rune) bool {
	return r < unicode.MaxASCII && (unicode.IsDigit(r) || unicode.IsLetter(r))
}
