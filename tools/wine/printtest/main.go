//go:build windows

// Command printtest exercises Gongwen's Windows print path (package printing, the code the
// app's File → 打印 runs on Windows) outside the app, for tools/wine/print.sh: it typesets a
// draft, then calls printing.Print, which shows the system print dialog (PrintDlgW) and
// prints the chosen pages through the printer driver from Gongwen's own rendering. Under
// wine the dialog is wine's and the driver is wineps, which hands PostScript to CUPS.
//
// With COPIES and a RANGE (e.g. 2-3) the dialog opens with them filled in; a fourth
// argument two-sided asks for printing on both sides (the DEVMODE's duplex). It also writes
// each page of the draft at 30 dpi as page-N.png beside the draft (N from 1), for the script
// to tell which page each printed sheet is.
//
// usage: printtest DRAFT.yaml [COPIES [RANGE [two-sided]]]
// prints "printed N pages" (N the sheets sent to the driver) or the error (exit 1)
package main

import (
	"fmt"
	"image"
	"os"
	"path/filepath"
	"strconv"

	"gongwen/export/png"
	"gongwen/layout"
	"gongwen/pipeline"
	"gongwen/printing"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: printtest DRAFT.yaml [COPIES [RANGE [two-sided]]]")
		os.Exit(2)
	}
	copies := 1
	if len(os.Args) > 2 {
		copies, _ = strconv.Atoi(os.Args[2])
	}
	var p pipeline.Pipeline
	d, err := p.Load(os.Args[1], "")
	if err != nil {
		fail(err)
	}
	res, err := p.Typeset(d, pipeline.TypesetOptions{})
	if err != nil {
		fail(err)
	}
	pages := res.Pages
	for i, pg := range pages {
		f, err := os.Create(filepath.Join(filepath.Dir(os.Args[1]), fmt.Sprintf("page-%d.png", i+1)))
		if err != nil {
			fail(err)
		}
		if err := png.Write(f, pg, layout.DefaultFonts(), 30); err != nil {
			fail(err)
		}
		f.Close()
	}
	sheets := 0
	job := printing.Job{Title: "Gongwen print test", Copies: copies, Pages: len(pages),
		Render: func(i int, dpi float64) (image.Image, error) {
			sheets++
			fmt.Printf("rendering page %d at %.0f dpi\n", i+1, dpi)
			return png.Render(pages[i], layout.DefaultFonts(), dpi)
		}}
	if len(os.Args) > 3 {
		if job.Ranges, err = printing.ParseRanges(os.Args[3], len(pages)); err != nil {
			fail(err)
		}
	}
	job.TwoSided = len(os.Args) > 4 && os.Args[4] == "two-sided"
	if _, err := printing.Print(job); err != nil {
		fail(err)
	}
	fmt.Printf("printed %d pages\n", sheets)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "printtest:", err)
	os.Exit(1)
}
