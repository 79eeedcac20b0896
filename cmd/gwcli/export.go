package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"gongwen/document"
	"gongwen/export/png"
	"gongwen/internal/safeio"
	"gongwen/layout"
	"gongwen/pipeline"
)

const exportUsage = `用法 (usage): gwcli export [-o OUT | -d OUTDIR] [--format pdf|png|ofd|docx] [--dpi N] [--strict] [--system-fonts] [--boxes] INPUT...

把草稿 (.yaml/.yml)、纯文本公文 (.txt) 或 Word 文档 (.docx) 按 GB/T 9704-2012 排版并导出。
Typeset a draft, a plain-text 公文 or a .docx to GB/T 9704-2012 and export it.

  -o OUT           输出文件（只有一个输入时）；默认为 INPUT 换成格式的扩展名；- 为标准输出
                   (one INPUT: the output file; default INPUT with the format's extension; - is stdout)
  -d OUTDIR        输出到此文件夹，保留各输入的文件名（换扩展名）(write into OUTDIR, keeping the names)
  --format F       pdf | png | ofd | docx；默认由 OUT 的扩展名决定，否则为 pdf
                   (default: from OUT's extension, else pdf)
  --dpi N          PNG 分辨率，10–600，默认 150 (PNG resolution, 10–600, default 150)
  --strict         文档有错误级问题或未填写的提示文字（【请填写……】）时不导出，退出码 1
                   (refuse to write a document with error findings or placeholder text; exit 1)
  --system-fonts   使用本机安装的公文字体（仿宋_GB2312、方正小标宋简体、黑体、楷体_GB2312），
                   没有的仍用内置字体 (use the real 公文 fonts installed on this machine)
  --boxes          PNG 中标出各要素的范围和说明（讲解模式）(PNG: outline each element, trainer's view)

INPUT 可以是几个文件或文件夹（文件夹中的 .yaml/.yml/.txt/.docx，不含子文件夹），每个文件一行进度，
最后一张汇总表；INPUT 为 - 时读标准输入。
INPUT may be several files and folders (their .yaml/.yml/.txt/.docx, not subfolders): a progress line
a file and a summary table at the end. INPUT - reads standard input.

多页文档导出 PNG 时每页一个文件：OUT-1.png、OUT-2.png …（只有一页时就是 OUT），并删除同名的旧页。
A multi-page document exported as PNG writes one file a page: OUT-1.png, OUT-2.png, ...
(a one-page document writes OUT itself); older pages of the same name beyond them are removed.
Nothing is written when the input has errors.
退出码 (exit status)：0 已导出；1 --strict 拒绝导出；2 输入无法读取、输出无法写入或用法错误。
`

// maxDPI is the highest PNG resolution: a page at 600 dpi is already 140 MB of pixels.
const maxDPI = 600

// exportOptions are the parsed flags of gwcli export.
type exportOptions struct {
	input, output, format string
	// inputs are all the INPUTs (input is the first); outDir is -d.
	inputs             []string
	outDir             string
	dpi                float64
	systemFonts, boxes bool
	strict             bool
}

// parseExportArgs parses flags given before or after INPUT.
func parseExportArgs(args []string, stderr io.Writer) (exportOptions, error) {
	var o exportOptions
	f := flag.NewFlagSet("export", flag.ContinueOnError)
	f.SetOutput(io.Discard)
	f.StringVar(&o.output, "o", "", "")
	f.StringVar(&o.output, "output", "", "")
	f.StringVar(&o.outDir, "d", "", "")
	f.StringVar(&o.format, "format", "", "")
	f.Float64Var(&o.dpi, "dpi", 150, "")
	f.BoolVar(&o.strict, "strict", false, "")
	f.BoolVar(&o.systemFonts, "system-fonts", false, "")
	f.BoolVar(&o.boxes, "boxes", false, "")
	var pos []string
	for {
		if err := f.Parse(args); err != nil {
			return o, flagError(err)
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
	if len(pos) == 0 {
		return o, errors.New("缺少输入文件 (missing INPUT)")
	}
	o.input, o.inputs = pos[0], pos
	if o.output != "" && o.outDir != "" {
		return o, errors.New("-o 和 -d 只能用一个 (-o or -d, not both)")
	}
	if o.output != "" && len(pos) > 1 {
		return o, fmt.Errorf("-o 只能用于一个输入文件；多个输入请用 -d OUTDIR，多了：%s (-o takes one INPUT; use -d)", strings.Join(pos[1:], " "))
	}
	if o.dpi < 10 || o.dpi > maxDPI {
		return o, fmt.Errorf("--dpi %s 超出范围 10–600 (out of range)", strconv.FormatFloat(o.dpi, 'f', -1, 64))
	}
	return o, nil
}

// formatOf picks the export format: the flag, else OUT's extension, else pdf.
func formatOf(o exportOptions) (string, error) {
	known := map[string]bool{"pdf": true, "png": true, "ofd": true, "docx": true}
	if o.format != "" {
		f := strings.ToLower(o.format)
		if !known[f] {
			return "", fmt.Errorf("未知格式“%s”，可用 pdf、png、ofd、docx (unknown format)", o.format)
		}
		return f, nil
	}
	if o.output != "" && o.output != "-" {
		ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(o.output), "."))
		if known[ext] {
			return ext, nil
		}
		return "", fmt.Errorf("无法从输出文件名“%s”判断格式，请用 --format pdf|png|ofd|docx 指定 (cannot tell the format from OUT)", o.output)
	}
	return "pdf", nil
}

