// Package safeio is the one way Gongwen reads an input file and writes an output file.
//
// Reading (ReadFile): the path's symbolic links are resolved once; only a regular file is
// opened (a FIFO, device, socket or folder is refused before it is opened, and opening never
// blocks); its size is checked against the limit before a byte is read, and the read itself
// stops at the limit in case the file grows.
//
// Writing (Create, WriteFile): an output that is a device, FIFO, socket or folder is refused;
// an output that is a symbolic link is written through to its target (the link stays a link,
// the target gets the new content), the link resolved once; the content goes to a temporary
// file in the target's folder that is synced and renamed into place only on Commit, so a
// failure leaves the previous file (or none) and no temporary file behind.
package safeio

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Errors the readers and writers wrap; test them with errors.Is.
var (
	// ErrTooLarge: the file is larger than the limit.
	ErrTooLarge = errors.New("file too large")
	// ErrNotRegular: the path is a folder, FIFO, device or socket.
	ErrNotRegular = errors.New("not a regular file")
	// ErrIsDir: the path is a folder (it also matches ErrNotRegular).
	ErrIsDir = fmt.Errorf("is a folder: %w", ErrNotRegular)
)

// Error is a failure to read or write a path, with the reason in Chinese (Msg) and the
// underlying error (Err) for errors.Is.
type Error struct {
	Path string
	Msg  string
	Err  error
}

func (e *Error) Error() string { return e.Path + ": " + e.Msg }

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// Resolve returns the path with its symbolic links resolved once (filepath.EvalSymlinks).
// A path whose last element is a dangling link resolves to the link's target, so that a
// writer creates the target; any other failure returns the path itself.
func Resolve(path string) string {
	if r, err := filepath.EvalSymlinks(path); err == nil {
		return r
	}
	st, err := os.Lstat(path)
	if err != nil || st.Mode()&fs.ModeSymlink == 0 {
		return path
	}
	t, err := os.Readlink(path)
	if err != nil {
		return path
	}
	if !filepath.IsAbs(t) {
		t = filepath.Join(filepath.Dir(path), t)
	}
	return t
}

// kind names a non-regular file for a message.
func kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "这是一个文件夹，不是文件 (a folder)"
	case m&fs.ModeNamedPipe != 0:
		return "这是一个命名管道（FIFO），不是普通文件 (a FIFO)"
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		return "这是一个设备，不是普通文件 (a device)"
	case m&fs.ModeSocket != 0:
		return "这是一个套接字，不是普通文件 (a socket)"
	}
	return "不是普通文件 (not a regular file)"
}

func notRegular(path string, m fs.FileMode) error {
	err := ErrNotRegular
	if m.IsDir() {
		err = ErrIsDir
	}
	return &Error{Path: path, Msg: kind(m), Err: err}
}

func openError(path string, err error) error {
	msg := "无法打开文件：" + err.Error()
	switch {
	case errors.Is(err, fs.ErrNotExist):
		msg = "文件不存在 (no such file)"
	case errors.Is(err, fs.ErrPermission):
		msg = "没有读取此文件的权限 (permission denied)"
	}
	return &Error{Path: path, Msg: msg, Err: err}
}

// tooLarge is the error for a file above limit bytes.
func tooLarge(path string, limit int64) error {
	return &Error{Path: path, Msg: fmt.Sprintf("文件过大（超过 %s）(file too large)", sizeText(limit)), Err: ErrTooLarge}
}

func sizeText(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d 字节", n)
}

// Open opens a regular file for reading, at most limit bytes of it (limit <= 0: no limit):
// the links resolved once, anything but a regular file refused before it is opened, the size
// checked before reading. The reader returned stops with ErrTooLarge if the file has grown
// past the limit since.
func Open(path string, limit int64) (*File, error) {
	real := Resolve(path)
	st, err := os.Stat(real)
	if err != nil {
		return nil, openError(path, err)
	}
	if !st.Mode().IsRegular() {
		return nil, notRegular(path, st.Mode())
	}
	if limit > 0 && st.Size() > limit {
		return nil, tooLarge(path, limit)
	}
	f, err := openNoBlock(real)
	if err != nil {
		return nil, openError(path, err)
	}
	// The file could have been swapped for a FIFO between Stat and open: look again at
	// what was opened.
	st, err = f.Stat()
	if err != nil {
		f.Close()
		return nil, openError(path, err)
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return nil, notRegular(path, st.Mode())
	}
	if limit > 0 && st.Size() > limit {
		f.Close()
		return nil, tooLarge(path, limit)
	}
	return &File{f: f, path: path, limit: limit, size: st.Size()}, nil
}

// File is a regular file open for bounded reading.
type File struct {
	f     *os.File
	path  string
	limit int64
	size  int64
	n     int64
}

// Size is the file's size when it was opened.
func (r *File) Size() int64 { return r.size }

// Read reads from the file and fails with ErrTooLarge past the limit.
func (r *File) Read(p []byte) (int, error) {
	if r.limit > 0 {
		if r.n > r.limit {
			return 0, tooLarge(r.path, r.limit)
		}
		if rest := r.limit + 1 - r.n; int64(len(p)) > rest {
			p = p[:rest]
		}
	}
	n, err := r.f.Read(p)
	r.n += int64(n)
	if r.limit > 0 && r.n > r.limit {
		return n, tooLarge(r.path, r.limit)
	}
	return n, err
}

