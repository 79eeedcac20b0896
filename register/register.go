// Package register is the office's 发文登记簿: it hands out 发文字号 (机关代字〔年份〕序号号) in order,
// one sequence per 机关代字 and year, never the same number twice — even when two people on two
// machines take one at the same instant — and records each number's fate: reserved for a draft,
// released unused (a visible gap, reused only when the user chooses it), or issued with the
// document's title, date, 签发人, 主送, 抄送 and, for 联合行文, the co-issuing organs (a joint
// document carries the lead organ's number only).
package register

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"gongwen/document"
	"gongwen/store"
)

// State is where a number stands.
type State string

// The states of a number.
const (
	Reserved State = "reserved" // 已取号: taken for a draft, not yet issued
	Released State = "released" // 已释放: given back unused; a gap until someone chooses to reuse it
	Issued   State = "issued"   // 已发文: the document went out with it
)

// Label is the state's Chinese name.
func (s State) Label() string {
	switch s {
	case Reserved:
		return "已取号"
	case Released:
		return "已释放"
	case Issued:
		return "已发文"
	}
	return string(s)
}

// ParseState reads a state from its English or Chinese name.
func ParseState(s string) (State, error) {
	for _, st := range []State{Reserved, Released, Issued} {
		if s == string(st) || s == st.Label() {
			return st, nil
		}
	}
	return "", fmt.Errorf("状态 %q 无效：应为 已取号、已释放 或 已发文 (reserved, released, issued)", s)
}

// Entry is one line of the 发文登记簿.
type Entry struct {
	Code   string `json:"code"`   // 机关代字, e.g. 江政
	Year   int    `json:"year"`   // 年份
	Serial int    `json:"serial"` // 序号
	State  State  `json:"state"`
	// DocID is the library manuscript the number belongs to, if any.
	DocID      string   `json:"doc_id,omitempty"`
	Title      string   `json:"title,omitempty"`      // 标题
	Date       string   `json:"date,omitempty"`       // 成文日期
	Signer     string   `json:"signer,omitempty"`     // 签发人
	Recipients string   `json:"recipients,omitempty"` // 主送机关
	CC         string   `json:"cc,omitempty"`         // 抄送机关
	Joint      []string `json:"joint,omitempty"`      // 联合行文的其他机关 (the lead organ's number is this one)
	Note       string   `json:"note,omitempty"`       // 备注
	TakenBy    string   `json:"taken_by,omitempty"`
	TakenAt    string   `json:"taken_at,omitempty"`
	UpdatedBy  string   `json:"updated_by,omitempty"`
	UpdatedAt  string   `json:"updated_at,omitempty"`
}

// Number is the whole 发文字号, e.g. 江政〔2026〕5号.
func (e Entry) Number() string { return FormatNumber(e.Code, e.Year, e.Serial) }

// FormatNumber composes 机关代字〔年份〕序号号 (GB/T 9704-2012 7.2.5): the year in full in 六角括号,
// the serial without leading zeros and without 第.
func FormatNumber(code string, year, serial int) string {
	return fmt.Sprintf("%s〔%d〕%d号", code, year, serial)
}

var numberRE = regexp.MustCompile(`^\s*(\S+?)\s*[〔\[［【(（]\s*(\d{4})\s*[〕\]］】)）]\s*第?\s*(\d+)\s*号\s*$`)

// ParseNumber splits a 发文字号 into 机关代字, year and serial. It accepts the brackets people
// type instead of 〔〕 so that registers kept by hand import.
func ParseNumber(s string) (code string, year, serial int, err error) {
	m := numberRE.FindStringSubmatch(s)
	if m == nil {
		return "", 0, 0, fmt.Errorf("发文字号 %q 无法识别：应为 机关代字〔年份〕序号号，如 江政〔2026〕5号", s)
	}
	if !utf8.ValidString(m[1]) || strings.ContainsAny(m[1], "〔〕[]［］【】()（）") {
		return "", 0, 0, fmt.Errorf("发文字号 %q 的机关代字无效", s)
	}
	year, _ = strconv.Atoi(m[2])
	if year < 1900 {
		return "", 0, 0, fmt.Errorf("发文字号 %q 的年份无效", s)
	}
	serial, err = strconv.Atoi(m[3])
	if err != nil || serial <= 0 {
		return "", 0, 0, fmt.Errorf("发文字号 %q 的序号无效", s)
	}
	return m[1], year, serial, nil
}

