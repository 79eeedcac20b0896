package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"gongwen/check"
	"gongwen/document"
	"gongwen/internal/safeio"
	"gongwen/pipeline"
	"gongwen/templates"
)

const templatesUsage = `用法 (usage): gwcli templates [--templates DIR] <子命令>
  list          列出文种模板 (list the genre templates)
  show ID       显示一个模板的字段、规则和示例 (show one template; --yaml prints its source)
  lint [DIR]    严格检查模板：键、类型、规则、示例能否通过检查和排版；不给 DIR 时检查内置模板和用户模板
                (validate templates; exit 1 on errors)
  new ID [-o FILE]  写出带注释的新模板骨架，默认 ID.yaml (write a commented starting template)
  --templates DIR   用户模板目录，默认 %s
`

// templatesArgs are the parsed arguments of gwcli templates.
type templatesArgs struct {
	dir    string // --templates
	out    string // -o (new)
	yaml   bool   // --yaml (show)
	rest   []string
	errMsg string
}

func tplParseArgs(args []string) templatesArgs {
	var a templatesArgs
	for i := 0; i < len(args); i++ {
		s := args[i]
		value := func(name string) string {
			if v, ok := strings.CutPrefix(s, name+"="); ok {
				return v
			}
			if i+1 < len(args) {
				i++
				return args[i]
			}
			a.errMsg = fmt.Sprintf("%s 需要一个参数 (needs a value)", name)
			return ""
		}
		switch {
		case s == "--templates" || strings.HasPrefix(s, "--templates=") || s == "-templates" || strings.HasPrefix(s, "-templates="):
			a.dir = value(strings.SplitN(s, "=", 2)[0])
		case s == "-o" || strings.HasPrefix(s, "-o="):
			a.out = value("-o")
		case s == "--yaml" || s == "-yaml":
			a.yaml = true
		case s == "-h" || s == "--help":
			a.rest = append([]string{"help"}, a.rest...)
		case strings.HasPrefix(s, "-") && len(s) > 1:
			a.errMsg = fmt.Sprintf("未知选项 %q (unknown option)", s)
		default:
			a.rest = append(a.rest, s)
		}
	}
	return a
}

func cmdTemplates(args []string, stdout, stderr io.Writer) int {
	a := tplParseArgs(args)
	usage := fmt.Sprintf(templatesUsage, templates.DefaultUserDir())
	if a.errMsg != "" {
		fmt.Fprintf(stderr, "gwcli templates: %s\n%s", a.errMsg, usage)
		return 2
	}
	if len(a.rest) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch a.rest[0] {
	case "help":
		fmt.Fprint(stdout, usage)
		return 0
	case "list":
		return templatesList(a, stdout, stderr)
	case "show":
		if len(a.rest) != 2 {
			fmt.Fprintf(stderr, "gwcli templates show: 请给出一个模板 id (one template id)\n%s", usage)
			return 2
		}
		return templatesShow(a, stdout, stderr)
	case "lint":
		if len(a.rest) > 2 {
			fmt.Fprintf(stderr, "gwcli templates lint: 最多一个目录 (at most one folder)\n%s", usage)
			return 2
		}
		return templatesLint(a, stdout, stderr)
	case "new":
		if len(a.rest) != 2 {
			fmt.Fprintf(stderr, "gwcli templates new: 请给出新模板的 id (one id)\n%s", usage)
			return 2
		}
		return templatesNew(a, stdout, stderr)
	}
	fmt.Fprintf(stderr, "gwcli templates: 未知子命令 %q (unknown subcommand)\n%s", a.rest[0], usage)
	return 2
}

// tplLintOptions are the pipeline's template validation with each example run through the
// pipeline (generation, layout, checker).
func tplLintOptions() templates.LoadOptions { return pipeline.TemplateOptions("", true) }

// tplCheckExample returns the error findings of a template's example as lint reports them.
func tplCheckExample(doc *document.Document, g *templates.Genre) []templates.ExampleProblem {
	return tplLintOptions().CheckExample(doc, g)
}

