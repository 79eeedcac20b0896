package ofd

import (
	"archive/zip"
	"bytes"
	"fmt"
	"testing"
	"time"

	"gongwen/export/internal/pagetest"
	"gongwen/layout"
)

// TestWriterStreamsPages: each page added goes into the package at once (the output holds
// the pages before Finish; the writer keeps only their IDs and tags), the package written
// page by page is Write's, and its pages, document, tags and resources are all there.
func TestWriterStreamsPages(t *testing.T) {
	fs := layout.DefaultFonts()
	pages := pagetest.Pages(t, fs)
	for range 3 {
		pages = append(pages, pages...)
	}
	meta := Meta{Title: "关于镕堃同志任职的请示", Author: "某某市人民政府", Date: time.Date(2024, 3, 8, 10, 0, 0, 0, time.UTC)}
	var whole bytes.Buffer
	if err := Write(&whole, pages, fs, meta); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	w := NewWriter(&out, fs, meta)
	for i := range pages {
		if err := w.Add(&pages[i]); err != nil {
			t.Fatal(err)
		}
	}
	added := out.Len() // the pages are out before Finish
	if err := w.Finish(); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out.Bytes(), whole.Bytes()) {
		t.Error("the package written page by page is not Write's")
	}
	zr, err := zip.NewReader(bytes.NewReader(out.Bytes()), int64(out.Len()))
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	var pageBytes uint64 // the compressed pages but the last, which the zip writer may still hold
	for _, f := range zr.File {
		names[f.Name] = true
		if f.Name != fmt.Sprintf("Doc_0/Pages/Page_%d/Content.xml", len(pages)-1) && bytes.HasPrefix([]byte(f.Name), []byte("Doc_0/Pages/")) {
			pageBytes += f.CompressedSize64
		}
	}
	// less the zip writer's 4 KB buffer
	if uint64(added)+4096 < pageBytes {
		t.Errorf("%d bytes written when the last page was added, the pages before it take %d", added, pageBytes)
	}
	for i := range pages {
		if n := fmt.Sprintf("Doc_0/Pages/Page_%d/Content.xml", i); !names[n] {
			t.Errorf("no %s", n)
		}
	}
	for _, n := range []string{"OFD.xml", "Doc_0/Document.xml", "Doc_0/PublicRes.xml", "Doc_0/Tags/CustomTags.xml", "Doc_0/Tags/Tag_GongWen.xml"} {
		if !names[n] {
			t.Errorf("no %s", n)
		}
	}
	p := parseOFD(t, unzipParts(t, out.Bytes()))
	if len(p.pages) != len(pages) || len(p.tags) == 0 {
		t.Errorf("%d pages read back (want %d), %d tagged elements", len(p.pages), len(pages), len(p.tags))
	}
	// no pages: refused, nothing written
	var empty bytes.Buffer
	if err := NewWriter(&empty, fs, meta).Finish(); err == nil || empty.Len() != 0 {
		t.Errorf("no pages: %v, %d bytes written", err, empty.Len())
	}
}

// TestTagRefs: the tags' varint pairs give back the page and object IDs in order.
func TestTagRefs(t *testing.T) {
	var r tagRefs
	want := [][2]uint32{{1, 2}, {1, 3}, {5, 200}, {5, 70000}, {90000, 5000000}}
	for _, p := range want {
		r.add(p[0], p[1])
	}
	var got [][2]uint32
	r.each(func(page, obj uint32) { got = append(got, [2]uint32{page, obj}) })
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %v, want %v", got, want)
	}
}