// Close closes the file.
func (r *File) Close() error { return r.f.Close() }

// ReadFile reads a whole regular file of at most limit bytes (limit <= 0: no limit); see Open.
func ReadFile(path string, limit int64) ([]byte, error) {
	f, err := Open(path, limit)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf := make([]byte, 0, f.size+1)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			var se *Error
			if errors.As(err, &se) {
				return nil, err
			}
			return nil, &Error{Path: path, Msg: "读取文件失败：" + err.Error() + " (read failed)", Err: err}
		}
	}
}

// CheckOutput says whether path can be written as a file: nil when it does not exist or is a
// regular file (or a link to one, or a dangling link); an *Error wrapping ErrNotRegular (or
// ErrIsDir) when it, or the link's target, is a folder, FIFO, device or socket.
func CheckOutput(path string) error {
	real := Resolve(path)
	st, err := os.Stat(real)
	if err != nil {
		return nil // a new file; Create says why it cannot be created, if it cannot
	}
	if !st.Mode().IsRegular() {
		return notRegular(path, st.Mode())
	}
	return nil
}

// Output is a file being written: the content goes to a temporary file beside the target
// until Commit renames it into place. Abort (or a failed Commit) removes the temporary file.
type Output struct {
	tmp    *os.File
	path   string // as the caller named it
	target string // links resolved
	mode   fs.FileMode
	err    error
	done   bool
	// closed: Finish synced and closed the temporary file; Commit only renames it.
	closed bool
}

// Create starts writing path (see the package comment). An existing target keeps its
// permission bits; a new one gets 0644.
func Create(path string) (*Output, error) {
	if err := CheckOutput(path); err != nil {
		return nil, err
	}
	target := Resolve(path)
	mode := fs.FileMode(0o644)
	if st, err := os.Stat(target); err == nil {
		mode = st.Mode().Perm()
	}
	tmp, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".*.tmp")
	if err != nil {
		return nil, &Error{Path: path, Msg: WriteMessage(filepath.Dir(target), err), Err: err}
	}
	return &Output{tmp: tmp, path: path, target: target, mode: mode}, nil
}

// Path is the output's path as given to Create.
func (o *Output) Path() string { return o.path }

// Write writes to the temporary file; the first error sticks and fails Commit.
func (o *Output) Write(p []byte) (int, error) {
	if o.err != nil {
		return 0, o.err
	}
	n, err := o.tmp.Write(p)
	if err != nil {
		o.err = &Error{Path: o.path, Msg: WriteMessage(filepath.Dir(o.target), err), Err: err}
		return n, o.err
	}
	return n, nil
}

// Finish ends the writing: the temporary file is synced and closed (no file descriptor is
// held until Commit, for sets of thousands of files), and Commit only renames it. On failure
// the temporary file is removed and Commit returns the error.
func (o *Output) Finish() error {
	if o.done || o.closed {
		return o.err
	}
	o.closed = true
	fail := func(err error) error {
		o.tmp.Close()
		os.Remove(o.tmp.Name())
		o.done = true
		if o.err == nil {
			o.err = &Error{Path: o.path, Msg: WriteMessage(filepath.Dir(o.target), err), Err: err}
		}
		return o.err
	}
	if o.err != nil {
		return fail(o.err)
	}
	if err := o.tmp.Chmod(o.mode); err != nil {
		return fail(err)
	}
	if err := o.tmp.Sync(); err != nil {
		return fail(err)
	}
	if err := o.tmp.Close(); err != nil {
		return fail(err)
	}
	return nil
}

// Commit finishes the temporary file (see Finish) and renames it over the target.
func (o *Output) Commit() error {
	if o.done {
		return o.err
	}
	if err := o.Finish(); err != nil {
		return err
	}
	o.done = true
	// Look once more: the target may have become a FIFO or a device since Create.
	if err := CheckOutput(o.target); err != nil {
		os.Remove(o.tmp.Name())
		o.err = &Error{Path: o.path, Msg: err.(*Error).Msg, Err: err.(*Error).Err}
		return o.err
	}
	if err := os.Rename(o.tmp.Name(), o.target); err != nil {
		os.Remove(o.tmp.Name())
		o.err = &Error{Path: o.path, Msg: WriteMessage(filepath.Dir(o.target), err), Err: err}
		return o.err
	}
	if d, err := os.Open(filepath.Dir(o.target)); err == nil {
		_ = d.Sync() // not every platform can sync a folder
		d.Close()
	}
	return nil
}

// Abort drops what was written; the target is left as it was. Abort after Commit does nothing.
func (o *Output) Abort() {
	if o.done {
		return
	}
	o.done = true
	if !o.closed {
		o.tmp.Close()
	}
	os.Remove(o.tmp.Name())
}

// WriteFile writes data to path atomically (Create, Write, Commit).
func WriteFile(path string, data []byte) error {
	o, err := Create(path)
	if err != nil {
		return err
	}
	if _, err := o.Write(data); err != nil {
		o.Abort()
		return err
	}
	return o.Commit()
}
