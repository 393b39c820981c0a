// Package probe runs the live checks against a deployment (`launchgate
// probe`): it builds the live target — the base URL, the spec's
// operations, the identities with their credentials expanded, one HTTP
// client bound to the origin — runs the checks, and turns their reports
// into processed findings with the same catalog, processors and reporters
// as a scan.
package probe

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"os"
	"time"

	"github.com/launchgate/launchgate/pkg/catalog"
	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/config"
	"github.com/launchgate/launchgate/pkg/finding"
	"github.com/launchgate/launchgate/pkg/live"
	"github.com/launchgate/launchgate/pkg/process"
	"github.com/launchgate/launchgate/pkg/redact"
	"github.com/launchgate/launchgate/pkg/report"
	"github.com/launchgate/launchgate/pkg/scan"
)

// Options are the inputs of one probe, as the command line gives them.
type Options struct {
	// URL is --url.
	URL string
	// Specs are --spec documents; relative ones are taken from WorkDir.
	// Empty means discover them under WorkDir.
	Specs   []string
	WorkDir string
	// ConfigPath is --config; empty means WorkDir/.launchgate.yml if
	// present.
	ConfigPath  string
	Baseline    string
	AllowWrites bool
	MaxRequests int
	Rate        float64
	// Timeout bounds the whole run (--timeout).
	Timeout   time.Duration
	Threshold finding.Severity
	Now       time.Time
	// LookupEnv expands ${NAME} in identities (os.LookupEnv).
	LookupEnv func(string) (string, bool)
	// CertFile is SSL_CERT_FILE: extra trusted roots.
	CertFile string
	Version  string
	// NewLogger makes the run's logger from its redactor, which knows the
	// identities' credentials; nil logs nothing.
	NewLogger func(*redact.Redactor) *slog.Logger
}

// Runner runs live checks against the rules of a catalog.
type Runner struct {
	Catalog *catalog.Catalog
	Checks  []*check.Check
	// Redactor is the base redactor; the run adds the identities'
	// credentials to it.
	Redactor *redact.Redactor
}

// Run probes opts.URL. It returns the result and the redactor that
// knows the identities' credentials, for whatever the caller prints. An
// error means the probe could not be set up as asked (a bad --url, an
// unset ${NAME}, an unreadable spec or config); a target that cannot be
// reached is a finding.
func (r *Runner) Run(ctx context.Context, opts Options) (*report.Result, *redact.Redactor, error) {
	base, err := parseBase(opts.URL)
	if err != nil {
		return nil, r.Redactor, err
	}
	s := &scan.Scanner{Catalog: r.Catalog, Redactor: r.Redactor}
	cfg, err := s.LoadConfig(opts.WorkDir, scan.Options{ConfigPath: opts.ConfigPath, WorkDir: opts.WorkDir})
	if err != nil {
		return nil, r.Redactor, err
	}
	lookup := opts.LookupEnv
	if lookup == nil {
		lookup = os.LookupEnv
	}
	ids, err := cfg.Probe.ExpandIdentities(lookup)
	if err != nil {
		return nil, r.Redactor, err
	}
	rdr := r.Redactor.WithValues(Credentials(ids)...)
	s.Redactor = rdr
	log := slog.New(slog.DiscardHandler)
	if opts.NewLogger != nil {
		log = opts.NewLogger(rdr)
	}
	docs, root, notes, err := loadSpecs(ctx, opts, cfg)
	if err != nil {
		return nil, rdr, err
	}
	client, err := live.New(live.Options{Base: base, Rate: opts.Rate, MaxRequests: opts.MaxRequests,
		AllowWrites: opts.AllowWrites, RootsFile: opts.CertFile, UserAgent: live.DefaultUserAgent(opts.Version), Logger: log})
	if err != nil {
		return nil, rdr, err
	}
	defer client.Close()
	cov := &check.Coverage{}
	lt := &check.Live{Base: base, Client: client, Docs: docs, Identities: ids, AllowWrites: opts.AllowWrites, Coverage: cov}
	if lt.HTTPBase, err = plainHTTPBase(base, cfg.Probe.HTTPURL); err != nil {
		return nil, rdr, err
	}
	if lt.HTTPBase != nil {
		hc, err := live.New(live.Options{Base: lt.HTTPBase, Rate: opts.Rate, MaxRequests: plainHTTPCap,
			RootsFile: opts.CertFile, UserAgent: live.DefaultUserAgent(opts.Version), Logger: log})
		if err != nil {
			return nil, rdr, fmt.Errorf("probe.http_url: %w", err)
		}
		defer hc.Close()
		lt.HTTPClient = hc
	}
	t := &check.Target{Root: root, Config: cfg, Logger: log, Live: lt, Tally: &check.Tally{}}
	if opts.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, opts.Timeout)
		defer cancel()
	}
	res := &report.Result{Tool: report.Tool{Name: "launchgate", Version: opts.Version}, Threshold: opts.Threshold,
		Catalog: r.Catalog, Ran: map[string]bool{}}
	var raw []finding.Finding
	for _, c := range r.Checks {
		if c.Applies != nil && !c.Applies(t) {
			continue
		}
		var reports []check.Report
		start, sent := time.Now(), client.Sent()
		err := c.Run(ctx, t, func(rep check.Report) { reports = append(reports, rep) })
		log.LogAttrs(ctx, slog.LevelDebug, "check done", slog.String("check", c.Name),
			slog.Int("requests", client.Sent()-sent), slog.Duration("elapsed", time.Since(start).Round(time.Millisecond)),
			slog.Int("findings", len(reports)))
		if err != nil && !errors.Is(err, context.DeadlineExceeded) {
			return nil, rdr, fmt.Errorf("%s check: %w", c.Name, err)
		}
		res.Ran[c.Name] = true
		for _, rep := range reports {
			f, err := s.Finding(rep)
			if err != nil {
				return nil, rdr, fmt.Errorf("%s check: %w", c.Name, err)
			}
			// The URL names the host and the concrete ID, which differ
			// between a staging and a production run of one spec; the
			// fingerprint rests on the rule, the spec file and the key
			// (method and path template) alone.
			f.Fingerprint = finding.Fingerprint(f.RuleID, f.File, "", f.Key)
			raw = append(raw, f)
		}
	}
	pipeline, err := processors(root, cfg, opts, log)
	if err != nil {
		return nil, rdr, err
	}
	if res.Findings, err = process.Run(pipeline, raw); err != nil {
		return nil, rdr, err
	}
	fallback := ""
	if len(docs) > 0 {
		fallback = docs[0].File
	}
	scan.AnchorToConfig(res.Findings, cfg, root, "probe", fallback)
	probed, skipped := cov.Counts()
	coverage := append([]string{fmt.Sprintf("probed %d operations of %s (%d not probed) with %d requests", probed, client.Origin(), skipped, client.Sent())},
		cov.Lines()...)
	for _, p := range pipeline {
		if n, ok := p.(interface{ Notes() []string }); ok {
			notes = append(notes, n.Notes()...)
		}
	}
	res.Notes = rdr.Strings(notes)
	res.Coverage = rdr.Strings(coverage)
	res.Tally = rdr.Lines(t.Tally.Lines())
	res.Unverified = rdr.Lines(t.Tally.UnverifiedLines())
	return res, rdr, nil
}

