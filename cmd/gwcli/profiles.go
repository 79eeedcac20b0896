package main

import (
	"fmt"
	"io"
	"strings"

	"gongwen/sheet"
	"gongwen/templates"
)

const profilesUsage = `用法 (usage): gwcli profiles <子命令> [--dir 目录]   单位信息的机关和人员 (unit profiles' organs and people)
  export -o 单位.xlsx     导出单位信息：工作表“机关”（单位ID、机关全称、规范化简称、机关代字、发文机关标志、
                          印发机关、印章）和“人员”（单位ID、姓名、角色） (export as .xlsx)
  import 单位.xlsx        导入并保存到单位信息目录（同 ID 覆盖） (import and save the profiles)
  --dir 目录              单位信息目录，默认 %s
`

func cmdProfiles(args []string, stdout, stderr io.Writer) int {
	usage := fmt.Sprintf(profilesUsage, templates.DefaultProfileDir())
	c, exit, done := startSubcommand("profiles", usage, args, nil, stdout, stderr)
	if done {
		return exit
	}
	sub, f, fail, usageErr := c.sub, c.flags, c.fail, c.usageErr
	dir := f.String("dir", "", "")
	out := f.String("o", "", "")
	pos, err := parseInterleaved(f, args[1:])
	switch {
	case err != nil:
		return usageErr(err.Error())
	case sub == "export" && (*out == "" || len(pos) != 0):
		return usageErr("需要 -o 文件.xlsx (-o is required)")
	case sub == "import" && len(pos) != 1:
		return usageErr("需要一个 .xlsx 文件 (one .xlsx file)")
	case sub != "export" && sub != "import":
		return usageErr(fmt.Sprintf("未知子命令 %q (unknown subcommand)", sub))
	}
	d := *dir
	if d == "" {
		d = templates.DefaultProfileDir()
	}
	if sub == "export" {
		ps, errs := templates.LoadProfiles(d)
		for _, e := range errs {
			fmt.Fprintf(stderr, "gwcli profiles export: 跳过 (skipped) %s\n", oneLine(e.Error()))
		}
		if err := sheet.WriteProfilesFile(*out, ps); err != nil {
			return fail(err.Error())
		}
		fmt.Fprintf(stderr, "gwcli profiles export: %d 个单位写入 (profiles written to) %s\n", len(ps), *out)
		return 0
	}
	ps, err := sheet.ReadProfilesFile(pos[0])
	if err != nil {
		return fail(err.Error())
	}
	var ids []string
	for _, p := range ps {
		if err := templates.SaveProfile(d, p); err != nil {
			return fail(err.Error())
		}
		ids = append(ids, p.ID)
	}
	fmt.Fprintf(stdout, "已保存 (saved) %d: %s\n", len(ps), strings.Join(ids, " "))
	return 0
}
