// Package library is the office's manuscript library (文稿库): every saved draft with all its
// versions, its status in the workflow 草稿 → 审核 → 签发 → 印发 → 归档 with who moved it and when,
// search by title, number, genre, date and status, a diff of two versions element by element,
// and the exchange of documents with their whole history as one ZIP file.
package library

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"gongwen/document"
	"gongwen/store"
)

// Status is a manuscript's place in the workflow.
type Status string

// The workflow, in order.
const (
	Draft    Status = "draft"    // 草稿
	Review   Status = "review"   // 审核
	Signed   Status = "signed"   // 签发
	Printed  Status = "printed"  // 印发
	Archived Status = "archived" // 归档
)

// Workflow lists the statuses in order.
var Workflow = []Status{Draft, Review, Signed, Printed, Archived}

var labels = map[Status]string{Draft: "草稿", Review: "审核", Signed: "签发", Printed: "印发", Archived: "归档"}

// Label is the status's Chinese name.
func (s Status) Label() string {
	if l, ok := labels[s]; ok {
		return l
	}
	return string(s)
}

// ParseStatus reads a status from its English or Chinese name.
func ParseStatus(s string) (Status, error) {
	for _, st := range Workflow {
		if s == string(st) || s == st.Label() {
			return st, nil
		}
	}
	return "", fmt.Errorf("状态 %q 无效：应为 草稿、审核、签发、印发 或 归档", s)
}

func (s Status) index() int {
	for i, st := range Workflow {
		if st == s {
			return i
		}
	}
	return -1
}

// CanMove reports whether a manuscript may go from one status to another: one step forward,
// or back to 草稿 from 审核 or 签发 (returned for revision). 印发 and 归档 are final steps:
// a printed document is only archived, an archived one never changes.
func CanMove(from, to Status) bool {
	i, j := from.index(), to.index()
	if i < 0 || j < 0 {
		return false
	}
	return j == i+1 || (to == Draft && (from == Review || from == Signed))
}

// Doc is a manuscript's current state.
type Doc struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Number string `json:"number,omitempty"` // 发文字号
	Genre  string `json:"genre,omitempty"`
	// Date is the 成文日期: 2026-06-01 when the draft's date reads, else as typed.
	Date      string `json:"date,omitempty"`
	Status    Status `json:"status"`
	Head      int    `json:"head"` // the newest version
	CreatedBy string `json:"created_by"`
	CreatedAt string `json:"created_at"`
	UpdatedBy string `json:"updated_by"`
	UpdatedAt string `json:"updated_at"`
}

// Version is one saved version of a manuscript.
type Version struct {
	DocID   string `json:"-"`
	N       int    `json:"version"`
	Draft   string `json:"-"` // the draft file's text
	SHA256  string `json:"sha256"`
	Author  string `json:"author"`
	SavedAt string `json:"saved_at"`
	Note    string `json:"note,omitempty"`
}

// StatusChange is one move in the workflow.
type StatusChange struct {
	Seq  int    `json:"seq"`
	From Status `json:"from"`
	To   Status `json:"to"`
	Who  string `json:"who"`
	At   string `json:"at"`
	Note string `json:"note,omitempty"`
}

// Library is the manuscript library in a database.
type Library struct {
	db *store.DB
}

// New returns the library kept in db.
func New(db *store.DB) *Library { return &Library{db: db} }

// ErrNotFound is returned for an unknown manuscript or version.
var ErrNotFound = errors.New("not in the library")

// ErrConflict is returned when a save is based on a version that is no longer the newest.
var ErrConflict = errors.New("the manuscript changed meanwhile")

func newID() string {
	b := make([]byte, 8)
	rand.Read(b)
	return hex.EncodeToString(b)
}

func sum(draft string) string {
	h := sha256.Sum256([]byte(draft))
	return hex.EncodeToString(h[:])
}

// meta reads the searchable fields of a draft; the draft must parse.
func meta(draft string) (title, number, genre, date string, err error) {
	doc, err := document.Parse("draft", []byte(draft))
	if err != nil {
		return "", "", "", "", fmt.Errorf("草稿无法解析，未保存 (draft does not parse): %w", err)
	}
	date = doc.Date
	if d, err := document.ParseDate(doc.Date); err == nil && d.Valid() {
		date = fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	}
	return strings.ReplaceAll(doc.Title, "\n", ""), doc.Number, doc.Genre, date, nil
}

// Save is what to save.
type Save struct {
	// ID is the manuscript; "" makes a new one.
	ID string
	// Base is the version the edit started from; when positive and no longer the newest, the save
	// fails with ErrConflict instead of hiding someone else's version.
	Base  int
	Draft string
	Who   string
	Note  string
}

const docColumns = `id, title, number, genre, doc_date, status, head, created_by, created_at, updated_by, updated_at`

func scanDoc(sc interface{ Scan(...any) error }) (Doc, error) {
	var d Doc
	err := sc.Scan(&d.ID, &d.Title, &d.Number, &d.Genre, &d.Date, &d.Status, &d.Head, &d.CreatedBy, &d.CreatedAt, &d.UpdatedBy, &d.UpdatedAt)
	return d, err
}

