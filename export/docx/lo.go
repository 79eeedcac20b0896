package docx

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// LibreOffice's DOCX import (writerfilter, 7.4 and every later version read so far) differs
// from Word on two East Asian paragraph properties, and the DOCX must lay out right in both:
//
//   - w:overflowPunct is read inverted: ParaIsHangingPunctuation = (w:val == 0), and an
//     absent element leaves LibreOffice's default, hanging. Word reads w:val="0" as "no
//     punctuation past the margin". No single value suits both, so the element is written
//     as Markup Compatibility alternate content: consumers that know Word 2013's w15
//     namespace (Word, WPS) take the Choice w:val="0"; LibreOffice, whose importer takes a
//     Choice only for wps, wpg, w14 and wpc, takes the Fallback w:val="1", which it reads
//     as no hanging punctuation.
//   - w:autoSpaceDE / w:autoSpaceDN are not read at all (the import's case is an empty
//     break), nor is w:hint, so LibreOffice keeps its default ParaIsCharacterDistance: a
//     kern portion of 1/5 of the font height wherever a text portion of one script ends on
//     a letter or digit and the next, of another script, starts with one, "12号" reading
//     "12 号". Only a character grid (w:docGrid linesAndChars) turns it off there, and the
//     document must not use one; negative w:spacing does not take it back (Writer does not
//     apply letter spacing to the last character of a portion); no compatibility setting
//     maps onto the property. What LibreOffice does honour is its own condition that the
//     kern needs two text portions side by side: an empty field between the two (a field
//     start and end, no result) ends the text portion without adding a character to the
//     text. The field is alternate content inside an otherwise empty run, so Word and WPS,
//     which honour autoSpaceDE/DN="0" themselves, read an empty run and no field at all.

// nsMCE continues the root element's xmlns:w declaration (it opens and leaves open a quoted
// attribute value) with the Markup Compatibility and Word 2013 namespaces the alternate
// content names.
const nsMCE = `" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml`

// loChoice is the namespace prefix whose Choice Word and WPS take and LibreOffice does not.
const loChoice = "w15"

// alternate writes Markup Compatibility alternate content: word for consumers that know
// w15 (Word 2013 and later, WPS), lo for the others (LibreOffice).
func alternate(word, lo string) string {
	return `<mc:AlternateContent><mc:Choice Requires="` + loChoice + `">` + word + `</mc:Choice><mc:Fallback>` + lo + `</mc:Fallback></mc:AlternateContent>`
}

// noHangingPunct is w:overflowPunct meaning "no hanging punctuation" in Word and in
// LibreOffice alike.
var noHangingPunct = alternate(`<w:overflowPunct w:val="0"/>`, `<w:overflowPunct w:val="1"/>`)

// loKernAt reports whether LibreOffice inserts its automatic Asian/Latin space between a and
// b: both letters or digits (its CharClass::isLetterNumeric), one of Asian script and the
// other not (SwTextFormatter::BuildPortions, the kern portions of "ScriptSpace").
func loKernAt(a, b rune) bool {
	if !letterOrDigit(a) || !letterOrDigit(b) {
		return false
	}
	return asianScript(a) != asianScript(b)
}

func letterOrDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// asianScript: the Unicode blocks LibreOffice's break iterator classes as ASIAN, as far as
// letters and digits go (ideographs, kana, hangul, bopomofo, fullwidth forms).
func asianScript(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Bopomofo) ||
		(r >= 0xFF00 && r <= 0xFFEF)
}

// loStop keeps LibreOffice from kerning between the characters around it: an empty QUOTE
// field, which LibreOffice imports as a field mark (no character of the text, nothing drawn,
// nothing in its plain text or its searches) and which ends the text portion before it.
// The run's content is alternate content in the place Word itself writes alternate content
// (a child of w:r, as around its drawings): consumers that know w15 (Word, WPS) read an
// empty run, LibreOffice the field.
func (b *builder) loStop(r rs) string {
	return `<w:r>` + b.rPr(r) + alternate("", loField) + `</w:r>`
}

// loField is the empty field of loStop: begin, instruction, end, no result.
const loField = `<w:fldChar w:fldCharType="begin"/><w:instrText xml:space="preserve"> QUOTE "" </w:instrText><w:fldChar w:fldCharType="end"/>`

// edgeRune returns the last (or first) character of a run written by runText, when text
// ends (or starts) it: not a tab, a break or a picture.
func edgeRune(run string, last bool) (rune, bool) {
	const open, end = `<w:t xml:space="preserve">`, `</w:t></w:r>`
	if last {
		if !strings.HasSuffix(run, end) {
			return 0, false
		}
		r, _ := utf8.DecodeLastRuneInString(strings.TrimSuffix(run, end))
		return r, r != utf8.RuneError
	}
	i := strings.Index(run, `</w:rPr>`)
	if i < 0 || !strings.HasPrefix(run[i+len(`</w:rPr>`):], open) {
		return 0, false
	}
	r, _ := utf8.DecodeRuneInString(run[i+len(`</w:rPr>`)+len(open):])
	return r, r != utf8.RuneError
}
