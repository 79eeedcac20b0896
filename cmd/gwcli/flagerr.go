package main

import (
	"errors"
	"flag"
	"fmt"
	"regexp"
)

// flagErrorForms are the messages of Go's flag package, each with its Chinese line (and the
// English in brackets). %[1]s is the option's name, %[2]s the value given.
var flagErrorForms = []struct {
	re   *regexp.Regexp
	text string
}{
	{regexp.MustCompile(`^invalid (?:boolean )?value "(.*)" for (?:flag )?-(\S+?):`), "选项 --%[2]s 的值“%[1]s”无效 (invalid value for --%[2]s)"},
	{regexp.MustCompile(`^flag provided but not defined: -+(.*)$`), "没有选项 --%[1]s (unknown option --%[1]s)"},
	{regexp.MustCompile(`^flag needs an argument: -+(.*)$`), "选项 --%[1]s 缺少值 (--%[1]s needs a value)"},
	{regexp.MustCompile(`^bad flag syntax: (.*)$`), "选项写法有误：%[1]s (bad option syntax)"},
}

// flagError turns an error of flag.FlagSet.Parse into one Chinese line; flag.ErrHelp and any
// other error pass unchanged.
func flagError(err error) error {
	if err == nil || errors.Is(err, flag.ErrHelp) {
		return err
	}
	msg := err.Error()
	for _, f := range flagErrorForms {
		if m := f.re.FindStringSubmatch(msg); m != nil {
			args := make([]any, len(m)-1)
			for i, s := range m[1:] {
				args[i] = s
			}
			return errors.New(fmt.Sprintf(f.text, args...))
		}
	}
	return err
}
