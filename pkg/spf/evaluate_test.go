package spf

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/finding"
)

// hosts gives addresses and an exchange to the names the fixtures' a, mx
// and exists terms point at, so that only the void cases are void.
const hosts = `
example.com A 192.0.2.10
example.com MX mx.example.com
a.example.com A 192.0.2.11
r.example.com A 192.0.2.12
r.example.com MX mx.example.com
c.example.com A 192.0.2.13
x.example.com A 192.0.2.14
y.example.com A 127.0.0.2
`

// tenLookups spreads exactly ten counted terms over nested includes and a
// redirect: example.com 3 (include, mx, redirect), a 2 (include, a),
// b 2 (a, exists), r 3 (a, mx, include), c 0.
const tenLookups = hosts + `
example.com TXT v=spf1 include:a.example.com mx redirect=r.example.com
a.example.com TXT v=spf1 include:b.example.com a -all
b.example.com TXT v=spf1 a:x.example.com exists:y.example.com ip4:192.0.2.0/24 -all
r.example.com TXT v=spf1 a mx include:c.example.com -all
`

func evaluate(t *testing.T, z *fakeDNS, domain string) *Result {
	t.Helper()
	return Evaluate(context.Background(), z, domain, Options{})
}

func rules(res *Result) []string {
	var ids []string
	for _, p := range res.Problems {
		ids = append(ids, p.Rule)
	}
	return ids
}