// checkKey validates a 机关代字, year and (when checked) serial.
func checkKey(code string, year, serial int, withSerial bool) error {
	switch {
	case strings.TrimSpace(code) == "":
		return errors.New("缺少机关代字 (no 机关代字 given)")
	case code != strings.TrimSpace(code) || strings.ContainsAny(code, "〔〕[]［］【】()（）\n\t"):
		return fmt.Errorf("机关代字 %q 只写代字，不带年份和括号（如 江政）", code)
	case year < 1900 || year > 9999:
		return fmt.Errorf("年份 %d 无效 (year out of range)", year)
	case withSerial && serial <= 0:
		return fmt.Errorf("序号 %d 无效 (serial must be positive)", serial)
	}
	return nil
}

// Register is the 发文登记簿 in a database.
type Register struct {
	db *store.DB
}

// New returns the register kept in db.
func New(db *store.DB) *Register { return &Register{db: db} }

// ErrNotFound is returned for a number that was never handed out.
var ErrNotFound = errors.New("number not in the register")

// beforeCommit, when set (by tests only), runs inside Take's and Issue's transactions just
// before they commit.
var beforeCommit func(op string)

const columns = `code, year, serial, state, doc_id, title, doc_date, signer, recipients, cc, joint, note, taken_by, taken_at, updated_by, updated_at`

func scanEntry(sc interface{ Scan(...any) error }) (Entry, error) {
	var e Entry
	var joint string
	err := sc.Scan(&e.Code, &e.Year, &e.Serial, &e.State, &e.DocID, &e.Title, &e.Date, &e.Signer,
		&e.Recipients, &e.CC, &joint, &e.Note, &e.TakenBy, &e.TakenAt, &e.UpdatedBy, &e.UpdatedAt)
	e.Joint = splitJoint(joint)
	return e, err
}

// JointSep separates the co-issuing organs in one text field (the register's spreadsheet too).
const JointSep = "、"

