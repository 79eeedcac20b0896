// Package store is Gongwen's database: it opens the office's register and library database —
// an embedded SQLite file by default, or a shared PostgreSQL server — through database/sql with
// pure-Go drivers (modernc.org/sqlite, github.com/jackc/pgx/v5), applies the versioned schema
// migrations on open, refuses a database written by a newer program, and runs transactions
// that retry when the engine reports a conflict.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Engine names a database engine.
type Engine string

// The two engines.
const (
	SQLite   Engine = "sqlite"
	Postgres Engine = "postgres"
)

// EnvDB names the environment variable that overrides the default database (a URL or a path).
const EnvDB = "GONGWEN_DB"

// DB is an open, migrated database.
type DB struct {
	*sql.DB
	Engine Engine
	// Where is the database for messages: the SQLite file, or the PostgreSQL URL without its password.
	Where string
}

// DefaultURL is the database used when none is named: $GONGWEN_DB when set, otherwise the user's
// own SQLite file <per-OS config dir>/gongwen/gongwen.db.
func DefaultURL() (string, error) {
	if v := strings.TrimSpace(os.Getenv(EnvDB)); v != "" {
		return v, nil
	}
	d, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("找不到用户数据文件夹，请用 --db 指定数据库 (no user config dir): %w", err)
	}
	return filepath.Join(d, "gongwen", "gongwen.db"), nil
}

// parse tells the engine and the driver's data source name of a database URL: postgres:// or
// postgresql:// for PostgreSQL; sqlite:PATH, file:PATH or a plain path for SQLite.
func parse(dbURL string) (Engine, string, string, error) {
	u := strings.TrimSpace(dbURL)
	switch {
	case u == "":
		return "", "", "", errors.New("数据库地址为空 (empty database URL)")
	case strings.HasPrefix(u, "postgres://"), strings.HasPrefix(u, "postgresql://"):
		pu, err := url.Parse(u)
		if err != nil {
			return "", "", "", fmt.Errorf("PostgreSQL 地址无效 (bad URL): %w", err)
		}
		where := pu.Redacted() // as the user wrote it
		// a server that does not answer is reported after ConnectTimeout, not after the
		// operating system's TCP timeout (minutes) or the caller's patience
		if q := pu.Query(); q.Get("connect_timeout") == "" {
			q.Set("connect_timeout", strconv.Itoa(int(ConnectTimeout/time.Second)))
			pu.RawQuery = q.Encode()
		}
		return Postgres, pu.String(), where, nil
	}
	path := u
	for _, p := range []string{"sqlite://", "sqlite:", "file:"} {
		if strings.HasPrefix(path, p) {
			path = strings.TrimPrefix(path, p)
			break
		}
	}
	if i := strings.IndexByte(path, '?'); i >= 0 {
		path = path[:i] // our own connection settings below replace any given
	}
	if path == "" {
		return "", "", "", fmt.Errorf("SQLite 文件路径为空 (empty path in %q)", dbURL)
	}
	// BEGIN IMMEDIATE takes the write lock when a transaction starts, so two takers never both
	// read the same counter; busy_timeout makes the second wait instead of failing at once.
	dsn := path + "?_txlock=immediate&_busy_timeout=15000&_journal_mode=WAL&_synchronous=FULL&_foreign_keys=1"
	return SQLite, dsn, path, nil
}

// ConnectTimeout bounds connecting to a PostgreSQL server whose URL sets no connect_timeout.
const ConnectTimeout = 5 * time.Second

// isTimeout reports whether err is a network or connect timeout.
func isTimeout(err error) bool {
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return true
	}
	return pgconn.Timeout(err)
}

