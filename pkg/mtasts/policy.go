package mtasts

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// MaxPolicyLen bounds the policy body ParsePolicy accepts (RFC 8461 §3.3
// lets senders stop reading at 64 KiB).
const MaxPolicyLen = 64 << 10

// MaxMaxAge is the largest max_age allowed: about one year, in seconds.
const MaxMaxAge = 31557600

// maxMX bounds the mx patterns of one policy.
const maxMX = 256

// Policy modes.
const (
	ModeEnforce = "enforce"
	ModeTesting = "testing"
	ModeNone    = "none"
)

// Policy is a parsed MTA-STS policy file (RFC 8461 §3.2).
type Policy struct {
	// Version is always "STSv1".
	Version string
	// Mode is enforce, testing or none.
	Mode string
	// MaxAge is how long senders may cache the policy, in seconds.
	MaxAge int64
	// MX holds the mx patterns, lowercased, in order; a pattern may start
	// with "*." to match one leftmost label.
	MX []string
	// Extensions holds other keys, in order.
	Extensions []Field
}

// ParsePolicy parses an MTA-STS policy body: "key: value" lines ended by
// LF or CRLF; version STSv1, mode and max_age are required and may appear
// once; mx may repeat and is required unless mode is none; unknown keys are
// kept. Blank lines are skipped. Errors name the line and key.
func ParsePolicy(body []byte) (*Policy, error) {
	const what = "MTA-STS policy"
	if len(body) > MaxPolicyLen {
		return nil, &ParseError{What: what, Field: "body", Reason: fmt.Sprintf("%d bytes, more than the %d accepted", len(body), MaxPolicyLen)}
	}
	p := &Policy{}
	seen := make(map[string]bool)
	lineNo := 0
	for line := range bytes.SplitSeq(body, []byte("\n")) {
		lineNo++
		text := strings.TrimRight(strings.TrimSuffix(string(line), "\r"), " \t")
		if strings.TrimLeft(text, " \t") == "" {
			continue
		}
		key, value, ok := strings.Cut(text, ":")
		if !ok || !validExtName(key) {
			return nil, &ParseError{What: what, Field: truncate(key), Line: lineNo, Reason: fmt.Sprintf("%q is not a key: value line", truncate(text))}
		}
		value = strings.TrimLeft(value, " \t")
		if key != "mx" && seen[key] {
			return nil, &ParseError{What: what, Field: key, Line: lineNo, Reason: "appears more than once"}
		}
		seen[key] = true
		if err := p.apply(key, value); err != nil {
			return nil, &ParseError{What: what, Field: key, Line: lineNo, Reason: err.Error()}
		}
	}
	for _, key := range []string{"version", "mode", "max_age"} {
		if !seen[key] {
			return nil, &ParseError{What: what, Field: key, Reason: "missing"}
		}
	}
	if p.Mode != ModeNone && len(p.MX) == 0 {
		return nil, &ParseError{What: what, Field: "mx", Reason: "missing; mode " + p.Mode + " needs at least one mx pattern"}
	}
	return p, nil
}

// apply records one key into p.
func (p *Policy) apply(key, value string) error {
	switch key {
	case "version":
		if value != "STSv1" {
			return fmt.Errorf("%q is not STSv1", truncate(value))
		}
		p.Version = value
	case "mode":
		switch value {
		case ModeEnforce, ModeTesting, ModeNone:
			p.Mode = value
		default:
			return fmt.Errorf("%q is not enforce, testing or none", truncate(value))
		}
	case "max_age":
		n, err := strconv.ParseInt(value, 10, 64)
		if err != nil || len(value) > 10 || value[0] < '0' || value[0] > '9' || n > MaxMaxAge {
			return fmt.Errorf("%q is not a number of seconds from 0 to %d", truncate(value), MaxMaxAge)
		}
		p.MaxAge = n
	case "mx":
		if len(p.MX) == maxMX {
			return fmt.Errorf("more than %d mx patterns", maxMX)
		}
		pattern := strings.TrimSuffix(strings.ToLower(value), ".")
		if !validDomain(strings.TrimPrefix(pattern, "*.")) {
			return fmt.Errorf("%q is not a host name or *.domain pattern", truncate(value))
		}
		p.MX = append(p.MX, pattern)
	default:
		p.Extensions = append(p.Extensions, Field{Name: key, Value: value})
	}
	return nil
}

// Matches reports whether mxHost is allowed by one of the policy's mx
// patterns (RFC 8461 §4.1): an exact, case-insensitive match, or a
// "*.domain" pattern matching a host with exactly one more label in front.
// A trailing dot on mxHost is ignored.
func (p *Policy) Matches(mxHost string) bool {
	host := strings.TrimSuffix(strings.ToLower(mxHost), ".")
	if host == "" {
		return false
	}
	for _, pat := range p.MX {
		if rest, ok := strings.CutPrefix(pat, "*."); ok {
			label, parent, found := strings.Cut(host, ".")
			if found && label != "" && parent == rest {
				return true
			}
			continue
		}
		if host == pat {
			return true
		}
	}
	return false
}
