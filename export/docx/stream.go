package docx

import (
	"errors"
	"fmt"
	"iter"

	"gongwen/layout"
)

// The page plan is read page by page as the typesetting run hands the pages over
// (layout.Options.Page): the writer asks for the records of each element as it writes the
// element, in the document's order, which is the order the engine places them in; the plan
// reads pages until the element's records are complete and lets go of the pages behind the
// element written last. A document of any length holds the records of a few pages at a
// time, plus a few bytes a page (pageFact) and the records of page 1.

// PageSource is a typesetting run that hands each page over with its Records, in page
// order, as soon as it is final (pipeline.Pipeline.Pages, layout.Options.Page), and returns
// the run's error; it stops with emit's error when emit returns one.
type PageSource func(emit func(layout.Page, []layout.Record) error) error

// horizon is how many pages past the last element written the plan reads looking for an
// element before it takes the element to have no records (an empty table cell, text the
// engine does not print): no element the writer asks for starts that far after the one
// before it.
const horizon = 64

// errStopped ends a typesetting run the writer no longer reads.
var errStopped = errors.New("docx: page plan no longer read")

// pageFact is what the plan keeps of every page: whether it is the blank page before the
// 版记, whether text fills its last line of the 版心, whether it holds anything but the
// 版记 and the page number.
type pageFact struct{ blank, full, other bool }

// plan is the layout engine's page plan of the document.
type plan struct {
	next func() (layout.Page, []layout.Record, bool)
	stop func()
	err  error // the run's error, once it has ended
	done bool
	n    int // pages read

	byPath   map[string][]layout.Record // held records of each element path, in page order
	paths    [][]string                 // the paths with records on each held page, from page kept
	kept     int                        // the first page whose records are held
	from     int                        // the first page of the element looked up last
	last     int                        // the last page of the elements looked up so far
	page0    []layout.Record            // the records of page 1, kept
	facts    []pageFact
	circles  map[int][]layout.Circle // the seal circles of each page that has some
	banjiEnd int                     // the last page with a record of the 版记 (-1: none)
	// the first and last pages with a record of the 署名, 成文日期 or seals (-1: none)
	signFirst, signLast int
	// most is the largest number of pages whose records were held at once
	most int
}

// newPlan is the plan of a whole typesetting run.
func newPlan(res *layout.Result) *plan {
	return streamPlan(func(emit func(layout.Page, []layout.Record) error) error {
		byPage := make([][]layout.Record, len(res.Pages))
		for _, r := range res.Records {
			if r.Page >= 0 && r.Page < len(byPage) {
				byPage[r.Page] = append(byPage[r.Page], r)
			}
		}
		for i, pg := range res.Pages {
			if err := emit(pg, byPage[i]); err != nil {
				return err
			}
		}
		return nil
	})
}

// streamPlan is the plan of a run that hands the pages over one by one. The run goes on
// only as far as the writer reads it; stop ends it.
func streamPlan(run PageSource) *plan {
	p := &plan{byPath: map[string][]layout.Record{}, circles: map[int][]layout.Circle{}, banjiEnd: -1, signFirst: -1, signLast: -1}
	var runErr error
	seq := func(yield func(layout.Page, []layout.Record) bool) {
		defer func() {
			if r := recover(); r != nil {
				runErr = fmt.Errorf("排版失败（layout failed）: %v", r)
			}
		}()
		runErr = run(func(pg layout.Page, recs []layout.Record) error {
			if !yield(pg, recs) {
				return errStopped
			}
			return nil
		})
	}
	next, stop := iter.Pull2(seq)
	p.next = func() (layout.Page, []layout.Record, bool) {
		pg, recs, ok := next()
		if !ok {
			p.err = runErr
		}
		return pg, recs, ok
	}
	p.stop = stop
	return p
}

