package action

import (
	"context"
	"log/slog"
	"path/filepath"

	"github.com/launchgate/launchgate/pkg/checks"
	"github.com/launchgate/launchgate/pkg/probe"
	"github.com/launchgate/launchgate/pkg/redact"
	"github.com/launchgate/launchgate/pkg/report"
	"github.com/launchgate/launchgate/pkg/scan"
)

// maskCredentials tells the runner to hide every credential the
// identities expand to, before anything else reaches the log, so that
// it hides them even in lines launchgate does not write; the run's
// redactor and the files it writes learn them too.
func (r *runner) maskCredentials(reg *checks.Registry, root string) error {
	creds, err := r.identityCredentials(reg, r.probeOptions(root))
	if err != nil {
		return err
	}
	for _, c := range creds {
		r.out.mask(c)
	}
	r.out.redact = reg.Redactor.WithValues(creds...)
	r.scrub = redact.Exact(creds...)
	return nil
}

// probe probes the deployment the way `launchgate probe` does, through
// a redactor that knows the identities' credentials.
func (r *runner) probe(ctx context.Context, reg *checks.Registry, root string) (*report.Result, error) {
	runner := probe.Runner{Catalog: reg.Catalog, Checks: reg.Live, Redactor: r.out.redact}
	res, rdr, err := runner.Run(ctx, r.probeOptions(root))
	// The probe's redactor knows the same credentials once it expanded
	// them; a run that stopped before (a bad url) returns the one given.
	r.out.redact = rdr
	return res, err
}

// probeOptions are the probe's options from the inputs. Relative spec,
// config and baseline paths are taken from the workspace, as a scan
// takes them; the findings' files are relative to root.
func (r *runner) probeOptions(root string) probe.Options {
	in := r.inputs
	specs := make([]string, len(in.Specs))
	for i, s := range in.Specs {
		specs[i] = r.fromWorkspace(s)
	}
	return probe.Options{
		URL:         in.Probe.URL,
		Specs:       specs,
		WorkDir:     root,
		ConfigPath:  r.fromWorkspace(in.Config),
		Baseline:    r.fromWorkspace(in.Baseline),
		AllowWrites: in.Probe.AllowWrites,
		MaxRequests: in.Probe.MaxRequests,
		Rate:        in.Probe.Rate,
		Timeout:     in.Probe.Timeout,
		Threshold:   in.FailOn,
		Now:         r.env.now(),
		LookupEnv:   r.lookupEnv,
		CertFile:    r.getenv("SSL_CERT_FILE"),
		Version:     r.env.Version,
		NewLogger: func(rdr *redact.Redactor) *slog.Logger {
			return slog.New(rdr.Handler(slog.NewTextHandler(r.env.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))
		},
	}
}

// identityCredentials expands the identities of the configuration the
// probe will read and returns their credentials. An unset ${NAME} is an
// error that names the variable, never a value.
func (r *runner) identityCredentials(reg *checks.Registry, opts probe.Options) ([]string, error) {
	s := &scan.Scanner{Catalog: reg.Catalog, Redactor: reg.Redactor}
	cfg, err := s.LoadConfig(opts.WorkDir, scan.Options{ConfigPath: opts.ConfigPath, WorkDir: opts.WorkDir})
	if err != nil {
		return nil, err
	}
	ids, err := cfg.Probe.ExpandIdentities(opts.LookupEnv)
	if err != nil {
		return nil, err
	}
	return probe.Credentials(ids), nil
}

// lookupEnv reads the step's environment for ${NAME} in the identities;
// an empty variable counts as unset, as a secret the job lacks is empty.
func (r *runner) lookupEnv(name string) (string, bool) {
	v := r.getenv(name)
	return v, v != ""
}

// fromWorkspace is p taken from the workspace when relative; "" stays "".
func (r *runner) fromWorkspace(p string) string {
	if p == "" || filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(r.workspace, p)
}

// probeScope says what was probed, for the scorecard's closing line.
func (r *runner) probeScope() string {
	s := "the deployment at " + r.inputs.Probe.URL
	if sha := r.event.HeadSHA(); sha != "" {
		s += ", replaying the OpenAPI operations at " + short(sha)
	}
	return s
}
