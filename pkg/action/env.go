package action

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"time"
)

// Env is everything the entrypoint takes from the process, so that tests
// can run it under a simulated runner without touching the real
// environment.
type Env struct {
	// Getenv reads the runner's variables: INPUT_*, GITHUB_*, RUNNER_TEMP.
	Getenv func(string) string
	// Stdout receives workflow commands and the log; Stderr gets the scan's
	// own warnings.
	Stdout, Stderr io.Writer
	Now            func() time.Time
	// WorkDir stands in for GITHUB_WORKSPACE when that is unset; "" means
	// the process's directory.
	WorkDir string
	// Version is launchgate's own version.
	Version string
	// Git runs git in dir and returns its standard output; nil runs the git
	// binary on PATH.
	Git GitFunc
	// HTTPClient calls the GitHub API; nil means a client with a timeout.
	HTTPClient *http.Client
	// APIURL overrides GITHUB_API_URL.
	APIURL string
	// Environ lists the step's environment as KEY=VALUE pairs, read only
	// with the env-from-process input; nil reads none.
	Environ func() []string
}

// GitFunc runs git with args in dir and returns its standard output.
type GitFunc func(ctx context.Context, dir string, args ...string) ([]byte, error)

// ExecGit runs the git binary on PATH without prompting for credentials,
// which would hang a CI job, and with messages in the C locale.
func ExecGit(ctx context.Context, dir string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "git", append([]string{"-C", dir}, args...)...)
	cmd.Env = append(os.Environ(), "GIT_TERMINAL_PROMPT=0", "LC_ALL=C")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if len(msg) > 500 {
			msg = strings.ToValidUTF8(msg[:500], "")
		}
		if msg == "" {
			return nil, fmt.Errorf("git %s: %w", firstArg(args), err)
		}
		return nil, fmt.Errorf("git %s: %s: %w", firstArg(args), msg, err)
	}
	return stdout.Bytes(), nil
}

func firstArg(args []string) string {
	if len(args) == 0 {
		return ""
	}
	return args[0]
}

func (e Env) now() time.Time {
	if e.Now == nil {
		return time.Now()
	}
	return e.Now()
}

func (e Env) git() GitFunc {
	if e.Git == nil {
		return ExecGit
	}
	return e.Git
}
