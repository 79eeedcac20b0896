package document

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ImportText reads a plain-text 公文 as people paste it (a web page copied into a text
// editor, a Word document saved as text) into the model, by the form of each line: the
// 版头 lines (份号, 密级, 紧急程度, 发文机关标志, 发文字号 with or without 签发人), the title
// over one or more lines, the 主送, the body, the 附件说明, the 署名 and 成文日期, the 附注,
// the attachments and the 版记 (抄送, 印发). Blank lines are ignored wherever they are;
// every other line ends up in some element, with its place recorded in Source.
//
// The text may be UTF-8 (with or without BOM), UTF-16 with a BOM, or GB18030/GBK; line
// endings may be \n, \r\n or \r. Format, Direction and Genre are guessed from the title's
// 文种 and the mark.
//
// genres is the genre table of the template set (pipeline.Genres): the importer knows no 文种
// of its own. A title is a short line ending in a 文种 or another title ending of the table;
// with a nil table only its place (before a 发文字号 or a 主送) makes a title, and no genre is
// set.
func ImportText(file string, data []byte, genres Genres) (*Document, error) {
	text, warns, err := decodeTextReport(file, data)
	if err != nil {
		return nil, err
	}
	doc := importLines(file, splitTextLines(text), genres)
	doc.Warnings = append(doc.Warnings, warns...)
	return doc, nil
}

type importer struct {
	L   []textLine // the non-blank lines
	doc *Document
	src *Source
	// genres is the template set's genre table: the 文种 and title endings
	genres Genres
	// names of the 发文机关标志 and of the 署名, with their places, to build Issuers
	markNames []placed
	sigNames  []placed
	// titleNoteLine is the line of the 题注, which may turn out to be the 成文日期
	titleNoteLine textLine
	// attCont is the attendance list (出席, 请假, 列席) whose last line ends in 、 or ， (or is
	// a bare label): the next line may continue it
	attCont *attList
}

type attList struct {
	dst  *string
	path string
}

type placed struct {
	text string
	pos  Pos
	// segs, when set, place each character of a letter-spaced name (国　务　院 → 国务院)
	segs []Seg
}

// at returns the Source segments of a placed name.
func (p placed) at() []Seg {
	if p.segs != nil {
		return p.segs
	}
	return []Seg{{Pos: p.pos}}
}

// letterSpaced returns s without its blanks when s is letter-spaced: three or more single
// characters, each apart from the next by the same blanks (国　务　院, 国 务 院 文 件), as Word
// users space a short name and PDFs copy it. ok is false for any other line.
func letterSpaced(s string) (string, bool) {
	groups, ok := letterSpacedNames(s)
	if !ok || len(groups) != 1 {
		return "", false
	}
	return groups[0].name, true
}

// spacedName is one name of a letter-spaced line: its text without blanks and the range of
// its characters among the line's characters less its blanks.
type spacedName struct {
	name     string
	from, to int
}

// letterSpacedNames reads a line of letter-spaced names: single characters apart by the
// narrowest gap, names apart by wider gaps (财　政　部　　教　育　部), each name of two or more
// characters, three or more characters in all.
func letterSpacedNames(s string) ([]spacedName, bool) {
	var chars, gaps []string
	for _, r := range s {
		if isBlank(r) {
			if len(gaps) < len(chars) {
				gaps = append(gaps, "")
			}
			if len(gaps) > 0 {
				gaps[len(gaps)-1] += string(r)
			}
			continue
		}
		if !unicode.Is(unicode.Han, r) || len(gaps) < len(chars) {
			return nil, false // not a Han character, or two characters not apart
		}
		chars = append(chars, string(r))
	}
	if len(chars) < 3 || len(gaps) != len(chars)-1 {
		return nil, false
	}
	narrow := gaps[0]
	for _, g := range gaps {
		if dispWidth(g) < dispWidth(narrow) {
			narrow = g
		}
	}
	var out []spacedName
	start := 0
	for i := range chars {
		if i == len(chars)-1 || dispWidth(gaps[i]) > dispWidth(narrow) {
			if i+1-start < 2 {
				return nil, false
			}
			out = append(out, spacedName{strings.Join(chars[start:i+1], ""), start, i + 1})
			start = i + 1
		}
	}
	return out, true
}

// spacedSegs places the characters [from, to) of the letter-spaced line l (counted without
// its blanks): one Seg a character, as each stands apart in the input.
func (im *importer) spacedSegs(l textLine, from, to int) []Seg {
	var segs []Seg
	i := 0
	for col, r := range []rune(l.text) {
		if isBlank(r) {
			continue
		}
		if i >= from && i < to {
			segs = append(segs, Seg{Off: i - from, Pos: im.pos(l, col)})
		}
		i++
	}
	return segs
}

// taken reports whether path already holds a line, even one whose value is empty (a bare
// label such as 请假： or 主送：): a second line of the same element must not replace it.
func (im *importer) taken(path string) bool {
	_, ok := im.src.spans[path]
	return ok
}

func (im *importer) pos(l textLine, off int) Pos { return Pos{Line: l.num, Col: l.lead + 1 + off} }

// setLine sets path to the text of one line, from rune offset off of the line's text.
func (im *importer) setLine(path string, l textLine, off int) {
	im.src.Set(path, Seg{Off: 0, Pos: im.pos(l, off)})
}

// restOf returns s after the prefix matched by loc (a byte index) and that prefix's rune length.
func restOf(s string, end int) (string, int) {
	return s[end:], utf8.RuneCountInString(s[:end])
}

func importLines(file string, all []textLine, genres Genres) *Document {
	im := &importer{doc: &Document{}, src: NewSource(file), genres: genres}
	blank := false // a blank line since the last line kept
	meta := webMetaLines(all)
	if len(meta) > 0 {
		first, last := len(all), 0
		for n := range meta {
			first, last = min(first, n), max(last, n)
		}
		im.doc.Warnings = append(im.doc.Warnings, Error{File: file, Line: first, Col: 1,
			Msg: fmt.Sprintf("网页上的信息公开目录（索引号、发文机关等，到第 %d 行）不属于公文，未导入 (a web page's metadata table, to line %d; not imported)", last, last)})
	}
	for _, l := range all {
		if meta[l.num] {
			continue // a web page's 信息公开 table above the document
		}
		if l.text != "" && reWebChrome.MatchString(l.text) {
			// the web page's buttons, counters and share links
			im.doc.Warnings = append(im.doc.Warnings, Error{File: file, Line: l.num, Col: l.lead + 1,
				Msg: "网页上的文字“" + truncRunes(l.text, 20) + "”不属于公文，未导入 (web page text; not imported)"})
			continue
		}
		if l.text == "" {
			blank = true
			continue
		}
		if isDecoration(l.text) {
			continue
		}
		l.afterBlank, blank = blank, false
		if reSubjectWords.MatchString(l.text) {
			// 主题词 was retired with GB/T 9704-1999: not an element any more, kept out
			im.doc.Warnings = append(im.doc.Warnings, Error{File: file, Line: l.num, Col: l.lead + 1,
				Msg: "“主题词”已停用（GB/T 9704-2012 不再设此要素），未导入 (subject words are a retired element; not imported)"})
			continue
		}
		im.L = append(im.L, l)
	}
	im.run()
	im.inferIssuer(file)
	im.doc.Source = im.src
	return im.doc
}

// reWebMeta is a label of the 政府信息公开 table that government sites print above a document
// (索引号：…, 发文机关：…, 成文日期：…).
var reWebMeta = regexp.MustCompile(`^(?:索\s*引\s*号|主题分类|体裁分类|组配分类|服务对象|主题词|关键词|发文机关|发布机构|成文日期|发布日期|印发日期|生效日期|实施日期|废止日期|有效性|时效性|标\s*题|名\s*称|发文字号|文\s*号|来\s*源|信息来源|公开方式|公开范围|公开时限|信息分类|所属主题|文种)\s*[：:]`)

// reWebOnly are the labels of reWebMeta only a web page's table has.
var reWebOnly = regexp.MustCompile(`^(?:索\s*引\s*号|主题分类|体裁分类|组配分类|服务对象|发布机构|发布日期|公开方式|公开范围|公开时限|信息分类|所属主题)\s*[：:]`)

// reWebChrome is a line of a web page's own text copied along with a document: its buttons,
// counters and share links.
var reWebChrome = regexp.MustCompile(`^(?:扫一扫在手机打开当前页|打印本页|关闭窗口|【\s*打印\s*】.*|【\s*关闭\s*】.*|【?\s*字体[：:]\s*大\s*中\s*小\s*】?.*|分享到[：:].*|责任编辑[：:].*|浏览次数[：:].*|访问量[：:].*)$`)

// webMetaLines finds the 政府信息公开 table at the top of a pasted web page: two or more
// lines from the first that open with its labels (a label alone may have its value on the
// next line), blank lines between allowed. It returns their line numbers.
func webMetaLines(all []textLine) map[int]bool {
	var nums []int
	labels := 0
	bare := false    // the last label had no value on its line
	webOnly := false // a label only a web page has: a secretary's own text never holds one
	for _, l := range all {
		switch {
		case l.text == "":
			continue
		case reWebMeta.MatchString(l.text):
			labels++
			webOnly = webOnly || reWebOnly.MatchString(l.text)
			loc := reWebMeta.FindStringIndex(l.text)
			bare = strings.TrimSpace(l.text[loc[1]:]) == ""
		case bare && labels > 0:
			bare = false
		default:
			if labels < 2 || !webOnly {
				return nil
			}
			m := map[int]bool{}
			for _, n := range nums {
				m[n] = true
			}
			return m
		}
		nums = append(nums, l.num)
	}
	return nil // nothing but the table: not a document with one above it
}

// reSubjectWords matches an old-style 主题词 line (GB/T 9704-1999 7.4.1).
var reSubjectWords = regexp.MustCompile(`^主\s*题\s*词\s*[：:]`)

// reNoteItems finds the numbers of the second and later names of a 附件说明 written on one
// line ("1.甲 2.乙 3.丙"): a number after a blank.
var reNoteItems = regexp.MustCompile(`[\s　]+[0-9０-９]+\s*[.．、]\s*`)

func (im *importer) run() {
	L, doc := im.L, im.doc
	n := len(L)
	i := im.header(0)
	i = im.title(i)
	i = im.afterTitle(i)
	if i < n && doc.Recipients == "" {
		s := L[i].text
		strict := doc.Title == "" && doc.Number == ""
		if loc := reBanjiTo.FindStringIndex(s); loc != nil && i+1 < n && !strings.ContainsAny(s, "。！？；") {
			// "主送：各区人民政府" written with its label above the body
			rest, off := restOf(s, loc[1])
			doc.Recipients = rest
			im.setLine(PathRecipients, L[i], off)
			if rest == "" {
				im.setLine(PathRecipients, L[i], 0)
			}
			i++
		} else if isRecipientsLine(s, strict) && i+1 < n && !isDateLine(s) {
			doc.Recipients = s
			im.setLine(PathRecipients, L[i], 0)
			i++
		} else if k := wrappedRecipients(L[i:]); k > 0 && i+k < n {
			im.setJoined(&doc.Recipients, PathRecipients, L[i:i+k], "")
			i += k
		} else if i+2 < n && reFieldLine.MatchString(s) && isRecipientsLine(L[i+1].text, true) {
			// a field line such as 类别：C类 (a 提案答复) above the 主送: it stays in the body
			doc.Recipients = L[i+1].text
			im.setLine(PathRecipients, L[i+1], 0)
			L[i], L[i+1] = L[i+1], L[i]
			i++
		}
	}
	banji := im.banji(i)
	// The first attachment head (a line "附件1", "附件：", "附：" alone) ends the main part,
	// unless it is a 附件说明 label followed by numbered names.
	firstAttach := banji
	for k := i; k < banji; k++ {
		if reAttachHead.MatchString(L[k].text) && !(k+1 < banji && reNoteNumber.MatchString(L[k+1].text)) {
			firstAttach = k
			break
		}
	}
	date := -1
	var inlineSig *textLine // 署名 and 成文日期 on one line: "某某市人民政府　2024年1月5日"
	// The 成文日期 is the first date line after some body that ends the main part: it follows
	// a 署名, or nothing but a 附注, attendance lists or attachments follows it.
	endsMain := func(k int) bool {
		if organLike(L[k-1].text) || k+1 >= firstAttach {
			return true
		}
		next := L[k+1].text
		return isParenthesized(next) || reNoteWords.MatchString(next) || reAttendance.MatchString(next) ||
			im.genres.TitleEnding(strings.Join(textsOf(L[k+1:min(k+4, firstAttach)]), "")) != ""
	}
	for k := i + 1; k < firstAttach; k++ {
		if isDateLine(L[k].text) && endsMain(k) {
			date = k
			break
		}
		if m := reSigDate.FindStringSubmatchIndex(L[k].text); m != nil && validDate(L[k].text[m[4]:m[5]]) &&
			organLike(L[k].text[m[2]:m[3]]) && endsWithOrgan(L[k].text[m[2]:m[3]]) {
			names := L[k]
			names.text = L[k].text[m[2]:m[3]]
			inlineSig = &names
			dl := L[k]
			dl.text = L[k].text[m[4]:m[5]]
			dl.lead += runeLen(L[k].text[:m[4]])
			L[k] = dl // the line now holds the date; the names are in inlineSig
			date = k
			break
		}
	}
	if date < 0 && doc.TitleNote != "" && isDateLine(innerOf(doc.TitleNote)) {
		// （二○○八年八月六日） under the title, and no date at the end: the 成文日期 as web
		// pages and 公报 show it, not a 题注 (which says what adopted the document)
		l := im.titleNoteLine
		inner := innerOf(doc.TitleNote)
		doc.TitleNote = ""
		delete(im.src.spans, PathTitleNote)
		col := runeLen(l.text[:strings.Index(l.text, inner)])
		im.setNormalized(&doc.Date, PathDate, "成文日期", l, col, inner, normalizeDate)
	}
	bodyEnd := firstAttach
	attachFrom := firstAttach
	if date >= 0 {
		sigStart := date
		for k := date - 1; k >= i && date-k <= 3 && organLike(L[k].text) && !isClosing(L[k].text); k-- {
			sigStart = k
		}
		notesStart := im.notesStart(i, sigStart)
		bodyEnd = notesStart
		im.notes(notesStart, sigStart)
		sig := append([]textLine(nil), L[sigStart:date]...)
		if inlineSig != nil {
			sig = append(sig, *inlineSig)
		}
		im.signature(sig)
		im.setNormalized(&doc.Date, PathDate, "成文日期", L[date], 0, L[date].text, normalizeDate)
		k := date + 1
		// 附注: bracketed lines, or one 此件公开发布-like line, right after the date.
		var noteLines []textLine
		for k < banji && (isParenthesized(L[k].text) || (len(noteLines) == 0 && reNoteWords.MatchString(L[k].text) && runeLen(L[k].text) <= 30 && !endsSentence(L[k].text))) {
			noteLines = append(noteLines, L[k])
			k++
		}
		im.setJoined(&doc.Note, PathNote, noteLines, "\n")
		for k < banji && im.attendanceLine(L[k]) {
			k++
		}
		attachFrom = k
	} else {
		notesStart := im.notesStart(i, firstAttach)
		bodyEnd = notesStart
		im.notes(notesStart, firstAttach)
	}
	// Attendance lists of a 纪要 may stand anywhere in the body.
	var body []textLine
	im.attCont = nil
	for _, l := range L[i:bodyEnd] {
		if !im.attendanceLine(l) {
			body = append(body, l)
		}
	}
	doc.Body = im.paragraphs(body, "body")
	im.attachments(attachFrom, banji)
	im.buildIssuers()
	im.guess()
}

func textsOf(ls []textLine) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = l.text
	}
	return out
}

