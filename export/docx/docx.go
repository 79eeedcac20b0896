// Package docx writes a document.Document as an Office Open XML word-processing file
// (.docx) laid out to GB/T 9704-2012 with the same numbers as the layout engine (A4,
// margins 37/35/28/26 mm, 22 lines of 28.95 pt, 28 characters a line), written so that
// Word, WPS and LibreOffice reproduce them: exact line spacing, character spacing instead
// of a document grid, explicit fonts on every run and no theme fonts. It also fills an
// organization's own red-header template (套红模板), see FillTemplate.
package docx

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"time"

	"gongwen/document"
	"gongwen/layout"
)

// Options control the DOCX export.
type Options struct {
	// Fonts selects the font family names written into the file: "standard" (default:
	// 仿宋_GB2312, 方正小标宋简体, 黑体, 楷体_GB2312, 宋体), "windows" (仿宋/FangSong, 黑体/SimHei,
	// 楷体/KaiTi, 宋体/SimSun), "mac" (华文仿宋 …) or "bundled" (the fonts in assets/fonts).
	Fonts string
	// Title and Creator override the document properties; empty means the 标题 and the
	// lead issuing organ.
	Title   string
	Creator string
	// Modified is the time recorded in the document properties; zero means now.
	Modified time.Time
	// Warn receives warnings (control characters dropped, an image that cannot be read, a
	// font that may not be embedded); nil discards them.
	Warn func(string)
	// NoEmbed leaves the fonts out of the file. By default, with the bundled set, the file
	// carries the faces the document uses as obfuscated font parts (ECMA-376 Part 1
	// §17.8.1, §17.8.3.3), so that Word, WPS and LibreOffice show them on a machine that
	// lacks them, and a secretary can keep typing in them. The other sets name fonts the
	// office installs and are never embedded.
	NoEmbed bool
	// Layout is the layout engine's run of the document whose page plan the DOCX follows
	// (the PDF's: pass the Result the PDF was painted from); nil runs Pages, or layout.Run
	// once with Faces.
	Layout *layout.Result
	// Pages, when Layout is nil, is a typesetting run of the document that hands its pages
	// over one by one (pipeline.Pipeline.Pages): the writer follows it as it goes, holding
	// the records of a few pages at a time, and writes word/document.xml as it builds it, so
	// that a document of any length takes about the same memory. Without Pages the writer
	// runs layout.Run the same way.
	Pages PageSource
	// Faces is the font set the document is typeset with when Layout is nil (nil:
	// layout.DefaultFonts(), the bundled set).
	Faces *layout.Fonts
	// TitleEndings are the words a title may end with (the template set's 文种 and title
	// endings: pipeline.TitleEndings), for the writer's own layout.Run when neither Layout
	// nor Pages is given, so that it breaks the title where the PDF does.
	TitleEndings []string
	// SubsetFonts embeds each face cut down to the characters the document uses (plus
	// ASCII), where the font's embedding permission allows it: about 0.2–0.4 MB a document
	// instead of about 12 MB. LibreOffice keeps the first embedded face of a family name
	// for its whole session, so a second document with other characters opened in the same
	// session shows boxes where the first one's subset lacks glyphs (measured with 7.4; see
	// docs/docx.md); hence whole faces by default.
	SubsetFonts bool
	// Plan, when set, receives the writer's page plan line by line: each line of a
	// paragraph the writer breaks where the layout engine broke the element (PlanLine).
	Plan func(PlanLine)
}

// Page geometry in twips (1/20 pt), the same numbers as the layout engine.
const (
	pageW     = 11906                      // 210 mm
	pageH     = 16838                      // 297 mm
	marTop    = 2098                       // 37 mm
	marBottom = 1984                       // 35 mm
	marLeft   = 1588                       // 28 mm
	marRight  = 1474                       // 26 mm
	textW     = pageW - marLeft - marRight // 8844 = 156 mm
	marginH   = pageH - marTop - marBottom // 12756 = 225 mm
	pitch     = 579                        // 28.95 pt = 225 mm / 22
	char3     = 315                        // one 3号 character: 16 pt − 0.25 pt spacing = 15.75 pt
	charSpace = -5                         // −0.25 pt in twentieths of a point
	char4     = 280                        // one 4号 character (14 pt)
	// footerDist puts the page number's 一字线 7 mm below the 版心 (269 mm from the top).
	footerDist = 1395
	headerDist = 851
	twipEMU    = 635 // EMU per twip
	mmTwips    = 56.6929
)

