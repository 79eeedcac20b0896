package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// pagesText is a plain-text 公文 of about n pages: 22 lines of 28 characters a page.
func pagesText(n int) string {
	var b strings.Builder
	b.WriteString("关于加强测试工作的通知\n\n各有关单位：\n")
	para := "　　" + strings.Repeat("为进一步做好有关工作，现就有关事项通知如下，请认真贯彻执行。", 5) + "\n"
	per := len([]rune(para))/28 + 1 // lines a paragraph takes
	for lines := 0; lines < n*22; lines += per {
		b.WriteString(para)
	}
	b.WriteString("\n某某市人民政府办公室\n2024年6月30日\n")
	return b.String()
}

// memChildEnv names the export a child process runs: the arguments of gwcli, tab-separated.
const memChildEnv = "GWCLI_MEMORY_CHILD"

// TestMemoryChild is the child of TestExportMemory: it runs one gwcli export.
func TestMemoryChild(t *testing.T) {
	args := os.Getenv(memChildEnv)
	if args == "" {
		t.Skip("run by TestExportMemory")
	}
	if code := run(strings.Split(args, "\t"), os.Stdout, os.Stderr); code != 0 {
		t.Fatalf("exit %d", code)
	}
}

// memBoundMB is the bound on the peak resident memory of one export, the same at 1000 and
// 5000 pages: layout hands each page over as soon as no keep rule can change it
// (layout/stream.go) and forgets the paragraphs and element counts of the pages handed over;
// every writer takes the pages as they come: the PDF writer writes each page's content stream
// at once (third_party/gopdf's StreamTo), the PNG writer paints it, the OFD writer puts its
// Content.xml into the package, the DOCX writer reads the page plan as it writes
// word/document.xml (export/docx/stream.go); the command holds the input once after checking it
// (pipeline.Draft.ForgetInput). Measured on the 2-core build machine (load 2-3): PDF 1000
// pages 47 MB, 5000 pages 82 MB; PNG at 10 dpi 54 and 84; DOCX 66 and 87; OFD 54 and 82 MB.
// While the pages are typeset and written the live heap stays at 16-17 MB from the first page
// to the 5000th; the peak comes before, while the input is read and checked (the 5000-page
// text is 8.4 MB). Before: PDF 81-130 and 215-258 MB (gopdf held every page's drawing
// operations); before the streaming of f7e3f9f PDF 136-141 and 470-530 MB, DOCX 107 and 290,
// OFD 78 and 275 MB.
const memBoundMB = 200

// memGrowthMB bounds the growth of the peak per 1000 pages between the 1000- and 5000-page
// runs of one format, with room for the collector's timing (measured: PDF 8, PNG 7, DOCX 5,
// OFD 7 MB per 1000 pages, about 1.7 MB of input: reading and checking the input, which is
// held as read, decoded into lines and split into paragraphs; before this round PDF 29-35,
// PNG 11-13, DOCX 15-16, OFD 11; before the streaming 91 MB for PDF, 46 for DOCX, 49 for OFD).
var memGrowthMB = map[string]int64{"pdf": 15, "png": 15, "docx": 15, "ofd": 15}

// TestExportMemory exports generated documents of 1000 and 5000 pages in a child process and
// bounds its peak resident memory (memBoundMB, both sizes) and its growth per 1000 pages
// (memGrowthMB); it logs the CPU time, which grows linearly with the pages.
func TestExportMemory(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("peak RSS from getrusage on Linux")
	}
	if testing.Short() {
		t.Skip("exports 24000 pages")
	}
	dir := t.TempDir()
	cases := []struct {
		pages  int
		format string
		dpi    string
	}{
		{1000, "pdf", "150"},
		{5000, "pdf", "150"},
		{1000, "png", "10"}, // 150 dpi takes minutes; the pages are streamed alike
		{5000, "png", "10"},
		{1000, "docx", "150"},
		{5000, "docx", "150"},
		{1000, "ofd", "150"},
		{5000, "ofd", "150"},
	}
	peaks := map[string]map[int]int64{}
	for _, c := range cases {
		t.Run(fmt.Sprintf("%d pages %s", c.pages, c.format), func(t *testing.T) {
			in := filepath.Join(dir, fmt.Sprintf("p%d.txt", c.pages))
			if _, err := os.Stat(in); err != nil {
				os.WriteFile(in, []byte(pagesText(c.pages)), 0o644)
			}
			outDir := filepath.Join(dir, c.format+strconv.Itoa(c.pages))
			os.Mkdir(outDir, 0o755)
			args := []string{"export", "--dpi", c.dpi, "-o", filepath.Join(outDir, "out."+c.format), in}
			cmd := exec.Command(os.Args[0], "-test.run=^TestMemoryChild$", "-test.count=1")
			cmd.Env = append(os.Environ(), memChildEnv+"="+strings.Join(args, "\t"))
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("child: %v\n%s", err, out)
			}
			ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
			if !ok {
				t.Skip("no rusage")
			}
			peak := ru.Maxrss >> 10 // KB on Linux
			files, _ := os.ReadDir(outDir)
			t.Logf("%d pages → %s: peak RSS %d MB, %d files, %.1f s user", c.pages, c.format, peak, len(files), float64(ru.Utime.Sec)+float64(ru.Utime.Usec)/1e6)
			if peak > memBoundMB {
				t.Errorf("peak RSS %d MB, bound %d MB", peak, memBoundMB)
			}
			if c.format == "png" && len(files) < c.pages*9/10 {
				t.Errorf("%d PNG files for %d pages", len(files), c.pages)
			}
			if peaks[c.format] == nil {
				peaks[c.format] = map[int]int64{}
			}
			peaks[c.format][c.pages] = peak
			os.RemoveAll(outDir)
		})
	}
	for format, p := range peaks {
		a, b := p[1000], p[5000]
		if a == 0 || b == 0 {
			continue
		}
		g := (b - a) / 4
		t.Logf("%s: peak RSS grows %d MB per 1000 pages (%d → %d MB)", format, g, a, b)
		if g > memGrowthMB[format] {
			t.Errorf("%s: peak RSS grows %d MB per 1000 pages, bound %d", format, g, memGrowthMB[format])
		}
	}
}
