// Package cli is the launchgate command line: it parses arguments, runs a
// command and turns its outcome into an exit status, in exactly one place.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/launchgate/launchgate/pkg/redact"
)

// The exit statuses of DESIGN.md.
const (
	ExitOK       = 0 // nothing at or above --fail-on
	ExitBlocking = 1 // blocking findings
	ExitError    = 2 // usage, configuration or unreadable input
)

// errBlocking is returned by a command whose report has blocking findings.
var errBlocking = errors.New("blocking findings")

// usage is the help text; %[1]s is how the user runs launchgate.
const usage = `launchgate — a launch-readiness security gate for client portals and their APIs

Usage:
  %[1]s scan [PATH] [flags]     static checks of a checkout (default .)
  %[1]s probe --url URL [flags] live checks of a deployment
  %[1]s dns DOMAIN [flags]      email trust of a sending domain (SPF, DKIM, DMARC, MX, MTA-STS, CAA)
  %[1]s merge REPORT... [flags] join the JSON/SARIF reports of several jobs into one
  %[1]s rules                   the rule catalog
  %[1]s explain RULE            one rule: what it finds and how to fix it
  %[1]s action                  the GitHub Action entrypoint: reads INPUT_* and the event
  %[1]s version                 the version

Run '%[1]s scan -h', '%[1]s probe -h' and '%[1]s dns -h' for their flags.
Exit status: 0 nothing at or above --fail-on, 1 blocking findings, 2 usage,
configuration or unreadable input (a check that could not read what it
was given fails closed: see the README's exit status).
`

// commandNames are the commands dispatch knows, for the error that lists
// them.
var commandNames = [...]string{"scan", "probe", "dns", "merge", "rules", "explain", "action", "version", "help"}

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
		for _, line := range errorLines(err) {
			fmt.Fprintf(env.Stderr, "launchgate: %s\n", line)
		}
		return ExitError
	}
}

// errorLines is what the user sees of err: one line per problem (a config
// file with three mistakes lists all three), each redacted, since an error
// may quote a value from the checked project or the command line.
func errorLines(err error) []string {
	var errs []error
	if multi, ok := err.(interface{ Unwrap() []error }); ok {
		errs = multi.Unwrap()
	}
	if len(errs) == 0 {
		errs = []error{err}
	}
	var r *redact.Redactor
	lines := make([]string, 0, len(errs))
	for _, e := range errs {
		lines = append(lines, r.String(oneLine(e.Error())))
	}
	return lines
}

func dispatch(ctx context.Context, args []string, env Env) error {
	if len(args) == 0 {
		fmt.Fprintf(env.Stderr, usage, env.program())
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
		fmt.Fprintf(env.Stdout, usage, env.program())
		return nil
	case "action":
		return runAction(ctx, rest, env)
	case "probe":
		return runProbe(ctx, rest, env)
	case "dns":
		return runDNS(ctx, rest, env)
	case "merge":
		return runMerge(ctx, rest, env)
	default:
		return usageErrorf("unknown command %s (want %s or %s; %s help lists them)", redact.Quote(cmd),
			strings.Join(commandNames[:len(commandNames)-1], ", "), commandNames[len(commandNames)-1], env.program())
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
