package dmarc

import (
	"fmt"
	"math/bits"
	"net/url"
	"strconv"
	"strings"
)

// maxURIs bounds the report destinations accepted in one rua or ruf tag.
const maxURIs = 16

// ReportURI is one report destination of a rua or ruf tag (RFC 7489 §6.2):
// a mailto: address with an optional size limit.
type ReportURI struct {
	// URI is the destination as published, without the size suffix.
	URI string
	// Address is the mailbox, e.g. "reports@example.com".
	Address string
	// Domain is the mailbox's domain, lowercased, without a trailing dot.
	Domain string
	// MaxSize is the size limit in bytes; 0 means none was given.
	MaxSize uint64
}

// parseURIs parses a comma-separated list of DMARC report URIs for tag.
func parseURIs(tag, value string) ([]ReportURI, error) {
	var out []ReportURI
	for raw := range strings.SplitSeq(value, ",") {
		raw = strings.Trim(raw, " \t\r\n")
		if raw == "" {
			return nil, &ParseError{Tag: tag, Reason: "empty URI in the list"}
		}
		if len(out) == maxURIs {
			return nil, &ParseError{Tag: tag, Reason: fmt.Sprintf("more than %d URIs", maxURIs)}
		}
		u, err := parseURI(raw)
		if err != nil {
			return nil, &ParseError{Tag: tag, Reason: fmt.Sprintf("%q: %v", truncate(raw), err)}
		}
		out = append(out, u)
	}
	return out, nil
}

// parseURI parses one mailto: URI with an optional "!size[kmgt]" suffix.
func parseURI(raw string) (ReportURI, error) {
	var r ReportURI
	uri := raw
	if i := strings.LastIndexByte(raw, '!'); i >= 0 {
		size, err := parseSize(raw[i+1:])
		if err != nil {
			return r, err
		}
		uri, r.MaxSize = raw[:i], size
	}
	scheme, rest, ok := strings.Cut(uri, ":")
	if !ok || !strings.EqualFold(scheme, "mailto") {
		return r, fmt.Errorf("only mailto: report URIs are delivered")
	}
	rest, _, _ = strings.Cut(rest, "?")
	addr, err := url.PathUnescape(rest)
	if err != nil {
		return r, fmt.Errorf("bad percent-encoding: %w", err)
	}
	at := strings.LastIndexByte(addr, '@')
	if at <= 0 || at == len(addr)-1 {
		return r, fmt.Errorf("not a mailbox address")
	}
	domain := strings.TrimSuffix(strings.ToLower(addr[at+1:]), ".")
	if !plausibleDomain(domain) {
		return r, fmt.Errorf("mailbox domain is not a domain name")
	}
	r.URI, r.Address, r.Domain = uri, addr, domain
	return r, nil
}

// parseSize parses the DMARC size limit: digits with an optional unit.
func parseSize(s string) (uint64, error) {
	mult := uint64(1)
	if s != "" {
		switch s[len(s)-1] {
		case 'k', 'K':
			mult = 1 << 10
		case 'm', 'M':
			mult = 1 << 20
		case 'g', 'G':
			mult = 1 << 30
		case 't', 'T':
			mult = 1 << 40
		}
		if mult != 1 {
			s = s[:len(s)-1]
		}
	}
	if s == "" || !allDigits(s) {
		return 0, fmt.Errorf("size limit must be digits with an optional k, m, g or t")
	}
	n, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("size limit out of range")
	}
	hi, lo := bits.Mul64(n, mult)
	if hi != 0 {
		return 0, fmt.Errorf("size limit out of range")
	}
	return lo, nil
}

// allDigits reports whether s is non-empty and only ASCII digits.
func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// plausibleDomain reports whether s looks like a DNS name with at least
// two labels of letters, digits and hyphens.
func plausibleDomain(s string) bool {
	if len(s) > 253 || !strings.Contains(s, ".") {
		return false
	}
	for label := range strings.SplitSeq(s, ".") {
		if label == "" || len(label) > 63 {
			return false
		}
		for i := 0; i < len(label); i++ {
			c := label[i]
			if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
				return false
			}
		}
	}
	return true
}
