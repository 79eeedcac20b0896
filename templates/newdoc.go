package templates

import (
	"errors"
	"sort"
	"strings"

	"gongwen/document"
)

// NewDocument returns a fresh document of this genre: its format and direction, the default
// values (mark suffix, sign-off, …), the body scaffold and the usual closing paragraph.
func (g *Genre) NewDocument() *document.Document {
	doc := &document.Document{
		Genre:     g.ID,
		Format:    g.Format,
		Direction: g.Direction,
		SignOff:   document.SignOffSeal,
	}
	switch g.Format {
	case document.FormatFile:
		doc.MarkSuffix = "文件"
	case document.FormatOrder:
		doc.MarkSuffix = "令"
		doc.SignOff = document.SignOffSignature
	case document.FormatMinutes:
		doc.MarkSuffix = "纪要"
		doc.SignOff = document.SignOffNone
	}
	keys := make([]string, 0, len(g.Defaults))
	for k := range g.Defaults {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		setText(doc, k, g.Defaults[k])
	}
	if len(doc.Body) == 0 {
		doc.Body = append(doc.Body, g.Scaffold...)
	}
	if g.Closing != "" && (len(doc.Body) == 0 || doc.Body[len(doc.Body)-1] != g.Closing) {
		doc.Body = append(doc.Body, g.Closing)
	}
	return doc
}

// Uses reports whether the genre uses the element at path.
func (g *Genre) Uses(path string) bool { return contains(g.Elements, path) }

// Requires reports whether the genre requires the element at path.
func (g *Genre) Requires(path string) bool { return contains(g.Required, path) }

// RuleOn reports whether the genre switches the rule on (listed and not enabled: false).
func (g *Genre) RuleOn(id string) bool {
	rc, ok := g.Rules[id]
	return ok && (rc.Enabled == nil || *rc.Enabled)
}

// Generate fills what the genre builds from structured input: for a 整改方案 (attachment:
// rectification) with items and no attachments yet, the plan and the 整改任务清单 from
// doc.Rectification (see BuildRectification), the plan's title taken from the 《》 of the
// notice's title. Documents of other genres are left as they are.
func (g *Genre) Generate(doc *document.Document) error {
	if g.Attachment != "rectification" || len(doc.Rectification) == 0 || len(doc.Attachments) > 0 {
		return nil
	}
	title := PlanTitle(doc.Title)
	if title == "" {
		return errors.New("无法从标题取得整改方案名称：标题应写作“关于印发《……整改方案》的通知”")
	}
	return BuildRectification(doc, title)
}

// PlanTitle returns the text inside the first 《》 of a notice's title, or "".
func PlanTitle(title string) string {
	_, rest, ok := strings.Cut(title, "《")
	if !ok {
		return ""
	}
	name, _, ok := strings.Cut(rest, "》")
	if !ok {
		return ""
	}
	return strings.TrimSpace(name)
}

// Filled lists the element paths that have a value in doc (genre, format and direction
// aside), in the order of the element table (document.Elements).
func Filled(doc *document.Document) []string {
	var out []string
	for k := range document.Elements {
		e := &document.Elements[k]
		switch e.Key {
		case document.PathGenre, document.PathFormat, document.PathDirection:
			continue
		}
		if e.Filled(doc) {
			out = append(out, e.Key)
		}
	}
	return out
}

// Missing lists the genre's required elements that doc leaves empty, in the order of Required.
func (g *Genre) Missing(doc *document.Document) []string {
	filled := Filled(doc)
	var out []string
	for _, p := range g.Required {
		if !contains(filled, p) {
			out = append(out, p)
		}
	}
	return out
}

// Unused lists the elements doc fills that the genre does not list in Elements.
func (g *Genre) Unused(doc *document.Document) []string {
	var out []string
	for _, p := range Filled(doc) {
		if !g.Uses(p) {
			out = append(out, p)
		}
	}
	return out
}

// DisplayName is the name to show in lists: Label, or Name when there is none.
func (g *Genre) DisplayName() string {
	if g.Label != "" {
		return g.Label
	}
	return g.Name
}
