// Command gentree writes the deterministic data sets of the secrets
// benchmark, and scores a scanner's report against what it planted.
//
//	gentree -kind tree|build|pr -size 200MB -seed 1 -out DIR
//	gentree -planted DIR/.planted.json -report REPORT.json [-root DIR]
//
// A tree is a mixed monorepo committed as one git commit; a build is a
// node_modules-heavy frontend build folder; a pr is a repository with tags
// base and head about 5,000 added lines apart. Each has DIR/.planted.json
// listing the fake secrets in it by file and line.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("gentree", flag.ContinueOnError)
	fs.SetOutput(stderr)
	kind := fs.String("kind", "", "data set to write: tree, build or pr")
	sizeArg := fs.String("size", "", "about how many bytes to write, e.g. 200MB (tree, build: the whole set; pr: the base tree)")
	seed := fs.Uint64("seed", 1, "seed; the same seed writes the same bytes")
	out := fs.String("out", "", "folder to write, which must not exist or be empty")
	plantedPath := fs.String("planted", "", "score mode: the .planted.json of a data set")
	report := fs.String("report", "", "score mode: a gitleaks or launchgate JSON report")
	root := fs.String("root", "", "score mode: the path the scanner was given, stripped from report paths")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *report != "" || *plantedPath != "" {
		return scoreMode(*plantedPath, *report, *root, stdout, stderr)
	}
	defaults := map[string]string{"tree": "200MB", "build": "200MB", "pr": "20MB"}
	if _, ok := defaults[*kind]; !ok || *out == "" {
		fmt.Fprintln(stderr, "gentree: need -kind tree|build|pr and -out DIR (or -planted and -report to score)")
		return 2
	}
	if *sizeArg == "" {
		*sizeArg = defaults[*kind]
	}
	size, err := parseSize(*sizeArg)
	if err != nil {
		fmt.Fprintf(stderr, "gentree: -size: %v\n", err)
		return 2
	}
	if err := emptyDir(*out); err != nil {
		fmt.Fprintf(stderr, "gentree: %v\n", err)
		return 2
	}
	var m *manifest
	switch *kind {
	case "tree":
		m, err = genTree(ctx, *out, *seed, size)
	case "build":
		m, err = genBuild(ctx, *out, *seed, size)
	case "pr":
		m, err = genPR(ctx, *out, *seed, size)
	}
	if err != nil {
		fmt.Fprintf(stderr, "gentree: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "%s: %d files, %.1f MB, %d planted secrets", *out, m.Files, float64(m.Bytes)/(1<<20), len(m.Secrets))
	if m.AddedLines > 0 {
		fmt.Fprintf(stdout, ", %d lines added in %s..%s", m.AddedLines, m.Base, m.Head)
	}
	fmt.Fprintln(stdout)
	return 0
}

func scoreMode(plantedPath, report, root string, stdout, stderr io.Writer) int {
	if plantedPath == "" || report == "" {
		fmt.Fprintln(stderr, "gentree: scoring needs both -planted and -report")
		return 2
	}
	m, err := readManifest(plantedPath)
	if err != nil {
		fmt.Fprintf(stderr, "gentree: %v\n", err)
		return 2
	}
	fs, err := readFindings(report)
	if err != nil {
		fmt.Fprintf(stderr, "gentree: %v\n", err)
		return 2
	}
	fmt.Fprintln(stdout, scoreReport(m, fs, root))
	return 0
}

// parseSize reads 200MB, 1.5GB, 512KB or a plain byte count, in binary
// units.
func parseSize(s string) (int64, error) {
	units := []struct {
		suffix string
		mult   float64
	}{{"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}, {"B", 1}}
	u := strings.ToUpper(strings.TrimSpace(s))
	mult := 1.0
	for _, x := range units {
		if strings.HasSuffix(u, x.suffix) {
			u, mult = strings.TrimSpace(strings.TrimSuffix(u, x.suffix)), x.mult
			break
		}
	}
	f, err := strconv.ParseFloat(u, 64)
	if err != nil || f <= 0 || f*mult > 64<<30 {
		return 0, fmt.Errorf("%q is not a size between 1B and 64GB", s)
	}
	if f*mult < 64<<10 {
		return 0, fmt.Errorf("%q is too small; the generators need at least 64KB", s)
	}
	return int64(f * mult), nil
}

// emptyDir creates dir, or accepts it when it exists and is empty, so a
// typo cannot scatter files into a folder that matters.
func emptyDir(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return os.MkdirAll(dir, 0o755)
	}
	if err != nil {
		return err
	}
	if len(entries) > 0 {
		return fmt.Errorf("%s is not empty; give a new folder", dir)
	}
	return nil
}
