package document

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Limits of the .docx reader, against zip bombs and huge entries.
var (
	maxDocxEntries = 10000    // entries in the zip
	maxDocxXML     = 50 << 20 // bytes of word/document.xml read, uncompressed
	maxDocxDepth   = 2000     // XML element nesting
)

const (
	nsW  = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsMC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

// ImportDocx reads a .docx 公文: the text of its paragraphs (w:p, with the text of w:t,
// w:tab and w:br; everything else ignored), one line a paragraph, then the same line-based
// import as ImportText. Source places count paragraphs as lines (a w:br starts a new line)
// and characters within them as columns.
//
// The reader is archive/zip + encoding/xml rather than github.com/nguyenthenguyen/docx:
// that library hands back the document's raw XML as one string (it is made for search and
// replace), not paragraphs, and reads the entries whole without any size limit. Here the
// number of zip entries, the uncompressed size read and the XML nesting are bounded, and a
// damaged file gives a Chinese error, never a panic.
func ImportDocx(file string, data []byte) (*Document, error) {
	lines, err := docxLines(file, data)
	if err != nil {
		return nil, err
	}
	return importLines(file, lines), nil
}

func docxLines(file string, data []byte) ([]textLine, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, &Error{File: file, Msg: "不是有效的 Word 文档（.docx 应是 zip 压缩包）：" + err.Error()}
	}
	if len(zr.File) > maxDocxEntries {
		return nil, &Error{File: file, Msg: fmt.Sprintf("文档包含 %d 个部件，超过上限 %d，可能已损坏或是恶意文件", len(zr.File), maxDocxEntries), Err: ErrTooLarge}
	}
	var doc *zip.File
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			doc = f
			break
		}
	}
	if doc == nil {
		for _, f := range zr.File {
			if strings.EqualFold(f.Name, "word/document.xml") {
				doc = f
				break
			}
		}
	}
	if doc == nil {
		return nil, &Error{File: file, Msg: "文档中缺少正文部件 word/document.xml：这不是 Word 文档，或文件已损坏"}
	}
	if doc.UncompressedSize64 > uint64(maxDocxXML) {
		return nil, &Error{File: file, Msg: fmt.Sprintf("文档正文过大（解压后 %d MB，上限 %d MB）", doc.UncompressedSize64>>20, maxDocxXML>>20), Err: ErrTooLarge}
	}
	rc, err := doc.Open()
	if err != nil {
		return nil, &Error{File: file, Msg: "无法读取文档正文：" + err.Error()}
	}
	defer rc.Close()
	lr := &limitedReader{r: rc, n: int64(maxDocxXML)}
	paras, err := docxParagraphs(lr)
	if lr.exceeded {
		return nil, &Error{File: file, Msg: fmt.Sprintf("文档正文过大（解压后超过 %d MB）", maxDocxXML>>20), Err: ErrTooLarge}
	}
	if err != nil {
		var se *xml.SyntaxError
		if errors.As(err, &se) {
			return nil, &Error{File: file, Msg: fmt.Sprintf("文档正文 word/document.xml 不是有效的 XML（第 %d 行）：%s", se.Line, se.Msg)}
		}
		return nil, &Error{File: file, Msg: "文档正文 word/document.xml 无法解析：" + err.Error()}
	}
	var lines []textLine
	for _, p := range paras {
		for _, l := range strings.Split(p, "\n") {
			lines = append(lines, makeLine(len(lines)+1, l))
		}
	}
	return lines, nil
}

// limitedReader reads at most n bytes and remembers when the input had more.
type limitedReader struct {
	r        io.Reader
	n        int64
	exceeded bool
}

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.n <= 0 {
		// Probe one byte to tell "exactly at the limit" from "more".
		var b [1]byte
		if k, _ := l.r.Read(b[:]); k > 0 {
			l.exceeded = true
			return 0, errors.New("size limit exceeded")
		}
		return 0, io.EOF
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	k, err := l.r.Read(p)
	l.n -= int64(k)
	return k, err
}

// docxParagraphs streams word/document.xml and returns the text of each w:p in document
// order. Paragraphs nested in a paragraph (text boxes) come out before the paragraph that
// holds them; mc:Fallback copies and tracked deletions are skipped.
func docxParagraphs(r io.Reader) ([]string, error) {
	d := xml.NewDecoder(r)
	d.Strict = true
	var out []string
	var stack []*strings.Builder // open paragraphs
	depth, runDepth, textDepth := 0, 0, 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth > maxDocxDepth {
				return nil, fmt.Errorf("elements nested deeper than %d", maxDocxDepth)
			}
			if t.Name.Space == nsMC && t.Name.Local == "Fallback" {
				if err := d.Skip(); err != nil {
					return nil, err
				}
				depth--
				continue
			}
			if t.Name.Space != nsW {
				continue
			}
			switch t.Name.Local {
			case "p":
				stack = append(stack, &strings.Builder{})
			case "r":
				runDepth++
			case "t":
				textDepth++
			case "tab":
				if runDepth > 0 && len(stack) > 0 {
					stack[len(stack)-1].WriteByte('\t')
				}
			case "br", "cr":
				if runDepth > 0 && len(stack) > 0 {
					stack[len(stack)-1].WriteByte('\n')
				}
			case "del", "delText", "instrText":
				if err := d.Skip(); err != nil {
					return nil, err
				}
				depth--
			}
		case xml.EndElement:
			depth--
			if t.Name.Space != nsW {
				continue
			}
			switch t.Name.Local {
			case "p":
				if n := len(stack); n > 0 {
					out = append(out, stack[n-1].String())
					stack = stack[:n-1]
				}
			case "r":
				runDepth = max(runDepth-1, 0)
			case "t":
				textDepth = max(textDepth-1, 0)
			}
		case xml.CharData:
			if textDepth > 0 && len(stack) > 0 {
				stack[len(stack)-1].Write(t)
			}
		}
	}
	return out, nil
}
