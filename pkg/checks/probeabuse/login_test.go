package probeabuse

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestLoginNotThrottled(t *testing.T) {
	res := probeScenario(t, scenario{Login: "open", Flags: []string{"--allow-writes"}})
	reps := reportsOf(res, ruleLogin)
	if len(reps) != 1 || !strings.Contains(reps[0].Message, "20 failed sign-ins") {
		t.Fatalf("got %d findings, want one saying 20 attempts", len(reps))
	}
	if n := res.counts.post.Load(); n != maxLoginAttempts {
		t.Errorf("%d POSTs, want %d", n, maxLoginAttempts)
	}
}

func TestLoginThrottledStopsBurst(t *testing.T) {
	res := probeScenario(t, scenario{Login: "throttle", Flags: []string{"--allow-writes"}})
	if reps := reportsOf(res, ruleLogin); len(reps) != 0 {
		t.Errorf("a route that throttles after 5 attempts: %d findings", len(reps))
	}
	if n := res.counts.post.Load(); n > 6 {
		t.Errorf("%d POSTs after the first 429, want at most 6", n)
	}
}

// A route that answers 200 with a page to a sign-in that cannot succeed
// refused nothing: one request, no finding, and the coverage says why.
func TestLoginPageNotJudged(t *testing.T) {
	res := probeScenario(t, scenario{Login: "page", Flags: []string{"--allow-writes"}})
	if reps := reportsOf(res, ruleLogin); len(reps) != 0 {
		t.Errorf("%d findings on a route that answers every sign-in with a page", len(reps))
	}
	if n := res.counts.post.Load(); n != 1 {
		t.Errorf("%d POSTs, want 1: the first answer shows the burst cannot be judged", n)
	}
	if !hasLine(res.coverage.Lines(), "probe-abuse: POST /api/login answered 200 to a sign-in that cannot succeed, not a refusal; throttling not judged") {
		t.Errorf("the coverage does not say why: %q", res.coverage.Lines())
	}
}

func TestLoginNeedsAllowWrites(t *testing.T) {
	res := probeScenario(t, scenario{Login: "open"})
	if n := res.counts.post.Load() + res.counts.other.Load(); n != 0 {
		t.Errorf("%d writes sent without --allow-writes", n)
	}
	if reps := reportsOf(res, ruleLogin); len(reps) != 0 {
		t.Errorf("%d findings without --allow-writes", len(reps))
	}
	if !hasLine(res.coverage.Lines(), "not probed: POST /api/login: sign-in throttling is probed with --allow-writes only") {
		t.Errorf("the coverage does not say the sign-in route was not probed: %q", res.coverage.Lines())
	}
}

func TestLoginBody(t *testing.T) {
	b, err := loginBody()
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]string
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(m["email"], "launchgate-probe-") || !strings.HasSuffix(m["email"], "@invalid.test") || m["password"] == "" {
		t.Errorf("the sign-in names no impossible user or no password")
	}
}
