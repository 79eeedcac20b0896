//go:build windows

// Command printtest exercises Gongwen's Windows print path (package printing, the code the
// app's File → 打印 runs on Windows) outside the app, for tools/wine/print.sh: it typesets a
// draft, then calls printing.Print, which shows the system print dialog (PrintDlgW) and
// prints the chosen pages through the printer driver from Gongwen's own rendering. Under
// wine the dialog is wine's and the driver is wineps, which hands PostScript to CUPS.
//
// usage: printtest DRAFT.yaml [COPIES]    (prints "printed N pages" or the error, exit 1)
package main

import (
	"fmt"
	"image"
	"os"
	"strconv"

	"gongwen/export/png"
	"gongwen/layout"
	"gongwen/pipeline"
	"gongwen/printing"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: printtest DRAFT.yaml [COPIES]")
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
	job := printing.Job{Title: "Gongwen print test", Copies: copies, Pages: len(pages),
		Render: func(i int, dpi float64) (image.Image, error) {
			fmt.Printf("rendering page %d at %.0f dpi\n", i+1, dpi)
			return png.Render(pages[i], layout.DefaultFonts(), dpi)
		}}
	if _, err := printing.Print(job); err != nil {
		fail(err)
	}
	fmt.Printf("printed %d pages\n", len(pages))
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "printtest:", err)
	os.Exit(1)
}