func TestEvaluate(t *testing.T) {
	cases := []struct {
		name    string
		zone    string
		lookups int
		voids   int
		final   Qualifier
		rules   []string
	}{
		{
			name:    "ten lookups through includes and redirect",
			zone:    tenLookups + "c.example.com TXT v=spf1 ip4:192.0.2.0/24 -all",
			lookups: 10, final: Fail,
		},
		{
			name:    "eleven lookups through includes and redirect",
			zone:    tenLookups + "c.example.com TXT v=spf1 a -all",
			lookups: 11, final: Fail,
			rules: []string{RuleTooManyLookups},
		},
		{
			name:    "two void lookups",
			zone:    hosts + `example.com TXT v=spf1 a:none1.example.com mx:none2.example.com exists:x.example.com -all`,
			lookups: 3, voids: 2, final: Fail,
		},
		{
			name:    "three void lookups",
			zone:    hosts + `example.com TXT v=spf1 a:none1.example.com mx:none2.example.com exists:none3.example.com -all`,
			lookups: 3, voids: 3, final: Fail,
			rules: []string{RuleTooManyLookups},
		},
		{
			name:    "an include of a name without TXT is void and invalid",
			zone:    hosts + `example.com TXT v=spf1 include:gone.example.com -all`,
			lookups: 1, voids: 1, final: Fail,
			rules: []string{RuleInvalid},
		},
		{
			name: "an include of a name with TXT but no SPF is invalid, not void",
			zone: hosts + `example.com TXT v=spf1 include:other.example.com -all
other.example.com TXT google-site-verification=abc`,
			lookups: 1, final: Fail,
			rules: []string{RuleInvalid},
		},
		{
			name:    "mx with ten names",
			zone:    `example.com TXT v=spf1 mx -all` + mxNames(10),
			lookups: 1, final: Fail,
		},
		{
			name:    "mx with eleven names",
			zone:    `example.com TXT v=spf1 mx -all` + mxNames(11),
			lookups: 1, final: Fail,
			rules: []string{RuleTooManyLookups},
		},
		{
			name:    "ptr",
			zone:    `example.com TXT v=spf1 ptr -all`,
			lookups: 1, final: Fail,
			rules: []string{RulePTR},
		},
		{
			name: "ptr with a domain in an include",
			zone: `example.com TXT v=spf1 include:a.example.com -all
a.example.com TXT v=spf1 ?ptr:example.com -all`,
			lookups: 2, final: Fail,
			rules: []string{RulePTR},
		},
		{name: "+all", zone: `example.com TXT v=spf1 ip4:192.0.2.1 +all`, final: Pass, rules: []string{RulePermissiveAll}},
		{name: "bare all is +all", zone: `example.com TXT v=spf1 all`, final: Pass, rules: []string{RulePermissiveAll}},
		{name: "?all", zone: `example.com TXT v=spf1 ip4:192.0.2.1 ?all`, final: Neutral, rules: []string{RulePermissiveAll}},
		{name: "no all", zone: `example.com TXT v=spf1 ip4:192.0.2.1`, final: Neutral, rules: []string{RulePermissiveAll}},
		{name: "-all", zone: `example.com TXT v=spf1 ip4:192.0.2.1 -all`, final: Fail},
		{name: "~all", zone: `example.com TXT v=spf1 ip4:192.0.2.1 ~all`, final: SoftFail},
		{name: "ip4 /0 works as +all", zone: `example.com TXT v=spf1 ip4:0.0.0.0/0 -all`, final: Fail, rules: []string{RulePermissiveAll}},
		{name: "ip6 /0 works as +all", zone: `example.com TXT v=spf1 ip6:::/0 -all`, final: Fail, rules: []string{RulePermissiveAll}},
		{name: "-ip4 /0 is strict", zone: `example.com TXT v=spf1 -ip4:0.0.0.0/0 ~all`, final: SoftFail},
		{
			name: "?all reached through redirect",
			zone: `example.com TXT v=spf1 ip4:192.0.2.1 redirect=_spf.example.net
_spf.example.net TXT v=spf1 ip4:198.51.100.0/24 ?all`,
			lookups: 1, final: Neutral,
			rules: []string{RulePermissiveAll},
		},
		{
			name: "-all reached through redirect",
			zone: `example.com TXT v=spf1 redirect=_spf.example.net
_spf.example.net TXT v=spf1 ip4:198.51.100.0/24 -all`,
			lookups: 1, final: Fail,
		},
		{
			name: "+all in an include lets everyone pass",
			zone: `example.com TXT v=spf1 include:_spf.example.net -all
_spf.example.net TXT v=spf1 +all`,
			lookups: 1, final: Fail,
			rules: []string{RulePermissiveAll},
		},
		{
			name: "?all in an include does not match",
			zone: `example.com TXT v=spf1 include:_spf.example.net -all
_spf.example.net TXT v=spf1 ip4:198.51.100.0/24 ?all`,
			lookups: 1, final: Fail,
		},
		{
			name: "-include of a +all record fails everyone",
			zone: `example.com TXT v=spf1 -include:_spf.example.net ~all
_spf.example.net TXT v=spf1 +all`,
			lookups: 1, final: SoftFail,
		},
		{
			name: "redirect ignored when all is present",
			zone: `example.com TXT v=spf1 -all redirect=_spf.example.net
_spf.example.net TXT v=spf1 +all`,
			final: Fail,
		},
		{
			name: "include loop",
			zone: `example.com TXT v=spf1 include:a.example.com -all
a.example.com TXT v=spf1 include:b.example.com -all
b.example.com TXT v=spf1 include:A.example.com. -all`,
			lookups: 3, final: Fail,
			rules: []string{RuleInvalid},
		},
		{
			name: "redirect loop",
			zone: `example.com TXT v=spf1 redirect=a.example.com
a.example.com TXT v=spf1 redirect=example.com`,
			lookups: 2,
			rules:   []string{RuleInvalid},
		},
		{
			name: "the same include twice is not a loop, and counts twice",
			zone: `example.com TXT v=spf1 include:a.example.com include:b.example.com -all
a.example.com TXT v=spf1 include:c.example.com -all
b.example.com TXT v=spf1 include:c.example.com -all
c.example.com TXT v=spf1 ip4:192.0.2.0/24 -all`,
			lookups: 4, final: Fail,
		},
		{
			name:  "two v=spf1 records",
			zone:  "example.com TXT v=spf1 -all\nexample.com TXT v=spf1 mx -all\nexample.com TXT other",
			rules: []string{RuleMultipleRecords},
		},
		{
			name:    "two v=spf1 records at an include target",
			zone:    "example.com TXT v=spf1 include:a.example.com -all\na.example.com TXT v=spf1 -all\na.example.com TXT v=spf1 ~all",
			lookups: 1, final: Fail,
			rules: []string{RuleMultipleRecords},
		},
		{
			name:  "one v=spf1 record among other TXT",
			zone:  "example.com TXT other\nexample.com TXT V=SPF1 -all\nexample.com TXT v=spf10 +all",
			final: Fail,
		},
		{name: "v=spf10 is not SPF", zone: `example.com TXT v=spf10 -all`, rules: []string{RuleMissing}},
		{name: "no TXT at all", zone: `example.com MX mx.example.com`, rules: []string{RuleMissing}},
		{name: "syntax error", zone: `example.com TXT v=spf1 ip4:10.0.0.300 -all`, rules: []string{RuleInvalid}},
		{
			name: "syntax error in an include",
			zone: `example.com TXT v=spf1 include:a.example.com -all
a.example.com TXT v=spf1 a:localhost -all`,
			lookups: 1, final: Fail,
			rules: []string{RuleInvalid},
		},
		{
			name:  "mechanisms after all are not counted",
			zone:  `example.com TXT v=spf1 ip4:192.0.2.1 -all include:a.example.com ptr mx`,
			final: Fail,
		},
		{
			name:    "macros are counted but not resolved",
			zone:    `example.com TXT v=spf1 exists:%{i}._spf.example.com a:%{d} mx:%{d}.example.net -all`,
			lookups: 3, final: Fail,
		},
		{
			name:    "a record split into 255-byte strings is one record",
			zone:    "example.com TXT " + splitTXT("v=spf1 "+strings.Repeat("ip4:192.0.2.1 ", 40)+"include:a.example.com -all") + "\na.example.com TXT v=spf1 -all",
			lookups: 1, final: Fail,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			z := mustZone(t, c.zone)
			res := evaluate(t, z, "example.com")
			if len(res.TempErrors) > 0 {
				t.Fatalf("temp errors: %v", res.TempErrors)
			}
			if res.Lookups != c.lookups || res.VoidLookups != c.voids {
				t.Errorf("lookups %d, void %d; want %d, %d\n%s", res.Lookups, res.VoidLookups, c.lookups, c.voids, res.Tree)
			}
			if res.FinalAll.Qualifier != c.final {
				t.Errorf("final all %v, want %v", res.FinalAll.Qualifier, c.final)
			}
			if got := rules(res); !slices.Equal(got, c.rules) {
				t.Errorf("rules %v, want %v\nproblems: %+v\n%s", got, c.rules, res.Problems, res.Tree)
			}
			wantStatus := Passed
			if len(c.rules) > 0 {
				wantStatus = Failed
			}
			if res.Status() != wantStatus {
				t.Errorf("status %v, want %v", res.Status(), wantStatus)
			}
		})
	}
}

