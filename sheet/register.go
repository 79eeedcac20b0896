// Package sheet reads and writes Gongwen's spreadsheets (.xlsx, through github.com/xuri/excelize):
// the 发文登记簿 (register of document numbers), for offices that kept theirs in Excel, and the
// unit profiles' organs and people. Columns are found by their Chinese headers, so a sheet made
// by hand with the documented columns, in any order and with any extra columns, reads.
package sheet

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"gongwen/register"
)

// RegisterSheet is the name of the register's worksheet.
const RegisterSheet = "发文登记簿"

// RegisterColumns are the register's columns, in the order written. On import 发文字号 alone, or
// 机关代字 + 年份 + 序号, names the number; the others are optional (状态 defaults to 已发文).
var RegisterColumns = []string{"发文字号", "机关代字", "年份", "序号", "状态", "标题", "成文日期", "签发人",
	"主送", "抄送", "联合行文机关", "备注", "文稿", "取号人", "取号时间", "更新人", "更新时间"}

// aliases are other headers people give these columns.
var aliases = map[string]string{
	"文号": "发文字号", "字号": "发文字号", "代字": "机关代字", "年度": "年份", "文件标题": "标题", "题名": "标题",
	"日期": "成文日期", "发文日期": "成文日期", "主送机关": "主送", "抄送机关": "抄送", "会签机关": "联合行文机关",
	"联合发文机关": "联合行文机关", "说明": "备注", "文稿ID": "文稿",
}

func registerRow(e register.Entry) []any {
	return []any{e.Number(), e.Code, e.Year, e.Serial, e.State.Label(), e.Title, e.Date, e.Signer,
		e.Recipients, e.CC, strings.Join(e.Joint, register.JointSep), e.Note, e.DocID, e.TakenBy, e.TakenAt, e.UpdatedBy, e.UpdatedAt}
}

// WriteRegister writes the register lines as a 发文登记簿 workbook.
func WriteRegister(w io.Writer, es []register.Entry) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", RegisterSheet); err != nil {
		return err
	}
	if err := writeTable(f, RegisterSheet, RegisterColumns, len(es), func(i int) []any { return registerRow(es[i]) },
		map[string]float64{"A": 20, "F": 40, "I": 24, "J": 24, "K": 24}); err != nil {
		return err
	}
	_, err := f.WriteTo(w)
	return err
}