// wrappedRecipients returns the number of lines of a 主送 wrapped over two or three lines
// (the first ones ending in 、 or ，, the last in a colon), or 0.
func wrappedRecipients(ls []textLine) int {
	for k := 0; k < len(ls) && k < 3; k++ {
		s := ls[k].text
		if k > 0 && ls[k].afterBlank {
			return 0 // a blank line ends what the lines above it were
		}
		if k > 0 && isRecipientsLine(s, true) {
			return k + 1
		}
		last, _ := utf8.DecodeLastRuneInString(s)
		if !strings.ContainsRune("、，,", last) || strings.ContainsAny(s, "。！？；：:") || hasListMarker(s) || runeLen(s) > 100 {
			return 0
		}
	}
	return 0
}

// header reads the 版头 lines from L[i]: 份号, 密级, 紧急程度, 发文机关标志, 发文字号, 签发人,
// 令号, 期号. It returns the index of the first line that is none of them.
func (im *importer) header(i int) int {
	L, doc := im.L, im.doc
	for i < len(L) {
		l := L[i]
		s := l.text
		if m := reCopyNumber.FindStringSubmatchIndex(s); m != nil && doc.CopyNumber == "" {
			doc.CopyNumber = s[m[2]:m[3]]
			im.setLine(PathCopyNumber, l, runeLen(s[:m[2]]))
			i++
			continue
		}
		if m := reClassified.FindStringSubmatchIndex(s); m != nil && doc.Classification == "" {
			doc.Classification = s[m[2]:m[3]]
			im.setLine(PathClassification, l, 0)
			if m[4] >= 0 {
				doc.ClassificationTerm = s[m[4]:m[5]]
				im.setLine(PathClassificationTerm, l, runeLen(s[:m[4]]))
			}
			if m[6] >= 0 {
				doc.Urgency = s[m[6]:m[7]]
				im.setLine(PathUrgency, l, runeLen(s[:m[6]]))
			}
			i++
			continue
		}
		if reUrgency.MatchString(s) && doc.Urgency == "" {
			doc.Urgency = s
			im.setLine(PathUrgency, l, 0)
			i++
			continue
		}
		if doc.MarkSuffix == "" && len(im.markNames) == 0 {
			if names, suf, ok := isMarkLine(s); ok {
				im.mark(l, names, suf)
				i++
				continue
			}
			if ds, ok := letterSpaced(s); ok {
				// 国 务 院 文 件: a letter-spaced mark names one organ
				if _, suf, ok := isMarkLine(ds); ok && suf != "纪要" {
					n := runeLen(ds) - runeLen(suf)
					doc.MarkSuffix = suf
					im.src.Set(PathMarkSuffix, im.spacedSegs(l, n, runeLen(ds))...)
					segs := im.spacedSegs(l, 0, n)
					im.markNames = append(im.markNames, placed{ds[:len(ds)-len(suf)], segs[0].Pos, segs})
					i++
					continue
				}
			}
			if m := reOrderMark.FindStringSubmatchIndex(s); m != nil {
				// 中华人民共和国主席令（九届第37号）: the 命令 mark and its 令号 on one line
				ml := l
				ml.text = s[m[2]:m[3]]
				if names, suf, ok := isMarkLine(ml.text); ok {
					im.mark(ml, names, suf)
					doc.OrderNumber = s[m[4]:m[5]]
					im.setLine(PathOrderNumber, l, runeLen(s[:m[4]]))
					i++
					continue
				}
			}
			// 联合行文: organ names stacked on lines above a "…文件" line.
			if organLike(s) && !isClosing(s) {
				j := i + 1
				for j < len(L) && j <= i+4 && organLike(L[j].text) && L[j].text != "文件" {
					if _, _, ok := isMarkLine(L[j].text); ok {
						break
					}
					j++
				}
				if j < len(L) && j <= i+4 {
					names, suf, ok := isMarkLine(L[j].text)
					if L[j].text == "文件" {
						names, suf, ok = nil, "文件", true
					}
					if ok && suf == "文件" {
						for _, sl := range L[i:j] {
							nm, offs := splitNamesPos(sl.text)
							for k := range nm {
								im.markNames = append(im.markNames, placed{text: nm[k], pos: im.pos(sl, offs[k])})
							}
						}
						im.mark(L[j], names, suf)
						i = j + 1
						continue
					}
				}
			}
		}
		// 信函格式: the organ's name alone as the mark, right above the 发文字号.
		if doc.MarkSuffix == "" && len(im.markNames) == 0 && doc.Number == "" && organLike(s) &&
			endsWithOrgan(s) && i+1 < len(L) && reNumber.MatchString(L[i+1].text) {
			im.mark(l, splitNames(s), "")
			i++
			continue
		}
		if m := reNumber.FindStringSubmatchIndex(s); m != nil && doc.Number == "" {
			im.number(l, m)
			i++
			continue
		}
		if m := reSigner.FindStringSubmatchIndex(s); m != nil && len(doc.Signers) == 0 {
			im.signers(l, m[2])
			i++
			continue
		}
		if (doc.MarkSuffix == "令" || doc.MarkSuffix == "命令") && doc.OrderNumber == "" && reOrder.MatchString(s) {
			doc.OrderNumber = s
			im.setLine(PathOrderNumber, l, 0)
			i++
			continue
		}
		if (doc.MarkSuffix == "令" || doc.MarkSuffix == "命令") && doc.OrderNumber == "" && isParenthesized(s) && reOrder.MatchString(innerOf(s)) {
			// （第21号）: the 令号 in brackets as web pages show it
			doc.OrderNumber = innerOf(s)
			im.setLine(PathOrderNumber, l, 1)
			i++
			continue
		}
		if doc.MarkSuffix == "纪要" && doc.Number == "" && reIssue.MatchString(s) {
			doc.Number = s
			im.setLine(PathNumber, l, 0)
			i++
			continue
		}
		break
	}
	return i
}

