package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"gongwen/exercise"
)

const exerciseUsage = `用法 (usage):
  gwcli exercise make [选项] DRAFT.yaml   设置练习：在公文中埋入已知错误 (plant errors)
      -difficulty easy|medium|hard   难度 (default medium: 5 errors; easy 3, hard 8)
      -n N                           错误个数 (number of errors; default by difficulty)
      -class K                       为全班生成 K 份不同的练习 (K different exercises, one a trainee)
      -seed S                        随机种子，同一种子得到同一练习 (default: the time)
      -o BASE                        输出文件名前缀 (default: DRAFT's name); writes
                                     BASE.exercise.json (发给学员 hand out) and BASE.key.json
                                     (答案要点，教员保留 keep); with -class, BASE-01… each
  gwcli exercise score KEY.json ANSWER.json...   评分：找到、漏掉、误报及条款 (grade answers)
      -lang zh|en                    报告语言 (report language)
  gwcli exercise answer -o ANSWER.json EXERCISE.json PATH...   写作答文件 (write an answer:
                                     the element paths the trainee marks, e.g. number body.3)
`

func cmdExercise(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stdout, exerciseUsage)
		if len(args) == 0 {
			return exitFailure
		}
		return exitOK
	}
	switch args[0] {
	case "make":
		return exerciseMake(args[1:], stdout, stderr)
	case "score":
		return exerciseScore(args[1:], stdout, stderr)
	case "answer":
		return exerciseAnswer(args[1:], stdout, stderr)
	}
	fmt.Fprintf(stderr, "gwcli exercise: 未知子命令 %q (unknown subcommand)\n%s", args[0], exerciseUsage)
	return exitFailure
}

func exerciseMake(args []string, stdout, stderr io.Writer) int {
	f := flag.NewFlagSet("exercise make", flag.ContinueOnError)
	f.SetOutput(io.Discard)
	level := f.String("difficulty", exercise.Medium, "easy|medium|hard")
	n := f.Int("n", 0, "number of errors")
	class := f.Int("class", 1, "exercises for a class")
	seed := f.Int64("seed", 0, "random seed")
	out := f.String("o", "", "output base name")
	if err := f.Parse(args); err != nil {
		return exerciseFlagError(f.Name(), err, stdout, stderr)
	}
	if f.NArg() != 1 {
		fmt.Fprintf(stderr, "gwcli exercise make: 需要一份草稿 (one DRAFT.yaml)\n%s", exerciseUsage)
		return exitFailure
	}
	if *class < 1 || *class > 500 {
		fmt.Fprintf(stderr, "gwcli exercise make: -class 应为 1 到 500 (between 1 and 500)\n")
		return exitFailure
	}
	in := f.Arg(0)
	doc, err := loadDocument(in)
	if err != nil {
		fmt.Fprintf(stderr, "gwcli exercise make: %s: %v\n", in, err)
		return exitFailure
	}
	base := *out
	if base == "" {
		base = strings.TrimSuffix(in, filepath.Ext(in))
	}
	s := *seed
	if s == 0 {
		s = time.Now().UnixNano()
	}
	for i := 0; i < *class; i++ {
		ex, err := exercise.Plant(doc, exercise.Options{Difficulty: *level, Count: *n, Seed: s + int64(i), Source: filepath.Base(in)})
		if err != nil {
			fmt.Fprintf(stderr, "gwcli exercise make: %s: %v\n", in, err)
			return exitFailure
		}
		b := base
		if *class > 1 {
			b = fmt.Sprintf("%s-%02d", base, i+1)
		}
		h, k, err := ex.Save(b)
		if err != nil {
			fmt.Fprintf(stderr, "gwcli exercise make: %v\n", err)
			return exitFailure
		}
		fmt.Fprintf(stdout, "%s: %d 处错误 (errors), 练习 (exercise) %s, 答案要点 (key) %s\n", ex.ID, len(ex.Changes), h, k)
	}
	return exitOK
}

func exerciseScore(args []string, stdout, stderr io.Writer) int {
	f := flag.NewFlagSet("exercise score", flag.ContinueOnError)
	f.SetOutput(io.Discard)
	lang := f.String("lang", "zh", "zh|en")
	if err := f.Parse(args); err != nil {
		return exerciseFlagError(f.Name(), err, stdout, stderr)
	}
	if f.NArg() < 2 {
		fmt.Fprintf(stderr, "gwcli exercise score: 需要答案要点和至少一份作答 (KEY.json ANSWER.json...)\n")
		return exitFailure
	}
	key, err := exercise.ReadKey(f.Arg(0))
	if err != nil {
		fmt.Fprintf(stderr, "gwcli exercise score: %v\n", err)
		return exitFailure
	}
	status := exitOK
	for _, p := range f.Args()[1:] {
		a, err := exercise.ReadAnswer(p)
		if err == nil {
			var res exercise.Result
			if res, err = exercise.Grade(key, a); err == nil {
				fmt.Fprintf(stdout, "== %s\n%s", p, res.Report(*lang, nil))
				continue
			}
		}
		fmt.Fprintf(stderr, "gwcli exercise score: %s: %v\n", p, err)
		status = exitFailure
	}
	return status
}

func exerciseAnswer(args []string, stdout, stderr io.Writer) int {
	f := flag.NewFlagSet("exercise answer", flag.ContinueOnError)
	f.SetOutput(io.Discard)
	out := f.String("o", "", "answer file")
	if err := f.Parse(args); err != nil {
		return exerciseFlagError(f.Name(), err, stdout, stderr)
	}
	if f.NArg() < 1 || *out == "" {
		fmt.Fprintf(stderr, "gwcli exercise answer: 需要 -o ANSWER.json 和练习文件 (EXERCISE.json PATH...)\n")
		return exitFailure
	}
	h, err := exercise.ReadHandout(f.Arg(0))
	if err != nil {
		fmt.Fprintf(stderr, "gwcli exercise answer: %v\n", err)
		return exitFailure
	}
	var marks []exercise.Mark
	for _, p := range f.Args()[1:] {
		marks = append(marks, exercise.Mark{Path: p})
	}
	if err := exercise.WriteAnswer(*out, h.ID, marks); err != nil {
		fmt.Fprintf(stderr, "gwcli exercise answer: %v\n", err)
		return exitFailure
	}
	fmt.Fprintf(stdout, "%s: %d 处标记 (marks)\n", *out, len(marks))
	return exitOK
}

// exerciseFlagError answers a command line the flag package refused: -h prints the usage
// (exit 0), anything else one Chinese line.
func exerciseFlagError(name string, err error, stdout, stderr io.Writer) int {
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, exerciseUsage)
		return exitOK
	}
	fmt.Fprintf(stderr, "gwcli %s: %v\n", name, flagError(err))
	return exitFailure
}
