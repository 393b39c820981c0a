package cli

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"

	"github.com/launchgate/launchgate/pkg/checks"
	"github.com/launchgate/launchgate/pkg/finding"
	"github.com/launchgate/launchgate/pkg/redact"
	"github.com/launchgate/launchgate/pkg/report"
	"github.com/launchgate/launchgate/pkg/scan"
)

func runScan(ctx context.Context, args []string, env Env) error {
	fs := newFlagSet("scan", "scan [PATH] [flags]", env)
	var out output
	out.register(fs)
	var specs, artifacts repeated
	var opts scan.Options
	var verbose bool
	var only string
	fs.Var(&specs, "spec", "OpenAPI document `FILE` to check, repeatable (default: discovered under PATH)")
	fs.Var(&artifacts, "artifacts", "build output `PATH` to check for secrets: folder, file, .zip/.tar/.tar.gz; repeatable")
	fs.StringVar(&opts.Diff, "diff", "", "report only what changed in the git range `BASE..HEAD`")
	fs.StringVar(&opts.Baseline, "baseline", "", "an earlier JSON or SARIF report `FILE`: findings in it do not block")
	fs.StringVar(&opts.ConfigPath, "config", "", "configuration `FILE` (default PATH/.launchgate.yml)")
	fs.BoolVar(&verbose, "verbose", false, "log what the scan does to stderr")
	var envFiles repeated
	var fromProcess bool
	fs.Var(&envFiles, "env", "production env `FILE`, repeatable (default: discovered)")
	fs.BoolVar(&fromProcess, "env-from-process", false, "also check the environment launchgate runs in as production (names keys, never values)")
	fs.StringVar(&only, "checks", "", "run only these checks, comma-separated: openapi, secrets, debug, env, manifests, cors (default all)")
	var p probeFlags
	p.register(fs, true)
	var d dnsFlags
	d.register(fs, true)
	pos, err := parseFlags(fs, args, env.program())
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		return usageErrorf("scan takes one PATH, got %d (%v)", len(pos), pos)
	}
	if len(pos) == 1 {
		opts.Root = pos[0]
	}
	if err := p.check(); err != nil {
		return err
	}
	threshold, rep, reg, err := out.prepare(env)
	if err != nil {
		return err
	}
	cat := reg.Catalog

	opts.Specs = specs
	opts.Artifacts = artifacts
	opts.EnvFiles = envFiles
	if fromProcess {
		opts.Environ = processEnviron(env)
	}
	opts.WorkDir = env.WorkDir
	opts.Threshold = threshold
	opts.Now = env.Now()
	opts.Version = env.Version
	opts.TuneGC = env.Getenv("GOGC") == ""
	opts.Logger = newLogger(env.Stderr, verbose, reg.Redactor)
	static, err := selectChecks(reg.Static, only)
	if err != nil {
		return err
	}
	// Whatever checks run, the report is redacted: the secrets engine
	// builds while the scan lists files and loads specs.
	reg.StartEngine()
	s := scan.Scanner{Catalog: cat, Checks: static, Redactor: reg.Redactor}
	res, err := s.Run(ctx, opts)
	if err != nil {
		return err
	}
	if p.opts.URL != "" || d.opts.Domain != "" {
		if res, err = withLive(ctx, reg, env, opts, &p, &d, verbose, res); err != nil {
			return err
		}
	}
	return out.finish(env, rep, res, "warning: ")
}

// withLive runs the probe (--url) and the DNS check (--domain) a scan
// was given, on the scanned checkout and its configuration, and joins
// their results with the scan's into one report.
func withLive(ctx context.Context, reg *checks.Registry, env Env, opts scan.Options, p *probeFlags, d *dnsFlags, verbose bool, scanned *report.Result) (*report.Result, error) {
	root, err := absFrom(env.WorkDir, cmp.Or(opts.Root, "."))
	if err != nil {
		return nil, err
	}
	c := common{workDir: root, threshold: opts.Threshold, verbose: verbose}
	if c.config, err = absFrom(env.WorkDir, opts.ConfigPath); err != nil {
		return nil, err
	}
	if c.baseline, err = absFrom(env.WorkDir, opts.Baseline); err != nil {
		return nil, err
	}
	parts := []report.Part{{Command: "scan", Result: scanned}}
	if p.opts.URL != "" {
		// The probe replays the documents the scan was given; without
		// --spec both discover the same ones under the checkout.
		for _, s := range opts.Specs {
			abs, err := absFrom(env.WorkDir, s)
			if err != nil {
				return nil, err
			}
			p.opts.Specs = append(p.opts.Specs, abs)
		}
		res, err := p.run(ctx, reg, env, c)
		if err != nil {
			return nil, err
		}
		parts = append(parts, report.Part{Command: "probe", Result: res})
	}
	if d.opts.Domain != "" {
		res, err := d.run(ctx, reg, env, c)
		if err != nil {
			return nil, err
		}
		parts = append(parts, report.Part{Command: "dns", Result: res})
	}
	return report.Join("", parts...), nil
}

