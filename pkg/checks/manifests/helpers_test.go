package manifests

import (
	"context"
	"log/slog"
	"testing"

	"github.com/launchgate/launchgate/pkg/check"
)

// run scans files and returns the reports.
func run(t testing.TB, files files) []check.Report {
	t.Helper()
	var out []check.Report
	_, err := scanFiles(context.Background(), files, slog.New(slog.DiscardHandler), func(r check.Report) {
		out = append(out, r)
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
