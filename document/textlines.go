package document

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/width"
)

// textLine is one line of an imported text (or one paragraph of a .docx).
type textLine struct {
	num  int    // 1-based line number in the input
	text string // the line without its leading and trailing blanks
	lead int    // number of leading blank characters (the column of text is lead+1)
	raw  string // the line without its ending
	// afterBlank is true when a blank line comes before this one: the importer never joins
	// lines that a blank line separates.
	afterBlank bool
}

// decodeText turns the bytes of a .txt into text: UTF-8 (with or without BOM), UTF-16 with
// a BOM, or GB18030/GBK when the bytes say so (see decodeTextReport).
func decodeText(file string, data []byte) (string, error) {
	text, _, err := decodeTextReport(file, data)
	return text, err
}

// MaxReportedBadBytes is how many places of bytes that are not UTF-8 a text import reports;
// more are summed up in one last warning.
const MaxReportedBadBytes = 20

// decodeTextReport turns the bytes of a .txt into text. UTF-8 (with or without BOM) and
// UTF-16 with a BOM are read as such. Bytes that are not valid UTF-8 are read as GB18030/GBK
// only when the bytes say so: they decode as GB18030 and encode back to the same bytes, and
// the valid UTF-8 sequences beyond ASCII are not the great majority (at most 20 times the
// places of invalid bytes). Otherwise the text is UTF-8 with some bad bytes (a file cut or
// damaged in one place): each bad byte becomes U+FFFD and is reported by line and column.
func decodeTextReport(file string, data []byte) (string, []Error, error) {
	if len(data) > MaxInputSize {
		return "", nil, &Error{File: file, Msg: fmt.Sprintf("文件过大（超过 %d MB）", MaxInputSize>>20), Err: ErrTooLarge}
	}
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		out, err := xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return "", nil, &Error{File: file, Msg: "无法读取 UTF-16 编码的文本：" + err.Error()}
		}
		return string(out), nil, nil
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return "", nil, &Error{File: file, Msg: "这不是纯文本文件（含有二进制内容）；Word 文档请用 .docx 导入"}
	}
	if utf8.Valid(data) {
		return string(data), nil, nil
	}
	valid, bad := utf8Census(data)
	if valid <= 20*bad {
		if out, ok := gb18030Exact(data); ok {
			return out, nil, nil
		}
	}
	if valid == 0 {
		return "", nil, &Error{File: file, Msg: "无法识别文本编码（既不是 UTF-8 也不是 GBK/GB18030）"}
	}
	return badUTF8(file, data)
}

// utf8Census counts the valid UTF-8 sequences beyond ASCII and the places of invalid bytes
// (a run of invalid bytes counts once).
func utf8Census(data []byte) (valid, bad int) {
	inBad := false
	for len(data) > 0 {
		r, n := utf8.DecodeRune(data)
		switch {
		case r == utf8.RuneError && n <= 1:
			if !inBad {
				bad++
			}
			inBad = true
		default:
			if n > 1 {
				valid++
			}
			inBad = false
		}
		data = data[n:]
	}
	return valid, bad
}

// gb18030Exact decodes GB18030 bytes that encode back byte for byte.
func gb18030Exact(data []byte) (string, bool) {
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil || !utf8.Valid(out) {
		return "", false
	}
	back, err := simplifiedchinese.GB18030.NewEncoder().Bytes(out)
	if err != nil || !bytes.Equal(back, data) {
		return "", false
	}
	return string(out), true
}

// badUTF8 reads data as UTF-8, each invalid byte as U+FFFD, with a warning at the place of
// each run of invalid bytes (line, and column in characters as the decoded line counts them).
func badUTF8(file string, data []byte) (string, []Error, error) {
	var b strings.Builder
	b.Grow(len(data) + 16)
	var warns []Error
	line, col, total := 1, 1, 0
	inBad := false
	for len(data) > 0 {
		r, n := utf8.DecodeRune(data)
		if r == utf8.RuneError && n <= 1 {
			if !inBad {
				total++
				if total <= MaxReportedBadBytes {
					warns = append(warns, Error{File: file, Line: line, Col: col,
						Msg: fmt.Sprintf("此处的字节 0x%02X 不是有效的 UTF-8，已作为 U+FFFD 读入：文件可能在此处损坏，请核对原文 (invalid UTF-8 byte)", data[0])})
				}
			}
			inBad = true
			b.WriteRune(utf8.RuneError)
			col++
			data = data[1:]
			continue
		}
		inBad = false
		b.WriteRune(r)
		if r == '\n' {
			line, col = line+1, 1
		} else if r != '\r' {
			col++
		} else if len(data) > 1 && data[1] != '\n' {
			line, col = line+1, 1
		}
		data = data[n:]
	}
	if total > MaxReportedBadBytes {
		warns = append(warns, Error{File: file, Msg: fmt.Sprintf("另有 %d 处无效的 UTF-8 字节未逐一列出 (more invalid bytes)", total-MaxReportedBadBytes)})
	}
	return b.String(), warns, nil
}

