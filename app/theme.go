package app

import (
	"fmt"
	"image/color"
	"os"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gongwen/layout"
)

// gwTheme is the app's theme: Fyne's default with the bundled CJK font for all text (so
// Chinese looks the same on every OS) and a 公文 red as the primary colour.
type gwTheme struct {
	base fyne.Theme
}

var (
	uiFontOnce sync.Once
	uiFont     fyne.Resource
)

// uiFontResource returns the bundled sans font (Noto Sans SC) as a Fyne resource, or nil.
func uiFontResource() fyne.Resource {
	uiFontOnce.Do(func() {
		// the bundled face's one []byte copy per process, shared with the PDF writer
		f, err := layout.DefaultFonts().Face(layout.FontID(layout.Hei))
		if err != nil {
			// Fyne's own font has no Chinese: the UI will show boxes, say why
			fmt.Fprintf(os.Stderr, "gongwen: bundled UI font: %v\n", err)
			return
		}
		uiFont = fyne.NewStaticResource("NotoSansSC-Medium.ttf", f.Bytes())
		// Fyne parses the theme's face of a style and, unless it is the very resource
		// Fyne falls back to for that style, its own Latin face beside it (Noto Sans, 3.4 MB
		// of Go heap each, regular and bold; measured with the 6-page example). The UI font
		// has the Latin letters: Fyne's own regular and bold resources are made to hold it,
		// and the theme hands out those, so each style is parsed once.
		for _, r := range []fyne.Resource{theme.DefaultTextFont(), theme.DefaultTextBoldFont()} {
			if sr, ok := r.(*fyne.StaticResource); ok {
				sr.StaticName, sr.StaticContent = uiFont.Name(), uiFont.Content()
			}
		}
		if sr, ok := theme.DefaultTextFont().(*fyne.StaticResource); ok {
			uiFont = sr
		}
	})
	return uiFont
}

// uiFontFor is the UI font's resource for a text style: Fyne's own resource of the style,
// which holds the UI font (uiFontResource), so that Fyne parses no second face beside it.
func uiFontFor(s fyne.TextStyle) fyne.Resource {
	r := uiFontResource()
	if r == nil {
		return nil
	}
	if s.Bold && !s.Italic {
		if b := theme.DefaultTextBoldFont(); b.Name() == r.Name() {
			return b
		}
	}
	return r
}

// strongStyle is the style of the app's headings and emphasised labels: the regular one.
// The UI face has one weight (Noto Sans SC Medium, for every style, Font below), so bold
// text is drawn with the same glyphs; but Fyne parses the theme's font once per text style
// it meets (its font cache is per style: 7.2 MB of Go heap for this face), with a second
// Latin fallback face and system font for bold: ~11 MB for text that looks the same
// (measured with the 6-page example under Xvfb). So the app draws no bold text: its own
// labels use strongStyle, its form tabs are its own (tabs.go), and Fyne's styles that
// are bold (button labels, rich-text headings) are made regular when the package loads.
// Fyne's dialogs and forms still title their content in bold: the first one shown parses
// the bold face.
var strongStyle = fyne.TextStyle{}

func init() {
	for _, s := range []*widget.RichTextStyle{&widget.RichTextStyleStrong, &widget.RichTextStyleHeading, &widget.RichTextStyleSubHeading} {
		s.TextStyle.Bold = false
	}
}

func newTheme() fyne.Theme { return &gwTheme{base: theme.DefaultTheme()} }

func (t *gwTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch n {
	case theme.ColorNamePrimary:
		return color.NRGBA{R: 0xc0, G: 0x1c, B: 0x24, A: 0xff}
	case theme.ColorNameFocus:
		return color.NRGBA{R: 0xc0, G: 0x1c, B: 0x24, A: 0x55}
	case theme.ColorNameSelection:
		return color.NRGBA{R: 0xc0, G: 0x1c, B: 0x24, A: 0x30}
	}
	// Always light: the preview is white paper and the document's red must read the same.
	return t.base.Color(n, theme.VariantLight)
}

func (t *gwTheme) Font(s fyne.TextStyle) fyne.Resource {
	if s.Monospace || s.Symbol {
		return t.base.Font(s)
	}
	if r := uiFontFor(s); r != nil {
		return r
	}
	return t.base.Font(s)
}

func (t *gwTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base.Icon(n) }

func (t *gwTheme) Size(n fyne.ThemeSizeName) float32 {
	switch n {
	case theme.SizeNameText:
		return 14
	case theme.SizeNameCaptionText:
		return 12
	}
	return t.base.Size(n)
}
