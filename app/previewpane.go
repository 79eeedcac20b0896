package app

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gongwen/document"
	"gongwen/layout"
)

// unitsPerMm is the preview's scale at zoom 1, in Fyne units a millimetre.
const unitsPerMm = 2.8

// previewPane shows one page of the typeset document, painted by the same painter as the PNG
// export from the same pages as the PDF, with page navigation, zoom and the trainer's boxes.
type previewPane struct {
	u       *UI
	root    fyne.CanvasObject
	img     *canvas.Image
	paper   *canvas.Rectangle
	overlay *fyne.Container
	stack   *fyne.Container
	sheet   *fyne.Container // the page and, in 讲解模式, the label columns beside it
	scroll  *wheelScroll
	pageLbl *widget.Label
	zoomLbl *widget.Label
	info    *widget.Label
	explain *widget.Check
	prevBtn *widget.Button
	nextBtn *widget.Button

	// 讲解模式's toggles and the clicked element's details
	frame, grid, dims *widget.Check
	explainBar        *fyne.Container
	detail            *widget.Label
	labels            []placedLabel

	page, npages int
	zoom         float32
	boxes        []layout.Box
	records      []layout.Record // layout's records of the page shown (element paths)
}

func newPreviewPane(u *UI) *previewPane {
	view := u.docView()
	p := &previewPane{u: u, zoom: view.Zoom}
	p.img = canvas.NewImageFromImage(nil)
	p.img.FillMode = canvas.ImageFillStretch
	p.img.ScaleMode = canvas.ImageScaleSmooth
	p.paper = canvas.NewRectangle(color.White)
	p.paper.StrokeColor = color.NRGBA{0, 0, 0, 0x40}
	p.paper.StrokeWidth = 1
	p.overlay = container.NewWithoutLayout()
	p.stack = container.NewStack(p.paper, p.img)
	p.sheet = container.New(&sheetLayout{p: p}, p.stack, p.overlay)
	p.scroll = newWheelScroll(container.NewCenter(container.NewPadded(p.sheet)), container.ScrollBoth, func(in bool) {
		if in {
			p.zoomIn()
		} else {
			p.zoomOut()
		}
	})
	bg := canvas.NewRectangle(color.NRGBA{0xd8, 0xd8, 0xdc, 0xff})

	p.pageLbl = widget.NewLabel("")
	p.zoomLbl = widget.NewLabel("")
	p.info = widget.NewLabel("")
	p.info.SizeName = theme.SizeNameCaptionText
	p.info.Truncation = fyne.TextTruncateEllipsis
	p.prevBtn = widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { p.gotoPage(p.page - 1) })
	p.nextBtn = widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { p.gotoPage(p.page + 1) })
	zoomOut := widget.NewButtonWithIcon("", theme.ZoomOutIcon(), p.zoomOut)
	zoomIn := widget.NewButtonWithIcon("", theme.ZoomInIcon(), p.zoomIn)
	zoomFit := widget.NewButtonWithIcon("", theme.ZoomFitIcon(), p.fitWidth)
	redraw := func(bool) { p.explainChanged() }
	p.explain = widget.NewCheck(T("pv.explain"), redraw)
	p.explain.Checked = view.Explain
	p.frame = widget.NewCheck(T("pv.frame"), redraw)
	p.frame.Checked = true
	p.grid = widget.NewCheck(T("pv.grid"), redraw)
	p.dims = widget.NewCheck(T("pv.dims"), redraw)
	p.dims.Checked = true
	p.explainBar = container.NewHBox(p.frame, p.grid, p.dims)
	p.detail = widget.NewLabel(T("pv.explain.hint"))
	p.detail.Wrapping = fyne.TextWrapWord
	bar := container.NewHBox(p.prevBtn, p.pageLbl, p.nextBtn, widget.NewSeparator(), zoomOut, p.zoomLbl, zoomIn, zoomFit, widget.NewSeparator(), p.explain, p.explainBar)
	title := widget.NewLabelWithStyle(T("pv.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewVBox(container.NewBorder(nil, nil, title, nil, container.NewHScroll(bar)), widget.NewSeparator())
	p.root = container.NewBorder(top, container.NewVBox(p.detail, p.info), nil, nil, container.NewStack(bg, p.scroll))
	p.showExplainControls()
	p.resize()
	p.updateLabels()
	return p
}

// pageSize is the page's size on screen at the current zoom.
func (p *previewPane) pageSize() fyne.Size {
	s := unitsPerMm * p.zoom
	return fyne.NewSize(float32(layout.PageWidth.Mm())*s, float32(layout.PageHeight.Mm())*s)
}

// dpi is the resolution to paint at: one image pixel per screen pixel.
func (p *previewPane) dpi() float64 {
	scale := float32(1)
	if c := p.u.Win.Canvas(); c != nil && c.Scale() > 0 {
		scale = c.Scale()
	}
	return float64(unitsPerMm*p.zoom*scale) * 25.4
}

func (p *previewPane) resize() {
	sz := p.pageSize()
	p.img.SetMinSize(sz)
	p.paper.SetMinSize(sz)
	p.stack.Refresh()
	p.sheet.Refresh()
	p.scroll.Refresh()
}

// gutter is the width of each label column beside the page (none outside 讲解模式).
func (p *previewPane) gutter() float32 {
	if p.explain.Checked {
		return gutterWidth
	}
	return 0
}

// sheetLayout puts the page between the two label columns; the overlay covers all three.
type sheetLayout struct{ p *previewPane }

func (l *sheetLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	g, page := l.p.gutter(), l.p.pageSize()
	objs[0].Move(fyne.NewPos(g, 0))
	objs[0].Resize(page)
	objs[1].Move(fyne.NewPos(0, 0))
	objs[1].Resize(fyne.NewSize(page.Width+2*g, page.Height))
}

func (l *sheetLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	page := l.p.pageSize()
	return fyne.NewSize(page.Width+2*l.p.gutter(), page.Height)
}

// explainChanged follows the 讲解模式 check and its toggles.
func (p *previewPane) explainChanged() {
	p.u.saveDocView(docView{Zoom: p.zoom, Explain: p.explain.Checked})
	if ed := p.u.ed; p.explain.Checked && ed != nil && ed.split != nil && ed.split.Offset > 0.36 {
		ed.split.SetOffset(0.36) // the page and its label columns need the room
	}
	p.showExplainControls()
	p.resize()
	p.drawBoxes()
}

func (p *previewPane) showExplainControls() {
	if p.explain.Checked {
		p.explainBar.Show()
		p.detail.Show()
	} else {
		p.explainBar.Hide()
		p.detail.Hide()
	}
}

func (p *previewPane) updateLabels() {
	if p.npages == 0 {
		p.pageLbl.SetText(T("pv.nopage"))
	} else {
		p.pageLbl.SetText(T("pv.page", p.page+1, p.npages))
	}
	p.zoomLbl.SetText(fmt.Sprintf("%d%%", int(p.zoom*100+0.5)))
	if p.page <= 0 {
		p.prevBtn.Disable()
	} else {
		p.prevBtn.Enable()
	}
	if p.page >= p.npages-1 {
		p.nextBtn.Disable()
	} else {
		p.nextBtn.Enable()
	}
}

func (p *previewPane) gotoPage(n int) {
	if n < 0 || (p.npages > 0 && n >= p.npages) {
		return
	}
	p.page = n
	p.updateLabels()
	if p.u.ed != nil {
		p.u.ed.requestPreview(0)
	}
}

func (p *previewPane) setZoom(z float32) {
	if z < 0.3 {
		z = 0.3
	}
	if z > 4 {
		z = 4
	}
	p.zoom = z
	p.u.saveDocView(docView{Zoom: p.zoom, Explain: p.explain.Checked})
	p.resize()
	p.drawBoxes()
	p.updateLabels()
	if p.u.ed != nil {
		p.u.ed.requestPreview(0)
	}
}

// fitWidth zooms so that the page fills the preview's width.
func (p *previewPane) fitWidth() {
	w := p.scroll.Size().Width - 24
	if w <= 0 {
		return
	}
	p.setZoom(w / (float32(layout.PageWidth.Mm()) * unitsPerMm))
}

// show puts a result on screen.
func (p *previewPane) show(res PreviewResult) {
	p.npages = res.NPages
	p.records = p.records[:0]
	if res.Analysis != nil {
		for _, r := range res.Analysis.Records {
			if r.Page == res.Page && r.Path != "" {
				p.records = append(p.records, r)
			}
		}
	}
	if res.NPages > 0 {
		p.page = res.Page
	} else {
		p.page = 0
	}
	if res.Image != nil && res.Image != p.img.Image {
		p.img.Image = res.Image
		p.img.Refresh()
	}
	p.boxes = res.Boxes
	p.drawBoxes()
	p.updateLabels()
	switch {
	case res.Err != nil:
		p.info.SetText(T("pv.error", res.Err.Error()))
	case res.NPages == 0:
		p.info.SetText(T("pv.empty"))
	default:
		p.info.SetText(T("pv.info", res.NPages, res.Elapsed.Milliseconds()))
	}
}

var (
	boxStroke  = color.NRGBA{0x1e, 0x5a, 0xd6, 0xd0}
	boxFill    = color.NRGBA{0x1e, 0x5a, 0xd6, 0x12}
	labelBg    = color.NRGBA{0xff, 0xff, 0xff, 0xf0}
	leaderCol  = color.NRGBA{0x1e, 0x5a, 0xd6, 0x90}
	frameCol   = color.NRGBA{0x00, 0x99, 0x55, 0xc0}
	gridCol    = color.NRGBA{0x00, 0x99, 0x55, 0x50}
	dimCol     = color.NRGBA{0xc0, 0x1c, 0x24, 0xe0}
	dimLabelBg = color.NRGBA{0xff, 0xff, 0xff, 0xe0}
)

// drawBoxes draws 讲解模式 over the page: each element's outline, its label in the column
// beside the page with a leader line to it, and on request the 版心 frame, the 22-line grid
// and the standard's distances as dimension lines. Labels and dimension texts keep their
// size at every zoom.
func (p *previewPane) drawBoxes() {
	p.overlay.RemoveAll()
	p.labels = nil
	if p.u.Model.Practice != nil {
		p.drawMarks()
		return
	}
	if !p.explain.Checked {
		p.overlay.Refresh()
		return
	}
	s := unitsPerMm * p.zoom
	g := p.gutter()
	mm := func(l layout.Length) float32 { return float32(l.Mm()) * s }
	at := func(x, y float32) fyne.Position { return fyne.NewPos(g+x, y) }
	page := p.pageSize()
	line := func(c color.Color, w float32, x1, y1, x2, y2 float32) {
		l := canvas.NewLine(c)
		l.StrokeWidth = w
		l.Position1, l.Position2 = at(x1, y1), at(x2, y2)
		p.overlay.Add(l)
	}
	if p.grid.Checked {
		for i := 0; i <= layout.LinesPerPage; i++ {
			y := mm(layout.MarginTop + layout.Length(i)*layout.LinePitch)
			line(gridCol, 1, mm(layout.MarginLeft), y, mm(layout.MarginLeft+layout.BodyWidth), y)
		}
	}
	if p.frame.Checked {
		r := canvas.NewRectangle(color.Transparent)
		r.StrokeColor, r.StrokeWidth = frameCol, 1.5
		r.Move(at(mm(layout.MarginLeft), mm(layout.MarginTop)))
		r.Resize(fyne.NewSize(mm(layout.BodyWidth), mm(layout.BodyHeight)))
		p.overlay.Add(r)
	}
	for _, b := range p.boxes {
		box := b
		hit := newBoxHit(func() { p.boxTapped(box) })
		hit.Move(at(mm(b.X), mm(b.Y)))
		hit.Resize(fyne.NewSize(mm(b.W), mm(b.H)))
		p.overlay.Add(hit)
		r := canvas.NewRectangle(boxFill)
		r.StrokeColor = boxStroke
		r.StrokeWidth = 1
		r.Move(at(mm(b.X), mm(b.Y)))
		r.Resize(fyne.NewSize(mm(b.W), mm(b.H)))
		p.overlay.Add(r)
	}
	if p.dims.Checked {
		p.drawDimensions(s, line)
	}
	p.labels = placeLabels(p.boxes, s, page.Height)
	for _, l := range p.labels {
		b := p.boxes[l.Box]
		t := canvas.NewText(l.Text, boxStroke)
		t.TextSize = labelSize
		ts := t.MinSize()
		w := ts.Width + 8
		if w > gutterWidth-10 {
			w = gutterWidth - 10
		}
		var x, lx, bx float32 // the label's left, the leader's start at the label, its end at the box
		if l.Left {
			x, lx, bx = 4, 4+w, g+mm(b.X)
		} else {
			x = g + page.Width + gutterWidth - 4 - w
			lx, bx = x, g+mm(b.X+b.W)
		}
		ly, by := l.Y+labelHeight/2, mm(b.Y+b.H/2)
		ld := canvas.NewLine(leaderCol)
		ld.StrokeWidth = 1
		ld.Position1, ld.Position2 = fyne.NewPos(lx, ly), fyne.NewPos(bx, by)
		p.overlay.Add(ld)
		dot := canvas.NewCircle(leaderCol)
		dot.Move(fyne.NewPos(bx-2.5, by-2.5))
		dot.Resize(fyne.NewSize(5, 5))
		p.overlay.Add(dot)
		bg := canvas.NewRectangle(labelBg)
		bg.StrokeColor, bg.StrokeWidth, bg.CornerRadius = boxStroke, 1, 3
		bg.Move(fyne.NewPos(x, l.Y))
		bg.Resize(fyne.NewSize(w, labelHeight))
		p.overlay.Add(bg)
		t.Move(fyne.NewPos(x+4, l.Y+(labelHeight-ts.Height)/2))
		t.Resize(fyne.NewSize(w-8, ts.Height))
		p.overlay.Add(t)
		box := b
		hit := newBoxHit(func() { p.boxTapped(box) })
		hit.Move(fyne.NewPos(x, l.Y))
		hit.Resize(fyne.NewSize(w, labelHeight))
		p.overlay.Add(hit)
	}
	p.overlay.Refresh()
}

// drawDimensions draws the margins and the standard's distances measured on this page as
// dimension lines with their values.
func (p *previewPane) drawDimensions(s float32, line func(c color.Color, w float32, x1, y1, x2, y2 float32)) {
	mm := func(v float64) float32 { return float32(v) * s }
	g := p.gutter()
	text := func(msg string, x, y float32) {
		t := canvas.NewText(msg, dimCol)
		t.TextSize = labelSize
		ts := t.MinSize()
		bg := canvas.NewRectangle(dimLabelBg)
		bg.Move(fyne.NewPos(g+x, y-ts.Height/2))
		bg.Resize(ts)
		t.Move(fyne.NewPos(g+x, y-ts.Height/2))
		t.Resize(ts)
		p.overlay.Add(bg)
		p.overlay.Add(t)
	}
	tick := float32(4)
	vdim := func(x, y1, y2 float32, msg string) {
		line(dimCol, 1, x, y1, x, y2)
		line(dimCol, 1, x-tick, y1, x+tick, y1)
		line(dimCol, 1, x-tick, y2, x+tick, y2)
		text(msg, x+tick+2, (y1+y2)/2)
	}
	hdim := func(y, x1, x2 float32, msg string) {
		line(dimCol, 1, x1, y, x2, y)
		line(dimCol, 1, x1, y-tick, x1, y+tick)
		line(dimCol, 1, x2, y-tick, x2, y+tick)
		text(msg, x1+2, y-tick-7)
	}
	top, left := layout.MarginTop.Mm(), layout.MarginLeft.Mm()
	bodyW, bodyH := layout.BodyWidth.Mm(), layout.BodyHeight.Mm()
	vdim(mm(left+8), 0, mm(top), T("dim.top"))
	hdim(mm(top+bodyH+15), 0, mm(left), T("dim.left"))
	hdim(mm(top+bodyH+27), mm(left), mm(left+bodyW), T("dim.bodyw"))
	vdim(mm(left+bodyW+4), mm(top), mm(top+bodyH), T("dim.bodyh"))
	var number, sep *layout.Box
	for i := range p.boxes {
		b := &p.boxes[i]
		switch b.Element {
		case layout.ElemMark:
			if p.u.Model.Doc != nil && p.u.Model.Doc.Format == document.FormatLetter {
				vdim(mm(b.X.Mm()-3), 0, mm(b.Y.Mm()), fmt.Sprintf(T("dim.mark"), b.Y.Mm()))
			} else {
				vdim(mm(b.X.Mm()+b.W.Mm()/2), mm(top), mm(b.Y.Mm()), fmt.Sprintf(T("dim.mark"), b.Y.Mm()-top))
			}
		case layout.ElemNumber:
			number = b
		case layout.ElemSeparator:
			sep = b
		case layout.ElemPageNumber:
			c := b.Y.Mm() + b.H.Mm()/2
			vdim(mm(b.X.Mm()+b.W.Mm()+3), mm(top+bodyH), mm(c), fmt.Sprintf(T("dim.pageno"), c-top-bodyH))
		}
	}
	if number != nil && sep != nil {
		y1, y2 := (number.Y + number.H).Mm(), sep.Y.Mm()
		vdim(mm((number.X+number.W).Mm()+6), mm(y1), mm(y2), fmt.Sprintf(T("dim.sep"), y2-y1))
	}
}

// showPreview receives the worker's results on the UI goroutine.
func (u *UI) showPreview(res PreviewResult) {
	u.safe(func() {
		if u.ed == nil {
			return
		}
		if res.Analysis != nil && u.Model.SetAnalysis(res.Analysis) {
			u.ed.refreshFindings()
		}
		u.ed.pv.show(res)
		u.LastPreview = res
		if u.OnPreview != nil {
			u.OnPreview(res)
		}
	})
}

// boxTapped shows a box's full label, its clause and what was measured, and goes to its
// element's field.
func (p *previewPane) boxTapped(b layout.Box) {
	p.info.SetText(boxLabel(b))
	format := document.Format("")
	if p.u.Model.Doc != nil {
		format = p.u.Model.Doc.Format
	}
	p.detail.SetText(explainDetail(b, p.boxes, format))
	if path := p.boxPath(b); path != "" && p.u.ed != nil {
		if ff, ok := p.u.ed.fields[topPath(path)]; ok {
			row := 0
			if i := pathIndex(path); i >= 0 && ff.entry != nil && listField(p.u.Model.Doc, topPath(path)) != nil {
				row = lineOfItem(ff.entry.Text, i)
			}
			p.u.ed.focusField(ff, row, 0)
		}
	}
}

// boxPath is the document path of the element a box outlines: the one of layout's records
// on the page that overlaps the box most ("body.3" for the fourth paragraph), else the
// element's field.
func (p *previewPane) boxPath(b layout.Box) string {
	best, most := "", layout.Length(0)
	for _, r := range p.records {
		w := min(b.X+b.W, r.X+r.W) - max(b.X, r.X)
		h := min(b.Y+b.H, r.Y+r.H) - max(b.Y, r.Y)
		if w <= 0 || h <= 0 {
			continue
		}
		if a := w * h; a > most {
			best, most = r.Path, a
		}
	}
	if best != "" {
		if _, ok := p.u.ed.fieldsOf(best); ok {
			return best
		}
	}
	return elementFields[b.Element]
}

// boxLabel is the trainer's label of a box: its name, clause and measurement, or the
// element's name.
func boxLabel(b layout.Box) string {
	if b.Label != "" {
		return b.Label
	}
	return string(b.Element)
}

// boxHit is the tappable area of a trainer's box.
type boxHit struct {
	widget.BaseWidget
	onTap func()
}

func newBoxHit(f func()) *boxHit {
	b := &boxHit{onTap: f}
	b.ExtendBaseWidget(b)
	return b
}

func (b *boxHit) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}

