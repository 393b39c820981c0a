package cli

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/launchgate/launchgate/pkg/checks"
)

func runRules(args []string, env Env) error {
	fs := newFlagSet("rules", "rules [--format text|json]", env.Stdout)
	format := fs.String("format", "text", "text or json")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageErrorf("rules takes no arguments (did you mean launchgate explain %s?)", pos[0])
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
		fmt.Fprintf(env.Stdout, "\n%d rules. launchgate explain RULE for one.\n", len(cat.Rules()))
		return nil
	case "json":
		return writeRulesJSON(env.Stdout, cat)
	default:
		return usageErrorf("rules --format: want text or json, got %q", *format)
	}
}

func runExplain(args []string, env Env) error {
	fs := newFlagSet("explain", "explain RULE", env.Stdout)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageErrorf("explain takes one rule ID, e.g. launchgate explain openapi/operation-without-auth")
	}
	reg, err := checks.Load()
	if err != nil {
		return err
	}
	cat := reg.Catalog
	r := cat.Rule(pos[0])
	if r == nil {
		return usageErrorf("no rule %q; launchgate rules lists them", pos[0])
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
