// Package ofd writes typeset pages ([]layout.Page) as an OFD package (GB/T 33190-2016, the
// fixed-layout format of Chinese government document exchange and archiving): a ZIP of XML
// parts with the same pages the PDF writer paints. Every character is placed where the layout
// put it (TextCode X/Y and DeltaX, in millimetres); rules, the red mark and the seal area keep
// their colours; seal and signature images become MultiMedia resources; each face is embedded as
// a TrueType subset of the characters it prints. The document information carries the title,
// the issuing organ as author, the creation date and Gongwen as creator, and the 公文's elements
// (发文字号, 标题, 成文日期 …) are both CustomDatas and a custom tag file (GB/T 33190 clause 16)
// that points at the page objects of each element.
package ofd

import (
	"archive/zip"
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/xml"
	"errors"
	"fmt"
	"hash"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/image/font/sfnt"

	"gongwen/document"
	"gongwen/layout"
)

// Namespace is the OFD namespace of every part.
const Namespace = "http://www.ofdspec.org/2016"

// TagNamespace is the namespace of Gongwen's custom tag file: one element per GB/T 9704
// element, named as the standard names it, holding ObjectRefs to the page objects.
const TagNamespace = "urn:gongwen:gbt9704-2012"

// Meta is the document information of the OFD.
type Meta struct {
	Title   string // the 公文's 标题, on one line
	Author  string // the issuing organ (发文机关)
	Subject string // optional, e.g. the genre (请示)
	// Creator defaults to "Gongwen".
	Creator string
	// Date is the creation date; zero means today.
	Date time.Time
	// Data are name/value pairs written as DocInfo CustomDatas (发文字号, 成文日期 …), in order.
	Data []Datum
}

// Datum is one CustomData of the document information.
type Datum struct{ Name, Value string }

// MetaOf is the document information of a 公文: its title, its issuing organs as the author
// and its 发文字号, 标题, 发文机关, 成文日期, 密级 and 紧急程度 as custom data.
func MetaOf(doc *document.Document) Meta {
	var names []string
	for _, is := range doc.Issuers {
		if is.Name != "" {
			names = append(names, is.Name)
		}
	}
	oneLine := func(s string) string {
		return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", "")), " ")
	}
	m := Meta{Title: oneLine(doc.Title), Author: strings.Join(names, "、")}
	for _, d := range []Datum{
		{"发文字号", doc.Number},
		{"标题", m.Title},
		{"发文机关", m.Author},
		{"成文日期", doc.Date},
		{"密级", doc.Classification},
		{"紧急程度", doc.Urgency},
	} {
		if d.Value = oneLine(d.Value); d.Value != "" {
			m.Data = append(m.Data, d)
		}
	}
	return m
}

// familyOf is the FamilyName written for the face that serves a role: the name of the 公文 font
// of that role, which a reader that substitutes an installed font looks for. The actual face
// is embedded and named by FontName.
var familyOf = map[layout.FontID]string{
	layout.FontID(layout.FangSong):     "仿宋",
	layout.FontID(layout.XiaoBiaoSong): "方正小标宋简体",
	layout.FontID(layout.Hei):          "黑体",
	layout.FontID(layout.Kai):          "楷体",
	layout.FontID(layout.Song):         "宋体",
}

// dash is the on/off pattern of a placeholder circle in millimetres: the PDF's 4 pt and 3 pt.
var dash = [2]layout.Length{layout.Pt(4), layout.Pt(3)}

// ErrImageFormat marks an image that is not a PNG or JPEG within the size limits
// (document.ImageConfig's check).
var ErrImageFormat = document.ErrImageFormat

// Write paints pages as they are into an OFD package on w. fonts must be the set the pages were
// typeset with (nil means layout.DefaultFonts()).
func Write(w io.Writer, pages []layout.Page, fonts *layout.Fonts, meta Meta) error {
	if len(pages) == 0 {
		return errors.New("write ofd: no pages")
	}
	ow := NewWriter(w, fonts, meta)
	for i := range pages {
		if err := ow.Add(&pages[i]); err != nil {
			return err
		}
	}
	return ow.Finish()
}

