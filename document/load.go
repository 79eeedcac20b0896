package document

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"

	"gongwen/internal/safeio"
)

// MaxInputSize is the largest file Load reads (a .docx is a zip: its own limits apply inside).
const MaxInputSize = 64 << 20

// Load reads a document from a file, by its extension: .yaml/.yml (draft), .txt (plain-text
// 公文) or .docx. Doc.Dir is set to the file's folder, so relative seal paths resolve, and the
// images the sign-off prints are read into Doc.Images (LoadImages). The importers get no genre
// table: a plain-text or Word document is read without knowing any 文种 (its title only by
// its place), so programs load through LoadWith with the template set's table (pipeline.Genres).
func Load(path string) (*Document, error) {
	return load(path, nil)
}

func load(path string, genres Genres) (*Document, error) {
	ext := strings.ToLower(filepath.Ext(path))
	var parse func(string, []byte) (*Document, error)
	switch ext {
	case ".yaml", ".yml":
		parse = Parse
	case ".txt", ".text":
		parse = func(file string, data []byte) (*Document, error) { return ImportText(file, data, genres) }
	case ".docx":
		parse = func(file string, data []byte) (*Document, error) { return ImportDocx(file, data, genres) }
	default:
		return nil, &Error{File: path, Msg: fmt.Sprintf("不支持的文件类型“%s”，请使用草稿（.yaml）、纯文本（.txt）或 Word 文档（.docx）", ext)}
	}
	data, err := readFileLimited(path, MaxInputSize)
	if err != nil {
		return nil, err
	}
	doc, err := parse(path, data)
	if err != nil {
		return nil, err
	}
	doc.Dir = filepath.Dir(path)
	// the seal and signature images are read once, with the draft; a problem stays with the
	// document and is reported where it is printed (ImagesReady)
	_ = LoadImages(doc)
	return doc, nil
}

// readFileLimited reads a regular file of at most limit bytes through safeio (no FIFOs,
// devices or folders; the size checked before reading), with the reason in Chinese.
func readFileLimited(path string, limit int64) ([]byte, error) {
	data, err := safeio.ReadFile(path, limit)
	if err == nil {
		return data, nil
	}
	e := &Error{File: path, Msg: "无法读取文件：" + err.Error(), Err: err}
	var se *safeio.Error
	if errors.As(err, &se) {
		e.Msg = se.Msg
	}
	switch {
	case errors.Is(err, safeio.ErrTooLarge):
		e.Msg = fmt.Sprintf("文件过大（超过 %d MB）", limit>>20)
		e.Err = fmt.Errorf("%w: %w", ErrTooLarge, err)
	case errors.Is(err, safeio.ErrIsDir):
		e.Msg = "这是一个文件夹，不是文件"
	case errors.Is(err, fs.ErrNotExist):
		e.Msg = "文件不存在"
	case errors.Is(err, fs.ErrPermission):
		e.Msg = "没有读取此文件的权限"
	}
	return nil, e
}

// WriteFileAtomic writes data to path so that the file is either the old one or the new
// one, never half written (safeio.WriteFile): a temporary file in the same folder is written,
// synced and renamed over path. A path that is a folder, FIFO or device is refused; a
// symbolic link is written through to its target. An existing file keeps its permission
// bits; a new one gets 0644.
func WriteFileAtomic(path string, data []byte) error {
	return safeio.WriteFile(path, data)
}
