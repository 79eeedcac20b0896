package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"gongwen/document"
	"gongwen/library"
)

const libraryUsage = `用法 (usage): gwcli library <子命令> [选项]   文稿库 (the manuscript library)
  list [--title 词] [--number 词] [--genre 文种] [--status 草稿|审核|签发|印发|归档]
       [--from 日期] [--to 日期] [--json]          检索文稿 (search)
  show ID [--json]                                 文稿的状态、各版本和流转记录 (state, versions, history)
  show ID --draft [--version N]                    把某一版草稿写到标准输出（默认最新版） (print a version's draft)
  diff ID A [B]                                    按要素比较第 A 版和第 B 版（默认最新版） (diff two versions by element)
  save 草稿.yaml [--id ID] [--base N] [--note 说明] 存入文稿库，已有 ID 则新增一版 (save a new version)
  status ID 审核|签发|印发|归档|草稿 [--note 说明]     流转 (move in the workflow)
  restore ID N                                     把第 N 版恢复为最新版 (restore a version)
  export -o 文件.zip [ID ...]                      导出文稿及全部历史（不给 ID 则全部） (export with history)
  import 文件.zip                                  导入交换文件 (import)
共同选项 (common options): --db URL（默认 %s）  --user 姓名
退出状态 (exit status): 0 完成，2 无法完成（用法错误、操作被拒绝、数据库或文件无法读写） (0 done, 2 could not)
`