// Exit statuses, the same for every command (README, "命令行"): 0 done; 1 the document has
// errors (check found error findings, export --strict refused); 2 could not do it (usage,
// an input that cannot be read, an output that cannot be written).
const (
	exitOK       = 0
	exitFindings = 1
	exitFailure  = 2
)

func cmdExport(args []string, stdout, stderr io.Writer) int {
	for _, a := range args {
		if a == "-h" || a == "--help" || a == "-help" {
			fmt.Fprint(stdout, exportUsage)
			return exitOK
		}
	}
	o, err := parseExportArgs(args, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "gwcli: export: %v\n%s", err, exportUsage)
		return exitFailure
	}
	format, err := formatOf(o)
	if err != nil {
		fmt.Fprintf(stderr, "gwcli: export: %v\n", err)
		return exitFailure
	}
	ins, errs := expandInputs(o.inputs)
	if o.output != "" && len(ins) > 1 {
		fmt.Fprintf(stderr, "gwcli: export: -o 只能用于一个输入文件；文件夹 %s 中有 %d 个，请用 -d OUTDIR (-o takes one INPUT; use -d)\n", o.input, len(ins))
		return exitFailure
	}
	batch := len(o.inputs) > 1 || len(errs) > 0 || len(ins) != len(o.inputs)
	if o.outDir != "" {
		if st, err := os.Stat(o.outDir); err != nil || !st.IsDir() {
			fmt.Fprintf(stderr, "gwcli: export: -d %s：输出文件夹不存在或不是文件夹 (OUTDIR is not a folder)\n", o.outDir)
			return exitFailure
		}
	}
	var fonts *layout.Fonts
	status := exitOK
	var rows []summaryRow
	for _, e := range errs {
		fmt.Fprintf(stderr, "gwcli: %s\n", oneLine(e.Error()))
		rows = append(rows, summaryRow{input: e.path, status: "无法读取 (unreadable)"})
		status = exitFailure
	}
	for i, in := range ins {
		if fonts == nil {
			fonts = exportFonts(o, format, stderr)
		}
		out := exportTarget(o, in, format)
		r := exportOne(o, in, out, format, fonts, stdout, stderr)
		if batch {
			fmt.Fprintf(stderr, "[%d/%d] %s → %s：%s\n", i+1, len(ins), in, out, r.status)
		}
		r.input, r.output = in, out
		rows = append(rows, r)
		status = max(status, r.code)
	}
	if batch {
		printSummary(stdout, rows)
	}
	return status
}

// exportTarget is where INPUT goes: -o, or INPUT's name with the format's extension (in
// -d OUTDIR when given); standard input goes to standard output unless -o names a file.
func exportTarget(o exportOptions, in, format string) string {
	if o.output != "" {
		return o.output
	}
	if in == "-" {
		if o.outDir != "" {
			return filepath.Join(o.outDir, "stdin."+format)
		}
		return "-"
	}
	name := strings.TrimSuffix(in, filepath.Ext(in)) + "." + format
	if o.outDir != "" {
		name = filepath.Join(o.outDir, filepath.Base(name))
	}
	return name
}

// exportFonts is the font set of the run: bundled, or the system's with a line per role.
func exportFonts(o exportOptions, format string, stderr io.Writer) *layout.Fonts {
	if !o.systemFonts {
		return layout.DefaultFonts()
	}
	fonts := layout.NewSystemFonts(nil)
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
	return fonts
}

