package cli

import (
	"io"
	"os"
	"runtime/debug"
	"time"
)

// Env is everything Run takes from the process, so tests can run the CLI in
// process with their own streams, environment and clock.
type Env struct {
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	// Environ lists the environment as KEY=VALUE pairs, for
	// --env-from-process; nil means an empty environment.
	Environ func() []string
	Now     func() time.Time
	// WorkDir resolves relative paths; "" means the process's.
	WorkDir string
	// Version is the release version, "" for a development build.
	Version string
	// ColorStdout is true when stdout is a terminal that takes colour.
	ColorStdout bool
	// Program is how the user runs launchgate ("launchgate", or "go run
	// ./cmd/launchgate"), for hints; "" means "launchgate".
	Program string
}

// OSEnv is the environment of the running process.
func OSEnv(version string) Env {
	if version == "" {
		version = buildVersion()
	}
	wd, _ := os.Getwd()
	return Env{
		Program:     programName(os.Args[0], wd),
		Stdout:      os.Stdout,
		Stderr:      os.Stderr,
		Getenv:      os.Getenv,
		Environ:     os.Environ,
		Now:         time.Now,
		Version:     version,
		ColorStdout: isTerminal(os.Stdout) && os.Getenv("NO_COLOR") == "" && os.Getenv("TERM") != "dumb",
	}
}

// processEnviron is the environment --env-from-process checks, never nil
// so that an empty environment is still checked.
func processEnviron(env Env) []string {
	if env.Environ == nil {
		return []string{}
	}
	if kv := env.Environ(); kv != nil {
		return kv
	}
	return []string{}
}

func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// buildVersion is the module version `go install …@vX` records, or "dev".
func buildVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}
