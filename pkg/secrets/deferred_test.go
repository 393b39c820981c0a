package secrets

import (
	"context"
	"testing"
)

// compiled lists the rules whose expression the engine has compiled.
func compiled(e *Engine) map[string]bool {
	out := map[string]bool{}
	for _, r := range e.matcher.rules {
		if r.regex != nil && r.regex.re != nil {
			out[r.RuleID] = true
		}
	}
	return out
}

// TestRulesCompileOnFirstUse holds the engine to compiling a gitleaks rule
// only when a scan runs it: a new engine has compiled none of them, a scan
// of a Stripe key compiles the Stripe rule and not the Slack one, and the
// key is still found.
func TestRulesCompileOnFirstUse(t *testing.T) {
	e := newEngine(t, Options{})
	if len(e.patterns) < 150 {
		t.Fatalf("%d gitleaks expressions deferred, want all of gitleaks' rules", len(e.patterns))
	}
	for id := range e.patterns {
		if r, ok := e.cfg.Rules[id]; ok && r.Regex != nil {
			t.Errorf("rule %s still holds its stand-in expression", id)
		}
	}
	for id := range compiled(e) {
		if _, deferred := e.patterns[id]; deferred {
			t.Errorf("rule %s compiled before any scan", id)
		}
	}
	stripe := newGen(t).stripeLive()
	found, err := e.Scan(context.Background(), Fragment{Path: "src/pay.ts", Content: `const stripe = new Stripe("` + stripe.value + `");`, StartLine: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(found) != 1 || found[0].RuleID != "secret/stripe-access-token" {
		t.Fatalf("found %v, want the Stripe key", found)
	}
	now := compiled(e)
	if !now["stripe-access-token"] || now["slack-bot-token"] {
		t.Errorf("after a scan of a Stripe key: stripe compiled %v, slack compiled %v", now["stripe-access-token"], now["slack-bot-token"])
	}
}

// TestDeferredStandInsKeepSecretGroups holds the stand-ins to the group
// count of the expressions they replace, which gitleaks checks a rule's
// secret group against.
func TestDeferredStandInsKeepSecretGroups(t *testing.T) {
	vc, err := defaultViperConfig()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{}
	for _, r := range vc.Rules {
		want[r.ID] = r.SecretGroup
	}
	if _, err := deferPatterns(&vc); err != nil {
		t.Fatal(err)
	}
	cfg, err := vc.Translate()
	if err != nil {
		t.Fatalf("gitleaks refuses the stand-ins: %v", err)
	}
	for id, r := range cfg.Rules {
		if r.Regex != nil && r.Regex.NumSubexp() < want[id] {
			t.Errorf("rule %s: stand-in has %d groups, its secret group is %d", id, r.Regex.NumSubexp(), want[id])
		}
		if r.Regex != nil && r.Regex.MatchString("x") {
			t.Errorf("rule %s: stand-in %q matches text", id, r.Regex.String())
		}
	}
}
