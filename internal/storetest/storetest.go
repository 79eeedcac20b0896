// Package storetest gives the store's tests a fresh database on each engine: a SQLite file in the
// test's temporary folder, and a new database on the PostgreSQL server named by $GONGWEN_TEST_PG
// (tools/pg.sh starts one). Without that server the PostgreSQL cases are skipped with a message,
// except under CI=true, where they fail.
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver

	"gongwen/store"
)

// EnvPG names the variable holding the PostgreSQL server's URL for tests.
const EnvPG = "GONGWEN_TEST_PG"

// Engines are the engines every store test runs against.
var Engines = []store.Engine{store.SQLite, store.Postgres}

// URL returns the URL of a new, empty database on engine, dropped when the test ends. For
// PostgreSQL without $GONGWEN_TEST_PG it skips the test (fails it under CI=true).
func URL(t testing.TB, engine store.Engine) string {
	t.Helper()
	if engine == store.SQLite {
		return filepath.Join(t.TempDir(), "gongwen.db")
	}
	admin := os.Getenv(EnvPG)
	if admin == "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is not set: tools/pg.sh starts the PostgreSQL server the store tests need", EnvPG)
		}
		t.Skipf("%s not set (run `. tools/pg.sh` to start a PostgreSQL server); skipping PostgreSQL", EnvPG)
	}
	u, err := url.Parse(admin)
	if err != nil {
		t.Fatalf("%s: %v", EnvPG, err)
	}
	b := make([]byte, 6)
	rand.Read(b)
	name := "gwtest_" + hex.EncodeToString(b)
	adb, err := sql.Open("pgx", admin)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := adb.Exec(`CREATE DATABASE ` + name); err != nil {
		adb.Close()
		t.Fatalf("create test database: %v", err)
	}
	t.Cleanup(func() {
		adb.Exec(`DROP DATABASE IF EXISTS ` + name + ` WITH (FORCE)`)
		adb.Close()
	})
	u.Path = "/" + name
	return u.String()
}

// Open opens (and migrates) a new database on engine for the test and closes it at the end.
func Open(t testing.TB, engine store.Engine) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), URL(t, engine))
	if err != nil {
		t.Fatalf("open %s: %v", engine, err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}
