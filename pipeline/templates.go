package pipeline

import (
	"fmt"
	"sync"

	"gongwen/check"
	"gongwen/document"
	"gongwen/templates"
)

// TemplateOptions are the one way templates are validated when they are loaded, by the app
// and by every gwcli command: rule ids and parameter types against the checker's rules, the
// example drafts parsed, and the examples of the rules a template declares run. With lint
// (gwcli templates lint) each template's example also goes through the whole pipeline and
// its error findings are problems of the template.
func TemplateOptions(userDir string, lint bool) templates.LoadOptions {
	opts := templates.LoadOptions{
		UserDir:      userDir,
		RuleExists:   check.RuleExists,
		ParamDefault: ruleParamDefault,
		ParseDraft:   document.Parse,
		RunDeclared: func(doc *document.Document, g *templates.Genre, id string) bool {
			return len(check.Run(doc, g, check.Options{Only: []string{id}})) > 0
		},
	}
	if lint {
		opts.CheckExample = checkExample
	}
	return opts
}

// LoadTemplates loads the user's folder (userDir; "" is the default folder) with
// TemplateOptions over the built-in templates. A broken template is reported and skipped.
// The built-ins are the process's one parsed set (templates.Builtins, which the checker
// shares), not validated again: they pass TemplateOptions in the tests
// (TestBuiltinTemplatesValid), and parsing and validating them once more cost every gwcli
// command 0.1-0.15 s of CPU and 21 MB of allocations.
func LoadTemplates(userDir string) (*templates.Set, []error) {
	opts := TemplateOptions(userDir, false)
	opts.Builtins = templates.Builtins()
	return templates.Load(opts)
}

var (
	paramsOnce sync.Once
	params     map[string]map[string]any
)

// ruleParamDefault returns the default value of a rule's parameter.
func ruleParamDefault(rule, param string) (any, bool) {
	paramsOnce.Do(func() {
		params = map[string]map[string]any{}
		for _, r := range check.Rules() {
			params[r.ID] = r.Params
		}
	})
	v, ok := params[rule][param]
	return v, ok
}

// checkExample runs a template's example through the pipeline (generation, layout, checker)
// and returns its error findings, and a problem when it cannot be typeset.
func checkExample(doc *document.Document, g *templates.Genre) []templates.ExampleProblem {
	p := &Pipeline{}
	d := p.PrepareAs(doc, g)
	if d.GenerateErr != nil {
		return []templates.ExampleProblem{{Rule: "generate", Message: d.GenerateErr.Error()}}
	}
	var out []templates.ExampleProblem
	res, err := p.Typeset(d, TypesetOptions{})
	switch {
	case err != nil:
		out = append(out, templates.ExampleProblem{Rule: "layout", Message: fmt.Sprintf("排版失败 (typesetting failed)：%v", err)})
		res = nil
	case len(res.Pages) == 0:
		out = append(out, templates.ExampleProblem{Rule: "layout", Message: "排版结果没有页面 (no pages)"})
		res = nil
	}
	// the example is checked as the generated document, as the template shows it
	d.Source = d.Doc
	for _, f := range p.Check(d, res) {
		if f.Severity == check.SeverityError {
			msg := f.Message
			if f.Text != "" {
				msg += fmt.Sprintf("（“%s”）", f.Text)
			}
			out = append(out, templates.ExampleProblem{Line: f.Line, Col: f.Column, Rule: f.Rule, Message: msg})
		}
	}
	return out
}

// TitleEndings are the words a title of the set may end with: every genre's names (the 文种 and
// its aliases) and title endings, each once (layout breaks a title before the 的 that precedes
// one). The built-in set's are made once.
func TitleEndings(set *templates.Set) []string {
	if set == templates.Builtins() {
		return builtinEndings()
	}
	return titleEndings(set)
}

var builtinEndings = sync.OnceValue(func() []string { return titleEndings(templates.Builtins()) })

func titleEndings(set *templates.Set) []string { return set.GenreTable().Endings() }

// Genres is the genre table the importers take from a template set (Set.GenreTable): each
// genre's names (the 文种 and its aliases), title endings, format and direction.
func Genres(set *templates.Set) document.Genres {
	return set.GenreTable()
}
