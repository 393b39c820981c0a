package dnscheck

import (
	"strings"
	"testing"
)

// Without given selectors, those of the providers SPF and MX reveal are
// looked up and the evidence says why; a provider whose selectors cannot
// be guessed is said plainly, in the coverage too.
func TestSelectorsInferred(t *testing.T) {
	out := runScenario(t, scenario{
		KeyBits: map[string]int{"google": 2048},
		Zone: `@ TXT "v=spf1 include:_spf.google.com include:amazonses.com -all"
_dmarc TXT "v=DMARC1; p=reject; rua=mailto:d@example.com"
@ MX 0 .
`,
	})
	var dkim []string
	for _, e := range out.evidence {
		if e.Title == "DKIM of example.com" {
			dkim = e.Lines
		}
	}
	joined := strings.Join(dkim, "\n")
	if !strings.Contains(joined, "google (Google Workspace, SPF includes _spf.google.com): RSA 2048 bits") {
		t.Errorf("the evidence does not say the Google key was found, and why it was looked up:\n%s", joined)
	}
	if !strings.Contains(joined, "Amazon SES") || !strings.Contains(joined, "cannot be guessed") {
		t.Errorf("the evidence does not say SES's selectors cannot be guessed:\n%s", joined)
	}
	if !strings.Contains(strings.Join(out.coverage, "\n"), "Amazon SES mail was not checked") {
		t.Errorf("the coverage does not say SES's DKIM was not checked: %q", out.coverage)
	}
	for _, r := range out.reports {
		if strings.HasPrefix(r.Rule, "dns/dkim") {
			t.Errorf("a DKIM finding on a domain with a good Google key: %s", r.Message)
		}
	}
}

// Given selectors are the only ones looked up, and a missing key among
// them is high.
func TestSelectorsGiven(t *testing.T) {
	out := runScenario(t, scenario{Selectors: []string{"s1", "k9"}, KeyBits: map[string]int{"s1": 2048},
		Zone: `@ TXT "v=spf1 include:_spf.google.com -all"
`})
	miss := out.of(ruleDKIMMissing)
	if len(miss) != 1 || !strings.Contains(miss[0].Message, "k9._domainkey.example.com") || miss[0].MinSeverity != 0 {
		t.Errorf("missing-key findings:%s", describe(miss))
	}
	if out.server.Count("google._domainkey.example.com.", 16, "") != 0 {
		t.Error("an inferred selector was looked up although selectors were given")
	}
}
