package mtasts

import (
	"fmt"
	"net/url"
	"strings"
)

// maxRUA bounds the report URIs of one TLS-RPT record.
const maxRUA = 16

// TLSRPT is a parsed _smtp._tls.DOMAIN TXT record (RFC 8460 §3).
type TLSRPT struct {
	// RUA holds the report destinations, in order.
	RUA []ReportURI
	// Extensions holds other fields, in order.
	Extensions []Field
}

// ReportURI is one TLS-RPT report destination.
type ReportURI struct {
	// URI is the destination as published.
	URI string
	// Scheme is "mailto" or "https".
	Scheme string
	// Target is the mailbox for mailto, or the host for https.
	Target string
}

// ParseTLSRPT parses a TLS-RPT TXT record: "v=TLSRPTv1" first (exact), a
// required rua listing mailto: or https: URIs separated by commas, and any
// extension fields.
func ParseTLSRPT(txt string) (*TLSRPT, error) {
	const what = "TLS-RPT record"
	fields, err := splitRecord(what, "v=TLSRPTv1", txt)
	if err != nil {
		return nil, err
	}
	rec := &TLSRPT{}
	seenRUA := false
	for _, f := range fields {
		if f.Name != "rua" {
			if !validExtValue(f.Value) {
				return nil, &ParseError{What: what, Field: f.Name, Reason: "value must be visible characters other than ; and ="}
			}
			rec.Extensions = append(rec.Extensions, f)
			continue
		}
		seenRUA = true
		for raw := range strings.SplitSeq(f.Value, ",") {
			if len(rec.RUA) == maxRUA {
				return nil, &ParseError{What: what, Field: "rua", Reason: fmt.Sprintf("more than %d URIs", maxRUA)}
			}
			u, err := parseReportURI(strings.Trim(raw, " \t"))
			if err != nil {
				return nil, &ParseError{What: what, Field: "rua", Reason: err.Error()}
			}
			rec.RUA = append(rec.RUA, u)
		}
	}
	if !seenRUA {
		return nil, &ParseError{What: what, Field: "rua", Reason: "missing; add rua=mailto: a mailbox that reads TLS reports"}
	}
	return rec, nil
}

// parseReportURI parses one mailto: or https: report URI.
func parseReportURI(raw string) (ReportURI, error) {
	r := ReportURI{URI: raw}
	u, err := url.Parse(raw)
	if err != nil || raw == "" {
		return r, fmt.Errorf("%q is not a URI", truncate(raw))
	}
	switch strings.ToLower(u.Scheme) {
	case "mailto":
		addr, err := url.PathUnescape(u.Opaque)
		at := strings.LastIndexByte(addr, '@')
		if err != nil || at <= 0 || !validDomain(strings.TrimSuffix(addr[at+1:], ".")) {
			return r, fmt.Errorf("%q is not a mailto: address", truncate(raw))
		}
		r.Scheme, r.Target = "mailto", addr
	case "https":
		if u.Hostname() == "" || !validDomain(u.Hostname()) && !strings.HasPrefix(u.Host, "[") {
			return r, fmt.Errorf("%q has no valid host", truncate(raw))
		}
		r.Scheme, r.Target = "https", strings.ToLower(u.Hostname())
	default:
		return r, fmt.Errorf("%q is neither mailto: nor https:", truncate(raw))
	}
	return r, nil
}
