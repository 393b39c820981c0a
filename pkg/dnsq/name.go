package dnsq

import (
	"fmt"
	"strings"

	"github.com/miekg/dns"
)

// maxNameLen is the longest presentation name accepted (RFC 1035 §2.3.4
// allows 255 octets on the wire, 253 characters without the root dot).
const maxNameLen = 253

// Normalize returns name in the form queries and the cache use:
// lowercase, fully qualified. It rejects empty or over-long names, empty
// labels, labels over 63 octets, and anything outside printable ASCII
// (internationalised names must be given in their xn-- form).
func Normalize(name string) (string, error) {
	n := strings.TrimSpace(name)
	if n == "" {
		return "", fmt.Errorf("name %q: %w: empty", name, ErrName)
	}
	for i := 0; i < len(n); i++ {
		if c := n[i]; c <= ' ' || c > '~' || c == '\\' {
			return "", fmt.Errorf("name %q: %w: only printable ASCII without spaces or escapes is accepted (give internationalised names in their xn-- form)", name, ErrName)
		}
	}
	n = strings.ToLower(strings.TrimSuffix(n, "."))
	if n == "" {
		return ".", nil
	}
	if len(n) > maxNameLen {
		return "", fmt.Errorf("name %q: %w: longer than %d characters", name, ErrName, maxNameLen)
	}
	for _, label := range strings.Split(n, ".") {
		if label == "" {
			return "", fmt.Errorf("name %q: %w: empty label", name, ErrName)
		}
		if len(label) > 63 {
			return "", fmt.Errorf("name %q: %w: label longer than 63 characters", name, ErrName)
		}
	}
	fq := dns.Fqdn(n)
	if _, ok := dns.IsDomainName(fq); !ok {
		return "", fmt.Errorf("name %q: %w", name, ErrName)
	}
	return fq, nil
}

// typeName is the mnemonic of qtype ("TXT"), or TYPEnnn for one without.
func typeName(qtype uint16) string {
	if s, ok := dns.TypeToString[qtype]; ok {
		return s
	}
	return fmt.Sprintf("TYPE%d", qtype)
}

// queryLabel names a query in errors and logs: "TXT _dmarc.example.com".
func queryLabel(name string, qtype uint16) string {
	if name != "." {
		name = strings.TrimSuffix(name, ".")
	}
	return typeName(qtype) + " " + name
}
