package main

import (
	"bytes"
	"testing"
)

// TestStartSubcommand: no arguments and the help words end the command with the usage on the
// right stream; a subcommand gets a flag set (with --db and --user when asked) and its two
// kinds of failure message.
func TestStartSubcommand(t *testing.T) {
	tests := []struct {
		args           []string
		db             bool
		done           bool
		exit           int
		stdout, stderr string
	}{
		{nil, true, true, 2, "", "USAGE"},
		{[]string{"-h"}, true, true, 0, "USAGE", ""},
		{[]string{"--help"}, false, true, 0, "USAGE", ""},
		{[]string{"help"}, false, true, 0, "USAGE", ""},
		{[]string{"list", "--db", "x"}, true, false, 0, "", ""},
		{[]string{"export"}, false, false, 0, "", ""},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		var d *dbFlags
		if tt.db {
			d = &dbFlags{}
		}
		c, exit, done := startSubcommand("demo", "USAGE", tt.args, d, &stdout, &stderr)
		if done != tt.done || exit != tt.exit || stdout.String() != tt.stdout || stderr.String() != tt.stderr {
			t.Errorf("%q: done %v exit %d stdout %q stderr %q", tt.args, done, exit, stdout.String(), stderr.String())
			continue
		}
		if done {
			continue
		}
		if c.sub != tt.args[0] || (c.flags.Lookup("db") != nil) != tt.db || (c.flags.Lookup("user") != nil) != tt.db {
			t.Errorf("%q: subcommand %q, --db defined %v", tt.args, c.sub, c.flags.Lookup("db") != nil)
		}
		if c.fail("无法打开\n数据库") != 2 || c.usageErr("参数不对") != 2 {
			t.Errorf("%q: fail or usageErr does not exit 2", tt.args)
		}
		if want := "gwcli demo " + c.sub + ": 无法打开 数据库\ngwcli demo " + c.sub + ": 参数不对\nUSAGE"; stderr.String() != want {
			t.Errorf("%q: stderr %q, want %q", tt.args, stderr.String(), want)
		}
	}
}
