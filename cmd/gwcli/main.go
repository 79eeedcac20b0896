// Command gwcli is Gongwen's command line: it exports, checks, fixes and imports 公文 and
// manages genre templates, headless. It builds with CGO_ENABLED=0.
package main

import (
	"fmt"
	"io"
	"os"
)

// version is set at build time by tools/dist.sh (-ldflags "-X main.version=...").
var version = "dev"

const usage = `用法 (usage): gwcli <命令> [选项] ...
  export     排版导出 PDF/PNG/DOCX (typeset and export)
  check      检查格式 (check against GB/T 9704-2012 and the 条例)
  fix        自动修正机械性错误 (apply mechanical fixes)
  import     把 .txt/.docx 转为草稿 (turn a .txt or .docx into a draft)
  templates  文种模板 (genre templates: list, show, lint, new)
  version    显示版本 (print the version)
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes one gwcli command and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	cmds := map[string]func([]string, io.Writer, io.Writer) int{
		"export":    cmdExport,
		"check":     cmdCheck,
		"fix":       cmdFix,
		"import":    cmdImport,
		"templates": cmdTemplates,
	}
	if args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stdout, usage)
		return 0
	}
	if args[0] == "version" || args[0] == "--version" || args[0] == "-v" {
		fmt.Fprintf(stdout, "gwcli %s\n", version)
		return 0
	}
	c, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "gwcli: 未知命令 %q (unknown command)\n%s", args[0], usage)
		return 2
	}
	return c(args[1:], stdout, stderr)
}
