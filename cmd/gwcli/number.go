package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"gongwen/register"
	"gongwen/sheet"
	"gongwen/store"
)

const numberUsage = `用法 (usage): gwcli number <子命令> [选项]   发文登记簿 (the register of document numbers)
  take --code 代字 [--year 年] [--doc ID]    取下一个发文字号，只把它（如 江政〔2026〕5号）写到标准输出
                                         (take the next number; prints it alone)
       --serial N                        改为重新使用已释放的空号 N (reuse released number N instead)
  release 发文字号 [--note 说明]            释放未使用的号，留作可见的空号 (give back an unused number)
  issue 发文字号 --title 标题 [--date 日期] [--signer 签发人] [--to 主送] [--cc 抄送]
        [--joint 机关、机关] [--note 备注] [--doc ID]
  issue --draft 草稿.yaml [发文字号]        从草稿读出字号、标题、日期、签发人、主送、抄送、联合行文机关
                                         (record that the document went out with the number)
  list [发文字号] [--code 代字] [--year 年] [--state 已取号|已释放|已发文] [--text 词] [--json]
                                         列出或查找登记簿 (list or look numbers up; --text: 标题、签发人、主送、抄送、备注)
  export -o 登记簿.xlsx [--code 代字] [--year 年]   导出发文登记簿 (export as .xlsx)
  import 登记簿.xlsx                      导入发文登记簿（按发文字号覆盖） (import a .xlsx register)
共同选项 (common options):
  --db URL     数据库：文件路径、sqlite:路径 或 postgres://…；默认 %s
  --user 姓名  记录为操作人，默认 $GONGWEN_USER 或登录名 (who is recorded)
退出状态 (exit status): 0 完成，2 无法完成（用法错误、操作被拒绝、数据库或文件无法读写） (0 done, 2 could not)
`

// dbFlags are the options every register and library command takes.
type dbFlags struct {
	db, user string
}

func (d *dbFlags) add(f *flag.FlagSet) {
	f.StringVar(&d.db, "db", "", "")
	f.StringVar(&d.user, "user", "", "")
}

func (d *dbFlags) who() string {
	if strings.TrimSpace(d.user) != "" {
		return strings.TrimSpace(d.user)
	}
	return store.User()
}

// open opens the database the flags name (migrating it).
func (d *dbFlags) open() (*store.DB, error) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	return store.Open(ctx, d.db)
}

