package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"

	"gongwen/check"
	"gongwen/document"
	"gongwen/internal/safeio"
	"gongwen/pipeline"
	"gongwen/templates"
)

const checkUsage = `用法 (usage): gwcli check [--json] [--genre ID] [--no-layout] INPUT...
  检查草稿（.yaml）、纯文本（.txt）或 Word 文档（.docx）是否符合 GB/T 9704-2012 和《党政机关公文处理工作条例》。
  每条问题一行：FILE:LINE:COL: 级别 规则 说明 [条款]
  --json       输出 JSON 数组（rule, severity, clause, message, line, column, text, fix）
  --genre ID   按指定文种模板检查（如 qingshi）；默认取草稿的 genre，或从标题的文种判断
  --no-layout  不排版，跳过版面规则（首页有正文、落款不单独成页、印章位置、版记在偶数页），更快；
               默认排版并检查它们，与软件的预览相同（--layout 仍可用，即默认）
               (skip typesetting and the layout rules; by default they run, as in the app)
  INPUT 可以是几个文件或文件夹（其中的 .yaml/.yml/.txt/.docx）：每个文件一行进度（标准错误），
  最后一张汇总表；- 为标准输入。(several files and folders: a progress line each, a summary table)
  退出码：0 无错误；1 有错误（error）；2 有输入（或它引用的印章、签名章图片）无法读取
`

const fixUsage = `用法 (usage): gwcli fix [-o OUT] INPUT
  只做机械性修正（发文字号的括号、“第”字和虚位，汉字或补零的日期，中文中的半角标点，
  主送机关末尾的冒号、抄送末尾的句号），输入的其余每个字节保持原样。
  不给 -o（或 -o -）时把修正后的全文写到标准输出；-o 可以就是 INPUT（就地修正）。
  .docx 不能直接修正：请先 gwcli import 转为草稿。
  退出码：0 成功；2 输入无法读取或输出无法写入（不写出任何文件）
`

const importUsage = `用法 (usage): gwcli import [-o OUT.yaml] INPUT
  把纯文本（.txt）或 Word 文档（.docx）公文转为草稿（.yaml）；不给 -o（或 -o -）时写到标准输出。
  OUT 不能是 INPUT 本身，也不覆盖较新版本保存的草稿。
  退出码：0 成功；2 输入无法读取或输出无法写入（不写出任何文件）
`

