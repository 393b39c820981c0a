package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/launchgate/launchgate/pkg/merge"
	"github.com/launchgate/launchgate/pkg/report"
)

// mergeStem names the files written into an --output folder.
const mergeStem = "launchgate"

func runMerge(ctx context.Context, args []string, env Env) error {
	fs := newFlagSet("merge", "merge REPORT... [flags]", env)
	var out output
	out.register(fs)
	pos, err := parseFlags(fs, args, env.program())
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usageErrorf("merge needs at least one REPORT: the JSON or SARIF reports of the jobs to join (see %s merge -h)", env.program())
	}
	threshold, rep, reg, err := out.prepare(env)
	if err != nil {
		return err
	}
	inputs := make([]*merge.Input, 0, len(pos))
	for _, file := range pos {
		if err := ctx.Err(); err != nil {
			return err
		}
		in, err := merge.Read(env.path(file), file, reg.Catalog)
		if err != nil {
			return err
		}
		inputs = append(inputs, in)
	}
	res, err := merge.Merge(inputs, merge.Options{Threshold: threshold, Catalog: reg.Catalog, Version: env.Version})
	if err != nil {
		return err
	}
	res.Program = env.program()
	if out.format != "text" {
		for _, n := range res.Notes {
			fmt.Fprintf(env.Stderr, "launchgate: warning: %s\n", n)
		}
	}
	if err := out.writeMerged(env, rep, res); err != nil {
		return err
	}
	if res.Summary().Blocking > 0 {
		return errBlocking
	}
	return nil
}

// path resolves a path the user gave against the working directory.
func (env Env) path(p string) string {
	if filepath.IsAbs(p) || env.WorkDir == "" {
		return p
	}
	return filepath.Join(env.WorkDir, p)
}

// writeMerged writes res to stdout or --output. SARIF over code
// scanning's 20 runs a file is split: --output merged.sarif writes
// merged.sarif, merged-2.sarif, …; an --output folder (a trailing slash,
// or one that exists) gets launchgate.sarif, launchgate-2.sarif, …, the
// files github/codeql-action/upload-sarif picks up from a folder.
func (o *output) writeMerged(env Env, rep report.Reporter, res *report.Result) error {
	parts := []*report.Result{res}
	if o.format == "sarif" {
		parts = merge.Split(res, merge.MaxRuns)
	}
	if o.file == "" {
		if len(parts) > 1 {
			return usageErrorf("the merged report has %d analyses, more than the %d runs one SARIF file may hold: give --output FILE or --output DIR/ to write %d files",
				len(res.Analyses), merge.MaxRuns, len(parts))
		}
		return rep.Write(env.Stdout, res)
	}
	base := o.file
	if isFolder(env.path(o.file), o.file) {
		if err := os.MkdirAll(env.path(o.file), 0o755); err != nil {
			return fmt.Errorf("--output %s: %s", o.file, pathProblemOf(err))
		}
		base = filepath.Join(o.file, mergeStem+"."+formatExt(o.format))
	}
	names := make([]string, len(parts))
	for i := range parts {
		names[i] = numbered(base, i+1)
	}
	for i, p := range parts {
		if err := writeFile(env.path(names[i]), names[i], rep, p); err != nil {
			return err
		}
	}
	sum, verdict := res.Summary(), verdictOf(res)
	what := fmt.Sprintf("%s report written to %s", o.format, strings.Join(names, ", "))
	if len(parts) > 1 {
		what += fmt.Sprintf(" (%d analyses, at most %d runs a file)", len(res.Analyses), merge.MaxRuns)
	}
	fmt.Fprintf(env.Stderr, "launchgate: merged %d analyses: %d findings, %s; %s\n", len(res.Analyses), sum.Total, verdict, what)
	return nil
}

// isFolder reports whether --output names a folder: it ends in a slash
// or is an existing one.
func isFolder(path, given string) bool {
	if strings.HasSuffix(given, "/") || strings.HasSuffix(given, string(filepath.Separator)) {
		return true
	}
	st, err := os.Stat(path)
	return err == nil && st.IsDir()
}

// numbered is the name of the n-th file: base itself, then base with
// "-n" before its extension.
func numbered(base string, n int) string {
	if n == 1 {
		return base
	}
	ext := filepath.Ext(base)
	return fmt.Sprintf("%s-%d%s", strings.TrimSuffix(base, ext), n, ext)
}

// formatExt is the extension of a report file in format.
func formatExt(format string) string {
	switch format {
	case "text":
		return "txt"
	case "markdown":
		return "md"
	}
	return format
}

func writeFile(path, name string, rep report.Reporter, res *report.Result) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("--output %s: %s", name, pathProblemOf(err))
	}
	if err := rep.Write(f, res); err != nil {
		f.Close()
		return fmt.Errorf("--output %s: %w", name, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("--output %s: %w", name, err)
	}
	return nil
}

// pathProblemOf is an error about a path without the path, which the
// message names already.
func pathProblemOf(err error) string {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}