// Writer writes an OFD package page by page (a layout run hands the pages over as they are
// final): each page's Content.xml goes into the package as the page is added, and the
// parts that list the pages, fonts, images and tags follow at Finish. It keeps a few bytes
// a page (its ID and its objects' tags), not the pages.
type Writer struct {
	wr   *writer
	zw   *zip.Writer
	meta Meta
	hash hash.Hash // the DocID's digest of the pages
	err  error
}

// NewWriter starts an OFD package on out; fonts must be the set the pages are typeset with
// (nil means layout.DefaultFonts()).
func NewWriter(out io.Writer, fonts *layout.Fonts, meta Meta) *Writer {
	if fonts == nil {
		fonts = layout.DefaultFonts()
	}
	if meta.Creator == "" {
		meta.Creator = "Gongwen"
	}
	if meta.Date.IsZero() {
		meta.Date = time.Now()
	}
	wr := &writer{fonts: fonts, faces: map[layout.FontID]*fontRes{}, media: map[[32]byte]*mediaRes{}, tags: map[layout.Element]*tagRefs{}}
	return &Writer{wr: wr, zw: zip.NewWriter(out), meta: meta, hash: sha256.New()}
}

// Add writes the next page into the package.
func (ow *Writer) Add(pg *layout.Page) error {
	if ow.err != nil {
		return ow.err
	}
	i := len(ow.wr.pages)
	data, err := ow.wr.page(pg)
	if err != nil {
		return fmt.Errorf("write ofd page %d: %w", i+1, err)
	}
	ow.hash.Write(data)
	if err := ow.put(fmt.Sprintf("Doc_0/Pages/Page_%d/Content.xml", i), data); err != nil {
		ow.err = fmt.Errorf("write ofd: %w", err)
		return ow.err
	}
	return nil
}

// Finish writes the document's parts and closes the package.
func (ow *Writer) Finish() error {
	if ow.err != nil {
		return ow.err
	}
	if len(ow.wr.pages) == 0 {
		return errors.New("write ofd: no pages")
	}
	return ow.wr.finish(ow, ow.meta)
}

// put writes one part of the package.
func (ow *Writer) put(name string, data []byte) error {
	fw, err := ow.create(name)
	if err != nil {
		return err
	}
	_, err = fw.Write(data)
	return err
}

func (ow *Writer) create(name string) (io.Writer, error) {
	return ow.zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: ow.meta.Date})
}

type fontRes struct {
	id    uint32
	face  *layout.Face
	runes map[rune]bool
}

type mediaRes struct {
	id     uint32
	format string // PNG or JPEG
	data   []byte
}

// tagRefs are the page objects of one element, as pairs of varints: the page ID and the
// object ID, each less the previous pair's (both grow), about three bytes an object.
type tagRefs struct {
	buf           []byte
	lastPage, obj uint32
}

func (t *tagRefs) add(page, obj uint32) {
	t.buf = binary.AppendUvarint(t.buf, uint64(page-t.lastPage))
	t.buf = binary.AppendUvarint(t.buf, uint64(obj-t.obj))
	t.lastPage, t.obj = page, obj
}

// each calls fn with each page and object ID in the order they were added.
func (t *tagRefs) each(fn func(page, obj uint32)) {
	var page, obj uint32
	for b := t.buf; len(b) > 0; {
		dp, n := binary.Uvarint(b)
		b = b[n:]
		do, m := binary.Uvarint(b)
		b = b[m:]
		page, obj = page+uint32(dp), obj+uint32(do)
		fn(page, obj)
	}
}

// writer collects the parts of one package. IDs (ST_ID) are unique across the document.
type writer struct {
	fonts     *layout.Fonts
	last      uint32
	faces     map[layout.FontID]*fontRes
	faceOrder []layout.FontID
	media     map[[32]byte]*mediaRes
	mediaList []*mediaRes
	pages     []uint32 // the ID of each page written
	tags      map[layout.Element]*tagRefs
	tagOrder  []layout.Element
}

