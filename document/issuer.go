package document

import (
	_ "embed"
	"strconv"
	"strings"
	"sync"

	"github.com/goccy/go-yaml"
)

// Issuer inference of an imported document. A published 公文 pasted from a web page often
// lacks its 发文机关标志 and sometimes its 署名; the importer then names the issuing organ from
// what the text does carry, in this order of trust, and reports which source gave which name
// (a warning at the place it was read, "发文机关由……推断为……，请核对"):
//
//  1. the 发文机关标志 or the 署名 (the lines of the sign-off above the 成文日期): stated, not inferred;
//  2. the title's prefix (户县人民政府办公室关于……的通知);
//  3. the 机关代字 of the 发文字号: the user's unit profiles (Unit, given by the pipeline through
//     InferIssuer) and the table of common codes (data/organ_codes.yaml: 国发/国函 → 国务院,
//     国办发/国办函 → 国务院办公厅, 浙政发 → 浙江省人民政府 …);
//  4. the 印发机关 of the 版记, as a last resort. GB/T 9704-2012 7.4.3 makes the 印发机关 the
//     organ that sends the document to print, normally the issuer's 办公厅（室） or 文秘部门, so
//     the issuer is taken to be the organ that office belongs to: 宁波市审计局办公室 → 宁波市审计局.
//     A unit profile whose 印发机关 (printer) is that office names its unit instead. A 印发机关
//     that is not such an office (秘书处 of a body we cannot name, a 印刷厂) gives nothing: the
//     issuer stays unknown and the import says so (NotFound).

// Unit is what the importer needs of a unit profile (templates.Profile): its full name, its
// 机关代字 and its 印发机关.
type Unit struct {
	Name    string // 机关全称, e.g. 江城市人民政府
	Code    string // 机关代字, e.g. 江政
	Printer string // 印发机关, e.g. 江城市人民政府办公室
}

//go:embed data/organ_codes.yaml
var organCodesYAML []byte

type organCodesFile struct {
	Organs []struct {
		Name  string   `yaml:"name"`
		Codes []string `yaml:"codes"`
	} `yaml:"organs"`
}

// organCodes is the built-in table code → organ, read once.
var organCodes = sync.OnceValue(func() map[string]string {
	var f organCodesFile
	if err := yaml.UnmarshalWithOptions(organCodesYAML, &f, yaml.Strict()); err != nil {
		panic("document: data/organ_codes.yaml: " + err.Error()) // built in: a test reads it
	}
	m := map[string]string{}
	for _, o := range f.Organs {
		for _, c := range o.Codes {
			m[c] = o.Name
		}
	}
	return m
})

// OrganOfCode returns the organ the built-in table knows for a 机关代字 (国发 → 国务院), or "".
func OrganOfCode(code string) string { return organCodes()[code] }

// NumberCode returns the 机关代字 of a 发文字号: the text before the year's bracket, without
// blanks (国办发〔2018〕2号 → 国办发). It is "" when the number has no bracketed year.
func NumberCode(num string) string {
	k := strings.IndexAny(num, "〔[［【〖﹝（(")
	if k <= 0 {
		return ""
	}
	return strings.Map(func(r rune) rune {
		if isBlank(r) {
			return -1
		}
		return r
	}, num[:k])
}

// issuerSource is where an inferred issuer was read, as the import report names it.
type issuerSource struct{ zh, en string }

var (
	fromTitle   = issuerSource{"标题", "the title"}
	fromNumber  = issuerSource{"发文字号的机关代字", "the number's organ code"}
	fromUnit    = issuerSource{"单位信息中的机关代字", "a unit profile's organ code"}
	fromPrinter = issuerSource{"版记的印发机关", "the printing office"}
	fromUnitPr  = issuerSource{"单位信息中的印发机关", "a unit profile's printing office"}
)

// with returns the source naming the text it was read from.
func (s issuerSource) with(text string) issuerSource {
	return issuerSource{s.zh + "“" + text + "”", s.en + " " + text}
}

// inferIssuer names the issuing organ when neither a 发文机关标志 nor a 署名 did, from the
// title's prefix, the number's 机关代字 (the built-in table) or the 印发机关, and reports it.
func (im *importer) inferIssuer(file string) {
	doc := im.doc
	if len(doc.Issuers) > 0 || doc.MarkSuffix == "纪要" {
		return // a 纪要 is not signed: its mark names the meeting (GB/T 9704-2012 10.3)
	}
	if names := titleIssuers(doc.Title); len(names) > 0 {
		pos, _ := im.src.Locate(PathTitle, 0)
		im.setIssuers(file, names, pos, fromTitle)
		return
	}
	if code := NumberCode(doc.Number); code != "" {
		if name := OrganOfCode(code); name != "" {
			pos, _ := im.src.Locate(PathNumber, 0)
			im.setIssuers(file, []string{name}, pos, fromNumber.with(code))
			return
		}
	}
	if name := printerOrgan(doc.Printer); name != "" {
		pos, _ := im.src.Locate(PathPrinter, 0)
		im.setIssuers(file, []string{name}, pos, fromPrinter.with(doc.Printer))
	}
}

func (im *importer) setIssuers(file string, names []string, pos Pos, from issuerSource) {
	doc := im.doc
	for i, nm := range names {
		doc.Issuers = append(doc.Issuers, Issuer{Name: nm})
		im.src.Set("issuers."+strconv.Itoa(i)+".name", Seg{Pos: pos})
	}
	doc.Warnings = append(doc.Warnings, inferenceWarning(file, pos, names, from))
}

