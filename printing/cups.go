//go:build !windows

package printing

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Printers lists the CUPS destinations and the default one ("" when none is set).
func Printers() (names []string, def string, err error) {
	if _, err := exec.LookPath("lpstat"); err != nil {
		return nil, "", fmt.Errorf("找不到 CUPS 的 lpstat，无法列出打印机（CUPS is not installed）")
	}
	out, err := lpstat("-e")
	if err != nil {
		// no destinations at all is an error exit for some CUPS versions
		if len(bytes.TrimSpace(out)) == 0 {
			return nil, "", nil
		}
		return nil, "", fmt.Errorf("列出打印机失败（lpstat failed）：%s", firstLine(out, err))
	}
	for _, l := range strings.Split(string(out), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			names = append(names, l)
		}
	}
	if out, err := lpstat("-d"); err == nil {
		// "system default destination: NAME" (LC_ALL=C)
		if _, after, ok := strings.Cut(string(out), ":"); ok && strings.Contains(string(out), "default destination") {
			def = strings.TrimSpace(after)
		}
	}
	return names, def, nil
}

func lpstat(args ...string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, "lpstat", args...)
	cmd.Env = append(os.Environ(), "LC_ALL=C", "LANG=C")
	return cmd.CombinedOutput()
}

// Args returns the `lp` arguments of a job (the PDF comes on standard input).
func (j *Job) Args() []string {
	args := []string{}
	if j.Printer != "" {
		args = append(args, "-d", j.Printer)
	}
	args = append(args, "-n", strconv.Itoa(j.copies()))
	if j.Title != "" {
		args = append(args, "-t", j.Title)
	}
	if len(j.Ranges) > 0 {
		args = append(args, "-o", "page-ranges="+FormatRanges(j.Ranges))
	}
	if j.TwoSided {
		args = append(args, "-o", "sides=two-sided-long-edge")
	} else {
		args = append(args, "-o", "sides=one-sided")
	}
	// 公文 pages are A4 and already laid out: no scaling, no page fitting
	args = append(args, "-o", "media=A4", "-o", "fit-to-page=false", "-o", "print-scaling=none")
	if j.copies() > 1 {
		args = append(args, "-o", "collate=true")
	}
	return append(args, "-")
}

var requestID = regexp.MustCompile(`request id is (\S+)`)

// SystemDialog is false where the app asks for copies, pages and sides itself (CUPS).
const SystemDialog = false

// ErrCanceled is returned when the user closes the print dialog without printing.
var ErrCanceled = errors.New("已取消打印（printing canceled）")

// Print sends the job to CUPS with `lp` and returns the job id CUPS gave it.
func Print(j Job) (string, error) {
	if j.PDF == nil {
		return "", fmt.Errorf("没有可打印的内容（nothing to print）")
	}
	lp, err := exec.LookPath("lp")
	if err != nil {
		return "", fmt.Errorf("找不到 CUPS 的 lp 命令，无法打印；请安装 CUPS（cups-client）或先导出 PDF（CUPS is not installed）")
	}
	if j.Printer == "" {
		names, def, err := Printers()
		if err != nil {
			return "", err
		}
		if len(names) == 0 {
			return "", ErrNoPrinter
		}
		if def == "" {
			j.Printer = names[0]
		}
	}
	data, err := j.PDF()
	if err != nil {
		return "", err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, lp, j.Args()...)
	cmd.Env = append(os.Environ(), "LC_ALL=C", "LANG=C")
	cmd.Stdin = bytes.NewReader(data)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("打印失败（lp）：%s", firstLine(out, err))
	}
	if m := requestID.FindSubmatch(out); m != nil {
		return string(m[1]), nil
	}
	return "", nil
}

func firstLine(out []byte, err error) string {
	s := strings.TrimSpace(string(out))
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if s == "" && err != nil {
		s = err.Error()
	}
	return s
}
