package secrets

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/redact"
)

// leaks reports a planted value, or an 8-byte piece of its random part,
// that appears in text.
func leaks(text string, plants []planted) string {
	for _, p := range plants {
		if strings.Contains(text, p.value) {
			return p.kind + " value"
		}
		r := strings.ReplaceAll(p.random, "\n", "")
		for i := 0; i+8 <= len(r); i++ {
			if strings.Contains(text, r[i:i+8]) {
				return fmt.Sprintf("%s random part %q", p.kind, r[i:i+8])
			}
		}
	}
	return ""
}

func TestRedaction(t *testing.T) {
	e := newEngine(t, Options{ReportPublic: true})
	g := newGen(t)
	pw := g.dbPassword()
	pubSecret := planted{"public env", g.alnum(24), ""}
	pubSecret.random = pubSecret.value
	service := g.jwt(map[string]any{"role": "service_role"})
	plants := []planted{g.stripeLive(), g.aws(), g.githubPAT(), g.slackBot(), g.privateKey(), pw, pubSecret, service}
	content := strings.Join([]string{
		`const stripe = "` + plants[0].value + `";`,
		"AWS_ACCESS_KEY_ID=" + plants[1].value,
		"GITHUB_TOKEN=" + plants[2].value + " SLACK=" + plants[3].value,
		plants[4].value,
		"DATABASE_URL=postgres://app:" + pw.value + "@db.prod.internal/app",
		"NEXT_PUBLIC_SESSION_SECRET=" + pubSecret.value,
		`const admin = "` + service.value + `";`,
		"",
	}, "\n")
	got, err := e.Scan(context.Background(), Fragment{Path: "src/all.ts", Content: content, StartLine: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(plants) {
		t.Errorf("found %v, want one secret per planted value (%d)", ruleIDs(got), len(plants))
	}
	for _, s := range got {
		for name, field := range map[string]string{"RuleID": s.RuleID, "Title": s.Title, "Redacted": s.Redacted, "Key": s.Key, "Message": s.Message} {
			if l := leaks(field, plants); l != "" {
				t.Errorf("%s.%s leaks the %s", s.RuleID, name, l)
			}
		}
		if l := leaks(fmt.Sprintf("%+v", s), plants); l != "" {
			t.Errorf("%s leaks the %s", s.RuleID, l)
		}
	}
	// Errors name the file, never the content.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := e.Scan(ctx, Fragment{Path: "src/all.ts", Content: content}); err == nil || leaks(err.Error(), plants) != "" {
		t.Errorf("error %v", err)
	}
}

func TestRedactedShowsOnlyMarkers(t *testing.T) {
	g := newGen(t)
	tests := []struct {
		value, want string
	}{
		{"sk_" + "live_" + g.alnum(24), "sk_live_…(redacted, 32 chars)"},
		{"gh" + "p_" + g.alnum(36), "ghp_…(redacted, 40 chars)"},
		{"AK" + "IA" + g.from(upperDigits, 16), "AKIA…(redacted, 20 chars)"},
		{"xo" + "xb-" + g.alnum(30), "xoxb-…(redacted, 35 chars)"},
		{g.alnum(16), "…(redacted, 16 chars)"},
		{"sk_" + "live_abc", "…(redacted, 11 chars)"}, // too short for the marker to be only a marker
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := redact.Value(tt.value); got != tt.want {
				t.Errorf("redact = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestKeySurvivesMovesAndRotation(t *testing.T) {
	e := newEngine(t, Options{})
	g := newGen(t)
	v1, v2 := g.stripeLive().value, g.stripeLive().value
	line := func(v string) string { return `  const stripe = new Stripe("` + v + `");` }
	a := scanOne(t, e, "src/pay.ts", "a\n"+line(v1)+"\n")
	b := scanOne(t, e, "src/pay.ts", "a\nb\nc\n\t"+line(v1)+"\n")
	c := scanOne(t, e, "src/pay.ts", "a\n"+line(v2)+"\n")
	if len(a) != 1 || len(b) != 1 || len(c) != 1 {
		t.Fatalf("want one secret each, got %d %d %d", len(a), len(b), len(c))
	}
	if a[0].Key != b[0].Key {
		t.Errorf("moving and reindenting the line changed the key: %q vs %q", a[0].Key, b[0].Key)
	}
	if a[0].Key == c[0].Key && valueHash(v1) != valueHash(v2) {
		t.Errorf("a rotated secret kept the key %q", a[0].Key)
	}
	if !strings.Contains(a[0].Key, placeholder) || !strings.HasPrefix(a[0].Key, "secret/stripe-access-token|") {
		t.Errorf("key %q: want the rule, a hash and the line with a placeholder", a[0].Key)
	}
}
