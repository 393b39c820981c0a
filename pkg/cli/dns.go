package cli

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/launchgate/launchgate/pkg/checks"
	"github.com/launchgate/launchgate/pkg/dnsrun"
)

func runDNS(ctx context.Context, args []string, env Env) error {
	fs := newFlagSet("dns", "dns DOMAIN [flags]", env)
	var out output
	out.register(fs)
	var selectors, resolvers repeated
	var opts dnsrun.Options
	var verbose bool
	fs.Var(&selectors, "dkim-selector", "DKIM selector `S` whose key is checked, repeatable (default: dns.dkim_selectors, else inferred from the SPF and MX providers)")
	fs.Var(&resolvers, "resolver", "DNS server `HOST:PORT` to ask, repeatable (default: the system's, from /etc/resolv.conf)")
	fs.DurationVar(&opts.Timeout, "timeout", time.Minute, "limit for the whole run, a `DURATION`; each query attempt has 2s")
	fs.StringVar(&opts.ConfigPath, "config", "", "configuration `FILE` (default ./.launchgate.yml): dns.domain and dns.dkim_selectors")
	fs.StringVar(&opts.Baseline, "baseline", "", "an earlier JSON or SARIF report `FILE`: findings in it do not block")
	fs.BoolVar(&verbose, "verbose", false, "log each DNS query (type, name, server, answer) to stderr")
	pos, err := parseFlags(fs, args, env.program())
	if err != nil {
		return err
	}
	switch {
	case len(pos) > 1:
		return usageErrorf("dns takes one DOMAIN, got %d: %v", len(pos), pos)
	case opts.Timeout <= 0:
		return usageErrorf("--timeout must be positive")
	}
	if len(pos) == 1 {
		opts.Domain = pos[0]
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
	opts.Selectors = selectors
	opts.Resolvers = resolvers
	opts.WorkDir = env.WorkDir
	if opts.WorkDir == "" {
		opts.WorkDir, _ = os.Getwd()
	}
	opts.Threshold = threshold
	opts.Now = env.Now()
	opts.Version = env.Version
	opts.CertFile = env.Getenv("SSL_CERT_FILE")
	opts.Logger = newLogger(env.Stderr, verbose, reg.Redactor)
	r := dnsrun.Runner{Catalog: reg.Catalog, Checks: reg.DNS, Redactor: reg.Redactor}
	res, err := r.Run(ctx, opts)
	if err != nil {
		return fmt.Errorf("%s", reg.Redactor.String(err.Error()))
	}
	return out.finish(env, rep, res, "warning: ")
}
