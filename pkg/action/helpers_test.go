package action

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/launchgate/launchgate/pkg/testkit"
)

// runnerSim is a simulated GitHub Actions runner: the variables a step
// sees, with its command files in a temporary folder.
type runnerSim struct {
	t    *testing.T
	vars map[string]string
	// summaryFile, outputFile and tempDir are what GITHUB_STEP_SUMMARY,
	// GITHUB_OUTPUT and RUNNER_TEMP point at.
	summaryFile, outputFile, tempDir string
	env                              Env
}

// newRunner simulates a runner whose workspace is ws.
func newRunner(t *testing.T, ws string) *runnerSim {
	t.Helper()
	dir := t.TempDir()
	r := &runnerSim{
		t:           t,
		summaryFile: filepath.Join(dir, "step_summary.md"),
		outputFile:  filepath.Join(dir, "output.txt"),
		tempDir:     filepath.Join(dir, "runner_temp"),
	}
	if err := os.MkdirAll(r.tempDir, 0o755); err != nil {
		t.Fatal(err)
	}
	r.vars = map[string]string{
		"GITHUB_ACTIONS":      "true",
		"GITHUB_WORKSPACE":    ws,
		"GITHUB_STEP_SUMMARY": r.summaryFile,
		"GITHUB_OUTPUT":       r.outputFile,
		"RUNNER_TEMP":         r.tempDir,
		"GITHUB_REPOSITORY":   "acme/portal",
		"GITHUB_SERVER_URL":   "https://github.com",
	}
	r.env = Env{
		Now:     func() time.Time { return time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC) },
		Version: "v1.4.0",
	}
	return r
}

// input sets INPUT_<NAME> the way the runner does: upper-cased, hyphens
// kept.
func (r *runnerSim) input(name, value string) *runnerSim {
	r.vars["INPUT_"+strings.ToUpper(name)] = value
	return r
}

// event writes the payload and names it in GITHUB_EVENT_NAME and
// GITHUB_EVENT_PATH.
func (r *runnerSim) event(name string, payload any) *runnerSim {
	r.t.Helper()
	data, err := json.Marshal(payload)
	if err != nil {
		r.t.Fatal(err)
	}
	path := filepath.Join(r.t.TempDir(), "event.json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		r.t.Fatal(err)
	}
	r.vars["GITHUB_EVENT_NAME"] = name
	r.vars["GITHUB_EVENT_PATH"] = path
	return r
}

// runResult is what one run left behind.
type runResult struct {
	err            error
	stdout, stderr string
	outputs        map[string]string
	summary        string
}

func (r *runnerSim) run() runResult {
	r.t.Helper()
	var stdout, stderr bytes.Buffer
	env := r.env
	env.Stdout, env.Stderr = &stdout, &stderr
	env.Getenv = func(k string) string { return r.vars[k] }
	err := Run(context.Background(), env)
	res := runResult{err: err, stdout: stdout.String(), stderr: stderr.String(), outputs: map[string]string{}}
	if data, err := os.ReadFile(r.summaryFile); err == nil {
		res.summary = string(data)
	}
	if data, err := os.ReadFile(r.outputFile); err == nil {
		res.outputs = parseOutputs(r.t, string(data))
	}
	return res
}

// parseOutputs reads a GITHUB_OUTPUT file, both the name=value and the
// heredoc forms; a later value for a name wins, as on a runner.
func parseOutputs(t *testing.T, s string) map[string]string {
	t.Helper()
	out := map[string]string{}
	sc := bufio.NewScanner(strings.NewReader(s))
	for sc.Scan() {
		line := sc.Text()
		if name, delim, ok := strings.Cut(line, "<<"); ok && !strings.Contains(name, "=") {
			var val []string
			for sc.Scan() && sc.Text() != delim {
				val = append(val, sc.Text())
			}
			out[name] = strings.Join(val, "\n")
			continue
		}
		name, val, ok := strings.Cut(line, "=")
		if !ok {
			t.Fatalf("GITHUB_OUTPUT line %q is neither name=value nor a heredoc", line)
		}
		out[name] = val
	}
	return out
}

// commandLines returns the workflow commands of one type from stdout.
func commandLines(stdout, name string) []string {
	var out []string
	for _, line := range strings.Split(stdout, "\n") {
		if strings.HasPrefix(line, "::"+name+" ") || strings.HasPrefix(line, "::"+name+"::") {
			out = append(out, line)
		}
	}
	return out
}

func exitOf(err error) int {
	switch {
	case err == nil:
		return 0
	case errors.Is(err, ErrBlocking):
		return 1
	}
	return 2
}

// fakeStripeKey is a live-looking Stripe key made at test time.
func fakeStripeKey(t *testing.T) string {
	return "sk_" + "live_" + testkit.Random(t, testkit.Alnum, 24)
}
