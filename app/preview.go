package app

import (
	"image"
	"reflect"
	"runtime/debug"
	"sync"
	"time"

	"gongwen/check"
	"gongwen/document"
	"gongwen/layout"
	"gongwen/pipeline"
	"gongwen/templates"
)

// Analysis is the layout and the findings of one revision of the document.
type Analysis struct {
	Rev   uint64
	Pages []layout.Page
	// Records are layout's records of the pages' elements (click-to-field, 讲解模式).
	Records  []layout.Record
	Findings []check.Finding
	// Warnings are the layout's warnings (a character no font has).
	Warnings []string
	// Err is a layout failure (the findings are still there).
	Err     error
	Elapsed time.Duration
}

// analyse typesets (with the trainer's boxes) and checks a document snapshot. It never
// panics: a panic in the pipeline becomes Err.
func analyse(doc *document.Document, g *templates.Genre, rev uint64) (a *Analysis) {
	start := time.Now()
	a = &Analysis{Rev: rev}
	defer func() {
		if r := recover(); r != nil {
			a.Err = errorf("err.analyse.internal", r)
			debug.PrintStack()
		}
		a.Elapsed = time.Since(start)
	}()
	// the pipeline gwcli uses: the genre's generated parts, the images read once, the
	// layout (with the trainer's boxes) and the checker on the source with the pages; a
	// failed generation step is the first finding and the preview goes on without it
	p := appPipeline()
	out := p.Run(p.PrepareAs(doc, g), true)
	a.Err = out.Err
	if out.Layout != nil {
		a.Pages, a.Records = out.Layout.Pages, out.Layout.Records
	}
	a.Findings, a.Warnings = out.Findings, out.Warnings
	return a
}

// ruleGenerate is the finding of a genre whose attachments cannot be generated from the form
// (a 整改方案 whose title names no plan in 《》).
const ruleGenerate = pipeline.RuleGenerate

// PreviewRequest asks for the analysis of a document revision and a picture of one page.
type PreviewRequest struct {
	Rev   uint64
	Doc   *document.Document // a snapshot the worker owns
	Genre *templates.Genre
	Page  int     // 0-based page to paint
	DPI   float64 // resolution of the picture
	// Also are the other pages near the preview's viewport, painted at DPI after Page, each
	// posted as an Extra result (the continuous scroll paints only what can be seen).
	Also []int
	// ThumbDPI paints every page at this resolution for the thumbnails after them (0: none).
	ThumbDPI float64
}

// PreviewResult is what the worker posts back.
type PreviewResult struct {
	Seq      uint64
	Analysis *Analysis // the analysis of the request's revision (maybe cached)
	Page     int
	NPages   int
	Image    *image.RGBA
	Boxes    []layout.Box
	Err      error
	// Elapsed is the time from the request (after the debounce) to the result.
	Elapsed time.Duration
	// Extra marks the picture of one of the request's Also pages or, with Thumb, a
	// thumbnail: it follows the main result of the same request.
	Extra, Thumb bool
}

// Previewer runs analysis and painting off the UI goroutine: requests are debounced, one
// worker takes only the newest, and results of superseded requests are dropped.
type Previewer struct {
	// Post runs f on the UI goroutine (fyne.Do in the app; a direct call in tests).
	Post func(f func())
	// OnResult receives current results on the UI goroutine.
	OnResult func(PreviewResult)

	mu         sync.Mutex
	seq        uint64
	pending    *PreviewRequest
	timer      *time.Timer
	kick       chan struct{}
	stop       chan struct{}
	cacheRev   uint64
	cacheFonts *layout.Fonts
	cache      *Analysis
	painted    map[paintKey]paintedPage
	once       sync.Once
	// held keeps requests pending (Hold, Release): the app's start holds them until its
	// window is on screen
	held bool
}

// paintKey names a picture the worker keeps: a page at screen resolution or its thumbnail.
type paintKey struct {
	page  int
	thumb bool
}

// paintedPage is a page the worker painted: an edit elsewhere in the document leaves the
// page unchanged, and then its picture is not painted again.
type paintedPage struct {
	page  layout.Page // without its Boxes (not painted)
	dpi   float64
	fonts *layout.Fonts
	img   *image.RGBA
}

// paint returns the picture of a page, painting it only when it differs from the one kept
// under key.
func (p *Previewer) paint(key paintKey, pg layout.Page, dpi float64) (*image.RGBA, error) {
	pg.Boxes = nil
	fonts := currentFonts()
	if c, ok := p.painted[key]; ok && c.dpi == dpi && c.fonts == fonts && reflect.DeepEqual(c.page, pg) {
		return c.img, nil
	}
	img, err := renderPage(pg, dpi)
	if err != nil {
		return nil, err
	}
	if p.painted == nil {
		p.painted = map[paintKey]paintedPage{}
	}
	p.painted[key] = paintedPage{page: pg, dpi: dpi, fonts: fonts, img: img}
	return img, nil
}

// prune forgets the pictures a request no longer needs: pages away from the viewport and
// pages the document no longer has (the pictures at screen resolution are the memory).
func (p *Previewer) prune(r PreviewRequest, npages int) {
	keep := map[int]bool{r.Page: true}
	for _, i := range r.Also {
		keep[i] = true
	}
	for k := range p.painted {
		if k.page >= npages || (!k.thumb && !keep[k.page]) || (k.thumb && r.ThumbDPI <= 0) {
			delete(p.painted, k)
		}
	}
}

