package app

import (
	"fmt"
	"image"
	"image/color"
	"time"

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

// previewPane shows the typeset document's pages one under another in a scroll (painted
// by the same painter as the PNG export from the same pages as the PDF; only the pages near
// the viewport are painted at screen resolution, the others show their thumbnail), a column
// of thumbnails that jump to their page, page navigation, zoom and the trainer's boxes.
type previewPane struct {
	u       *UI
	root    fyne.CanvasObject
	column  *fyne.Container // the pages' sheets, one under another
	views   []*pageView
	scroll  *wheelScroll
	thumbs  *fyne.Container // the thumbnails, one under another
	thumbSc *container.Scroll
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

	page, npages int
	zoom         float32
	near         [2]int // the first and last page drawn at screen resolution (near the viewport)
}

// pageView is one page in the continuous scroll: its picture on white paper and the
// overlay of 讲解模式 or 练习模式, with the page's boxes and layout's records.
type pageView struct {
	index   int
	img     *canvas.Image
	paper   *canvas.Rectangle
	overlay *fyne.Container
	stack   *fyne.Container
	sheet   *fyne.Container // the page and, in 讲解模式, the label columns beside it
	sharp   bool            // img is at screen resolution (else the thumbnail or nothing)
	boxes   []layout.Box
	records []layout.Record // layout's records of the page (element paths)
	labels  []placedLabel
	drawn   bool // the overlay shows the boxes (the page is near the viewport)

	thumb    *canvas.Image
	thumbBtn *thumbHit
}

// pageGap is the grey space between two pages and around them, in Fyne units.
const pageGap = 12

// thumbWidth is the width of a thumbnail, in Fyne units.
const thumbWidth = 84

func newPreviewPane(u *UI) *previewPane {
	view := u.docView()
	p := &previewPane{u: u, zoom: view.Zoom, near: [2]int{-1, -1}}
	p.column = container.New(&columnLayout{p: p})
	p.scroll = newWheelScroll(p.column, container.ScrollBoth, func(in bool) {
		if in {
			p.zoomIn()
		} else {
			p.zoomOut()
		}
	})
	p.scroll.OnScrolled = func(fyne.Position) { p.scrolled() }
	bg := canvas.NewRectangle(color.NRGBA{0xd8, 0xd8, 0xdc, 0xff})
	p.thumbs = container.NewVBox()
	p.thumbSc = container.NewVScroll(p.thumbs)

	p.pageLbl = widget.NewLabel("")
	p.zoomLbl = widget.NewLabel("")
	p.info = widget.NewLabel("")
	p.info.SizeName = theme.SizeNameCaptionText
	p.info.Truncation = fyne.TextTruncateEllipsis
	p.prevBtn = widget.NewButtonWithIcon("", theme.NavigateBackIcon(), u.wrap(func() { p.gotoPage(p.page - 1) }))
	p.nextBtn = widget.NewButtonWithIcon("", theme.NavigateNextIcon(), u.wrap(func() { p.gotoPage(p.page + 1) }))
	zoomOut := widget.NewButtonWithIcon("", theme.ZoomOutIcon(), u.wrap(p.zoomOut))
	zoomIn := widget.NewButtonWithIcon("", theme.ZoomInIcon(), u.wrap(p.zoomIn))
	zoomFit := widget.NewButtonWithIcon("", theme.ZoomFitIcon(), u.wrap(p.fitWidth))
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
	title := widget.NewLabelWithStyle(T("pv.title"), fyne.TextAlignLeading, strongStyle)
	top := container.NewVBox(container.NewBorder(nil, nil, title, nil, container.NewHScroll(bar)), widget.NewSeparator())
	pages := container.NewStack(bg, p.scroll)
	p.root = container.NewBorder(top, container.NewVBox(p.detail, p.info), p.thumbSc, nil, pages)
	p.showExplainControls()
	p.setPages(0)
	p.resize()
	p.updateLabels()
	return p
}

func (p *previewPane) newPageView(i int) *pageView {
	v := &pageView{index: i}
	v.img = canvas.NewImageFromImage(nil)
	v.img.FillMode = canvas.ImageFillStretch
	v.img.ScaleMode = canvas.ImageScaleSmooth
	v.paper = canvas.NewRectangle(color.White)
	v.paper.StrokeColor = color.NRGBA{0, 0, 0, 0x40}
	v.paper.StrokeWidth = 1
	v.overlay = container.NewWithoutLayout()
	v.stack = container.NewStack(v.paper, v.img)
	v.sheet = container.New(&sheetLayout{p: p}, v.stack, v.overlay)
	v.thumb = canvas.NewImageFromImage(nil)
	v.thumb.FillMode = canvas.ImageFillStretch
	v.thumb.ScaleMode = canvas.ImageScaleSmooth
	tw := float32(thumbWidth)
	v.thumb.SetMinSize(fyne.NewSize(tw, tw*float32(layout.PageHeight.Mm()/layout.PageWidth.Mm())))
	white := canvas.NewRectangle(color.White)
	white.StrokeColor, white.StrokeWidth = color.NRGBA{0, 0, 0, 0x40}, 1
	v.thumbBtn = newThumbHit(func() { p.gotoPage(i) })
	num := widget.NewLabel(fmt.Sprint(i + 1))
	num.Alignment = fyne.TextAlignCenter
	v.thumbBtn.content = container.NewVBox(container.NewStack(white, v.thumb), num)
	return v
}

// setPages keeps one view per page of the document (at least one: the empty paper).
func (p *previewPane) setPages(n int) {
	n = max(n, 1)
	if len(p.views) == n {
		return
	}
	for len(p.views) < n {
		p.views = append(p.views, p.newPageView(len(p.views)))
	}
	p.views = p.views[:n]
	sheets := make([]fyne.CanvasObject, n)
	thumbs := make([]fyne.CanvasObject, n)
	for i, v := range p.views {
		sheets[i], thumbs[i] = v.sheet, v.thumbBtn
	}
	p.column.Objects = sheets
	p.column.Refresh()
	p.thumbs.Objects = thumbs
	p.thumbs.Refresh()
	p.near = [2]int{-1, -1}
}

// cur is the view of the current page.
func (p *previewPane) cur() *pageView {
	return p.views[min(max(p.page, 0), len(p.views)-1)]
}

// pageSize is the page's size on screen at the current zoom.
func (p *previewPane) pageSize() fyne.Size {
	s := unitsPerMm * p.zoom
	return fyne.NewSize(float32(layout.PageWidth.Mm())*s, float32(layout.PageHeight.Mm())*s)
}

// dpi is the resolution to paint at: one image pixel per screen pixel.
func (p *previewPane) dpi() float64 {
	return float64(unitsPerMm*p.zoom*p.canvasScale()) * 25.4
}

// thumbDPI is the thumbnails' resolution: one image pixel per screen pixel.
func (p *previewPane) thumbDPI() float64 {
	return float64(thumbWidth*p.canvasScale()) / layout.PageWidth.Mm() * 25.4
}

func (p *previewPane) canvasScale() float32 {
	if c := p.u.Win.Canvas(); c != nil && c.Scale() > 0 {
		return c.Scale()
	}
	return 1
}

func (p *previewPane) resize() {
	sz := p.pageSize()
	for _, v := range p.views {
		v.img.SetMinSize(sz)
		v.paper.SetMinSize(sz)
		v.stack.Refresh()
		v.sheet.Refresh()
	}
	p.column.Refresh()
	p.scroll.Refresh()
}

// gutter is the width of each label column beside the page (none outside 讲解模式).
func (p *previewPane) gutter() float32 {
	if p.explain.Checked {
		return gutterWidth
	}
	return 0
}

// pageTop is the top of page i in the scroll's content.
func (p *previewPane) pageTop(i int) float32 {
	return pageGap + float32(i)*(p.pageSize().Height+pageGap)
}

// pageAt is the page the viewport shows at its offset: the one that fills the viewport's
// upper part.
func (p *previewPane) pageAt() int {
	h := p.pageSize().Height
	y := p.scroll.Offset.Y + min(p.scroll.Size().Height, h)/2
	i := int((y - pageGap) / (h + pageGap))
	return min(max(i, 0), max(p.npages-1, 0))
}

// visible are the first and last pages the viewport shows. Only these are painted at
// screen resolution (a page is 2 MB at 100 %, in the Go heap and again as a texture): a
// page scrolled into view shows its thumbnail until its picture comes, some milliseconds.
func (p *previewPane) visible() (first, last int) {
	h := p.pageSize().Height + pageGap
	off, vh := p.scroll.Offset.Y, p.scroll.Size().Height
	if vh <= 0 {
		vh = h
	}
	first = int((off - pageGap) / h)
	last = int((off + vh - pageGap) / h)
	n := max(p.npages, 1)
	return min(max(first, 0), n-1), min(max(last, 0), n-1)
}

// nearPages are the pages to paint at screen resolution besides the current one.
func (p *previewPane) nearPages() []int {
	first, last := p.visible()
	var out []int
	for i := first; i <= last; i++ {
		if i != p.page {
			out = append(out, i)
		}
	}
	return out
}

// scrolled follows the viewport: the page at its top becomes the current page, and pages
// that come into view are painted.
func (p *previewPane) scrolled() {
	changed := false
	if i := p.pageAt(); i != p.page && p.npages > 0 {
		p.page = i
		p.updateLabels()
		changed = true
	}
	if p.follow() {
		changed = true
	}
	if changed && p.u.ed != nil {
		p.u.ed.requestPreview(40 * time.Millisecond)
	}
}

// columnLayout puts the pages one under another, centred, with a gap around each.
type columnLayout struct{ p *previewPane }

func (l *columnLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	ms := l.MinSize(objs)
	x := max((size.Width-ms.Width)/2, 0) + pageGap
	for i, o := range objs {
		sz := o.MinSize()
		o.Move(fyne.NewPos(x, l.p.pageTop(i)))
		o.Resize(sz)
	}
}

func (l *columnLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	page := l.p.pageSize()
	n := float32(len(objs))
	return fyne.NewSize(page.Width+2*l.p.gutter()+2*pageGap, n*(page.Height+pageGap)+pageGap)
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

// thumbHit is a thumbnail with its page number; a tap goes to its page.
type thumbHit struct {
	widget.BaseWidget
	content fyne.CanvasObject
	onTap   func()
}

func newThumbHit(f func()) *thumbHit {
	t := &thumbHit{onTap: f}
	t.ExtendBaseWidget(t)
	return t
}

func (t *thumbHit) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewPadded(t.content))
}

