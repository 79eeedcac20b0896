package docx

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"

	godocx "github.com/nguyenthenguyen/docx"

	"gongwen/document"
)

// Placeholders FillTemplate replaces in an organization's own template (套红模板). All but
// {{正文}} are replaced inside the run that holds them, keeping the template's formatting;
// {{正文}} must stand in a paragraph of its own, which becomes one paragraph per body
// paragraph with the same paragraph and run formatting.
var placeholders = []string{"份号", "密级", "紧急程度", "发文机关", "发文机关标志", "发文字号", "签发人", "标题", "主送",
	"正文", "附件说明", "署名", "成文日期", "附注", "抄送", "印发机关", "印发日期"}

// FillTemplateFile is FillTemplate for a template on disk.
func FillTemplateFile(path string, doc *document.Document, w io.Writer, opts Options) error {
	tpl, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read template %s: %w", path, err)
	}
	return FillTemplate(tpl, doc, w, opts)
}

// FillTemplate fills a red-header .docx template whose text carries placeholders such as
// {{标题}}, {{发文字号}}, {{主送}}, {{正文}}, {{署名}}, {{成文日期}} (see placeholders) with the
// document's elements and writes the result to w. The template keeps its own page setup,
// header and fonts; placeholders in headers and footers are filled too.
func FillTemplate(tpl []byte, doc *document.Document, w io.Writer, opts Options) error {
	if doc == nil {
		return fmt.Errorf("fill template: no document")
	}
	b := newBuilder(doc, nil, opts)
	r, err := godocx.ReadDocxFromMemory(bytes.NewReader(tpl), int64(len(tpl)))
	if err != nil {
		return fmt.Errorf("read template: %w", err)
	}
	defer r.Close()
	d := r.Editable()
	d.SetContent(joinPlaceholders(d.GetContent()))

	values := b.templateValues()
	// {{正文}}: the paragraph holding it becomes one paragraph per body paragraph
	content, err := b.expandParagraph(d.GetContent(), "{{正文}}", doc.Body)
	if err != nil {
		return err
	}
	d.SetContent(content)
	for _, key := range placeholders {
		ph := "{{" + key + "}}"
		v, ok := values[key]
		if !ok {
			continue
		}
		// the library escapes the value and turns \n into w:br, \t into w:tab
		if err := d.Replace(ph, v, -1); err != nil {
			return fmt.Errorf("fill %s: %w", ph, err)
		}
		_ = d.ReplaceHeader(ph, esc(v))
		_ = d.ReplaceFooter(ph, esc(v))
	}
	if left := regexp.MustCompile(`\{\{[^{}<>]{1,20}\}\}`).FindAllString(d.GetContent(), -1); len(left) > 0 {
		b.warn(fmt.Sprintf("模板中有未识别的占位符（unknown placeholders）：%s", strings.Join(left, " ")))
	}
	if err := d.Write(w); err != nil {
		return fmt.Errorf("write filled template: %w", err)
	}
	return nil
}

// templateValues maps placeholder names to cleaned element text.
func (b *builder) templateValues() map[string]string {
	d := b.doc
	var names, marks []string
	for _, is := range d.Issuers {
		names = append(names, is.Name)
		marks = append(marks, is.MarkName())
	}
	secret := d.Classification
	if secret != "" && d.ClassificationTerm != "" {
		secret += "★" + d.ClassificationTerm
	}
	notes := ""
	for i, n := range d.AttachmentNotes {
		if len(d.AttachmentNotes) == 1 {
			notes = "附件：" + n
			break
		}
		if i == 0 {
			notes = fmt.Sprintf("附件：%d.%s", i+1, n)
		} else {
			notes += fmt.Sprintf("\n%d.%s", i+1, n)
		}
	}
	cc := ""
	if d.CC != "" {
		cc = "抄送：" + d.CC
	}
	printDate := ""
	if d.PrintDate != "" {
		printDate = d.PrintDate + "印发"
	}
	v := map[string]string{
		"份号": d.CopyNumber, "密级": secret, "紧急程度": d.Urgency,
		"发文机关": strings.Join(names, "\n"), "发文机关标志": strings.Join(marks, "\n") + d.MarkSuffix,
		"发文字号": d.Number, "签发人": strings.Join(d.Signers, "\u3000"), "标题": d.Title, "主送": d.Recipients,
		"附件说明": notes, "署名": strings.Join(names, "\n"), "成文日期": d.Date, "附注": d.Note,
		"抄送": cc, "印发机关": d.Printer, "印发日期": printDate,
	}
	for k, s := range v {
		v[k] = b.clean(s)
	}
	return v
}

var tagRe = regexp.MustCompile(`<[^>]*>`)

// joinPlaceholders removes the run boundaries Word scatters inside a typed placeholder
// ("{{标" in one run, "题}}" in the next), so that each placeholder sits in one w:t.
func joinPlaceholders(s string) string {
	var out strings.Builder
	for {
		i := strings.Index(s, "{{")
		if i < 0 {
			out.WriteString(s)
			return out.String()
		}
		j := strings.Index(s[i:], "}}")
		if j < 0 {
			out.WriteString(s)
			return out.String()
		}
		inner := s[i : i+j+2]
		text := tagRe.ReplaceAllString(inner, "")
		if len([]rune(text)) <= 24 && !strings.Contains(inner, "</w:p>") {
			out.WriteString(s[:i])
			out.WriteString(text)
			// keep the closing tags and reopen: drop tags inside, the run's w:t continues
			s = s[i+j+2:]
			continue
		}
		out.WriteString(s[:i+2])
		s = s[i+2:]
	}
}

// expandParagraph replaces the paragraph holding ph with one copy per text, each copy's
// run text set to one paragraph of text (escaped, control characters dropped).
func (b *builder) expandParagraph(content, ph string, texts []string) (string, error) {
	for {
		i := strings.Index(content, ph)
		if i < 0 {
			return content, nil
		}
		start := strings.LastIndex(content[:i], "<w:p>")
		if s2 := strings.LastIndex(content[:i], "<w:p "); s2 > start {
			start = s2
		}
		endRel := strings.Index(content[i:], "</w:p>")
		if start < 0 || endRel < 0 {
			return "", fmt.Errorf("fill template: %s is not inside a paragraph", ph)
		}
		end := i + endRel + len("</w:p>")
		tplPara := content[start:end]
		var out strings.Builder
		for _, t := range texts {
			out.WriteString(strings.Replace(tplPara, ph, esc(b.clean(t)), 1))
		}
		content = content[:start] + out.String() + content[end:]
	}
}
