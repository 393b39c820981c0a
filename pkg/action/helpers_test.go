package action

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
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

// git runs git in dir with no user or system configuration.
func git(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_DATE=2026-01-01T00:00:00Z", "GIT_COMMITTER_DATE=2026-01-01T00:00:00Z")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return strings.TrimSpace(string(out))
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// randomFrom makes a fresh random string, so that no committed file holds
// anything a scanner would take for a real key.
func randomFrom(t *testing.T, alphabet string, n int) string {
	t.Helper()
	var b strings.Builder
	for range n {
		i, err := rand.Int(rand.Reader, big.NewInt(int64(len(alphabet))))
		if err != nil {
			t.Fatal(err)
		}
		b.WriteByte(alphabet[i.Int64()])
	}
	return b.String()
}

const alnum = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

// fakeStripeKey is a live-looking Stripe key made at test time.
func fakeStripeKey(t *testing.T) string {
	return "sk_" + "live_" + randomFrom(t, alnum, 24)
}
