package debug

import (
	"context"
	"log/slog"
	"testing"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/check/checktest"
)

func loadRules(t testing.TB) []*lineRule {
	t.Helper()
	rs, err := compileRules(checktest.Catalog(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) == 0 {
		t.Fatal("the catalog has no debug line rules")
	}
	return rs
}

// run scans files with rules and returns the reports, judged against
// the whole of files as the check judges them.
func run(t testing.TB, files files, rs []*lineRule) []check.Report {
	t.Helper()
	var out []check.Report
	err := scanFiles(context.Background(), files, rs, nil, slog.New(slog.DiscardHandler), func(r check.Report) {
		out = append(out, r)
	})
	if err != nil {
		t.Fatal(err)
	}
	out, err = withReachablePprof(context.Background(), files, out)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
