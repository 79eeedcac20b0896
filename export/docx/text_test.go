package docx

import (
	"fmt"
	"sort"
	"strings"
	"testing"
	"unicode"

	"gongwen/document"
)

// invisible lists the characters of s that print nothing and are neither a tab nor a line
// break (format and control characters: zero-width spaces and joiners, direction marks,
// soft hyphens, BOMs, C0/C1 controls), as "U+200B U+00AD"; empty when there are none.
func invisible(s string) string {
	var bad []string
	for _, r := range s {
		if r == '\t' || r == '\n' {
			continue
		}
		if unicode.In(r, unicode.Cf, unicode.Cc, unicode.Co) || r == '\ufffe' || r == '\uffff' {
			bad = append(bad, fmt.Sprintf("U+%04X", r))
		}
	}
	return strings.Join(bad, " ")
}

// docTexts returns the document's texts the DOCX must carry as typed: the paragraphs of the
// 正文 and of each attachment (each one paragraph of the DOCX), and the one-line elements
// (each inside one paragraph).
func docTexts(d *document.Document) (paras, pieces []string) {
	paras = append(paras, d.Body...)
	for _, a := range d.Attachments {
		paras = append(paras, a.Body...)
		if a.Title != "" {
			pieces = append(pieces, a.Title)
		}
		if a.Table != nil {
			pieces = append(pieces, a.Table.Header...)
			for _, r := range a.Table.Rows {
				pieces = append(pieces, r...)
			}
		}
	}
	pieces = append(pieces, d.AttachmentNotes...)
	pieces = append(pieces, d.Signers...)
	for _, s := range []string{d.Number, d.OrderNumber, d.Recipients, d.Date, d.Note, d.CC, d.Printer,
		d.PrintDate, d.Present, d.Absent, d.Attending, d.SignerTitle, d.CopyNumber, d.Urgency} {
		if s != "" {
			pieces = append(pieces, strings.TrimSuffix(strings.TrimSuffix(s, "："), ":"))
		}
	}
	for _, line := range strings.Split(d.Title, "\n") {
		if line != "" {
			pieces = append(pieces, line)
		}
	}
	return paras, pieces
}

// TestParagraphTextIsDocumentText: for every example and sample, the text of every
// paragraph of the DOCX (headers and footers included), read as Word reads it and as
// LibreOffice does, holds no invisible character; every 正文 and attachment paragraph is
// one DOCX paragraph whose text equals it exactly, and every other element of the
// document is found as typed inside one paragraph (the 标题 line by line).
func TestParagraphTextIsDocumentText(t *testing.T) {
	docs := officeDocs(t, repoRoot(t))
	var names []string
	for n := range docs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		doc := docs[name]
		ps := parts(t, doc, Options{})
		var texts []string
		for pn, s := range ps {
			if !strings.HasPrefix(pn, "word/") || !strings.HasSuffix(pn, ".xml") || !strings.Contains(s, "<w:p>") {
				continue
			}
			word, lo := parse(t, pn, s), parseLO(t, pn, s)
			wps, lps := word.all("p"), lo.all("p")
			if len(wps) != len(lps) {
				t.Fatalf("%s: %s: %d paragraphs for Word, %d for LibreOffice", name, pn, len(wps), len(lps))
			}
			for i := range wps {
				wv, wm := paraText(wps[i])
				lv, lm := paraText(lps[i])
				// hidden runs included
				for view, v := range map[string]string{"Word": wm, "LibreOffice": lm} {
					if bad := invisible(v); bad != "" {
						t.Errorf("%s: %s: %s reads invisible characters %s in %q", name, pn, view, bad, v)
					}
				}
				if wv != lv {
					t.Errorf("%s: %s: Word reads %q, LibreOffice %q", name, pn, wv, lv)
				}
				if pn == "word/document.xml" {
					texts = append(texts, wv)
				}
			}
		}
		paras, pieces := docTexts(doc)
		have := map[string]int{}
		for _, s := range texts {
			have[s]++
		}
		for _, p := range paras {
			if have[p] == 0 {
				t.Errorf("%s: no DOCX paragraph reads exactly %q", name, p)
				continue
			}
			have[p]--
		}
		all := strings.Join(texts, "\n")
		for _, p := range pieces {
			found := false
			for _, s := range texts {
				if strings.Contains(strings.ReplaceAll(s, "\n", ""), p) {
					found = true
					break
				}
			}
			if !found {
				t.Errorf("%s: %q is in no DOCX paragraph as typed (document text:\n%s)", name, p, all)
			}
		}
	}
}