func splitJoint(s string) []string {
	var out []string
	for _, p := range strings.Split(s, JointSep) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func entryArgs(e Entry) []any {
	return []any{e.Code, e.Year, e.Serial, string(e.State), e.DocID, e.Title, e.Date, e.Signer,
		e.Recipients, e.CC, strings.Join(e.Joint, JointSep), e.Note, e.TakenBy, e.TakenAt, e.UpdatedBy, e.UpdatedAt}
}

// lockDoc makes transactions that give docID a number wait for each other (see store.LockKey).
func (r *Register) lockDoc(ctx context.Context, tx *sql.Tx, docID string) error {
	if docID == "" {
		return nil
	}
	return r.db.LockKey(ctx, tx, "register.doc", docID)
}

// docHolds returns the number a manuscript already holds (reserved or issued), if any: a document,
// joint or not, carries one 发文字号.
// The caller must hold lockDoc(docID) for the transaction, so that two takers for one draft
// cannot both find it without a number.
func docHolds(ctx context.Context, tx *sql.Tx, docID string) (Entry, bool, error) {
	if docID == "" {
		return Entry{}, false, nil
	}
	e, err := scanEntry(tx.QueryRowContext(ctx, `SELECT `+columns+` FROM numbers WHERE doc_id = $1 AND state <> 'released' ORDER BY year, serial LIMIT 1`, docID))
	if errors.Is(err, sql.ErrNoRows) {
		return Entry{}, false, nil
	}
	return e, err == nil, err
}

// Take hands out the next number of code's sequence for year and records it as reserved by who,
// for the library manuscript docID ("" for none). Two takers at once, in one process or on two
// machines, get different numbers: the counter row is locked for the transaction (SELECT … FOR
// UPDATE on PostgreSQL; SQLite's immediate transactions hold the database's write lock).
// Released numbers are not reused (see TakeReleased). A draft holds one number: takers for the
// same draft at once wait for each other on a lock keyed by docID, and all but the first are refused.
func (r *Register) Take(ctx context.Context, code string, year int, who, docID string) (Entry, error) {
	if err := checkKey(code, year, 0, false); err != nil {
		return Entry{}, err
	}
	var e Entry
	err := r.db.Tx(ctx, func(tx *sql.Tx) error {
		if err := r.lockDoc(ctx, tx, docID); err != nil {
			return err
		}
		if held, ok, err := docHolds(ctx, tx, docID); err != nil {
			return err
		} else if ok {
			return fmt.Errorf("这份文稿已有发文字号 %s，不能再取号（联合行文只用主办机关的一个发文字号）", held.Number())
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO counters (code, year, next_serial) VALUES ($1, $2, 1) ON CONFLICT (code, year) DO NOTHING`, code, year); err != nil {
			return err
		}
		var next int
		if err := tx.QueryRowContext(ctx, `SELECT next_serial FROM counters WHERE code = $1 AND year = $2`+r.db.ForUpdate(), code, year).Scan(&next); err != nil {
			return err
		}
		now := store.Now()
		e = Entry{Code: code, Year: year, Serial: next, State: Reserved, DocID: docID,
			TakenBy: who, TakenAt: now, UpdatedBy: who, UpdatedAt: now}
		if _, err := tx.ExecContext(ctx, `INSERT INTO numbers (`+columns+`) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`, entryArgs(e)...); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE counters SET next_serial = $3 WHERE code = $1 AND year = $2`, code, year, next+1); err != nil {
			return err
		}
		if beforeCommit != nil {
			beforeCommit("take")
		}
		return nil
	})
	if err != nil {
		return Entry{}, fmt.Errorf("取号失败 (take %s %d): %w", code, year, err)
	}
	return e, nil
}

// TakeReleased reserves a released number again — the user's choice to fill a gap.
func (r *Register) TakeReleased(ctx context.Context, code string, year, serial int, who, docID string) (Entry, error) {
	if err := checkKey(code, year, serial, true); err != nil {
		return Entry{}, err
	}
	var e Entry
	err := r.db.Tx(ctx, func(tx *sql.Tx) error {
		if err := r.lockDoc(ctx, tx, docID); err != nil {
			return err
		}
		if held, ok, err := docHolds(ctx, tx, docID); err != nil {
			return err
		} else if ok {
			return fmt.Errorf("这份文稿已有发文字号 %s，不能再取号", held.Number())
		}
		now := store.Now()
		res, err := tx.ExecContext(ctx, `UPDATE numbers SET state = 'reserved', doc_id = $4, taken_by = $5, taken_at = $6, updated_by = $5, updated_at = $6,
			title = '', doc_date = '', signer = '', recipients = '', cc = '', joint = ''
			WHERE code = $1 AND year = $2 AND serial = $3 AND state = 'released'`, code, year, serial, docID, who, now)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			cur, err := get(ctx, tx, code, year, serial)
			if err != nil {
				return err
			}
			return fmt.Errorf("%s 状态为%s，只有已释放的号可以重新使用", cur.Number(), cur.State.Label())
		}
		e, err = get(ctx, tx, code, year, serial)
		return err
	})
	if err != nil {
		return Entry{}, fmt.Errorf("重用空号失败 (reuse %s): %w", FormatNumber(code, year, serial), err)
	}
	return e, nil
}

