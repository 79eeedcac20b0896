//go:build ignore

// gen.go writes dict.txt.gz, the small dictionary the segmenter embeds, from the simplified-
// Chinese dictionary shipped with github.com/go-ego/gse (data/dict/zh/s_1.txt, Apache-2.0):
// words of 2 to 8 Han characters that are frequent (frequency >= 40) or are place and organ
// names (tags ns, nt), plus the words of extra.txt (公文 vocabulary gse lacks).
//
//	go run gen.go $(go env GOMODCACHE)/github.com/go-ego/gse@v0.80.3/data/dict/zh/s_1.txt
package main

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: go run gen.go PATH/TO/s_1.txt")
		os.Exit(2)
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer f.Close()
	words := map[string]int{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) < 2 {
			continue
		}
		freq, err := strconv.Atoi(fs[1])
		if err != nil || !han(fs[0]) {
			continue
		}
		n := len([]rune(fs[0]))
		tag := ""
		if len(fs) > 2 {
			tag = fs[2]
		}
		if n < 2 || n > 8 || (freq < 40 && tag != "ns" && tag != "nt") {
			continue
		}
		words[fs[0]] = max(words[fs[0]], freq)
	}
	if extra, err := os.ReadFile("extra.txt"); err == nil {
		for _, l := range strings.Split(string(extra), "\n") {
			l = strings.TrimSpace(l)
			if l == "" || strings.HasPrefix(l, "#") {
				continue
			}
			words[l] = max(words[l], 1000)
		}
	}
	keys := make([]string, 0, len(words))
	for k := range words {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out, err := os.Create("dict.txt.gz")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	zw, _ := gzip.NewWriterLevel(out, gzip.BestCompression)
	w := bufio.NewWriter(zw)
	for _, k := range keys {
		fmt.Fprintf(w, "%s %d\n", k, words[k])
	}
	w.Flush()
	zw.Close()
	out.Close()
	fmt.Println(len(keys), "words")
}

func han(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return s != ""
}
