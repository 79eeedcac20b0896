package document

import "strings"

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
	// TitleEndings are words other than the names that titles printed with this genre end
	// with (the 办法 a 印发 notice issues, an attachment's 名单).
	TitleEndings []string
}

// Genres is the genre table of a template set.
type Genres []GenreInfo

// TitleCore is a title as the genre tables match it: blanks and line breaks dropped, a final
// full stop and trailing notes in brackets such as （征求意见稿） or （试行） removed.
func TitleCore(title string) string {
	t := strings.Map(func(r rune) rune {
		if isBlank(r) {
			return -1
		}
		return r
	}, title)
	t = strings.TrimRight(t, "。.")
	for strings.HasSuffix(t, "）") || strings.HasSuffix(t, ")") {
		i := strings.LastIndexAny(t, "（(")
		if i <= 0 {
			break
		}
		t = t[:i]
	}
	return t
}

// TitleEnding returns the longest 文种 name, alias or title ending of the table that the
// title ends with (see TitleCore), or "" when none: the importer's test of a title line.
func (gs Genres) TitleEnding(title string) string {
	t := TitleCore(title)
	best := ""
	gs.eachEnding(func(n string) {
		if len(n) > len(best) && strings.HasSuffix(t, n) {
			best = n
		}
	})
	return best
}

// Endings returns the words TitleEnding looks for — every genre's names (the 文种 and its
// aliases) and title endings — each once, in table order: the words layout's title breaker
// keeps after the 的 that precedes them.
func (gs Genres) Endings() []string {
	var out []string
	seen := map[string]bool{}
	gs.eachEnding(func(n string) {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	})
	return out
}

// eachEnding calls f with each non-empty name and title ending of the table, in order.
func (gs Genres) eachEnding(f func(string)) {
	for _, g := range gs {
		for _, list := range [][]string{g.Names, g.TitleEndings} {
			for _, n := range list {
				if n != "" {
					f(n)
				}
			}
		}
	}
}

// OfTitle returns the genre of a title: the one with the longest name the title ends with
// (blanks, final punctuation and trailing notes in brackets such as （征求意见稿） ignored: see
// TitleCore), among several of that name the one whose TitleWords the title contains, else the
// one without TitleWords. It returns nil when none matches. It is the one reading of a title's
// genre: templates.Set.TitleGenre is OfTitle on the set's table.
func (gs Genres) OfTitle(title string) *GenreInfo {
	// a stray mark at the end (关于……的通知；) hides no genre: title-end-punct reports it
	t := TitleCore(strings.TrimRight(TitleCore(title), "，,；;：:！!？?"))
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

// OfFormat returns the one genre of the table with the given format (纪要格式 → 纪要), or nil
// when none or several have it.
func (gs Genres) OfFormat(f Format) *GenreInfo {
	var found *GenreInfo
	for i := range gs {
		if gs[i].Format == f {
			if found != nil {
				return nil
			}
			found = &gs[i]
		}
	}
	return found
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// LoadWith is Load with a genre table (pipeline.Genres): a plain-text or Word document is
// imported with it, so its title, genre, format and direction are read with the 文种 of the
// template set (a draft names its genre itself). With a nil table the importer knows no 文种.
func LoadWith(path string, genres Genres) (*Document, error) {
	return load(path, genres)
}