// read takes the next page of the run; false at its end.
func (p *plan) read() bool {
	if p.done {
		return false
	}
	pg, recs, ok := p.next()
	if !ok {
		p.done = true
		p.stop()
		return false
	}
	i := p.n
	p.n++
	f := pageFact{blank: pg.Blank}
	bottom := layout.MarginTop + layout.BodyHeight - layout.LinePitch
	var paths []string
	for _, r := range recs {
		switch r.Element {
		case layout.ElemCC, layout.ElemPrint, layout.ElemBanjiRule:
			p.banjiEnd = max(p.banjiEnd, r.Page)
		case layout.ElemPageNumber:
		default:
			f.other = true
		}
		switch r.Element {
		case layout.ElemIssuerSign, layout.ElemDate, layout.ElemSeal, layout.ElemSignature:
			if p.signFirst < 0 || r.Page < p.signFirst {
				p.signFirst = r.Page
			}
			p.signLast = max(p.signLast, r.Page)
		}
		if r.Element != layout.ElemPageNumber {
			for _, l := range r.Lines {
				if l.Y > bottom {
					f.full = true
				}
			}
		}
		if r.Path != "" {
			rs := p.byPath[r.Path]
			if len(rs) == 0 || rs[len(rs)-1].Page != r.Page {
				paths = append(paths, r.Path)
			}
			p.byPath[r.Path] = append(rs, r)
		}
	}
	if i == 0 {
		p.page0 = recs
	}
	if len(pg.Circles) > 0 {
		p.circles[i] = pg.Circles
	}
	p.facts = append(p.facts, f)
	p.paths = append(p.paths, paths)
	p.most = max(p.most, p.n-p.kept)
	return true
}

// all reads the run to its end.
func (p *plan) all() {
	for p.read() {
	}
}

// through reads the run until page is in (or the run ends).
func (p *plan) through(page int) {
	for p.n <= page && p.read() {
	}
}

// records returns the records of the element at path, reading pages until they are all in:
// the element has a record on a page and none on a later one (an element runs over
// consecutive pages), or none within horizon pages after the elements looked up before.
// The pages before the element's first are let go.
func (p *plan) records(path string) []layout.Record {
	for {
		rs := p.byPath[path]
		if len(rs) > 0 && rs[len(rs)-1].Page < p.n-1 {
			break
		}
		if len(rs) == 0 && p.n > p.last+horizon {
			break
		}
		if !p.read() {
			break
		}
	}
	rs := p.byPath[path]
	if len(rs) > 0 {
		p.from = max(p.from, rs[0].Page)
		p.last = max(p.last, rs[len(rs)-1].Page)
		p.letGo(p.from)
	}
	return p.byPath[path]
}

// signOff reads the run until the records of the 署名, 成文日期 and seals are all in (or it
// finds none within horizon pages).
func (p *plan) signOff() {
	for {
		if p.signLast >= 0 && p.signLast < p.n-1 {
			break
		}
		if p.signLast < 0 && p.n > p.last+horizon {
			break
		}
		if !p.read() {
			break
		}
	}
}

// letGo drops the records of the pages before page.
func (p *plan) letGo(page int) {
	for p.kept < page && len(p.paths) > 0 {
		for _, path := range p.paths[0] {
			rs := p.byPath[path]
			k := 0
			for k < len(rs) && rs[k].Page <= p.kept {
				k++
			}
			if k == len(rs) {
				delete(p.byPath, path)
				continue
			}
			clear(rs[:k])
			p.byPath[path] = rs[k:]
		}
		p.paths[0] = nil
		p.paths = p.paths[1:]
		p.kept++
	}
}

// close ends the run if the writer stopped reading it before its end.
func (p *plan) close() {
	if !p.done {
		p.done = true
		p.stop()
	}
}

// onPage0 returns the records of page 1 of the element at path.
func (p *plan) onPage0(path string) []layout.Record {
	p.through(0)
	var out []layout.Record
	for _, r := range p.page0 {
		if r.Path == path {
			out = append(out, r)
		}
	}
	return out
}

// firstPage returns the records of page 1.
func (p *plan) firstPage() []layout.Record {
	p.through(0)
	return p.page0
}

// endsFull reports whether the engine filled page's last line of the 版心 with text (the
// next page then starts by itself).
func (p *plan) endsFull(page int) bool {
	p.through(page)
	return page >= 0 && page < len(p.facts) && p.facts[page].full
}

// held returns the records of path the plan holds, reading nothing.
func (p *plan) held(path string) []layout.Record { return p.byPath[path] }

// first returns the first record of the element at path (a table's header cell, which the
// engine repeats on each page of the table: its first record is complete by itself), or nil.
func (p *plan) first(path string) *layout.Record {
	for len(p.byPath[path]) == 0 && p.n <= p.last+horizon && p.read() {
	}
	rs := p.byPath[path]
	if len(rs) == 0 {
		return nil
	}
	p.from = max(p.from, rs[0].Page)
	p.last = max(p.last, rs[0].Page)
	p.letGo(p.from)
	return &p.byPath[path][0]
}
