package store_test

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"net"
	neturl "net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gongwen/internal/storetest"
	"gongwen/store"
)

func TestParseURL(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		url    string
		engine store.Engine
		file   string
	}{
		{filepath.Join(dir, "a.db"), store.SQLite, "a.db"},
		{"sqlite:" + filepath.Join(dir, "b.db"), store.SQLite, "b.db"},
		{"file:" + filepath.Join(dir, "c.db") + "?mode=rwc", store.SQLite, "c.db"},
		{"sqlite://" + filepath.Join(dir, "sub", "d.db"), store.SQLite, filepath.Join("sub", "d.db")},
	} {
		db, err := store.Open(context.Background(), tc.url)
		if err != nil {
			t.Fatalf("%s: %v", tc.url, err)
		}
		if db.Engine != tc.engine {
			t.Errorf("%s: engine %s, want %s", tc.url, db.Engine, tc.engine)
		}
		db.Close()
		if _, err := os.Stat(filepath.Join(dir, tc.file)); err != nil {
			t.Errorf("%s: no file %s: %v", tc.url, tc.file, err)
		}
	}
	for _, bad := range []string{"sqlite:", "  ", "postgres://a b@/x%zz"} {
		if _, err := store.Open(context.Background(), bad); err == nil {
			t.Errorf("Open(%q) succeeded", bad)
		}
	}
}

func TestDefaultURL(t *testing.T) {
	t.Setenv(store.EnvDB, "/tmp/x.db")
	if u, _ := store.DefaultURL(); u != "/tmp/x.db" {
		t.Errorf("DefaultURL with %s = %q", store.EnvDB, u)
	}
	t.Setenv(store.EnvDB, "")
	t.Setenv("XDG_CONFIG_HOME", "/tmp/cfg")
	t.Setenv("HOME", "/tmp/home")
	u, err := store.DefaultURL()
	if err != nil || filepath.Base(u) != "gongwen.db" || filepath.Base(filepath.Dir(u)) != "gongwen" {
		t.Errorf("DefaultURL = %q, %v", u, err)
	}
}

// TestMigrations: a new database gets the whole schema; opening it again changes nothing; a
// database marked newer than the program is refused and left untouched.
func TestMigrations(t *testing.T) {
	for _, engine := range storetest.Engines {
		t.Run(string(engine), func(t *testing.T) {
			ctx := context.Background()
			url := storetest.URL(t, engine)
			db, err := store.Open(ctx, url)
			if err != nil {
				t.Fatal(err)
			}
			if v, err := db.Version(ctx); err != nil || v != store.SchemaVersion {
				t.Fatalf("version %d, %v; want %d", v, err, store.SchemaVersion)
			}
			for _, table := range []string{"counters", "numbers", "documents", "versions", "status_log"} {
				var n int
				if err := db.QueryRow(`SELECT COUNT(*) FROM ` + table).Scan(&n); err != nil {
					t.Errorf("table %s: %v", table, err)
				}
			}
			if _, err := db.Exec(`INSERT INTO counters (code, year, next_serial) VALUES ('江政', 2026, 7)`); err != nil {
				t.Fatal(err)
			}
			db.Close()

			// reopen: idempotent, data kept
			db, err = store.Open(ctx, url)
			if err != nil {
				t.Fatal(err)
			}
			var rows int
			db.QueryRow(`SELECT COUNT(*) FROM gongwen_schema`).Scan(&rows)
			if rows != len(storeMigrations()) {
				t.Errorf("%d schema rows after reopening, want %d", rows, len(storeMigrations()))
			}
			// a newer program wrote this database
			if _, err := db.Exec(`INSERT INTO gongwen_schema (version, name, applied_at) VALUES ($1, 'future', 'x')`, store.SchemaVersion+1); err != nil {
				t.Fatal(err)
			}
			db.Close()
			_, err = store.Open(ctx, url)
			var tn *store.TooNewError
			if !errors.Is(err, store.ErrTooNew) || !errors.As(err, &tn) || tn.Have != store.SchemaVersion+1 {
				t.Fatalf("opening a newer database: %v, want ErrTooNew", err)
			}
			// untouched: look with the plain driver
			raw := rawOpen(t, engine, url)
			var next int
			if err := raw.QueryRow(`SELECT next_serial FROM counters WHERE code = '江政'`).Scan(&next); err != nil || next != 7 {
				t.Errorf("counter after refused open: %d, %v", next, err)
			}
		})
	}
}

func storeMigrations() []int {
	out := []int{}
	for v := 1; v <= store.SchemaVersion; v++ {
		out = append(out, v)
	}
	return out
}