// mxNames gives example.com n exchanges.
func mxNames(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "\nexample.com MX mx%d.example.com", i)
	}
	return b.String()
}

// splitTXT writes s as quoted character-strings of at most 255 bytes, as
// a zone file holds a long record.
func splitTXT(s string) string {
	var parts []string
	for len(s) > 255 {
		parts = append(parts, `"`+s[:255]+`"`)
		s = s[255:]
	}
	return strings.Join(append(parts, `"`+s+`"`), " ")
}

func TestEvaluateSplitRecordNeedsJoining(t *testing.T) {
	// The long record of TestEvaluate really does span strings, and its
	// include sits past the first 255 bytes: a resolver that returned
	// the strings apart would lose it.
	record := "v=spf1 " + strings.Repeat("ip4:192.0.2.1 ", 40) + "include:a.example.com -all"
	if len(record) <= 2*255 || strings.Index(record, "include:") < 255 {
		t.Fatalf("fixture record is %d bytes, include at %d", len(record), strings.Index(record, "include:"))
	}
	if n := strings.Count(splitTXT(record), `" "`) + 1; n < 3 {
		t.Fatalf("split into %d strings", n)
	}
}

func TestEvaluateProblemDetails(t *testing.T) {
	z := mustZone(t, `example.com TXT v=spf1 ptr:example.org redirect=_spf.example.net
_spf.example.net TXT v=spf1 include:gone.example.org +all`)
	res := evaluate(t, z, "Example.COM.")
	want := []Problem{
		{Rule: RulePTR, Severity: finding.Medium, Term: "ptr:example.org", Domain: "example.com"},
		{Rule: RuleInvalid, Severity: finding.High, Term: "include:gone.example.org", Domain: "_spf.example.net"},
		{Rule: RulePermissiveAll, Severity: finding.Critical, Term: "+all", Domain: "_spf.example.net"},
	}
	if len(res.Problems) != len(want) {
		t.Fatalf("problems %+v, want %d", res.Problems, len(want))
	}
	for i, w := range want {
		got := res.Problems[i]
		if got.Message == "" {
			t.Errorf("problem %d has no message", i)
		}
		got.Message = ""
		if got != w {
			t.Errorf("problem %d:\n got %+v\nwant %+v", i, got, w)
		}
	}
	if !strings.Contains(res.Problems[2].Message, "reached from example.com through redirect=") {
		t.Errorf("redirect not explained: %q", res.Problems[2].Message)
	}
	if res.FinalAll != (FinalAll{Qualifier: Pass, Domain: "_spf.example.net"}) {
		t.Errorf("final all %+v", res.FinalAll)
	}
	if res.Domain != "example.com" || !slices.Equal(res.Records, []string{"v=spf1 ptr:example.org redirect=_spf.example.net"}) {
		t.Errorf("domain %q, records %q", res.Domain, res.Records)
	}
}

