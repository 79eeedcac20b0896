package document

import (
	"path/filepath"
	"strings"
)

// Genre knowledge lives in the genre templates (package templates); the importers receive it
// as a Genres table (pipeline.Genres builds it from the template set) instead of keeping
// their own list of 文种.

// GenreInfo is what an importer needs to know of one genre template.
type GenreInfo struct {
	// ID is the template id, e.g. "qingshi".
	ID string
	// Names are the 文种 and its aliases (命令, 令): a title ending in one of them is of this
	// genre.
	Names []string
	// Format and Direction are the genre's layout format and direction of sending.
	Format    Format
	Direction Direction
	// TitleWords, when not empty, are words the title must contain for this genre rather
	// than another of the same name (印发 for 通知（印发）).
	TitleWords []string
}

// Genres is the genre table of a template set.
type Genres []GenreInfo

// OfTitle returns the genre of a title: the one with the longest name the title ends with
// (spaces, a final full stop and a trailing note in brackets such as （征求意见稿） ignored),
// among several of that name the one whose TitleWords the title contains, else the one
// without TitleWords. It returns nil when none matches.
func (gs Genres) OfTitle(title string) *GenreInfo {
	t := strings.Join(strings.Fields(strings.ReplaceAll(title, "\n", "")), "")
	t = strings.TrimRight(t, "。.")
	for strings.HasSuffix(t, "）") || strings.HasSuffix(t, ")") {
		i := strings.LastIndexAny(t, "（(")
		if i <= 0 {
			break
		}
		t = t[:i]
	}
	best := ""
	for _, g := range gs {
		for _, n := range g.Names {
			if n != "" && len(n) > len(best) && strings.HasSuffix(t, n) {
				best = n
			}
		}
	}
	if best == "" {
		return nil
	}
	var plain *GenreInfo
	for i := range gs {
		g := &gs[i]
		if !containsString(g.Names, best) {
			continue
		}
		if len(g.TitleWords) == 0 {
			if plain == nil {
				plain = g
			}
			continue
		}
		for _, w := range g.TitleWords {
			if strings.Contains(t, w) {
				return g
			}
		}
	}
	return plain
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Apply sets an imported document's genre, and its format and direction, from the genre its
// title names. A 发文机关标志 ending in 命令, 令, 纪要 or 文件 decides the format; 签发人 make a
// document 上行文. A title that names no genre of the table leaves the document as it is.
func (gs Genres) Apply(doc *Document) {
	g := gs.OfTitle(doc.Title)
	if g == nil {
		return
	}
	doc.Genre = g.ID
	switch doc.MarkSuffix {
	case "命令", "令", "纪要", "文件":
	default:
		// a 函-series number (国函, 国办函) keeps the 信函格式 the importer gave it
		if g.Format != "" && !isLetterNumber(doc.Number) {
			doc.Format = g.Format
		}
	}
	if g.Direction != "" {
		doc.Direction = g.Direction
	}
	if len(doc.Signers) > 0 {
		doc.Direction = DirectionUp
	}
}

// LoadWith is Load with a genre table: a plain-text or Word document takes its genre, format
// and direction from the table (a draft names its genre itself). A nil table is Load.
func LoadWith(path string, genres Genres) (*Document, error) {
	doc, err := Load(path)
	if err != nil || genres == nil {
		return doc, err
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".text", ".docx":
		genres.Apply(doc)
	}
	return doc, nil
}
