package templates

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"

	"gongwen/internal/safeio"
)

// MaxProfileSize is the largest unit profile read (a profile is a few hundred bytes).
const MaxProfileSize = 1 << 20

// readEntry reads the file name of folder root: from the embedded built-ins as it is; from a
// folder on disk (prefix is that folder and a separator) through the bounded reader, so that
// a FIFO, a device or a link to one is refused without blocking, and a file above limit is
// refused before it is read.
func readEntry(fsys fs.FS, root, name, prefix string, limit int64) ([]byte, error) {
	if e, ok := fsys.(embed.FS); ok {
		return e.ReadFile(path.Join(root, name))
	}
	data, err := safeio.ReadFile(prefix+name, limit)
	var se *safeio.Error
	if errors.As(err, &se) {
		if errors.Is(err, safeio.ErrTooLarge) {
			return nil, &readErr{fmt.Sprintf("文件过大（上限 %d 字节）(too large)", limit), err}
		}
		return nil, &readErr{se.Msg, err}
	}
	return data, err
}

// readErr is a read failure said in Chinese, wrapping the safeio error for errors.Is.
type readErr struct {
	msg string
	err error
}

func (e *readErr) Error() string { return e.msg }
func (e *readErr) Unwrap() error { return e.err }