// mark records a 发文机关标志 line.
func (im *importer) mark(l textLine, names []string, suf string) {
	doc := im.doc
	doc.MarkSuffix = suf
	s := l.text
	if suf != "" {
		im.setLine(PathMarkSuffix, l, runeLen(s)-runeLen(suf))
	}
	if suf == "纪要" {
		doc.MeetingName = strings.TrimRightFunc(strings.TrimSuffix(s, suf), isBlank)
		im.setLine(PathMeetingName, l, 0)
		return
	}
	nm, offs := splitNamesPos(strings.TrimSuffix(s, suf))
	for k := range nm {
		im.markNames = append(im.markNames, placed{text: nm[k], pos: im.pos(l, offs[k])})
	}
}

// number records a 发文字号 line (m from reNumber), with the 签发人 that may follow it.
func (im *importer) number(l textLine, m []int) {
	s := l.text
	im.setNormalized(&im.doc.Number, PathNumber, "发文字号", l, 0, s[m[2]:m[3]], normalizeNumber)
	if m[4] >= 0 {
		sub := s[m[4]:m[5]]
		if mm := reSigner.FindStringSubmatchIndex(sub); mm != nil {
			im.signersAt(l, s, m[4]+mm[2])
		}
	}
}

// signers records the names of a 签发人 line; start is the byte index of the names in l.text.
func (im *importer) signers(l textLine, start int) { im.signersAt(l, l.text, start) }

