package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"gongwen/internal/safeio"
)

// outSet is the files one export writes: each streams into a temporary file beside its
// target, and all are renamed into place together by commit, so a failure leaves no output
// (or the previous output) behind. "-" is standard output, written as it comes.
type outSet struct {
	files []*safeio.Output
	// avoid are the paths the outputs must not replace (the draft's seal images).
	avoid []string
	// buffered is the standard output, when an output goes there.
	buffered *bufio.Writer
}

// create starts writing path ("-": stdout).
func (s *outSet) create(path string, stdout io.Writer) (io.Writer, error) {
	if path == "-" {
		s.buffered = bufio.NewWriter(stdout)
		return s.buffered, nil
	}
	for _, img := range s.avoid {
		if sameFile(path, img) {
			return nil, fmt.Errorf("%s: 输出文件不能覆盖草稿引用的图片“%s”，请换一个输出文件名 (OUT is an image of the draft)", path, img)
		}
	}
	if n := len(s.files); n > 0 {
		// the previous file is complete: close it (a 5000-page PNG export holds no 5000
		// file descriptors), it is renamed with the others by commit
		if err := s.files[n-1].Finish(); err != nil {
			return nil, err
		}
	}
	o, err := safeio.Create(path)
	if err != nil {
		return nil, err
	}
	s.files = append(s.files, o)
	return o, nil
}

// commit renames every file into place (and flushes standard output).
func (s *outSet) commit() error {
	if s.buffered != nil {
		if err := s.buffered.Flush(); err != nil {
			return fmt.Errorf("标准输出写入失败：%v (stdout)", err)
		}
	}
	for i, f := range s.files {
		if err := f.Commit(); err != nil {
			for _, g := range s.files[i+1:] {
				g.Abort()
			}
			return err
		}
	}
	return nil
}

// abort drops every file not yet committed.
func (s *outSet) abort() {
	for _, f := range s.files {
		f.Abort()
	}
}

// pngPage is the file of page k (from 1) of a multi-page PNG export to out: OUT-k.png (a
// one-page export is OUT itself).
func pngPage(out string, k int) string {
	base, ext := pngBase(out)
	return fmt.Sprintf("%s-%d%s", base, k, ext)
}

func pngBase(out string) (base, ext string) {
	ext = filepath.Ext(out)
	base = strings.TrimSuffix(out, ext)
	if ext == "" {
		ext = ".png"
	}
	return base, ext
}

// removeStalePages removes what an earlier PNG export to the same OUT left beside this one's
// n pages, so the folder holds one consistent set: OUT-k.png for k > n (every OUT-k.png when
// the one page is OUT itself), and OUT when the pages are OUT-1.png ... Only regular files
// named exactly so are touched, never one of the draft's images (avoid).
func removeStalePages(out string, n int, avoid []string, stderr io.Writer) {
	keep := func(p string) bool {
		for _, a := range avoid {
			if sameFile(p, a) {
				return true
			}
		}
		return false
	}
	base, ext := pngBase(out)
	dir := filepath.Dir(base)
	prefix := filepath.Base(base) + "-"
	es, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	re := regexp.MustCompile(`^` + regexp.QuoteMeta(prefix) + `([1-9][0-9]{0,5})` + regexp.QuoteMeta(ext) + `$`)
	for _, e := range es {
		m := re.FindStringSubmatch(e.Name())
		if m == nil || !e.Type().IsRegular() {
			continue
		}
		k, _ := strconv.Atoi(m[1])
		if n > 1 && k <= n {
			continue
		}
		p := filepath.Join(dir, e.Name())
		if keep(p) {
			continue
		}
		if err := os.Remove(p); err != nil {
			fmt.Fprintf(stderr, "gwcli: 警告 (warning): 无法删除旧的页面文件 %s：%v (stale page left)\n", p, err)
		} else {
			fmt.Fprintf(stderr, "gwcli: 已删除上次导出的旧页面 (removed stale page) %s\n", p)
		}
	}
	if n > 1 {
		// a one-page export before wrote OUT itself: it is not a page of this set
		if st, err := os.Lstat(out); err == nil && st.Mode().IsRegular() && strings.EqualFold(filepath.Ext(out), ".png") && !keep(out) {
			if err := os.Remove(out); err == nil {
				fmt.Fprintf(stderr, "gwcli: 已删除上次导出的旧页面 (removed stale page) %s\n", out)
			}
		}
	}
}
