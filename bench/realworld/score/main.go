// Command score matches launchgate's reports on the real-world corpus to
// the labels a reviewer wrote for them, and prints the precision of the
// gate per repository and overall.
//
//	score -results DIR [-repos repos.tsv] [-labels DIR] [-triage]
//
// DIR holds, for each repository of repos.tsv that was scanned,
// NAME.json (the JSON report), NAME.time (GNU time's "%e %M": seconds and
// peak kilobytes) and NAME.rc (the exit status). Labels are
// labels/NAME.tsv; see ../README.md for their form. With -triage it
// prints the findings at medium or above that no label covers, as label
// rows to judge, instead of the table.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("score", flag.ContinueOnError)
	fs.SetOutput(stderr)
	here := "bench/realworld"
	reposPath := fs.String("repos", filepath.Join(here, "repos.tsv"), "the corpus list")
	labelsDir := fs.String("labels", filepath.Join(here, "labels"), "the folder of NAME.tsv label files")
	results := fs.String("results", "", "the folder of NAME.json, NAME.time and NAME.rc written by run.sh")
	triage := fs.Bool("triage", false, "print the unlabelled findings at medium or above as label rows")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *results == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "score: need -results DIR and no arguments")
		return 2
	}
	repos, err := readRepos(*reposPath)
	if err != nil {
		fmt.Fprintf(stderr, "score: %v\n", err)
		return 2
	}
	var rows []repoScore
	for _, name := range repos {
		run, err := readRun(*results, name)
		if err != nil {
			fmt.Fprintf(stderr, "score: %v\n", err)
			return 2
		}
		if run == nil {
			continue
		}
		labels, err := readLabels(filepath.Join(*labelsDir, name+".tsv"))
		if err != nil {
			fmt.Fprintf(stderr, "score: %v\n", err)
			return 2
		}
		if *triage {
			writeTriage(stdout, name, run, labels)
			continue
		}
		rows = append(rows, scoreRepo(name, run, labels))
	}
	if *triage {
		return 0
	}
	if len(rows) == 0 {
		fmt.Fprintf(stderr, "score: no results in %s\n", *results)
		return 2
	}
	writeTable(stdout, rows)
	return 0
}