func rawOpen(t *testing.T, engine store.Engine, url string) *sql.DB {
	t.Helper()
	driver := "sqlite"
	if engine == store.Postgres {
		driver = "pgx"
	}
	db, err := sql.Open(driver, url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// TestTxRollback: a failing transaction leaves nothing behind.
func TestTxRollback(t *testing.T) {
	for _, engine := range storetest.Engines {
		t.Run(string(engine), func(t *testing.T) {
			db := storetest.Open(t, engine)
			ctx := context.Background()
			boom := errors.New("boom")
			err := db.Tx(ctx, func(tx *sql.Tx) error {
				if _, err := tx.Exec(`INSERT INTO counters (code, year, next_serial) VALUES ('江政', 2026, 1)`); err != nil {
					return err
				}
				return boom
			})
			if !errors.Is(err, boom) {
				t.Fatalf("Tx returned %v", err)
			}
			var n int
			db.QueryRow(`SELECT COUNT(*) FROM counters`).Scan(&n)
			if n != 0 {
				t.Errorf("%d counter rows after rollback", n)
			}
			// a duplicate key is reported as such
			db.Exec(`INSERT INTO counters (code, year, next_serial) VALUES ('江政', 2026, 1)`)
			_, err = db.Exec(`INSERT INTO counters (code, year, next_serial) VALUES ('江政', 2026, 1)`)
			if !store.IsUniqueViolation(err) {
				t.Errorf("duplicate key: IsUniqueViolation(%v) = false", err)
			}
		})
	}
}

// TestPostgresUserWithoutCreate: an office's users need no right to create tables once the
// schema is in place (gwcli db init run by the database's owner).
func TestPostgresUserWithoutCreate(t *testing.T) {
	url := storetest.URL(t, store.Postgres)
	ctx := context.Background()
	owner, err := store.Open(ctx, url) // creates the schema
	if err != nil {
		t.Fatal(err)
	}
	b := make([]byte, 6)
	rand.Read(b)
	role := "gw_user_" + hex.EncodeToString(b)
	for _, s := range []string{
		`CREATE ROLE ` + role + ` LOGIN`,
		`GRANT USAGE ON SCHEMA public TO ` + role,
		`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ` + role,
	} {
		if _, err := owner.Exec(s); err != nil {
			owner.Close()
			t.Fatalf("%s: %v", s, err)
		}
	}
	t.Cleanup(func() { // before the test database is dropped
		owner.Exec(`DROP OWNED BY ` + role)
		owner.Close()
		if raw, err := sql.Open("pgx", os.Getenv(storetest.EnvPG)); err == nil {
			raw.Exec(`DROP ROLE IF EXISTS ` + role)
			raw.Close()
		}
	})
	u, _ := neturl.Parse(url)
	u.User = neturl.User(role)
	db, err := store.Open(ctx, u.String())
	if err != nil {
		t.Fatalf("a user without CREATE cannot open an up-to-date database: %v", err)
	}
	defer db.Close()
	if _, err := db.Exec(`INSERT INTO counters (code, year, next_serial) VALUES ('江政', 2026, 1)`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE x (a INTEGER)`); err == nil {
		t.Error("the test role may create tables: the test proves nothing")
	}
}

// TestUnreachablePostgres: a server that accepts the connection and never answers is reported
// within the connect timeout, with one clear line, instead of blocking the caller.
func TestUnreachablePostgres(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		var held []net.Conn
		defer func() {
			for _, c := range held {
				c.Close()
			}
		}()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			held = append(held, c) // read nothing, answer nothing
		}
	}()
	for _, tc := range []struct {
		query string
		max   time.Duration
	}{
		{"?sslmode=disable&connect_timeout=1", 4 * time.Second},
		{"?sslmode=disable", store.ConnectTimeout + 3*time.Second},
	} {
		url := "postgres://gw:secret@" + ln.Addr().String() + "/gongwen" + tc.query
		start := time.Now()
		_, err := store.Open(context.Background(), url)
		el := time.Since(start)
		if err == nil {
			t.Fatalf("%s: Open succeeded", tc.query)
		}
		if el > tc.max {
			t.Errorf("%s: Open took %v, want under %v", tc.query, el, tc.max)
		}
		msg := err.Error()
		if !strings.Contains(msg, "无法连接数据库") || !strings.Contains(msg, "没有及时响应") || strings.Contains(msg, "secret") {
			t.Errorf("%s: message %q: want 无法连接数据库 … 没有及时响应 and no password", tc.query, msg)
		}
		if !strings.Contains(tc.query, "connect_timeout") && strings.Contains(msg, "connect_timeout") {
			t.Errorf("%s: message %q names the database with settings the user did not write", tc.query, msg)
		}
	}
}