func (t *thumbHit) Tapped(*fyne.PointEvent) { t.onTap() }

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

// gotoPage scrolls to page n and makes it the current page.
func (p *previewPane) gotoPage(n int) {
	if n < 0 || (p.npages > 0 && n >= p.npages) {
		return
	}
	p.page = n
	p.scrollToPage(n)
	p.updateLabels()
	if p.u.ed != nil {
		p.u.ed.requestPreview(0)
	}
}

// scrollToPage puts page n's top at the viewport's top (as far as the scroll goes).
func (p *previewPane) scrollToPage(n int) {
	y := p.pageTop(n) - pageGap/2
	if maxY := p.column.MinSize().Height - p.scroll.Size().Height; y > maxY {
		y = max(maxY, 0)
	}
	p.scroll.ScrollToOffset(fyne.NewPos(p.scroll.Offset.X, y))
	p.scroll.Refresh()
	p.follow()
}

// follow notes which pages are near the viewport when that changed: the pictures of pages
// that left it at screen resolution are dropped for their thumbnails (the memory), and the
// overlays are drawn for the pages near it. It reports whether the near pages changed.
func (p *previewPane) follow() bool {
	first, last := p.visible()
	if first == p.near[0] && last == p.near[1] {
		return false
	}
	p.near = [2]int{first, last}
	for _, v := range p.views {
		if v.sharp && v.index != p.page && (v.index < first || v.index > last) {
			v.sharp = false
			v.img.Image = v.thumb.Image // nil until the thumbnails are painted
			v.img.Refresh()
		}
	}
	p.drawBoxes()
	return true
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
	for _, v := range p.views {
		v.sharp = false // painted at the old resolution: stretched until painted anew
	}
	p.resize()
	p.scrollToPage(p.page)
	p.drawBoxes()
	p.updateLabels()
	if p.u.ed != nil {
		p.u.ed.requestPreview(0)
	}
}

