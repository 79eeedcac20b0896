package main

import (
	"flag"
	"fmt"
	"io"
)

// subcommand is the start of a command with subcommands (library, number, profiles): the
// subcommand given, the flag set to define its flags on, and its two ways to fail.
type subcommand struct {
	cmd, sub, usage string
	stderr          io.Writer
	flags           *flag.FlagSet
}

// startSubcommand handles what library, number and profiles share before their own flags: no
// arguments prints the usage to stderr (exit 2), -h, --help or help prints it to stdout (exit
// 0); done then says to return code. Otherwise args[0] is the subcommand and c's flag set is
// ready for its flags (with --db and --user when db is set).
func startSubcommand(cmd, usage string, args []string, db *dbFlags, stdout, stderr io.Writer) (c *subcommand, code int, done bool) {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return nil, 2, true
	}
	if args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stdout, usage)
		return nil, 0, true
	}
	c = &subcommand{cmd: cmd, sub: args[0], usage: usage, stderr: stderr,
		flags: flag.NewFlagSet(cmd+" "+args[0], flag.ContinueOnError)}
	if db != nil {
		db.add(c.flags)
	}
	return c, 0, false
}

// fail reports on one line that the subcommand could not be done: exit status 2.
func (c *subcommand) fail(msg string) int {
	fmt.Fprintf(c.stderr, "gwcli %s %s: %s\n", c.cmd, c.sub, oneLine(msg))
	return 2
}

// usageErr reports a wrong command line, followed by the usage: exit status 2.
func (c *subcommand) usageErr(msg string) int {
	fmt.Fprintf(c.stderr, "gwcli %s %s: %s\n%s", c.cmd, c.sub, msg, c.usage)
	return 2
}
