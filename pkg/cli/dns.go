package cli

import (
	"context"
	"os"
)

func runDNS(ctx context.Context, args []string, env Env) error {
	fs := newFlagSet("dns", "dns DOMAIN [flags]", env)
	var out output
	out.register(fs)
	var d dnsFlags
	d.register(fs, false)
	var c common
	fs.StringVar(&c.config, "config", "", "configuration `FILE` (default ./.launchgate.yml): dns.domain and dns.dkim_selectors")
	fs.StringVar(&c.baseline, "baseline", "", "an earlier JSON or SARIF report `FILE`: findings in it do not block")
	fs.BoolVar(&c.verbose, "verbose", false, "log each DNS query (type, name, server, answer) to stderr")
	pos, err := parseFlags(fs, args, env.program())
	if err != nil {
		return err
	}
	switch {
	case len(pos) > 1:
		return usageErrorf("dns takes one DOMAIN, got %d: %v", len(pos), pos)
	case d.opts.Timeout <= 0:
		return usageErrorf("--timeout must be positive")
	}
	if len(pos) == 1 {
		d.opts.Domain = pos[0]
	}
	threshold, rep, reg, err := out.prepare(env)
	if err != nil {
		return err
	}
	c.threshold = threshold
	c.workDir = env.WorkDir
	if c.workDir == "" {
		c.workDir, _ = os.Getwd()
	}
	res, err := d.run(ctx, reg, env, c)
	if err != nil {
		return err
	}
	return out.finish(env, rep, res, "warning: ")
}
