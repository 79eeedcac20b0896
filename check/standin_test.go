package check

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"gongwen/document"
)

// importText reads a plain-text 公文 through document.ImportText, or, while the importer is
// still a stub, through the small stand-in below (tests only).
func importText(file string, data []byte) (*document.Document, error) {
	doc, err := document.ImportText(file, data)
	if err == nil {
		return doc, nil
	}
	if strings.Contains(err.Error(), "尚未实现") {
		return standInImport(file, data), nil
	}
	return nil, err
}

var (
	siNumber = regexp.MustCompile(`^\S{0,20}[〔\[【(（［]?[0-9０-９]{2,4}[〕\]】)）］]?第?[0-9０-９]+号?$`)
	siDate   = regexp.MustCompile(`^([0-9]{4}\s*[年\-./]\s*[0-9]{1,2}\s*[月\-./]\s*[0-9]{1,2}\s*[日号]?|[〇○零一二三四五六七八九]{4}年[元正一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)$`)
	siAttach = regexp.MustCompile(`^附件\s*[0-9]*\s*[：:]?$`)
)

// standInImport is a test-only stand-in for document.ImportText: one paragraph a line,
// elements in published order.
func standInImport(file string, data []byte) *document.Document {
	src := document.NewSource(file)
	doc := &document.Document{Source: src}
	type line struct {
		text string
		no   int
		col  int
	}
	var ls []line
	for i, raw := range strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n") {
		t := strings.TrimLeft(raw, " \t\u3000\u00a0")
		col := 1 + utf8.RuneCountInString(raw) - utf8.RuneCountInString(t)
		t = strings.TrimRight(t, " \t\u3000\u00a0\r")
		if t != "" {
			ls = append(ls, line{t, i + 1, col})
		}
	}
	seg := func(l line) document.Seg { return document.Seg{Off: 0, Pos: document.Pos{Line: l.no, Col: l.col}} }
	i := 0
	// title
	var tl []string
	var segs []document.Seg
	off := 0
	for i < len(ls) && len(tl) < 4 {
		tl = append(tl, ls[i].text)
		segs = append(segs, document.Seg{Off: off, Pos: document.Pos{Line: ls[i].no, Col: ls[i].col}})
		off += utf8.RuneCountInString(ls[i].text) + 1
		i++
		if TitleGenre(strings.Join(tl, "")) != "" {
			break
		}
	}
	doc.Title = strings.Join(tl, "\n")
	src.Set(document.PathTitle, segs...)
	if i < len(ls) && utf8.RuneCountInString(ls[i].text) < 30 && siNumber.MatchString(ls[i].text) {
		doc.Number = ls[i].text
		src.Set(document.PathNumber, seg(ls[i]))
		i++
	}
	if i < len(ls) {
		t := ls[i].text
		n := utf8.RuneCountInString(t)
		if (strings.HasSuffix(t, "：") || strings.HasSuffix(t, ":")) && n < 200 ||
			n < 40 && !strings.HasSuffix(t, "。") && document.ParseHeading(t).Level == 0 && !strings.Contains(t, "，") {
			doc.Recipients = t
			src.Set(document.PathRecipients, seg(ls[i]))
			i++
		}
	}
	// body up to the sign-off (an issuer line followed by a date line)
	state := "body"
	var att *document.Attachment
	attIdx := -1
	for ; i < len(ls); i++ {
		t := ls[i].text
		switch {
		case siAttach.MatchString(t) && state != "body":
			doc.Attachments = append(doc.Attachments, document.Attachment{Label: t})
			attIdx = len(doc.Attachments) - 1
			att = &doc.Attachments[attIdx]
			src.Set(fmt.Sprintf("attachments.%d.label", attIdx), seg(ls[i]))
			// the title: the next short lines
			var tl []string
			var segs []document.Seg
			off := 0
			for i+1 < len(ls) && len(tl) < 3 && utf8.RuneCountInString(ls[i+1].text) < 32 && !strings.HasSuffix(ls[i+1].text, "。") && !strings.HasSuffix(ls[i+1].text, "：") && document.ParseHeading(ls[i+1].text).Level == 0 {
				i++
				tl = append(tl, ls[i].text)
				segs = append(segs, document.Seg{Off: off, Pos: document.Pos{Line: ls[i].no, Col: ls[i].col}})
				off += utf8.RuneCountInString(ls[i].text) + 1
			}
			att.Title = strings.Join(tl, "\n")
			src.Set(fmt.Sprintf("attachments.%d.title", attIdx), segs...)
			state = "attachment"
			continue
		case state == "body" && (strings.HasPrefix(t, "附件：") || strings.HasPrefix(t, "附件:") || strings.HasPrefix(t, "附：")):
			ci := strings.IndexAny(t, ":：")
			_, n := utf8.DecodeRuneInString(t[ci:])
			lab := t[:ci+n]
			doc.AttachmentNotesLabel = lab
			src.Set(document.PathAttachmentNotesLabel, seg(ls[i]))
			rest := t[len(lab):]
			k := len(doc.AttachmentNotes)
			doc.AttachmentNotes = append(doc.AttachmentNotes, rest)
			src.Set(fmt.Sprintf("attachment_notes.%d", k), document.Seg{Pos: document.Pos{Line: ls[i].no, Col: ls[i].col + utf8.RuneCountInString(t) - utf8.RuneCountInString(rest)}})
			for i+1 < len(ls) && regexp.MustCompile(`^[0-9]+\s*[.．、]`).MatchString(ls[i+1].text) {
				i++
				k := len(doc.AttachmentNotes)
				doc.AttachmentNotes = append(doc.AttachmentNotes, ls[i].text)
				src.Set(fmt.Sprintf("attachment_notes.%d", k), seg(ls[i]))
			}
			continue
		case state == "body" && i+1 < len(ls) && siDate.MatchString(ls[i+1].text) && utf8.RuneCountInString(t) < 30:
			doc.Issuers = append(doc.Issuers, document.Issuer{Name: t})
			src.Set("issuers.0.name", seg(ls[i]))
			i++
			doc.Date = ls[i].text
			src.Set(document.PathDate, seg(ls[i]))
			state = "after"
			continue
		case state == "after" && (strings.HasPrefix(t, "（") || strings.HasPrefix(t, "(") || strings.HasPrefix(t, "此件") || strings.HasPrefix(t, "联系人")) && doc.Note == "":
			doc.Note = t
			src.Set(document.PathNote, seg(ls[i]))
			continue
		case strings.HasPrefix(t, "抄送：") || strings.HasPrefix(t, "抄送:"):
			doc.CC = strings.TrimLeft(t[len("抄送"):], "：:")
			src.Set(document.PathCC, document.Seg{Pos: document.Pos{Line: ls[i].no, Col: ls[i].col + 3}})
			continue
		}
		switch state {
		case "body":
			k := len(doc.Body)
			doc.Body = append(doc.Body, t)
			src.Set(fmt.Sprintf("body.%d", k), seg(ls[i]))
		case "attachment":
			k := len(att.Body)
			att.Body = append(att.Body, t)
			src.Set(fmt.Sprintf("attachments.%d.body.%d", attIdx, k), seg(ls[i]))
		case "after":
			// text after the sign-off without a 附件 label: a forwarded document
			doc.Attachments = append(doc.Attachments, document.Attachment{Title: t})
			attIdx = len(doc.Attachments) - 1
			att = &doc.Attachments[attIdx]
			src.Set(fmt.Sprintf("attachments.%d.title", attIdx), seg(ls[i]))
			state = "attachment"
		}
	}
	return doc
}
