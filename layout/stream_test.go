package layout

import (
	"fmt"
	"reflect"
	"testing"
)

// TestStreamSameAsWhole: a 200-page document paginated in windows (pages handed over as they
// are final) gives the same pages and Records as paginated in one piece, handed to
// Options.Page in order.
func TestStreamSameAsWhole(t *testing.T) {
	d := sampleDoc(390) // headings, varied paragraphs, the keep rules at work
	d.Body = append(append(append(d.Body, d.Body...), d.Body...), d.Body...)
	whole := func() *Result {
		saved := windowRows
		windowRows = 1 << 30
		defer func() { windowRows = saved }()
		res, err := Run(d, Options{})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}()
	var pages []Page
	var recs []Record
	res, err := Run(d, Options{Page: func(pg Page, r []Record) error {
		if pg.Number != 0 && pg.Number != len(pages)+1 {
			return fmt.Errorf("page %d handed over as page %d", pg.Number, len(pages)+1)
		}
		pages = append(pages, pg)
		recs = append(recs, r...)
		return nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Pages) != 0 {
		t.Errorf("streaming run returned %d pages", len(res.Pages))
	}
	if len(pages) < 150 {
		t.Fatalf("%d pages, want a long document", len(pages))
	}
	if Dump(whole.Pages) != Dump(pages) {
		t.Errorf("pages paginated in windows differ from the whole document's (%d vs %d pages)", len(pages), len(whole.Pages))
	}
	if !reflect.DeepEqual(recs, whole.Records) {
		t.Errorf("Records differ: %d vs %d", len(recs), len(whole.Records))
	}
}
