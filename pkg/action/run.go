package action

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/sethvargo/go-githubactions"

	"github.com/launchgate/launchgate/pkg/checks"
	"github.com/launchgate/launchgate/pkg/finding"
	"github.com/launchgate/launchgate/pkg/ghapi"
	"github.com/launchgate/launchgate/pkg/redact"
	"github.com/launchgate/launchgate/pkg/report"
	"github.com/launchgate/launchgate/pkg/scan"
)

// ErrBlocking is returned, wrapped, when the run has findings at or above
// fail-on. Every other error means the step could not run as configured.
var ErrBlocking = errors.New("blocking findings")

// runner holds one run's state.
type runner struct {
	env       Env
	out       *commands
	inputs    Inputs
	event     Event
	workspace string
	git       GitFunc
	api       *ghapi.Client
	// sarif writes the SARIF file; its zero value keeps GitHub's limits.
	sarif report.SARIFReporter
	// scrub takes the credentials the run knows out of the files and the
	// comment it writes, whose texts the run's redactor already went
	// through (redact.Exact); nil changes nothing.
	scrub *redact.Redactor
}

// scrubbed is doc with the credentials the run knows taken out.
func (r *runner) scrubbed(doc string) string {
	if r.scrub == nil {
		return doc
	}
	return r.scrub.String(doc)
}

// Run is `launchgate action`: it reads the inputs and the event from env,
// scans or probes, and writes the SARIF file, the job summary, the outputs, the
// optional pull-request comment and the annotations — all of them also
// when the gate fails. It returns nil when nothing blocks, an error
// wrapping ErrBlocking when something does, and any other error when an
// input, the configuration or the runner's files are unusable.
func Run(ctx context.Context, env Env) error {
	if env.Getenv == nil {
		env.Getenv = func(string) string { return "" }
	}
	if env.Stdout == nil {
		env.Stdout = io.Discard
	}
	if env.Stderr == nil {
		env.Stderr = io.Discard
	}
	r := &runner{env: env, out: newCommands(env.Stdout), git: env.git()}
	gh := githubactions.New(githubactions.WithGetenv(env.Getenv), githubactions.WithWriter(env.Stdout))
	// Mask the token before anything else reaches the log.
	r.out.mask(gh.GetInput(inputToken))
	err := r.run(ctx, gh)
	if err != nil && !errors.Is(err, ErrBlocking) {
		err = &redactedError{msg: r.out.redact.String(oneLine(err.Error())), err: err}
		r.out.issue(cmdError, githubactions.CommandProperties{"title": "launchgate"}, err.Error())
	}
	return errors.Join(err, r.out.err)
}

// redactedError is an error as the run's redactor shows it, so that the
// caller, which prints it, cannot show a credential only the run knew.
type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string { return e.msg }
func (e *redactedError) Unwrap() error { return e.err }

func (r *runner) run(ctx context.Context, gh *githubactions.Action) error {
	var err error
	if r.inputs, err = ReadInputs(gh); err != nil {
		return err
	}
	if r.event, err = readEvent(gh); err != nil {
		return err
	}
	if r.env.APIURL != "" {
		r.event.APIURL = r.env.APIURL
	}
	if r.workspace, err = r.workspaceDir(); err != nil {
		return err
	}
	root := r.inputs.Path
	if !filepath.IsAbs(root) {
		root = filepath.Join(r.workspace, root)
	}
	reg, err := checks.Load()
	if err != nil {
		return err
	}
	r.out.redact = reg.Redactor
	// The probe's credentials are masked before anything else runs.
	if r.inputs.Runs("probe") {
		if err := r.maskCredentials(reg, root); err != nil {
			return err
		}
	}
	r.checkVersion()
	r.noteIgnored()
	var parts []report.Part
	var footers []string
	for _, command := range r.inputs.Commands {
		res, footer, err := r.runCommand(ctx, reg, command, root)
		if err != nil {
			return err
		}
		if err := r.fromRepositoryRoot(res, root); err != nil {
			return err
		}
		parts = append(parts, report.Part{Command: command, Result: res})
		footers = append(footers, footer)
	}
	res := parts[0].Result
	if len(parts) > 1 {
		res = report.Join(r.inputs.Category, parts...)
	}
	return r.report(ctx, res, strings.Join(footers, "; "))
}

// runCommand runs one command of the step and says what it covered, for
// the scorecard's closing line.
func (r *runner) runCommand(ctx context.Context, reg *checks.Registry, command, root string) (*report.Result, string, error) {
	switch command {
	case "probe":
		res, err := r.probe(ctx, reg, root)
		return res, "Probed: " + r.probeScope(), err
	case "dns":
		res, err := r.dns(ctx, reg, root)
		return res, "Checked: the DNS of " + cmp.Or(r.inputs.DNS.Domain, "the domain of dns.domain"), err
	}
	onlyNew := r.event.IsPullRequest()
	if r.inputs.OnlyNew != nil {
		onlyNew = *r.inputs.OnlyNew
	}
	scope := r.resolveScope(ctx, onlyNew, root)
	res, err := r.scan(ctx, reg, root, scope)
	return res, "Scanned: " + scope.Describe, err
}

