package action

import (
	"context"
	"log/slog"

	"github.com/launchgate/launchgate/pkg/checks"
	"github.com/launchgate/launchgate/pkg/dnsrun"
)

// runDNS is command: dns. It checks the sending domain's DNS the way
// `launchgate dns` does and reports like a scan; a domain is an input or
// dns.domain of the configuration.
func (r *runner) runDNS(ctx context.Context, root string) error {
	reg, err := checks.Load()
	if err != nil {
		return err
	}
	r.out.redact = reg.Redactor
	r.checkVersion()
	r.noteIgnored()
	in := r.inputs
	runner := dnsrun.Runner{Catalog: reg.Catalog, Checks: reg.DNS, Redactor: reg.Redactor}
	res, err := runner.Run(ctx, dnsrun.Options{
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
		Logger:     slog.New(reg.Redactor.Handler(slog.NewTextHandler(r.env.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))),
	})
	if err != nil {
		return err
	}
	// Findings about DNS names carry no file; the category is set as for
	// a scan.
	if err := r.fromRepositoryRoot(res, root); err != nil {
		return err
	}
	domain := in.DNS.Domain
	if domain == "" {
		domain = "the domain of dns.domain"
	}
	return r.report(ctx, res, "Checked: the DNS of "+domain)
}