func (im *importer) signersAt(l textLine, s string, start int) {
	names, offs := splitNamesPos(s[start:])
	base := runeLen(s[:start])
	for k, nm := range names {
		im.src.Set("signers."+strconv.Itoa(len(im.doc.Signers)), Seg{Pos: im.pos(l, base+offs[k])})
		im.doc.Signers = append(im.doc.Signers, nm)
	}
	if len(names) == 0 {
		// "签发人：" with no name: keep the line's text somewhere visible.
		im.src.Set("signers.0", Seg{Pos: im.pos(l, 0)})
		im.doc.Signers = append(im.doc.Signers, "")
	}
}

// title reads the 标题 from L[i]: up to five short lines, the last one ending in a 文种
// (or, failing that, a block of up to three lines followed by a 发文字号 or a 主送).
func (im *importer) title(i int) int {
	L := im.L
	var cand []textLine
	found := false
	for k := i; k < len(L) && len(cand) < 5; k++ {
		s := L[k].text
		if reNumber.MatchString(s) || reSigner.MatchString(s) || isRecipientsLine(s, true) ||
			runeLen(s) > 80 || hasListMarker(s) || isDateLine(s) || reAttachHead.MatchString(s) ||
			strings.ContainsAny(strings.TrimSuffix(s, "。"), "，。；") {
			break
		}
		if ds, ok := letterSpaced(s); ok {
			s = ds // 关 于 某 某 的 通 知, spaced out
		}
		g := im.genres.TitleEnding(s)
		if endsSentence(s) && (g == "" || !strings.HasSuffix(s, "。")) {
			break
		}
		cand = append(cand, L[k])
		if g != "" {
			found = true
			break
		}
	}
	if !found {
		if len(cand) == 0 || len(cand) > 3 {
			return i
		}
		next := i + len(cand)
		if next >= len(L) || !(reNumber.MatchString(L[next].text) || isRecipientsLine(L[next].text, true)) {
			return i
		}
	}
	sep := "\n" // the author's breaks, as the title was typeset
	for _, l := range cand {
		if len(cand) > 1 && titleCells(l.text) > titleLineCells {
			// a line longer than a printed title line holds: the breaks are a web page's
			// wrap, not the author's, and the layout breaks the title itself
			sep = ""
			break
		}
	}
	im.setTitleLines(&im.doc.Title, PathTitle, cand, sep)
	return i + len(cand)
}