// tplLoadSet loads the built-ins and the user folder (--templates or the default), reporting
// broken user templates on stderr without failing.
func tplLoadSet(a templatesArgs, stderr io.Writer) *templates.Set {
	set, errs := templates.Load(pipeline.TemplateOptions(a.dir, false))
	for _, err := range errs {
		fmt.Fprintf(stderr, "%v（已跳过 skipped）\n", err)
	}
	return set
}

var tplDirectionNames = map[document.Direction]string{document.DirectionUp: "上行文", document.DirectionDown: "下行文", document.DirectionParallel: "平行文"}
var tplFormatNames = map[document.Format]string{document.FormatFile: "文件格式", document.FormatLetter: "信函格式", document.FormatOrder: "命令格式", document.FormatMinutes: "纪要格式"}

func templatesList(a templatesArgs, stdout, stderr io.Writer) int {
	set := tplLoadSet(a, stderr)
	for _, g := range set.Genres() {
		src := "内置"
		if !strings.HasPrefix(g.File, "builtin:") {
			src = g.File
		}
		fmt.Fprintf(stdout, "%s %s %s %s  %s  [%s]\n", tplPad(g.ID, 16), tplPad(g.DisplayName(), 14), tplDirectionNames[g.Direction], tplFormatNames[g.Format], g.Use, src)
	}
	return 0
}