// fitWidth zooms so that the page fills the preview's width.
func (p *previewPane) fitWidth() {
	w := p.scroll.Size().Width - 2*pageGap - 2*p.gutter() - 12
	if w <= 0 {
		return
	}
	p.setZoom(w / (float32(layout.PageWidth.Mm()) * unitsPerMm))
}

// show puts a result on screen: the main result (the current page, the analysis) or an
// extra page's picture or a thumbnail.
func (p *previewPane) show(res PreviewResult) {
	if res.Extra {
		if res.Page < len(p.views) && res.Image != nil {
			v := p.views[res.Page]
			if res.Thumb {
				v.thumb.Image = res.Image
				v.thumb.Refresh()
				if !v.sharp {
					v.img.Image = res.Image // a blurred page until it comes into view
					v.img.Refresh()
				}
			} else {
				p.setPicture(v, res.Image)
			}
		}
		return
	}
	if p.u.ed != nil {
		p.u.ed.tracePreview(res)
	}
	n := res.NPages
	p.npages = n
	p.setPages(n)
	if res.Analysis != nil {
		for _, v := range p.views {
			v.records = v.records[:0]
			v.boxes = nil
			if v.index < len(res.Analysis.Pages) {
				v.boxes = res.Analysis.Pages[v.index].Boxes
			}
		}
		for _, r := range res.Analysis.Records {
			if r.Page >= 0 && r.Page < len(p.views) && r.Path != "" {
				p.views[r.Page].records = append(p.views[r.Page].records, r)
			}
		}
	}
	if n > 0 {
		p.page = res.Page
	} else {
		p.page = 0
	}
	v := p.cur()
	if res.Image != nil {
		p.setPicture(v, res.Image)
	}
	if res.Boxes != nil {
		v.boxes = res.Boxes
	}
	p.drawBoxes()
	p.updateLabels()
	switch {
	case res.Err != nil:
		p.info.SetText(T("pv.error", res.Err.Error()))
	case n == 0:
		p.info.SetText(T("pv.empty"))
	default:
		p.info.SetText(T("pv.info", n, res.Elapsed.Milliseconds()))
	}
}