// setTitleLines is setJoined for the lines of a title, which drops the blanks of a
// letter-spaced line (协 调 委 员 会 组 建 方 案, spaced out to fill a printed line: the layout
// spaces a title itself) and reports it.
func (im *importer) setTitleLines(dst *string, path string, lines []textLine, sep string) {
	var b strings.Builder
	var segs []Seg
	off := 0
	for k, l := range lines {
		if k > 0 {
			b.WriteString(sep)
			off += runeLen(sep)
		}
		ds, ok := letterSpaced(l.text)
		if !ok {
			segs = append(segs, Seg{Off: off, Pos: im.pos(l, 0)})
			b.WriteString(l.text)
			off += runeLen(l.text)
			continue
		}
		for _, sg := range im.spacedSegs(l, 0, runeLen(ds)) {
			sg.Off += off
			segs = append(segs, sg)
		}
		b.WriteString(ds)
		off += runeLen(ds)
		im.doc.Warnings = append(im.doc.Warnings, Error{File: im.src.File, Line: l.num, Col: l.lead + 1,
			Msg: "标题行“" + l.text + "”字间的空格已删去（标题的字距由排版决定） (letter spacing removed from a title line)"})
	}
	if len(segs) == 0 {
		return
	}
	*dst = b.String()
	im.src.Set(path, segs...)
}

// titleLineCells is how many characters a printed title line holds: 2号 (22 pt, 7.76 mm) on
// the 156 mm line of the 版心 takes 20.
const titleLineCells = 20

// titleCells is the width of a title line in full-width characters (a half-width one is half).
func titleCells(s string) float64 {
	return float64(dispWidth(s)) / 2
}

// afterTitle reads a 题注, a 发文字号 and a 签发人 line after the title (web versions put the
// number under the title).
func (im *importer) afterTitle(i int) int {
	L, doc := im.L, im.doc
	for i < len(L) {
		l := L[i]
		s := l.text
		switch {
		case doc.Number == "" && im.numberForms(l):
		case doc.Title != "" && doc.TitleNote == "" && isParenthesized(s) && runeLen(s) <= 80 &&
			(strings.Contains(s, "通过") || strings.Contains(s, "批准") || strings.Contains(s, "发布") || strings.Contains(s, "年")):
			doc.TitleNote = s
			im.titleNoteLine = l
			im.setLine(PathTitleNote, l, 0)
		case doc.Number == "" && reNumber.MatchString(s):
			im.number(l, reNumber.FindStringSubmatchIndex(s))
		case doc.Title != "" && doc.Number == "" && doc.MarkSuffix == "" && len(im.markNames) == 0 &&
			organLike(s) && endsWithOrgan(s) && !isClosing(s) && i+1 < len(L) && reNumber.MatchString(L[i+1].text):
			// 信函格式 as web pages show it: the title, then the organ's name alone (the mark)
			// right above the 发文字号
			im.mark(l, splitNames(s), "")
		case len(doc.Signers) == 0 && reSigner.MatchString(s):
			im.signers(l, reSigner.FindStringSubmatchIndex(s)[2])
		default:
			return i
		}
		i++
	}
	return i
}

// banji reads the 版记 from the end: 印发 line, 抄送 (over one or more lines), 主送 in the
// 版记. It returns the index of its first line (len(L) when there is none); lo bounds it.
func (im *importer) banji(lo int) int {
	L, doc := im.L, im.doc
	start := len(L)
	k := len(L) - 1
	for k >= lo {
		l := L[k]
		s := l.text
		if m := rePrinted.FindStringSubmatchIndex(s); m != nil && doc.PrintDate == "" && start == len(L) && validDate(s[m[4]:m[5]]) {
			doc.Printer = strings.TrimRightFunc(s[m[2]:m[3]], isBlank)
			if doc.Printer != "" {
				im.setLine(PathPrinter, l, 0)
			}
			im.setNormalized(&doc.PrintDate, PathPrintDate, "印发日期", l, runeLen(s[:m[4]]), strings.TrimSpace(s[m[4]:m[5]]), normalizeDate)
			start = k
			k--
			if doc.Printer == "" && k >= lo && im.printerAbove(lo, k) {
				// the 印发机关 on its own line (its own cell of a 版记 table) above the date
				doc.Printer = L[k].text
				im.setLine(PathPrinter, L[k], 0)
				start = k
				k--
			}
			continue
		}
		if doc.CC == "" && !im.taken(PathCC) {
			// a 抄送 line, possibly continued on the lines below it (up to start)
			j := -1
			for t := k; t >= lo && k-t <= 3; t-- {
				if reCC.MatchString(L[t].text) {
					j = t
					break
				}
				if rePrinted.MatchString(L[t].text) || reBanjiTo.MatchString(L[t].text) {
					break
				}
			}
			if j >= 0 {
				loc := reCC.FindStringIndex(L[j].text)
				first := L[j]
				first.text, _ = restOf(first.text, loc[1])
				first.lead += runeLen(L[j].text[:loc[1]])
				lines := append([]textLine{first}, L[j+1:k+1]...)
				im.setJoined(&doc.CC, PathCC, lines, "")
				start = j
				k = j - 1
				continue
			}
		}
		if loc := reBanjiTo.FindStringIndex(s); loc != nil && doc.Recipients == "" && !im.taken(PathRecipients) {
			doc.Recipients, _ = restOf(s, loc[1])
			doc.RecipientsInBanji = true
			im.setLine(PathRecipients, l, runeLen(s[:loc[1]]))
			start = k
			k--
			continue
		}
		break
	}
	return start
}

