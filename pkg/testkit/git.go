package testkit

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// gitEnv keeps the machine's git configuration out of a test and fixes
// what a commit records, so that a test's commit IDs depend only on what
// it commits and no signing program is asked for.
var gitEnv = []string{
	"GIT_CONFIG_GLOBAL=" + os.DevNull,
	"GIT_CONFIG_NOSYSTEM=1",
	"GIT_CONFIG_COUNT=1",
	"GIT_CONFIG_KEY_0=commit.gpgsign",
	"GIT_CONFIG_VALUE_0=false",
	"GIT_AUTHOR_NAME=dev",
	"GIT_AUTHOR_EMAIL=dev@example.com",
	"GIT_COMMITTER_NAME=dev",
	"GIT_COMMITTER_EMAIL=dev@example.com",
	"GIT_AUTHOR_DATE=2026-01-01T00:00:00Z",
	"GIT_COMMITTER_DATE=2026-01-01T00:00:00Z",
}

// Git runs git with args in dir and returns its trimmed output, failing
// the test when git fails or is not installed.
func Git(t testing.TB, dir string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatalf("git is not on PATH; these tests need a real git: %v", err)
	}
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), gitEnv...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

// InitRepo makes dir a git repository whose first branch is main.
func InitRepo(t testing.TB, dir string) {
	t.Helper()
	Git(t, dir, "init", "-q", "-b", "main")
}

// Commit stages every change in the repository at dir, commits it with
// msg and returns the new commit's ID.
func Commit(t testing.TB, dir, msg string) string {
	t.Helper()
	Git(t, dir, "add", "-A")
	Git(t, dir, "commit", "-q", "-m", msg)
	return Git(t, dir, "rev-parse", "HEAD")
}
