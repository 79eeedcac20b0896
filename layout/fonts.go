package layout

import (
	"encoding/binary"
	"fmt"
	iofs "io/fs"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"unicode/utf16"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"gongwen/assets"
)

// FontID names one loaded face: a role ("fangsong", ...) for the face that serves that role, or a
// fallback face ("gbkextra", "bundled-fangsong", ...).
type FontID string

// Fallback face ids.
const (
	// GBKExtra is the bundled fallback face with the GBK hanzi that are not in GB2312 (镕 堃 喆 …).
	GBKExtra FontID = "gbkextra"
)

// bundledPrefix prefixes the id of a bundled role face when a system font serves the role.
const bundledPrefix = "bundled-"

// Face is one parsed TrueType font with cached per-rune metrics. Safe for concurrent use.
type Face struct {
	ID   FontID
	Name string // family name, for writers that need one
	// File is the path the face was read from; empty for a bundled face.
	File string

	font *sfnt.Font
	upem float64
	// data is the TrueType file: a bundled face's is the memory embedded in the binary
	// (assets.Font, no copy), shared by every face of the same file.
	data *fontData

	bufs sync.Pool // *sfnt.Buffer

	mu  sync.RWMutex
	bmp []float32        // advance in em for runes < 0x10000 (NaN: not looked up yet, -1: missing)
	adv map[rune]float32 // the same for runes beyond the BMP
}

// fontData is the TrueType file of a face: the caller's bytes, or a bundled face's embedded
// bytes (the binary's writable data segment, paged in as read: never copied).
type fontData struct {
	n     int // the file's size
	bytes []byte
}

// ParseFace parses TrueType data into a Face. The face keeps data: the caller must not
// modify it afterwards.
func ParseFace(id FontID, data []byte) (*Face, error) {
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("parse font %s: %w", id, err)
	}
	return newFace(id, f, &fontData{n: len(data), bytes: data}), nil
}

func newFace(id FontID, f *sfnt.Font, data *fontData) *Face {
	name, _ := f.Name(nil, sfnt.NameIDFamily)
	fc := &Face{ID: id, Name: name, font: f, upem: float64(f.UnitsPerEm()), data: data, adv: map[rune]float32{}}
	fc.bufs.New = func() any { return new(sfnt.Buffer) }
	return fc
}

// Bytes returns the face's TrueType file as a []byte, for libraries that take one (gopdf,
// the OFD and DOCX subsetters). For a bundled face it is the font embedded in the binary
// (assets.Font: writable memory, so a write cannot crash; no copy, and only the pages a
// library reads are loaded), shared by every caller: callers must only read it.
func (f *Face) Bytes() []byte { return f.data.bytes }

// Len returns the size of the face's TrueType file in bytes.
func (f *Face) Len() int { return f.data.n }

// SFNT returns the parsed font, for renderers that draw outlines. Its methods are safe for
// concurrent use with a separate sfnt.Buffer per goroutine.
func (f *Face) SFNT() *sfnt.Font { return f.font }

// UnitsPerEm returns the face's design units per em.
func (f *Face) UnitsPerEm() float64 { return f.upem }

// GlyphIndex returns the glyph of r, 0 when the face lacks it.
func (f *Face) GlyphIndex(r rune) sfnt.GlyphIndex {
	buf := f.bufs.Get().(*sfnt.Buffer)
	gi, err := f.font.GlyphIndex(buf, r)
	f.bufs.Put(buf)
	if err != nil {
		return 0
	}
	return gi
}

var nan32 = float32(math.NaN())

func (f *Face) cached(r rune) (float32, bool) {
	f.mu.RLock()
	defer f.mu.RUnlock()
	if r >= 0 && r < 0x10000 {
		if f.bmp == nil {
			return 0, false
		}
		a := f.bmp[r]
		return a, a == a // NaN: not yet
	}
	a, ok := f.adv[r]
	return a, ok
}

