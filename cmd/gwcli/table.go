package main

import (
	"bytes"
	"io"
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// table lines up tab-separated columns by their width on a terminal, where a Chinese character
// takes two columns (text/tabwriter counts it as one, so Chinese titles pushed the columns
// apart). Write rows with fmt.Fprintf(t, "a\tb\n"), then Flush.
type table struct {
	w   io.Writer
	buf bytes.Buffer
}

// cellWidth measures terminal columns: wide and fullwidth (East Asian) characters two,
// ambiguous ones such as “ and ” one, as most terminals draw them; combining marks, format
// and control characters none. It reads x/text/width's static table: go-runewidth, used
// before, builds a 2.2 MB lookup table in its init, 30 ms of every gwcli command's CPU.
var cellWidth cellWidths

type cellWidths struct{}

// StringWidth is the number of terminal columns s takes.
func (cellWidths) StringWidth(s string) int {
	n := 0
	for _, r := range s {
		n += runeCells(r)
	}
	return n
}

// runeCells is the number of terminal columns r takes.
func runeCells(r rune) int {
	switch {
	case r < 0x20 || r == 0x7f:
		return 0
	case r < 0x7f:
		return 1
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Cc):
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

func newTable(w io.Writer) *table { return &table{w: w} }

func (t *table) Write(p []byte) (int, error) { return t.buf.Write(p) }

// Flush writes the rows with every column but the last padded to its widest cell plus two spaces.
func (t *table) Flush() error {
	text := strings.TrimSuffix(t.buf.String(), "\n")
	t.buf.Reset()
	if text == "" {
		return nil
	}
	var rows [][]string
	var widths []int
	for _, line := range strings.Split(text, "\n") {
		cells := strings.Split(line, "\t")
		for i, c := range cells[:len(cells)-1] {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], cellWidth.StringWidth(c))
		}
		rows = append(rows, cells)
	}
	var out strings.Builder
	for _, cells := range rows {
		for i, c := range cells {
			out.WriteString(c)
			if i < len(cells)-1 {
				out.WriteString(strings.Repeat(" ", widths[i]-cellWidth.StringWidth(c)+2))
			}
		}
		out.WriteByte('\n')
	}
	_, err := io.WriteString(t.w, out.String())
	return err
}
