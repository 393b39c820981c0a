package probeabuse

import (
	"slices"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/finding"
)

func TestHealth(t *testing.T) {
	if reps := reportsOf(probeScenario(t, scenario{}), ruleHealth); len(reps) != 0 {
		t.Errorf("a 200 health route: %d findings", len(reps))
	}
	reps := reportsOf(probeScenario(t, scenario{Health: "down"}), ruleHealth)
	if len(reps) != 1 || reps[0].Capped || !strings.Contains(reps[0].Message, "503") {
		t.Errorf("a 503 health route: want one high finding saying 503, got %d", len(reps))
	}
	reps = reportsOf(probeScenario(t, scenario{Health: "leaky"}), ruleHealth)
	if len(reps) != 1 || !reps[0].Capped || reps[0].MaxSeverity != finding.Low {
		t.Fatalf("a leaky health route: want one low finding, got %d", len(reps))
	}
	if m := reps[0].Message; !strings.Contains(m, "database.host") || !strings.Contains(m, "version") || strings.Contains(m, "db-primary") || strings.Contains(m, "4.2.1") {
		t.Errorf("the message must name the keys, never the values")
	}
}

func TestLeakyKeys(t *testing.T) {
	for _, tc := range []struct {
		body string
		want []string
	}{
		{`{"status":"ok"}`, nil},
		{`{"status":"ok","database":"up","redis":"ok","checks":[{"db":"healthy"}]}`, nil},
		{`{"version":"1.4.2"}`, []string{"version"}},
		{`{"db":"postgres://app@db.internal/app"}`, []string{"db"}},
		{`{"services":{"redis":{"status":"up","host":"cache-1"}},"hostname":"web-7"}`, []string{"hostname", "services.redis.host"}},
		{`{"node_version":18}`, []string{"node_version"}},
		{`not json`, nil},
		{`[1,2,3]`, nil},
	} {
		if got := leakyKeys([]byte(tc.body)); !slices.Equal(got, tc.want) {
			t.Errorf("leakyKeys(%s) = %q, want %q", tc.body, got, tc.want)
		}
	}
}

func FuzzLeakyKeys(f *testing.F) {
	for _, s := range []string{`{"version":"1"}`, `{"a":{"b":{"c":[{"host":"x"}]}}}`, `[[[[[[[[[[[]]]]]]]]]]]`, "\xff\xfe", `{"db":`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if got := leakyKeys(b); len(got) > maxLeakKeys {
			t.Errorf("%d keys, want at most %d", len(got), maxLeakKeys)
		}
	})
}
