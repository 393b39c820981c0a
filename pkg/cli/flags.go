package cli

import (
	"flag"
	"fmt"
	"slices"
	"strings"

	"github.com/launchgate/launchgate/pkg/finding"
)

// repeated is a flag that may be given several times.
type repeated []string

func (r *repeated) String() string { return strings.Join(*r, ",") }

func (r *repeated) Set(v string) error {
	*r = append(*r, v)
	return nil
}

// output holds the flags every reporting command shares.
type output struct {
	format string
	file   string
	failOn string
}

func (o *output) register(fs *flag.FlagSet) {
	fs.StringVar(&o.format, "format", "text", "report format: text, json, sarif, markdown or html")
	fs.StringVar(&o.file, "output", "", "write the report to `FILE` instead of stdout")
	fs.StringVar(&o.failOn, "fail-on", "high", "exit 1 on findings at or above: critical, high, medium, low or never")
}

func (o *output) threshold() (finding.Severity, error) {
	s, err := finding.ParseSeverity(o.failOn, true)
	if err != nil {
		return 0, fmt.Errorf("--fail-on: %w", err)
	}
	return s, nil
}

// parseInterspersed parses flags that may come before or after positional
// arguments, as users of `scan . --fail-on low` expect, and returns the
// positional ones. "--" ends flag parsing.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos, rest []string
	if i := slices.Index(args, "--"); i >= 0 {
		args, rest = args[:i], args[i+1:]
	}
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return append(pos, rest...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// newFlagSet returns a flag set that reports errors instead of exiting and
// prints its usage to w.
func newFlagSet(name, synopsis string, env Env) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	w := env.Stdout
	fs.SetOutput(w)
	fs.Usage = func() {
		fmt.Fprintf(w, "Usage: %s %s\n\nFlags:\n", env.program(), synopsis)
		fs.PrintDefaults()
	}
	return fs
}
