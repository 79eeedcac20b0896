package templates

import (
	"embed"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"gongwen/document"
)

//go:embed builtin/*.yaml builtin/profiles/*.yaml
var builtinFS embed.FS

// Set is a loaded set of genre templates: the built-ins overlaid by the user's.
type Set struct {
	byID   map[string]*Genre
	sorted []*Genre
	// table is GenreTable, made once for TitleGenre and FormatGenre (the set is not changed
	// once loaded).
	tableOnce sync.Once
	table     document.Genres
}

// DefaultUserDir is the user's template folder: <per-OS config dir>/gongwen/templates. It is
// "" when the system has no config dir.
func DefaultUserDir() string {
	d, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "gongwen", "templates")
}

// Builtins loads only the embedded templates, without validating examples or rule ids.
// The set is parsed once per process and shared by every caller (the checker, the pipeline):
// it must not be changed.
func Builtins() *Set { return builtins() }

var builtins = sync.OnceValue(func() *Set { return loadBuiltins(builtinTableSum) })

//go:generate go test . -run TestBuiltinTableUpToDate -update

// loadBuiltins returns the built-in set from builtinTable, the genres parsing the embedded
// YAML gives, generated at build time (parsing the 20 templates cost every process 30-50 ms of
// CPU and 8.6 MB of allocations). tableSum is the checksum of the YAML the table was made
// from: when the files changed since (the table not regenerated), the YAML is parsed, so the
// set is always the files' (TestBuiltinTableUpToDate fails until the table is regenerated).
func loadBuiltins(tableSum uint32) *Set {
	if tableSum == builtinChecksum() {
		return setOf(builtinTable())
	}
	s, _ := Load(LoadOptions{NoUserDir: true})
	return s
}

// builtinChecksum is a CRC-32 (IEEE: its tables cost least to set up) of the names and
// contents of the embedded genre templates (the files loadFS reads from builtin/).
func builtinChecksum() uint32 {
	h := crc32.NewIEEE()
	buf := make([]byte, 32<<10)
	entries, _ := fs.ReadDir(builtinFS, "builtin")
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasPrefix(name, ".") || !(strings.HasSuffix(name, ".yaml") || strings.HasSuffix(name, ".yml")) {
			continue
		}
		f, err := builtinFS.Open("builtin/" + name)
		if err != nil {
			continue
		}
		st, _ := f.Stat()
		fmt.Fprintf(h, "%s\x00%d\x00", name, st.Size())
		io.CopyBuffer(h, f, buf)
		f.Close()
	}
	return h.Sum32()
}

// Load reads the built-in templates and then the user folder, whose genres add to or replace
// the built-ins by id. A broken template is reported in the returned errors and skipped; the
// set is always usable.
func Load(opts LoadOptions) (*Set, []error) {
	s := &Set{byID: map[string]*Genre{}}
	var errs []error
	if opts.Builtins != nil {
		for _, g := range opts.Builtins.Genres() {
			s.byID[g.ID] = g
		}
	} else if !opts.NoBuiltins {
		gs, es := loadFS(builtinFS, "builtin", "builtin:", opts)
		errs = append(errs, es...)
		for _, g := range gs {
			s.byID[g.ID] = g
		}
	}
	if !opts.NoUserDir {
		dir := opts.UserDir
		if dir == "" {
			dir = DefaultUserDir()
		}
		if dir != "" {
			if st, err := os.Stat(dir); err == nil && st.IsDir() {
				gs, es := loadFS(os.DirFS(dir), ".", dir+string(filepath.Separator), opts)
				errs = append(errs, es...)
				for _, g := range gs {
					s.byID[g.ID] = g
				}
			} else if err == nil {
				errs = append(errs, &Error{File: dir, Msg: "模板目录不是文件夹 (not a folder)"})
			} else if !errors.Is(err, fs.ErrNotExist) || opts.UserDir != "" {
				errs = append(errs, &Error{File: dir, Msg: "无法读取模板目录 (cannot read the template folder)：" + readError(err)})
			}
		}
	}
	s.sort()
	return s, errs
}

// setOf makes a set of genres (whose ids differ).
func setOf(gs []*Genre) *Set {
	s := &Set{byID: make(map[string]*Genre, len(gs))}
	for _, g := range gs {
		s.byID[g.ID] = g
	}
	s.sort()
	return s
}

// sort fills s.sorted from s.byID: by order, then id.
func (s *Set) sort() {
	for _, g := range s.byID {
		s.sorted = append(s.sorted, g)
	}
	sort.Slice(s.sorted, func(i, j int) bool {
		a, b := s.sorted[i], s.sorted[j]
		if a.Order != b.Order {
			return order(a) < order(b)
		}
		return a.ID < b.ID
	})
}

// readError says in Chinese why a file or folder cannot be read.
func readError(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "不存在 (does not exist)"
	case errors.Is(err, fs.ErrPermission):
		return "没有读取权限 (permission denied)"
	}
	return err.Error()
}

// order puts genres without an order after those with one.
func order(g *Genre) int {
	if g.Order == 0 {
		return 1 << 30
	}
	return g.Order
}

