package main

import (
	"fmt"
	"io"
)

func cmdTemplates(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "gwcli: templates 尚未实现 (not implemented yet)")
	return 2
}