func (w *writer) next() uint32 {
	w.last++
	return w.last
}

// num formats a length in millimetres: at most three decimals (layout's micrometres), no
// trailing zeros.
func num(l layout.Length) string { return mm(l.Mm()) }

func mm(v float64) string {
	s := strconv.FormatFloat(math.Round(v*1000)/1000, 'f', 3, 64)
	s = strings.TrimRight(s, "0")
	s = strings.TrimSuffix(s, ".")
	if s == "-0" {
		s = "0"
	}
	return s
}

func rgb(c layout.Color) string { return fmt.Sprintf("%d %d %d", c.R, c.G, c.B) }

func esc(s string) string {
	var b bytes.Buffer
	// EscapeText also writes \n, \r and \t as character references (XML keeps them) and
	// replaces characters XML cannot hold with U+FFFD.
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

func (w *writer) tag(e layout.Element, page, obj uint32) {
	if !xmlName(string(e)) {
		return // an element name that cannot be an XML element name is left untagged
	}
	t, ok := w.tags[e]
	if !ok {
		t = &tagRefs{}
		w.tags[e] = t
		w.tagOrder = append(w.tagOrder, e)
	}
	t.add(page, obj)
}

// xmlName reports whether s can be an XML element name without a prefix: letters (any
// script), digits, '_', '-' and '.', not starting with a digit, '-' or '.'.
func xmlName(s string) bool {
	for i, r := range s {
		switch {
		case unicode.IsLetter(r) || r == '_':
		case i > 0 && (unicode.IsDigit(r) || r == '-' || r == '.'):
		default:
			return false
		}
	}
	return s != ""
}

func (w *writer) face(id layout.FontID) (*fontRes, error) {
	if f, ok := w.faces[id]; ok {
		return f, nil
	}
	face, err := w.fonts.Face(id)
	if err != nil {
		return nil, err
	}
	f := &fontRes{id: w.next(), face: face, runes: map[rune]bool{}}
	w.faces[id] = f
	w.faceOrder = append(w.faceOrder, id)
	return f, nil
}

// page returns the Content.xml of a page.
func (w *writer) page(pg *layout.Page) ([]byte, error) {
	pageID := w.next()
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<ofd:Page xmlns:ofd="` + Namespace + `">` + "\n")
	fmt.Fprintf(&b, "<ofd:Content>\n<ofd:Layer ID=\"%d\" Type=\"Body\">\n", w.next())
	for _, r := range pg.Rules {
		w.rule(&b, pageID, r)
	}
	for i := range pg.Texts {
		if err := w.text(&b, pageID, &pg.Texts[i]); err != nil {
			return nil, err
		}
	}
	for _, im := range pg.Images {
		if err := w.image(&b, pageID, im); err != nil {
			return nil, err
		}
	}
	for _, c := range pg.Circles {
		w.circle(&b, pageID, c)
	}
	b.WriteString("</ofd:Layer>\n</ofd:Content>\n</ofd:Page>\n")
	w.pages = append(w.pages, pageID)
	return b.Bytes(), nil
}

// text writes a run as TextObjects: one per stretch of characters in one face (a character the
// run's face lacks is printed in the face the font set's fallback finds, as the PDF does), each
// with one TextCode whose X/Y is the first character's origin and whose DeltaX gives every
// following character's distance from the previous one. Spaces at either end of a stretch are
// left out (XML readers trim them, which would shift the characters after them).
func (w *writer) text(b *bytes.Buffer, pageID uint32, t *layout.Text) error {
	if t.S == "" {
		return nil
	}
	f, err := w.fonts.Face(t.Font)
	if err != nil {
		return err
	}
	runes := []rune(t.S)
	xs := make([]layout.Length, len(runes))
	ids := make([]layout.FontID, len(runes))
	advs := make([]layout.Length, len(runes))
	for i, r := range runes {
		g, gid := f, t.Font
		if !f.Has(r) && r != ' ' {
			if h, ok, err := w.fonts.Resolve(layout.Role(t.Font), r); err == nil && ok {
				g, gid = h, h.ID
			}
		}
		ids[i] = gid
		advs[i] = g.Advance(r, t.Size)
		switch {
		case i < len(t.X):
			xs[i] = t.X[i]
		case i > 0:
			xs[i] = xs[i-1] + advs[i-1]
		}
	}
	for i := 0; i < len(runes); {
		j := i + 1
		for j < len(runes) && ids[j] == ids[i] {
			j++
		}
		a, z := i, j
		for a < z && runes[a] == ' ' {
			a++
		}
		for z > a && runes[z-1] == ' ' {
			z--
		}
		if a < z {
			if err := w.textObject(b, pageID, t, ids[a], runes[a:z], xs[a:z], advs[z-1]); err != nil {
				return err
			}
		}
		i = j
	}
	return nil
}

func (w *writer) textObject(b *bytes.Buffer, pageID uint32, t *layout.Text, fid layout.FontID, runes []rune, xs []layout.Length, lastAdv layout.Length) error {
	fr, err := w.face(fid)
	if err != nil {
		return err
	}
	for _, r := range runes {
		fr.runes[r] = true
	}
	id := w.next()
	w.tag(t.Element, pageID, id)
	// The boundary: from the first character's origin to the last one's advance, one em above
	// the baseline and a quarter em below (CJK faces keep their glyphs within that box).
	bx, by := xs[0], t.Y-t.Size
	bw, bh := xs[len(xs)-1]+lastAdv-bx, t.Size+t.Size/4
	fmt.Fprintf(b, `<ofd:TextObject ID="%d" Boundary="%s %s %s %s" Font="%d" Size="%s">`,
		id, num(bx), num(by), num(bw), num(bh), fr.id, num(t.Size))
	fmt.Fprintf(b, `<ofd:FillColor Value="%s"/>`, rgb(t.Color))
	fmt.Fprintf(b, `<ofd:TextCode X="0" Y="%s"`, num(t.Y-by))
	if len(xs) > 1 {
		b.WriteString(` DeltaX="`)
		for k := 1; k < len(xs); k++ {
			if k > 1 {
				b.WriteByte(' ')
			}
			b.WriteString(num(xs[k] - xs[k-1]))
		}
		b.WriteByte('"')
	}
	b.WriteString(">")
	b.WriteString(esc(string(runes)))
	b.WriteString("</ofd:TextCode></ofd:TextObject>\n")
	return nil
}

