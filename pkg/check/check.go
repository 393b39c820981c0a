// Package check defines what a check is: a named value with the rules it can
// emit and a Run function, like go/analysis's Analyzer.
package check

import (
	"context"
	"log/slog"

	"github.com/launchgate/launchgate/pkg/config"
	"github.com/launchgate/launchgate/pkg/finding"
	"github.com/launchgate/launchgate/pkg/source"
)

// Check is one family of static or live checks.
type Check struct {
	// Name is short and lowercase ("openapi").
	Name string
	// Doc describes the check; its first line is the title.
	Doc string
	// Areas are the scorecard rows the check covers when it runs.
	Areas []string
	// Rules are the IDs the check can emit.
	Rules []string
	// GCPercent is the garbage-collection target the check runs best with,
	// or 0 for the process's. The OpenAPI check holds whole documents live
	// and collects less often; the runner applies it when allowed to.
	GCPercent int
	// Applies reports whether the check has anything to do for t; a check
	// that does not apply leaves its areas "not run".
	Applies func(t *Target) bool
	// Run examines t and reports through emit. An error means the check
	// could not do its work; a problem in the checked project is a finding.
	Run func(ctx context.Context, t *Target, emit func(Report)) error
}

// Target is what checks examine: a checkout for static checks, a
// deployment (Live) for live ones.
type Target struct {
	// Root is the absolute path of the checkout.
	Root string
	// Specs are the OpenAPI documents to check, relative to Root with /.
	Specs  []string
	Config *config.Config
	// Diff is set when only changes in a git range are reported.
	Diff *Range
	// Changed, set with Diff, reports whether the range added or changed
	// the file (relative to Root, with /). A finding on a file it did not
	// change is not reported, so a check whose findings sit in the file
	// it read may pass over the others (see InDiff).
	Changed func(file string) bool
	Logger  *slog.Logger
	// Tree is the checkout's files, for checks that read source and
	// config files; nil when the scan lists none.
	Tree *source.Tree
	// Artifacts are build outputs to check whole (--artifacts): absolute
	// paths of folders, files and archives inside Root.
	Artifacts []string
	// EnvFiles are production env files named with --env: absolute paths,
	// inside Root or not.
	EnvFiles []string
	// Environ is the process environment as KEY=VALUE pairs when the scan
	// checks it (--env-from-process); nil otherwise.
	Environ []string
	// Live is the deployment a probe examines; nil for a scan.
	Live *Live
	// DNS is the domain `launchgate dns` examines; nil otherwise.
	DNS *DNS
	// Tally takes the evidence behind each scorecard row's verdict;
	// checks record into it whether or not it is nil.
	Tally *Tally
}

// InDiff reports whether a finding in file could be reported: always
// without a Diff, else when the range changed the file.
func (t *Target) InDiff(file string) bool {
	return t.Changed == nil || t.Changed(file)
}

// Range is a git range BASE..HEAD in the checkout at Target.Root.
type Range struct {
	Base, Head string
}

// Report is what a check says about one problem. The runner fills title,
// category and severity from the rule catalog.
type Report struct {
	Rule    string
	File    string
	Line    int
	Column  int
	EndLine int
	URL     string
	Message string
	// Key anchors the fingerprint (see finding.Finding.Key).
	Key string
	// OfChange says the finding is about the Diff range itself, such as a
	// weakening between BASE and HEAD; the diff filter keeps it whatever
	// lines it points at.
	OfChange bool
	// MinSeverity raises the rule's default severity for this finding (a
	// mutating route without auth is worse than a read); zero keeps it.
	MinSeverity finding.Severity
	// Capped lowers the rule's default severity for this finding to at
	// most MaxSeverity (a password in a compose file that only runs on a
	// developer's machine is less exposed than one in production); the
	// message says why. False keeps it.
	Capped      bool
	MaxSeverity finding.Severity
}