// scan runs the static checks the way `launchgate scan` does.
func (r *runner) scan(ctx context.Context, reg *checks.Registry, root string, scope reportScope) (*report.Result, error) {
	s := scan.Scanner{Catalog: reg.Catalog, Checks: reg.Static, Redactor: reg.Redactor}
	res, err := s.Run(ctx, scan.Options{
		Root:       root,
		Specs:      r.inputs.Specs,
		Artifacts:  r.inputs.Artifacts,
		EnvFiles:   r.inputs.EnvFiles,
		Environ:    r.environ(),
		WorkDir:    r.workspace,
		ConfigPath: r.inputs.Config,
		Diff:       scope.Diff,
		Baseline:   r.inputs.Baseline,
		Threshold:  r.inputs.FailOn,
		Now:        r.env.now(),
		Logger:     slog.New(reg.Redactor.Handler(slog.NewTextHandler(r.env.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))),
		Version:    r.env.Version,
		TuneGC:     r.getenv("GOGC") == "",
	})
	if err != nil {
		return nil, err
	}
	if scope.Added != nil {
		if res.Findings, err = scope.Added.filter(res.Findings); err != nil {
			return nil, err
		}
	}
	return res, nil
}

// fromRepositoryRoot sets the run's category and makes the findings'
// files relative to the repository root: annotations, SARIF and links
// need paths from there, which is the workspace, not from a subfolder
// given as path. A step that runs several commands gives each its own
// analysis under the category (report.Join).
func (r *runner) fromRepositoryRoot(res *report.Result, root string) error {
	res.Category = r.inputs.Category
	prefix, err := r.rootPrefix(root)
	if err != nil {
		return err
	}
	if prefix != "" {
		for i := range res.Findings {
			if f := &res.Findings[i]; f.File != "" {
				f.File = prefix + "/" + f.File
			}
			if f := &res.Findings[i]; f.AnchorFile != "" {
				f.AnchorFile = prefix + "/" + f.AnchorFile
			}
		}
	}
	return nil
}

// report writes everything the step leaves behind. A failure to write one
// part does not stop the others.
func (r *runner) report(ctx context.Context, res *report.Result, footer string) error {
	sum := res.Summary()
	for _, n := range append(append([]string(nil), res.Notes...), res.Coverage...) {
		r.out.print("launchgate: " + oneLine(n))
	}
	res.Generated = r.env.now()
	var errs []error
	sarifFile, err := r.writeSARIF(res)
	errs = append(errs, err)
	htmlFile, err := r.writeHTML(res)
	errs = append(errs, err)

	md, err := scorecard(res, blobBase(&r.event), footer, maxSummaryBytes)
	errs = append(errs, err)
	if file := r.getenv("GITHUB_STEP_SUMMARY"); file != "" && err == nil {
		errs = append(errs, appendFile(file, r.scrubbed(md)+"\n", "GITHUB_STEP_SUMMARY"))
	}
	if file := r.getenv("GITHUB_OUTPUT"); file != "" {
		card, err := report.ScorecardJSON(res)
		errs = append(errs, err, writeOutputs(file, []output{
			{"sarif-file", sarifFile},
			{"findings", strconv.Itoa(sum.Total)},
			{"blocking", strconv.Itoa(sum.Blocking)},
			{"passed", strconv.FormatBool(sum.Passed)},
			{"scorecard", r.scrubbed(card)},
			{"html-file", htmlFile},
		}))
	}
	if r.inputs.Comment {
		body, err := scorecard(res, blobBase(&r.event), footer, maxCommentBytes)
		if err == nil {
			r.postComment(ctx, r.scrubbed(body))
		}
		errs = append(errs, err)
	}
	annotate(r.out, res.Findings)

	verdict := "passed"
	switch {
	case res.Threshold == finding.Never:
		verdict = "not gating (fail-on: never)"
	case !sum.Passed:
		verdict = fmt.Sprintf("failed: %d blocking at %s or above", sum.Blocking, res.Threshold)
	}
	r.out.print(fmt.Sprintf("launchgate: %d findings, %s; SARIF written to %s", sum.Total, verdict, sarifFile))
	if err := errors.Join(errs...); err != nil {
		return err
	}
	if !sum.Passed {
		return fmt.Errorf("%d findings at or above %s: %w", sum.Blocking, res.Threshold, ErrBlocking)
	}
	return nil
}