// writeTable writes a header row (bold, frozen) and n rows of text; numbers stay numbers.
func writeTable(f *excelize.File, sheetName string, header []string, n int, row func(int) []any, widths map[string]float64) error {
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	text, err := f.NewStyle(&excelize.Style{NumFmt: 49}) // "@": cells stay text when edited
	if err != nil {
		return err
	}
	hdr := make([]any, len(header))
	for i, h := range header {
		hdr[i] = h
	}
	if err := f.SetSheetRow(sheetName, "A1", &hdr); err != nil {
		return err
	}
	if err := f.SetRowStyle(sheetName, 1, 1, bold); err != nil {
		return err
	}
	last, _ := excelize.ColumnNumberToName(len(header))
	if err := f.SetColWidth(sheetName, "A", last, 14); err != nil {
		return err
	}
	for col, w := range widths {
		if err := f.SetColWidth(sheetName, col, col, w); err != nil {
			return err
		}
	}
	for i := 0; i < n; i++ {
		vals := row(i)
		for c, v := range vals {
			name, _ := excelize.CoordinatesToCellName(c+1, i+2)
			if s, ok := v.(string); ok {
				// as text: 001, 2026-06-01 or =SUM(...) typed by a secretary stay what they are
				if err := f.SetCellStr(sheetName, name, s); err != nil {
					return err
				}
				if err := f.SetCellStyle(sheetName, name, name, text); err != nil {
					return err
				}
				continue
			}
			if err := f.SetCellValue(sheetName, name, v); err != nil {
				return err
			}
		}
	}
	return f.SetPanes(sheetName, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

// WriteRegisterFile writes the workbook to path through a temporary file renamed into place.
func WriteRegisterFile(path string, es []register.Entry) error {
	return writeFile(path, func(w io.Writer) error { return WriteRegister(w, es) })
}

func writeFile(path string, write func(io.Writer) error) error {
	if !strings.EqualFold(filepath.Ext(path), ".xlsx") {
		return fmt.Errorf("%s: 文件名应以 .xlsx 结尾 (the file name should end in .xlsx)", path)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".gongwen-*.xlsx")
	if err != nil {
		return fmt.Errorf("无法写入 (cannot write) %s: %w", path, err)
	}
	name := tmp.Name()
	werr := write(tmp)
	cerr := tmp.Close()
	if werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Rename(name, path)
	}
	if werr != nil {
		os.Remove(name)
		return fmt.Errorf("无法写入 (cannot write) %s: %w", path, werr)
	}
	return nil
}

// maxSheetBytes bounds the workbook read (zip bombs): a register of 100 000 lines is ~10 MB.
const maxSheetBytes = 64 << 20

// table is a worksheet read by header names.
type table struct {
	file, sheet string
	col         map[string]int // canonical header -> column index
	rows        [][]string     // formatted values, after the header
	raw         [][]string     // raw values (numbers as stored), same shape
	first       int            // 1-based row number of rows[0]
}

func (t *table) get(r int, name string) string {
	c, ok := t.col[name]
	if !ok || c >= len(t.rows[r]) {
		return ""
	}
	return strings.TrimSpace(t.rows[r][c])
}

func (t *table) rawGet(r int, name string) string {
	c, ok := t.col[name]
	if !ok || r >= len(t.raw) || c >= len(t.raw[r]) {
		return ""
	}
	return strings.TrimSpace(t.raw[r][c])
}

func (t *table) where(r int, name string) string {
	cell := fmt.Sprintf("第 %d 行", t.first+r)
	if c, ok := t.col[name]; ok {
		n, _ := excelize.CoordinatesToCellName(c+1, t.first+r)
		cell = n
	}
	return fmt.Sprintf("%s 工作表 %s %s", t.file, t.sheet, cell)
}

// readTable finds the worksheet (by name, else the first one whose header has one of keys) and
// its header row (within the first 10 rows).
func readTable(f *excelize.File, file string, names []string, keys []string, known []string) (*table, error) {
	canon := func(h string) string {
		h = strings.Join(strings.Fields(h), "")
		if a, ok := aliases[h]; ok {
			return a
		}
		return h
	}
	isKnown := map[string]bool{}
	for _, k := range known {
		isKnown[k] = true
	}
	sheets := f.GetSheetList()
	order := []string{}
	for _, n := range names {
		for _, s := range sheets {
			if s == n {
				order = append(order, s)
			}
		}
	}
	order = append(order, sheets...)
	for _, s := range order {
		rows, err := f.GetRows(s)
		if err != nil {
			return nil, fmt.Errorf("%s: 无法读取工作表 %s: %w", file, s, err)
		}
		raw, _ := f.GetRows(s, excelize.Options{RawCellValue: true})
		for h := 0; h < len(rows) && h < 10; h++ {
			col := map[string]int{}
			for c, v := range rows[h] {
				if k := canon(v); isKnown[k] {
					if _, dup := col[k]; !dup {
						col[k] = c
					}
				}
			}
			for _, k := range keys {
				if _, ok := col[k]; ok {
					t := &table{file: file, sheet: s, col: col, rows: rows[h+1:], first: h + 2}
					if len(raw) > h+1 {
						t.raw = raw[h+1:]
					}
					return t, nil
				}
			}
		}
	}
	return nil, fmt.Errorf("%s: 没有找到含 %s 列的工作表 (no sheet with a %s column)", file, strings.Join(keys, " 或 "), keys[0])
}

func openWorkbook(r io.Reader, file string) (*excelize.File, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxSheetBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: 无法读取 (cannot read): %w", file, err)
	}
	if len(data) > maxSheetBytes {
		return nil, fmt.Errorf("%s: 文件超过 %d MB (too large)", file, maxSheetBytes>>20)
	}
	if len(data) < 4 || string(data[:2]) != "PK" {
		return nil, fmt.Errorf("%s: 不是 .xlsx 文件（旧的 .xls 请先在 Excel/WPS 中另存为 .xlsx） (not an .xlsx file)", file)
	}
	f, err := excelize.OpenReader(strings.NewReader(string(data)), excelize.Options{UnzipSizeLimit: 4 * maxSheetBytes, UnzipXMLSizeLimit: maxSheetBytes})
	if err != nil {
		return nil, fmt.Errorf("%s: 无法打开 .xlsx (cannot open): %w", file, err)
	}
	return f, nil
}

