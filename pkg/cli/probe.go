package cli

import (
	"context"
	"os"
)

func runProbe(ctx context.Context, args []string, env Env) error {
	fs := newFlagSet("probe", "probe --url URL [flags]", env)
	var out output
	out.register(fs)
	var p probeFlags
	p.register(fs, false)
	var specs repeated
	var c common
	fs.Var(&specs, "spec", "OpenAPI document `FILE` whose operations are replayed, repeatable (default: discovered here)")
	fs.StringVar(&c.config, "config", "", "configuration `FILE` (default ./.launchgate.yml): probe.identities and probe.objects")
	fs.StringVar(&c.baseline, "baseline", "", "an earlier JSON or SARIF report `FILE`: findings in it do not block")
	fs.BoolVar(&c.verbose, "verbose", false, "log each request (method, path, status; never a credential) to stderr")
	pos, err := parseFlags(fs, args, env.program())
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageErrorf("probe takes no arguments, got %v (the deployment goes in --url)", pos)
	}
	if p.opts.Timeout <= 0 {
		return usageErrorf("--timeout must be positive")
	}
	if err := p.check(); err != nil {
		return err
	}
	threshold, rep, reg, err := out.prepare(env)
	if err != nil {
		return err
	}
	c.threshold = threshold
	p.opts.Specs = specs
	c.workDir = env.WorkDir
	if c.workDir == "" {
		c.workDir, _ = os.Getwd()
	}
	res, err := p.run(ctx, reg, env, c)
	if err != nil {
		return err
	}
	return out.finish(env, rep, res, "warning: ")
}
