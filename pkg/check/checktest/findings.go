package checktest

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/launchgate/launchgate/pkg/check"
)

// Reports runs c over target and returns what it reports, failing the
// test when the check does not apply or returns an error.
func Reports(t testing.TB, c *check.Check, target *check.Target) []check.Report {
	t.Helper()
	if !c.Applies(target) {
		t.Fatal("the check does not apply to the target")
	}
	var out []check.Report
	if err := c.Run(context.Background(), target, func(r check.Report) { out = append(out, r) }); err != nil {
		t.Fatal(err)
	}
	return out
}

// Findings runs c over target and returns its findings as sorted
// "file:line rule" strings, the form Wants returns.
func Findings(t testing.TB, c *check.Check, target *check.Target) []string {
	t.Helper()
	var got []string
	for _, r := range Reports(t, c, target) {
		got = append(got, fmt.Sprintf("%s:%d %s", r.File, r.Line, r.Rule))
	}
	slices.Sort(got)
	return got
}

// Compare reports each finding in got that want does not expect, and each
// expectation in want that got lacks.
func Compare(t testing.TB, got, want []string) {
	t.Helper()
	for _, g := range got {
		if !slices.Contains(want, g) {
			t.Errorf("unexpected finding %s", g)
		}
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("missing finding %s", w)
		}
	}
}
