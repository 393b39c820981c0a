package dnscheck

import (
	"context"
	"fmt"
	"strings"

	"github.com/launchgate/launchgate/pkg/dkim"
	"github.com/launchgate/launchgate/pkg/finding"
	"github.com/launchgate/launchgate/pkg/mailprovider"
)

// maxSelectors bounds the selectors looked up.
const maxSelectors = 12

// selector is one DKIM selector to look up, and why.
type selector struct {
	name string
	// why says where it came from: "--dkim-selector", or the provider and
	// what revealed it.
	why string
	// given is true for selectors the user named: a missing key is high.
	// Inferred ones are medium, and common guesses report nothing when
	// missing.
	given, guess bool
}

// checkDKIM looks up the key of each selector, given or inferred from the
// providers SPF and MX reveal, and judges the keys found.
func (r *run) checkDKIM(ctx context.Context) {
	d := r.d.Domain
	sels, lines := r.selectors()
	if len(sels) == 0 {
		r.d.Evidence.Add("DKIM of "+d, lines)
		r.ev.dkim = "DKIM of " + d + ": not looked up (SPF is v=spf1 -all: the domain sends no mail)"
		return
	}
	defer r.dkimLine(sels)
	keys := map[string]*dkim.Key{}
	// missing are the inferred selectors without a key, by provider: one
	// finding for a provider none of whose selectors has one.
	missing := map[string][]string{}
	var providers []string
	for i, s := range sels {
		if i >= maxSelectors {
			lines = append(lines, fmt.Sprintf("…%d more selectors not looked up", len(sels)-maxSelectors))
			break
		}
		name := s.name + "._domainkey." + d
		txts, _, err := r.d.Resolver.TXT(ctx, name)
		if err != nil {
			r.ev.dkimParts = append(r.ev.dkimParts, s.name+": lookup failed")
			if s.guess {
				// Guesses are not worth one failure each.
				r.failed("DKIM (the common selectors)", name, "TXT", err)
				break
			}
			r.failed("DKIM selector "+s.name, name, "TXT", err)
			continue
		}
		rec := keyRecord(txts)
		switch {
		case rec == "" && s.guess:
			lines = append(lines, fmt.Sprintf("%s (%s): no key", s.name, s.why))
		case rec == "":
			msg := fmt.Sprintf("no DKIM key at %s (selector %s, %s): mail signed with it fails DKIM", name, s.name, s.why)
			if s.given {
				r.report(ruleDKIMMissing, name, "TXT", s.name, msg)
			} else {
				if _, ok := missing[s.why]; !ok {
					providers = append(providers, s.why)
				}
				missing[s.why] = append(missing[s.why], s.name)
			}
			lines = append(lines, fmt.Sprintf("%s (%s): no key", s.name, s.why))
		default:
			k, err := dkim.ParseKey(rec)
			if err != nil {
				p := dkim.InvalidProblem(s.name, err)
				r.reportAt(ruleDKIMMissing, name, "TXT", s.name, p.Message, finding.High)
				lines = append(lines, fmt.Sprintf("%s (%s): a key record that does not parse", s.name, s.why))
				r.ev.dkimParts = append(r.ev.dkimParts, s.name+" ("+provider(s.why)+"): a key record that does not parse")
				continue
			}
			keys[s.name] = k
			r.ev.dkimParts = append(r.ev.dkimParts, s.name+" ("+provider(s.why)+"): "+describeKey(k))
			lines = append(lines, fmt.Sprintf("%s (%s): %s", s.name, s.why, describeKey(k)))
		}
	}
	for _, why := range providers {
		names := missing[why]
		if len(names) < len(selectorsOf(sels, why)) {
			continue
		}
		r.reportAt(ruleDKIMMissing, names[0]+"._domainkey."+d, "TXT", why,
			fmt.Sprintf("none of the DKIM selectors of %s (%s) has a key under %s: its mail is unsigned or signed with a selector launchgate did not guess; publish the key, or pass --dkim-selector", why, strings.Join(names, ", "), "_domainkey."+d),
			finding.Medium)
	}
	for _, p := range dkim.Judge(keys) {
		rule := ruleDKIMWeak
		if p.Rule == dkim.RuleInvalid {
			rule = ruleDKIMMissing
		}
		name := p.Selector + "._domainkey." + d
		sev, err := finding.ParseSeverity(p.Severity, false)
		if err != nil {
			sev = finding.Medium
		}
		r.reportAt(rule, name, "TXT", p.Selector+" "+p.Rule, p.Message, sev)
	}
	r.d.Evidence.Add("DKIM of "+d, lines)
}

// selectors are the selectors to look up and the evidence lines that say
// where they came from: the given ones; else none for a domain that
// sends no mail; else those inferred from the providers; else the common
// guesses.
func (r *run) selectors() ([]selector, []string) {
	if len(r.d.Selectors) > 0 {
		var out []selector
		for _, s := range r.d.Selectors {
			out = append(out, selector{name: s, why: "from " + r.d.SelectorSource, given: true})
		}
		return out, []string{"selectors from " + r.d.SelectorSource}
	}
	if r.sendsNothing() {
		return nil, []string{"not looked up: the SPF policy is v=spf1 -all, so the domain sends no mail"}
	}
	var out []selector
	var lines []string
	seen := map[string]bool{}
	for _, g := range mailprovider.Infer(r.spfIncludes(), r.mx.hosts) {
		if !g.Guessable {
			lines = append(lines, fmt.Sprintf("%s (%s): its selectors cannot be guessed; pass --dkim-selector", g.Provider, g.Reason))
			r.d.Coverage.Note(fmt.Sprintf("dns: DKIM of %s's %s mail was not checked: its selectors cannot be guessed; pass --dkim-selector", r.d.Domain, g.Provider))
			continue
		}
		for _, s := range g.Selectors {
			if !seen[s] {
				seen[s] = true
				out = append(out, selector{name: s, why: g.Provider + ", " + g.Reason})
			}
		}
	}
	if len(out) > 0 {
		return out, lines
	}
	for _, s := range mailprovider.Common() {
		out = append(out, selector{name: s, why: "a common selector", guess: true})
	}
	r.d.Coverage.Note(fmt.Sprintf("dns: no DKIM selector of %s is known (none given, no provider recognised): only the common ones (%s) were tried; pass --dkim-selector", r.d.Domain, strings.Join(mailprovider.Common(), ", ")))
	return out, append(lines, "no provider recognised in SPF or MX: trying common selectors")
}

// keyRecord is the DKIM key record among the TXT strings at a
// _domainkey name: the first that starts with v=DKIM1 or holds a p= tag.
func keyRecord(txts []string) string {
	for _, t := range txts {
		l := strings.ToLower(strings.TrimSpace(t))
		if strings.HasPrefix(l, "v=dkim1") || strings.HasPrefix(l, "p=") || strings.Contains(l, ";p=") || strings.Contains(l, "; p=") {
			return t
		}
	}
	return ""
}

// describeKey says what a key is, for the evidence.
func describeKey(k *dkim.Key) string {
	switch {
	case k.Revoked:
		return "revoked (empty p=)"
	case k.Type == "ed25519":
		return "Ed25519"
	}
	s := fmt.Sprintf("RSA %d bits", k.Bits)
	if k.Testing {
		s += ", t=y (testing)"
	}
	return s
}

// selectorsOf are the selectors of sels inferred for the same reason.
func selectorsOf(sels []selector, why string) []string {
	var out []string
	for _, s := range sels {
		if s.why == why && !s.given && !s.guess {
			out = append(out, s.name)
		}
	}
	return out
}
