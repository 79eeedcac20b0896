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

// TestExportMemory exports generated documents of 1000 and 5000 pages in a child process and
// bounds its peak resident memory: 400 MB at 1000 pages, PDF and PNG (at d3b518c the PNG
// export held every page's file: 771 MB at 609 pages at 150 dpi), and 1200 MB at 5000 pages.
// The bound is not the same at 5000 pages: the layout still holds every line of the document
// until it is paginated (measured 144–157 MB at 1000 pages; 636–980 MB at 5000, depending on
// when the collector runs on a loaded machine); the writers no longer grow with the page count.
func TestExportMemory(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("peak RSS from getrusage on Linux")
	}
	if testing.Short() {
		t.Skip("exports 6000 pages")
	}
	dir := t.TempDir()
	cases := []struct {
		pages  int
		format string
		dpi    string
		// maxMB is the bound on the child's peak RSS.
		maxMB int64
	}{
		{1000, "pdf", "150", 400},
		{1000, "png", "50", 400},  // 150 dpi takes minutes; the pages are streamed alike
		{5000, "pdf", "150", 800}, // measured 500–530 MB after layout's one-byte ids (was 790–980); not yet flat
	}
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
			if peak > c.maxMB {
				t.Errorf("peak RSS %d MB, bound %d MB", peak, c.maxMB)
			}
			if c.format == "png" && len(files) < c.pages*9/10 {
				t.Errorf("%d PNG files for %d pages", len(files), c.pages)
			}
			os.RemoveAll(outDir)
		})
	}
}
