package layout

import (
	"fmt"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"gongwen/assets"
)

// FontID names one loaded face: a bundled role face ("fangsong", ...) or a fallback face.
type FontID string

// Face is one parsed TrueType font with cached per-rune metrics. Safe for concurrent use.
type Face struct {
	ID   FontID
	Data []byte // the TrueType file, for writers that embed it
	Name string // family name, for writers that need one

	font *sfnt.Font
	upem float64

	mu  sync.Mutex
	buf sfnt.Buffer
	adv map[rune]float64 // advance in em, -1 when the face lacks the rune
}

// ParseFace parses TrueType data into a Face.
func ParseFace(id FontID, data []byte) (*Face, error) {
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("parse font %s: %w", id, err)
	}
	name, _ := f.Name(nil, sfnt.NameIDFamily)
	return &Face{ID: id, Data: data, Name: name, font: f, upem: float64(f.UnitsPerEm()), adv: map[rune]float64{}}, nil
}

// advanceEm returns the advance of r in ems, or -1 when the face has no glyph for r.
func (f *Face) advanceEm(r rune) float64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	if a, ok := f.adv[r]; ok {
		return a
	}
	a := -1.0
	gi, err := f.font.GlyphIndex(&f.buf, r)
	if err == nil && gi != 0 {
		ppem := fixed.Int26_6(int(f.upem) << 6)
		if w, err := f.font.GlyphAdvance(&f.buf, gi, ppem, font.HintingNone); err == nil {
			a = float64(w) / 64 / f.upem
		}
	}
	f.adv[r] = a
	return a
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

// Fonts is the set of faces a typesetting run uses: one per role plus fallbacks, each parsed
// once, lazily, on first use. Safe for concurrent use.
type Fonts struct {
	mu    sync.Mutex
	faces map[FontID]*Face
	load  func(id FontID) ([]byte, error)
	// fallback is the order in which faces are tried for a rune the role's face lacks.
	fallback []FontID
}

// bundled is the fallback order over the bundled faces.
var bundled = []FontID{"fangsong", "song", "hei", "kai", "xiaobiaosong"}

// NewFonts returns the bundled font set (assets), loaded lazily.
func NewFonts() *Fonts {
	return &Fonts{
		faces:    map[FontID]*Face{},
		load:     func(id FontID) ([]byte, error) { return assets.Font(string(id)) },
		fallback: bundled,
	}
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

// Face returns the face with the given id, parsing it on first use.
func (fs *Fonts) Face(id FontID) (*Face, error) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	if f, ok := fs.faces[id]; ok {
		return f, nil
	}
	data, err := fs.load(id)
	if err != nil {
		return nil, fmt.Errorf("load font %s: %w", id, err)
	}
	f, err := ParseFace(id, data)
	if err != nil {
		return nil, err
	}
	fs.faces[id] = f
	return f, nil
}

// Resolve returns the face that prints r for a role: the role's own face when it has r,
// else the first fallback face that has it. ok is false when no face has r.
func (fs *Fonts) Resolve(role Role, r rune) (*Face, bool, error) {
	f, err := fs.Face(FontID(role))
	if err != nil {
		return nil, false, err
	}
	if f.Has(r) {
		return f, true, nil
	}
	for _, id := range fs.fallback {
		if id == FontID(role) {
			continue
		}
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
