package layout

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // seal images may be JPEG
	_ "image/png"

	"gongwen/document"
)

// The sign-off of 7.3.5: 署名, 成文日期 and 印章 in one of three modes.

const (
	sealSize   = 42 * Millimetre
	sealDrop   = 2 * Millimetre // the seal's centre sits this far below the top of the 署名's slot
	sealGap    = 4 * Millimetre
	stampMaxW  = 32 * Millimetre
	stampMaxH  = 14 * Millimetre
	dashedLine = 350 * Micrometre
)

// signOff appends the sign-off rows and returns how many slots the group still needs below
// its last row (the lower half of a seal).
func (s *setter) signOff() int {
	d := s.doc
	mode := d.SignOff
	if mode == "" {
		switch {
		case d.Date == "" && len(d.Issuers) == 0:
			mode = document.SignOffNone
		case d.Format == document.FormatOrder:
			mode = document.SignOffSignature
		default:
			mode = document.SignOffNoSeal
			for _, is := range d.Issuers {
				if is.Seal != "" {
					mode = document.SignOffSeal
				}
			}
		}
	}
	switch mode {
	case document.SignOffSeal:
		return s.sealSignOff()
	case document.SignOffNoSeal:
		s.noSealSignOff()
	case document.SignOffSignature:
		s.signatureSignOff()
	default:
		// no 署名 and no date under the body: a 决议 or 公报 gives its date in the 题注, a
		// 纪要 in its head or not at all
	}
	return 0
}

func (s *setter) signNames() []string {
	names, _ := s.signers()
	return names
}

// signers returns the 署名 of the issuers that have one, with their indexes in Issuers.
func (s *setter) signers() (names []string, idx []int) {
	for i, is := range s.doc.Issuers {
		if is.Name != "" {
			names = append(names, is.Name)
			idx = append(idx, i)
		}
	}
	return names, idx
}

// rowAt places glyphs at x in a new slot row.
func (s *setter) rowAt(gs []glyph, x Length, label string) *row {
	place(gs, x)
	for i := range gs {
		gs[i].dy = baselineIn(gs[i].size)
	}
	r := row{glyphs: gs}
	if s.opts.Explain && len(gs) > 0 && label != "" {
		r.boxes = append(r.boxes, Box{Element: gs[0].elem.Element(), X: x, Y: (LinePitch - gs[0].size) / 2, W: width(gs), H: gs[0].size, Label: label})
	}
	s.rows = append(s.rows, r)
	return &s.rows[len(s.rows)-1]
}

func (s *setter) rightRow(gs []glyph, right Length, label string) *row {
	return s.rowAt(gs, right-width(gs), label)
}

