package layout

// Record is one placed element as layout decided it: which element of the document it is
// (its document.Field path), on which page, where, in which font role and size, and each of
// its lines with its text and position. Writers other than the painters (the DOCX page
// plan, OFD tags), the checker's geometry rules, the 讲解模式 overlay and the app's
// click-to-field read Records instead of typesetting again or scraping pages by position.
//
// An element that runs over a page break has one Record per page, each with the lines on
// that page (Part counts them from 0).
type Record struct {
	// Path is the document.Field path of the element ("title", "body.3", "issuers.1.name",
	// "attachments.0.title", "attachments.0.table.rows.2.1", "cc" …); empty for items that
	// belong to no editable text (the separator rule, the 版记 rules, page numbers).
	Path string
	// Element is the GB/T 9704 element the item belongs to.
	Element Element
	// Page is the index of the page in the []Page of the same run (0-based).
	Page int
	// Part is 0 for the first piece of an element, 1 for its continuation on the next page, …
	Part int
	// X, Y, W, H is the bounding rectangle (top-left, page coordinates, y downwards).
	X, Y, W, H Length
	// Role and Size are the font role and em size of the element's text (zero for rules,
	// images and circles).
	Role Role
	Size Length
	// Lines are the element's lines on this page, in reading order.
	Lines []RecordLine
}

// RecordLine is one typeset line of an element.
type RecordLine struct {
	// Text is the line's text as printed (no hyphen or filler added).
	Text string
	// X is the left edge of the first character, Y the baseline, W the distance from X to
	// the right edge of the last character.
	X, Y, W Length
	// Forced is true when the line ends because the paragraph ends or a break was forced,
	// false when the line breaker ended it (a soft break a writer must reproduce).
	Forced bool
}

// Result is the whole of one typesetting run: the pages to paint and a Record for every
// placed element.
type Result struct {
	Pages   []Page
	Records []Record
}
