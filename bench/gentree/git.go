package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
)

// gitEnv pins author, committer and dates, and keeps the user's git
// configuration out, so the same seed gives the same commit hashes.
func gitEnv(step int) []string {
	date := fmt.Sprintf("2025-01-%02dT10:00:00Z", 6+step)
	env := []string{
		"GIT_AUTHOR_NAME=Portal Dev", "GIT_AUTHOR_EMAIL=dev@acme-portal.example",
		"GIT_COMMITTER_NAME=Portal Dev", "GIT_COMMITTER_EMAIL=dev@acme-portal.example",
		"GIT_AUTHOR_DATE=" + date, "GIT_COMMITTER_DATE=" + date,
		"GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=" + os.DevNull,
	}
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "GIT_") {
			env = append(env, kv)
		}
	}
	return env
}

func git(ctx context.Context, dir string, step int, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "git", append([]string{"-c", "commit.gpgsign=false", "-c", "core.autocrlf=false"}, args...)...)
	cmd.Dir = dir
	cmd.Env = gitEnv(step)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("git %s in %s: %w: %s", strings.Join(args, " "), dir, err, strings.TrimSpace(string(out)))
	}
	return string(out), nil
}

func gitInit(ctx context.Context, dir string) error {
	_, err := git(ctx, dir, 0, "init", "-q", "-b", "main")
	return err
}

// gitCommitAll commits every file under dir; step orders the commit dates.
func gitCommitAll(ctx context.Context, dir, msg string, step int) error {
	if _, err := git(ctx, dir, step, "add", "-A"); err != nil {
		return err
	}
	_, err := git(ctx, dir, step, "commit", "-q", "-m", msg)
	return err
}