// processors is the pipeline of a probe's findings: a scan's but the
// diff filter, which has no lines to narrow to.
func processors(root string, cfg *config.Config, opts Options, log *slog.Logger) ([]process.Processor, error) {
	list, err := scan.Suppressions(root, cfg, scan.Options{Baseline: opts.Baseline, WorkDir: opts.WorkDir, Now: opts.Now, Logger: log})
	if err != nil {
		return nil, err
	}
	return append(list, process.Dedupe(), process.Sort()), nil
}

// parseBase checks --url: an http or https URL with a host, no
// credentials, query or fragment.
func parseBase(raw string) (*url.URL, error) {
	if raw == "" {
		return nil, fmt.Errorf("probe needs --url, the deployment's base URL (https://staging.example.com)")
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") {
		return nil, fmt.Errorf("--url %s: want an http:// or https:// URL with a host", redact.Quote(live.Redact(u)))
	}
	if u.User != nil || u.RawQuery != "" || u.Fragment != "" {
		return nil, fmt.Errorf("--url %s: give the base URL only, without credentials, query or fragment; credentials go in probe.identities", live.Redact(u))
	}
	return u, nil
}

// plainHTTPCap is how many requests the plain-http origin gets: enough
// for a page and its redirect, no more.
const plainHTTPCap = 5

// plainHTTPBase is where plain http is tried when base is https:
// probe.http_url, else base with http:// on port 80. It is nil when base
// is http already.
func plainHTTPBase(base *url.URL, configured string) (*url.URL, error) {
	if base.Scheme != "https" {
		return nil, nil
	}
	if configured != "" {
		u, err := url.Parse(configured)
		if err != nil || u.Scheme != "http" || u.Host == "" || u.User != nil || u.RawQuery != "" || u.Fragment != "" {
			return nil, fmt.Errorf("probe.http_url %s: want an http:// URL with a host and no credentials, query or fragment", redact.Quote(live.Redact(u)))
		}
		return u, nil
	}
	u := *base
	u.Scheme = "http"
	u.Host = net.JoinHostPort(base.Hostname(), "80")
	return &u, nil
}
