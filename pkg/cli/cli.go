// Package cli is the launchgate command line: it parses arguments, runs a
// command and turns its outcome into an exit status, in exactly one place.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// The exit statuses of DESIGN.md.
const (
	ExitOK       = 0 // nothing at or above --fail-on
	ExitBlocking = 1 // blocking findings
	ExitError    = 2 // usage, configuration or unreadable input
)

// errBlocking is returned by a command whose report has blocking findings.
var errBlocking = errors.New("blocking findings")

const usage = `launchgate — a launch-readiness security gate for client portals and their APIs

Usage:
  launchgate scan [PATH] [flags]     static checks of a checkout (default .)
  launchgate rules                   the rule catalog
  launchgate explain RULE            one rule: what it finds and how to fix it
  launchgate action                  the GitHub Action entrypoint: reads INPUT_* and the event
  launchgate version                 the version

Run 'launchgate scan -h' for the scan flags.
Exit status: 0 nothing at or above --fail-on, 1 blocking findings, 2 usage,
configuration or unreadable input.
`

// Run runs the command in args and returns the exit status.
func Run(ctx context.Context, args []string, env Env) int {
	err := dispatch(ctx, args, env)
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, errBlocking):
		return ExitBlocking
	case errors.Is(err, flag.ErrHelp):
		return ExitOK
	default:
		fmt.Fprintf(env.Stderr, "launchgate: %s\n", oneLine(err.Error()))
		return ExitError
	}
}

func dispatch(ctx context.Context, args []string, env Env) error {
	if len(args) == 0 {
		io.WriteString(env.Stderr, usage)
		return usageErrorf("no command given")
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "scan":
		return runScan(ctx, rest, env)
	case "rules":
		return runRules(rest, env)
	case "explain":
		return runExplain(rest, env)
	case "version", "--version":
		return runVersion(rest, env)
	case "help", "-h", "--help":
		io.WriteString(env.Stdout, usage)
		return nil
	case "action":
		return runAction(ctx, rest, env)
	case "probe", "dns":
		return usageErrorf("%q is not available in this version of launchgate", cmd)
	default:
		return usageErrorf("unknown command %q (want scan, rules, explain or version)", cmd)
	}
}

// usageErrorf is an error in how launchgate was called.
func usageErrorf(format string, a ...any) error {
	return fmt.Errorf(format, a...)
}

// oneLine keeps an error message to the one line DESIGN promises.
func oneLine(s string) string {
	s = strings.TrimSpace(s)
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", " ; ")), " ")
}