// printerAbove reports whether L[k], the line above a 印发 line that names no organ, is the
// 印发机关: an organ's name alone that follows a 抄送 (or its wrapped lines), the 成文日期 or a
// 附注, so that it is not a 署名.
func (im *importer) printerAbove(lo, k int) bool {
	L := im.L
	s := L[k].text
	if !organLike(s) || !endsWithOrgan(s) || reCC.MatchString(s) || reBanjiTo.MatchString(s) {
		return false
	}
	if k-1 < lo {
		return false
	}
	prev := L[k-1].text
	if isDateLine(prev) || isParenthesized(prev) {
		return true
	}
	for t := k - 1; t >= lo && t >= k-4; t-- {
		if reCC.MatchString(L[t].text) {
			return true
		}
	}
	return false
}

// notesStart finds a 附件说明 ending just before end: a line opening with 附件： followed by
// numbered names. It returns end when there is none.
func (im *importer) notesStart(lo, end int) int {
	L := im.L
	k := end - 1
	for k >= lo && reNoteNumber.MatchString(L[k].text) && !reNotesStart.MatchString(L[k].text) {
		k--
	}
	if k >= lo && reNotesStart.MatchString(L[k].text) {
		return k
	}
	return end
}

// notes reads the 附件说明 lines L[from:to].
func (im *importer) notes(from, to int) {
	if from >= to {
		return
	}
	L, doc := im.L, im.doc
	first := L[from]
	loc := reNotesStart.FindStringIndex(first.text)
	doc.AttachmentNotesLabel = strings.TrimRightFunc(first.text[:loc[1]], isBlank)
	im.setLine(PathAttachmentNotesLabel, first, 0)
	type item struct {
		lines []textLine
	}
	var items []item
	for k := from; k < to; k++ {
		l := L[k]
		if k == from {
			rest, off := restOf(l.text, loc[1])
			l.text, l.lead = rest, l.lead+off
			if l.text == "" {
				continue
			}
		}
		if m := reNoteNumber.FindStringIndex(l.text); m != nil {
			rest, off := restOf(l.text, m[1])
			l.text, l.lead = rest, l.lead+off
			items = append(items, item{lines: []textLine{l}})
			continue
		}
		if len(items) == 0 || l.afterBlank {
			items = append(items, item{lines: []textLine{l}})
		} else {
			it := &items[len(items)-1]
			it.lines = append(it.lines, l)
		}
	}
	// "1.甲 2.乙 3.丙" on one line: one item a name
	var split []item
	for _, it := range items {
		if len(it.lines) != 1 {
			split = append(split, it)
			continue
		}
		l := it.lines[0]
		locs := reNoteItems.FindAllStringIndex(l.text, -1)
		if len(locs) == 0 {
			split = append(split, it)
			continue
		}
		prev := 0
		for _, loc := range append(locs, []int{len(l.text), len(l.text)}) {
			part := l
			part.text = l.text[prev:loc[0]]
			part.lead = l.lead + runeLen(l.text[:prev])
			if part.text != "" {
				split = append(split, item{lines: []textLine{part}})
			}
			prev = loc[1]
		}
	}
	items = split
	for _, it := range items {
		idx := len(doc.AttachmentNotes)
		doc.AttachmentNotes = append(doc.AttachmentNotes, "")
		im.setJoined(&doc.AttachmentNotes[idx], "attachment_notes."+strconv.Itoa(idx), it.lines, "")
	}
}

// signature reads the 署名 lines (one organ a line, or several on a line
// separated by blanks). For a 命令 a single "省长　张三" line is the 签名章's title and name.
func (im *importer) signature(lines []textLine) {
	doc := im.doc
	if len(lines) == 0 {
		return
	}
	if (doc.MarkSuffix == "令" || doc.MarkSuffix == "命令") && len(lines) == 1 {
		names, offs := splitNamesPos(lines[0].text)
		if len(names) == 3 && runeLen(names[1]) == 1 && runeLen(names[2]) == 1 {
			// 市长　张　三: a two-character name spaced out to the width of three
			doc.SignerTitle, doc.SignerName = names[0], names[1]+names[2]
			doc.SignOff = SignOffSignature
			im.setLine(PathSignerTitle, lines[0], offs[0])
			im.src.Set(PathSignerName, Seg{Pos: im.pos(lines[0], offs[1])}, Seg{Off: 1, Pos: im.pos(lines[0], offs[2])})
			return
		}
		if len(names) == 2 {
			doc.SignerTitle, doc.SignerName = names[0], names[1]
			doc.SignOff = SignOffSignature
			im.setLine(PathSignerTitle, lines[0], offs[0])
			im.setLine(PathSignerName, lines[0], offs[1])
			return
		}
	}
	for _, l := range lines {
		if groups, ok := letterSpacedNames(l.text); ok {
			// 国　务　院: one name, letter-spaced (names apart by wider gaps)
			for _, g := range groups {
				segs := im.spacedSegs(l, g.from, g.to)
				im.sigNames = append(im.sigNames, placed{g.name, segs[0].Pos, segs})
			}
			continue
		}
		names, offs := splitNamesPos(l.text)
		for k := range names {
			im.sigNames = append(im.sigNames, placed{text: names[k], pos: im.pos(l, offs[k])})
		}
	}
}

// buildIssuers pairs the names of the mark with those of the 署名.
func (im *importer) buildIssuers() {
	n := max(len(im.markNames), len(im.sigNames))
	for k := 0; k < n; k++ {
		var is Issuer
		p := "issuers." + strconv.Itoa(k) + "."
		if k < len(im.sigNames) {
			is.Name = im.sigNames[k].text
			im.src.Set(p+"name", im.sigNames[k].at()...)
			if k < len(im.markNames) {
				// The mark's place is recorded even when its text equals the name (and so
				// Mark stays empty, meaning "the name"): findings on the mark point there.
				if im.markNames[k].text != is.Name {
					is.Mark = im.markNames[k].text
				}
				if is.Mark != "" {
					im.src.Set(p+"mark", im.markNames[k].at()...)
				} else {
					im.src.Set(p+"mark", Seg{Pos: im.markNames[k].pos})
				}
			}
		} else {
			is.Name = im.markNames[k].text
			im.src.Set(p+"name", im.markNames[k].at()...)
			im.src.Set(p+"mark", Seg{Pos: im.markNames[k].pos})
		}
		im.doc.Issuers = append(im.doc.Issuers, is)
	}
}