// absFrom is p made absolute from dir; "" stays "".
func absFrom(dir, p string) (string, error) {
	if p == "" || filepath.IsAbs(p) {
		return p, nil
	}
	return filepath.Abs(filepath.Join(dir, p))
}

// finish writes res as the command's report: its notes to stderr, each
// after prefix, when the report is not the text one (which prints them
// itself), then the report; it returns errBlocking when something
// blocks.
func (o *output) finish(env Env, rep report.Reporter, res *report.Result, prefix string) error {
	res.Program = env.program()
	if res.Generated.IsZero() && env.Now != nil {
		res.Generated = env.Now()
	}
	if o.format != "text" {
		for _, n := range res.Notes {
			fmt.Fprintf(env.Stderr, "launchgate: %s%s\n", prefix, n)
		}
		for _, c := range res.Coverage {
			fmt.Fprintf(env.Stderr, "launchgate: %s\n", c)
		}
	}
	if err := o.write(env, rep, res); err != nil {
		return err
	}
	if res.Summary().Blocking > 0 {
		return errBlocking
	}
	return nil
}

// parseFlags parses args, printing help to stdout for -h and turning a flag
// error into a usage error that names the command.
func parseFlags(fs *flag.FlagSet, args []string, program string) ([]string, error) {
	w, usage := fs.Output(), fs.Usage
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	pos, err := parseInterspersed(fs, args)
	fs.SetOutput(w)
	fs.Usage = usage
	if errors.Is(err, flag.ErrHelp) {
		fs.Usage()
		return nil, err
	}
	if err != nil {
		return nil, usageErrorf("%s: %v (see %s %s -h)", fs.Name(), err, program, fs.Name())
	}
	return pos, nil
}

// prepare is what every reporting command needs once its flags are
// parsed: the --fail-on threshold, the --format reporter and the checks
// with their catalog.
func (o *output) prepare(env Env) (finding.Severity, report.Reporter, *checks.Registry, error) {
	threshold, err := o.threshold()
	if err != nil {
		return 0, nil, nil, err
	}
	rep, err := o.reporter(env)
	if err != nil {
		return 0, nil, nil, err
	}
	reg, err := checks.Load()
	if err != nil {
		return 0, nil, nil, err
	}
	return threshold, rep, reg, nil
}

func (o *output) reporter(env Env) (report.Reporter, error) {
	if o.format == "text" {
		return report.NewText(env.ColorStdout && o.file == ""), nil
	}
	r, err := report.New(o.format)
	if err != nil {
		return nil, fmt.Errorf("--format: %w", err)
	}
	return r, nil
}

// write sends the report to --output or stdout. With --output, stderr gets
// one line saying where the report went and what it holds.
func (o *output) write(env Env, rep report.Reporter, res *report.Result) error {
	if o.file == "" {
		return rep.Write(env.Stdout, res)
	}
	if err := writeFile(env.path(o.file), o.file, rep, res); err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "launchgate: %d findings, %s; %s report written to %s\n", res.Summary().Total, verdictOf(res), o.format, o.file)
	return nil
}

// verdictOf says how res judges the run, for the line stderr gets.
func verdictOf(res *report.Result) string {
	sum := res.Summary()
	switch {
	case res.Threshold == finding.Never:
		return "not gating (--fail-on never)"
	case !sum.Passed:
		return fmt.Sprintf("failed: %d blocking at %s or above", sum.Blocking, res.Threshold)
	}
	return "passed"
}

// newLogger logs to w through r, so that no log line shows a value the
// scan takes for a secret.
func newLogger(w io.Writer, verbose bool, r *redact.Redactor) *slog.Logger {
	level := slog.LevelWarn
	if verbose {
		level = slog.LevelDebug
	}
	return slog.New(r.Handler(slog.NewTextHandler(w, &slog.HandlerOptions{Level: level})))
}