// advanceEm returns the advance of r in ems, or -1 when the face has no glyph for r.
func (f *Face) advanceEm(r rune) float64 {
	if a, ok := f.cached(r); ok {
		return float64(a)
	}
	a := float32(-1)
	buf := f.bufs.Get().(*sfnt.Buffer)
	gi, err := f.font.GlyphIndex(buf, r)
	if err == nil && gi != 0 {
		ppem := fixed.Int26_6(int(f.upem) << 6)
		if w, err := f.font.GlyphAdvance(buf, gi, ppem, font.HintingNone); err == nil {
			a = float32(float64(w) / 64 / f.upem)
		}
	}
	f.bufs.Put(buf)
	f.mu.Lock()
	if r >= 0 && r < 0x10000 {
		if f.bmp == nil {
			f.bmp = make([]float32, 0x10000)
			for i := range f.bmp {
				f.bmp[i] = nan32
			}
		}
		f.bmp[r] = a
	} else {
		f.adv[r] = a
	}
	f.mu.Unlock()
	return float64(a)
}

// Has reports whether the face has a glyph for r.
func (f *Face) Has(r rune) bool { return f.advanceEm(r) >= 0 }

// Advance returns the advance width of r at the given em size (0 when the face lacks r).
func (f *Face) Advance(r rune, size Length) Length {
	a := f.advanceEm(r)
	if a < 0 {
		return 0
	}
	return Length(a*float64(size) + 0.5)
}

// source says where the data of a face comes from: a bundled asset or a file.
type source struct {
	bundled string // assets role name ("fangsong", "gbkextra")
	file    string // path of a system font
}

// entry is one face of a Fonts set, parsed at most once.
type entry struct {
	once sync.Once
	face *Face
	err  error
}

// Fonts is the set of faces a typesetting run uses: one per role plus fallbacks, each parsed
// once per process, lazily, on first use. Safe for concurrent use.
type Fonts struct {
	mu      sync.Mutex
	sources map[FontID]source
	entries map[FontID]*entry
	// fallback is the order in which faces are tried for a rune a role's face lacks
	// (the role's bundled face comes first when a system font serves the role).
	fallback []FontID
	choices  []FontChoice
}

// Roles lists the five roles in a fixed order.
var Roles = []Role{FangSong, XiaoBiaoSong, Hei, Kai, Song}

// bundled is the fallback order over the bundled faces: the wider GBK face first (the five role
// faces share one GB2312 character set, so a rune one lacks the others lack too), then the roles.
var bundled = []FontID{GBKExtra, "fangsong", "song", "hei", "kai", "xiaobiaosong"}

// NewFonts returns the bundled font set (assets), loaded lazily.
func NewFonts() *Fonts {
	fs := &Fonts{sources: map[FontID]source{}, entries: map[FontID]*entry{}, fallback: bundled}
	for _, r := range Roles {
		fs.sources[FontID(r)] = source{bundled: string(r)}
	}
	fs.sources[GBKExtra] = source{bundled: string(GBKExtra)}
	return fs
}

var (
	defaultFonts     *Fonts
	defaultFontsOnce sync.Once
)

// DefaultFonts returns the process-wide bundled font set, so that each font is parsed once
// per process.
func DefaultFonts() *Fonts {
	defaultFontsOnce.Do(func() { defaultFonts = NewFonts() })
	return defaultFonts
}

// Process-wide cache of parsed faces by source, so that several Fonts sets (the bundled one,
// a system one, a test's) parse each file only once.
var (
	parsedMu sync.Mutex
	parsed   = map[source]*entry{}
)

func parseSource(id FontID, src source) (*Face, error) {
	parsedMu.Lock()
	e, ok := parsed[src]
	if !ok {
		e = &entry{}
		parsed[src] = e
	}
	parsedMu.Unlock()
	e.once.Do(func() {
		if src.file != "" {
			data, err := readFontFile(src.file)
			if err != nil {
				e.err = err
				return
			}
			e.face, e.err = ParseFace(id, data)
		} else {
			data, err := assets.Font(src.bundled)
			if err != nil {
				e.err = err
				return
			}
			e.face, e.err = ParseFace(id, data)
		}
		if e.face != nil {
			e.face.File = src.file
		}
	})
	if e.err != nil {
		return nil, e.err
	}
	if e.face.ID == id {
		return e.face, nil
	}
	// The same data under another id (e.g. "fangsong" and "bundled-fangsong"): share the parse
	// and the metric cache, not the id.
	return e.face.withID(id), nil
}

