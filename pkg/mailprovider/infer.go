package mailprovider

import (
	"slices"
	"strings"
)

// maxNames bounds how many SPF includes and MX hosts Infer examines each.
const maxNames = 64

// maxNameInReason bounds how much of a published name a reason repeats.
const maxNameInReason = 80

// Guess is one mail service the domain appears to use and the DKIM
// selectors to try for it.
type Guess struct {
	// Provider names the service, e.g. "Google Workspace".
	Provider string
	// Selectors are the selectors the service signs with; empty when
	// Guessable is false.
	Selectors []string
	// Reason says what revealed the service, e.g. "SPF includes
	// _spf.google.com", and, when Guessable is false, why no selector is
	// offered and where to find it.
	Reason string
	// Guessable is false for services whose selectors are per-account
	// (dated, random or chosen by the customer).
	Guessable bool
}

// Infer returns a guess for each known service that an SPF include or an
// MX host reveals, in the order of the package's provider table. Names are
// compared case-insensitively and without a trailing dot; a name matches a
// service when it equals one of the service's names or is a subdomain of
// one. Unknown names give no guess. Only the first 64 names of each list
// are examined.
func Infer(spfIncludes []string, mxHosts []string) []Guess {
	spf := normalize(spfIncludes)
	mx := normalize(mxHosts)
	var out []Guess
	for _, p := range providers {
		var why []string
		if name, ok := firstMatch(spf, p.spf); ok {
			why = append(why, "SPF includes "+clip(name))
		}
		if name, ok := firstMatch(mx, p.mx); ok {
			why = append(why, "MX is "+clip(name))
		}
		if len(why) == 0 {
			continue
		}
		g := Guess{Provider: p.name, Guessable: p.unguessable == ""}
		if g.Guessable {
			g.Selectors = slices.Clone(p.selectors)
		} else {
			why = append(why, p.unguessable)
		}
		g.Reason = strings.Join(why, "; ")
		out = append(out, g)
	}
	return out
}

// Selector is one selector to try, with every guess that proposed it.
type Selector struct {
	Name string
	// Reasons holds "Provider: reason" for each guess proposing Name.
	Reasons []string
}

// Selectors flattens guesses into the distinct selectors to query, in the
// order first proposed, keeping the reasons of every provider that
// proposed each one (k1 is both Mailchimp's and Mailgun's, for example).
func Selectors(guesses []Guess) []Selector {
	var out []Selector
	index := make(map[string]int)
	for _, g := range guesses {
		for _, s := range g.Selectors {
			reason := g.Provider + ": " + g.Reason
			if i, ok := index[s]; ok {
				out[i].Reasons = append(out[i].Reasons, reason)
				continue
			}
			index[s] = len(out)
			out = append(out, Selector{Name: s, Reasons: []string{reason}})
		}
	}
	return out
}

// Common returns a short list of generic selectors (default, selector1,
// s1, k1, dkim, mail) that the check may try when Infer finds nothing. It
// is a guess: a domain can sign with any selector, so finding none of these
// proves nothing. Each call returns a fresh slice.
func Common() []string {
	return []string{"default", "selector1", "s1", "k1", "dkim", "mail"}
}

// normalize lowercases names and drops surrounding space and a trailing
// dot, keeping at most maxNames.
func normalize(names []string) []string {
	out := make([]string, 0, min(len(names), maxNames))
	for i, n := range names {
		if i == maxNames {
			break
		}
		if n = strings.TrimSuffix(strings.ToLower(strings.TrimSpace(n)), "."); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// firstMatch returns the first of names that equals or is a subdomain of
// one of domains.
func firstMatch(names, domains []string) (string, bool) {
	for _, n := range names {
		for _, d := range domains {
			if n == d || strings.HasSuffix(n, "."+d) {
				return n, true
			}
		}
	}
	return "", false
}

// clip shortens s to at most maxNameInReason bytes.
func clip(s string) string {
	if len(s) <= maxNameInReason {
		return s
	}
	cut := maxNameInReason
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}
