package check

import (
	_ "embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/goccy/go-yaml"

	"gongwen/document"
)

// Knowledge is the reviewer's data the checker reads beside the templates: the organ types
// (check/data/organs.yaml; which types may issue a genre is its template's, see authority-genre,
// or a user table's Genres) and the basis register (repealed,
// replaced and not yet effective regulations and standards, check/data/basis.yaml). The
// built-in tables are embedded; a user folder may add to them (LoadKnowledge).
type Knowledge struct {
	Types []OrganType `yaml:"types"`
	// Genres are the organ types that may issue a 文种, given by a user's organs.yaml: they
	// replace its template's (the built-in table has none).
	Genres map[string][]string `yaml:"genres"`
	Basis  []BasisEntry        `yaml:"entries"`
}

// OrganType is one kind of issuing organ, recognised by the ending of its name.
type OrganType struct {
	ID       string   `yaml:"id"`
	Name     string   `yaml:"name"`
	Suffixes []string `yaml:"suffixes"`
	// Require: the name must contain one of these; Except: it must end in none of these (江城市
	// 人民政府办公室 is no 内设机构, its 秘书一处 is).
	Require []string `yaml:"require"`
	Except  []string `yaml:"except"`
	// MinLen is the shortest name (in characters) of this type.
	MinLen int `yaml:"minlen"`
}

// BasisEntry is one regulation or standard of the basis register.
type BasisEntry struct {
	Name       string   `yaml:"name"`
	Aliases    []string `yaml:"aliases"`
	Number     string   `yaml:"number"`
	Effective  string   `yaml:"effective"` // YYYY-MM-DD
	Repealed   string   `yaml:"repealed"`  // YYYY-MM-DD, "" when in force
	ReplacedBy string   `yaml:"replaced_by"`
	Source     string   `yaml:"source"`
}

//go:embed data/organs.yaml
var organsYAML []byte

//go:embed data/basis.yaml
var basisYAML []byte

// builtinKnowledge is the embedded tables; a broken embedded table is a programming error
// that the package's tests catch.
var builtinKnowledge = sync.OnceValue(func() *Knowledge {
	k, err := parseKnowledge(organsYAML, basisYAML)
	if err != nil {
		panic("check: embedded data: " + err.Error())
	}
	return k
})

func parseKnowledge(organs, basis []byte) (*Knowledge, error) {
	k := &Knowledge{}
	if len(organs) > 0 {
		if err := yaml.UnmarshalWithOptions(organs, k, yaml.Strict()); err != nil {
			return nil, fmt.Errorf("organs.yaml: %w", err)
		}
	}
	if len(basis) > 0 {
		var b struct {
			Entries []BasisEntry `yaml:"entries"`
		}
		if err := yaml.UnmarshalWithOptions(basis, &b, yaml.Strict()); err != nil {
			return nil, fmt.Errorf("basis.yaml: %w", err)
		}
		k.Basis = b.Entries
	}
	for _, e := range k.Basis {
		for _, d := range []string{e.Effective, e.Repealed} {
			if _, ok := isoDate(d); d != "" && !ok {
				return nil, fmt.Errorf("basis.yaml: %s: 日期 %q 应写作 YYYY-MM-DD", e.Name, d)
			}
		}
	}
	return k, nil
}

