package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestActionExitStatus(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		inputs map[string]string
		want   int
		stderr string
	}{
		{name: "vulnerable portal blocks", inputs: map[string]string{"INPUT_PATH": portal("vulnerable")}, want: ExitBlocking},
		{name: "fixed portal passes", inputs: map[string]string{"INPUT_PATH": portal("fixed")}, want: ExitOK},
		{name: "fail-on never passes", inputs: map[string]string{"INPUT_PATH": portal("vulnerable"), "INPUT_FAIL-ON": "never"}, want: ExitOK},
		{name: "bad input", inputs: map[string]string{"INPUT_FAIL-ON": "banana"}, want: ExitError, stderr: "launchgate: input fail-on:"},
		{name: "probe without url", inputs: map[string]string{"INPUT_COMMAND": "probe"}, want: ExitError, stderr: "launchgate: input url is required"},
		{name: "dns without a domain", inputs: map[string]string{"INPUT_COMMAND": "dns"}, want: ExitError, stderr: `dns needs a DOMAIN to check (or dns.domain in .launchgate.yml)`},
		{name: "arguments refused", args: []string{"extra"}, want: ExitError, stderr: "action takes no arguments"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			summary := filepath.Join(dir, "summary.md")
			vars := map[string]string{
				"GITHUB_WORKSPACE": ".", "GITHUB_EVENT_NAME": "workflow_dispatch",
				"RUNNER_TEMP": dir, "GITHUB_STEP_SUMMARY": summary,
			}
			for k, v := range tt.inputs {
				vars[k] = v
			}
			var out, errb bytes.Buffer
			env := Env{
				Stdout: &out, Stderr: &errb,
				Getenv: func(k string) string { return vars[k] },
				Now:    func() time.Time { return time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC) },
			}
			code := Run(context.Background(), append([]string{"action"}, tt.args...), env)
			if code != tt.want {
				t.Fatalf("exit %d, want %d\n%s%s", code, tt.want, out.String(), errb.String())
			}
			if tt.stderr != "" && !strings.Contains(errb.String(), tt.stderr) {
				t.Errorf("stderr %q lacks %q", errb.String(), tt.stderr)
			}
			if tt.want != ExitError {
				if data, err := os.ReadFile(summary); err != nil || !strings.Contains(string(data), "launch readiness") {
					t.Errorf("no job summary written (%v)", err)
				}
			}
		})
	}
}