// NotFound lists, in Chinese with English, the elements an imported document should have and
// the importer did not find (标题, not of a 命令 or 纪要, which have none; 发文字号 under a 版头;
// 主送机关 of a 上行文 or 平行文; 发文机关, not of a 纪要, which is unsigned; 成文日期), for the
// import report. Nil when nothing is missing.
func NotFound(doc *Document) []string {
	var out []string
	if doc.Title == "" && doc.Format != FormatOrder && doc.Format != FormatMinutes {
		// a 命令 or 纪要 has none: its mark names it
		out = append(out, "标题 (title)")
	}
	if doc.Number == "" && (doc.Format == FormatFile || doc.Format == FormatLetter) && doc.MarkSuffix != "" {
		out = append(out, "发文字号 (number)")
	}
	if doc.Recipients == "" && doc.Direction != DirectionDown {
		out = append(out, "主送机关 (recipients)")
	}
	if len(doc.Issuers) == 0 && doc.SignOff != SignOffNone && doc.Format != FormatMinutes {
		out = append(out, "发文机关 (issuer)")
	}
	if doc.Date == "" && doc.SignOff != SignOffNone {
		out = append(out, "成文日期 (date)")
	}
	return out
}

// isLetterNumber reports whether a 发文字号's 机关代字 ends in 函 (国函, 国办函, 浙政办函).
func isLetterNumber(num string) bool {
	k := strings.IndexAny(num, "〔[［【〖（(")
	return k > 0 && strings.HasSuffix(strings.TrimSpace(num[:k]), "函")
}

// validDate reports whether s is a date once normalised (blanks inside, look-alikes of 〇).
func validDate(s string) bool { return isDateText(s) }

// isDecoration reports a line that carries no text of the document: a rule drawn with
// characters (the 版头 separator or the 版记 lines pasted as ─── or ———) or a page number
// (— 2 —, 第2页) copied from a printed or PDF page. The layout makes these itself.
func isDecoration(s string) bool {
	if rePageNumber.MatchString(s) {
		return true
	}
	n := 0
	for _, r := range s {
		switch {
		case r >= 0x2500 && r <= 0x257F, strings.ContainsRune("—–-_＿=＝－", r):
			n++
		case isBlank(r):
		default:
			return false
		}
	}
	return n >= 3
}

// isClosing reports a 结束语 such as 特此通知 (without its 。), which is not a 署名.
func isClosing(s string) bool {
	return strings.HasPrefix(s, "特此") || strings.HasPrefix(s, "此复") || strings.HasPrefix(s, "妥否") ||
		strings.HasPrefix(s, "以上") || strings.HasPrefix(s, "当否")
}

// attendanceLine reads a 出席/请假/列席 line of a 纪要, or a line continuing the list above
// it (出席：张三、李四、 / 王五、赵六; a blank line ends a list); it reports whether l was one.
func (im *importer) attendanceLine(l textLine) bool {
	if im.attendance(l) {
		return true
	}
	a := im.attCont
	im.attCont = nil
	s := l.text
	if a == nil || l.afterBlank || runeLen(s) > 200 || hasListMarker(s) || reAttendance.MatchString(s) ||
		strings.ContainsAny(s, "。！？；：:") {
		return false
	}
	segs := im.src.spans[a.path]
	im.src.Set(a.path, append(segs, Seg{Off: runeLen(*a.dst), Pos: im.pos(l, 0)})...)
	*a.dst += s
	im.contAttendance(a, s)
	return true
}

// contAttendance notes that the list a, whose last line is s, may go on on the next line.
func (im *importer) contAttendance(a *attList, s string) {
	last, _ := utf8.DecodeLastRuneInString(s)
	if s == "" || strings.ContainsRune("、，,", last) {
		im.attCont = a
	}
}

// attendance reads a 出席/请假/列席 line of a 纪要; it reports whether l was one.
func (im *importer) attendance(l textLine) bool {
	loc := reAttendance.FindStringSubmatchIndex(l.text)
	if loc == nil {
		return false
	}
	kind := strings.Join(strings.Fields(l.text[loc[2]:loc[3]]), "")
	var dst *string
	var path string
	switch kind {
	case "出席":
		dst, path = &im.doc.Present, PathPresent
	case "请假":
		dst, path = &im.doc.Absent, PathAbsent
	default:
		dst, path = &im.doc.Attending, PathAttending
	}
	if *dst != "" || im.taken(path) {
		// a second 请假： line (even after a bare label) is not this list: it stays in the body
		return false
	}
	rest, off := restOf(l.text, loc[1])
	*dst = rest
	im.setLine(path, l, off)
	if rest == "" {
		// a bare label: keep its place so the line is accounted for
		im.setLine(path, l, 0)
	}
	im.contAttendance(&attList{dst, path}, rest)
	return true
}

// attachments reads L[from:to] as attachments: each opens with a 附件N line (or, for the
// first, with no label at all, as the 请示 a 转发 notice carries), then a title, then body.
func (im *importer) attachments(from, to int) {
	L, doc := im.L, im.doc
	k := from
	for k < to {
		var a Attachment
		idx := len(doc.Attachments)
		p := "attachments." + strconv.Itoa(idx) + "."
		if reAttachHead.MatchString(L[k].text) {
			a.Label = L[k].text
			im.setLine(p+"label", L[k], 0)
			k++
		}
		end := k
		for end < to && !reAttachHead.MatchString(L[end].text) {
			end++
		}
		nt := attachTitleLines(L[k:end], im.genres)
		im.setTitleLines(&a.Title, p+"title", L[k:k+nt], "\n")
		a.Body = im.paragraphs(L[k+nt:end], p+"body")
		doc.Attachments = append(doc.Attachments, a)
		k = end
	}
}

