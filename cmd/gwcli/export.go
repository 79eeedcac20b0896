package main

import (
	"fmt"
	"io"
)

func cmdExport(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "gwcli: export 尚未实现 (not implemented yet)")
	return 1
}
