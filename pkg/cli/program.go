package cli

import (
	"os"
	"path/filepath"
	"strings"
)

// defaultProgram is how hints name the command when nothing says better.
const defaultProgram = "launchgate"

// programName is how the user ran launchgate, for the hints that tell them
// what to type next: the binary's name, or the go run command when the
// binary is one that go run built in its temporary folder, since there is
// no launchgate on the PATH to type then.
func programName(arg0, workDir string) string {
	if arg0 == "" {
		return defaultProgram
	}
	slash := filepath.ToSlash(arg0)
	if strings.Contains(slash, "/go-build") && strings.Contains(slash, "/exe/") {
		if _, err := os.Stat(filepath.Join(workDir, "cmd", "launchgate", "main.go")); err == nil {
			return "go run ./cmd/launchgate"
		}
		return "go run github.com/launchgate/launchgate/cmd/launchgate"
	}
	// Either separator: a Windows path reads the same on any machine.
	name := strings.TrimSuffix(slash[strings.LastIndexAny(slash, `/\`)+1:], ".exe")
	if name == "" || name == "." || strings.ContainsAny(name, " \t") {
		return defaultProgram
	}
	return name
}

// program is how hints name the command in env.
func (env Env) program() string {
	if env.Program == "" {
		return defaultProgram
	}
	return env.Program
}
