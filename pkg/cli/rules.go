package cli

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/launchgate/launchgate/pkg/checks"
	"github.com/launchgate/launchgate/pkg/redact"
)

func runRules(args []string, env Env) error {
	fs := newFlagSet("rules", "rules [--format text|json]", env)
	format := fs.String("format", "text", "text or json")
	pos, err := parseFlags(fs, args, env.program())
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageErrorf("rules takes no arguments (did you mean %s explain %s?)", env.program(), redact.Quote(pos[0]))
	}
	reg, err := checks.Load()
	if err != nil {
		return err
	}
	cat := reg.Catalog
	switch *format {
	case "text":
		tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "RULE\tSEVERITY\tAREA\tTITLE")
		for _, r := range cat.Rules() {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Severity, r.Area, r.Title)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "\n%d rules. %s explain RULE for one.\n", len(cat.Rules()), env.program())
		return nil
	case "json":
		return writeRulesJSON(env.Stdout, cat)
	default:
		return usageErrorf("rules --format: want text or json, got %q", *format)
	}
}

func runExplain(args []string, env Env) error {
	fs := newFlagSet("explain", "explain RULE", env)
	pos, err := parseFlags(fs, args, env.program())
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageErrorf("explain takes one rule ID, e.g. %s explain openapi/operation-without-auth", env.program())
	}
	reg, err := checks.Load()
	if err != nil {
		return err
	}
	cat := reg.Catalog
	r := cat.Rule(pos[0])
	if r == nil {
		return usageErrorf("no rule %s; %s rules lists them", redact.Quote(pos[0]), env.program())
	}
	w := env.Stdout
	fmt.Fprintf(w, "%s — %s\n\n", r.ID, r.Title)
	fmt.Fprintf(w, "Severity: %s   Area: %s\n", r.Severity, r.Area)
	if len(r.CWE) > 0 {
		fmt.Fprintf(w, "CWE: %s\n", strings.Join(r.CWE, ", "))
	}
	if len(r.OWASP) > 0 {
		fmt.Fprintf(w, "OWASP API Top 10: %s\n", strings.Join(r.OWASP, "; "))
	}
	fmt.Fprintf(w, "\n%s\n\nHow to fix\n\n%s\n", strings.TrimSpace(r.Description), strings.TrimSpace(r.Help))
	return nil
}

func runVersion(args []string, env Env) error {
	if len(args) > 0 {
		return usageErrorf("version takes no arguments")
	}
	fmt.Fprintf(env.Stdout, "launchgate %s\n", env.Version)
	return nil
}
