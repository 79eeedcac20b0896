package check

import (
	"strings"

	"gongwen/layout"
	"gongwen/templates"
)

// closingParas returns the last n body paragraphs, skipping 附件说明/附注 lines left in the body.
func (c *ctx) closingParas(n int) []field {
	bs := c.fieldsOf("body")
	var out []field
	for i := len(bs) - 1; i >= 0 && len(out) < n; i-- {
		t := trimSpace(bs[i].text)
		if t == "" || strings.HasPrefix(t, "附：") || strings.HasPrefix(t, "附件") || strings.HasPrefix(t, "（此件") ||
			strings.HasPrefix(t, "此件") || strings.HasPrefix(t, "（联系人") || strings.HasPrefix(t, "联系人") {
			continue
		}
		out = append([]field{bs[i]}, out...)
	}
	return out
}

var checkQingshiOneMatter = func(c *ctx, r *rule) {
	words := c.paramStrings(r, "requests")
	count := 0
	for _, f := range c.fieldsOf("body") {
		w, at := containsAny(f.text, words)
		if at < 0 {
			continue
		}
		count++
		if count == 2 {
			c.reportMatch(r, f, match{start: at, end: at + len(w), msg: c.genre + "应一文一事：本文有不止一处请求事项（“{text}”），不同事项请分别行文"})
			return
		}
	}
	// the matters counted by the requests: two numbered items that each ask for something
	items := c.paramStrings(r, "items")
	if its := c.requestItems(items); len(its) >= 2 {
		f := its[1]
		w, at := containsAny(f.text, items)
		c.reportMatch(r, f, match{start: at, end: at + len(w), msg: c.genre + "应一文一事：本文分项请求了不止一个事项（第二项“{text}……”），不同事项请分别行文"})
	}
}

var checkQingshiContact = func(c *ctx, r *rule) {
	if strings.Contains(c.doc.Note, "联系人") || strings.Contains(c.doc.Note, "电话") {
		return
	}
	for _, f := range c.closingParas(3) {
		if strings.Contains(f.text, "联系人") {
			return
		}
	}
	for _, p := range c.doc.Body {
		if strings.Contains(p, "联系人") {
			return
		}
	}
	c.reportDoc(r, c.genre+"一般在附注中注明联系人姓名和电话，如“（联系人：张三，电话：12345678）”")
}

var checkPifuCitation = func(c *ctx, r *rule) {
	bs := c.fieldsOf("body")
	for k, f := range bs {
		if k > 1 {
			return
		}
		i := strings.Index(f.text, "收悉")
		if i < 0 {
			continue
		}
		head := f.text[:i]
		start := strings.LastIndexAny(head, "。；")
		if start < 0 {
			start = 0
		} else {
			start++
		}
		cite := head[start:]
		ti := strings.Index(cite, "《")
		if ti < 0 {
			ti = strings.Index(cite, "关于")
		}
		ni := strings.Index(cite, "号）")
		if ni < 0 {
			ni = strings.Index(cite, "号)")
		}
		switch {
		// Only a title in 《》 calls for its number: 国务院's own 批复 cite a request by its
		// subject, without 《》 or number (你部关于……的请示收悉), and that is sound practice.
		case ni < 0 && strings.Contains(cite, "《"):
			c.reportMatch(r, f, match{start: start, end: i, msg: "引用来文应先引标题，后用圆括号注明发文字号：你单位《关于……的请示》（×〔2024〕5号）收悉"})
		case ni >= 0 && ti >= 0 && ni < ti:
			c.reportMatch(r, f, match{start: start, end: i, msg: "引用来文应先引标题，后引发文字号，此处次序颠倒"})
		}
		return
	}
}

var checkClosingGenreMismatch = func(c *ctx, r *rule) {
	if c.genre == "" {
		return
	}
	owners := closingOwners(c.g)
	for _, f := range c.closingParas(1) {
		for w, gs := range owners {
			at := strings.Index(f.text, w)
			if at < 0 || contains(gs, c.genre) || insideLonger(f.text, w, owners) {
				continue
			}
			c.reportMatch(r, f, match{start: at, end: at + len(w), msg: "结束语“{text}”与文种“" + c.genre + "”不符，请改用与文种一致的结束语或删去"})
		}
	}
}

// closingOwners maps each closing phrase of the genre templates (their closings:) to the 文种
// it belongs to; g, the document's own template, is included when it is not a built-in.
func closingOwners(g *templates.Genre) map[string][]string {
	out := map[string][]string{}
	gs := builtinGenres().Genres()
	if g != nil {
		gs = append(gs, g)
	}
	for _, t := range gs {
		for _, w := range t.Closings {
			if w != "" && !contains(out[w], t.Name) {
				out[w] = append(out[w], t.Name)
			}
		}
	}
	return out
}