func (w *writer) rule(b *bytes.Buffer, pageID uint32, r layout.Rule) {
	id := w.next()
	w.tag(r.Element, pageID, id)
	hw := r.Width / 2
	x0, y0 := min(r.X0, r.X1)-hw, min(r.Y0, r.Y1)-hw
	x1, y1 := max(r.X0, r.X1)+hw, max(r.Y0, r.Y1)+hw
	fmt.Fprintf(b, `<ofd:PathObject ID="%d" Boundary="%s %s %s %s" LineWidth="%s">`,
		id, num(x0), num(y0), num(x1-x0), num(y1-y0), num(r.Width))
	fmt.Fprintf(b, `<ofd:StrokeColor Value="%s"/>`, rgb(r.Color))
	fmt.Fprintf(b, "<ofd:AbbreviatedData>M %s %s L %s %s</ofd:AbbreviatedData></ofd:PathObject>\n",
		num(r.X0-x0), num(r.Y0-y0), num(r.X1-x0), num(r.Y1-y0))
}

// circle writes a circle outline as four cubic Bézier arcs, dashed like the PDF's when asked.
func (w *writer) circle(b *bytes.Buffer, pageID uint32, c layout.Circle) {
	id := w.next()
	w.tag(c.Element, pageID, id)
	hw := c.Width / 2
	x0, y0 := c.CX-c.R-hw, c.CY-c.R-hw
	side := 2*c.R + c.Width
	fmt.Fprintf(b, `<ofd:PathObject ID="%d" Boundary="%s %s %s %s" LineWidth="%s"`,
		id, num(x0), num(y0), num(side), num(side), num(c.Width))
	if c.Dashed {
		fmt.Fprintf(b, ` DashPattern="%s %s"`, num(dash[0]), num(dash[1]))
	}
	b.WriteString(">")
	fmt.Fprintf(b, `<ofd:StrokeColor Value="%s"/>`, rgb(c.Color))
	cx, cy, r := (c.CX - x0).Mm(), (c.CY - y0).Mm(), c.R.Mm()
	k := 0.5522847498 * r
	p := func(x, y float64) string { return mm(x) + " " + mm(y) }
	// From the bottom of the circle, counter-clockwise on the page (bottom, right, top, left),
	// where the PDF and PNG writers start their dashes.
	fmt.Fprintf(b, "<ofd:AbbreviatedData>M %s B %s %s %s B %s %s %s B %s %s %s B %s %s %s C</ofd:AbbreviatedData></ofd:PathObject>\n",
		p(cx, cy+r),
		p(cx+k, cy+r), p(cx+r, cy+k), p(cx+r, cy),
		p(cx+r, cy-k), p(cx+k, cy-r), p(cx, cy-r),
		p(cx-k, cy-r), p(cx-r, cy-k), p(cx-r, cy),
		p(cx-r, cy+k), p(cx-k, cy+r), p(cx, cy+r))
}

