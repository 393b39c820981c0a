package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/launchgate/launchgate/pkg/checks"
	"github.com/launchgate/launchgate/pkg/finding"
	"github.com/launchgate/launchgate/pkg/report"
	"github.com/launchgate/launchgate/pkg/scan"
)

// scanned is one scan of a tree written out in every format, with its
// --verbose log, and the findings as rule@file:line.
type scanned struct {
	out  string
	keys map[string]bool
}

// scanEveryFormat scans dir once through the scanner the CLI uses (its
// redactor, its logger) and writes the result in every format. Many trees
// are checked this way, so the registry is built once by the caller.
func scanEveryFormat(t *testing.T, reg *checks.Registry, dir string) scanned {
	t.Helper()
	var all strings.Builder
	var log bytes.Buffer
	s := scan.Scanner{Catalog: reg.Catalog, Checks: reg.Static, Redactor: reg.Redactor}
	res, err := s.Run(context.Background(), scan.Options{
		Root: dir, WorkDir: dir, Threshold: finding.Never, Now: time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC),
		Logger: newLogger(&log, true, reg.Redactor), Version: "v0.0.0-test",
	})
	if err != nil {
		t.Fatalf("%s: %v", dir, err)
	}
	all.WriteString(log.String())
	all.WriteString(strings.Join(res.Notes, "\n"))
	for _, format := range formats {
		var rep report.Reporter
		if format == "text" {
			rep = report.NewText(false)
		} else if rep, err = report.New(format); err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := rep.Write(&b, res); err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		if format == "json" && !json.Valid(b.Bytes()) {
			t.Fatalf("the JSON report is not JSON")
		}
		all.Write(b.Bytes())
	}
	if !strings.Contains(log.String(), "level=DEBUG") {
		t.Fatalf("the verbose log is empty, so it was not checked")
	}
	keys := map[string]bool{}
	for _, f := range res.Findings {
		keys[f.RuleID+"@"+f.File+":"+strconv.Itoa(f.Line)] = true
	}
	return scanned{out: all.String(), keys: keys}
}
