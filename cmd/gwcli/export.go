package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"unicode"
	"unicode/utf8"

	"gongwen/document"
	"gongwen/export/docx"
	"gongwen/export/pdf"
	"gongwen/export/png"
	"gongwen/layout"
)

const exportUsage = `用法 (usage): gwcli export [-o OUT] [--format pdf|png|docx] [--dpi N] [--system-fonts] [--boxes] INPUT

把草稿 (.yaml/.yml)、纯文本公文 (.txt) 或 Word 文档 (.docx) 按 GB/T 9704-2012 排版并导出。
Typeset a draft, a plain-text 公文 or a .docx to GB/T 9704-2012 and export it.

  -o OUT           输出文件；默认为 INPUT 换成格式的扩展名 (default: INPUT with the format's extension)
  --format F       pdf | png | docx；默认由 OUT 的扩展名决定，否则为 pdf
                   (default: from OUT's extension, else pdf)
  --dpi N          PNG 分辨率，10–600，默认 150 (PNG resolution, 10–600, default 150)
  --system-fonts   使用本机安装的公文字体（仿宋_GB2312、方正小标宋简体、黑体、楷体_GB2312），
                   没有的仍用内置字体 (use the real 公文 fonts installed on this machine)
  --boxes          PNG 中标出各要素的范围和说明（讲解模式）(PNG: outline each element, trainer's view)

多页文档导出 PNG 时每页一个文件：OUT-1.png、OUT-2.png …（只有一页时就是 OUT）。
A multi-page document exported as PNG writes one file a page: OUT-1.png, OUT-2.png, ...
(a one-page document writes OUT itself). Nothing is written when the input has errors.
`

// maxDPI is the highest PNG resolution: a page at 600 dpi is already 140 MB of pixels.
const maxDPI = 600

// exportOptions are the parsed flags of gwcli export.
type exportOptions struct {
	input, output, format string
	dpi                   float64
	systemFonts, boxes    bool
}

// parseExportArgs parses flags given before or after INPUT.
func parseExportArgs(args []string, stderr io.Writer) (exportOptions, error) {
	var o exportOptions
	f := flag.NewFlagSet("export", flag.ContinueOnError)
	f.SetOutput(io.Discard)
	f.StringVar(&o.output, "o", "", "")
	f.StringVar(&o.output, "output", "", "")
	f.StringVar(&o.format, "format", "", "")
	f.Float64Var(&o.dpi, "dpi", 150, "")
	f.BoolVar(&o.systemFonts, "system-fonts", false, "")
	f.BoolVar(&o.boxes, "boxes", false, "")
	var pos []string
	for {
		if err := f.Parse(args); err != nil {
			return o, err
		}
		args = f.Args()
		if len(args) == 0 {
			break
		}
		if args[0] == "--" {
			pos = append(pos, args[1:]...)
			break
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
	switch len(pos) {
	case 0:
		return o, errors.New("缺少输入文件 (missing INPUT)")
	case 1:
		o.input = pos[0]
	default:
		return o, fmt.Errorf("只能导出一个输入文件，多了：%s (one INPUT only)", strings.Join(pos[1:], " "))
	}
	if o.dpi < 10 || o.dpi > maxDPI {
		return o, fmt.Errorf("--dpi %s 超出范围 10–600 (out of range)", strconv.FormatFloat(o.dpi, 'f', -1, 64))
	}
	return o, nil
}

// formatOf picks the export format: the flag, else OUT's extension, else pdf.
func formatOf(o exportOptions) (string, error) {
	known := map[string]bool{"pdf": true, "png": true, "docx": true}
	if o.format != "" {
		f := strings.ToLower(o.format)
		if !known[f] {
			return "", fmt.Errorf("未知格式“%s”，可用 pdf、png、docx (unknown format)", o.format)
		}
		return f, nil
	}
	if o.output != "" {
		ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(o.output), "."))
		if known[ext] {
			return ext, nil
		}
		return "", fmt.Errorf("无法从输出文件名“%s”判断格式，请用 --format pdf|png|docx 指定 (cannot tell the format from OUT)", o.output)
	}
	return "pdf", nil
}

