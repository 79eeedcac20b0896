package document

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// MaxInputSize is the largest file Load reads (a .docx is a zip: its own limits apply inside).
const MaxInputSize = 64 << 20

// Load reads a document from a file, by its extension: .yaml/.yml (draft), .txt (plain-text
// 公文) or .docx. Doc.Dir is set to the file's folder, so relative seal paths resolve.
func Load(path string) (*Document, error) {
	ext := strings.ToLower(filepath.Ext(path))
	var parse func(string, []byte) (*Document, error)
	switch ext {
	case ".yaml", ".yml":
		parse = Parse
	case ".txt", ".text":
		parse = ImportText
	case ".docx":
		parse = ImportDocx
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
	return doc, nil
}

func readFileLimited(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		msg := "无法打开文件：" + err.Error()
		switch {
		case errors.Is(err, fs.ErrNotExist):
			msg = "文件不存在"
		case errors.Is(err, fs.ErrPermission):
			msg = "没有读取此文件的权限"
		}
		return nil, &Error{File: path, Msg: msg, Err: err}
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, &Error{File: path, Msg: "这是一个文件夹，不是文件"}
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, &Error{File: path, Msg: "读取文件失败：" + err.Error(), Err: err}
	}
	if int64(len(data)) > limit {
		return nil, &Error{File: path, Msg: fmt.Sprintf("文件过大（超过 %d MB）", limit>>20), Err: ErrTooLarge}
	}
	return data, nil
}

// WriteFileAtomic writes data to path so that the file is either the old one or the new
// one, never half written: a temporary file in the same folder is written, synced and
// renamed over path. An existing file keeps its permission bits; a new one gets 0644.
func WriteFileAtomic(path string, data []byte) (err error) {
	dir := filepath.Dir(path)
	mode := fs.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		if !st.Mode().IsRegular() {
			return fmt.Errorf("write %s: not a regular file", path)
		}
		mode = st.Mode().Perm()
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	name := tmp.Name()
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(name)
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = tmp.Chmod(mode); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = os.Rename(name, path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	// Make the rename durable; not every platform can sync a folder, so errors are ignored.
	if d, derr := os.Open(dir); derr == nil {
		_ = d.Sync()
		d.Close()
	}
	return nil
}
