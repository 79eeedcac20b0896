package app

import (
	"time"

	"gongwen/document"
)

// The document's undo history: every change of the document (typing in a field, a fix, a
// fix-all, a unit profile, a replace) is one step, so that Ctrl+Z takes back whatever was
// done last, wherever it was done. Typing in one field is one step until a pause, another
// field or another kind of change.

// maxHistory bounds the undo steps kept (a draft is a few kilobytes).
const maxHistory = 200

// typingPause ends a typing step.
const typingPause = 1500 * time.Millisecond

// histStep is a document as it was before a change, and what the change was.
type histStep struct {
	doc   *document.Document
	label string // a message key: hist.typing, hist.fix, …
	path  string // the field typed in (typing steps)
	at    time.Time
}

// history is the undo and redo stacks.
type history struct {
	undo, redo []histStep
	now        func() time.Time
}

func (h *history) clock() time.Time {
	if h.now != nil {
		return h.now()
	}
	return time.Now()
}

// before records the document as it is before a change. A typing change in the field of the
// last typing step, soon after it, joins that step.
func (h *history) before(doc *document.Document, label, path string) {
	now := h.clock()
	if label == histTyping && len(h.undo) > 0 {
		last := &h.undo[len(h.undo)-1]
		if last.label == histTyping && last.path == path && now.Sub(last.at) < typingPause {
			last.at = now
			h.redo = nil
			return
		}
	}
	h.undo = append(h.undo, histStep{doc: cloneDoc(doc), label: label, path: path, at: now})
	if len(h.undo) > maxHistory {
		h.undo = append([]histStep(nil), h.undo[len(h.undo)-maxHistory:]...)
	}
	h.redo = nil
}

// seal ends the current typing step, so that the next keystroke starts a new one.
func (h *history) seal() {
	if n := len(h.undo); n > 0 {
		h.undo[n-1].at = time.Time{}
	}
}

func (h *history) clear() { h.undo, h.redo = nil, nil }

// History labels (message keys).
const (
	histTyping  = "hist.typing"
	histFix     = "hist.fix"
	histFixAll  = "hist.fixall"
	histProfile = "hist.profile"
	histReplace = "hist.replace"
	histPlant   = "hist.plant"
)

// CanUndo and CanRedo report whether there is a step to take back or to do again.
func (m *Model) CanUndo() bool { return len(m.hist.undo) > 0 }
func (m *Model) CanRedo() bool { return len(m.hist.redo) > 0 }

// UndoLabel and RedoLabel name the step Undo and Redo would take ("" when none).
func (m *Model) UndoLabel() string {
	if n := len(m.hist.undo); n > 0 {
		return T(m.hist.undo[n-1].label)
	}
	return ""
}

func (m *Model) RedoLabel() string {
	if n := len(m.hist.redo); n > 0 {
		return T(m.hist.redo[n-1].label)
	}
	return ""
}

// Undo takes back the last change of the document and reports whether there was one.
func (m *Model) Undo() bool {
	n := len(m.hist.undo)
	if m.Doc == nil || n == 0 {
		return false
	}
	step := m.hist.undo[n-1]
	m.hist.undo = m.hist.undo[:n-1]
	m.hist.redo = append(m.hist.redo, histStep{doc: cloneDoc(m.Doc), label: step.label, path: step.path})
	m.Doc = step.doc
	m.hist.seal()
	m.changed()
	return true
}

// Redo does again the last change Undo took back.
func (m *Model) Redo() bool {
	n := len(m.hist.redo)
	if m.Doc == nil || n == 0 {
		return false
	}
	step := m.hist.redo[n-1]
	m.hist.redo = m.hist.redo[:n-1]
	m.hist.undo = append(m.hist.undo, histStep{doc: cloneDoc(m.Doc), label: step.label, path: step.path})
	m.Doc = step.doc
	m.hist.seal()
	m.changed()
	return true
}