func cmdExport(args []string, stdout, stderr io.Writer) int {
	for _, a := range args {
		if a == "-h" || a == "--help" || a == "-help" {
			fmt.Fprint(stdout, exportUsage)
			return 0
		}
	}
	o, err := parseExportArgs(args, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "gwcli: export: %v\n%s", err, exportUsage)
		return 2
	}
	format, err := formatOf(o)
	if err != nil {
		fmt.Fprintf(stderr, "gwcli: export: %v\n", err)
		return 2
	}
	out := o.output
	if out == "" {
		out = strings.TrimSuffix(o.input, filepath.Ext(o.input)) + "." + format
	}
	if sameFile(out, o.input) {
		fmt.Fprintf(stderr, "gwcli: %s: 输出文件不能与输入文件相同 (OUT is INPUT)\n", out)
		return 1
	}

	doc, err := loadInput(o.input)
	if err == nil {
		// A missing or broken seal would otherwise fail deep in a writer (or, in the DOCX, be
		// left out with a warning): say where it is named instead.
		err = document.CheckImages(doc)
	}
	if err != nil {
		fmt.Fprintf(stderr, "gwcli: %s\n", oneLine(inputError(o.input, err)))
		return 1
	}

	fonts := layout.DefaultFonts()
	if o.systemFonts {
		fonts = layout.NewSystemFonts(nil)
		used := 0
		for _, c := range fonts.Choices() {
			if c.Used {
				used++
				fmt.Fprintf(stderr, "gwcli: 使用系统字体 %s：%s（%s）(system font)\n", roleName(c.Role), c.Family, c.File)
			} else if c.Reason != "" {
				fmt.Fprintf(stderr, "gwcli: 警告 (warning): 未用系统字体 %s（%s）：%s (system font skipped)\n", c.Family, c.File, oneLine(c.Reason))
			}
		}
		if used == 0 && format != "docx" {
			fmt.Fprintf(stderr, "gwcli: 警告 (warning): 本机没有找到公文字体（仿宋_GB2312、方正小标宋简体等），全部使用内置字体 (no system fonts found, using the bundled fonts)\n")
		}
	}

	var files []outFile
	switch format {
	case "docx":
		var b bytes.Buffer
		opts := docx.Options{Warn: func(msg string) { fmt.Fprintf(stderr, "gwcli: 警告 (warning): %s\n", oneLine(msg)) }}
		if err := docx.Write(&b, doc, opts); err != nil {
			fmt.Fprintf(stderr, "gwcli: %s: 导出 DOCX 失败：%s (export failed)\n", o.input, oneLine(err.Error()))
			return 1
		}
		files = []outFile{{out, b.Bytes()}}
	default:
		pages, err := layout.Typeset(doc, layout.Options{
			Fonts:   fonts,
			Explain: o.boxes && format == "png",
			Warn:    func(msg string) { fmt.Fprintf(stderr, "gwcli: 警告 (warning): %s\n", oneLine(msg)) },
		})
		if err != nil {
			fmt.Fprintf(stderr, "gwcli: %s: 排版失败：%s (typesetting failed)\n", o.input, oneLine(err.Error()))
			return 1
		}
		if format == "pdf" {
			var b bytes.Buffer
			if err := pdf.Write(&b, pages, fonts, metaOf(doc)); err != nil {
				fmt.Fprintf(stderr, "gwcli: %s: 生成 PDF 失败：%s (PDF failed)\n", o.input, oneLine(err.Error()))
				return 1
			}
			files = []outFile{{out, b.Bytes()}}
		} else {
			base := strings.TrimSuffix(out, filepath.Ext(out))
			ext := filepath.Ext(out)
			if ext == "" {
				ext = ".png"
			}
			for i := range pages {
				img, err := png.RenderWith(pages[i], fonts, png.Options{DPI: o.dpi, Boxes: o.boxes})
				if err != nil {
					fmt.Fprintf(stderr, "gwcli: %s: 生成 PNG 失败：%s (PNG failed)\n", o.input, oneLine(err.Error()))
					return 1
				}
				var b bytes.Buffer
				if err := png.Encode(&b, img); err != nil {
					fmt.Fprintf(stderr, "gwcli: %s: 生成 PNG 失败：%s (PNG failed)\n", o.input, oneLine(err.Error()))
					return 1
				}
				name := out
				if len(pages) > 1 {
					name = fmt.Sprintf("%s-%d%s", base, i+1, ext)
				}
				files = append(files, outFile{name, b.Bytes()})
				if o.dpi > 300 {
					// A page at 600 dpi is 140 MB of pixels: free it before the next one
					// rather than when the heap has doubled.
					runtime.GC()
				}
			}
		}
	}

	for _, f := range files {
		for _, img := range imagePaths(doc) {
			if sameFile(f.path, img) {
				fmt.Fprintf(stderr, "gwcli: %s: 输出文件不能覆盖草稿引用的图片“%s”，请换一个输出文件名 (OUT is an image of the draft)\n", f.path, img)
				return 1
			}
		}
	}
	if err := writeAll(files); err != nil {
		fmt.Fprintf(stderr, "gwcli: %s\n", oneLine(err.Error()))
		return 1
	}
	for _, f := range files {
		fmt.Fprintf(stdout, "已导出 (written) %s\n", f.path)
	}
	return 0
}