// insideLonger reports whether every occurrence of w in s is part of a longer phrase of owners
// (此复 in 特此复函).
func insideLonger(s, w string, owners map[string][]string) bool {
	for long := range owners {
		if long != w && strings.Contains(long, w) && strings.Count(s, long) >= strings.Count(s, w) {
			return true
		}
	}
	return strings.Contains(s, "特此复") && w == "此复"
}

// ---- geometry (reads layout's Records) ----

// layoutRecords returns the Records the geometry rules read, grouped by page (one slice
// per page, in reading order): Options.Records, or one layout.Run of the document.
func (c *ctx) layoutRecords() [][]layout.Record {
	if c.typeset {
		return c.recPages
	}
	c.typeset = true
	recs, n := c.opts.Records, c.opts.PageCount
	if recs == nil {
		res, err := layout.Run(c.doc, c.opts.LayoutOptions)
		if err != nil {
			return nil // a document that cannot be typeset has no geometry to check
		}
		recs, n = res.Records, len(res.Pages)
	}
	for _, r := range recs {
		n = max(n, r.Page+1)
	}
	c.recPages = make([][]layout.Record, n)
	for _, r := range recs {
		if r.Page >= 0 {
			c.recPages[r.Page] = append(c.recPages[r.Page], r)
		}
	}
	return c.recPages
}

func isBodyElem(e layout.Element) bool {
	return e == layout.ElemBody || e == layout.ElemHeading1 || e == layout.ElemHeading2
}

// pageHas reports whether a page's records include a line of text of an element is accepts.
func pageHas(p []layout.Record, is func(layout.Element) bool) bool {
	for _, r := range p {
		if len(r.Lines) > 0 && is(r.Element) {
			return true
		}
	}
	return false
}

func elemIs(es ...layout.Element) func(layout.Element) bool {
	return func(e layout.Element) bool {
		for _, x := range es {
			if e == x {
				return true
			}
		}
		return false
	}
}

var checkLayoutPage1Body = func(c *ctx, r *rule) {
	if len(c.doc.Body) == 0 {
		return
	}
	ps := c.layoutRecords()
	if len(ps) == 0 {
		return
	}
	if !pageHas(ps[0], isBodyElem) {
		c.reportDoc(r, "首页未显示正文：请精简版头或标题，或将主送机关移至版记（主送：…），使正文从首页开始")
	}
}

var checkLayoutSignoffAlone = func(c *ctx, r *rule) {
	ps := c.layoutRecords()
	sign := elemIs(layout.ElemIssuerSign, layout.ElemDate, layout.ElemSignature)
	for i, p := range ps {
		if !pageHas(p, sign) {
			continue
		}
		if i > 0 && !pageHas(p, elemIs(layout.ElemBody, layout.ElemHeading1, layout.ElemHeading2, layout.ElemAttachNotes, layout.ElemRecipients, layout.ElemTitle)) {
			c.reportDoc(r, "署名和成文日期单独成页：可调整行距、字距，使其与正文同处一页（不得出现无正文的落款页）")
		}
		return
	}
}

var checkLayoutSealDistance = func(c *ctx, r *rule) {
	for _, p := range c.layoutRecords() {
		// the top of the highest seal (an image or the placeholder circle)
		top := layout.Length(-1)
		for _, rec := range p {
			if rec.Element == layout.ElemSeal && len(rec.Lines) == 0 && (top < 0 || rec.Y < top) {
				top = rec.Y
			}
		}
		if top < 0 {
			continue
		}
		// the baseline of the last body or 附件说明 line above it (or within three lines)
		bottom := layout.Length(-1)
		for _, rec := range p {
			if !isBodyElem(rec.Element) && rec.Element != layout.ElemAttachNotes {
				continue
			}
			for _, ln := range rec.Lines {
				if ln.Y > bottom && ln.Y <= top+layout.LinePitch*3 {
					bottom = ln.Y
				}
			}
		}
		if bottom < 0 {
			c.reportDoc(r, "印章所在页没有正文（空白印章）：印章须与正文同处一页")
			return
		}
		if gap := top - bottom; gap > layout.LinePitch {
			c.reportDoc(r, "印章顶端距正文（或附件说明）超过一行：应使印章上距正文一行之内")
		}
		return
	}
}

var checkLayoutBanjiEven = func(c *ctx, r *rule) {
	ps := c.layoutRecords()
	banji := elemIs(layout.ElemCC, layout.ElemPrint)
	for i, p := range ps {
		if !pageHas(p, banji) {
			continue
		}
		if i != len(ps)-1 {
			c.reportDoc(r, "版记应位于公文最后一页")
		} else if (i+1)%2 == 1 && len(ps) > 1 {
			c.reportDoc(r, "版记应位于最后一页的背面（偶数页）：正文在奇数页结束且无空间时，应插入空白页")
		}
		return
	}
}