// exportOne exports one INPUT to out ("-": standard output) and returns its summary row.
func exportOne(o exportOptions, in, out, format string, fonts *layout.Fonts, stdout, stderr io.Writer) summaryRow {
	fail := func(msg string) summaryRow {
		fmt.Fprintf(stderr, "gwcli: %s\n", oneLine(msg))
		return summaryRow{status: "失败 (failed)", code: exitFailure}
	}
	if out != "-" && sameFile(out, in) {
		return fail(out + ": 输出文件不能与输入文件相同 (OUT is INPUT)")
	}
	if out != "-" {
		// Refuse a device, FIFO or folder before the work, not after it.
		if err := safeio.CheckOutput(out); err != nil {
			return fail(err.Error() + "，不能写成文件 (cannot be written as a file)")
		}
	}
	doc, err := loadInput(in)
	var d *pipeline.Draft
	p := newPipeline(fonts)
	if err == nil {
		// The same preparation as the app's: the genre's generated parts (a 整改方案's plan
		// and task list), the images read once. A missing or broken seal would otherwise
		// fail deep in a writer: say where it is named instead.
		d = p.Prepare(doc, "")
		d.Raw = rawText(in)
		err = d.Ready()
	}
	if err != nil {
		return fail(inputError(in, err))
	}
	printWarnings(stderr, "", doc)
	set := outSet{avoid: imagePaths(doc)}
	warn := func(msg string) { fmt.Fprintf(stderr, "gwcli: 警告 (warning): %s\n", oneLine(msg)) }
	// Say what is being written (issue 11.6): error findings and unfilled prompts.
	errs, prompts := documentFindings(p, d)
	row := summaryRow{errors: errs, prompts: prompts}
	// Only the findings needed the input as read: a long text is held once from here on.
	d.ForgetInput()
	if errs > 0 || prompts > 0 {
		fmt.Fprintf(stderr, "gwcli: %s: 注意 (note): %s；用 gwcli check %s 查看 (see gwcli check)\n", in, findingsText(errs, prompts), in)
		if o.strict {
			fmt.Fprintf(stderr, "gwcli: %s: --strict：有错误或未填写的提示文字，未导出 (not written)\n", in)
			row.status, row.code = "拒绝 (refused)", exitFindings
			return row
		}
	}

	switch format {
	case "docx":
		w, err := set.create(out, stdout)
		if err != nil {
			return fail(err.Error())
		}
		if err := p.WriteDOCX(w, d, warn); err != nil {
			set.abort()
			return fail(fmt.Sprintf("%s: 导出 DOCX 失败：%s (export failed)", in, oneLine(err.Error())))
		}
		row.pages = -1
	case "ofd":
		// Each page goes into the package as the layout hands it over, as for the PDF.
		w, err := set.create(out, stdout)
		if err != nil {
			return fail(err.Error())
		}
		ow := p.OFDWriter(w, d)
		n, err := p.Pages(d, pipeline.TypesetOptions{Warn: warn}, func(pg layout.Page, _ []layout.Record) error {
			return writeErr(ow.Add(&pg))
		})
		if err == nil {
			err = writeErr(ow.Finish())
		}
		if err != nil {
			set.abort()
			if errors.As(err, new(pageWriteError)) {
				return fail(fmt.Sprintf("%s: 生成 OFD 失败：%s (OFD failed)", in, oneLine(err.Error())))
			}
			return fail(fmt.Sprintf("%s: 排版失败：%s (typesetting failed)", in, oneLine(err.Error())))
		}
		row.pages = n
	case "pdf":
		// The pages go to the PDF as the layout hands them over: memory holds the last
		// pages of the layout, not the whole document.
		w, err := set.create(out, stdout)
		if err != nil {
			return fail(err.Error())
		}
		pw, err := p.PDFWriter(w, d)
		n := 0
		if err == nil {
			n, err = p.Pages(d, pipeline.TypesetOptions{Warn: warn}, func(pg layout.Page, _ []layout.Record) error {
				return writeErr(pw.Add(&pg))
			})
		} else {
			err = writeErr(err)
		}
		if err == nil {
			err = writeErr(pw.Finish())
		}
		if err != nil {
			set.abort()
			if errors.As(err, new(pageWriteError)) {
				return fail(fmt.Sprintf("%s: 生成 PDF 失败：%s (PDF failed)", in, oneLine(err.Error())))
			}
			return fail(fmt.Sprintf("%s: 排版失败：%s (typesetting failed)", in, oneLine(err.Error())))
		}
		row.pages = n
	default:
		n, err := exportPNG(p, d, o, in, out, &set, warn, stdout)
		if err != nil {
			set.abort()
			return fail(err.Error())
		}
		row.pages = n
	}
	if err := set.commit(); err != nil {
		return fail(err.Error())
	}
	if format == "png" && out != "-" {
		removeStalePages(out, row.pages, set.avoid, stderr)
	}
	for _, f := range set.files {
		fmt.Fprintf(stdout, "已导出 (written) %s\n", f.Path())
	}
	row.status = "已导出 (written)"
	return row
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

// stdin is what INPUT "-" reads (a variable for the tests).
var stdin io.Reader = os.Stdin

// loadInput reads INPUT like document.Load ("-": standard input, see readStdin), and refuses
// an input without any content: an empty file would otherwise export as a blank page or pass
// the checks.
func loadInput(input string) (*document.Document, error) {
	var doc *document.Document
	var err error
	if input == "-" {
		doc, err = readStdin(stdin)
	} else {
		// an imported text or Word document takes its genre from the template set
		doc, err = loadDocument(input)
	}
	if err != nil {
		return nil, err
	}
	if input != "-" {
		if st, serr := os.Stat(input); serr == nil && st.Size() < 4096 {
			if b, rerr := readRegular(input); rerr == nil && isBlank(b) {
				return nil, &document.Error{File: input, Msg: "文件是空的，没有任何内容 (empty file)"}
			}
		}
	}
	if noContent(doc) {
		return nil, &document.Error{File: inputName(input), Msg: "没有标题、正文或附件，没有可处理的内容 (no title, body or attachment)"}
	}
	return doc, nil
}

// inputName is INPUT as messages name it.
func inputName(input string) string {
	if input == "-" {
		return stdinName
	}
	return input
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

// pageWriteError is a writer's failure on a page, told apart from the layout's.
type pageWriteError struct{ err error }

func (e pageWriteError) Error() string { return e.err.Error() }
func (e pageWriteError) Unwrap() error { return e.err }

// writeErr marks a writer's error (nil stays nil).
func writeErr(err error) error {
	if err == nil {
		return nil
	}
	return pageWriteError{err}
}

// exportPNG renders the pages to PNG files as the layout hands them over (one page of
// pixels in memory at a time) and returns their number. The first page is held until the
// second arrives: a one-page document is OUT itself, a longer one OUT-1.png, OUT-2.png ...
func exportPNG(p *pipeline.Pipeline, d *pipeline.Draft, o exportOptions, in, out string, set *outSet, warn func(string), stdout io.Writer) (int, error) {
	pngFail := func(err error) error {
		return fmt.Errorf("%s: 生成 PNG 失败：%s (PNG failed)", in, oneLine(err.Error()))
	}
	var first []byte // the first page, encoded, until the count is known
	k := 0           // pages rendered
	write := func(name string, data []byte) error {
		w, err := set.create(name, stdout)
		if err == nil {
			_, err = w.Write(data)
		}
		return err
	}
	var buf bytes.Buffer
	n, err := p.Pages(d, pipeline.TypesetOptions{Explain: o.boxes, Warn: warn}, func(pg layout.Page, _ []layout.Record) error {
		img, err := p.RenderPNG(pg, o.dpi, o.boxes)
		if err != nil {
			return writeErr(err)
		}
		buf.Reset()
		if err := png.Encode(&buf, img); err != nil {
			return writeErr(err)
		}
		img = nil
		if o.dpi > 300 {
			// A page at 600 dpi is 140 MB of pixels: free it before the next one
			// rather than when the heap has doubled.
			runtime.GC()
		}
		k++
		if k == 1 {
			first = bytes.Clone(buf.Bytes())
			return nil
		}
		if out == "-" {
			return fmt.Errorf("多页 PNG 不能写到标准输出，请用 -o 指定文件 (a multi-page PNG cannot go to standard output)")
		}
		if first != nil {
			if err := write(pngPage(out, 1), first); err != nil {
				return writeErr(err)
			}
			first = nil
		}
		return writeErr(write(pngPage(out, k), buf.Bytes()))
	})
	if err != nil {
		var we pageWriteError
		if errors.As(err, &we) {
			return n, pngFail(we.err)
		}
		if strings.HasPrefix(err.Error(), "多页 PNG") {
			return n, fmt.Errorf("%s: 有多页，%s", in, err.Error())
		}
		return n, fmt.Errorf("%s: 排版失败：%s (typesetting failed)", in, oneLine(err.Error()))
	}
	if first != nil {
		if err := write(out, first); err != nil {
			return n, pngFail(err)
		}
	}
	return n, nil
}