// imagePaths are the seal and signature images a document names, as paths to open.
func imagePaths(doc *document.Document) []string {
	var out []string
	add := func(p string) {
		if p == "" {
			return
		}
		if !filepath.IsAbs(p) {
			p = filepath.Join(doc.Dir, p)
		}
		out = append(out, p)
	}
	for _, is := range doc.Issuers {
		add(is.Seal)
	}
	add(doc.SignatureImage)
	return out
}

// loadInput reads INPUT like document.Load, and refuses an input without any content: an
// empty file would otherwise export as a blank page or pass the checks.
func loadInput(input string) (*document.Document, error) {
	doc, err := document.Load(input)
	if err != nil {
		return nil, err
	}
	if st, serr := os.Stat(input); serr == nil && st.Size() < 4096 {
		if b, rerr := os.ReadFile(input); rerr == nil && isBlank(b) {
			return nil, &document.Error{File: input, Msg: "文件是空的，没有任何内容 (empty file)"}
		}
	}
	if noContent(doc) {
		return nil, &document.Error{File: input, Msg: "没有标题、正文或附件，没有可处理的内容 (no title, body or attachment)"}
	}
	return doc, nil
}

// noContent reports whether a document has neither a title nor any body text, attachment
// or 整改 item: a draft of only settings, a .docx without text.
func noContent(doc *document.Document) bool {
	if strings.TrimSpace(doc.Title) != "" || len(doc.Attachments) > 0 || len(doc.Rectification) > 0 {
		return false
	}
	for _, p := range doc.Body {
		if strings.TrimSpace(p) != "" {
			return false
		}
	}
	return true
}

// isBlank reports whether b holds nothing but white space and a byte order mark.
func isBlank(b []byte) bool {
	s := strings.TrimPrefix(string(b), "\ufeff")
	return strings.TrimSpace(s) == ""
}

// inputError formats a reading error as FILE:LINE:COL: 说明 (document.Error does), or FILE: 说明.
func inputError(input string, err error) string {
	var de *document.Error
	if errors.As(err, &de) {
		return de.Error()
	}
	return input + ": " + err.Error()
}

// oneLine keeps a message on one line, and shows control and format characters (a BEL, a
// right-to-left override quoted from the input) as <U+XXXX> so that they cannot upset the
// terminal.
func oneLine(s string) string {
	s = strings.TrimSpace(s)
	s = strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", " ")), " ")
	return visible(s)
}