// splitTextLines splits text into lines (\n, \r\n or \r), numbering them from 1.
func splitTextLines(text string) []textLine {
	text = strings.TrimPrefix(text, "\ufeff")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	raw := strings.Split(text, "\n")
	out := make([]textLine, 0, len(raw))
	for i, r := range raw {
		// Each line is a string of its own: a name or a date the document keeps from one
		// line would otherwise keep the whole decoded input alive (8 MB for a 5000-page text).
		out = append(out, makeLine(i+1, strings.Clone(r)))
	}
	return out
}

func makeLine(num int, raw string) textLine {
	// A BOM or other format character inside a line is kept in raw but not in text.
	t := strings.TrimLeftFunc(raw, isBlank)
	lead := utf8.RuneCountInString(raw) - utf8.RuneCountInString(t)
	return textLine{num: num, raw: raw, text: strings.TrimRightFunc(t, isBlank), lead: lead}
}

func isBlank(r rune) bool {
	return unicode.IsSpace(r) || r == '\ufeff' || r == '\u200b'
}

// dispWidth is the display width of s: 2 for wide (CJK, full-width) characters, 1 otherwise.
func dispWidth(s string) int {
	w := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			w += 2
		default:
			w++
		}
	}
	return w
}

func runeLen(s string) int { return utf8.RuneCountInString(s) }

// ---- line forms ----

var (
	reCopyNumber = lazyRE(`^(?:份号[：:]\s*)?([0-9０-９]{6})$`)
	reClassified = lazyRE(`^(绝密|机密|秘密)(?:\s*[★☆*＊]\s*([^\s]+))?(?:\s+(特急|加急))?$`)
	reUrgency    = lazyRE(`^(特急|加急|特提|平急)$`)
	// 发文字号: an organ code, the year in brackets, the serial and 号; 签发人 may follow.
	reNumber = lazyRE(`^([^\s，。、；：:《》“”"（）()]{0,24}?[\s　]*[〔\[［【〖﹝（(]\s*[0-9０-９]{2,4}\s*[〕\]］】〗﹞）)]\s*第?\s*[0-9０-９]+\s*号)(?:[\s　]+(签发人[：:].*))?$`)
	reSigner = lazyRE(`^签\s*发\s*人\s*[：:]\s*(.*)$`)
	reOrder  = lazyRE(`^第\s*[0-9０-９一二三四五六七八九十百零〇]+\s*号$`)
	// reOrderMark is a 命令 mark with its 令号 on the same line, in brackets or after a blank
	// (中华人民共和国主席令（九届第37号）, 某某省人民政府令 第5号); the 令号 may name the 届.
	reOrderMark = lazyRE(`^(\S{2,20}?令)[\s　]*[（(]?\s*((?:[一二三四五六七八九十]+\s*届\s*)?第\s*[0-9０-９一二三四五六七八九十百零〇]+\s*号)\s*[）)]?$`)
	reIssue     = lazyRE(`^(?:[〔\[［【（(]\s*[0-9０-９]{4}\s*[〕\]］】）)]\s*)?第\s*[0-9０-９一二三四五六七八九十百零〇]+\s*期$`)
	// list markers at the start of a line: 一、 （一） 1. （1） 1、 第一条 …
	reListMarker = lazyRE(`^(?:[（(]\s*[一二三四五六七八九十百0-9０-９]+\s*[）)]|[一二三四五六七八九十百]+\s*[、.．]|[0-9０-９]+\s*[、.．)）]|第[一二三四五六七八九十百零0-9]+[条章节部分项])`)
	reNoteNumber = lazyRE(`^[0-9０-９]+\s*[.．、]\s*`)
	reNotesStart = lazyRE(`^(附\s*件\s*[：:]|附\s*[：:])\s*`)
	reAttachHead = lazyRE(`^(?:附\s*件\s*[0-9０-９一二三四五六七八九十]*\s*[：:]?|附\s*[：:]|附\s*表\s*[0-9０-９]*\s*[：:]?)$`)
	reCC         = lazyRE(`^(?:抄\s*送|抄\s*报)\s*[：:]\s*`)
	reBanjiTo    = lazyRE(`^主\s*送\s*[：:]\s*`)
	rePrinted    = lazyRE(`^(.*?)[\s　]*([0-9０-９]{4}\s*年\s*[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日|[〇○◯零OoОоＯｏ0０一二三四五六七八九]{4}\s*年\s*[元正一二三四五六七八九十]{1,3}\s*月\s*[一二三四五六七八九十]{1,3}\s*日|[0-9]{4}[-./][0-9]{1,2}[-./][0-9]{1,2})\s*印\s*发$`)
	reAttendance = lazyRE(`^(出\s*席|请\s*假|列\s*席)(?:人员|同志|领导|单位)?\s*[：:]\s*`)
	reSigDate    = lazyRE(`^(\S.*?)[\s　]{1,}([0-9０-９]{4}\s*年\s*[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日|[〇○◯零OoОоＯｏ0０一二三四五六七八九]{4}\s*年\s*[元正一二三四五六七八九十]{1,3}\s*月\s*[一二三四五六七八九十]{1,3}\s*日)$`)
	reNoteWords  = lazyRE(`^(此件|本件|本文|联系人|联系电话)`)
	rePageNumber = lazyRE(`^(?:[—–\-－]\s*[0-9０-９]+\s*[—–\-－]|第\s*[0-9]+\s*页(?:\s*[，,]?\s*共\s*[0-9]+\s*页)?)$`)
)