// LoadKnowledge returns the built-in tables overlaid by organs.yaml and basis.yaml in dir (the
// user's <config>/gongwen folder; missing files are no error): the user's organ types are tried
// first, their genre permissions replace the built-in ones of the same genre, and their basis
// entries come before the built-in ones. A file that cannot be read or parsed is left out (the
// other one still counts) and reported in the error: one Chinese line naming the file.
func LoadKnowledge(dir string) (*Knowledge, error) {
	base := builtinKnowledge()
	if dir == "" {
		return base, nil
	}
	user := &Knowledge{}
	var errs []string
	for _, name := range []string{"organs.yaml", "basis.yaml"} {
		path := filepath.Join(dir, name)
		data, err := os.ReadFile(path)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		var part *Knowledge
		if err == nil {
			if name == "organs.yaml" {
				part, err = parseKnowledge(data, nil)
			} else {
				part, err = parseKnowledge(nil, data)
			}
		}
		if err != nil {
			msg := strings.TrimPrefix(err.Error(), name+": ")
			if i := strings.IndexByte(msg, '\n'); i >= 0 {
				msg = msg[:i] // the YAML parser's source excerpt follows on the next lines
			}
			errs = append(errs, fmt.Sprintf("%s（%s）", path, strings.TrimSpace(msg)))
			continue
		}
		user.Types, user.Genres = append(user.Types, part.Types...), mergeGenres(user.Genres, part.Genres)
		user.Basis = append(user.Basis, part.Basis...)
	}
	var err error
	if len(errs) > 0 {
		err = fmt.Errorf("用户数据表有误，已忽略该文件：%s (a broken user table file was ignored)", strings.Join(errs, "；"))
	}
	if len(user.Types) == 0 && len(user.Genres) == 0 && len(user.Basis) == 0 {
		return base, err
	}
	k := &Knowledge{Genres: map[string][]string{}}
	k.Types = append(append(k.Types, user.Types...), base.Types...)
	for g, ts := range base.Genres {
		k.Genres[g] = ts
	}
	for g, ts := range user.Genres {
		k.Genres[g] = ts
	}
	k.Basis = append(append(k.Basis, user.Basis...), base.Basis...)
	return k, err
}

func mergeGenres(a, b map[string][]string) map[string][]string {
	if len(b) == 0 {
		return a
	}
	if a == nil {
		a = map[string][]string{}
	}
	for g, ts := range b {
		a[g] = ts
	}
	return a
}

// UserDataDir is the folder of the user's tables: <per-OS config dir>/gongwen (organs.yaml and
// basis.yaml there extend the built-ins); "" when the system has no config dir.
func UserDataDir() string {
	d, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "gongwen")
}

// UserKnowledge is LoadKnowledge(UserDataDir()), read once per process.
var UserKnowledge = sync.OnceValues(func() (*Knowledge, error) { return LoadKnowledge(UserDataDir()) })

// knowledge is the tables of this run.
func (c *ctx) knowledge() *Knowledge {
	if c.opts.Knowledge != nil {
		return c.opts.Knowledge
	}
	return builtinKnowledge()
}

// OrganType returns the type of the organ named name (e.g. "government" for 江城市人民政府),
// or nil when no type matches.
func (k *Knowledge) OrganType(name string) *OrganType {
	n := compact(name)
	for i := range k.Types {
		t := &k.Types[i]
		if t.MinLen > 0 && utf8.RuneCountInString(n) < t.MinLen {
			continue
		}
		hit := false
		for _, s := range t.Suffixes {
			hit = hit || s != "" && strings.HasSuffix(n, s)
		}
		if !hit {
			continue
		}
		if len(t.Require) > 0 {
			if _, at := containsAny(n, t.Require); at < 0 {
				continue
			}
		}
		except := false
		for _, s := range t.Except {
			except = except || s != "" && strings.HasSuffix(n, s)
		}
		if except {
			continue
		}
		return t
	}
	return nil
}

// typeName is the Chinese name of organ type id.
func (k *Knowledge) typeName(id string) string {
	for _, t := range k.Types {
		if t.ID == id {
			return t.Name
		}
	}
	return id
}

// isoDate reads YYYY-MM-DD.
func isoDate(s string) (document.Date, bool) {
	var d document.Date
	if _, err := fmt.Sscanf(s, "%d-%d-%d", &d.Year, &d.Month, &d.Day); err != nil || !d.Valid() {
		return d, false
	}
	return d, true
}

// before reports whether a is earlier than b.
func before(a, b document.Date) bool {
	if a.Year != b.Year {
		return a.Year < b.Year
	}
	if a.Month != b.Month {
		return a.Month < b.Month
	}
	return a.Day < b.Day
}
