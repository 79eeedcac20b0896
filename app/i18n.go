package app

import (
	"embed"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

//go:embed i18n/*.json
var i18nFS embed.FS

// Languages the UI is translated to; Chinese is the default.
const (
	LangZh = "zh"
	LangEn = "en"
)

var (
	trMu   sync.RWMutex
	trLang = LangZh
	trMaps = map[string]map[string]string{}
)

func init() {
	for _, l := range []string{LangZh, LangEn} {
		b, err := i18nFS.ReadFile("i18n/" + l + ".json") // fyne.LANG.json are Fyne's own strings
		if err != nil {
			continue
		}
		m := map[string]string{}
		if json.Unmarshal(b, &m) == nil {
			trMaps[l] = m
		}
	}
}

// SetLanguage switches the UI language ("zh" or "en"); an unknown language means Chinese.
func SetLanguage(l string) {
	trMu.Lock()
	defer trMu.Unlock()
	if _, ok := trMaps[l]; !ok {
		l = LangZh
	}
	trLang = l
}

// applyFyneLanguage makes Fyne's own strings (dialog buttons, the file chooser) follow the
// app's language whatever the system's locale: the app's strings for Fyne's keys are added
// for the system locale and for English, Fyne's fallback.
func applyFyneLanguage(l string) {
	b, err := i18nFS.ReadFile("i18n/fyne." + l + ".json")
	if err != nil {
		return
	}
	for _, loc := range []fyne.Locale{lang.SystemLocale(), "en"} {
		if loc == "" {
			continue
		}
		if err := lang.AddTranslationsForLocale(b, loc); err != nil {
			fmt.Fprintf(os.Stderr, "gongwen: Fyne's strings in %s for %s: %v\n", l, loc, err)
		}
	}
}

// Language returns the current UI language.
func Language() string {
	trMu.RLock()
	defer trMu.RUnlock()
	return trLang
}

// T translates a message key into the current language, falling back to Chinese and then to
// the key itself. With args the translation is a fmt format.
func T(key string, args ...any) string {
	trMu.RLock()
	s, ok := trMaps[trLang][key]
	if !ok {
		s, ok = trMaps[LangZh][key]
	}
	trMu.RUnlock()
	if !ok {
		s = key
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}

// errorf is fmt.Errorf with the format translated (a message key), so that the messages the
// user sees follow the UI language; %w wraps as usual.
func errorf(key string, args ...any) error {
	return fmt.Errorf(T(key), args...)
}

// languageOurs tells that LANGUAGE holds ourLanguage, set by the app (quietCLocale, the
// GTK file dialog's language), not by the user.
var (
	languageOurs bool
	ourLanguage  string
)

// QuietLocale is quietCLocale for the command: it must run before the Fyne app is made.
func QuietLocale() { quietCLocale() }

// quietCLocale keeps Fyne from logging "Error parsing user locale C" where the locale is
// C.UTF-8 or POSIX.UTF-8 (containers, minimal systems, ssh sessions): such a locale names no
// language, and Fyne parses "C" as one. LANGUAGE, which Fyne's locale lookup reads first
// for any locale but plain C, then says English, Fyne's own fallback. The app's language
// is its own setting either way.
func quietCLocale() {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(k)
		if v == "" {
			continue
		}
		base, _, _ := strings.Cut(v, ".")
		if (base == "C" || base == "POSIX") && v != base && os.Getenv("LANGUAGE") == "" {
			os.Setenv("LANGUAGE", "en")
			languageOurs, ourLanguage = true, "en"
		}
		return
	}
}
