package docx

import (
	"fmt"
	"strings"
)

// styleDef is one named paragraph style, so that a secretary editing in Word or WPS finds
// each element under its own name.
type styleDef struct {
	id, name string
	r        rs
	jc       string
	first    int
	basedOn  string
}

var styleDefs = []styleDef{
	{id: "GwBody", name: "正文", r: body3, jc: "both", first: 2 * char3},
	{id: "GwCopyNo", name: "份号", r: body3},
	{id: "GwSecret", name: "密级和保密期限", r: hei3},
	{id: "GwUrgency", name: "紧急程度", r: hei3},
	{id: "GwMark", name: "发文机关标志", r: rs{role: roleXBS, sz: 100, color: red}, jc: "center"},
	{id: "GwNumber", name: "发文字号", r: body3, jc: "center"},
	{id: "GwSigner", name: "签发人", r: body3},
	{id: "GwOrderNo", name: "令号", r: body3, jc: "center"},
	{id: "GwTitle", name: "标题", r: rs{role: roleXBS, sz: sz2}, jc: "center"},
	{id: "GwTitleNote", name: "题注", r: kai3, jc: "center"},
	{id: "GwRecipients", name: "主送机关", r: body3},
	{id: "GwH1", name: "一级标题", r: hei3, jc: "both", first: 2 * char3},
	{id: "GwH2", name: "二级标题", r: kai3, jc: "both", first: 2 * char3},
	{id: "GwH3", name: "三级标题", r: body3, jc: "both", first: 2 * char3},
	{id: "GwH4", name: "四级标题", r: body3, jc: "both", first: 2 * char3},
	{id: "GwAttachNote", name: "附件说明", r: body3, jc: "both"},
	{id: "GwAttendance", name: "出席列席", r: body3, jc: "both"},
	{id: "GwSignName", name: "署名", r: body3},
	{id: "GwDate", name: "成文日期", r: body3},
	{id: "GwNote", name: "附注", r: body3, jc: "both", first: 2 * char3},
	{id: "GwAttachLabel", name: "附件标识", r: hei3},
	{id: "GwAttachTitle", name: "附件标题", r: rs{role: roleXBS, sz: sz2}, jc: "center"},
	{id: "GwTableText", name: "表格文字", r: fang4},
	{id: "GwBanjiRecipients", name: "版记主送", r: fang4, jc: "both"},
	{id: "GwCC", name: "抄送", r: fang4, jc: "both"},
	{id: "GwPrint", name: "印发", r: fang4},
	{id: "GwBanji", name: "版记", r: fang4},
	{id: "GwFooter", name: "页码", r: rs{role: roleSong, sz: sz4}},
}

var pPrDefaults = `<w:widowControl w:val="0"/>` + noHangingPunct + `<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>`

func (b *builder) stylesXML() string {
	var s strings.Builder
	s.WriteString(xmlHeader)
	s.WriteString(`<w:styles xmlns:w="` + nsW + nsMCE + `">`)
	s.WriteString(`<w:docDefaults><w:rPrDefault>` + b.rPr(body3) + `</w:rPrDefault><w:pPrDefault><w:pPr>` + pPrDefaults +
		fmt.Sprintf(`<w:spacing w:before="0" w:after="0" w:line="%d" w:lineRule="exact"/>`, pitch) + `<w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>`)
	s.WriteString(`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr>` + pPrDefaults +
		fmt.Sprintf(`<w:spacing w:before="0" w:after="0" w:line="%d" w:lineRule="exact"/>`, pitch) + `<w:jc w:val="both"/></w:pPr>` + b.rPr(body3) + `</w:style>`)
	s.WriteString(`<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>`)
	s.WriteString(`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`)
	s.WriteString(`<w:style w:type="table" w:styleId="GwTable"><w:name w:val="公文表格"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="6" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="6" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="6" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="6" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="6" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="6" w:space="0" w:color="000000"/></w:tblBorders></w:tblPr></w:style>`)
	for _, d := range styleDefs {
		fmt.Fprintf(&s, `<w:style w:type="paragraph" w:customStyle="1" w:styleId="%s"><w:name w:val="%s"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr>`, d.id, esc(d.name))
		jc := d.jc
		if jc == "" {
			jc = "left"
		}
		fmt.Fprintf(&s, `<w:ind w:firstLine="%d"/><w:jc w:val="%s"/></w:pPr>`, d.first, jc)
		s.WriteString(b.rPr(d.r))
		s.WriteString(`</w:style>`)
	}
	s.WriteString(`</w:styles>`)
	return s.String()
}

// fontTableXML lists the families used, with their Latin names as alternatives, and the font
// parts embedded for each.
func (b *builder) fontTableXML(embeds []embedded) string {
	var s strings.Builder
	s.WriteString(xmlHeader + `<w:fonts xmlns:w="` + nsW + `" xmlns:r="` + nsR + `">`)
	seen := map[string]bool{}
	for _, role := range []string{roleFang, roleXBS, roleHei, roleKai, roleSong} {
		f := b.fonts[role]
		for _, n := range []string{f.EastAsia, f.Latin} {
			if seen[n] {
				continue
			}
			seen[n] = true
			fmt.Fprintf(&s, `<w:font w:name="%s">`, esc(n))
			if n == f.EastAsia && f.Latin != f.EastAsia {
				fmt.Fprintf(&s, `<w:altName w:val="%s"/>`, esc(f.Latin))
			}
			s.WriteString(`<w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/>`)
			// embedRegular before embedBold (the schema's order)
			for _, bold := range []bool{false, true} {
				for _, e := range embeds {
					if e.family == n && e.bold == bold {
						el := "embedRegular"
						if bold {
							el = "embedBold"
						}
						sub := ""
						if e.subsetted {
							sub = ` w:subsetted="1"`
						}
						fmt.Fprintf(&s, `<w:%s r:id="%s" w:fontKey="%s"%s/>`, el, e.rid, e.key, sub)
					}
				}
			}
			s.WriteString(`</w:font>`)
		}
	}
	s.WriteString(`</w:fonts>`)
	return s.String()
}
