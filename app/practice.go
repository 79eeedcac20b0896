package app

import (
	"path/filepath"
	"strings"

	"gongwen/document"
	"gongwen/exercise"
	"gongwen/templates"
)

// 练习模式 in the model: an exercise made here (from the open document or a template's
// example) or opened from a file handed out, the places the trainee marked, and the grade.

// Practice is the exercise being done.
type Practice struct {
	ID         string
	Difficulty string
	Count      int // errors planted
	// Changes is the answer key; nil when the exercise came from a file without its key.
	Changes []exercise.Change
	Marks   []exercise.Mark
	// Handout is the exercise file it was opened from ("" when made here).
	Handout string
	ex      *exercise.Exercise // made here: can be saved with its key
}

// StartPractice plants errors in doc (left unchanged) and opens the result in 练习模式.
func (m *Model) StartPractice(doc *document.Document, g *templates.Genre, opts exercise.Options) error {
	opts.Genre = g
	ex, err := exercise.Plant(doc, opts)
	if err != nil {
		return err
	}
	m.reset(ex.Doc, g)
	m.Dirty = true
	m.Practice = &Practice{ID: ex.ID, Difficulty: ex.Difficulty, Count: len(ex.Changes), Changes: ex.Changes, ex: ex}
	return nil
}

// OpenPractice opens an exercise file handed out (NAME.exercise.json), with its key when the
// key lies beside it (the trainer's own copy).
func (m *Model) OpenPractice(path string) error {
	h, err := exercise.ReadHandout(path)
	if err != nil {
		return err
	}
	doc, err := h.Doc(filepath.Dir(path))
	if err != nil {
		return openError(path, err)
	}
	m.reset(doc, m.genreFor(doc))
	m.Imported = path
	p := &Practice{ID: h.ID, Difficulty: h.Difficulty, Count: h.Count, Handout: path}
	if kp := exercise.KeyBeside(path); kp != "" {
		if k, err := exercise.ReadKey(kp); err == nil && k.ID == h.ID {
			p.Changes = k.Changes
		}
	}
	m.Practice = p
	return nil
}

// isExerciseFile reports whether a path names an exercise handed out.
func isExerciseFile(path string) bool {
	return strings.HasSuffix(strings.ToLower(path), ".exercise.json")
}

// ToggleMark marks a place as wrong, or takes the mark back; it reports whether the place
// is marked now.
func (m *Model) ToggleMark(path string) bool {
	p := m.Practice
	if p == nil || path == "" {
		return false
	}
	for i, mk := range p.Marks {
		if mk.Path == path {
			p.Marks = append(p.Marks[:i], p.Marks[i+1:]...)
			return false
		}
	}
	p.Marks = append(p.Marks, exercise.Mark{Path: path})
	return true
}

// Grade scores the marks; ok is false when the key is not at hand.
func (m *Model) Grade() (res exercise.Result, ok bool) {
	if m.Practice == nil || m.Practice.Changes == nil {
		return res, false
	}
	return exercise.Score(m.Practice.Changes, m.Practice.Marks), true
}

// SaveAnswer writes the marks as an answer file.
func (m *Model) SaveAnswer(path string) error {
	if m.Practice == nil {
		return errorf("err.nopractice")
	}
	return exercise.WriteAnswer(path, m.Practice.ID, m.Practice.Marks)
}

// SaveExercise writes the exercise to hand out and its key (base.exercise.json and
// base.key.json); only an exercise made here has its key.
func (m *Model) SaveExercise(base string) (string, string, error) {
	if m.Practice == nil || m.Practice.ex == nil {
		return "", "", errorf("err.nopractice")
	}
	for _, suf := range []string{".exercise.json", ".key.json", ".json"} {
		base = strings.TrimSuffix(base, suf)
	}
	return m.Practice.ex.Save(base)
}

// StopPractice leaves 练习模式 with the document as it is.
func (m *Model) StopPractice() { m.Practice = nil }

// itemOfLine is the index of the list item on a row of a list field's text (blank lines are
// no items): the inverse of lineOfItem.
func itemOfLine(text string, row int) int {
	n := -1
	for r, l := range strings.Split(text, "\n") {
		if strings.TrimSpace(l) != "" {
			n++
		}
		if r == row {
			break
		}
	}
	if n < 0 {
		return 0
	}
	return n
}