// ReadRegister reads a 发文登记簿 workbook: the sheet named 发文登记簿, else the first sheet with a
// 发文字号 or 机关代字 column. Empty rows are skipped; any bad row fails the whole read with its cell.
func ReadRegister(r io.Reader, file string) ([]register.Entry, error) {
	f, err := openWorkbook(r, file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	t, err := readTable(f, file, []string{RegisterSheet}, []string{"发文字号", "机关代字"}, RegisterColumns)
	if err != nil {
		return nil, err
	}
	_, hasCode := t.col["机关代字"]
	_, hasYear := t.col["年份"]
	_, hasSerial := t.col["序号"]
	_, hasNumber := t.col["发文字号"]
	if !hasNumber && !(hasCode && hasYear && hasSerial) {
		return nil, fmt.Errorf("%s: 需要 发文字号 列，或者 机关代字、年份、序号 三列 (need 发文字号, or 机关代字+年份+序号)", file)
	}
	var out []register.Entry
	seen := map[string]int{}
	for i := range t.rows {
		empty := true
		for _, v := range t.rows[i] {
			if strings.TrimSpace(v) != "" {
				empty = false
				break
			}
		}
		if empty {
			continue
		}
		var e register.Entry
		if hasCode && hasYear && hasSerial && t.get(i, "机关代字") != "" {
			e.Code = t.get(i, "机关代字")
			y, err1 := strconv.Atoi(t.get(i, "年份"))
			s, err2 := strconv.Atoi(t.get(i, "序号"))
			if err1 != nil {
				return nil, fmt.Errorf("%s: 年份 %q 不是数字", t.where(i, "年份"), t.get(i, "年份"))
			}
			if err2 != nil {
				return nil, fmt.Errorf("%s: 序号 %q 不是数字", t.where(i, "序号"), t.get(i, "序号"))
			}
			e.Year, e.Serial = y, s
			if n := t.get(i, "发文字号"); n != "" {
				if c, y, s, err := register.ParseNumber(n); err != nil || c != e.Code || y != e.Year || s != e.Serial {
					return nil, fmt.Errorf("%s: 发文字号 %q 与 机关代字、年份、序号 不一致", t.where(i, "发文字号"), n)
				}
			}
		} else {
			c, y, s, err := register.ParseNumber(t.get(i, "发文字号"))
			if err != nil {
				return nil, fmt.Errorf("%s: %v", t.where(i, "发文字号"), err)
			}
			e.Code, e.Year, e.Serial = c, y, s
		}
		if prev, dup := seen[e.Number()]; dup {
			return nil, fmt.Errorf("%s: %s 与第 %d 行重复 (duplicate number)", t.where(i, "发文字号"), e.Number(), prev)
		}
		seen[e.Number()] = t.first + i
		e.State = register.Issued
		if s := t.get(i, "状态"); s != "" {
			st, err := register.ParseState(s)
			if err != nil {
				return nil, fmt.Errorf("%s: %v", t.where(i, "状态"), err)
			}
			e.State = st
		}
		e.Title = t.get(i, "标题")
		e.Date = dateText(t.get(i, "成文日期"), t.rawGet(i, "成文日期"))
		e.Signer = t.get(i, "签发人")
		e.Recipients = t.get(i, "主送")
		e.CC = t.get(i, "抄送")
		e.Joint = splitList(t.get(i, "联合行文机关"))
		e.Note = t.get(i, "备注")
		e.DocID = t.get(i, "文稿")
		e.TakenBy = t.get(i, "取号人")
		e.TakenAt = t.get(i, "取号时间")
		e.UpdatedBy = t.get(i, "更新人")
		e.UpdatedAt = t.get(i, "更新时间")
		out = append(out, e)
	}
	return out, nil
}

// ReadRegisterFile reads a 发文登记簿 .xlsx file.
func ReadRegisterFile(path string) ([]register.Entry, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("无法打开 (cannot open) %s: %w", path, err)
	}
	defer fh.Close()
	return ReadRegister(fh, path)
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == '、' || r == '，' || r == ',' || r == '；' || r == ';' || r == '\n' }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

var numericDate = regexp.MustCompile(`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$`)

// dateText gives a 成文日期 as 2026年6月1日: a date cell (an Excel serial number) or a typed
// 2026-06-01 / 2026/6/1 becomes that; other text is kept as typed.
func dateText(formatted, raw string) string {
	if raw != "" && raw != formatted {
		if v, err := strconv.ParseFloat(raw, 64); err == nil && v > 1 && v < 2958466 {
			if t, err := excelize.ExcelDateToTime(v, false); err == nil {
				return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
			}
		}
	}
	if m := numericDate.FindStringSubmatch(formatted); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		if t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC); t.Month() == time.Month(mo) && t.Day() == d {
			return fmt.Sprintf("%d年%d月%d日", y, mo, d)
		}
	}
	return formatted
}