// endsSentence reports whether a line ends a sentence or a clause that introduces a list.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, "”’」』\"'）)")
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune("。！？；…：:!?;.", r)
}

func hasListMarker(s string) bool { return reListMarker.MatchString(s) }

// isParenthesized reports whether s is wholly in round brackets.
func isParenthesized(s string) bool {
	return (strings.HasPrefix(s, "（") || strings.HasPrefix(s, "(")) &&
		(strings.HasSuffix(s, "）") || strings.HasSuffix(s, ")")) && runeLen(s) >= 2
}

// isDateLine reports whether the whole line is a date, blanks inside and look-alikes of 〇
// allowed (normalizeDate).
func isDateLine(s string) bool {
	return runeLen(dropBlanks(s)) <= 20 && isDateText(s)
}

// organSuffixes end the names of organs (and of groups of them, as in 主送 lines).
var organSuffixes = []string{"政府", "中央", "机构", "部门", "委员会", "局", "厅", "部", "委", "办", "院", "署",
	"会", "处", "室", "司", "所", "兵团", "单位", "公司", "中心", "党组", "党委", "总局", "组", "团", "校", "军区", "大学"}

func endsWithOrgan(s string) bool {
	for _, suf := range organSuffixes {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}

// organLike reports whether a line can be a 署名: short, no sentence punctuation, no marker.
func organLike(s string) bool {
	if s == "" || runeLen(s) > 40 || hasListMarker(s) || isParenthesized(s) || isDateLine(s) {
		return false
	}
	if strings.ContainsAny(s, "，。；：:！？、《》“”,;!?\"") {
		return false
	}
	if strings.HasPrefix(s, "附") || strings.HasPrefix(s, "抄送") {
		return false
	}
	return true
}

// isMarkLine reports whether s is a 发文机关标志 and returns its parts.
func isMarkLine(s string) (names []string, suffix string, ok bool) {
	if runeLen(s) > 40 || strings.ContainsAny(s, "，。；：:、！？《》“”") || strings.Contains(s, "关于") {
		return nil, "", false
	}
	compact := strings.TrimRightFunc(s, isBlank)
	for _, suf := range []string{"文件", "命令", "纪要"} {
		if strings.HasSuffix(compact, suf) && runeLen(compact) > runeLen(suf) {
			return splitNames(strings.TrimSuffix(compact, suf)), suf, true
		}
	}
	if strings.HasSuffix(compact, "令") && runeLen(compact) <= 20 && runeLen(compact) > 2 {
		return splitNames(strings.TrimSuffix(compact, "令")), "令", true
	}
	return nil, "", false
}

var reNameSep = lazyRE(`[\s　]+|[、，,]`)

// splitNames splits a line of names separated by blanks or 、，.
func splitNames(s string) []string {
	var out []string
	for _, p := range reNameSep.Split(strings.TrimSpace(s), -1) {
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

// splitNamesPos is splitNames with the rune offset of each name in s.
func splitNamesPos(s string) (names []string, offs []int) {
	locs := reNameSep.FindAllStringIndex(s, -1)
	prev := 0
	add := func(a, b int) {
		if a < b {
			names = append(names, s[a:b])
			offs = append(offs, runeLen(s[:a]))
		}
	}
	for _, l := range locs {
		add(prev, l[0])
		prev = l[1]
	}
	add(prev, len(s))
	return names, offs
}

// isRecipientsLine reports whether s is a 主送 line: it ends in a colon, or (strict=false)
// it looks like a list of organs with the colon forgotten.
func isRecipientsLine(s string, strict bool) bool {
	if s == "" || hasListMarker(s) || runeLen(s) > 300 || strings.ContainsAny(s, "。！？；") {
		return false
	}
	if strings.HasSuffix(s, "：") || strings.HasSuffix(s, ":") {
		inner := strings.TrimRight(s, "：:")
		// a sentence that introduces what follows (国务院决定对《……》作如下修改：) is body
		return inner != "" && !strings.HasPrefix(s, "附") && !strings.ContainsAny(inner, "：:《》“”") &&
			!strings.Contains(inner, "如下")
	}
	if strict {
		return false
	}
	return endsWithOrgan(s) && !strings.ContainsAny(s, "：:“”《》")
}