func (w *writer) image(b *bytes.Buffer, pageID uint32, im layout.Image) error {
	if len(im.Data) == 0 {
		return nil
	}
	_, format, err := document.ImageConfig(im.Data)
	if err != nil {
		return fmt.Errorf("image %s: %w", im.Element, err)
	}
	key := sha256.Sum256(im.Data)
	m, ok := w.media[key]
	if !ok {
		m = &mediaRes{id: w.next(), format: strings.ToUpper(format), data: im.Data}
		if m.format == "JPEG" {
			m.format = "JPG"
		}
		w.media[key] = m
		w.mediaList = append(w.mediaList, m)
	}
	id := w.next()
	w.tag(im.Element, pageID, id)
	// An image fills the unit square of its CTM, which scales it to the boundary's size.
	fmt.Fprintf(b, `<ofd:ImageObject ID="%d" Boundary="%s %s %s %s" CTM="%s 0 0 %s 0 0" ResourceID="%d"/>`+"\n",
		id, num(im.X), num(im.Y), num(im.W), num(im.H), num(im.W), num(im.H), m.id)
	return nil
}

// fontNames are the FontName and FamilyName of an embedded face: the face's PostScript name
// (ASCII, what converters handle best) and, for the face that serves a 公文 role, the role's
// usual family (仿宋, 黑体 …) so that a reader that ignores embedded fonts picks a font of that
// style; fallback faces keep their own family name.
func fontNames(id layout.FontID, f *layout.Face) (name, family string) {
	name, _ = f.SFNT().Name(nil, sfnt.NameIDPostScript)
	if name == "" {
		name = f.Name
	}
	if name == "" {
		name = string(id)
	}
	family = familyOf[id]
	if family == "" {
		family = f.Name
	}
	if family == "" {
		family = name
	}
	return name, family
}

// safeSubset subsets a face's data to runes; a font the subsetter cannot read (or that trips it
// up: a system font is outside Gongwen's control) is an error, never a panic.
func safeSubset(f *layout.Face, runes []rune) (data []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			data, err = nil, fmt.Errorf("subset font %s: %v", f.ID, r)
		}
	}()
	return subsetTrueType(f.Bytes(), runes, func(r rune) uint16 { return uint16(f.GlyphIndex(r)) })
}

