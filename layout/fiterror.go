package layout

import "fmt"

// FitError is layout's refusal of a document that the standard's page cannot hold: a 版记
// longer than a page, a title or a 版头 (joint marks, 签发人) that leaves page 1 no room, a
// table row taller than a page. Its message is one Chinese line that names the element and the
// clause and says what to shorten; nothing is cut silently instead (issue 12).
type FitError struct{ msg string }

func (e *FitError) Error() string { return e.msg }

// fitErrorf makes a FitError from a message and its arguments.
func fitErrorf(format string, a ...any) error { return &FitError{fmt.Sprintf(format, a...)} }