func cmdLibrary(args []string, stdout, stderr io.Writer) int {
	usage := fmt.Sprintf(libraryUsage, defaultDBText())
	var d dbFlags
	c, exit, done := startSubcommand("library", usage, args, &d, stdout, stderr)
	if done {
		return exit
	}
	sub, f, fail, usageErr := c.sub, c.flags, c.fail, c.usageErr
	title := f.String("title", "", "")
	number := f.String("number", "", "")
	genre := f.String("genre", "", "")
	status := f.String("status", "", "")
	from := f.String("from", "", "")
	to := f.String("to", "", "")
	asJSON := f.Bool("json", false, "")
	showDraft := f.Bool("draft", false, "")
	version := f.Int("version", 0, "")
	id := f.String("id", "", "")
	base := f.Int("base", 0, "")
	note := f.String("note", "", "")
	out := f.String("o", "", "")
	pos, err := parseInterleaved(f, args[1:])
	if err != nil {
		return usageErr(err.Error())
	}
	want := map[string][2]int{"list": {0, 0}, "show": {1, 1}, "diff": {2, 3}, "save": {1, 1}, "status": {2, 2},
		"restore": {2, 2}, "export": {0, 1 << 20}, "import": {1, 1}}
	n, ok := want[sub]
	if !ok {
		return usageErr(fmt.Sprintf("未知子命令 %q (unknown subcommand)", sub))
	}
	if len(pos) < n[0] || len(pos) > n[1] {
		return usageErr("参数个数不对 (wrong number of arguments)")
	}
	var st library.Status
	if *status != "" {
		if st, err = library.ParseStatus(*status); err != nil {
			return usageErr(err.Error())
		}
	}
	ints := make([]int, 0, 2)
	if sub == "diff" || sub == "restore" {
		for _, p := range pos[1:] {
			v, err := strconv.Atoi(p)
			if err != nil || v <= 0 {
				return usageErr(fmt.Sprintf("版本号 %q 应为正整数 (version must be a positive integer)", p))
			}
			ints = append(ints, v)
		}
	}
	if sub == "status" {
		if st, err = library.ParseStatus(pos[1]); err != nil {
			return usageErr(err.Error())
		}
	}
	if sub == "export" && *out == "" {
		return usageErr("需要 -o 文件.zip (-o is required)")
	}
	var draftText string
	if sub == "save" {
		doc, err := loadDocument(pos[0]) // the same checks as every other command
		if err != nil {
			return fail(err.Error())
		}
		library.Portable(doc)
		b, err := document.Marshal(doc)
		if err != nil {
			return fail(err.Error())
		}
		draftText = string(b)
	}

	db, err := d.open()
	if err != nil {
		return fail(err.Error())
	}
	defer db.Close()
	lib := library.New(db)
	ctx := context.Background()
	printJSON := func(v any) {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.Encode(v)
	}
	switch sub {
	case "list":
		docs, err := lib.Search(ctx, library.Query{Title: *title, Number: *number, Genre: *genre, Status: st, DateFrom: *from, DateTo: *to})
		if err != nil {
			return fail(err.Error())
		}
		if *asJSON {
			if docs == nil {
				docs = []library.Doc{}
			}
			printJSON(docs)
			return 0
		}
		tw := newTable(stdout)
		fmt.Fprintln(tw, "ID\t状态\t版本\t发文字号\t标题\t成文日期\t更新人\t更新时间")
		for _, x := range docs {
			fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\t%s\t%s\t%s\n", x.ID, x.Status.Label(), x.Head, x.Number, x.Title, x.Date, x.UpdatedBy, x.UpdatedAt)
		}
		tw.Flush()
	case "show":
		if *showDraft {
			v, err := lib.Version(ctx, pos[0], *version)
			if err != nil {
				return fail(err.Error())
			}
			io.WriteString(stdout, v.Draft)
			return 0
		}
		doc, err := lib.Get(ctx, pos[0])
		if err != nil {
			return fail(err.Error())
		}
		vs, err := lib.Versions(ctx, pos[0])
		if err != nil {
			return fail(err.Error())
		}
		hist, err := lib.History(ctx, pos[0])
		if err != nil {
			return fail(err.Error())
		}
		if *asJSON {
			printJSON(struct {
				Doc      library.Doc            `json:"document"`
				Versions []library.Version      `json:"versions"`
				History  []library.StatusChange `json:"history"`
			}{doc, vs, hist})
			return 0
		}
		fmt.Fprintf(stdout, "《%s》 %s\n状态 %s，第 %d 版；创建 %s %s，更新 %s %s\n", doc.Title, doc.Number, doc.Status.Label(), doc.Head,
			doc.CreatedBy, doc.CreatedAt, doc.UpdatedBy, doc.UpdatedAt)
		fmt.Fprintln(stdout, "版本 (versions):")
		for _, v := range vs {
			fmt.Fprintf(stdout, "  %d  %s  %s  %s\n", v.N, v.SavedAt, v.Author, v.Note)
		}
		if len(hist) > 0 {
			fmt.Fprintln(stdout, "流转 (history):")
			for _, c := range hist {
				fmt.Fprintf(stdout, "  %s  %s → %s  %s  %s\n", c.At, c.From.Label(), c.To.Label(), c.Who, c.Note)
			}
		}
	case "diff":
		b := 0
		if len(ints) == 2 {
			b = ints[1]
		}
		va, err := lib.Version(ctx, pos[0], ints[0])
		if err != nil {
			return fail(err.Error())
		}
		vb, err := lib.Version(ctx, pos[0], b)
		if err != nil {
			return fail(err.Error())
		}
		changes, err := library.DiffVersions(va, vb)
		if err != nil {
			return fail(err.Error())
		}
		if *asJSON {
			if changes == nil {
				changes = []library.Change{}
			}
			printJSON(changes)
			return 0
		}
		fmt.Fprintf(stdout, "第 %d 版 → 第 %d 版：%d 处不同\n", va.N, vb.N, len(changes))
		for _, c := range changes {
			fmt.Fprintf(stdout, "%s %s: %s\n", c.Kind.Label(), c.Element, library.Marked(library.Inline(c.Old, c.New)))
		}
	case "save":
		doc, err := lib.Save(ctx, library.Save{ID: *id, Base: *base, Draft: draftText, Who: d.who(), Note: *note})
		if err != nil {
			return fail(err.Error())
		}
		fmt.Fprintf(stdout, "%s\n", doc.ID)
		fmt.Fprintf(stderr, "gwcli library save: 《%s》第 %d 版 (version %d)\n", doc.Title, doc.Head, doc.Head)
	case "status":
		doc, err := lib.SetStatus(ctx, pos[0], st, d.who(), *note)
		if err != nil {
			return fail(err.Error())
		}
		fmt.Fprintf(stdout, "《%s》: %s\n", doc.Title, doc.Status.Label())
	case "restore":
		doc, err := lib.Restore(ctx, pos[0], ints[0], d.who())
		if err != nil {
			return fail(err.Error())
		}
		fmt.Fprintf(stdout, "《%s》: 第 %d 版恢复为第 %d 版 (restored)\n", doc.Title, ints[0], doc.Head)
	case "export":
		if err := writeAtomic(*out, func(w io.Writer) error { return lib.Export(ctx, w, pos, d.who()) }); err != nil {
			return fail(err.Error())
		}
		fmt.Fprintf(stderr, "gwcli library export: 已写出 (written) %s\n", *out)
	case "import":
		fh, err := os.Open(pos[0])
		if err != nil {
			return fail(fmt.Sprintf("无法打开 (cannot open) %s: %v", pos[0], err))
		}
		res, err := lib.Import(ctx, fh)
		fh.Close()
		if err != nil {
			return fail(err.Error())
		}
		copies := make([]string, 0, len(res.Copies))
		for from, to := range res.Copies {
			copies = append(copies, from+"→"+to)
		}
		sort.Strings(copies)
		fmt.Fprintf(stdout, "新增 (added) %d，更新 (updated) %d，无变化 (unchanged) %d，另存副本 (copies) %d %s\n",
			len(res.Added), len(res.Updated), len(res.Same), len(res.Copies), strings.Join(copies, " "))
	}
	return 0
}

// writeAtomic writes a file through a temporary file in its folder renamed into place.
func writeAtomic(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".gongwen-*.tmp")
	if err != nil {
		return err
	}
	name := tmp.Name()
	werr := write(tmp)
	if cerr := tmp.Close(); werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Rename(name, path)
	}
	if werr != nil {
		os.Remove(name)
	}
	return werr
}
