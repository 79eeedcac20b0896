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
  number     发文登记簿：取号、释放、登记发文、列表、导入导出 xlsx (register: take, release, issue, list)
  library    文稿库：检索、查看、比较版本、流转、导入导出 (library: list, show, diff, export, import)
  profiles   单位信息的机关和人员导入导出 xlsx (unit profiles as .xlsx: export, import)
  db         数据库：建立结构、查看版本 (database: init, version)
  exercise   练习模式：埋入错误、评分 (exercises: make, score, answer)
  version    显示版本 (print the version)
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// commands are gwcli's subcommands; each returns the exit status.
var commands = map[string]func([]string, io.Writer, io.Writer) int{
	"export":    cmdExport,
	"check":     cmdCheck,
	"fix":       cmdFix,
	"import":    cmdImport,
	"templates": cmdTemplates,
	"number":    cmdNumber,
	"db":        cmdDB,
	"library":   cmdLibrary,
	"profiles":  cmdProfiles,
	"exercise":  cmdExercise,
}

// run executes one gwcli command and returns the exit status. A panic (a bug, in this
// program or a library) becomes one line and the command's failure status, never a Go trace.
func run(args []string, stdout, stderr io.Writer) (status int) {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "gwcli: %s: 内部错误，未写出任何文件；请把输入文件和这行信息发给开发者 (internal error): %s\n", args[0], oneLine(fmt.Sprint(r)))
			status = exitFailure // every command: 2 when it could not do its job
		}
	}()
	cmds := commands
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
