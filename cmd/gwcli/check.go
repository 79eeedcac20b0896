package main

import (
	"fmt"
	"io"
)

func cmdCheck(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "gwcli: check 尚未实现 (not implemented yet)")
	return 2
}

func cmdFix(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "gwcli: fix 尚未实现 (not implemented yet)")
	return 2
}

func cmdImport(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "gwcli: import 尚未实现 (not implemented yet)")
	return 2
}
