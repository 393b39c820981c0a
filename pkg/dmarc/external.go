package dmarc

import (
	"strings"
)

// ExternalReportDomains returns the domains of rec's rua destinations whose
// organizational domain differs from domain's, in order and without
// repeats. RFC 7489 §7.1 says receivers send reports there only if the
// destination publishes an authorization record at AuthorizationName.
// When domain's organizational domain cannot be found, every destination
// domain other than domain itself is returned.
func ExternalReportDomains(rec *Record, domain string) []string {
	if rec == nil {
		return nil
	}
	own, err := OrgDomain(domain)
	if err != nil {
		own, _ = normalizeName(domain)
	}
	var out []string
	seen := make(map[string]bool)
	for _, u := range rec.Aggregate {
		if seen[u.Domain] {
			continue
		}
		seen[u.Domain] = true
		dest, err := OrgDomain(u.Domain)
		if err != nil {
			dest = u.Domain
		}
		if dest != own {
			out = append(out, u.Domain)
		}
	}
	return out
}

// AuthorizationName returns DOMAIN._report._dmarc.DEST, the TXT name where
// the report destination dest authorizes reports about domain (RFC 7489
// §7.1). domain is the name whose _dmarc record lists dest: the
// organizational domain when the record was inherited from there. Names
// are lowercased and trailing dots dropped.
func AuthorizationName(domain, dest string) string {
	d := strings.TrimSuffix(strings.ToLower(strings.TrimSpace(domain)), ".")
	t := strings.TrimSuffix(strings.ToLower(strings.TrimSpace(dest)), ".")
	return d + "._report._dmarc." + t
}

// Authorizes reports whether the TXT strings found at an AuthorizationName
// grant the authorization: at least one must start with v=DMARC1.
func Authorizes(txts []string) bool {
	for _, t := range txts {
		if isDMARC(t) {
			return true
		}
	}
	return false
}
