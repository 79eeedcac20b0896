package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// migration is one versioned step of the schema. Its statements are the same for both engines
// (portable SQL: TEXT, INTEGER, BIGINT, composite primary keys, ON CONFLICT); they run in one
// transaction together with the row that records the version.
type migration struct {
	version int
	name    string
	stmts   []string
}

// migrations are the schema's history, oldest first. Never edit an applied step; add one.
var migrations = []migration{
	{1, "register and library", []string{
		// the next serial per 机关代字 and year; the row is the lock two takers queue on
		`CREATE TABLE counters (
			code        TEXT    NOT NULL,
			year        INTEGER NOT NULL,
			next_serial INTEGER NOT NULL,
			PRIMARY KEY (code, year))`,
		// the 发文登记簿: one row per number ever handed out
		`CREATE TABLE numbers (
			code       TEXT    NOT NULL,
			year       INTEGER NOT NULL,
			serial     INTEGER NOT NULL,
			state      TEXT    NOT NULL CHECK (state IN ('reserved', 'released', 'issued')),
			doc_id     TEXT    NOT NULL DEFAULT '',
			title      TEXT    NOT NULL DEFAULT '',
			doc_date   TEXT    NOT NULL DEFAULT '',
			signer     TEXT    NOT NULL DEFAULT '',
			recipients TEXT    NOT NULL DEFAULT '',
			cc         TEXT    NOT NULL DEFAULT '',
			joint      TEXT    NOT NULL DEFAULT '',
			note       TEXT    NOT NULL DEFAULT '',
			taken_by   TEXT    NOT NULL DEFAULT '',
			taken_at   TEXT    NOT NULL DEFAULT '',
			updated_by TEXT    NOT NULL DEFAULT '',
			updated_at TEXT    NOT NULL DEFAULT '',
			PRIMARY KEY (code, year, serial))`,
		// the library: one row per manuscript, its current state
		`CREATE TABLE documents (
			id         TEXT    NOT NULL PRIMARY KEY,
			title      TEXT    NOT NULL DEFAULT '',
			number     TEXT    NOT NULL DEFAULT '',
			genre      TEXT    NOT NULL DEFAULT '',
			doc_date   TEXT    NOT NULL DEFAULT '',
			status     TEXT    NOT NULL,
			head       INTEGER NOT NULL,
			created_by TEXT    NOT NULL DEFAULT '',
			created_at TEXT    NOT NULL DEFAULT '',
			updated_by TEXT    NOT NULL DEFAULT '',
			updated_at TEXT    NOT NULL DEFAULT '')`,
		// every saved version of a manuscript, as its draft text
		`CREATE TABLE versions (
			doc_id   TEXT    NOT NULL REFERENCES documents (id),
			version  INTEGER NOT NULL,
			draft    TEXT    NOT NULL,
			sha256   TEXT    NOT NULL,
			author   TEXT    NOT NULL DEFAULT '',
			saved_at TEXT    NOT NULL DEFAULT '',
			note     TEXT    NOT NULL DEFAULT '',
			PRIMARY KEY (doc_id, version))`,
		// every status change, who and when
		`CREATE TABLE status_log (
			doc_id      TEXT    NOT NULL REFERENCES documents (id),
			seq         INTEGER NOT NULL,
			from_status TEXT    NOT NULL,
			to_status   TEXT    NOT NULL,
			who         TEXT    NOT NULL DEFAULT '',
			at          TEXT    NOT NULL DEFAULT '',
			note        TEXT    NOT NULL DEFAULT '',
			PRIMARY KEY (doc_id, seq))`,
		`CREATE INDEX documents_updated ON documents (updated_at)`,
		`CREATE INDEX numbers_doc ON numbers (doc_id)`,
	}},
}

// SchemaVersion is the schema version this program writes.
var SchemaVersion = migrations[len(migrations)-1].version

// ErrTooNew is returned by Open for a database whose schema is newer than this program.
var ErrTooNew = errors.New("database schema is newer than this program")

// TooNewError says which versions met.
type TooNewError struct {
	Where         string
	Have, Program int
}

func (e *TooNewError) Error() string {
	return fmt.Sprintf("数据库 %s 的结构版本为 %d，比本程序（%d）新；请升级 Gongwen，数据库未作任何改动 (database schema v%d is newer than this program's v%d; nothing was changed)",
		e.Where, e.Have, e.Program, e.Have, e.Program)
}

func (e *TooNewError) Unwrap() error { return ErrTooNew }

// Version reads the schema version of the database (0 for a new one).
func (db *DB) Version(ctx context.Context) (int, error) {
	var v sql.NullInt64
	err := db.QueryRowContext(ctx, `SELECT MAX(version) FROM gongwen_schema`).Scan(&v)
	if err != nil {
		return 0, err
	}
	return int(v.Int64), nil
}

// migrate applies the migrations the database lacks, each in its own transaction. Two programs
// starting at once serialise on PostgreSQL's advisory lock or SQLite's write lock; the second
// finds the work done.
func (db *DB) migrate(ctx context.Context) error {
	// an up-to-date database is only read: users without the right to create tables can use it
	if have, err := db.Version(ctx); err == nil {
		if have > SchemaVersion {
			return &TooNewError{Where: db.Where, Have: have, Program: SchemaVersion}
		}
		if have == SchemaVersion {
			return nil
		}
	}
	err := db.Tx(ctx, func(tx *sql.Tx) error {
		if err := db.lockSchema(ctx, tx); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS gongwen_schema (
			version    INTEGER NOT NULL PRIMARY KEY,
			name       TEXT    NOT NULL,
			applied_at TEXT    NOT NULL)`)
		return err
	})
	if err != nil {
		return fmt.Errorf("无法读取数据库结构版本 (cannot read schema version) %s: %w", db.Where, err)
	}
	have, err := db.Version(ctx)
	if err != nil {
		return fmt.Errorf("无法读取数据库结构版本 (cannot read schema version) %s: %w", db.Where, err)
	}
	if have > SchemaVersion {
		return &TooNewError{Where: db.Where, Have: have, Program: SchemaVersion}
	}
	for _, m := range migrations {
		if m.version <= have {
			continue
		}
		err := db.Tx(ctx, func(tx *sql.Tx) error {
			if err := db.lockSchema(ctx, tx); err != nil {
				return err
			}
			var cur sql.NullInt64
			if err := tx.QueryRowContext(ctx, `SELECT MAX(version) FROM gongwen_schema`).Scan(&cur); err != nil {
				return err
			}
			if int(cur.Int64) >= m.version {
				return nil // another program applied it meanwhile
			}
			for _, s := range m.stmts {
				if _, err := tx.ExecContext(ctx, s); err != nil {
					return err
				}
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO gongwen_schema (version, name, applied_at) VALUES ($1, $2, $3)`,
				m.version, m.name, Now())
			return err
		})
		if err != nil {
			return fmt.Errorf("数据库结构升级到版本 %d 失败，已回滚 (migration %d %q failed, rolled back) %s: %w", m.version, m.version, m.name, db.Where, err)
		}
	}
	return nil
}

// lockSchema makes concurrent migrations on PostgreSQL wait for each other (a transaction-scoped
// advisory lock); SQLite's immediate transactions already do.
func (db *DB) lockSchema(ctx context.Context, tx *sql.Tx) error {
	if db.Engine != Postgres {
		return nil
	}
	_, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(970416)`)
	return err
}
