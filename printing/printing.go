// Package printing sends Gongwen's typeset pages to a printer: through CUPS with `lp` on
// Linux, macOS and the BSDs (the PDF Gongwen writes, with copies, page ranges and two-sided
// printing as CUPS options), and through the system print dialog and the printer driver on
// Windows (Gongwen's own page rendering at the printer's resolution, so no PDF viewer is
// needed). It knows nothing of the desktop UI: the app and tests call it alike.
package printing

import (
	"errors"
	"fmt"
	"image"
	"sort"
	"strconv"
	"strings"
)

// Job is what to print and how.
type Job struct {
	// Title names the job in the printer queue.
	Title string
	// Printer is the CUPS destination; "" means the system's default printer.
	Printer string
	// Copies is the number of copies (0 means 1).
	Copies int
	// Ranges are the pages to print (1-based, in order); nil means every page.
	Ranges []Range
	// TwoSided prints on both sides of the sheet, turning on the long edge (公文 are printed
	// on both sides, GB/T 9704-2012 5.2.3).
	TwoSided bool
	// Pages is the number of pages of the document.
	Pages int
	// PDF returns the document as PDF (CUPS prints it).
	PDF func() ([]byte, error)
	// Render paints page i (0-based) at dpi dots per inch (the Windows path prints it).
	Render func(i int, dpi float64) (image.Image, error)
}

// Range is an inclusive range of 1-based page numbers.
type Range struct{ From, To int }

// ErrNoPrinter is returned when the system has no printer to print to.
var ErrNoPrinter = errors.New("没有可用的打印机（no printer is installed）")

// ParseRanges reads a page list as people type it ("1-3, 5, 7-"), checked against the
// number of pages n: "" means every page (nil). The ranges come back in the document's
// order, overlaps merged. Full-width digits, commas and dashes are
// accepted, as a Chinese input method types them.
func ParseRanges(s string, n int) ([]Range, error) {
	s = strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return '0' + (r - '０')
		case r == '，' || r == '、' || r == ';' || r == '；':
			return ','
		case r == '－' || r == '—' || r == '–' || r == '~' || r == '～' || r == '至':
			return '-'
		case r == ' ' || r == '\u3000' || r == '\t':
			return -1
		}
		return r
	}, s)
	if s == "" {
		return nil, nil
	}
	var out []Range
	for _, part := range strings.Split(s, ",") {
		if part == "" {
			continue
		}
		from, to, dash := strings.Cut(part, "-")
		a, b := 1, n
		var err error
		if from != "" {
			if a, err = strconv.Atoi(from); err != nil {
				return nil, fmt.Errorf("页码范围“%s”看不懂（page range not understood）", part)
			}
		}
		switch {
		case !dash:
			b = a
		case to != "":
			if b, err = strconv.Atoi(to); err != nil {
				return nil, fmt.Errorf("页码范围“%s”看不懂（page range not understood）", part)
			}
		}
		if a < 1 || b < a || b > n {
			return nil, fmt.Errorf("页码范围“%s”超出 1–%d 页（page range outside 1–%d）", part, n, n)
		}
		out = append(out, Range{a, b})
	}
	if len(out) == 0 {
		return nil, nil
	}
	return normalize(out), nil
}

// normalize sorts ranges and merges those that overlap or touch: pages print once each, in
// the document's order (CUPS refuses descending page-ranges, and a printer stacks sheets
// in order).
func normalize(rs []Range) []Range {
	sort.Slice(rs, func(i, k int) bool { return rs[i].From < rs[k].From })
	out := rs[:1]
	for _, r := range rs[1:] {
		last := &out[len(out)-1]
		if r.From <= last.To+1 {
			if r.To > last.To {
				last.To = r.To
			}
			continue
		}
		out = append(out, r)
	}
	return out
}

// FormatRanges writes ranges as CUPS's page-ranges option spells them ("1-3,5").
func FormatRanges(rs []Range) string {
	parts := make([]string, len(rs))
	for i, r := range rs {
		if r.From == r.To {
			parts[i] = strconv.Itoa(r.From)
		} else {
			parts[i] = fmt.Sprintf("%d-%d", r.From, r.To)
		}
	}
	return strings.Join(parts, ",")
}

// PageList returns the 0-based pages a job prints, in order.
func (j *Job) PageList() []int {
	var out []int
	if len(j.Ranges) == 0 {
		for i := 0; i < j.Pages; i++ {
			out = append(out, i)
		}
		return out
	}
	for _, r := range j.Ranges {
		for p := r.From; p <= r.To && p <= j.Pages; p++ {
			out = append(out, p-1)
		}
	}
	return out
}

func (j *Job) copies() int {
	if j.Copies < 1 {
		return 1
	}
	return j.Copies
}
