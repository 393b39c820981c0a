//go:build unix

package testkit

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The HTML report is tested in a real headless Chromium, as the reviewer
// who receives it would open it. Tests need Debian's chromium package:
// without it they skip, unless LAUNCHGATE_BROWSER_TESTS=1 (CI sets it),
// when a missing browser fails them.

// browserTimeout bounds each run of the browser.
const browserTimeout = 60 * time.Second

// Chromium finds the browser, or skips or fails the test without one.
func Chromium(t testing.TB) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	if os.Getenv("LAUNCHGATE_BROWSER_TESTS") == "1" {
		t.Fatal("LAUNCHGATE_BROWSER_TESTS=1 but no chromium on PATH (apt-get install chromium)")
	}
	t.Skip("no chromium on PATH: install Debian's chromium package to open the HTML report in a browser (LAUNCHGATE_BROWSER_TESTS=1 makes this a failure)")
	return ""
}

// Browser is one headless Chromium, Bin, with its profiles under Dir, a
// test's temporary folder.
type Browser struct {
	Bin, Dir string
}

// Run runs the browser on page with extra flags and returns its stdout
// and stderr. The browser runs in its own process group, which is killed
// whole when the run outlasts browserTimeout.
func (b Browser) Run(t testing.TB, page string, flags ...string) (stdout, stderr string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), browserTimeout)
	defer cancel()
	profile, err := os.MkdirTemp(b.Dir, "profile-")
	if err != nil {
		t.Fatal(err)
	}
	args := append([]string{
		"--headless", "--no-sandbox", "--disable-gpu",
		"--user-data-dir=" + profile,
		"--no-first-run", "--no-default-browser-check",
		"--enable-logging=stderr", "--v=0",
	}, flags...)
	args = append(args, "file://"+page)
	cmd := exec.CommandContext(ctx, b.Bin, args...)
	cmd.Dir = b.Dir
	cmd.Env = append(os.Environ(), "HOME="+b.Dir)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 5 * time.Second
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err = cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("chromium %v did not finish within %s", flags, browserTimeout)
	}
	if err != nil && !errors.Is(err, exec.ErrWaitDelay) {
		t.Fatalf("chromium %v: %v\n%s", flags, err, errb.String())
	}
	return out.String(), errb.String()
}

// consoleLine is how Chromium's --enable-logging=stderr shows a message
// a page wrote to the console, whatever its level:
// `[…:INFO:CONSOLE:1] "message", source: file:///…/report.html (1)`
// (older versions write CONSOLE(1)). CSP violations and uncaught errors
// come out the same way.
var consoleLine = regexp.MustCompile(`:CONSOLE[:(]\d*\)?\] "(.*)", source: `)

// ConsoleMessages lists what a page logged to the console in a run's
// stderr.
func ConsoleMessages(stderr string) []string {
	var out []string
	for _, line := range strings.Split(stderr, "\n") {
		if m := consoleLine.FindStringSubmatch(line); m != nil {
			out = append(out, m[1])
		}
	}
	return out
}