// withID returns a face that shares f's parsed font under another id.
func (f *Face) withID(id FontID) *Face {
	g := &Face{ID: id, Name: f.Name, File: f.File, font: f.font, upem: f.upem, data: f.data, adv: map[rune]float32{}}
	g.bufs.New = func() any { return new(sfnt.Buffer) }
	return g
}

// Face returns the face with the given id, parsing it on first use.
func (fs *Fonts) Face(id FontID) (*Face, error) {
	fs.mu.Lock()
	e, ok := fs.entries[id]
	if !ok {
		e = &entry{}
		fs.entries[id] = e
	}
	src, known := fs.sources[id]
	fs.mu.Unlock()
	e.once.Do(func() {
		if !known {
			e.err = fmt.Errorf("load font %s: no such face", id)
			return
		}
		e.face, e.err = parseSource(id, src)
		if e.err != nil {
			e.err = fmt.Errorf("load font %s: %w", id, e.err)
		}
	})
	return e.face, e.err
}

// Loaded lists the ids of the faces parsed so far, in no particular order.
func (fs *Fonts) Loaded() []FontID {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	var out []FontID
	for id, e := range fs.entries {
		if e.face != nil {
			out = append(out, id)
		}
	}
	return out
}

// Resolve returns the face that prints r for a role: the role's own face when it has r,
// else the first fallback face that has it. ok is false when no face has r (the role's
// face is returned then).
func (fs *Fonts) Resolve(role Role, r rune) (*Face, bool, error) {
	f, err := fs.Face(FontID(role))
	if err != nil {
		return nil, false, err
	}
	if f.Has(r) {
		return f, true, nil
	}
	for _, id := range fs.fallbackFor(role) {
		g, err := fs.Face(id)
		if err != nil {
			return nil, false, err
		}
		if g.Has(r) {
			return g, true, nil
		}
	}
	return f, false, nil
}

// fallbackFor is the fallback order for a role: the role's bundled face (when a system font
// serves the role), then the common order without the role itself.
func (fs *Fonts) fallbackFor(role Role) []FontID {
	out := make([]FontID, 0, len(fs.fallback)+1)
	if b := FontID(bundledPrefix + string(role)); fs.hasSource(b) {
		out = append(out, b)
	}
	for _, id := range fs.fallback {
		if id != FontID(role) {
			out = append(out, id)
		}
	}
	return out
}

func (fs *Fonts) hasSource(id FontID) bool {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	_, ok := fs.sources[id]
	return ok
}

// Choices reports, for a set made by NewSystemFonts, which file serves each role and which
// candidates were skipped and why. It is empty for the bundled set.
func (fs *Fonts) Choices() []FontChoice {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	return append([]FontChoice(nil), fs.choices...)
}

// FontOptions choose the font set of a run.
type FontOptions struct {
	// System uses the real 公文 fonts (仿宋_GB2312, 方正小标宋简体, 黑体, 楷体_GB2312, 宋体 or
	// Windows' FangSong/SimHei/KaiTi/SimSun) where the machine has them as TrueType files; each
	// role without one keeps its bundled face.
	System bool
	// Dirs are the folders searched for system fonts; empty means SystemFontDirs().
	Dirs []string
}

// NewFontsWith returns the font set the options ask for: the process-wide bundled set, or a
// system set made by NewSystemFonts.
func NewFontsWith(opts FontOptions) *Fonts {
	if !opts.System {
		return DefaultFonts()
	}
	return NewSystemFonts(opts.Dirs)
}

// FontChoice reports one candidate system font for a role: the one used, or one skipped with
// the reason (in Chinese, for the user).
type FontChoice struct {
	Role   Role
	Family string // the family name that matched
	File   string
	Used   bool
	Reason string // why a candidate was skipped
}