// Open opens the database at dbURL ("" means DefaultURL()), creating a SQLite file and its folder
// when needed, and brings its schema up to date. A database whose schema is newer than this
// program is refused with ErrTooNew and left as it is.
func Open(ctx context.Context, dbURL string) (*DB, error) {
	if dbURL == "" {
		var err error
		if dbURL, err = DefaultURL(); err != nil {
			return nil, err
		}
	}
	engine, dsn, where, err := parse(dbURL)
	if err != nil {
		return nil, err
	}
	driver := "pgx"
	if engine == SQLite {
		driver = "sqlite"
		if err := os.MkdirAll(filepath.Dir(where), 0o755); err != nil {
			return nil, fmt.Errorf("无法创建数据库文件夹 (cannot create folder) %s: %w", filepath.Dir(where), err)
		}
	}
	sdb, err := sql.Open(driver, dsn)
	if err != nil {
		return nil, fmt.Errorf("无法打开数据库 (cannot open) %s: %w", where, err)
	}
	if engine == Postgres {
		sdb.SetMaxOpenConns(16)
	}
	sdb.SetConnMaxIdleTime(5 * time.Minute)
	db := &DB{DB: sdb, Engine: engine, Where: where}
	pctx, cancel := context.WithTimeout(ctx, 2*ConnectTimeout)
	defer cancel()
	if err := sdb.PingContext(pctx); err != nil {
		sdb.Close()
		if engine == Postgres && (errors.Is(err, context.DeadlineExceeded) || pctx.Err() != nil || isTimeout(err)) {
			return nil, fmt.Errorf("无法连接数据库 %s：服务器没有及时响应，请检查地址、端口和网络 (cannot connect: no answer in time): %w", where, err)
		}
		return nil, fmt.Errorf("无法连接数据库 (cannot connect) %s: %w", where, err)
	}
	if err := db.migrate(ctx); err != nil {
		sdb.Close()
		return nil, err
	}
	return db, nil
}

// ForUpdate is the row-lock clause to end a SELECT with inside a transaction: FOR UPDATE on
// PostgreSQL; nothing on SQLite, whose transactions already hold the database's write lock.
func (db *DB) ForUpdate() string {
	if db.Engine == Postgres {
		return " FOR UPDATE"
	}
	return ""
}

// LockKey makes transactions naming the same key wait for each other until the first commits
// or rolls back, for a check-then-write that no row lock covers (e.g. "this draft holds no number
// yet" before taking one): a transaction-scoped advisory lock on PostgreSQL, keyed by a hash of
// space and key (two keys sharing a hash only wait for each other); nothing on SQLite, whose
// immediate transactions already hold the database's write lock.
func (db *DB) LockKey(ctx context.Context, tx *sql.Tx, space, key string) error {
	if db.Engine != Postgres {
		return nil
	}
	_, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))`, space, key)
	return err
}

// Tx runs f in a transaction and commits it, or rolls it back when f fails. A transaction the
// engine aborted because of a concurrent one (PostgreSQL serialization failure or deadlock,
// SQLite busy after its timeout) is run again, a few times, from the start.
func (db *DB) Tx(ctx context.Context, f func(tx *sql.Tx) error) error {
	var err error
	for attempt := 0; attempt < 8; attempt++ {
		err = db.tx1(ctx, f)
		if err == nil || !retryable(err) {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Duration(attempt+1) * 20 * time.Millisecond):
		}
	}
	return err
}

func (db *DB) tx1(ctx context.Context, f func(tx *sql.Tx) error) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := f(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// retryable reports whether err means "another transaction was in the way; try again".
func retryable(err error) bool {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code == "40001" || pe.Code == "40P01"
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		c := se.Code() & 0xff
		return c == sqlite3.SQLITE_BUSY || c == sqlite3.SQLITE_LOCKED
	}
	return false
}

// IsUniqueViolation reports whether err is a primary-key or unique-constraint violation.
func IsUniqueViolation(err error) bool {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code == "23505"
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY || se.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE
	}
	return false
}

// Now is the time stamp the store writes: UTC, RFC 3339, so that both engines compare it as text.
func Now() string { return time.Now().UTC().Format(time.RFC3339) }

// User is the name recorded as who changed something: $GONGWEN_USER, else the login name.
func User() string {
	for _, k := range []string{"GONGWEN_USER", "USER", "USERNAME", "LOGNAME"} {
		if v := strings.TrimSpace(os.Getenv(k)); v != "" {
			return v
		}
	}
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	return "unknown"
}