func TestEvaluateNotFetched(t *testing.T) {
	cases := []struct {
		name, zone string
		notAsked   string
		note       string
	}{
		{
			name:     "redirect with all",
			zone:     "example.com TXT v=spf1 -all redirect=_spf.example.net",
			notAsked: "TXT _spf.example.net",
			note:     "ignored because the record has all: redirect=_spf.example.net",
		},
		{
			name:     "after all",
			zone:     "example.com TXT v=spf1 ~all include:a.example.net mx",
			notAsked: "TXT a.example.net",
			note:     "never evaluated, after all: include:a.example.net mx",
		},
		{
			name:     "macro",
			zone:     "example.com TXT v=spf1 exists:%{i}.example.net -all",
			notAsked: "A/AAAA",
			note:     "macros are not expanded: exists:%{i}.example.net",
		},
		{
			name:     "ptr",
			zone:     "example.com TXT v=spf1 ptr -all",
			notAsked: "A/AAAA",
			note:     "ptr depends on the connecting address",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			z := mustZone(t, c.zone)
			res := evaluate(t, z, "example.com")
			for _, q := range z.asked {
				if strings.HasPrefix(q, c.notAsked) {
					t.Errorf("asked %s", q)
				}
			}
			if !strings.Contains(strings.Join(res.Tree.Notes, "\n"), c.note) {
				t.Errorf("notes %q lack %q", res.Tree.Notes, c.note)
			}
		})
	}
	// The quiet side: without all, the redirect is followed.
	z := mustZone(t, "example.com TXT v=spf1 redirect=_spf.example.net\n_spf.example.net TXT v=spf1 -all")
	evaluate(t, z, "example.com")
	if !slices.Contains(z.asked, "TXT _spf.example.net") {
		t.Errorf("redirect not followed: asked %v", z.asked)
	}
}

func TestEvaluateTempErrors(t *testing.T) {
	cases := []struct {
		name, zone string
		query      string
		// rules that must still be found despite the failure
		rules []string
	}{
		{name: "root TXT", zone: "example.com TXT !", query: "TXT example.com"},
		{
			name:  "include TXT",
			zone:  "example.com TXT v=spf1 include:a.example.net -all\na.example.net TXT !",
			query: "TXT a.example.net",
		},
		{
			name:  "redirect TXT",
			zone:  "example.com TXT v=spf1 redirect=a.example.net\na.example.net TXT !",
			query: "TXT a.example.net",
		},
		{
			name:  "mx",
			zone:  "example.com TXT v=spf1 mx -all\nexample.com MX !",
			query: "MX example.com",
		},
		{
			name:  "a, with a problem found elsewhere",
			zone:  "example.com TXT v=spf1 a ptr -all\nexample.com A !",
			query: "A/AAAA example.com",
			rules: []string{RulePTR},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := evaluate(t, mustZone(t, c.zone), "example.com")
			if len(res.TempErrors) != 1 || res.TempErrors[0].Query != c.query || !errors.Is(res.TempErrors[0], errServfail) {
				t.Fatalf("temp errors %v, want one for %s", res.TempErrors, c.query)
			}
			if res.Status() == Passed {
				t.Error("a temporary error passed")
			}
			if got := rules(res); !slices.Equal(got, c.rules) {
				t.Errorf("rules %v, want %v", got, c.rules)
			}
			if res.VoidLookups != 0 {
				t.Errorf("a failure counted as %d void lookups", res.VoidLookups)
			}
		})
	}
	// A redirect that failed leaves the final all unknown, not permissive.
	res := evaluate(t, mustZone(t, "example.com TXT v=spf1 redirect=a.example.net\na.example.net TXT !"), "example.com")
	if res.FinalAll.Qualifier != 0 || res.Status() != Unknown {
		t.Errorf("final all %+v, status %v", res.FinalAll, res.Status())
	}
}