// jsonFinding is one finding in gwcli check --json.
type jsonFinding struct {
	File     string `json:"file"`
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Clause   string `json:"clause"`
	Message  string `json:"message"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Text     string `json:"text"`
	Fix      string `json:"fix"`
}

// loadGenre finds a genre template by id (or by 文种 name); nil when none matches. The
// templates (built-in and the user's folder) are loaded once.
func loadGenre(id string) *templates.Genre {
	if id == "" {
		return nil
	}
	set := templateSet()
	if g, ok := set.Genre(id); ok {
		return g
	}
	return set.ByName(id)
}

func cmdCheck(args []string, stdout, stderr io.Writer) int {
	var (
		asJSON     bool
		withLayout = true // the app's preview typesets and runs the layout rules too
		genreID    string
		inputs     []string
	)
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "-h" || a == "--help":
			fmt.Fprint(stdout, checkUsage)
			return 0
		case a == "--json" || a == "-json":
			asJSON = true
		case a == "--layout" || a == "-layout":
			withLayout = true // the default; kept for scripts written before it was
		case a == "--no-layout" || a == "-no-layout":
			withLayout = false
		case a == "--genre" || a == "-genre":
			if i+1 >= len(args) {
				fmt.Fprintf(stderr, "gwcli check: --genre 缺少文种模板 ID\n%s", checkUsage)
				return 2
			}
			i++
			genreID = args[i]
		case strings.HasPrefix(a, "--genre="):
			genreID = strings.TrimPrefix(a, "--genre=")
		case strings.HasPrefix(a, "-") && a != "-":
			fmt.Fprintf(stderr, "gwcli check: 未知选项 %q\n%s", a, checkUsage)
			return 2
		default:
			inputs = append(inputs, a)
		}
	}
	if len(inputs) == 0 {
		fmt.Fprint(stderr, checkUsage)
		return 2
	}
	var g *templates.Genre
	if genreID != "" {
		if g = loadGenre(genreID); g == nil {
			fmt.Fprintf(stderr, "gwcli check: 没有文种模板 %q（gwcli templates list 列出可用模板）\n", genreID)
			return 2
		}
	}
	status := 0
	all := []jsonFinding{}
	// Folders stand for their inputs; several inputs get a progress line each and a table.
	files, ierrs := expandInputs(inputs)
	batch := len(inputs) > 1 || len(ierrs) > 0 || len(files) != len(inputs)
	var rows []summaryRow
	for _, e := range ierrs {
		fmt.Fprintf(stderr, "gwcli check: %s\n", oneLine(e.Error()))
		rows = append(rows, summaryRow{input: e.path, status: "无法读取 (unreadable)", code: exitFailure})
		status = exitFailure
	}
	for i, in := range files {
		row := summaryRow{input: in, status: "通过 (ok)"}
		doc, err := loadInput(in)
		if err != nil {
			fmt.Fprintf(stderr, "gwcli check: %s\n", loadMessage(inputName(in), err))
			status = exitFailure
			row.status, row.code = "无法读取 (unreadable)", exitFailure
			rows = append(rows, row)
			if batch {
				fmt.Fprintf(stderr, "[%d/%d] %s：%s\n", i+1, len(files), in, row.status)
			}
			continue
		}
		printWarnings(stderr, " check", doc)
		p := newPipeline(nil)
		var d *pipeline.Draft
		if g != nil {
			d = p.PrepareAs(doc, g)
		} else {
			d = p.Prepare(doc, "")
		}
		d.Raw = rawText(in)
		if err := d.ImageErr; err != nil {
			// The seal or signature stamp is an input too: one that cannot be read.
			fmt.Fprintf(stderr, "gwcli check: %s\n", loadMessage(in, err))
			status = exitFailure
			row.status, row.code = "图片无法读取 (image unreadable)", exitFailure
		}
		var fs []check.Finding
		if withLayout {
			// typeset as a stream: only the Records are kept for the layout rules
			var err error
			fs, err = p.CheckLaidOut(d, nil)
			if err != nil {
				// An element that cannot be laid out (a 版记 longer than a page, 签发人 beyond
				// page 1) is an error of the document, reported like a finding.
				fs = append(fs, check.Finding{Rule: "layout-fails", Severity: check.SeverityError, Clause: "GB/T 9704-2012 7",
					Message: "无法排版 (cannot be laid out)：" + oneLine(err.Error())})
			}
		} else {
			fs = p.Check(d, nil)
		}
		for _, f := range fs {
			if strings.HasPrefix(f.Rule, "placeholder") {
				row.prompts++
			} else if f.Severity == check.SeverityError {
				row.errors++
			}
			if f.Severity == check.SeverityError && status == 0 {
				status = exitFindings
			}
			if asJSON {
				all = append(all, jsonFinding{File: in, Rule: f.Rule, Severity: f.Severity, Clause: f.Clause,
					Message: f.Message, Line: f.Line, Column: f.Column, Text: f.Text, Fix: f.Fix})
				continue
			}
			at := fmt.Sprintf("%s:%d:%d", in, f.Line, f.Column)
			if f.Line <= 0 {
				at = in // a finding about the whole document (a missing element) has no place
			}
			fmt.Fprintf(stdout, "%s: %s %s %s [%s]\n", at, f.Severity, f.Rule, visible(f.Message), f.Clause)
		}
		if row.code == exitOK && row.errors+row.prompts > 0 {
			row.status, row.code = "有错误 (errors)", exitFindings
		}
		if batch {
			fmt.Fprintf(stderr, "[%d/%d] %s：%s\n", i+1, len(files), in, row.status)
		}
		rows = append(rows, row)
	}
	if batch && !asJSON {
		printSummary(stdout, rows)
	}
	if asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(all); err != nil {
			fmt.Fprintf(stderr, "gwcli check: %v\n", err)
			return 2
		}
	}
	return status
}

// rawText returns the bytes of a plain-text input (for the rules that read the raw text), or nil.
func rawText(file string) []byte {
	switch strings.ToLower(filepath.Ext(file)) {
	case ".txt", ".text":
		if b, err := readRegular(file); err == nil {
			return b
		}
	}
	return nil
}

// loadMessage is the message for an input that cannot be read.
func loadMessage(file string, err error) string {
	var de *document.Error
	if errors.As(err, &de) {
		return oneLine(de.Error())
	}
	return oneLine(fmt.Sprintf("%s: 无法读取：%v", file, err))
}

// parseOut reads [-o OUT] INPUT.
func parseOut(name, usage string, args []string, stdout, stderr io.Writer) (out, in string, code int, ok bool) {
	var inputs []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "-h" || a == "--help":
			fmt.Fprint(stdout, usage)
			return "", "", 0, false
		case a == "-o" || a == "--output":
			if i+1 >= len(args) {
				fmt.Fprintf(stderr, "gwcli %s: -o 缺少输出文件\n%s", name, usage)
				return "", "", 2, false
			}
			i++
			out = args[i]
		case strings.HasPrefix(a, "-o="):
			out = strings.TrimPrefix(a, "-o=")
		case strings.HasPrefix(a, "-") && a != "-":
			fmt.Fprintf(stderr, "gwcli %s: 未知选项 %q\n%s", name, a, usage)
			return "", "", 2, false
		default:
			inputs = append(inputs, a)
		}
	}
	if len(inputs) != 1 {
		fmt.Fprint(stderr, usage)
		return "", "", 2, false
	}
	if out == "-" {
		out = "" // "-o -" is standard output, as for templates new
	}
	return out, inputs[0], 0, true
}

// edit replaces the bytes [start, end) of the input.
type edit struct {
	start, end int
	repl       string
	rule       string
}

// fixEdits turns the mechanical findings into byte edits on the raw input. A finding whose
// place cannot be mapped back exactly (the text at line:col differs from the finding's text,
// or the text runs over a line break) is left alone.
func fixEdits(raw []byte, doc *document.Document, fs []check.Finding) []edit {
	// byte offset of the start of each line (1-based lines)
	lineStart := []int{0, 0}
	for i, b := range raw {
		if b == '\n' {
			lineStart = append(lineStart, i+1)
		}
	}
	byteAt := func(line, col int) (int, bool) {
		if line < 1 || line >= len(lineStart) || col < 1 {
			return 0, false
		}
		p := lineStart[line]
		for k := 1; k < col; k++ {
			if p >= len(raw) || raw[p] == '\n' {
				return 0, false
			}
			_, n := utf8.DecodeRune(raw[p:])
			p += n
		}
		return p, true
	}
	var es []edit
	for _, f := range fs {
		if !check.AutoApplicable(f) || f.Line == 0 || f.Text == "" && f.Fix == "" {
			continue
		}
		start, ok := byteAt(f.Line, f.Column)
		if !ok {
			continue
		}
		end := start + len(f.Text)
		if end > len(raw) || string(raw[start:end]) != f.Text || strings.Contains(f.Text, "\n") {
			continue
		}
		es = append(es, edit{start, end, f.Fix, f.Rule})
	}
	sort.SliceStable(es, func(i, j int) bool { return es[i].start < es[j].start })
	// drop overlapping edits (the first wins)
	var out []edit
	last := -1
	for _, e := range es {
		if e.start < last || (e.start == e.end && e.start == last) {
			continue
		}
		out = append(out, e)
		last = e.end
	}
	return out
}

func applyEdits(raw []byte, es []edit) []byte {
	var b bytes.Buffer
	p := 0
	for _, e := range es {
		b.Write(raw[p:e.start])
		b.WriteString(e.repl)
		p = e.end
	}
	b.Write(raw[p:])
	return b.Bytes()
}

func cmdFix(args []string, stdout, stderr io.Writer) int {
	out, in, code, ok := parseOut("fix", fixUsage, args, stdout, stderr)
	if !ok {
		return code
	}
	if strings.EqualFold(filepath.Ext(in), ".docx") {
		fmt.Fprintf(stderr, "gwcli fix: %s: 不能直接修正 Word 文档（.docx）。请先用 gwcli import 转为草稿（.yaml），修正草稿后再导出\n", in)
		return 2
	}
	// Load first: it says in Chinese why a file cannot be read (missing, a folder, no permission).
	doc, err := loadDocument(in)
	if err != nil {
		fmt.Fprintf(stderr, "gwcli fix: %s\n", loadMessage(in, err))
		return 2
	}
	raw, err := readRegular(in)
	if err != nil {
		fmt.Fprintf(stderr, "gwcli fix: %s\n", loadMessage(in, err))
		return 2
	}
	if out != "" {
		if err := checkOutput(out, ""); err != nil {
			fmt.Fprintf(stderr, "gwcli fix: %s\n", oneLine(err.Error()))
			return 2
		}
	}
	// The edits are made on UTF-8 text without its byte order mark, where the findings'
	// columns are counted; the mark and the encoding are put back afterwards.
	text, restore, ok := fixableText(in, raw)
	if !ok {
		fmt.Fprintf(stderr, "gwcli fix: %s: 无法识别此文件的编码，未作修改；请以 UTF-8 保存后再试 (unknown encoding, nothing fixed)\n", in)
		return 2
	}
	// Repeat: a fix can reveal another (a bracket fixed, then its leading zero).
	fixed := text
	total := 0
	for round := 0; round < 3; round++ {
		var raw []byte
		if !strings.HasSuffix(strings.ToLower(in), ".yaml") && !strings.HasSuffix(strings.ToLower(in), ".yml") {
			raw = fixed
		}
		es := fixEdits(fixed, doc, check.Run(doc, nil, check.Options{Raw: raw}))
		if len(es) == 0 {
			break
		}
		fixed = applyEdits(fixed, es)
		total += len(es)
		doc, err = reload(in, fixed)
		if err != nil {
			break
		}
	}
	fixed = restore(fixed)
	if out == "" {
		if _, err := stdout.Write(fixed); err != nil {
			fmt.Fprintf(stderr, "gwcli fix: %v\n", err)
			return 2
		}
	} else if err := writeOutput(out, fixed); err != nil {
		fmt.Fprintf(stderr, "gwcli fix: %s\n", oneLine(err.Error()))
		return 2
	}
	fmt.Fprintf(stderr, "gwcli fix: %s: 修正 %d 处\n", in, total)
	return 0
}

// fixableText returns the input as UTF-8 without a byte order mark, and the function that
// turns fixed text back into the input's form (the mark, GB18030). ok is false for an
// encoding that would not come back byte for byte (UTF-16, invalid bytes).
func fixableText(file string, raw []byte) (text []byte, restore func([]byte) []byte, ok bool) {
	bom := []byte("\ufeff")
	if bytes.HasPrefix(raw, bom) {
		return raw[len(bom):], func(b []byte) []byte { return append(append([]byte(nil), bom...), b...) }, true
	}
	if utf8.Valid(raw) {
		return raw, func(b []byte) []byte { return b }, true
	}
	switch strings.ToLower(filepath.Ext(file)) {
	case ".txt", ".text":
	default:
		return nil, nil, false
	}
	// UTF-16 with a byte order mark (Notepad's "Unicode"), as document.ImportText reads it.
	for _, u := range []struct {
		e   xunicode.Endianness
		bom []byte
	}{{xunicode.LittleEndian, []byte{0xFF, 0xFE}}, {xunicode.BigEndian, []byte{0xFE, 0xFF}}} {
		if !bytes.HasPrefix(raw, u.bom) {
			continue
		}
		enc := xunicode.UTF16(u.e, xunicode.ExpectBOM)
		dec, err := enc.NewDecoder().Bytes(raw)
		if err != nil || !utf8.Valid(dec) {
			return nil, nil, false
		}
		if back, err := enc.NewEncoder().Bytes(dec); err != nil || !bytes.Equal(back, raw) {
			return nil, nil, false
		}
		return dec, func(b []byte) []byte {
			out, err := enc.NewEncoder().Bytes(b)
			if err != nil {
				return raw
			}
			return out
		}, true
	}
	// GBK/GB18030, as document.ImportText reads it; only when it round-trips exactly.
	dec, err := simplifiedchinese.GB18030.NewDecoder().Bytes(raw)
	if err != nil || !utf8.Valid(dec) {
		return nil, nil, false
	}
	if back, err := simplifiedchinese.GB18030.NewEncoder().Bytes(dec); err != nil || !bytes.Equal(back, raw) {
		return nil, nil, false
	}
	return dec, func(b []byte) []byte {
		out, err := simplifiedchinese.GB18030.NewEncoder().Bytes(b)
		if err != nil {
			return raw // cannot happen: the fixes are GB18030 characters
		}
		return out
	}, true
}

// reload parses fixed bytes as the same kind of input as file.
func reload(file string, data []byte) (*document.Document, error) {
	switch strings.ToLower(filepath.Ext(file)) {
	case ".yaml", ".yml":
		return document.Parse(file, data)
	default:
		return document.ImportText(file, data, pipeline.Genres(templateSet()))
	}
}

func cmdImport(args []string, stdout, stderr io.Writer) int {
	out, in, code, ok := parseOut("import", importUsage, args, stdout, stderr)
	if !ok {
		return code
	}
	if out != "" {
		if err := checkOutput(out, in); err != nil {
			fmt.Fprintf(stderr, "gwcli import: %s\n", oneLine(err.Error()))
			return 2
		}
	}
	doc, err := loadInput(in)
	if err != nil {
		fmt.Fprintf(stderr, "gwcli import: %s\n", loadMessage(in, err))
		return 2
	}
	printWarnings(stderr, " import", doc)
	if miss := document.NotFound(doc); len(miss) > 0 {
		fmt.Fprintf(stderr, "gwcli import: %s: 未找到 (not found)：%s\n", in, strings.Join(miss, "、"))
	}
	data, err := document.Marshal(doc)
	if err != nil {
		fmt.Fprintf(stderr, "gwcli import: %s: 无法生成草稿：%v\n", in, err)
		return 2
	}
	if out == "" {
		if _, err := stdout.Write(data); err != nil {
			fmt.Fprintf(stderr, "gwcli import: %v\n", err)
			return 2
		}
		return 0
	}
	if err := writeOutput(out, data); err != nil {
		fmt.Fprintf(stderr, "gwcli import: %s\n", oneLine(err.Error()))
		return 2
	}
	return 0
}

// checkOutput refuses an OUT that would lose the user's work: the input itself (when in is
// not empty), a folder, or a draft saved by a newer version of Gongwen.
func checkOutput(out, in string) error {
	if in != "" && sameFile(out, in) {
		return fmt.Errorf("%s: 输出文件不能与输入文件相同，否则会覆盖原文 (OUT is INPUT)", out)
	}
	st, err := os.Stat(out)
	if err != nil {
		return nil // a new file: writeOutput says why it cannot be written, if it cannot
	}
	if st.IsDir() {
		return fmt.Errorf("%s: 这是一个文件夹，不能写成文件 (is a folder)", out)
	}
	if !st.Mode().IsRegular() {
		return fmt.Errorf("%s: 不是普通文件，不能覆盖 (not a regular file)", out)
	}
	switch strings.ToLower(filepath.Ext(out)) {
	case ".yaml", ".yml":
		if data, err := readRegular(out); err == nil {
			if _, err := document.Parse(out, data); errors.Is(err, document.ErrNewerVersion) {
				return fmt.Errorf("%s: 这是较新版本的公文写作助手保存的草稿，为免丢失内容不覆盖它，请换一个输出文件 (newer draft, not overwritten)", out)
			}
		}
	}
	return nil
}

// writeOutput writes data to out atomically, with the reason in Chinese when it cannot.
func writeOutput(out string, data []byte) error {
	if err := document.WriteFileAtomic(out, data); err != nil {
		if st, serr := os.Stat(out); serr == nil && !st.Mode().IsRegular() {
			return fmt.Errorf("%s: 不是普通文件，不能写入 (not a regular file)", out)
		}
		return fmt.Errorf("%s: %s", out, safeio.WriteMessage(filepath.Dir(out), err))
	}
	return nil
}
