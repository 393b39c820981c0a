package cli

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"time"

	"github.com/launchgate/launchgate/pkg/checks"
	"github.com/launchgate/launchgate/pkg/dnsrun"
	"github.com/launchgate/launchgate/pkg/finding"
	"github.com/launchgate/launchgate/pkg/live"
	"github.com/launchgate/launchgate/pkg/probe"
	"github.com/launchgate/launchgate/pkg/redact"
	"github.com/launchgate/launchgate/pkg/report"
)

// probeFlags are the flags of the live probe, which `probe` takes and
// `scan` takes to add the probe to its run.
type probeFlags struct {
	opts probe.Options
}

// register adds the probe's flags to fs. A scan names the URL's flag in
// its help as adding the probe, and leaves --timeout, --config,
// --baseline and --verbose to its own.
func (p *probeFlags) register(fs *flag.FlagSet, forScan bool) {
	url := "the deployment's base `URL` (https://staging.example.com); the probe never leaves its origin"
	if forScan {
		url = "also probe the deployment at `URL` (https://staging.example.com), as `probe --url` does, and judge both in one report"
	}
	fs.StringVar(&p.opts.URL, "url", "", url)
	fs.BoolVar(&p.opts.AllowWrites, "allow-writes", false, "also send POST, PUT, PATCH and DELETE, only with credentials a correct server refuses")
	fs.IntVar(&p.opts.MaxRequests, "max-requests", live.DefaultMaxRequests, "hard cap `N` on the requests of the whole probe")
	fs.Float64Var(&p.opts.Rate, "rate", 10, "requests per second at most, `N` (0: unlimited, for loopback tests)")
	if !forScan {
		fs.DurationVar(&p.opts.Timeout, "timeout", 5*time.Minute, "limit for the whole run, a `DURATION`; each request has 10s")
	}
}

// check rejects values no probe can run with.
func (p *probeFlags) check() error {
	switch {
	case p.opts.MaxRequests < 1:
		return usageErrorf("--max-requests must be at least 1")
	case p.opts.Rate < 0:
		return usageErrorf("--rate must not be negative (0 is unlimited)")
	}
	return nil
}

// run probes with the flags' options completed from the command's.
func (p *probeFlags) run(ctx context.Context, reg *checks.Registry, env Env, c common) (*report.Result, error) {
	opts := p.opts
	opts.WorkDir, opts.ConfigPath, opts.Baseline = c.workDir, c.config, c.baseline
	opts.Threshold, opts.Now, opts.Version = c.threshold, env.Now(), env.Version
	if opts.Timeout == 0 {
		opts.Timeout = 5 * time.Minute
	}
	opts.LookupEnv = func(k string) (string, bool) {
		v := env.Getenv(k)
		return v, v != ""
	}
	opts.CertFile = env.Getenv("SSL_CERT_FILE")
	opts.NewLogger = func(rdr *redact.Redactor) *slog.Logger { return newLogger(env.Stderr, c.verbose, rdr) }
	r := probe.Runner{Catalog: reg.Catalog, Checks: reg.Live, Redactor: reg.Redactor}
	res, rdr, err := r.Run(ctx, opts)
	if err != nil {
		return nil, fmt.Errorf("%s", rdr.String(err.Error()))
	}
	return res, nil
}

// dnsFlags are the flags of the DNS check, which `dns` takes and `scan`
// takes (with --domain) to add it to its run.
type dnsFlags struct {
	selectors, resolvers repeated
	opts                 dnsrun.Options
}

func (d *dnsFlags) register(fs *flag.FlagSet, forScan bool) {
	if forScan {
		fs.StringVar(&d.opts.Domain, "domain", "", "also check the email trust of the sending `DOMAIN`, as `dns DOMAIN` does, and judge it in the same report")
	}
	fs.Var(&d.selectors, "dkim-selector", "DKIM selector `S` whose key is checked, repeatable (default: dns.dkim_selectors, else inferred from the SPF and MX providers)")
	fs.Var(&d.resolvers, "resolver", "DNS server `HOST:PORT` to ask, repeatable (default: the system's, from /etc/resolv.conf)")
	if !forScan {
		fs.DurationVar(&d.opts.Timeout, "timeout", time.Minute, "limit for the whole run, a `DURATION`; each query attempt has 2s")
	}
}

func (d *dnsFlags) run(ctx context.Context, reg *checks.Registry, env Env, c common) (*report.Result, error) {
	opts := d.opts
	opts.Selectors, opts.Resolvers = d.selectors, d.resolvers
	opts.WorkDir, opts.ConfigPath, opts.Baseline = c.workDir, c.config, c.baseline
	opts.Threshold, opts.Now, opts.Version = c.threshold, env.Now(), env.Version
	if opts.Timeout == 0 {
		opts.Timeout = time.Minute
	}
	opts.CertFile = env.Getenv("SSL_CERT_FILE")
	opts.Logger = newLogger(env.Stderr, c.verbose, reg.Redactor)
	r := dnsrun.Runner{Catalog: reg.Catalog, Checks: reg.DNS, Redactor: reg.Redactor}
	res, err := r.Run(ctx, opts)
	if err != nil {
		return nil, fmt.Errorf("%s", reg.Redactor.String(err.Error()))
	}
	return res, nil
}

// common are the settings a command passes to the probe and the DNS
// check it runs.
type common struct {
	workDir, config, baseline string
	threshold                 finding.Severity
	verbose                   bool
}