// NewPreviewer starts the worker.
func NewPreviewer(post func(func()), onResult func(PreviewResult)) *Previewer {
	p := &Previewer{Post: post, OnResult: onResult, kick: make(chan struct{}, 1), stop: make(chan struct{})}
	go p.loop()
	return p
}

// Request queues work after delay (0: at once); it supersedes every earlier request.
func (p *Previewer) Request(r PreviewRequest, delay time.Duration) uint64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.seq++
	r2 := r
	p.pending = &r2
	if p.timer != nil {
		p.timer.Stop()
	}
	if p.held {
		return p.seq // kept until Release
	}
	if delay <= 0 {
		p.fire()
	} else {
		p.timer = time.AfterFunc(delay, p.fire)
	}
	return p.seq
}

// Hold keeps the requests from now on pending until Release: the start-up typesets nothing
// before the window is on screen (the window's first frame does not need the preview, and
// the two cores are busy making it).
func (p *Previewer) Hold() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.held = true
}

// Release ends Hold: the newest request held is worked on now.
func (p *Previewer) Release() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.held {
		return
	}
	p.held = false
	if p.pending != nil {
		p.fire()
	}
}

func (p *Previewer) fire() {
	select {
	case p.kick <- struct{}{}:
	default:
	}
}

// Close stops the worker.
func (p *Previewer) Close() {
	p.once.Do(func() { close(p.stop) })
}

func (p *Previewer) current(seq uint64) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return seq == p.seq
}

func (p *Previewer) loop() {
	defer func() {
		// a panic outside work (the extra pages) must not end the app: log it, serve on
		if r := recover(); r != nil {
			logPanic(r)
			go p.loop()
		}
	}()
	for {
		select {
		case <-p.stop:
			return
		case <-p.kick:
		}
		p.mu.Lock()
		r, seq := p.pending, p.seq
		p.pending = nil
		p.mu.Unlock()
		if r == nil {
			continue
		}
		res := p.work(*r, seq)
		if !p.post(res) {
			continue
		}
		if res.Err == nil && res.Analysis != nil {
			p.extras(*r, seq, res.Analysis, p.post)
		}
	}
}

// post hands a current result to the UI; it reports false when the result was superseded
// or the previewer closed.
func (p *Previewer) post(res PreviewResult) bool {
	if !p.current(res.Seq) {
		return false // superseded while working: drop it
	}
	select {
	case <-p.stop:
		return false // closed while working: the UI is gone
	default:
	}
	p.Post(func() {
		if p.current(res.Seq) {
			p.OnResult(res)
		}
	})
	return true
}

// extras paints the request's other visible pages and then the thumbnails, handing each to
// emit as soon as it is painted, and stops when a newer request comes or emit refuses.
func (p *Previewer) extras(r PreviewRequest, seq uint64, a *Analysis, emit func(PreviewResult) bool) {
	n := len(a.Pages)
	one := func(i int, thumb bool, dpi float64) bool {
		if !p.current(seq) {
			return false
		}
		start := time.Now()
		res := PreviewResult{Seq: seq, Analysis: a, Page: i, NPages: n, Extra: true, Thumb: thumb}
		img, err := p.paint(paintKey{i, thumb}, a.Pages[i], dpi)
		if err != nil {
			return false
		}
		res.Image, res.Boxes, res.Elapsed = img, a.Pages[i].Boxes, time.Since(start)
		return emit(res)
	}
	for _, i := range r.Also {
		if i >= 0 && i < n && i != r.Page && !one(i, false, r.DPI) {
			return
		}
	}
	if r.ThumbDPI > 0 {
		for i := 0; i < n; i++ {
			if !one(i, true, r.ThumbDPI) {
				return
			}
		}
	}
	p.prune(r, n)
}

// work computes one result; it never panics.
func (p *Previewer) work(r PreviewRequest, seq uint64) (res PreviewResult) {
	start := time.Now()
	res = PreviewResult{Seq: seq, Page: r.Page}
	defer func() {
		if e := recover(); e != nil {
			res.Err = errorf("err.preview.internal", e)
		}
		res.Elapsed = time.Since(start)
	}()
	a := p.cache
	if fonts := currentFonts(); a == nil || p.cacheRev != r.Rev || p.cacheFonts != fonts {
		a = analyse(r.Doc, r.Genre, r.Rev)
		p.cache, p.cacheRev, p.cacheFonts = a, r.Rev, fonts
	}
	res.Analysis = a
	res.NPages = len(a.Pages)
	if a.Err != nil {
		res.Err = a.Err
		return res
	}
	if len(a.Pages) == 0 {
		return res
	}
	if res.Page >= len(a.Pages) {
		res.Page = len(a.Pages) - 1
	}
	if res.Page < 0 {
		res.Page = 0
	}
	if !p.current(seq) {
		return res // superseded: the result is dropped, do not paint
	}
	pg := a.Pages[res.Page]
	img, err := p.paint(paintKey{page: res.Page}, pg, r.DPI)
	if err != nil {
		res.Err = err
		return res
	}
	res.Image, res.Boxes = img, pg.Boxes
	return res
}