// sealImage returns an image the pipeline read into the document (document.LoadImages):
// layout opens no file.
func (s *setter) sealImage(path, what string) ([]byte, image.Config, error) {
	data, ok := s.doc.Images[path]
	if !ok {
		return nil, image.Config{}, fmt.Errorf("%s图片 %s 尚未读入 (image not loaded)", what, path)
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || cfg.Width == 0 || cfg.Height == 0 {
		return nil, image.Config{}, fmt.Errorf("%s图片 %s 不是可用的 PNG 或 JPEG 图片 (not a PNG/JPEG image): %v", what, path, err)
	}
	return data, cfg, nil
}

// sealSignOff sets 7.3.5.1: the date right-indented four characters, each 署名 centred over
// its seal, the last over the date; seals one per organ, aligned, not touching. The seal
// presses the 署名 and the date, its top within one line below the text above.
func (s *setter) sealSignOff() int {
	d := s.doc
	sz := Hao(3)
	names, sidx := s.signers()
	date := s.tag(s.shape(nil, d.Date, FangSong, sz, Black, ElemDate), document.PathDate)
	dateRight := bodyRight - 4*CharPitch
	dateW := width(date)
	centre := dateRight - dateW/2
	if len(date) == 0 {
		centre = dateRight - 3*CharPitch
	}
	s.blank()
	s.blank()
	// the widest 署名 sets the spacing of the seals
	shaped, maxW := s.shapeNames(names, sz)
	spacing := sealSize + sealGap
	if w := maxW + CharPitch; w > spacing {
		spacing = w
	}
	perRow := 1
	for perRow < 3 && centre-Length(perRow)*spacing-maxW/2 >= MarginLeft {
		perRow++
	}
	// rows of names, the last row ending with the last organ over the date
	var chunks [][]int
	for st := 0; st < len(names); st += perRow {
		end := st + perRow
		if end > len(names) {
			end = len(names)
		}
		idx := make([]int, 0, perRow)
		for i := st; i < end; i++ {
			idx = append(idx, i)
		}
		chunks = append(chunks, idx)
	}
	for ci, ch := range chunks {
		if ci > 0 {
			for k := 0; k < 4; k++ {
				s.blank()
			}
		}
		var gs []glyph
		var seals []Image
		var circles []Circle
		for j, ni := range ch {
			cx := centre - Length(len(ch)-1-j)*spacing
			ng := shaped[ni]
			place(ng, cx-width(ng)/2)
			gs = append(gs, ng...)
			cy := sealDrop // from this row's top: 署名 and date sit a little below the seal's centre
			is := d.Issuers[sidx[ni]]
			sealPath := "issuers." + itoa(sidx[ni]) + ".seal"
			if is.Seal != "" {
				data, cfg, err := s.sealImage(is.Seal, "印章")
				if err != nil {
					if s.err == nil {
						s.err = err
					}
					continue
				}
				w, h := sealSize, Length(float64(sealSize)*float64(cfg.Height)/float64(cfg.Width))
				if h > Mm(50) {
					h = Mm(50)
					w = Length(float64(h) * float64(cfg.Width) / float64(cfg.Height))
				}
				seals = append(seals, Image{Element: ElemSeal, X: cx - w/2, Y: cy - h/2, W: w, H: h, Data: data, path: sealPath})
			} else {
				circles = append(circles, Circle{Element: ElemSeal, CX: cx, CY: cy, R: sealSize / 2, Width: dashedLine, Color: Red, Dashed: true, path: sealPath})
			}
		}
		var pos []Length
		for i := range gs {
			pos = append(pos, gs[i].x)
		}
		r := s.rowAt(gs, 0, "")
		for i := range r.glyphs {
			r.glyphs[i].x = pos[i]
		}
		r.images, r.circles = seals, circles
		if s.opts.Explain {
			for _, im := range seals {
				r.boxes = append(r.boxes, Box{Element: ElemSeal, X: im.X, Y: im.Y, W: im.W, H: im.H, Label: "印章 · 7.3.5.1 · 端正居中下压署名和成文日期，上边缘距正文一行之内"})
			}
			for _, c := range circles {
				r.boxes = append(r.boxes, Box{Element: ElemSeal, X: c.CX - c.R, Y: c.CY - c.R, W: 2 * c.R, H: 2 * c.R, Label: "印章（占位）· 7.3.5.1 · 未提供印章图片"})
			}
			if len(gs) > 0 {
				r.boxes = append(r.boxes, Box{Element: ElemIssuerSign, X: gs[0].x, Y: (LinePitch - sz) / 2, W: gs[len(gs)-1].x + gs[len(gs)-1].adv - gs[0].x, H: sz, Label: "发文机关署名 · 7.3.5.1 · 以成文日期为准居中"})
			}
		}
	}
	if len(date) > 0 {
		s.rightRow(date, dateRight, "成文日期 · 7.3.5.1 · 右空四字，阿拉伯数字")
	}
	// the seal ends a few millimetres below the date's slot: no extra room needed
	return 0
}

// noSealSignOff sets 7.3.5.2: one blank line below the text, the 署名 right-indented two
// characters, the date on the next line starting two characters right of the 署名's start;
// a longer date is right-indented two characters and the 署名 moves left.
func (s *setter) noSealSignOff() {
	d := s.doc
	sz := Hao(3)
	names := s.signNames()
	date := s.tag(s.shape(nil, d.Date, FangSong, sz, Black, ElemDate), document.PathDate)
	s.blank()
	shaped, maxW := s.shapeNames(names, sz)
	limit := bodyRight - 2*CharPitch
	nameX := limit - maxW
	dateX := nameX + 2*CharPitch
	if dateX+width(date) > limit {
		dateX = limit - width(date)
		nameX = dateX - 2*CharPitch
	}
	for _, ng := range shaped {
		s.rowAt(ng, nameX, "发文机关署名 · 7.3.5.2 · 正文下空一行右空二字")
	}
	if len(date) > 0 {
		s.rowAt(date, dateX, "成文日期 · 7.3.5.2 · 署名下一行，首字比署名首字右移二字")
	}
}

// signatureSignOff sets 7.3.5.3: two blank lines below the text, the signature stamp
// right-indented four characters with the signer's title two characters to its left, the
// date one blank line below, right-indented four characters.
func (s *setter) signatureSignOff() {
	d := s.doc
	sz := Hao(3)
	s.blank()
	s.blank()
	stampRight := bodyRight - 4*CharPitch
	var gs []glyph
	var stampLeft Length
	var img *Image
	if d.SignatureImage != "" {
		data, cfg, err := s.sealImage(d.SignatureImage, "签名章")
		if err != nil {
			if s.err == nil {
				s.err = err
			}
			return
		}
		w := stampMaxW
		h := Length(float64(w) * float64(cfg.Height) / float64(cfg.Width))
		if h > stampMaxH {
			h = stampMaxH
			w = Length(float64(h) * float64(cfg.Width) / float64(cfg.Height))
		}
		stampLeft = stampRight - w
		img = &Image{Element: ElemSignature, X: stampLeft, Y: LinePitch/2 - h/2, W: w, H: h, Data: data, path: document.PathSignatureImage}
	} else {
		name := s.tag(s.shape(nil, d.SignerName, Kai, sz, Black, ElemSignature), document.PathSignerName)
		stampLeft = stampRight - width(name)
		place(name, stampLeft)
		gs = append(gs, name...)
	}
	if d.SignerTitle != "" {
		t := s.tag(s.shape(nil, d.SignerTitle, FangSong, sz, Black, ElemSignature), document.PathSignerTitle)
		place(t, stampLeft-2*CharPitch-width(t))
		gs = append(t, gs...)
	}
	var pos []Length
	for i := range gs {
		pos = append(pos, gs[i].x)
	}
	r := s.rowAt(gs, 0, "")
	for i := range r.glyphs {
		r.glyphs[i].x = pos[i]
	}
	if img != nil {
		r.images = append(r.images, *img)
	}
	if s.opts.Explain && len(gs)+len(r.images) > 0 {
		x0 := stampLeft
		if len(gs) > 0 {
			x0 = gs[0].x
		}
		r.boxes = append(r.boxes, Box{Element: ElemSignature, X: x0, Y: 0, W: stampRight - x0, H: LinePitch, Label: "签发人签名章 · 7.3.5.3 · 正文下空二行右空四字，职务在签名章左空二字"})
	}
	if d.Date != "" {
		s.blank()
		date := s.tag(s.shape(nil, d.Date, FangSong, sz, Black, ElemDate), document.PathDate)
		s.rightRow(date, stampRight, "成文日期 · 7.3.5.3 · 签名章下空一行右空四字")
	}
}

// shapeNames shapes the 署名 of each issuer and returns them with the widest one's width.
func (s *setter) shapeNames(names []string, sz Length) (shaped [][]glyph, maxW Length) {
	_, idx := s.signers()
	shaped = make([][]glyph, len(names))
	for i, n := range names {
		shaped[i] = s.shape(nil, n, FangSong, sz, Black, ElemIssuerSign)
		if i < len(idx) {
			s.tag(shaped[i], "issuers."+itoa(idx[i])+".name")
		}
		if w := width(shaped[i]); w > maxW {
			maxW = w
		}
	}
	return shaped, maxW
}
