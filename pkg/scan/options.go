// Package scan runs the static checks over a checkout and turns what they
// report into the processed findings every reporter writes.
package scan

import (
	"log/slog"
	"time"

	"github.com/launchgate/launchgate/pkg/finding"
)

// Options are the inputs of one scan, as the command line gives them.
type Options struct {
	// Root is the folder to scan (the scan command's PATH).
	Root string
	// Specs are OpenAPI documents named explicitly (--spec); relative ones
	// are taken from WorkDir. Empty means discover them under Root.
	Specs []string
	// Artifacts are build outputs (--artifacts): folders, files, archives;
	// relative ones are taken from WorkDir.
	Artifacts []string
	// EnvFiles are production env files (--env); relative ones are taken
	// from WorkDir. They may lie outside Root.
	EnvFiles []string
	// Environ is the process environment as KEY=VALUE pairs, checked as a
	// production environment (--env-from-process); nil leaves it out.
	Environ []string
	// WorkDir resolves relative paths in Specs, ConfigPath and Baseline.
	WorkDir string
	// ConfigPath is --config; empty means Root/.launchgate.yml if present.
	ConfigPath string
	// Diff is a git range BASE..HEAD: only changes in it are reported.
	Diff string
	// Baseline is an earlier JSON or SARIF report whose findings don't block.
	Baseline  string
	Threshold finding.Severity
	// Now decides whether config ignores have expired.
	Now    time.Time
	Logger *slog.Logger
	// Version is the launchgate version written into reports.
	Version string
	// TuneGC lets each check run at its own garbage-collection target
	// (check.Check.GCPercent); off when the user set GOGC.
	TuneGC bool
}