// parseInterleaved parses flags given before, between or after the positional arguments.
func parseInterleaved(f *flag.FlagSet, args []string) ([]string, error) {
	f.SetOutput(io.Discard)
	var pos []string
	for {
		if err := f.Parse(args); err != nil {
			return nil, flagError(err)
		}
		args = f.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

func defaultDBText() string {
	u, err := store.DefaultURL()
	if err != nil {
		return "（用户数据文件夹）"
	}
	return u
}

func cmdNumber(args []string, stdout, stderr io.Writer) int {
	usage := fmt.Sprintf(numberUsage, defaultDBText())
	var d dbFlags
	c, exit, done := startSubcommand("number", usage, args, &d, stdout, stderr)
	if done {
		return exit
	}
	sub, f, fail, usageErr := c.sub, c.flags, c.fail, c.usageErr
	code := f.String("code", "", "")
	year := f.Int("year", 0, "")
	serial := f.Int("serial", 0, "")
	docID := f.String("doc", "", "")
	note := f.String("note", "", "")
	title := f.String("title", "", "")
	date := f.String("date", "", "")
	signer := f.String("signer", "", "")
	to := f.String("to", "", "")
	cc := f.String("cc", "", "")
	joint := f.String("joint", "", "")
	draft := f.String("draft", "", "")
	state := f.String("state", "", "")
	text := f.String("text", "", "")
	asJSON := f.Bool("json", false, "")
	out := f.String("o", "", "")
	pos, err := parseInterleaved(f, args[1:])
	if err != nil {
		return usageErr(fmt.Sprintf("%v", err))
	}
	wantPos := map[string][2]int{"take": {0, 0}, "release": {1, 1}, "issue": {0, 1}, "list": {0, 1}, "export": {0, 0}, "import": {1, 1}}
	n, ok := wantPos[sub]
	if !ok {
		return usageErr(fmt.Sprintf("未知子命令 %q (unknown subcommand)", sub))
	}
	if len(pos) < n[0] || len(pos) > n[1] {
		return usageErr("参数个数不对 (wrong number of arguments)")
	}
	if sub == "take" && *code == "" {
		return usageErr("需要 --code 机关代字 (--code is required)")
	}
	if sub == "export" && *out == "" {
		return usageErr("需要 -o 文件.xlsx (-o is required)")
	}
	var st register.State
	if *state != "" {
		if st, err = register.ParseState(*state); err != nil {
			return fail(err.Error())
		}
	}
	// an issue's fields: from the draft first, flags override
	var iss register.Entry
	if sub == "issue" {
		if *draft != "" {
			doc, err := loadDocument(*draft)
			if err != nil {
				return fail(err.Error())
			}
			iss = register.FromDocument(doc)
		}
		if len(pos) == 1 {
			iss.Code, iss.Year, iss.Serial, err = register.ParseNumber(pos[0])
			if err != nil {
				return fail(err.Error())
			}
		} else if iss.Code == "" {
			return usageErr("需要发文字号，或者 --draft 中的 number (give the number)")
		}
		for _, o := range []struct {
			v   string
			dst *string
		}{{*title, &iss.Title}, {*date, &iss.Date}, {*signer, &iss.Signer}, {*to, &iss.Recipients}, {*cc, &iss.CC}, {*note, &iss.Note}, {*docID, &iss.DocID}} {
			if o.v != "" {
				*o.dst = o.v
			}
		}
		if *joint != "" {
			iss.Joint = strings.FieldsFunc(*joint, func(r rune) bool { return r == '、' || r == ',' || r == '，' })
		}
	}

	db, err := d.open()
	if err != nil {
		return fail(err.Error())
	}
	defer db.Close()
	reg := register.New(db)
	ctx := context.Background()
	switch sub {
	case "take":
		y := *year
		if y == 0 {
			y = time.Now().Year()
		}
		var e register.Entry
		if *serial > 0 {
			e, err = reg.TakeReleased(ctx, *code, y, *serial, d.who(), *docID)
		} else {
			e, err = reg.Take(ctx, *code, y, d.who(), *docID)
		}
		if err != nil {
			return fail(err.Error())
		}
		fmt.Fprintln(stdout, e.Number())
	case "release":
		c, y, s, err := register.ParseNumber(pos[0])
		if err != nil {
			return fail(err.Error())
		}
		e, err := reg.Release(ctx, c, y, s, d.who(), *note)
		if err != nil {
			return fail(err.Error())
		}
		fmt.Fprintf(stdout, "%s 已释放 (released)\n", e.Number())
	case "issue":
		e, err := reg.Issue(ctx, iss, d.who())
		if err != nil {
			return fail(err.Error())
		}
		fmt.Fprintf(stdout, "%s 已登记发文 (issued): %s\n", e.Number(), e.Title)
	case "list":
		var es []register.Entry
		if len(pos) == 1 {
			c, y, s, err := register.ParseNumber(pos[0])
			if err != nil {
				return fail(err.Error())
			}
			e, err := reg.Get(ctx, c, y, s)
			if err != nil {
				return fail(err.Error())
			}
			es = []register.Entry{e}
		} else if es, err = reg.List(ctx, register.Filter{Code: *code, Year: *year, State: st, Text: *text}); err != nil {
			return fail(err.Error())
		}
		if *asJSON {
			if es == nil {
				es = []register.Entry{}
			}
			enc := json.NewEncoder(stdout)
			enc.SetIndent("", "  ")
			enc.Encode(es)
			return 0
		}
		tw := newTable(stdout)
		fmt.Fprintln(tw, "发文字号\t状态\t标题\t成文日期\t签发人\t取号人")
		for _, e := range es {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", e.Number(), e.State.Label(), e.Title, e.Date, e.Signer, e.TakenBy)
		}
		tw.Flush()
	case "export":
		es, err := reg.List(ctx, register.Filter{Code: *code, Year: *year, State: st, Text: *text})
		if err != nil {
			return fail(err.Error())
		}
		if err := sheet.WriteRegisterFile(*out, es); err != nil {
			return fail(err.Error())
		}
		fmt.Fprintf(stderr, "gwcli number export: %d 行写入 (rows written to) %s\n", len(es), *out)
	case "import":
		es, err := sheet.ReadRegisterFile(pos[0])
		if err != nil {
			return fail(err.Error())
		}
		if err := reg.Put(ctx, es); err != nil {
			return fail(err.Error())
		}
		fmt.Fprintf(stderr, "gwcli number import: %d 行已导入 (rows imported)\n", len(es))
	}
	return 0
}

const dbUsage = `用法 (usage): gwcli db <子命令> [--db URL]   数据库 (the register and library database)
  init      建立或升级数据库结构 (create or upgrade the schema; for a shared PostgreSQL, run once)
  version   显示数据库结构版本和本程序的版本 (show schema versions)
  --db URL  文件路径、sqlite:路径 或 postgres://用户:密码@主机/库；默认 %s
`

func cmdDB(args []string, stdout, stderr io.Writer) int {
	usage := fmt.Sprintf(dbUsage, defaultDBText())
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	sub := args[0]
	if sub == "-h" || sub == "--help" || sub == "help" {
		fmt.Fprint(stdout, usage)
		return 0
	}
	var d dbFlags
	f := flag.NewFlagSet("db", flag.ContinueOnError)
	d.add(f)
	pos, err := parseInterleaved(f, args[1:])
	if err != nil || len(pos) > 0 || (sub != "init" && sub != "version") {
		fmt.Fprintf(stderr, "gwcli db: 用法错误 (usage error)\n%s", usage)
		return 2
	}
	db, err := d.open()
	if err != nil {
		fmt.Fprintf(stderr, "gwcli db %s: %s\n", sub, oneLine(err.Error()))
		return 2
	}
	defer db.Close()
	v, err := db.Version(context.Background())
	if err != nil {
		fmt.Fprintf(stderr, "gwcli db %s: %s\n", sub, oneLine(err.Error()))
		return 2
	}
	switch sub {
	case "init":
		fmt.Fprintf(stdout, "数据库已就绪 (ready): %s %s，结构版本 (schema) %d\n", db.Engine, db.Where, v)
	case "version":
		fmt.Fprintf(stdout, "数据库 (database) %s %s: 结构版本 (schema) %d; 本程序 (program) %d\n", db.Engine, db.Where, v, store.SchemaVersion)
	}
	return 0
}
