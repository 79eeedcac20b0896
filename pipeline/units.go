package pipeline

import (
	"gongwen/document"
	"gongwen/templates"
)

// Units is what the importers need of the unit profiles (单位信息): each unit's full name,
// 机关代字 and 印发机关, so that an imported document whose issuer the text does not state is
// named from its number's 机关代字 or its 印发机关 (document.InferIssuer). The document
// package does not import templates; the profiles reach it through this plain list. The
// built-in example profiles (fictional organs such as 某某县人民政府 with the placeholder code
// 某政, read from no folder) are left out: only the user's own units name real issuers.
func Units(profiles []templates.Profile) []document.Unit {
	var out []document.Unit
	for _, p := range profiles {
		if p.Dir == "" {
			continue
		}
		out = append(out, document.Unit{Name: p.FullName, Code: p.Code, Printer: p.Printer})
	}
	return out
}