func (b *boxHit) Tapped(*fyne.PointEvent) { b.onTap() }

// zoomSteps are the zoom levels Ctrl/Cmd+plus and minus and the buttons step through.
var zoomSteps = []float32{0.3, 0.4, 0.5, 0.6, 0.75, 0.85, 1, 1.25, 1.5, 1.7, 2, 2.5, 3, 4}

// zoomIn goes to the next larger step, zoomOut to the next smaller.
func (p *previewPane) zoomIn() {
	for _, z := range zoomSteps {
		if z > p.zoom+0.001 {
			p.setZoom(z)
			return
		}
	}
}

func (p *previewPane) zoomOut() {
	for i := len(zoomSteps) - 1; i >= 0; i-- {
		if zoomSteps[i] < p.zoom-0.001 {
			p.setZoom(zoomSteps[i])
			return
		}
	}
}

// drawMarks makes every element of the page a place the trainee can mark in 练习模式, and
// outlines the marked ones in red (no labels: they would tell too much).
func (p *previewPane) drawMarks() {
	s := unitsPerMm * p.zoom
	g := p.gutter()
	mm := func(l layout.Length) float32 { return float32(l.Mm()) * s }
	marked := map[string]bool{}
	for _, mk := range p.u.Model.Practice.Marks {
		marked[mk.Path] = true
	}
	for _, b := range p.boxes {
		path := p.boxPath(b)
		if path == "" {
			continue
		}
		if marked[path] || marked[topPath(path)] {
			r := canvas.NewRectangle(color.NRGBA{0xc0, 0x1c, 0x24, 0x20})
			r.StrokeColor, r.StrokeWidth = dimCol, 2
			r.Move(fyne.NewPos(g+mm(b.X)-2, mm(b.Y)-2))
			r.Resize(fyne.NewSize(mm(b.W)+4, mm(b.H)+4))
			p.overlay.Add(r)
		}
		hit := newBoxHit(func() {
			if p.u.ed != nil {
				p.u.ed.mark(path)
			}
		})
		hit.Move(fyne.NewPos(g+mm(b.X), mm(b.Y)))
		hit.Resize(fyne.NewSize(mm(b.W), mm(b.H)))
		p.overlay.Add(hit)
	}
	p.overlay.Refresh()
}