// attachTitleLines says how many of the first lines of an attachment are its title.
func attachTitleLines(ls []textLine, genres Genres) int {
	ok := func(s string) bool {
		return runeLen(s) <= 40 && !hasListMarker(s) && !endsSentence(s) && !isDateLine(s) &&
			!isRecipientsLine(s, true)
	}
	if len(ls) == 0 || !ok(ls[0].text) {
		return 0
	}
	n := 1
	if genres.TitleEnding(ls[0].text) == "" {
		for j := 1; j < len(ls) && j <= 2 && ok(ls[j].text); j++ {
			if genres.TitleEnding(ls[j].text) != "" {
				n = j + 1
				break
			}
		}
	}
	if n < len(ls) && isParenthesized(ls[n].text) && runeLen(ls[n].text) <= 30 {
		n++
	}
	return n
}

// setJoined sets *dst to the texts of lines joined by sep, recording one Seg a line.
func (im *importer) setJoined(dst *string, path string, lines []textLine, sep string) {
	if len(lines) == 0 {
		return
	}
	var b strings.Builder
	segs := make([]Seg, 0, len(lines))
	off := 0
	for k, l := range lines {
		if k > 0 {
			b.WriteString(sep)
			off += runeLen(sep)
		}
		segs = append(segs, Seg{Off: off, Pos: im.pos(l, 0)})
		b.WriteString(l.text)
		off += runeLen(l.text)
	}
	*dst = b.String()
	im.src.Set(path, segs...)
}

// paragraphs turns body lines into paragraphs. Each line is a paragraph, unless it continues
// a hard-wrapped one: the text is wrapped (several lines reach the same width) and the line
// before reaches it without ending a sentence, or the paragraphs are indented and this line
// is not. Up to two characters of indentation (the 首行缩进) are dropped; deeper indentation,
// used to align lists, is kept.
func (im *importer) paragraphs(lines []textLine, prefix string) []string {
	if len(lines) == 0 {
		return nil
	}
	widths := make([]int, len(lines))
	indents := make([]int, len(lines))
	maxW := 0
	for k, l := range lines {
		indents[k] = dispWidth(leadOf(l))
		widths[k] = indents[k] + dispWidth(l.text)
		maxW = max(maxW, widths[k])
	}
	near, indented := 0, 0
	for k := range lines {
		if widths[k] >= maxW-6 {
			near++
		}
		if indents[k] >= 2 && indents[k] <= 4 {
			indented++
		}
	}
	wrapped := len(lines) >= 4 && near >= 3 && near*4 >= len(lines) && maxW >= 20 && maxW <= 240
	indentMode := indented >= 2 && indented*2 >= len(lines)
	var out []string
	var segs []Seg
	var cur strings.Builder
	off := 0
	flush := func() {
		if len(segs) == 0 {
			return
		}
		im.src.Set(prefix+"."+strconv.Itoa(len(out)), segs...)
		out = append(out, cur.String())
		cur.Reset()
		segs, off = nil, 0
	}
	for k, l := range lines {
		cont := false
		if k > 0 && !hasListMarker(l.text) && !l.afterBlank {
			prev := lines[k-1].text
			switch {
			case wrapped && widths[k-1] >= maxW-6 && !endsSentence(prev) && indents[k] < 2:
				cont = true
			case indentMode && indents[k] == 0 && indents[k-1] >= 0 && !endsSentence(prev):
				cont = true
			}
		}
		if cont {
			prev := lines[k-1].text
			if needsSpace(prev, l.text) {
				cur.WriteByte(' ')
				off++
			}
			segs = append(segs, Seg{Off: off, Pos: im.pos(l, 0)})
			cur.WriteString(l.text)
			off += runeLen(l.text)
			continue
		}
		flush()
		keep := keptIndent(leadOf(l))
		segs = append(segs, Seg{Off: 0, Pos: Pos{Line: l.num, Col: l.lead + 1 - runeLen(keep)}})
		cur.WriteString(keep)
		cur.WriteString(l.text)
		off = runeLen(keep) + runeLen(l.text)
	}
	flush()
	return out
}

// leadOf returns the leading blanks of a line.
func leadOf(l textLine) string {
	rs := []rune(l.raw)
	if l.lead > len(rs) {
		return ""
	}
	return string(rs[:l.lead])
}

// keptIndent drops up to 4 display columns (two full-width spaces) of indentation and
// returns the rest.
func keptIndent(lead string) string {
	w := 0
	for i, r := range lead {
		rw := dispWidth(string(r))
		if r == '\t' {
			rw = 4
		}
		if w+rw > 4 {
			return lead[i:]
		}
		w += rw
	}
	return ""
}

func needsSpace(prev, next string) bool {
	a, _ := utf8.DecodeLastRuneInString(prev)
	b, _ := utf8.DecodeRuneInString(next)
	isLetter := func(r rune) bool { return r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') }
	return isLetter(a) && isLetter(b)
}

// guess sets Format, Direction and Genre from the mark and the title's 文种, as the genre
// table says: a mark ending in 命令, 令, 纪要 or 文件 decides the format, then a 函-series
// number (信函格式), then the genre; 签发人 make a document 上行文.
func (im *importer) guess() {
	doc := im.doc
	switch doc.MarkSuffix {
	case "命令", "令":
		doc.Format = FormatOrder
	case "纪要":
		doc.Format = FormatMinutes
	case "文件":
		doc.Format = FormatFile
	}
	if doc.Format == "" && doc.MarkSuffix == "" && isLetterNumber(doc.Number) {
		// 国函〔2018〕145号, 国办函, 浙政函: numbers of the 函 series take the 信函格式
		doc.Format = FormatLetter
	}
	g := im.genres.OfTitle(doc.Title)
	if g == nil && doc.Format == FormatMinutes {
		g = im.genres.OfFormat(FormatMinutes) // a 纪要 mark names the genre
	}
	if g != nil {
		doc.Genre = g.ID
		if doc.Format == "" {
			doc.Format = g.Format
		}
		doc.Direction = g.Direction
	}
	if doc.Format == "" {
		doc.Format = FormatFile
	}
	if doc.Direction == "" {
		doc.Direction = DirectionDown
	}
	if len(doc.Signers) > 0 {
		doc.Direction = DirectionUp
	}
}