// finish writes the parts after the pages: OFD.xml, Document.xml, the resources, the custom
// tags, the font subsets and the images.
func (w *writer) finish(ow *Writer, meta Meta) error {
	type part struct {
		name string
		data []byte
	}
	var parts []part
	docRes, pubRes := "", ""

	// Fonts: subset to the characters printed; a face the subsetter cannot read goes in whole.
	var pr bytes.Buffer
	if len(w.faceOrder) > 0 {
		pr.WriteString("<ofd:Fonts>\n")
		for _, id := range w.faceOrder {
			fr := w.faces[id]
			runes := make([]rune, 0, len(fr.runes))
			for r := range fr.runes {
				runes = append(runes, r)
			}
			sort.Slice(runes, func(i, j int) bool { return runes[i] < runes[j] })
			data, err := safeSubset(fr.face, runes)
			if err != nil {
				data = fr.face.Bytes()
			}
			file := fmt.Sprintf("font_%d.ttf", fr.id)
			parts = append(parts, part{"Doc_0/Res/" + file, data})
			name, family := fontNames(id, fr.face)
			serif := id != layout.FontID(layout.Hei)
			fmt.Fprintf(&pr, `<ofd:Font ID="%d" FontName="%s" FamilyName="%s" Serif="%t"><ofd:FontFile>%s</ofd:FontFile></ofd:Font>`+"\n",
				fr.id, esc(name), esc(family), serif, file)
		}
		pr.WriteString("</ofd:Fonts>\n")
		pubRes = `<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<ofd:Res xmlns:ofd="` + Namespace + `" BaseLoc="Res">` + "\n" + pr.String() + "</ofd:Res>\n"
	}
	if len(w.mediaList) > 0 {
		var dr bytes.Buffer
		dr.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<ofd:Res xmlns:ofd="` + Namespace + `" BaseLoc="Res">` + "\n<ofd:MultiMedias>\n")
		for _, m := range w.mediaList {
			ext := ".png"
			if m.format == "JPG" {
				ext = ".jpg"
			}
			file := fmt.Sprintf("image_%d%s", m.id, ext)
			parts = append(parts, part{"Doc_0/Res/" + file, m.data})
			fmt.Fprintf(&dr, `<ofd:MultiMedia ID="%d" Type="Image" Format="%s"><ofd:MediaFile>%s</ofd:MediaFile></ofd:MultiMedia>`+"\n", m.id, m.format, file)
		}
		dr.WriteString("</ofd:MultiMedias>\n</ofd:Res>\n")
		docRes = dr.String()
	}

	// The DocID: a digest of the pages, so that the same pages give the same identifier.
	ow.hash.Write([]byte(meta.Title))
	docID := hex.EncodeToString(ow.hash.Sum(nil)[:16])

	var o bytes.Buffer
	o.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<ofd:OFD xmlns:ofd="` + Namespace + `" Version="1.0" DocType="OFD">` + "\n<ofd:DocBody>\n<ofd:DocInfo>\n")
	fmt.Fprintf(&o, "<ofd:DocID>%s</ofd:DocID>\n", docID)
	if meta.Title != "" {
		fmt.Fprintf(&o, "<ofd:Title>%s</ofd:Title>\n", esc(meta.Title))
	}
	if meta.Author != "" {
		fmt.Fprintf(&o, "<ofd:Author>%s</ofd:Author>\n", esc(meta.Author))
	}
	if meta.Subject != "" {
		fmt.Fprintf(&o, "<ofd:Subject>%s</ofd:Subject>\n", esc(meta.Subject))
	}
	fmt.Fprintf(&o, "<ofd:CreationDate>%s</ofd:CreationDate>\n", meta.Date.Format("2006-01-02"))
	fmt.Fprintf(&o, "<ofd:Creator>%s</ofd:Creator>\n", esc(meta.Creator))
	if len(meta.Data) > 0 {
		o.WriteString("<ofd:CustomDatas>\n")
		for _, dt := range meta.Data {
			fmt.Fprintf(&o, "<ofd:CustomData Name=\"%s\">%s</ofd:CustomData>\n", esc(dt.Name), esc(dt.Value))
		}
		o.WriteString("</ofd:CustomDatas>\n")
	}
	o.WriteString("</ofd:DocInfo>\n<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>\n</ofd:DocBody>\n</ofd:OFD>\n")
	if err := ow.put("OFD.xml", o.Bytes()); err != nil {
		return fmt.Errorf("write ofd: %w", err)
	}

	// Document.xml and the tag file list every page and tagged object: written straight
	// into the package
	err := ow.stream("Doc_0/Document.xml", func(d *bufio.Writer) {
		d.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<ofd:Document xmlns:ofd="` + Namespace + `">` + "\n<ofd:CommonData>\n")
		fmt.Fprintf(d, "<ofd:MaxUnitID>%d</ofd:MaxUnitID>\n", w.last)
		fmt.Fprintf(d, "<ofd:PageArea><ofd:PhysicalBox>0 0 %s %s</ofd:PhysicalBox></ofd:PageArea>\n", num(layout.PageWidth), num(layout.PageHeight))
		if pubRes != "" {
			d.WriteString("<ofd:PublicRes>PublicRes.xml</ofd:PublicRes>\n")
		}
		if docRes != "" {
			d.WriteString("<ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes>\n")
		}
		d.WriteString("</ofd:CommonData>\n<ofd:Pages>\n")
		for i, id := range w.pages {
			fmt.Fprintf(d, "<ofd:Page ID=\"%d\" BaseLoc=\"Pages/Page_%d/Content.xml\"/>\n", id, i)
		}
		d.WriteString("</ofd:Pages>\n")
		if len(w.tagOrder) > 0 {
			d.WriteString("<ofd:CustomTags>Tags/CustomTags.xml</ofd:CustomTags>\n")
		}
		d.WriteString("</ofd:Document>\n")
	})
	if err != nil {
		return fmt.Errorf("write ofd: %w", err)
	}
	var all []part
	if pubRes != "" {
		all = append(all, part{"Doc_0/PublicRes.xml", []byte(pubRes)})
	}
	if docRes != "" {
		all = append(all, part{"Doc_0/DocumentRes.xml", []byte(docRes)})
	}
	for _, p := range all {
		if err := ow.put(p.name, p.data); err != nil {
			return fmt.Errorf("write ofd: %w", err)
		}
	}

	// Custom tags: one element per GB/T 9704 element with ObjectRefs to its page objects.
	if len(w.tagOrder) > 0 {
		ct := `<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<ofd:CustomTags xmlns:ofd="` + Namespace + `">` + "\n" +
			`<ofd:CustomTag NameSpace="` + TagNamespace + `"><ofd:FileLoc>Tag_GongWen.xml</ofd:FileLoc></ofd:CustomTag>` + "\n</ofd:CustomTags>\n"
		if err := ow.put("Doc_0/Tags/CustomTags.xml", []byte(ct)); err != nil {
			return fmt.Errorf("write ofd: %w", err)
		}
		err := ow.stream("Doc_0/Tags/Tag_GongWen.xml", func(tb *bufio.Writer) {
			tb.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<gw:公文 xmlns:gw="` + TagNamespace + `">` + "\n")
			for _, e := range w.tagOrder {
				fmt.Fprintf(tb, "<gw:%s>\n", e)
				w.tags[e].each(func(page, obj uint32) {
					fmt.Fprintf(tb, "<gw:ObjectRef PageRef=\"%d\">%d</gw:ObjectRef>\n", page, obj)
				})
				fmt.Fprintf(tb, "</gw:%s>\n", e)
			}
			tb.WriteString("</gw:公文>\n")
		})
		if err != nil {
			return fmt.Errorf("write ofd: %w", err)
		}
	}
	for _, p := range parts {
		if err := ow.put(p.name, p.data); err != nil {
			return fmt.Errorf("write ofd: %w", err)
		}
	}
	if err := ow.zw.Close(); err != nil {
		return fmt.Errorf("write ofd: %w", err)
	}
	return nil
}

// stream writes a part of the package as fn writes it.
func (ow *Writer) stream(name string, fn func(*bufio.Writer)) error {
	fw, err := ow.create(name)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(fw, 32<<10)
	fn(bw)
	return bw.Flush()
}