type querier interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}

func getDoc(ctx context.Context, q querier, id, lock string) (Doc, error) {
	d, err := scanDoc(q.QueryRowContext(ctx, `SELECT `+docColumns+` FROM documents WHERE id = $1`+lock, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Doc{}, fmt.Errorf("文稿 %s 不在文稿库中: %w", id, ErrNotFound)
	}
	return d, err
}

// Save stores a new version of a manuscript (a new manuscript when s.ID is empty) and returns its
// state. A draft identical to the newest version adds nothing. An archived manuscript is not changed.
func (l *Library) Save(ctx context.Context, s Save) (Doc, error) {
	title, number, genre, date, err := meta(s.Draft)
	if err != nil {
		return Doc{}, err
	}
	var d Doc
	err = l.db.Tx(ctx, func(tx *sql.Tx) error {
		now := store.Now()
		if s.ID == "" {
			d = Doc{ID: newID(), Title: title, Number: number, Genre: genre, Date: date, Status: Draft, Head: 1,
				CreatedBy: s.Who, CreatedAt: now, UpdatedBy: s.Who, UpdatedAt: now}
			if _, err := tx.ExecContext(ctx, `INSERT INTO documents (`+docColumns+`) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
				d.ID, d.Title, d.Number, d.Genre, d.Date, string(d.Status), d.Head, d.CreatedBy, d.CreatedAt, d.UpdatedBy, d.UpdatedAt); err != nil {
				return err
			}
		} else {
			var err error
			if d, err = getDoc(ctx, tx, s.ID, l.db.ForUpdate()); err != nil {
				return err
			}
			if d.Status == Archived {
				return fmt.Errorf("《%s》已归档，不能再修改 (archived)", d.Title)
			}
			var last string
			if err := tx.QueryRowContext(ctx, `SELECT sha256 FROM versions WHERE doc_id = $1 AND version = $2`, d.ID, d.Head).Scan(&last); err != nil {
				return err
			}
			if last == sum(s.Draft) {
				return nil // unchanged (also when based on an older version: nothing is lost)
			}
			if s.Base > 0 && s.Base != d.Head {
				return fmt.Errorf("《%s》已由 %s 保存了第 %d 版（你的修改基于第 %d 版）: %w", d.Title, d.UpdatedBy, d.Head, s.Base, ErrConflict)
			}
			d.Head++
			d.Title, d.Number, d.Genre, d.Date, d.UpdatedBy, d.UpdatedAt = title, number, genre, date, s.Who, now
			if _, err := tx.ExecContext(ctx, `UPDATE documents SET title = $2, number = $3, genre = $4, doc_date = $5, head = $6, updated_by = $7, updated_at = $8 WHERE id = $1`,
				d.ID, d.Title, d.Number, d.Genre, d.Date, d.Head, d.UpdatedBy, d.UpdatedAt); err != nil {
				return err
			}
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO versions (doc_id, version, draft, sha256, author, saved_at, note) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
			d.ID, d.Head, s.Draft, sum(s.Draft), s.Who, now, s.Note)
		return err
	})
	if err != nil {
		return Doc{}, fmt.Errorf("保存到文稿库失败 (save): %w", err)
	}
	return d, nil
}

// Get returns a manuscript's current state.
func (l *Library) Get(ctx context.Context, id string) (Doc, error) {
	return getDoc(ctx, l.db, id, "")
}

// Versions lists a manuscript's versions, oldest first, without their text.
func (l *Library) Versions(ctx context.Context, id string) ([]Version, error) {
	if _, err := l.Get(ctx, id); err != nil {
		return nil, err
	}
	rows, err := l.db.QueryContext(ctx, `SELECT version, sha256, author, saved_at, note FROM versions WHERE doc_id = $1 ORDER BY version`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Version
	for rows.Next() {
		v := Version{DocID: id}
		if err := rows.Scan(&v.N, &v.SHA256, &v.Author, &v.SavedAt, &v.Note); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// Version returns one version with its draft text; n = 0 means the newest.
func (l *Library) Version(ctx context.Context, id string, n int) (Version, error) {
	if n == 0 {
		d, err := l.Get(ctx, id)
		if err != nil {
			return Version{}, err
		}
		n = d.Head
	}
	v := Version{DocID: id, N: n}
	err := l.db.QueryRowContext(ctx, `SELECT draft, sha256, author, saved_at, note FROM versions WHERE doc_id = $1 AND version = $2`, id, n).
		Scan(&v.Draft, &v.SHA256, &v.Author, &v.SavedAt, &v.Note)
	if errors.Is(err, sql.ErrNoRows) {
		return Version{}, fmt.Errorf("文稿 %s 没有第 %d 版: %w", id, n, ErrNotFound)
	}
	return v, err
}

// Restore saves version n again as the newest version (nothing is lost: the versions after it stay).
func (l *Library) Restore(ctx context.Context, id string, n int, who string) (Doc, error) {
	v, err := l.Version(ctx, id, n)
	if err != nil {
		return Doc{}, err
	}
	return l.Save(ctx, Save{ID: id, Draft: v.Draft, Who: who, Note: fmt.Sprintf("恢复第 %d 版 (restored version %d)", n, n)})
}

// SetStatus moves a manuscript in the workflow (see CanMove) and records who and when.
func (l *Library) SetStatus(ctx context.Context, id string, to Status, who, note string) (Doc, error) {
	var d Doc
	err := l.db.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		if d, err = getDoc(ctx, tx, id, l.db.ForUpdate()); err != nil {
			return err
		}
		if !CanMove(d.Status, to) {
			return fmt.Errorf("《%s》不能从%s改为%s（流程：草稿→审核→签发→印发→归档，审核和签发可退回草稿）", d.Title, d.Status.Label(), to.Label())
		}
		var seq int
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(seq), 0) FROM status_log WHERE doc_id = $1`, id).Scan(&seq); err != nil {
			return err
		}
		now := store.Now()
		if _, err := tx.ExecContext(ctx, `INSERT INTO status_log (doc_id, seq, from_status, to_status, who, at, note) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
			id, seq+1, string(d.Status), string(to), who, now, note); err != nil {
			return err
		}
		d.Status, d.UpdatedBy, d.UpdatedAt = to, who, now
		_, err = tx.ExecContext(ctx, `UPDATE documents SET status = $2, updated_by = $3, updated_at = $4 WHERE id = $1`, id, string(to), who, now)
		return err
	})
	if err != nil {
		return Doc{}, fmt.Errorf("改变状态失败 (set status): %w", err)
	}
	return d, nil
}

// History lists a manuscript's status changes, oldest first.
func (l *Library) History(ctx context.Context, id string) ([]StatusChange, error) {
	rows, err := l.db.QueryContext(ctx, `SELECT seq, from_status, to_status, who, at, note FROM status_log WHERE doc_id = $1 ORDER BY seq`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []StatusChange
	for rows.Next() {
		var c StatusChange
		if err := rows.Scan(&c.Seq, &c.From, &c.To, &c.Who, &c.At, &c.Note); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// Query selects manuscripts; zero fields match everything.
type Query struct {
	Title  string // part of the title
	Number string // part of the 发文字号
	Genre  string
	Status Status
	// DateFrom and DateTo bound the 成文日期 (inclusive), written 2026-06-01 or 2026年6月1日.
	DateFrom, DateTo string
	// Text matches title or number.
	Text string
}

func isoDate(s string) (string, error) {
	d, err := document.ParseDate(s)
	if err != nil || !d.Valid() {
		return "", fmt.Errorf("日期 %q 无法识别 (bad date)", s)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day), nil
}

// Search returns the manuscripts matching q, the most recently changed first.
func (l *Library) Search(ctx context.Context, q Query) ([]Doc, error) {
	sqlq := `SELECT ` + docColumns + ` FROM documents WHERE 1 = 1`
	var args []any
	add := func(cond string, v any) {
		args = append(args, v)
		sqlq += " AND " + strings.ReplaceAll(cond, "?", fmt.Sprintf("$%d", len(args)))
	}
	like := func(s string) string {
		return "%" + strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s) + "%"
	}
	if q.Title != "" {
		add(`title LIKE ? ESCAPE '\'`, like(q.Title))
	}
	if q.Number != "" {
		add(`number LIKE ? ESCAPE '\'`, like(q.Number))
	}
	if q.Text != "" {
		add(`(title LIKE ? ESCAPE '\' OR number LIKE ? ESCAPE '\')`, like(q.Text))
	}
	if q.Genre != "" {
		add(`genre = ?`, q.Genre)
	}
	if q.Status != "" {
		add(`status = ?`, string(q.Status))
	}
	for _, b := range []struct {
		v, op string
	}{{q.DateFrom, ">="}, {q.DateTo, "<="}} {
		if b.v == "" {
			continue
		}
		iso, err := isoDate(b.v)
		if err != nil {
			return nil, err
		}
		// only dates that read (stored as 2026-06-01) take part in a range
		add(`doc_date LIKE '____-__-__' AND doc_date `+b.op+` ?`, iso)
	}
	sqlq += ` ORDER BY updated_at DESC, id`
	rows, err := l.db.QueryContext(ctx, sqlq, args...)
	if err != nil {
		return nil, fmt.Errorf("检索文稿库失败 (search): %w", err)
	}
	defer rows.Close()
	var out []Doc
	for rows.Next() {
		d, err := scanDoc(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// Portable makes a draft's image paths (seals, signature stamp) absolute from doc.Dir before it
// is stored, so that a version opened from the library, elsewhere on the machine, still finds them.
func Portable(doc *document.Document) {
	abs := func(p string) string {
		if p == "" || filepath.IsAbs(p) || doc.Dir == "" {
			return p
		}
		return filepath.Join(doc.Dir, p)
	}
	for i := range doc.Issuers {
		doc.Issuers[i].Seal = abs(doc.Issuers[i].Seal)
	}
	doc.SignatureImage = abs(doc.SignatureImage)
}
