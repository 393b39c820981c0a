package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestProgramName(t *testing.T) {
	repo := t.TempDir()
	if err := os.MkdirAll(filepath.Join(repo, "cmd", "launchgate"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(repo, "cmd", "launchgate", "main.go"), []byte("package main\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	built := "/tmp/go-build3349163218/b001/exe/launchgate"
	tests := []struct{ arg0, wd, want string }{
		{"/usr/local/bin/launchgate", repo, "launchgate"},
		{"launchgate", "", "launchgate"},
		{`C:\tools\launchgate.exe`, "", "launchgate"},
		{"./lg", "", "lg"},
		{built, repo, "go run ./cmd/launchgate"},
		{built, t.TempDir(), "go run github.com/launchgate/launchgate/cmd/launchgate"},
		{"", "", "launchgate"},
	}
	for _, tt := range tests {
		if got := programName(tt.arg0, tt.wd); got != tt.want {
			t.Errorf("programName(%q) = %q, want %q", tt.arg0, got, tt.want)
		}
	}
}

// Hints name the command the way the user ran it.
func TestHintsNameTheProgram(t *testing.T) {
	dir := writeTree(t, map[string]string{"api/openapi.yaml": openSpec})
	goRun := func(e *Env) { e.Program = "go run ./cmd/launchgate" }
	r := runWith(t, dir, goRun, "scan")
	if !strings.Contains(r.stdout, "Run `go run ./cmd/launchgate explain RULE`") || strings.Contains(r.stdout, "`launchgate explain") {
		t.Errorf("the text report's hint does not name go run:\n%s", r.stdout)
	}
	r = runWith(t, dir, goRun, "scan", "--format", "markdown")
	if !strings.Contains(r.stdout, "run `go run ./cmd/launchgate explain RULE`") {
		t.Errorf("the markdown hint does not name go run:\n%s", r.stdout)
	}
	r = runWith(t, dir, goRun, "explain")
	if !strings.Contains(r.stderr, "e.g. go run ./cmd/launchgate explain openapi/") {
		t.Errorf("the explain hint does not name go run: %s", r.stderr)
	}
}

func TestUnknownCommandListsEveryCommand(t *testing.T) {
	r := run(t, t.TempDir(), "bogus")
	if r.code != ExitError {
		t.Fatalf("exit %d, want 2", r.code)
	}
	for _, cmd := range commandNames {
		if !strings.Contains(r.stderr, cmd) {
			t.Errorf("the error does not list %s: %s", cmd, r.stderr)
		}
	}
	if !strings.Contains(r.stderr, `unknown command "bogus"`) {
		t.Errorf("stderr = %s", r.stderr)
	}
}
