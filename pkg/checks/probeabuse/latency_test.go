package probeabuse

import (
	"strings"
	"testing"
	"time"
)

func TestPercentile(t *testing.T) {
	var d []time.Duration
	for i := 100; i >= 1; i-- {
		d = append(d, time.Duration(i)*time.Millisecond)
	}
	for p, want := range map[int]time.Duration{50: 50 * time.Millisecond, 95: 95 * time.Millisecond, 99: 99 * time.Millisecond} {
		if got := percentile(d, p); got != want {
			t.Errorf("p%d = %s, want %s", p, got, want)
		}
	}
	if got := percentile([]time.Duration{7}, 95); got != 7 {
		t.Errorf("one sample: %s", got)
	}
}

func TestLatencyOverBudget(t *testing.T) {
	res := probeScenario(t, scenario{DelayMS: 40, BudgetMS: 20})
	reps := reportsOf(res, ruleLatency)
	if len(reps) != 1 || !strings.Contains(reps[0].Message, "as alice") {
		t.Fatalf("got %d latency findings, want 1 for alice", len(reps))
	}
	if n := res.counts.get.Load(); n < warmups+minSamples {
		t.Errorf("only %d GETs", n)
	}
	if !hasLine(res.coverage.Lines(), "p95=") {
		t.Errorf("no latency line in the coverage: %q", res.coverage.Lines())
	}
}

func TestLatencyUnderBudget(t *testing.T) {
	res := probeScenario(t, scenario{BudgetMS: 300})
	if reps := reportsOf(res, ruleLatency); len(reps) != 0 {
		t.Errorf("a fast route: %d latency findings", len(reps))
	}
	if !hasLine(res.coverage.Lines(), "latency GET /api/invoices as alice: n=30") {
		t.Errorf("no latency line in the coverage: %q", res.coverage.Lines())
	}
}

// hasLine reports a line containing s.
func hasLine(lines []string, s string) bool {
	for _, l := range lines {
		if strings.Contains(l, s) {
			return true
		}
	}
	return false
}
