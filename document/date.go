package document

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Date is a calendar date read from a 成文日期 or 印发日期, with how it was written.
type Date struct {
	Year, Month, Day int
	// Chinese is true when the date was written in Chinese numerals (二〇二四年一月五日),
	// the pre-2012 style; GB/T 9704-2012 7.3.5.1 wants Arabic numerals.
	Chinese bool
	// Padded is true when the month or the day has a leading zero (01月, 2024-01-05).
	Padded bool
	// FullWidth is true when Arabic digits were written full-width (２０２４年).
	FullWidth bool
	// Style is the separator style: "年月日" for 2024年1月5日 and the Chinese-numeral forms,
	// or the separator of the numeric forms: "-", ".", "/".
	Style string
}

// String writes the date as GB/T 9704-2012 wants it: 2024年1月5日.
func (d Date) String() string {
	return fmt.Sprintf("%04d年%d月%d日", d.Year, d.Month, d.Day)
}

// Valid reports whether the date exists in the (proleptic Gregorian) calendar.
func (d Date) Valid() bool {
	return d.Year >= 1 && d.Year <= 9999 && d.Month >= 1 && d.Month <= 12 &&
		d.Day >= 1 && d.Day <= daysIn(d.Year, d.Month)
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// errDate is the reason text of date errors; the callers wrap it in an *Error.
var errDate = errors.New("日期格式无效，应写作 2024年1月5日")

// ParseDate reads a date in one of the forms people write: 2024年1月5日, 2024年01月05日,
// 2024-01-05, 2024.1.5, 2024/1/5, 二〇二四年一月五日, 二○二四年元月五日. Surrounding spaces
// are ignored. A date that does not exist (2024年2月30日) is an error whose text, in
// Chinese, says why.
func ParseDate(s string) (Date, error) {
	s = strings.Trim(s, " \t\u3000")
	if s == "" {
		return Date{}, errors.New("日期为空")
	}
	var d Date
	var err error
	if strings.ContainsRune(s, '年') {
		d, err = parseNianYueRi(s)
	} else {
		d, err = parseNumericDate(s)
	}
	if err != nil {
		return Date{}, err
	}
	if d.Month < 1 || d.Month > 12 {
		return Date{}, fmt.Errorf("日期无效：没有%d月", d.Month)
	}
	if d.Year < 1 || d.Year > 9999 {
		return Date{}, fmt.Errorf("日期无效：年份%d超出范围", d.Year)
	}
	if d.Day < 1 || d.Day > daysIn(d.Year, d.Month) {
		return Date{}, fmt.Errorf("日期无效：%d年%d月没有%d日", d.Year, d.Month, d.Day)
	}
	return d, nil
}

// parseNianYueRi reads the 年月日 forms, in Arabic or Chinese numerals.
func parseNianYueRi(s string) (Date, error) {
	y, rest, ok := strings.Cut(s, "年")
	if !ok {
		return Date{}, errDate
	}
	m, rest, ok := strings.Cut(rest, "月")
	if !ok {
		return Date{}, errDate
	}
	dd, rest, ok := strings.Cut(rest, "日")
	if !ok || rest != "" {
		return Date{}, errDate
	}
	d := Date{Style: "年月日"}
	if yn, full, ok := arabicDigits(y); ok {
		mn, fm, ok1 := arabicDigits(m)
		dn, fd, ok2 := arabicDigits(dd)
		if !ok1 || !ok2 || utf8.RuneCountInString(y) != 4 {
			return Date{}, errDate
		}
		d.Year, d.Month, d.Day = yn, mn, dn
		d.FullWidth = full || fm || fd
		d.Padded = leadingZero(m) || leadingZero(dd)
		return d, nil
	}
	yn, ok := chineseYear(y)
	if !ok {
		return Date{}, errDate
	}
	mn, ok1 := chineseSmall(m, true)
	dn, ok2 := chineseSmall(dd, false)
	if !ok1 || !ok2 {
		return Date{}, errDate
	}
	d.Year, d.Month, d.Day, d.Chinese = yn, mn, dn, true
	return d, nil
}

// parseNumericDate reads 2024-01-05, 2024.1.5 and 2024/1/5.
func parseNumericDate(s string) (Date, error) {
	for _, sep := range []string{"-", ".", "/"} {
		parts := strings.Split(s, sep)
		if len(parts) != 3 {
			continue
		}
		y, f1, ok1 := arabicDigits(parts[0])
		m, f2, ok2 := arabicDigits(parts[1])
		dd, f3, ok3 := arabicDigits(parts[2])
		if !ok1 || !ok2 || !ok3 || utf8.RuneCountInString(parts[0]) != 4 {
			return Date{}, errDate
		}
		return Date{Year: y, Month: m, Day: dd, Style: sep,
			FullWidth: f1 || f2 || f3,
			Padded:    leadingZero(parts[1]) || leadingZero(parts[2])}, nil
	}
	return Date{}, errDate
}

// arabicDigits reads 1 to 4 ASCII or full-width digits.
func arabicDigits(s string) (n int, fullWidth bool, ok bool) {
	count := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			n = n*10 + int(r-'0')
		case r >= '０' && r <= '９':
			n = n*10 + int(r-'０')
			fullWidth = true
		default:
			return 0, false, false
		}
		count++
	}
	return n, fullWidth, count >= 1 && count <= 4
}

func leadingZero(s string) bool {
	return (strings.HasPrefix(s, "0") || strings.HasPrefix(s, "０")) && utf8.RuneCountInString(s) > 1
}

// cnYearDigit maps the digits of a year written in Chinese (二〇二四, 二○二四, 二零二四).
var cnYearDigit = map[rune]int{'〇': 0, '○': 0, '零': 0, 'Ｏ': 0, 'O': 0, '0': 0,
	'一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

func chineseYear(s string) (int, bool) {
	rs := []rune(s)
	if len(rs) != 4 {
		return 0, false
	}
	n := 0
	for _, r := range rs {
		v, ok := cnYearDigit[r]
		if !ok {
			return 0, false
		}
		n = n*10 + v
	}
	return n, true
}

// chineseSmall reads a month (元, 一 … 十二) or a day (一 … 三十一) in Chinese numerals.
func chineseSmall(s string, month bool) (int, bool) {
	if month && s == "元" {
		return 1, true
	}
	if s == "" || strings.ContainsRune(s, '元') {
		return 0, false
	}
	n, ok := chineseNumber(s)
	return n, ok
}