// loadFS reads every *.yaml / *.yml template directly in dir of fsys. prefix is put before
// file names in messages. Two templates with the same id in one folder: the second is an error.
func loadFS(fsys fs.FS, dir, prefix string, opts LoadOptions) ([]*Genre, []error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, []error{&Error{File: strings.TrimSuffix(prefix, string(filepath.Separator)), Msg: "无法读取模板目录 (cannot read the template folder)：" + readError(err)}}
	}
	var (
		out  []*Genre
		errs []error
		seen = map[string]string{}
	)
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasPrefix(name, ".") || !(strings.HasSuffix(name, ".yaml") || strings.HasSuffix(name, ".yml")) {
			continue
		}
		file := prefix + name
		data, err := readEntry(fsys, dir, name, prefix, MaxTemplateSize)
		if err != nil {
			errs = append(errs, &Error{File: file, Msg: "无法读取 (cannot read)：" + readError(err)})
			continue
		}
		g, es := parseGenre(file, data, opts)
		errs = append(errs, es...)
		if g == nil {
			continue
		}
		if other, dup := seen[g.ID]; dup {
			errs = append(errs, idError(file, data, fmt.Sprintf("模板 id %q 重复：%s 已经定义了它 (duplicate id)", g.ID, other)))
			continue
		}
		seen[g.ID] = file
		out = append(out, g)
	}
	return out, errs
}

// idError places msg at the id key of a template.
func idError(file string, data []byte, msg string) error {
	e := &Error{File: file, Msg: msg}
	for i, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "id:") {
			e.Line, e.Col = i+1, len("id: ")+1
			break
		}
	}
	return e
}

// Genre returns the genre with the given id.
func (s *Set) Genre(id string) (*Genre, bool) {
	if s == nil {
		return nil, false
	}
	g, ok := s.byID[id]
	return g, ok
}

// Genres lists the genres in a stable order (by order, then id).
func (s *Set) Genres() []*Genre {
	if s == nil {
		return nil
	}
	return append([]*Genre(nil), s.sorted...)
}

// ByName returns the first genre (in Genres order) whose name is the given 文种, such as 请示,
// or one of whose aliases it is (令 finds 命令), or else whose label is name (命令（令）,
// 通知（印发）). It returns nil when none.
func (s *Set) ByName(name string) *Genre {
	for _, g := range s.Genres() {
		if g.Name == name {
			return g
		}
	}
	for _, g := range s.Genres() {
		if contains(g.Aliases, name) {
			return g
		}
	}
	for _, g := range s.Genres() {
		if g.Label == name {
			return g
		}
	}
	return nil
}

// TitleGenre returns the genre of a title as the importers read it: document.Genres.OfTitle
// on the set's GenreTable (the longest name or alias the title ends with, blanks, final
// punctuation and trailing notes in brackets such as （征求意见稿） ignored; among templates of
// one 文种 the one whose word the title holds, 印发 for 通知（印发）). It returns nil when none.
func (s *Set) TitleGenre(title string) *Genre {
	if s == nil {
		return nil
	}
	if gi := s.genreTable().OfTitle(title); gi != nil {
		return s.byID[gi.ID]
	}
	return nil
}

// FormatGenre returns the one genre of the set with the given format (纪要格式: 纪要), as
// document.Genres.OfFormat reads it, or nil when none or several have it.
func (s *Set) FormatGenre(f document.Format) *Genre {
	if s == nil {
		return nil
	}
	if gi := s.genreTable().OfFormat(f); gi != nil {
		return s.byID[gi.ID]
	}
	return nil
}

// genreTable is GenreTable made once; callers must not change it.
func (s *Set) genreTable() document.Genres {
	s.tableOnce.Do(func() { s.table = s.GenreTable() })
	return s.table
}

// Names lists the 文种 names of the set, each once, in Genres order.
func (s *Set) Names() []string {
	var out []string
	for _, g := range s.Genres() {
		if !contains(out, g.Name) {
			out = append(out, g.Name)
		}
	}
	return out
}

// GenreTable is the genre table the importers take from the set: each genre's names (the
// 文种 and its aliases), title endings, format and direction; where several genres share a
// name (通知), the word of the label in brackets that sets one apart (通知（印发） → 印发).
func (s *Set) GenreTable() document.Genres {
	var out document.Genres
	byName := map[string]int{}
	for _, g := range s.Genres() {
		byName[g.Name]++
	}
	for _, g := range s.Genres() {
		gi := document.GenreInfo{ID: g.ID, Names: append([]string{g.Name}, g.Aliases...), Format: g.Format, Direction: g.Direction,
			TitleEndings: append([]string(nil), g.TitleEndings...)}
		if byName[g.Name] > 1 {
			if _, rest, ok := strings.Cut(g.Label, "（"); ok {
				if w, _, ok := strings.Cut(rest, "）"); ok && w != "" {
					gi.TitleWords = []string{w}
				}
			}
		}
		out = append(out, gi)
	}
	return out
}
