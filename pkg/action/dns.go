package action

import (
	"context"
	"log/slog"

	"github.com/launchgate/launchgate/pkg/checks"
	"github.com/launchgate/launchgate/pkg/dnsrun"
	"github.com/launchgate/launchgate/pkg/report"
)

// dns checks the sending domain's DNS the way `launchgate dns` does; a
// domain is an input or dns.domain of the configuration.
func (r *runner) dns(ctx context.Context, reg *checks.Registry, root string) (*report.Result, error) {
	in := r.inputs
	runner := dnsrun.Runner{Catalog: reg.Catalog, Checks: reg.DNS, Redactor: r.out.redact}
	return runner.Run(ctx, dnsrun.Options{
		Domain:     in.DNS.Domain,
		Selectors:  in.DNS.Selectors,
		Resolvers:  in.DNS.Resolvers,
		Timeout:    in.Probe.Timeout,
		WorkDir:    root,
		ConfigPath: r.fromWorkspace(in.Config),
		Baseline:   r.fromWorkspace(in.Baseline),
		Threshold:  in.FailOn,
		Now:        r.env.now(),
		CertFile:   r.getenv("SSL_CERT_FILE"),
		Version:    r.env.Version,
		Logger:     slog.New(r.out.redact.Handler(slog.NewTextHandler(r.env.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))),
	})
}
