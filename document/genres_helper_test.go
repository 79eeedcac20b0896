package document

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

var (
	builtinGenresOnce sync.Once
	builtinGenresVal  Genres
	builtinGenresErr  error
)

// builtinGenres is the genre table of the built-in templates (pipeline.Genres), which the
// importers are given in the programs. An internal test cannot import the templates (they
// import document), so it reads testdata/genres.json, which pipeline's TestGenresGolden
// keeps equal to the templates' table.
func builtinGenres(t testing.TB) Genres {
	t.Helper()
	builtinGenresOnce.Do(func() {
		var b []byte
		b, builtinGenresErr = os.ReadFile(filepath.Join("testdata", "genres.json"))
		if builtinGenresErr == nil {
			builtinGenresErr = json.Unmarshal(b, &builtinGenresVal)
		}
	})
	if builtinGenresErr != nil || len(builtinGenresVal) == 0 {
		t.Fatalf("testdata/genres.json: %v (go test ./pipeline -run TestGenresGolden -update-genres writes it)", builtinGenresErr)
	}
	return builtinGenresVal
}

// loadTest is LoadWith with the built-in templates' genre table.
func loadTest(t testing.TB, path string) (*Document, error) {
	t.Helper()
	return LoadWith(path, builtinGenres(t))
}