// setPicture shows a page's picture at screen resolution.
func (p *previewPane) setPicture(v *pageView, img *image.RGBA) {
	v.sharp = true
	if img != v.img.Image {
		v.img.Image = img
		v.img.Refresh()
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

// drawBoxes draws the overlays of the pages near the viewport (the current page always) and
// clears the others'.
func (p *previewPane) drawBoxes() {
	first, last := p.visible()
	for _, v := range p.views {
		if v.index == p.page || (v.index >= first && v.index <= last) {
			p.drawPage(v)
			v.drawn = true
		} else if v.drawn || len(v.overlay.Objects) > 0 {
			v.overlay.RemoveAll()
			v.labels = nil
			v.overlay.Refresh()
			v.drawn = false
		}
	}
	// what the redraw left (讲解模式's labels, a zoom's pictures) is handed back too once the
	// pane has been quiet (memory.go)
	p.u.settleMemory()
}

// drawPage draws 讲解模式 over a page: each element's outline, its label in the column
// beside the page with a leader line to it, and on request the 版心 frame, the 22-line grid
// and the standard's distances as dimension lines. Labels and dimension texts keep their
// size at every zoom. In 练习模式 it draws the trainee's marks instead.
func (p *previewPane) drawPage(v *pageView) {
	v.overlay.RemoveAll()
	v.labels = nil
	if p.u.Model.Practice != nil {
		p.drawMarks(v)
		return
	}
	if !p.explain.Checked {
		v.overlay.Refresh()
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
		v.overlay.Add(l)
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
		v.overlay.Add(r)
	}
	for _, b := range v.boxes {
		box := b
		hit := newBoxHit(func() { p.boxTappedOn(v, box) })
		hit.Move(at(mm(b.X), mm(b.Y)))
		hit.Resize(fyne.NewSize(mm(b.W), mm(b.H)))
		v.overlay.Add(hit)
		r := canvas.NewRectangle(boxFill)
		r.StrokeColor = boxStroke
		r.StrokeWidth = 1
		r.Move(at(mm(b.X), mm(b.Y)))
		r.Resize(fyne.NewSize(mm(b.W), mm(b.H)))
		v.overlay.Add(r)
	}
	if p.dims.Checked {
		p.drawDimensions(v, s, line)
	}
	v.labels = placeLabels(v.boxes, s, page.Height)
	for _, l := range v.labels {
		b := v.boxes[l.Box]
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
		v.overlay.Add(ld)
		dot := canvas.NewCircle(leaderCol)
		dot.Move(fyne.NewPos(bx-2.5, by-2.5))
		dot.Resize(fyne.NewSize(5, 5))
		v.overlay.Add(dot)
		bg := canvas.NewRectangle(labelBg)
		bg.StrokeColor, bg.StrokeWidth, bg.CornerRadius = boxStroke, 1, 3
		bg.Move(fyne.NewPos(x, l.Y))
		bg.Resize(fyne.NewSize(w, labelHeight))
		v.overlay.Add(bg)
		t.Move(fyne.NewPos(x+4, l.Y+(labelHeight-ts.Height)/2))
		t.Resize(fyne.NewSize(w-8, ts.Height))
		v.overlay.Add(t)
		box := b
		hit := newBoxHit(func() { p.boxTappedOn(v, box) })
		hit.Move(fyne.NewPos(x, l.Y))
		hit.Resize(fyne.NewSize(w, labelHeight))
		v.overlay.Add(hit)
	}
	v.overlay.Refresh()
}

// drawDimensions draws the margins and the standard's distances measured on this page as
// dimension lines with their values.
func (p *previewPane) drawDimensions(v *pageView, s float32, line func(c color.Color, w float32, x1, y1, x2, y2 float32)) {
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
		v.overlay.Add(bg)
		v.overlay.Add(t)
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
	for i := range v.boxes {
		b := &v.boxes[i]
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
		if res.Extra {
			u.ed.pv.show(res) // another page's picture or a thumbnail
			return
		}
		if res.Analysis != nil && u.Model.SetAnalysis(res.Analysis) {
			u.ed.refreshFindings()
		}
		u.ed.pv.show(res)
		u.LastPreview = res
		u.settleMemory()
		if u.OnPreview != nil {
			u.OnPreview(res)
		}
	})
}

// boxTapped shows the full label of a box on the current page, its clause and what was
// measured, and goes to its element's field.
func (p *previewPane) boxTapped(b layout.Box) { p.boxTappedOn(p.cur(), b) }

// boxTappedOn does boxTapped for a box of page v.
func (p *previewPane) boxTappedOn(v *pageView, b layout.Box) {
	p.info.SetText(boxLabel(b))
	format := document.Format("")
	if p.u.Model.Doc != nil {
		format = p.u.Model.Doc.Format
	}
	p.detail.SetText(explainDetail(b, v.boxes, format))
	if path := p.boxPathOn(v, b); path != "" && p.u.ed != nil {
		if ff, ok := p.u.ed.fields[topPath(path)]; ok {
			row := 0
			if i := pathIndex(path); i >= 0 && ff.entry != nil && listField(p.u.Model.Doc, topPath(path)) != nil {
				row = lineOfItem(ff.entry.Text, i)
			}
			p.u.ed.focusField(ff, row, 0)
		}
	}
}

// boxPath is the document path of the element a box of the current page outlines: the one
// of layout's records on the page that overlaps the box most ("body.3" for the fourth
// paragraph), else the element's field.
func (p *previewPane) boxPath(b layout.Box) string { return p.boxPathOn(p.cur(), b) }

// boxPathOn does boxPath for a box of page v.
func (p *previewPane) boxPathOn(v *pageView, b layout.Box) string {
	best, most := "", layout.Length(0)
	for _, r := range v.records {
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
func (p *previewPane) drawMarks(v *pageView) {
	s := unitsPerMm * p.zoom
	g := p.gutter()
	mm := func(l layout.Length) float32 { return float32(l.Mm()) * s }
	marked := map[string]bool{}
	for _, mk := range p.u.Model.Practice.Marks {
		marked[mk.Path] = true
	}
	for _, b := range v.boxes {
		path := p.boxPathOn(v, b)
		if path == "" {
			continue
		}
		if marked[path] || marked[topPath(path)] {
			r := canvas.NewRectangle(color.NRGBA{0xc0, 0x1c, 0x24, 0x20})
			r.StrokeColor, r.StrokeWidth = dimCol, 2
			r.Move(fyne.NewPos(g+mm(b.X)-2, mm(b.Y)-2))
			r.Resize(fyne.NewSize(mm(b.W)+4, mm(b.H)+4))
			v.overlay.Add(r)
		}
		hit := newBoxHit(func() {
			if p.u.ed != nil {
				p.u.ed.mark(path)
			}
		})
		hit.Move(fyne.NewPos(g+mm(b.X), mm(b.Y)))
		hit.Resize(fyne.NewSize(mm(b.W), mm(b.H)))
		v.overlay.Add(hit)
	}
	v.overlay.Refresh()
}
