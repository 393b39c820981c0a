package cli

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/launchgate/launchgate/pkg/checks"
	"github.com/launchgate/launchgate/pkg/live"
	"github.com/launchgate/launchgate/pkg/probe"
	"github.com/launchgate/launchgate/pkg/redact"
)

func runProbe(ctx context.Context, args []string, env Env) error {
	fs := newFlagSet("probe", "probe --url URL [flags]", env)
	var out output
	out.register(fs)
	var specs repeated
	var opts probe.Options
	var verbose bool
	fs.StringVar(&opts.URL, "url", "", "the deployment's base `URL` (https://staging.example.com); the probe never leaves its origin")
	fs.Var(&specs, "spec", "OpenAPI document `FILE` whose operations are replayed, repeatable (default: discovered here)")
	fs.BoolVar(&opts.AllowWrites, "allow-writes", false, "also send POST, PUT, PATCH and DELETE, only with credentials a correct server refuses")
	fs.IntVar(&opts.MaxRequests, "max-requests", live.DefaultMaxRequests, "hard cap `N` on the requests of the whole run")
	fs.Float64Var(&opts.Rate, "rate", 10, "requests per second at most, `N` (0: unlimited, for loopback tests)")
	fs.DurationVar(&opts.Timeout, "timeout", 5*time.Minute, "limit for the whole run, a `DURATION`; each request has 10s")
	fs.StringVar(&opts.ConfigPath, "config", "", "configuration `FILE` (default ./.launchgate.yml): probe.identities and probe.objects")
	fs.StringVar(&opts.Baseline, "baseline", "", "an earlier JSON or SARIF report `FILE`: findings in it do not block")
	fs.BoolVar(&verbose, "verbose", false, "log each request (method, path, status; never a credential) to stderr")
	pos, err := parseFlags(fs, args, env.program())
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageErrorf("probe takes no arguments, got %v (the deployment goes in --url)", pos)
	}
	switch {
	case opts.MaxRequests < 1:
		return usageErrorf("--max-requests must be at least 1")
	case opts.Rate < 0:
		return usageErrorf("--rate must not be negative (0 is unlimited)")
	case opts.Timeout <= 0:
		return usageErrorf("--timeout must be positive")
	}
	threshold, err := out.threshold()
	if err != nil {
		return err
	}
	rep, err := out.reporter(env)
	if err != nil {
		return err
	}
	reg, err := checks.Load()
	if err != nil {
		return err
	}
	opts.Specs = specs
	opts.WorkDir = env.WorkDir
	if opts.WorkDir == "" {
		opts.WorkDir, _ = os.Getwd()
	}
	opts.Threshold = threshold
	opts.Now = env.Now()
	opts.Version = env.Version
	opts.LookupEnv = func(k string) (string, bool) {
		v := env.Getenv(k)
		return v, v != ""
	}
	opts.CertFile = env.Getenv("SSL_CERT_FILE")
	opts.NewLogger = func(rdr *redact.Redactor) *slog.Logger { return newLogger(env.Stderr, verbose, rdr) }
	r := probe.Runner{Catalog: reg.Catalog, Checks: reg.Live, Redactor: reg.Redactor}
	res, rdr, err := r.Run(ctx, opts)
	if err != nil {
		return fmt.Errorf("%s", rdr.String(err.Error()))
	}
	return out.finish(env, rep, res, "warning: ")
}
