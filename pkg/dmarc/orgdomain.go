package dmarc

import (
	"fmt"
	"strings"

	"golang.org/x/net/publicsuffix"
)

// normalizeName lowercases name and drops a trailing dot, refusing names no
// DNS query could carry.
func normalizeName(name string) (string, error) {
	n := strings.TrimSuffix(strings.ToLower(strings.TrimSpace(name)), ".")
	if n == "" || len(n) > 253 {
		return "", fmt.Errorf("%q is not a domain name", truncate(name))
	}
	for label := range strings.SplitSeq(n, ".") {
		if label == "" || len(label) > 63 {
			return "", fmt.Errorf("%q is not a domain name", truncate(name))
		}
	}
	return n, nil
}

// OrgDomain returns the organizational domain of name (RFC 7489 §3.2): the
// public suffix plus one label, from the public suffix list compiled into
// golang.org/x/net/publicsuffix. DMARCbis replaces the list with a DNS tree
// walk; the list gives the same answer for ordinary domains and needs no
// lookups. A name that is itself a public suffix is an error.
func OrgDomain(name string) (string, error) {
	n, err := normalizeName(name)
	if err != nil {
		return "", fmt.Errorf("organizational domain: %w", err)
	}
	org, err := publicsuffix.EffectiveTLDPlusOne(n)
	if err != nil {
		return "", fmt.Errorf("organizational domain of %q: %w", truncate(n), err)
	}
	return org, nil
}

// LookupNames returns the TXT names to query for name's DMARC policy, in
// order: _dmarc.NAME, then _dmarc.ORGDOMAIN when that differs. The first
// name that holds a DMARC record wins. The check must report which name
// the record came from, and judge a record from the organizational domain
// with JudgeInherited, since receivers then apply its sp to name.
func LookupNames(name string) ([]string, error) {
	n, err := normalizeName(name)
	if err != nil {
		return nil, fmt.Errorf("DMARC names: %w", err)
	}
	names := []string{"_dmarc." + n}
	if org, err := publicsuffix.EffectiveTLDPlusOne(n); err == nil && org != n {
		names = append(names, "_dmarc."+org)
	}
	return names, nil
}
