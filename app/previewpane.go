package app

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

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
	scroll  *container.Scroll
	pageLbl *widget.Label
	zoomLbl *widget.Label
	info    *widget.Label
	explain *widget.Check
	prevBtn *widget.Button
	nextBtn *widget.Button

	page, npages int
	zoom         float32
	boxes        []layout.Box
}

func newPreviewPane(u *UI) *previewPane {
	p := &previewPane{u: u, zoom: float32(u.App.Preferences().FloatWithFallback(prefZoom, 1))}
	p.img = canvas.NewImageFromImage(nil)
	p.img.FillMode = canvas.ImageFillStretch
	p.img.ScaleMode = canvas.ImageScaleSmooth
	p.paper = canvas.NewRectangle(color.White)
	p.paper.StrokeColor = color.NRGBA{0, 0, 0, 0x40}
	p.paper.StrokeWidth = 1
	p.overlay = container.NewWithoutLayout()
	p.stack = container.NewStack(p.paper, p.img, p.overlay)
	p.scroll = container.NewScroll(container.NewCenter(container.NewPadded(p.stack)))
	bg := canvas.NewRectangle(color.NRGBA{0xd8, 0xd8, 0xdc, 0xff})

	p.pageLbl = widget.NewLabel("")
	p.zoomLbl = widget.NewLabel("")
	p.info = widget.NewLabel("")
	p.info.SizeName = theme.SizeNameCaptionText
	p.info.Truncation = fyne.TextTruncateEllipsis
	p.prevBtn = widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { p.gotoPage(p.page - 1) })
	p.nextBtn = widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { p.gotoPage(p.page + 1) })
	zoomOut := widget.NewButtonWithIcon("", theme.ZoomOutIcon(), func() { p.setZoom(p.zoom / 1.2) })
	zoomIn := widget.NewButtonWithIcon("", theme.ZoomInIcon(), func() { p.setZoom(p.zoom * 1.2) })
	zoomFit := widget.NewButtonWithIcon("", theme.ZoomFitIcon(), p.fitWidth)
	p.explain = widget.NewCheck(T("pv.explain"), func(on bool) {
		u.App.Preferences().SetBool(prefExplain, on)
		p.drawBoxes()
	})
	p.explain.Checked = u.App.Preferences().BoolWithFallback(prefExplain, false)
	bar := container.NewHBox(p.prevBtn, p.pageLbl, p.nextBtn, widget.NewSeparator(), zoomOut, p.zoomLbl, zoomIn, zoomFit, widget.NewSeparator(), p.explain)
	title := widget.NewLabelWithStyle(T("pv.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewVBox(container.NewBorder(nil, nil, title, nil, container.NewHScroll(bar)), widget.NewSeparator())
	p.root = container.NewBorder(top, p.info, nil, nil, container.NewStack(bg, p.scroll))
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
	p.scroll.Refresh()
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
	p.u.App.Preferences().SetFloat(prefZoom, float64(z))
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
	boxStroke = color.NRGBA{0x1e, 0x5a, 0xd6, 0xd0}
	boxFill   = color.NRGBA{0x1e, 0x5a, 0xd6, 0x12}
	labelBg   = color.NRGBA{0xff, 0xff, 0xff, 0xa8}
)

// drawBoxes draws the trainer's outlines and labels over the page (讲解模式).
func (p *previewPane) drawBoxes() {
	p.overlay.RemoveAll()
	if !p.explain.Checked {
		p.overlay.Refresh()
		return
	}
	s := unitsPerMm * p.zoom
	mm := func(l layout.Length) float32 { return float32(l.Mm()) * s }
	for _, b := range p.boxes {
		box := b
		hit := newBoxHit(func() { p.boxTapped(box) })
		hit.Move(fyne.NewPos(mm(b.X), mm(b.Y)))
		hit.Resize(fyne.NewSize(mm(b.W), mm(b.H)))
		p.overlay.Add(hit)
		r := canvas.NewRectangle(boxFill)
		r.StrokeColor = boxStroke
		r.StrokeWidth = 1
		r.Move(fyne.NewPos(mm(b.X), mm(b.Y)))
		r.Resize(fyne.NewSize(mm(b.W), mm(b.H)))
		p.overlay.Add(r)
	}
	for _, b := range p.boxes {
		label := strings.ReplaceAll(boxLabel(b), "\n", " ")
		t := canvas.NewText(label, boxStroke)
		t.TextSize = 10
		ts := t.MinSize()
		y := mm(b.Y) - ts.Height
		if y < 0 {
			y = mm(b.Y)
		}
		bg := canvas.NewRectangle(labelBg)
		bg.Move(fyne.NewPos(mm(b.X), y))
		bg.Resize(ts)
		t.Move(fyne.NewPos(mm(b.X), y))
		t.Resize(ts)
		p.overlay.Add(bg)
		p.overlay.Add(t)
	}
	p.overlay.Refresh()
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

// boxTapped shows a box's full label and goes to its element's field.
func (p *previewPane) boxTapped(b layout.Box) {
	p.info.SetText(boxLabel(b))
	if path, ok := elementFields[b.Element]; ok && p.u.ed != nil {
		if ff, ok := p.u.ed.fields[path]; ok {
			p.u.ed.focusField(ff, 0, 0)
		}
	}
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