// reportDir is the folder the step's report files go to: RUNNER_TEMP's
// launchgate folder on a runner, else .launchgate in the workspace.
func (r *runner) reportDir() (string, error) {
	dir := filepath.Join(r.workspace, ".launchgate")
	if tmp := r.getenv("RUNNER_TEMP"); tmp != "" {
		dir = filepath.Join(tmp, "launchgate")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("report folder: %w", err)
	}
	return dir, nil
}

// writeHTML writes the self-contained HTML report a team hands to a
// reviewer, for a later step to upload as an artifact.
func (r *runner) writeHTML(res *report.Result) (string, error) {
	dir, err := r.reportDir()
	if err != nil {
		return "", err
	}
	rep, err := report.New("html")
	if err != nil {
		return "", err
	}
	var b strings.Builder
	if err := rep.Write(&b, res); err != nil {
		return "", fmt.Errorf("HTML report: %w", err)
	}
	file := filepath.Join(dir, "launchgate.html")
	if err := os.WriteFile(file, []byte(r.scrubbed(b.String())), 0o644); err != nil {
		return "", fmt.Errorf("HTML report %s: %w", file, err)
	}
	return file, nil
}

// writeSARIF writes the SARIF file where upload-sarif can pick it up, and
// says so when code scanning's limits made the reporter leave results out.
func (r *runner) writeSARIF(res *report.Result) (string, error) {
	dir, err := r.reportDir()
	if err != nil {
		return "", err
	}
	file := filepath.Join(dir, "launchgate.sarif")
	f, err := os.Create(file)
	if err != nil {
		return "", fmt.Errorf("SARIF file: %w", err)
	}
	var counted resultCounter
	if err := r.sarif.Write(&counted, res); err != nil {
		f.Close()
		return "", fmt.Errorf("SARIF file %s: %w", file, err)
	}
	if _, err := f.WriteString(r.scrubbed(string(counted.buf))); err != nil {
		f.Close()
		return "", fmt.Errorf("SARIF file %s: %w", file, err)
	}
	if err := f.Close(); err != nil {
		return "", fmt.Errorf("SARIF file %s: %w", file, err)
	}
	if kept, err := counted.results(); err == nil && kept < len(res.Findings) {
		r.out.notice("The SARIF file holds %d of %d findings: code scanning limits what one upload may carry, so the most severe were kept. The job summary counts them all.",
			kept, len(res.Findings))
	}
	return file, nil
}

// checkVersion notes when action.yml installed another launchgate than
// the one running, which happens when a pinned version input and the
// action's ref disagree.
func (r *runner) checkVersion() {
	want := strings.TrimPrefix(r.inputs.Version, "v")
	have := strings.TrimPrefix(r.env.Version, "v")
	if want == "" || want == "latest" || have == "" || have == "dev" || want == have {
		return
	}
	r.out.notice("The version input asks for launchgate %s, but %s is running.", r.inputs.Version, r.env.Version)
}

// workspaceDir is the repository checkout: GITHUB_WORKSPACE on a runner.
func (r *runner) workspaceDir() (string, error) {
	ws := cmp.Or(r.getenv("GITHUB_WORKSPACE"), r.env.WorkDir, ".")
	abs, err := filepath.Abs(ws)
	if err != nil {
		return "", fmt.Errorf("GITHUB_WORKSPACE %s: %w", ws, err)
	}
	return abs, nil
}

// client returns the GitHub API client, made on first use.
func (r *runner) client() (*ghapi.Client, error) {
	if r.api != nil {
		return r.api, nil
	}
	c, err := ghapi.New(r.inputs.Token, r.event.APIURL, r.env.HTTPClient)
	if err != nil {
		return nil, err
	}
	r.api = c
	return c, nil
}

func (r *runner) getenv(k string) string { return r.env.Getenv(k) }

// relPath is target relative to base with / separators.
func relPath(base, target string) (string, error) {
	rel, err := filepath.Rel(base, target)
	if err != nil {
		return "", err
	}
	return filepath.ToSlash(rel), nil
}

func itoa(n int) string { return strconv.Itoa(n) }

// resultCounter reads back how many results the SARIF reporter kept.
type resultCounter struct{ buf []byte }

func (c *resultCounter) Write(p []byte) (int, error) {
	c.buf = append(c.buf, p...)
	return len(p), nil
}

func (c *resultCounter) results() (int, error) {
	var doc struct {
		Runs []struct {
			Results []json.RawMessage `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(c.buf, &doc); err != nil {
		return 0, err
	}
	n := 0
	for _, run := range doc.Runs {
		n += len(run.Results)
	}
	return n, nil
}

// environ is the environment the env check judges: the step's, when the
// env-from-process input asks for it.
func (r *runner) environ() []string {
	if !r.inputs.EnvFromProcess || r.env.Environ == nil {
		return nil
	}
	return r.env.Environ()
}