func TestEvaluateMacroIncludeIsNotChecked(t *testing.T) {
	for _, record := range []string{
		"v=spf1 include:%{d}.example.net -all",
		"v=spf1 ip4:192.0.2.1 redirect=%{d}.example.net",
	} {
		z := mustZone(t, "example.com TXT "+record)
		res := evaluate(t, z, "example.com")
		if len(res.TempErrors) != 1 || !errors.Is(res.TempErrors[0], ErrNotExpanded) || res.Status() != Unknown {
			t.Errorf("%s: temp errors %v, status %v", record, res.TempErrors, res.Status())
		}
		if res.Lookups != 1 || len(z.asked) != 1 {
			t.Errorf("%s: %d lookups, asked %v", record, res.Lookups, z.asked)
		}
	}
}

func TestEvaluateCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	z := mustZone(t, "example.com TXT v=spf1 -all")
	res := Evaluate(ctx, z, "example.com", Options{})
	if len(z.asked) != 0 || len(res.TempErrors) != 1 || !errors.Is(res.TempErrors[0], context.Canceled) || res.Status() != Unknown {
		t.Errorf("asked %v, temp errors %v, status %v", z.asked, res.TempErrors, res.Status())
	}
}

func TestEvaluateInvalidDomain(t *testing.T) {
	for _, d := range []string{"", "localhost", "exa mple.com", "%{d}.example.com"} {
		z := mustZone(t, "")
		res := Evaluate(context.Background(), z, d, Options{})
		if len(z.asked) != 0 || len(res.TempErrors) != 1 || res.Status() != Unknown || res.Tree != nil {
			t.Errorf("%q: asked %v, temp errors %v", d, z.asked, res.TempErrors)
		}
	}
}

func TestEvaluateQueryCap(t *testing.T) {
	// Every record includes two more: a tree of thousands of records if
	// followed to the depth bound.
	var zoneText strings.Builder
	for i := range 2048 {
		fmt.Fprintf(&zoneText, "d%d.example.com TXT v=spf1 include:d%d.example.com include:d%d.example.com a mx -all\n", i, 2*i+1, 2*i+2)
	}
	for _, limit := range []int{0, 5, 100} {
		z := mustZone(t, zoneText.String())
		res := Evaluate(context.Background(), z, "d0.example.com", Options{MaxQueries: limit})
		want := limit
		if limit == 0 {
			want = DefaultMaxQueries
		}
		if len(z.asked) != want {
			t.Errorf("cap %d: %d queries, want %d", limit, len(z.asked), want)
		}
		if len(res.TempErrors) != 1 || !errors.Is(res.TempErrors[0], ErrQueryLimit) {
			t.Errorf("cap %d: temp errors %v", limit, res.TempErrors)
		}
		if res.Lookups <= MaxLookups || !slices.Contains(rules(res), RuleTooManyLookups) {
			t.Errorf("cap %d: %d lookups, rules %v", limit, res.Lookups, rules(res))
		}
	}
	// The quiet side: a policy under the cap records no cap error.
	z := mustZone(t, tenLookups+"c.example.com TXT v=spf1 -all")
	if res := evaluate(t, z, "example.com"); len(res.TempErrors) != 0 {
		t.Errorf("temp errors under the cap: %v", res.TempErrors)
	}
}

func TestEvaluateDepthBound(t *testing.T) {
	chain := func(n int) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "d%d.example.com TXT v=spf1 include:d%d.example.com -all\n", i, i+1)
		}
		fmt.Fprintf(&b, "d%d.example.com TXT v=spf1 -all\n", n)
		return b.String()
	}
	res := evaluate(t, mustZone(t, chain(MaxDepth)), "d0.example.com")
	if slices.Contains(rules(res), RuleInvalid) {
		t.Errorf("%d levels: %+v", MaxDepth, res.Problems)
	}
	res = evaluate(t, mustZone(t, chain(MaxDepth+1)), "d0.example.com")
	if !slices.Contains(rules(res), RuleInvalid) {
		t.Errorf("%d levels: %+v", MaxDepth+1, res.Problems)
	}
}
