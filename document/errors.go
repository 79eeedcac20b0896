package document

import (
	"errors"
	"fmt"
)

// Error is a problem in an input file at a known place. Error() gives FILE:LINE:COL: 说明,
// the form the CLI prints and the app shows; Msg is in Chinese.
type Error struct {
	File string
	Line int // 1-based; 0 when the place is unknown
	Col  int // 1-based, counted in characters
	Msg  string
	// Err is an underlying sentinel such as ErrNewerVersion, for errors.Is; may be nil.
	Err error
}

func (e *Error) Error() string {
	if e.Line <= 0 {
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}

// Unwrap returns the sentinel, if any.
func (e *Error) Unwrap() error { return e.Err }

// ErrNewerVersion marks a draft written by a newer Gongwen (its version is above
// DraftVersion). Such a file must never be overwritten by this program.
var ErrNewerVersion = errors.New("draft written by a newer version")

// ErrTooLarge marks an input above the size limits of the readers.
var ErrTooLarge = errors.New("input too large")
