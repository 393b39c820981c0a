package main

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// A verdict is a reviewer's judgement of one finding, or a problem the gate
// did not report.
type verdict string

const (
	verdictTrue   verdict = "TRUE"
	verdictFalse  verdict = "FALSE"
	verdictMissed verdict = "MISSED"
)

// A place is what a label and a finding are matched on: the rule and where
// it points. Rule "-" on a MISSED row matches any rule at that place.
type place struct {
	rule string
	file string
	line int
}

func (p place) String() string { return fmt.Sprintf("%s\t%s:%d", p.rule, p.file, p.line) }

type label struct {
	verdict verdict
	at      place
	reason  string
}

// labels are one repository's label rows, indexed by place.
type labels struct {
	judged map[place]verdict
	missed []label
}

// readLabels reads a label file: tab-separated rows of verdict, rule,
// file:line and reason, with # comments. A missing file is no labels.
func readLabels(path string) (labels, error) {
	ls := labels{judged: map[place]verdict{}}
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return ls, nil
	}
	if err != nil {
		return ls, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		l, err := parseLabel(line)
		if err != nil {
			return ls, fmt.Errorf("%s:%d: %v", path, n, err)
		}
		if l.verdict == verdictMissed {
			ls.missed = append(ls.missed, l)
			continue
		}
		if prev, ok := ls.judged[l.at]; ok && prev != l.verdict {
			return ls, fmt.Errorf("%s:%d: %s is labelled both %s and %s", path, n, l.at, prev, l.verdict)
		}
		ls.judged[l.at] = l.verdict
	}
	return ls, sc.Err()
}

func parseLabel(line string) (label, error) {
	cols := strings.Split(line, "\t")
	if len(cols) < 4 || strings.TrimSpace(cols[3]) == "" {
		return label{}, fmt.Errorf("want verdict, rule, file:line and a reason, tab-separated")
	}
	v := verdict(cols[0])
	if v != verdictTrue && v != verdictFalse && v != verdictMissed {
		return label{}, fmt.Errorf("verdict %q is not TRUE, FALSE or MISSED", cols[0])
	}
	if cols[1] == "-" && v != verdictMissed {
		return label{}, fmt.Errorf("rule - is only for MISSED rows")
	}
	// ":0" is a finding about the repository as a whole, with no file.
	i := strings.LastIndexByte(cols[2], ':')
	if i < 0 {
		return label{}, fmt.Errorf("location %q is not file:line", cols[2])
	}
	n, err := strconv.Atoi(cols[2][i+1:])
	if err != nil || n < 0 || i == 0 && n != 0 {
		return label{}, fmt.Errorf("location %q is not file:line (or :0 for the repository)", cols[2])
	}
	return label{verdict: v, at: place{rule: cols[1], file: cols[2][:i], line: n}, reason: cols[3]}, nil
}
