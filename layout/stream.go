package layout

// Incremental pagination: the flow's rows are placed as they are built, and a page is handed
// over (Options.Page, or collected into the Result) as soon as no keep rule can change it
// any more. The keep rules (a sign-off not alone on its page, a heading not ending one)
// reflow or move lines only inside the rows still held, the last pages of the flow; so a
// document of any length holds a bounded number of rows, pages and records at a time.

// windowRows is the number of rows held before the pages behind the last keepBack ones are
// handed over: a document shorter than this (about 60 pages) is paginated in one piece.
var windowRows = 60 * LinesPerPage

// keepBack is the number of pages behind the last placed one that stay open for the keep
// rules: the sign-off and heading rules reflow or move lines on these pages only.
const keepBack = 4

// settle places the rows held so far once they are many (windowRows), and hands over the
// pages that no later row or keep rule can change: all but the last keepBack pages of the
// flow. The rows drawn on them are dropped.
func (s *setter) settle() {
	if s.err != nil || len(s.rows) < s.nextSettle || len(s.rows) < windowRows {
		return
	}
	s.nextSettle = len(s.rows) + windowRows/2
	s.paginate(s.start)
	if len(s.places) == 0 {
		return
	}
	to := s.places[len(s.places)-1].page - keepBack
	if to <= s.floor {
		return
	}
	k := 0 // the first placement on page to
	for k < len(s.places) && s.places[k].page < to {
		k++
	}
	kr := -1 // the first row placed there (a repeated table header is placed again)
	for j := k; j < len(s.places); j++ {
		if s.places[j].row >= 0 {
			kr = s.places[j].row
			break
		}
	}
	if kr < 0 {
		return
	}
	s.renderPlaces(s.places[:k])
	s.places = s.places[:0]
	s.rows = append([]row(nil), s.rows[kr:]...)
	s.nextSettle -= kr
	// the paragraphs no held row belongs to are not reflowed any more
	keep := s.paraBase + len(s.paras)
	for i := range s.rows {
		if s.rows[i].para > 0 {
			keep = s.rows[i].para - 1
			break
		}
	}
	if drop := keep - s.paraBase; drop > 0 {
		// a new slice, so that the released paragraphs' slots go too
		s.paras = append(make([]para, 0, len(s.paras)-drop+16), s.paras[drop:]...)
		s.paraBase = keep
	}
	s.pruneParts(s.floor)
	for i := s.floor; i < to; i++ {
		s.numberPage(i, false)
		if err := s.emitPage(i); err != nil {
			s.err = err
			return
		}
	}
	s.floor = to
}

// finish places the rest of the flow, the 版记 and the page numbers, and hands over the
// pages not yet handed over.
func (s *setter) finish() error {
	s.paginate(s.start)
	s.render()
	if err := s.banji(); err != nil {
		return err
	}
	s.pageNumbers()
	if s.err != nil {
		return s.err
	}
	for i := s.floor; i < len(s.pages); i++ {
		if err := s.emitPage(i); err != nil {
			return err
		}
	}
	s.floor = len(s.pages)
	return nil
}

// emitPage hands page i over with its Records and lets it go.
func (s *setter) emitPage(i int) error {
	pg := s.pages[i]
	recs := s.pageRecords(i, &pg)
	pg.pieces = nil
	s.pages[i] = Page{}
	return s.emit(pg, recs)
}
