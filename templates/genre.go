// Package templates holds the genre templates and unit profiles as data (YAML), their strict
// loader and validator, the embedded built-ins and the overlay of a user folder.
package templates

import "gongwen/document"

// Genre is one genre template (文种模板), loaded from YAML.
type Genre struct {
	SchemaVersion int    `yaml:"schema_version"`
	ID            string `yaml:"id"`   // e.g. "qingshi"
	Name          string `yaml:"name"` // the 文种, e.g. 请示
	// Label is the name shown in lists when several templates share a 文种, e.g. 通知（印发）;
	// empty means Name. Optional.
	Label string `yaml:"label"`
	// Aliases are other words a title may end with for this 文种 (令 for 命令). Optional.
	Aliases []string `yaml:"aliases"`
	Use     string   `yaml:"use"` // one-line use
	// TitleEndings are words other than the 文种 that the title of a document printed with
	// this genre ends with (the 办法 a 印发 notice issues, an attachment's 名单): the text
	// importer takes a short line ending in one of them for a title. Optional.
	TitleEndings []string `yaml:"title_endings"`
	// NameEN and UseEN are the genre's name and use in English (the app's English UI).
	// Optional.
	NameEN    string             `yaml:"name_en"`
	UseEN     string             `yaml:"use_en"`
	Direction document.Direction `yaml:"direction"`
	Format    document.Format    `yaml:"format"`
	// Elements lists the elements the genre uses (by document path, e.g. "signers"), and
	// Required those it must have.
	Elements []string `yaml:"elements"`
	Required []string `yaml:"required"`
	Fields   []Field  `yaml:"fields"`
	// Defaults are default values by document path (e.g. "mark_suffix": "文件", "sign_off": "seal").
	Defaults map[string]string `yaml:"defaults"`
	// Closing is the usual closing sentence (妥否，请批示。 for 请示), offered as the last paragraph.
	Closing string `yaml:"closing"`
	// Closings are the closing phrases that belong to this genre (特此通知 to 通知); the checker
	// reports one of them in a document of another genre. Optional.
	Closings []string `yaml:"closings"`
	// Scaffold is the body's usual structure as prompts the writer replaces.
	Scaffold []string `yaml:"scaffold"`
	// Rules switches check rules on for this genre, with their parameters, by rule id.
	Rules map[string]RuleConfig `yaml:"rules"`
	// Checks are rules the template declares itself, from a closed set of kinds (declared.go).
	Checks []DeclaredRule `yaml:"checks"`
	// Example is a complete example draft in the draft format (YAML text).
	Example string `yaml:"example"`
	Meta    Meta   `yaml:"meta"`
	// Order sorts the genres in lists (smaller first; equal orders sort by id). Optional.
	Order int `yaml:"order"`
	// Attachment names what the genre's form generates as attachments, if anything:
	// "rectification" for a 整改方案 (the plan's text and the 整改任务清单 table are built
	// from Document.Rectification by BuildRectification). Optional.
	Attachment string `yaml:"attachment"`

	// File is where the template was loaded from ("builtin:qingshi.yaml" for built-ins).
	File string `yaml:"-"`
}

// Field is one guided field of the form.
type Field struct {
	Path    string   `yaml:"path"`  // document path the field fills, e.g. "title", "recipients", "body"
	Label   string   `yaml:"label"` // Chinese label
	Help    string   `yaml:"help"`  // help text that says the rule behind it
	Example string   `yaml:"example"`
	Kind    string   `yaml:"kind"` // line, paragraph, list, date, choice, items
	Choices []string `yaml:"choices"`
	Group   string   `yaml:"group"` // 版头, 主体, 版记
	// LabelEN and HelpEN are the label and help in English (the app's English UI). Optional.
	LabelEN string `yaml:"label_en"`
	HelpEN  string `yaml:"help_en"`
}

// RuleConfig switches one rule on (or off, with enabled: false) and sets its parameters.
type RuleConfig struct {
	Enabled  *bool          `yaml:"enabled"`
	Severity string         `yaml:"severity"` // override: error, warning, info
	Params   map[string]any `yaml:"params"`
}

// Meta names the clauses and sources a template follows.
type Meta struct {
	Clauses []string `yaml:"clauses"`
	Sources []string `yaml:"sources"`
	Notes   string   `yaml:"notes"`
}