// Release gives back a reserved number unused. It stays in the register as a visible gap.
func (r *Register) Release(ctx context.Context, code string, year, serial int, who, note string) (Entry, error) {
	if err := checkKey(code, year, serial, true); err != nil {
		return Entry{}, err
	}
	var e Entry
	err := r.db.Tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE numbers SET state = 'released', doc_id = '', updated_by = $4, updated_at = $5, note = CASE WHEN $6 = '' THEN note ELSE $6 END
			WHERE code = $1 AND year = $2 AND serial = $3 AND state = 'reserved'`, code, year, serial, who, store.Now(), note)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			cur, err := get(ctx, tx, code, year, serial)
			if err != nil {
				return err
			}
			return fmt.Errorf("%s 状态为%s，只有已取号未发文的号可以释放", cur.Number(), cur.State.Label())
		}
		e, err = get(ctx, tx, code, year, serial)
		return err
	})
	if err != nil {
		return Entry{}, fmt.Errorf("释放失败 (release %s): %w", FormatNumber(code, year, serial), err)
	}
	return e, nil
}

// Issue records that the document went out with a reserved number: title, date, 签发人, 主送,
// 抄送, co-issuers and note come from d (its Code, Year and Serial name the number). Issuing an
// issued number again corrects its record.
func (r *Register) Issue(ctx context.Context, d Entry, who string) (Entry, error) {
	if err := checkKey(d.Code, d.Year, d.Serial, true); err != nil {
		return Entry{}, err
	}
	if strings.TrimSpace(d.Title) == "" {
		return Entry{}, fmt.Errorf("登记发文 %s 需要标题 (title required)", d.Number())
	}
	var e Entry
	err := r.db.Tx(ctx, func(tx *sql.Tx) error {
		cur, err := getLocked(ctx, tx, r.db, d.Code, d.Year, d.Serial)
		if err != nil {
			return err
		}
		if cur.State == Released {
			return fmt.Errorf("%s 已释放；要使用它，请先重新取这个空号", cur.Number())
		}
		docID := cur.DocID
		if d.DocID != "" && d.DocID != docID {
			if err := r.lockDoc(ctx, tx, d.DocID); err != nil {
				return err
			}
			if held, ok, err := docHolds(ctx, tx, d.DocID); err != nil {
				return err
			} else if ok {
				return fmt.Errorf("这份文稿已有发文字号 %s（联合行文只用主办机关的一个发文字号）", held.Number())
			}
			docID = d.DocID
		}
		note := cur.Note
		if d.Note != "" {
			note = d.Note
		}
		_, err = tx.ExecContext(ctx, `UPDATE numbers SET state = 'issued', doc_id = $4, title = $5, doc_date = $6, signer = $7, recipients = $8, cc = $9, joint = $10, note = $11, updated_by = $12, updated_at = $13
			WHERE code = $1 AND year = $2 AND serial = $3`, d.Code, d.Year, d.Serial, docID, d.Title, d.Date, d.Signer,
			d.Recipients, d.CC, strings.Join(d.Joint, JointSep), note, who, store.Now())
		if err != nil {
			return err
		}
		if beforeCommit != nil {
			beforeCommit("issue")
		}
		e, err = get(ctx, tx, d.Code, d.Year, d.Serial)
		return err
	})
	if err != nil {
		return Entry{}, fmt.Errorf("登记发文失败 (issue %s): %w", d.Number(), err)
	}
	return e, nil
}

func get(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, code string, year, serial int) (Entry, error) {
	e, err := scanEntry(q.QueryRowContext(ctx, `SELECT `+columns+` FROM numbers WHERE code = $1 AND year = $2 AND serial = $3`, code, year, serial))
	if errors.Is(err, sql.ErrNoRows) {
		return Entry{}, fmt.Errorf("%s 不在登记簿中（从未取号）: %w", FormatNumber(code, year, serial), ErrNotFound)
	}
	return e, err
}

func getLocked(ctx context.Context, tx *sql.Tx, db *store.DB, code string, year, serial int) (Entry, error) {
	e, err := scanEntry(tx.QueryRowContext(ctx, `SELECT `+columns+` FROM numbers WHERE code = $1 AND year = $2 AND serial = $3`+db.ForUpdate(), code, year, serial))
	if errors.Is(err, sql.ErrNoRows) {
		return Entry{}, fmt.Errorf("%s 不在登记簿中（从未取号）: %w", FormatNumber(code, year, serial), ErrNotFound)
	}
	return e, err
}

// Get looks one number up.
func (r *Register) Get(ctx context.Context, code string, year, serial int) (Entry, error) {
	return get(ctx, r.db, code, year, serial)
}

// Filter selects register lines; zero fields match everything.
type Filter struct {
	Code  string
	Year  int
	State State
	DocID string
	// Text matches title, 签发人, 主送, 抄送 or 备注 (substring).
	Text string
}

// List returns the lines matching f, by 机关代字, year and serial.
func (r *Register) List(ctx context.Context, f Filter) ([]Entry, error) {
	q := `SELECT ` + columns + ` FROM numbers WHERE 1 = 1`
	var args []any
	add := func(cond string, v any) {
		args = append(args, v)
		q += fmt.Sprintf(" AND "+cond, len(args))
	}
	if f.Code != "" {
		add("code = $%d", f.Code)
	}
	if f.Year != 0 {
		add("year = $%d", f.Year)
	}
	if f.State != "" {
		add("state = $%d", string(f.State))
	}
	if f.DocID != "" {
		add("doc_id = $%d", f.DocID)
	}
	if f.Text != "" {
		args = append(args, "%"+likeEscape(f.Text)+"%")
		n := len(args)
		q += fmt.Sprintf(` AND (title LIKE $%[1]d ESCAPE '\' OR signer LIKE $%[1]d ESCAPE '\' OR recipients LIKE $%[1]d ESCAPE '\' OR cc LIKE $%[1]d ESCAPE '\' OR note LIKE $%[1]d ESCAPE '\')`, n)
	}
	q += ` ORDER BY code, year, serial`
	rows, err := r.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("读取登记簿失败 (list): %w", err)
	}
	defer rows.Close()
	var out []Entry
	for rows.Next() {
		e, err := scanEntry(rows)
		if err != nil {
			return nil, fmt.Errorf("读取登记簿失败 (list): %w", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// Gaps returns the released serials of code and year: numbers given back unused.
func (r *Register) Gaps(ctx context.Context, code string, year int) ([]int, error) {
	es, err := r.List(ctx, Filter{Code: code, Year: year, State: Released})
	if err != nil {
		return nil, err
	}
	out := make([]int, len(es))
	for i, e := range es {
		out[i] = e.Serial
	}
	return out, nil
}

// Sequence is one 机关代字 and year with the next serial it will hand out.
type Sequence struct {
	Code string `json:"code"`
	Year int    `json:"year"`
	Next int    `json:"next"`
}

// Sequences lists the 机关代字 and years the register knows, by code and year.
func (r *Register) Sequences(ctx context.Context) ([]Sequence, error) {
	rows, err := r.db.QueryContext(ctx, `SELECT code, year, next_serial FROM counters ORDER BY code, year`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Sequence
	for rows.Next() {
		var s Sequence
		if err := rows.Scan(&s.Code, &s.Year, &s.Next); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// Put writes lines as they are (an imported 发文登记簿): a number already in the register is
// replaced, a new one added, and each sequence's counter moves past the highest serial so that
// Take never hands an imported number out again. All lines or none are written.
func (r *Register) Put(ctx context.Context, es []Entry) error {
	for _, e := range es {
		if err := checkKey(e.Code, e.Year, e.Serial, true); err != nil {
			return fmt.Errorf("%s: %w", e.Number(), err)
		}
		if _, err := ParseState(string(e.State)); err != nil {
			return fmt.Errorf("%s: %w", e.Number(), err)
		}
	}
	err := r.db.Tx(ctx, func(tx *sql.Tx) error {
		for _, e := range es {
			if _, err := tx.ExecContext(ctx, `DELETE FROM numbers WHERE code = $1 AND year = $2 AND serial = $3`, e.Code, e.Year, e.Serial); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO numbers (`+columns+`) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`, entryArgs(e)...); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO counters (code, year, next_serial) VALUES ($1, $2, $3)
				ON CONFLICT (code, year) DO UPDATE SET next_serial = CASE WHEN counters.next_serial > $3 THEN counters.next_serial ELSE $3 END`,
				e.Code, e.Year, e.Serial+1); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("写入登记簿失败，未作改动 (put): %w", err)
	}
	return nil
}

// Verify checks the register's invariants and returns one message per violation: every
// sequence's counter is past its highest serial (so no number can be handed out twice), and
// every number has a sequence.
func (r *Register) Verify(ctx context.Context) ([]string, error) {
	rows, err := r.db.QueryContext(ctx, `SELECT n.code, n.year, MAX(n.serial), COALESCE(MAX(c.next_serial), 0)
		FROM numbers n LEFT JOIN counters c ON c.code = n.code AND c.year = n.year
		GROUP BY n.code, n.year ORDER BY n.code, n.year`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var code string
		var year, max, next int
		if err := rows.Scan(&code, &year, &max, &next); err != nil {
			return nil, err
		}
		if next == 0 {
			out = append(out, fmt.Sprintf("%s〔%d〕: 有号码但没有计数器", code, year))
		} else if next <= max {
			out = append(out, fmt.Sprintf("%s〔%d〕: 下一个序号 %d 不大于已登记的最大序号 %d", code, year, next, max))
		}
	}
	return out, rows.Err()
}

// FromDocument reads what the register records from a draft: its 发文字号 (when it parses), title,
// 成文日期, 签发人, 主送 (without the closing colon), 抄送 and, for 联合行文, the organs after the
// lead one (the document carries the lead organ's number).
func FromDocument(doc *document.Document) Entry {
	var e Entry
	if c, y, s, err := ParseNumber(doc.Number); err == nil {
		e.Code, e.Year, e.Serial = c, y, s
	}
	e.Title = strings.ReplaceAll(doc.Title, "\n", "")
	e.Date = doc.Date
	e.Signer = strings.Join(doc.Signers, JointSep)
	if e.Signer == "" {
		e.Signer = doc.SignerName
	}
	e.Recipients = strings.TrimRight(strings.TrimSpace(doc.Recipients), "：:")
	e.CC = strings.TrimSpace(doc.CC)
	for i, is := range doc.Issuers {
		if i > 0 && strings.TrimSpace(is.Name) != "" {
			e.Joint = append(e.Joint, strings.TrimSpace(is.Name))
		}
	}
	return e
}