// inferenceWarning is the report of one inference.
func inferenceWarning(file string, pos Pos, names []string, from issuerSource) Error {
	return Error{File: file, Line: pos.Line, Col: pos.Col,
		Msg: "发文机关由" + from.zh + "推断为“" + strings.Join(names, "、") + "”，请核对 (issuer inferred from " + from.en + "; please check)"}
}

// titleIssuers returns the organs a title names before its 关于 (户县人民政府办公室关于……,
// 甲局、乙局关于……), or nil when the prefix is not a list of organ names.
func titleIssuers(title string) []string {
	title = strings.ReplaceAll(title, "\n", "")
	k := strings.Index(title, "关于")
	if k <= 0 {
		return nil
	}
	names := splitNames(title[:k])
	for _, nm := range names {
		if !endsWithOrgan(nm) {
			return nil
		}
	}
	return names
}

// printerOffices end the name of the office that sends an organ's documents to print.
var printerOffices = []string{"办公厅", "办公室"}

// printerOrgan returns the organ whose office a 印发机关 is (宁波市审计局办公室 → 宁波市审计局),
// or "" when the 印发机关 is not an organ's 办公厅（室）.
func printerOrgan(printer string) string {
	p := strings.Join(strings.Fields(printer), "")
	for _, suf := range printerOffices {
		if rest, ok := strings.CutSuffix(p, suf); ok && runeLen(rest) >= 2 && endsWithOrgan(rest) {
			return rest
		}
	}
	return ""
}

// InferIssuer names the issuer of an imported document from the user's unit profiles: the
// unit whose 机关代字 is the number's, else the unit whose 印发机关 printed it. It acts only
// when the importer found no issuer, or inferred it from the number or the 印发 line (a unit's
// own code or office is more specific than the built-in table or the office rule); a stated
// 发文机关标志 or 署名 and a title's prefix are kept. The inference replaces the importer's
// report. It returns whether the issuer changed.
func InferIssuer(doc *Document, units []Unit) bool {
	if doc == nil || len(units) == 0 || doc.Source == nil || doc.MarkSuffix == "纪要" {
		return false
	}
	numPos, numOK := doc.Source.Locate(PathNumber, 0)
	prPos, prOK := doc.Source.Locate(PathPrinter, 0)
	byPrinter := false // the importer's issuer came from the 印发 line
	if len(doc.Issuers) > 0 {
		at, ok := doc.Source.Locate("issuers.0.name", 0)
		if !ok || len(doc.Issuers) != 1 || !(numOK && at == numPos || prOK && at == prPos) {
			return false
		}
		byPrinter = prOK && at == prPos
	}
	var name string
	var from issuerSource
	var pos Pos
	if code := NumberCode(doc.Number); code != "" && numOK {
		if n := codeUnit(code, units); n != "" {
			name, from, pos = n, fromUnit.with(code), numPos
		}
	}
	if name == "" && doc.Printer != "" && prOK && (len(doc.Issuers) == 0 || byPrinter) {
		if n := printerUnit(doc.Printer, units); n != "" {
			name, from, pos = n, fromUnitPr.with(doc.Printer), prPos
		}
	}
	if name == "" {
		return false
	}
	// drop the importer's report of the inference this one replaces
	if len(doc.Issuers) == 1 {
		old := "推断为“" + doc.Issuers[0].Name + "”"
		kept := doc.Warnings[:0]
		for _, w := range doc.Warnings {
			if !strings.HasPrefix(w.Msg, "发文机关由") || !strings.Contains(w.Msg, old) {
				kept = append(kept, w)
			}
		}
		doc.Warnings = kept
	}
	doc.Issuers = []Issuer{{Name: name}}
	doc.Source.Set("issuers.0.name", Seg{Pos: pos})
	doc.Warnings = append(doc.Warnings, inferenceWarning(doc.Source.File, pos, []string{name}, from))
	return true
}

// printerUnit returns the unit whose 印发机关 is printer: the only one, or, when several units
// share that office (a government and its 办公室), the one the office belongs to
// (printerOrgan). It returns "" when the units do not tell.
func printerUnit(printer string, units []Unit) string {
	pr := strings.Join(strings.Fields(printer), "")
	var names []string
	for _, u := range units {
		if u.Printer != "" && u.Name != "" && strings.Join(strings.Fields(u.Printer), "") == pr && !containsString(names, u.Name) {
			names = append(names, u.Name)
		}
	}
	switch {
	case len(names) == 1:
		return names[0]
	case containsString(names, printerOrgan(printer)):
		return printerOrgan(printer)
	}
	return ""
}

// seriesSuffixes end the 机关代字 of one organ's series of documents: 江政 issues 江政发, 江政函,
// 江政文 (not 江政办发, its office's).
var seriesSuffixes = []string{"发", "函", "文", "字", "电", "发明电"}

// codeUnit returns the unit whose 机关代字 the number's code is: the unit's code itself, else
// the unit's code with a series suffix (江政 for 江政发). "" when none is.
func codeUnit(code string, units []Unit) string {
	for _, u := range units {
		if u.Code != "" && u.Name != "" && u.Code == code {
			return u.Name
		}
	}
	for _, u := range units {
		if u.Code == "" || u.Name == "" {
			continue
		}
		if rest, ok := strings.CutPrefix(code, u.Code); ok && containsString(seriesSuffixes, rest) {
			return u.Name
		}
	}
	return ""
}