// visible replaces control and format characters with <U+XXXX>.
func visible(s string) string {
	if !strings.ContainsFunc(s, invisible) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if invisible(r) {
			fmt.Fprintf(&b, "<U+%04X>", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func invisible(r rune) bool {
	return r == utf8.RuneError || unicode.IsControl(r) || unicode.Is(unicode.Cf, r)
}

func roleName(r layout.Role) string {
	switch r {
	case layout.FangSong:
		return "仿宋"
	case layout.XiaoBiaoSong:
		return "小标宋"
	case layout.Hei:
		return "黑体"
	case layout.Kai:
		return "楷体"
	case layout.Song:
		return "宋体"
	}
	return string(r)
}

// metaOf is the PDF's document information: the title on one line, the issuing organs as the
// author.
func metaOf(doc *document.Document) pdf.Meta {
	var names []string
	for _, is := range doc.Issuers {
		if is.Name != "" {
			names = append(names, is.Name)
		}
	}
	// No Subject: naming the genre would mean loading the templates (20 ms of a 40 ms export).
	return pdf.Meta{
		Title:  strings.Join(strings.Fields(strings.ReplaceAll(doc.Title, "\n", "")), " "),
		Author: strings.Join(names, "、"),
	}
}

func sameFile(a, b string) bool {
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	if err1 == nil && err2 == nil {
		return os.SameFile(sa, sb)
	}
	aa, _ := filepath.Abs(a)
	ab, _ := filepath.Abs(b)
	return aa == ab
}

// outFile is one file to write.
type outFile struct {
	path string
	data []byte
}

// writeAll writes every file to a temporary file in its target folder, then renames them all
// into place, so that a failure leaves no output (or the previous output) behind.
func writeAll(files []outFile) error {
	var temps []string
	cleanup := func() {
		for _, t := range temps {
			os.Remove(t)
		}
	}
	for _, f := range files {
		dir := filepath.Dir(f.path)
		if st, err := os.Stat(f.path); err == nil && st.IsDir() {
			cleanup()
			return fmt.Errorf("%s: 这是一个文件夹，不能写成文件 (is a folder)", f.path)
		}
		tmp, err := os.CreateTemp(dir, "."+filepath.Base(f.path)+".*.tmp")
		if err != nil {
			cleanup()
			return fmt.Errorf("%s: %s", f.path, writeErrorMessage(dir, err))
		}
		temps = append(temps, tmp.Name())
		_, err = tmp.Write(f.data)
		if err == nil {
			err = tmp.Chmod(0o644)
		}
		if cerr := tmp.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			cleanup()
			return fmt.Errorf("%s: %s", f.path, writeErrorMessage(dir, err))
		}
	}
	for i, f := range files {
		if err := os.Rename(temps[i], f.path); err != nil {
			cleanup()
			return fmt.Errorf("%s: %s", f.path, writeErrorMessage(filepath.Dir(f.path), err))
		}
	}
	return nil
}

func writeErrorMessage(dir string, err error) string {
	if abs, aerr := filepath.Abs(dir); aerr == nil && (dir == "." || dir == "") {
		dir = abs // "the folder “.”" tells a user nothing
	}
	switch {
	case errors.Is(err, fs.ErrPermission):
		return fmt.Sprintf("没有写入权限，无法在文件夹“%s”中保存（请换一个输出位置，例如 -o 到你的文档文件夹）(permission denied)", dir)
	case errors.Is(err, syscall.EROFS):
		return fmt.Sprintf("文件夹“%s”在只读的磁盘上，无法保存（请换一个输出位置）(read-only file system)", dir)
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Sprintf("输出文件夹“%s”不存在 (folder does not exist)", dir)
	case errors.Is(err, syscall.ENOSPC):
		return fmt.Sprintf("文件夹“%s”所在的磁盘已满，无法保存（请清理磁盘或换一个输出位置）(no space left on device)", dir)
	}
	return "写入失败：" + err.Error() + " (write failed)"
}