// systemNames are the family names of the real 公文 fonts per role, most preferred first,
// compared case-insensitively without spaces.
var systemNames = map[Role][]string{
	FangSong:     {"仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "方正仿宋_GBK", "方正仿宋简体"},
	XiaoBiaoSong: {"方正小标宋简体", "FZXiaoBiaoSong-B05S", "方正小标宋_GBK", "FZXiaoBiaoSong-B05", "方正小标宋"},
	Hei:          {"黑体", "SimHei", "方正黑体_GBK", "方正黑体简体"},
	Kai:          {"楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "方正楷体_GBK", "方正楷体简体"},
	Song:         {"宋体", "SimSun", "方正书宋_GBK", "方正书宋简体"},
}

// SystemFontDirs returns the font folders of the running OS (those that exist or not).
func SystemFontDirs() []string {
	home, _ := os.UserHomeDir()
	var dirs []string
	switch runtime.GOOS {
	case "windows":
		win := os.Getenv("WINDIR")
		if win == "" {
			win = `C:\Windows`
		}
		dirs = append(dirs, filepath.Join(win, "Fonts"))
		if la := os.Getenv("LOCALAPPDATA"); la != "" {
			dirs = append(dirs, filepath.Join(la, "Microsoft", "Windows", "Fonts"))
		}
	case "darwin":
		dirs = append(dirs, "/Library/Fonts", "/System/Library/Fonts")
		if home != "" {
			dirs = append(dirs, filepath.Join(home, "Library", "Fonts"))
		}
	default:
		dirs = append(dirs, "/usr/share/fonts", "/usr/local/share/fonts")
		if home != "" {
			dirs = append(dirs, filepath.Join(home, ".local", "share", "fonts"), filepath.Join(home, ".fonts"))
		}
	}
	return dirs
}

// NewSystemFonts returns a font set that uses the real 公文 fonts found in dirs (nil or empty:
// SystemFontDirs()) and the bundled face for every role without one. Only TrueType (glyf)
// files qualify: collections (.ttc) and CFF-outline fonts are skipped with a reason, since the
// PDF writer embeds TrueType only. The folder scan happens once per process per folder list;
// fonts are parsed lazily as for the bundled set.
func NewSystemFonts(dirs []string) *Fonts {
	if len(dirs) == 0 {
		dirs = SystemFontDirs()
	}
	fs := NewFonts()
	fs.choices = scanSystemFonts(dirs)
	fallback := []FontID{GBKExtra}
	for _, role := range Roles {
		id := FontID(role)
		for _, c := range fs.choices {
			if c.Role == role && c.Used {
				fs.sources[id] = source{file: c.File}
				b := FontID(bundledPrefix + string(role))
				fs.sources[b] = source{bundled: string(role)}
				id = b
			}
		}
		fallback = append(fallback, id)
	}
	fs.fallback = fallback
	return fs
}

var (
	scanMu    sync.Mutex
	scanCache = map[string][]FontChoice{}
)

func scanSystemFonts(dirs []string) []FontChoice {
	key := strings.Join(dirs, "\x00")
	scanMu.Lock()
	defer scanMu.Unlock()
	if c, ok := scanCache[key]; ok {
		return c
	}
	norm := func(s string) string { return strings.ToLower(strings.ReplaceAll(s, " ", "")) }
	type cand struct {
		rank int
		c    FontChoice
	}
	best := map[Role]cand{}
	var skipped []FontChoice
	for _, dir := range dirs {
		_ = filepath.WalkDir(dir, func(path string, d iofs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			switch strings.ToLower(filepath.Ext(path)) {
			case ".ttf", ".otf", ".ttc", ".otc":
			default:
				return nil
			}
			info, err := readFontInfo(path)
			if err != nil {
				return nil
			}
			for _, role := range Roles {
				for rank, want := range systemNames[role] {
					fam := ""
					for _, n := range info.names {
						if norm(n) == norm(want) {
							fam = n
							break
						}
					}
					if fam == "" {
						continue
					}
					c := FontChoice{Role: role, Family: fam, File: path}
					switch {
					case info.collection:
						c.Reason = "字体集合 (.ttc) 不能嵌入 PDF，已跳过 (TrueType collection skipped)"
					case !info.glyf:
						c.Reason = "CFF 轮廓字体不能嵌入 PDF，已跳过 (CFF outlines skipped: the PDF writer embeds TrueType glyf only)"
					}
					if c.Reason != "" {
						skipped = append(skipped, c)
						break
					}
					if b, ok := best[role]; !ok || rank < b.rank {
						if ok {
							b.c.Used, b.c.Reason = false, "已有更合适的字体 (a preferred font was found)"
							skipped = append(skipped, b.c)
						}
						c.Used = true
						best[role] = cand{rank, c}
					} else {
						c.Reason = "已有更合适的字体 (a preferred font was found)"
						skipped = append(skipped, c)
					}
					break
				}
			}
			return nil
		})
	}
	var out []FontChoice
	for _, role := range Roles {
		if b, ok := best[role]; ok {
			out = append(out, b.c)
		}
	}
	out = append(out, skipped...)
	scanCache[key] = out
	return out
}

// fontInfo is what the folder scan reads from a font file without parsing it whole.
type fontInfo struct {
	names      []string // family, full, typographic family names in all languages
	glyf       bool     // has TrueType outlines
	collection bool
}

// readFontInfo reads the table directory and the name table of a font file (the first font
// of a collection).
func readFontInfo(path string) (fontInfo, error) {
	var info fontInfo
	f, err := os.Open(path)
	if err != nil {
		return info, err
	}
	defer f.Close()
	var hdr [12]byte
	if _, err := f.ReadAt(hdr[:], 0); err != nil {
		return info, err
	}
	var base int64
	if string(hdr[:4]) == "ttcf" {
		info.collection = true
		var off [4]byte
		if _, err := f.ReadAt(off[:], 12); err != nil {
			return info, err
		}
		base = int64(binary.BigEndian.Uint32(off[:]))
		if _, err := f.ReadAt(hdr[:], base); err != nil {
			return info, err
		}
	}
	n := int(binary.BigEndian.Uint16(hdr[4:6]))
	if n == 0 || n > 200 {
		return info, fmt.Errorf("bad table directory")
	}
	dir := make([]byte, 16*n)
	if _, err := f.ReadAt(dir, base+12); err != nil {
		return info, err
	}
	var nameOff, nameLen uint32
	for i := 0; i < n; i++ {
		rec := dir[16*i : 16*i+16]
		switch string(rec[:4]) {
		case "glyf":
			info.glyf = true
		case "name":
			nameOff, nameLen = binary.BigEndian.Uint32(rec[8:12]), binary.BigEndian.Uint32(rec[12:16])
		}
	}
	if nameLen == 0 || nameLen > 1<<20 {
		return info, fmt.Errorf("no name table")
	}
	tab := make([]byte, nameLen)
	if _, err := f.ReadAt(tab, int64(nameOff)); err != nil {
		return info, err
	}
	info.names = parseNameTable(tab)
	return info, nil
}

// parseNameTable returns the family (1), full (4) and typographic family (16) names of the
// Windows Unicode records and the Mac Roman ones.
func parseNameTable(tab []byte) []string {
	if len(tab) < 6 {
		return nil
	}
	count := int(binary.BigEndian.Uint16(tab[2:4]))
	strOff := int(binary.BigEndian.Uint16(tab[4:6]))
	var out []string
	seen := map[string]bool{}
	for i := 0; i < count; i++ {
		p := 6 + 12*i
		if p+12 > len(tab) {
			break
		}
		rec := tab[p : p+12]
		plat, enc := binary.BigEndian.Uint16(rec[0:2]), binary.BigEndian.Uint16(rec[2:4])
		id := binary.BigEndian.Uint16(rec[6:8])
		ln, off := int(binary.BigEndian.Uint16(rec[8:10])), int(binary.BigEndian.Uint16(rec[10:12]))
		if id != 1 && id != 4 && id != 16 {
			continue
		}
		s, e := strOff+off, strOff+off+ln
		if e > len(tab) || s < 0 {
			continue
		}
		raw := tab[s:e]
		var name string
		switch {
		case (plat == 3 && (enc == 1 || enc == 10)) || plat == 0:
			u := make([]uint16, len(raw)/2)
			for j := range u {
				u[j] = binary.BigEndian.Uint16(raw[2*j:])
			}
			name = string(utf16.Decode(u))
		case plat == 1 && enc == 0:
			name = string(raw) // ASCII names only matter here
		default:
			continue
		}
		if name != "" && !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
	}
	return out
}

// readFontFile reads a system font file.
func readFontFile(path string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read font %s: %w", path, err)
	}
	return b, nil
}
