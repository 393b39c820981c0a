package main

import (
	"fmt"
	"io"
	"text/tabwriter"
)

// A tally counts findings by their verdict.
type tally struct{ yes, no, unlabelled int }

func (t *tally) add(v verdict, ok bool) {
	switch {
	case !ok:
		t.unlabelled++
	case v == verdictTrue:
		t.yes++
	default:
		t.no++
	}
}

func (t *tally) plus(o tally) {
	t.yes += o.yes
	t.no += o.no
	t.unlabelled += o.unlabelled
}

// precision is the share of labelled findings judged TRUE, as a percentage,
// or - when none is labelled.
func (t tally) precision() string {
	if t.yes+t.no == 0 {
		return "-"
	}
	return fmt.Sprintf("%.0f%%", 100*float64(t.yes)/float64(t.yes+t.no))
}

type repoScore struct {
	name             string
	blocking, medium tally
	missed, found    int
	seconds, peakMB  float64
	exit             int
}

// scoreRepo counts one repository's findings at medium or above by their
// labels, and the MISSED rows its run now reports.
func scoreRepo(name string, s *scan, ls labels) repoScore {
	r := repoScore{name: name, seconds: s.seconds, peakMB: s.peakMB, exit: s.exit, missed: len(ls.missed)}
	for _, f := range s.findings {
		if f.Suppressed || !f.mediumOrAbove() {
			continue
		}
		v, ok := ls.judged[f.at()]
		r.medium.add(v, ok)
		if f.blocking() {
			r.blocking.add(v, ok)
		}
	}
	for _, m := range ls.missed {
		if reports(s, m.at) {
			r.found++
		}
	}
	return r
}

// reports says whether a run has a finding at medium or above where a
// MISSED row points.
func reports(s *scan, at place) bool {
	for _, f := range s.findings {
		if f.Suppressed || !f.mediumOrAbove() || f.File != at.file || f.Line != at.line {
			continue
		}
		if at.rule == "-" || at.rule == f.Rule {
			return true
		}
	}
	return false
}

func writeTable(w io.Writer, rows []repoScore) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "repository\tblocking\tTRUE\tFALSE\tunlabelled\tprecision\tmedium+\tTRUE\tFALSE\tunlabelled\tprecision\tmissed\tnow found\tseconds\tpeak MB\texit\t")
	var total repoScore
	total.name = "overall"
	for _, r := range rows {
		writeRow(tw, r)
		total.blocking.plus(r.blocking)
		total.medium.plus(r.medium)
		total.missed += r.missed
		total.found += r.found
		total.seconds = max(total.seconds, r.seconds)
		total.peakMB = max(total.peakMB, r.peakMB)
	}
	total.exit = -1
	writeRow(tw, total)
	tw.Flush()
	fmt.Fprintln(w, "\nprecision: TRUE / (TRUE + FALSE) of the labelled findings; overall seconds and peak MB are the largest of any repository")
}

func writeRow(w io.Writer, r repoScore) {
	b, m := r.blocking, r.medium
	exit := "-"
	if r.exit >= 0 {
		exit = fmt.Sprint(r.exit)
	}
	fmt.Fprintf(w, "%s\t%d\t%d\t%d\t%d\t%s\t%d\t%d\t%d\t%d\t%s\t%d\t%d\t%.2f\t%.0f\t%s\t\n",
		r.name, b.yes+b.no+b.unlabelled, b.yes, b.no, b.unlabelled, b.precision(),
		m.yes+m.no+m.unlabelled, m.yes, m.no, m.unlabelled, m.precision(),
		r.missed, r.found, r.seconds, r.peakMB, exit)
}

// writeTriage prints each unlabelled finding at medium or above once per
// place, as a label row with verdict ? and the finding's severity and
// message where the reason goes.
func writeTriage(w io.Writer, name string, s *scan, ls labels) {
	seen := map[place]bool{}
	for _, f := range s.findings {
		at := f.at()
		if f.Suppressed || !f.mediumOrAbove() || seen[at] {
			continue
		}
		seen[at] = true
		if _, ok := ls.judged[at]; ok {
			continue
		}
		fmt.Fprintf(w, "%s\t?\t%s\t%s: %s\n", name, at, f.Severity, f.Message)
	}
}
