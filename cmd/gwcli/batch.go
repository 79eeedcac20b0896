package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"gongwen/document"
	"gongwen/internal/safeio"
	"gongwen/pipeline"
)

// inputExts are the files a folder given as INPUT contributes.
var inputExts = map[string]bool{".yaml": true, ".yml": true, ".txt": true, ".text": true, ".docx": true}

// inputError is an INPUT that names nothing usable (a folder that cannot be listed).
type batchInputError struct {
	path, msg string
}

func (e *batchInputError) Error() string { return e.path + ": " + e.msg }

// expandInputs turns INPUTs into files: a folder stands for its drafts, texts and .docx files
// (sorted by name, hidden files and subfolders left out); anything else stays as given, for
// the loader to read or refuse.
func expandInputs(inputs []string) (files []string, errs []*batchInputError) {
	for _, in := range inputs {
		if in == "-" {
			files = append(files, in)
			continue
		}
		st, err := os.Stat(in)
		if err != nil || !st.IsDir() {
			files = append(files, in)
			continue
		}
		es, err := os.ReadDir(in)
		if err != nil {
			errs = append(errs, &batchInputError{in, "无法列出文件夹：" + err.Error() + " (cannot list the folder)"})
			continue
		}
		var found []string
		for _, e := range es {
			name := e.Name()
			if strings.HasPrefix(name, ".") || !inputExts[strings.ToLower(filepath.Ext(name))] {
				continue
			}
			// only regular files (and links to them): a FIFO in the folder must not hang the run
			if st, err := os.Stat(filepath.Join(in, name)); err != nil || !st.Mode().IsRegular() {
				continue
			}
			found = append(found, filepath.Join(in, name))
		}
		sort.Strings(found)
		if len(found) == 0 {
			errs = append(errs, &batchInputError{in, "文件夹中没有草稿（.yaml）、纯文本（.txt）或 Word 文档（.docx）(no inputs in the folder)"})
		}
		files = append(files, found...)
	}
	return files, errs
}

// summaryRow is one line of the table at the end of a batch.
type summaryRow struct {
	input, output string
	// pages is the page count, -1 when not typeset (DOCX), 0 when nothing was written.
	pages           int
	errors, prompts int
	status          string
	code            int
}

// printSummary prints the table of a batch: file, pages, error findings, prompts, result.
func printSummary(w io.Writer, rows []summaryRow) {
	tw := newTable(w)
	fmt.Fprintln(tw, "文件 (file)\t页数 (pages)\t错误 (errors)\t待填写 (prompts)\t结果 (result)")
	ok := 0
	for _, r := range rows {
		pages := "-"
		if r.pages > 0 {
			pages = fmt.Sprint(r.pages)
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\n", visible(r.input), pages, r.errors, r.prompts, r.status)
		if r.code == exitOK {
			ok++
		}
	}
	tw.Flush()
	fmt.Fprintf(w, "共 %d 个文件，成功 %d 个，未成功 %d 个 (%d files, %d done, %d not)\n", len(rows), ok, len(rows)-ok, len(rows), ok, len(rows)-ok)
}

// documentFindings counts a document's error findings and unfilled template prompts
// (【请填写……】, ***, 年月日 without digits), the things export says before writing.
func documentFindings(p *pipeline.Pipeline, d *pipeline.Draft) (errs, prompts int) {
	return p.Unfinished(d)
}

// findingsText says the counts in one phrase.
func findingsText(errs, prompts int) string {
	var parts []string
	if errs > 0 {
		parts = append(parts, fmt.Sprintf("有 %d 个错误级问题 (%d error findings)", errs, errs))
	}
	if prompts > 0 {
		parts = append(parts, fmt.Sprintf("有 %d 处未填写的提示文字，如【请填写……】(%d placeholders)", prompts, prompts))
	}
	return strings.Join(parts, "，")
}

// stdinName is how standard input is named in messages.
const stdinName = "标准输入"

// readStdin reads standard input as INPUT "-", within the loader's size limit, and parses
// it by what the bytes are: a .docx when they start as a zip archive, a draft when the first
// line that is neither blank nor a comment is a YAML key ("version: 1", "title: ..."), else
// plain text. Relative image paths are read from the current folder.
func readStdin(r io.Reader) (*document.Document, error) {
	data, err := io.ReadAll(io.LimitReader(r, document.MaxInputSize+1))
	if err != nil {
		return nil, &document.Error{File: stdinName, Msg: "读取失败：" + err.Error()}
	}
	if int64(len(data)) > document.MaxInputSize {
		return nil, &document.Error{File: stdinName, Msg: fmt.Sprintf("输入过大（超过 %d MB）", document.MaxInputSize>>20), Err: document.ErrTooLarge}
	}
	var doc *document.Document
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		doc, err = document.ImportDocx(stdinName, data, pipeline.Genres(templateSet()))
	case looksLikeDraft(data):
		doc, err = document.Parse(stdinName, data)
	default:
		doc, err = document.ImportText(stdinName, data, pipeline.Genres(templateSet()))
	}
	if err != nil {
		return nil, err
	}
	if !looksLikeDraft(data) {
		document.InferIssuer(doc, units()) // as loadDocument does for files
	}
	doc.Dir = "."
	// as document.Load does: the seals are read once; a problem is reported where printed
	_ = document.LoadImages(doc)
	return doc, nil
}

// printWarnings prints the problems the reader worked around (bytes that are not UTF-8),
// one line each: gwcli: FILE:LINE:COL: 警告 说明.
func printWarnings(stderr io.Writer, cmd string, doc *document.Document) {
	for _, w := range doc.Warnings {
		msg := w.Msg
		w.Msg = "警告 (warning): " + msg
		fmt.Fprintf(stderr, "gwcli%s: %s\n", cmd, oneLine(w.Error()))
	}
}

// looksLikeDraft reports whether the first line that is neither blank nor a comment starts
// with an ASCII YAML key and a colon.
func looksLikeDraft(data []byte) bool {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	for _, line := range bytes.Split(data, []byte("\n")) {
		t := bytes.TrimSpace(line)
		if len(t) == 0 || t[0] == '#' || bytes.Equal(t, []byte("---")) {
			continue
		}
		i := bytes.IndexByte(t, ':')
		if i <= 0 {
			return false
		}
		for _, c := range t[:i] {
			if !(c >= 'a' && c <= 'z' || c == '_') {
				return false
			}
		}
		return true
	}
	return false
}

// readRegular reads a file through the bounded reader (for the raw text some checks read).
func readRegular(path string) ([]byte, error) {
	return safeio.ReadFile(path, document.MaxInputSize)
}
