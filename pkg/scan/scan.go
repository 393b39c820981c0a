package scan

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"time"

	"github.com/launchgate/launchgate/pkg/catalog"
	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/config"
	"github.com/launchgate/launchgate/pkg/finding"
	"github.com/launchgate/launchgate/pkg/process"
	"github.com/launchgate/launchgate/pkg/redact"
	"github.com/launchgate/launchgate/pkg/report"
	"github.com/launchgate/launchgate/pkg/source"
)

// Scanner runs a set of checks against the rules of a catalog.
type Scanner struct {
	Catalog *catalog.Catalog
	Checks  []*check.Check
	// Redactor takes secret values out of every message and note the scan
	// returns; nil uses the built-in recognisers only.
	Redactor *redact.Redactor
}

// Run scans opts.Root. An error means the scan could not be done as asked
// (bad flags, configuration, unreadable input); problems in the scanned
// project are findings.
func (s *Scanner) Run(ctx context.Context, opts Options) (*report.Result, error) {
	root, err := resolveRoot(opts)
	if err != nil {
		return nil, err
	}
	cfg, err := s.LoadConfig(root, opts)
	if err != nil {
		return nil, err
	}
	t := &check.Target{Root: root, Config: cfg, Logger: opts.Logger}
	if t.Logger == nil {
		t.Logger = slog.New(slog.DiscardHandler)
	}
	if t.Specs, err = specs(ctx, root, cfg, opts); err != nil {
		return nil, err
	}
	if t.Artifacts, err = artifacts(root, cfg, opts); err != nil {
		return nil, err
	}
	if t.EnvFiles, err = envFiles(opts); err != nil {
		return nil, err
	}
	t.Environ = opts.Environ
	if t.Tree, err = source.ListTree(ctx, root, source.TreeOptions{Exclude: cfg.Exclude, IncludeVendor: cfg.Secrets.ScanDependencies, MaxFileBytes: int64(cfg.Limits.MaxFileBytes)}); err != nil {
		return nil, fmt.Errorf("listing the files under %s: %w", root, err)
	}
	pipeline, notes, err := s.processors(ctx, t, cfg, opts)
	if err != nil {
		return nil, err
	}
	if len(t.Specs) == 0 && slices.ContainsFunc(s.Checks, func(c *check.Check) bool { return c.Name == "openapi" }) {
		notes = append(notes, "no OpenAPI document found under "+root+"; the route-auth checks did not run (name one with --spec)")
	}

	t.Tally = &check.Tally{}
	res := &report.Result{
		Tool:      report.Tool{Name: "launchgate", Version: opts.Version},
		Threshold: opts.Threshold,
		Catalog:   s.Catalog,
		Ran:       map[string]bool{},
		Notes:     notes,
	}
	log := t.Logger
	log.Debug("scan", "root", root, "config", cfg.File, "specs", t.Specs)
	var raw []finding.Finding
	for _, c := range s.Checks {
		if c.Applies != nil && !c.Applies(t) {
			log.Debug("check does not apply", "check", c.Name)
			continue
		}
		start := time.Now()
		var reports []check.Report
		if err := runCheck(ctx, c, t, opts.TuneGC, func(r check.Report) { reports = append(reports, r) }); err != nil {
			return nil, fmt.Errorf("%s check: %w", c.Name, err)
		}
		log.Debug("check ran", "check", c.Name, "reports", len(reports), "took", time.Since(start).Round(time.Millisecond))
		res.Ran[c.Name] = true
		for _, r := range reports {
			f, err := s.Finding(r)
			if err != nil {
				return nil, fmt.Errorf("%s check: %w", c.Name, err)
			}
			raw = append(raw, f)
		}
	}
	if res.Findings, err = process.Run(pipeline.list, raw); err != nil {
		return nil, err
	}
	res.Notes = append(res.Notes, t.Tree.Notes()...)
	res.Notes = append(res.Notes, pipeline.notes()...)
	s.Redactor.Strings(res.Notes)
	res.Tally = s.Redactor.Lines(t.Tally.Lines())
	res.Unverified = s.Redactor.Lines(t.Tally.UnverifiedLines())
	return res, nil
}

// Finding turns a check's report into a finding, with what the catalog
// says of its rule.
func (s *Scanner) Finding(r check.Report) (finding.Finding, error) {
	rule := s.Catalog.Rule(r.Rule)
	if rule == nil {
		return finding.Finding{}, fmt.Errorf("reported rule %q is not in the catalog", r.Rule)
	}
	severity := max(rule.Severity, r.MinSeverity)
	if r.Capped {
		severity = min(severity, r.MaxSeverity)
	}
	f := finding.Finding{
		RuleID:   rule.ID,
		Category: rule.Category(),
		Severity: severity,
		Title:    rule.Title,
		Message:  s.Redactor.String(r.Message),
		File:     r.File,
		Line:     r.Line,
		Column:   r.Column,
		EndLine:  r.EndLine,
		URL:      s.Redactor.String(r.URL),
		Key:      r.Key,
		OfChange: r.OfChange,
	}
	// A fingerprint is a hash, but a hash of a short password can be
	// tested against guesses: keys that quote code or URLs are redacted
	// first. The secrets engine builds its keys without the value already
	// (a placeholder and a 16-bit hash), and they stay as they are.
	if f.Category != "secret" {
		f.Key = s.Redactor.String(f.Key)
	}
	f.SetFingerprint()
	return f, nil
}

func resolveRoot(opts Options) (string, error) {
	root := opts.Root
	if root == "" {
		root = "."
	}
	if !filepath.IsAbs(root) {
		root = filepath.Join(opts.WorkDir, root)
	}
	root, err := filepath.Abs(root)
	if err != nil {
		return "", err
	}
	fi, err := os.Stat(root)
	if err != nil {
		return "", fmt.Errorf("cannot read %s: %w", opts.Root, err)
	}
	if !fi.IsDir() {
		return "", fmt.Errorf("%s is not a folder: scan takes the folder of a checkout (use --spec for one document)", opts.Root)
	}
	return root, nil
}

// LoadConfig reads opts.ConfigPath, or root/.launchgate.yml when it
// exists, and checks it against the catalog; no file is the default
// configuration.
func (s *Scanner) LoadConfig(root string, opts Options) (*config.Config, error) {
	path, explicit := opts.ConfigPath, opts.ConfigPath != ""
	if !explicit {
		path = filepath.Join(root, ".launchgate.yml")
		if _, err := os.Stat(path); err != nil {
			return config.Default(), nil
		}
	} else if !filepath.IsAbs(path) {
		path = filepath.Join(opts.WorkDir, path)
	}
	cfg, err := config.Load(path)
	if err != nil {
		return nil, err
	}
	known := func(id string) bool { return s.Catalog.Rule(id) != nil }
	if err := cfg.Validate(known); err != nil {
		return nil, err
	}
	return cfg, nil
}

// runCheck runs c, at its own garbage-collection target when it has one
// and tune allows it.
func runCheck(ctx context.Context, c *check.Check, t *check.Target, tune bool, emit func(check.Report)) error {
	if tune && c.GCPercent > 0 {
		defer debug.SetGCPercent(debug.SetGCPercent(c.GCPercent))
	}
	return c.Run(ctx, t, emit)
}
