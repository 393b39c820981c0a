// Package dnsrun runs the check of `launchgate dns DOMAIN`: it resolves
// the domain and the DKIM selectors from the flags and .launchgate.yml,
// builds the bounded DNS client (the given resolver or the system's) and
// the MTA-STS policy fetcher, runs the check, and turns its reports into
// processed findings with the same catalog, processors and reporters as a
// scan. The lookup tree and the other evidence go with the result.
package dnsrun

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/launchgate/launchgate/pkg/catalog"
	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/config"
	"github.com/launchgate/launchgate/pkg/dnsq"
	"github.com/launchgate/launchgate/pkg/finding"
	"github.com/launchgate/launchgate/pkg/process"
	"github.com/launchgate/launchgate/pkg/redact"
	"github.com/launchgate/launchgate/pkg/report"
	"github.com/launchgate/launchgate/pkg/scan"
)

// Options are the inputs of one run, as the command line gives them.
type Options struct {
	// Domain is the DOMAIN argument; empty means dns.domain.
	Domain string
	// Selectors are --dkim-selector values; empty means
	// dns.dkim_selectors, else inferred.
	Selectors []string
	// Resolvers are --resolver HOST:PORT values; empty means the system's.
	Resolvers []string
	// Timeout bounds the whole run; each query attempt has QueryTimeout.
	Timeout      time.Duration
	QueryTimeout time.Duration
	// MaxQueries is the run's query budget (0: dnsq's default).
	MaxQueries int
	WorkDir    string
	// ConfigPath is --config; empty means WorkDir/.launchgate.yml if
	// present.
	ConfigPath string
	Baseline   string
	Threshold  finding.Severity
	Now        time.Time
	// CertFile is SSL_CERT_FILE: extra roots for the MTA-STS policy host.
	CertFile string
	// HTTPSPort is where the MTA-STS policy is fetched; 0 is 443. Tests
	// set a loopback server's port.
	HTTPSPort int
	Version   string
	Logger    *slog.Logger
}

// Runner runs the DNS checks with the catalog they report against.
type Runner struct {
	Catalog  *catalog.Catalog
	Checks   []*check.Check
	Redactor *redact.Redactor
}

// Run checks the domain. An error means the run could not be set up as
// asked (no domain, a bad selector or resolver, an unreadable config); a
// lookup that fails is a finding.
func (r *Runner) Run(ctx context.Context, opts Options) (*report.Result, error) {
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &scan.Scanner{Catalog: r.Catalog, Redactor: r.Redactor}
	cfg, err := s.LoadConfig(opts.WorkDir, scan.Options{ConfigPath: opts.ConfigPath, WorkDir: opts.WorkDir})
	if err != nil {
		return nil, err
	}
	domain, err := domainOf(opts.Domain, cfg)
	if err != nil {
		return nil, err
	}
	sels, source, err := selectorsOf(opts.Selectors, cfg)
	if err != nil {
		return nil, err
	}
	res, err := dnsq.New(dnsq.Options{Servers: opts.Resolvers, Timeout: opts.QueryTimeout, MaxQueries: opts.MaxQueries})
	if err != nil {
		return nil, fmt.Errorf("--resolver: %w", err)
	}
	port := opts.HTTPSPort
	if port == 0 {
		port = 443
	}
	fetch, err := policyFetcher(res, opts.CertFile, port)
	if err != nil {
		return nil, err
	}
	cov, ev := &check.Coverage{}, &check.Evidence{}
	t := &check.Target{Root: opts.WorkDir, Config: cfg, Logger: log, Tally: &check.Tally{},
		DNS: &check.DNS{Domain: domain, Selectors: sels, SelectorSource: source, Resolver: res, FetchPolicy: fetch, Coverage: cov, Evidence: ev}}
	if opts.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, opts.Timeout)
		defer cancel()
	}
	out := &report.Result{Tool: report.Tool{Name: report.ToolName, Version: opts.Version}, Threshold: opts.Threshold,
		Catalog: r.Catalog, Ran: map[string]bool{}}
	var raw []finding.Finding
	for _, c := range r.Checks {
		if c.Applies != nil && !c.Applies(t) {
			continue
		}
		var reports []check.Report
		err := c.Run(ctx, t, func(rep check.Report) { reports = append(reports, rep) })
		if err != nil && !errors.Is(err, context.DeadlineExceeded) {
			return nil, fmt.Errorf("%s check: %w", c.Name, err)
		}
		out.Ran[c.Name] = true
		for _, rep := range reports {
			f, err := s.Finding(rep)
			if err != nil {
				return nil, fmt.Errorf("%s check: %w", c.Name, err)
			}
			// The rule, the domain and the part checked: a record's text
			// may change without the finding being a new one.
			f.Fingerprint = finding.Fingerprint(f.RuleID, "", "", f.Key)
			raw = append(raw, f)
		}
	}
	for _, l := range res.Log() {
		log.LogAttrs(ctx, slog.LevelDebug, "dns query", slog.String("query", l))
	}
	list, err := scan.Suppressions(opts.WorkDir, cfg, scan.Options{Baseline: opts.Baseline, WorkDir: opts.WorkDir, Now: opts.Now, Logger: log})
	if err != nil {
		return nil, err
	}
	pipeline := append(list, process.Dedupe(), process.Sort())
	if out.Findings, err = process.Run(pipeline, raw); err != nil {
		return nil, err
	}
	scan.AnchorToConfig(out.Findings, cfg, opts.WorkDir, "dns", "")
	var notes []string
	for _, p := range pipeline {
		if n, ok := p.(interface{ Notes() []string }); ok {
			notes = append(notes, n.Notes()...)
		}
	}
	out.Notes = r.Redactor.Strings(notes)
	out.Coverage = r.Redactor.Strings(cov.Lines())
	out.Tally = r.Redactor.Lines(t.Tally.Lines())
	out.Unverified = r.Redactor.Lines(t.Tally.UnverifiedLines())
	for _, b := range ev.Blocks() {
		out.Evidence = append(out.Evidence, report.Evidence{Title: b.Title, Lines: b.Lines})
	}
	return out, nil
}

// domainOf is the domain to check: the argument, else dns.domain, in
// lowercase without the root dot.
func domainOf(arg string, cfg *config.Config) (string, error) {
	d, from := arg, "DOMAIN"
	if d == "" {
		d, from = cfg.DNS.Domain, "dns.domain"
	}
	if d == "" {
		return "", fmt.Errorf("dns needs a DOMAIN to check (or dns.domain in .launchgate.yml)")
	}
	if msg := config.DomainProblem(d); msg != "" {
		return "", fmt.Errorf("%s: %s", from, msg)
	}
	return strings.ToLower(strings.TrimSuffix(d, ".")), nil
}

// selectorsOf are the DKIM selectors given, and where from.
func selectorsOf(flags []string, cfg *config.Config) ([]string, string, error) {
	for _, s := range flags {
		if msg := config.SelectorProblem(s); msg != "" {
			return nil, "", fmt.Errorf("--dkim-selector: %s", msg)
		}
	}
	if len(flags) > 0 {
		return flags, "--dkim-selector", nil
	}
	if len(cfg.DNS.DKIMSelectors) > 0 {
		return cfg.DNS.DKIMSelectors, "dns.dkim_selectors", nil
	}
	return nil, "", nil
}
