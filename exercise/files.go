package exercise

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"gongwen/document"
)

// The three files of a class, JSON with a format name and a version:
//
//   - NAME.exercise.json, handed out: the draft with the errors (the draft format as text),
//     the difficulty and the number of errors, not where they are;
//   - NAME.key.json, kept by the trainer: the changes;
//   - NAME.answer.json, handed in: the trainee's marks.
//
// The exercise's ID ties the three together.
const (
	FormatExercise = "gongwen-exercise"
	FormatKey      = "gongwen-exercise-key"
	FormatAnswer   = "gongwen-exercise-answer"
	Version        = 1
)

// Handout is the exercise file.
type Handout struct {
	Format     string `json:"format"`
	Version    int    `json:"version"`
	ID         string `json:"id"`
	Title      string `json:"title"`
	Difficulty string `json:"difficulty"`
	Count      int    `json:"count"`
	Draft      string `json:"draft"`
}

// Key is the answer key file.
type Key struct {
	Format     string   `json:"format"`
	Version    int      `json:"version"`
	ID         string   `json:"id"`
	Source     string   `json:"source,omitempty"`
	Difficulty string   `json:"difficulty"`
	Seed       int64    `json:"seed"`
	Changes    []Change `json:"changes"`
}

// Answer is a trainee's answer file.
type Answer struct {
	Format  string `json:"format"`
	Version int    `json:"version"`
	ID      string `json:"id"`
	Marks   []Mark `json:"marks"`
}

// Handout returns the exercise file's content.
func (ex *Exercise) Handout() (*Handout, error) {
	data, err := document.Marshal(ex.Doc)
	if err != nil {
		return nil, err
	}
	return &Handout{Format: FormatExercise, Version: Version, ID: ex.ID, Title: strings.ReplaceAll(ex.Doc.Title, "\n", ""),
		Difficulty: ex.Difficulty, Count: len(ex.Changes), Draft: string(data)}, nil
}

// Key returns the answer key's content.
func (ex *Exercise) Key() *Key {
	return &Key{Format: FormatKey, Version: Version, ID: ex.ID, Source: ex.Source, Difficulty: ex.Difficulty, Seed: ex.Seed, Changes: ex.Changes}
}

// Save writes the exercise and its key beside each other: base.exercise.json and
// base.key.json. It returns the two paths.
func (ex *Exercise) Save(base string) (handout, key string, err error) {
	h, err := ex.Handout()
	if err != nil {
		return "", "", err
	}
	handout, key = base+".exercise.json", base+".key.json"
	if err := writeJSON(handout, h); err != nil {
		return "", "", err
	}
	if err := writeJSON(key, ex.Key()); err != nil {
		return "", "", err
	}
	return handout, key, nil
}

// Doc reads the draft of a handout.
func (h *Handout) Doc(dir string) (*document.Document, error) {
	doc, err := document.Parse("exercise.yaml", []byte(h.Draft))
	if err != nil {
		return nil, err
	}
	doc.Dir = dir
	return doc, nil
}

func writeJSON(path string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	if err := document.WriteFileAtomic(path, append(b, '\n')); err != nil {
		return fmt.Errorf("写入“%s”失败（cannot write）：%w", filepath.Base(path), err)
	}
	return nil
}

// WriteAnswer writes an answer file.
func WriteAnswer(path, id string, marks []Mark) error {
	if marks == nil {
		marks = []Mark{}
	}
	return writeJSON(path, &Answer{Format: FormatAnswer, Version: Version, ID: id, Marks: marks})
}

// read reads a JSON file of one of the three formats into v.
func read(path, format string, v any, ver *int, got *string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("无法读取“%s”（cannot read）：%w", filepath.Base(path), err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("“%s”不是练习文件（not an exercise file）：%v", filepath.Base(path), err)
	}
	if *got != format {
		return fmt.Errorf("“%s”不是%s文件（format %q, want %q）", filepath.Base(path), formatName(format), *got, format)
	}
	if *ver > Version {
		return fmt.Errorf("“%s”由较新版本的公文写作助手生成（newer version %d）", filepath.Base(path), *ver)
	}
	return nil
}

func formatName(f string) string {
	switch f {
	case FormatExercise:
		return "练习"
	case FormatKey:
		return "答案要点"
	}
	return "作答"
}

// ReadHandout reads an exercise file.
func ReadHandout(path string) (*Handout, error) {
	var h Handout
	if err := read(path, FormatExercise, &h, &h.Version, &h.Format); err != nil {
		return nil, err
	}
	return &h, nil
}

// ReadKey reads an answer key file.
func ReadKey(path string) (*Key, error) {
	var k Key
	if err := read(path, FormatKey, &k, &k.Version, &k.Format); err != nil {
		return nil, err
	}
	return &k, nil
}

// ReadAnswer reads an answer file.
func ReadAnswer(path string) (*Answer, error) {
	var a Answer
	if err := read(path, FormatAnswer, &a, &a.Version, &a.Format); err != nil {
		return nil, err
	}
	return &a, nil
}

// Grade scores an answer against its key; the two must belong to one exercise.
func Grade(k *Key, a *Answer) (Result, error) {
	if k.ID != a.ID {
		return Result{}, fmt.Errorf("作答（练习 %s）与答案要点（练习 %s）不是同一份练习（exercise IDs differ）", a.ID, k.ID)
	}
	return Score(k.Changes, a.Marks), nil
}

// KeyBeside returns the key file that belongs beside an exercise file (x.exercise.json →
// x.key.json), or "".
func KeyBeside(handout string) string {
	if base, ok := strings.CutSuffix(handout, ".exercise.json"); ok {
		k := base + ".key.json"
		if _, err := os.Stat(k); err == nil {
			return k
		}
	}
	return ""
}