// Half-point sizes.
const (
	sz2 = 44 // 二号 22 pt
	sz3 = 32 // 三号 16 pt
	sz4 = 28 // 四号 14 pt
)

// Colours.
const red = "E60012"

// Write writes doc as a .docx file to w.
func Write(w io.Writer, doc *document.Document, opts Options) error {
	if doc == nil {
		return fmt.Errorf("write docx: no document")
	}
	// a seal or signature stamp that cannot be printed fails the export, as in the PDF; the
	// images are read once into the document (a no-op when the pipeline did)
	if err := document.LoadImages(doc); err != nil {
		return fmt.Errorf("write docx: %w", err)
	}
	fonts, err := fontsFor(opts.Fonts)
	if err != nil {
		return fmt.Errorf("write docx: %w", err)
	}
	var p *plan
	switch {
	case opts.Layout != nil:
		p = newPlan(opts.Layout)
	case opts.Pages != nil:
		p = streamPlan(opts.Pages)
	default:
		p = streamPlan(layoutSource(doc, opts))
	}
	defer p.close()
	// a document the engine refuses (a 版头 past page 1) fails before anything is written
	if p.through(0); p.err != nil {
		return runError(p.err, opts)
	}
	b := newBuilder(doc, fonts, opts)
	b.plan = p
	if b.faces = opts.Faces; b.faces == nil {
		b.faces = layout.DefaultFonts()
	}

	title := opts.Title
	if title == "" {
		title = strings.ReplaceAll(doc.Title, "\n", "")
	}
	creator := opts.Creator
	if creator == "" && len(doc.Issuers) > 0 {
		creator = doc.Issuers[0].Name
	}
	mod := opts.Modified
	if mod.IsZero() {
		mod = time.Now()
	}

	zw := zip.NewWriter(w)
	// the fastest deflate level: whole embedded faces (about 17 MB) dominate the writing time
	// (通知 sample: 2.5 s and 11.0 MB at the default level, 0.9 s and 12.0 MB at this one)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(out, flate.BestSpeed)
	})
	// word/document.xml first, written as it is built while the pages of the plan come
	// in; the parts that list what it refers to (content types, relationships, fonts)
	// follow it
	fw, err := zw.Create("word/document.xml")
	if err != nil {
		return fmt.Errorf("write docx part word/document.xml: %w", err)
	}
	b.out = bufio.NewWriterSize(fw, 64<<10)
	if err := b.build(); err != nil {
		return fmt.Errorf("write docx part word/document.xml: %w", err)
	}
	if p.all(); p.err != nil {
		return runError(p.err, opts)
	}
	var embeds []embedded
	if opts.Fonts == "bundled" && !opts.NoEmbed {
		if embeds, err = b.embedFonts(opts.SubsetFonts); err != nil {
			return fmt.Errorf("write docx: %w", err)
		}
	}

	parts := []part{
		{"[Content_Types].xml", contentTypes(b.media, append(append([]subPart{}, b.footers...), b.headers...), len(embeds) > 0)},
		{"_rels/.rels", rootRels},
		{"docProps/core.xml", coreXML(b.clean(title), b.clean(creator), mod)},
		{"docProps/app.xml", appXML},
		{"word/styles.xml", b.stylesXML()},
		{"word/settings.xml", settingsXML(len(embeds) > 0)},
		{"word/fontTable.xml", b.fontTableXML(embeds)},
		{"word/_rels/document.xml.rels", b.documentRels()},
	}
	if len(embeds) > 0 {
		parts = append(parts, part{"word/_rels/fontTable.xml.rels", fontTableRels(embeds)})
	}
	for _, f := range b.footers {
		parts = append(parts, part{"word/" + f.name, f.xml})
	}
	for _, h := range b.headers {
		parts = append(parts, part{"word/" + h.name, h.xml})
	}
	for _, p := range parts {
		fw, err := zw.Create(p.name)
		if err != nil {
			return fmt.Errorf("write docx part %s: %w", p.name, err)
		}
		if _, err := io.WriteString(fw, p.data); err != nil {
			return fmt.Errorf("write docx part %s: %w", p.name, err)
		}
	}
	for _, m := range b.media {
		fw, err := zw.Create("word/media/" + m.name)
		if err != nil {
			return fmt.Errorf("write docx image %s: %w", m.name, err)
		}
		if _, err := fw.Write(m.data); err != nil {
			return fmt.Errorf("write docx image %s: %w", m.name, err)
		}
	}
	for _, e := range embeds {
		fw, err := zw.Create("word/" + e.part)
		if err != nil {
			return fmt.Errorf("write docx font %s: %w", e.part, err)
		}
		if _, err := fw.Write(e.data); err != nil {
			return fmt.Errorf("write docx font %s: %w", e.part, err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("write docx: %w", err)
	}
	return nil
}

// runError is the error of the typesetting run the DOCX follows: the caller's run's own
// (Options.Pages), or the writer's run's, marked as the writer's.
func runError(err error, opts Options) error {
	if opts.Pages != nil && opts.Layout == nil {
		return err
	}
	return fmt.Errorf("write docx: %w", err)
}

type part struct{ name, data string }

// esc escapes text for XML character data and attribute values.
func esc(s string) string {
	var buf bytes.Buffer
	_ = xml.EscapeText(&buf, []byte(s))
	return buf.String()
}

const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

const (
	nsW   = `http://schemas.openxmlformats.org/wordprocessingml/2006/main`
	nsR   = `http://schemas.openxmlformats.org/officeDocument/2006/relationships`
	nsWP  = `http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing`
	nsA   = `http://schemas.openxmlformats.org/drawingml/2006/main`
	nsPic = `http://schemas.openxmlformats.org/drawingml/2006/picture`
	nsWPS = `http://schemas.microsoft.com/office/word/2010/wordprocessingShape`
)

func contentTypes(media []mediaFile, subs []subPart, fonts bool) string {
	var s strings.Builder
	s.WriteString(xmlHeader)
	s.WriteString(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`)
	s.WriteString(`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`)
	s.WriteString(`<Default Extension="xml" ContentType="application/xml"/>`)
	if fonts {
		s.WriteString(`<Default Extension="odttf" ContentType="application/vnd.openxmlformats-officedocument.obfuscatedFont"/>`)
	}
	seen := map[string]bool{}
	for _, m := range media {
		if !seen[m.ext] {
			seen[m.ext] = true
			ct := "image/png"
			if m.ext == "jpeg" {
				ct = "image/jpeg"
			}
			fmt.Fprintf(&s, `<Default Extension="%s" ContentType="%s"/>`, m.ext, ct)
		}
	}
	s.WriteString(`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>`)
	s.WriteString(`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>`)
	s.WriteString(`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>`)
	s.WriteString(`<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>`)
	for _, p := range subs {
		fmt.Fprintf(&s, `<Override PartName="/word/%s" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.%s+xml"/>`, p.name, p.kind)
	}
	s.WriteString(`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>`)
	s.WriteString(`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>`)
	s.WriteString(`</Types>`)
	return s.String()
}

const rootRels = xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>` +
	`</Relationships>`

func coreXML(title, creator string, t time.Time) string {
	ts := t.UTC().Format("2006-01-02T15:04:05Z")
	return xmlHeader + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<dc:title>` + esc(title) + `</dc:title>` +
		`<dc:creator>` + esc(creator) + `</dc:creator>` +
		`<cp:lastModifiedBy>` + esc(creator) + `</cp:lastModifiedBy>` +
		`<dc:language>zh-CN</dc:language>` +
		`<dcterms:created xsi:type="dcterms:W3CDTF">` + ts + `</dcterms:created>` +
		`<dcterms:modified xsi:type="dcterms:W3CDTF">` + ts + `</dcterms:modified>` +
		`</cp:coreProperties>`
}

const appXML = xmlHeader + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
	`<Application>Gongwen</Application><DocSecurity>0</DocSecurity></Properties>`

// settingsXML: the elements in the schema's order (Word rejects them otherwise).
// With embedded fonts, w:embedTrueTypeFonts and w:saveSubsetFonts ask Word to keep them
// (subset) when it saves the file again.
func settingsXML(embedFonts bool) string {
	embed := ""
	if embedFonts {
		embed = `<w:embedTrueTypeFonts/><w:saveSubsetFonts/>`
	}
	return xmlHeader + `<w:settings xmlns:w="` + nsW + `">` +
		`<w:zoom w:percent="100"/>` + embed +
		`<w:defaultTabStop w:val="420"/>` +
		`<w:evenAndOddHeaders/>` +
		`<w:characterSpacingControl w:val="doNotCompress"/>` +
		`<w:compat><w:spaceForUL/><w:doNotLeaveBackslashAlone/><w:ulTrailSpace/><w:doNotExpandShiftReturn/><w:adjustLineHeightInTable/><w:useFELayout/>` +
		`<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
		`<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/>` +
		`</w:settings>`
}