func templatesShow(a templatesArgs, stdout, stderr io.Writer) int {
	set := tplLoadSet(a, stderr)
	id := a.rest[1]
	g, ok := set.Genre(id)
	if !ok {
		if g = set.ByName(id); g == nil {
			fmt.Fprintf(stderr, "gwcli templates show: 没有模板 %q (no such template)；用 gwcli templates list 查看\n", id)
			return exitFailure
		}
	}
	if a.yaml {
		data, err := g.Source()
		if err != nil {
			fmt.Fprintf(stderr, "gwcli templates show: %v\n", err)
			return exitFailure
		}
		stdout.Write(data)
		return 0
	}
	w := func(format string, args ...any) { fmt.Fprintf(stdout, format, args...) }
	w("%s（%s）  %s，%s\n", g.DisplayName(), g.ID, tplDirectionNames[g.Direction], tplFormatNames[g.Format])
	w("用途：%s\n来源：%s\n", g.Use, g.File)
	w("使用要素：%s\n必备要素：%s\n", strings.Join(g.Elements, " "), strings.Join(g.Required, " "))
	w("\n表单字段：\n")
	for _, grp := range []string{"版头", "主体", "版记"} {
		for _, f := range g.Fields {
			if f.Group != grp {
				continue
			}
			req := ""
			if g.Requires(f.Path) {
				req = "（必填）"
			}
			w("  [%s] %s%s  %s/%s\n", f.Group, f.Label, req, f.Path, f.Kind)
			if len(f.Choices) > 0 {
				w("      选项：%s\n", strings.Join(f.Choices, " / "))
			}
			w("      %s\n", f.Help)
			if f.Example != "" {
				w("      例：%s\n", f.Example)
			}
		}
	}
	if len(g.Defaults) > 0 {
		w("\n默认值：\n")
		keys := make([]string, 0, len(g.Defaults))
		for k := range g.Defaults {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			w("  %s: %q\n", k, g.Defaults[k])
		}
	}
	if g.Closing != "" {
		w("\n结束语：%s\n", g.Closing)
	}
	if len(g.Scaffold) > 0 {
		w("\n正文结构：\n")
		for _, s := range g.Scaffold {
			w("  %s\n", s)
		}
	}
	if len(g.Rules) > 0 {
		w("\n启用的规则：\n")
		ids := make([]string, 0, len(g.Rules))
		for id := range g.Rules {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		info := map[string]check.RuleInfo{}
		for _, r := range check.Rules() {
			info[r.ID] = r
		}
		for _, id := range ids {
			rc := g.Rules[id]
			state := ""
			if rc.Enabled != nil && !*rc.Enabled {
				state = "（关闭）"
			}
			w("  %s%s  %s [%s]\n", id, state, info[id].Summary, info[id].Clause)
			if len(rc.Params) > 0 {
				keys := make([]string, 0, len(rc.Params))
				for k := range rc.Params {
					keys = append(keys, k)
				}
				sort.Strings(keys)
				for _, k := range keys {
					w("      %s = %v\n", k, rc.Params[k])
				}
			}
		}
	}
	if len(g.Checks) > 0 {
		w("\n模板声明的规则 (declared rules)：\n")
		for _, r := range g.Checks {
			w("  %s  %s %s：%s [%s]\n", r.ID, r.Kind, r.Severity, r.Message, r.Clause)
		}
	}
	w("\n依据：%s\n", strings.Join(g.Meta.Clauses, "；"))
	if len(g.Meta.Sources) > 0 {
		w("来源：%s\n", strings.Join(g.Meta.Sources, "；"))
	}
	if g.Example != "" {
		w("\n示例草稿：\n%s", g.Example)
	}
	return 0
}

func templatesLint(a templatesArgs, stdout, stderr io.Writer) int {
	opts := tplLintOptions()
	what := "内置模板和用户模板"
	if len(a.rest) == 2 {
		opts.NoBuiltins = true
		opts.UserDir = a.rest[1]
		what = a.rest[1]
		if st, err := os.Stat(a.rest[1]); err != nil || !st.IsDir() {
			fmt.Fprintf(stderr, "gwcli templates lint: %s 不是可读的文件夹 (not a readable folder)\n", a.rest[1])
			return 2
		}
	} else {
		opts.UserDir = a.dir
	}
	set, errs := templates.Load(opts)
	n := len(set.Genres())
	if len(a.rest) < 2 {
		_, perrs := templates.LoadProfiles("")
		errs = append(errs, perrs...)
	}
	for _, err := range errs {
		fmt.Fprintln(stderr, err)
	}
	examples := 0
	for _, g := range set.Genres() {
		if g.Example != "" {
			examples++
		}
	}
	if len(errs) > 0 {
		fmt.Fprintf(stdout, "检查了%s：%d 个模板可用（%d 个示例通过检查和排版），%d 个错误\n", what, n, examples, len(errs))
		return 1
	}
	fmt.Fprintf(stdout, "检查了%s：%d 个模板，%d 个示例，全部通过 (ok)\n", what, n, examples)
	return 0
}

func templatesNew(a templatesArgs, stdout, stderr io.Writer) int {
	id := a.rest[1]
	data, err := templates.Skeleton(id)
	if err != nil {
		fmt.Fprintf(stderr, "gwcli templates new: %v\n", err)
		return 2
	}
	out := a.out
	if out == "" {
		out = id + ".yaml"
		if a.dir != "" {
			out = filepath.Join(a.dir, out)
		}
	}
	if out == "-" {
		stdout.Write(data)
		return 0
	}
	f, err := os.OpenFile(out, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, os.ErrExist) {
			fmt.Fprintf(stderr, "gwcli templates new: %s 已存在，不覆盖 (exists, not overwritten)\n", out)
		} else {
			fmt.Fprintf(stderr, "gwcli templates new: %s: %s\n", out, safeio.WriteMessage(filepath.Dir(out), err))
		}
		return exitFailure
	}
	_, werr := f.Write(data)
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		os.Remove(out) // the file was created above: leave no half-written template
		fmt.Fprintf(stderr, "gwcli templates new: %s: %s\n", out, safeio.WriteMessage(filepath.Dir(out), werr))
		return exitFailure
	}
	fmt.Fprintf(stdout, "已写出 %s：按注释填写后运行 gwcli templates lint %s 检查\n", out, filepath.Dir(out))
	return 0
}

// tplPad pads s with spaces to w terminal columns, counting CJK characters as two.
func tplPad(s string, w int) string {
	n := 0
	for _, r := range s {
		if r >= 0x1100 {
			n += 2
		} else {
			n++
		}
	}
	if n >= w {
		return s
	}
	return s + strings.Repeat(" ", w-n)
}
