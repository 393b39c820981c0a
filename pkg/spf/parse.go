package spf

import (
	"fmt"
	"net/netip"
	"strings"
)

// versionTag opens every SPF record (RFC 7208 §4.5).
const versionTag = "v=spf1"

// IsSPF reports whether a TXT record is an SPF record: it starts with
// v=spf1, in any case, followed by a space or the end. "v=spf10" and
// " v=spf1" are not SPF records.
func IsSPF(txt string) bool {
	return len(txt) >= len(versionTag) &&
		strings.EqualFold(txt[:len(versionTag)], versionTag) &&
		(len(txt) == len(versionTag) || txt[len(versionTag)] == ' ')
}

// Parse parses one SPF record. Every error is a *ParseError naming the
// term at fault. Records over MaxRecordLen bytes or with more than
// MaxTerms terms are rejected. A modifier named like a mechanism
// ("include=x") is rejected too: receivers would ignore it as an unknown
// modifier, silently dropping what the author meant to authorize.
func Parse(record string) (*Record, error) {
	if len(record) > MaxRecordLen {
		return nil, syntaxError("", fmt.Sprintf("record is %d bytes, over the %d-byte limit", len(record), MaxRecordLen))
	}
	if !IsSPF(record) {
		first, _, _ := strings.Cut(record, " ")
		return nil, syntaxError(first, "not an SPF record: it must start with v=spf1 and a space")
	}
	rec := &Record{Text: record}
	for _, f := range strings.Split(record[len(versionTag):], " ") {
		if f == "" {
			continue
		}
		if len(rec.Terms) == MaxTerms {
			return nil, syntaxError("", fmt.Sprintf("record has more than %d terms", MaxTerms))
		}
		t, err := parseTerm(f)
		if err != nil {
			return nil, err
		}
		if t.Modifier && (t.Name == "redirect" || t.Name == "exp") {
			if _, dup := rec.Modifier(t.Name); dup {
				return nil, syntaxError(f, t.Name+" given twice")
			}
		}
		rec.Terms = append(rec.Terms, t)
	}
	return rec, nil
}

// parseTerm parses one directive or modifier.
func parseTerm(s string) (Term, error) {
	if n := modifierName(s); n > 0 {
		return parseModifier(s, n)
	}
	t := Term{Text: s, Qualifier: Pass, V4Len: -1, V6Len: -1}
	body := s
	if q, ok := qualifierOf(s[0]); ok {
		t.Qualifier = q
		body = s[1:]
	}
	end := strings.IndexAny(body, ":/")
	if end < 0 {
		end = len(body)
	}
	t.Name = strings.ToLower(body[:end])
	rest := body[end:]
	var err error
	switch t.Name {
	case "all":
		if rest != "" {
			return t, syntaxError(s, "all takes no domain or prefix length")
		}
	case "include", "exists":
		if !strings.HasPrefix(rest, ":") {
			return t, syntaxError(s, t.Name+" without a domain")
		}
		t.Value = rest[1:]
		t.Macro, err = checkDomainSpec(t.Value)
	case "a", "mx":
		err = parseHostMechanism(&t, rest)
	case "ptr":
		if rest != "" && !strings.HasPrefix(rest, ":") {
			return t, syntaxError(s, "ptr takes no prefix length")
		}
		if rest != "" {
			t.Value = rest[1:]
			t.Macro, err = checkDomainSpec(t.Value)
		}
	case "ip4", "ip6":
		err = parseIPMechanism(&t, rest)
	case "":
		return t, syntaxError(s, "a qualifier without a mechanism")
	default:
		if strings.Contains(t.Name, "=") {
			if body != s && modifierName(body) > 0 {
				return t, syntaxError(s, "a modifier takes no qualifier")
			}
			return t, syntaxError(s, "not a mechanism, and not a modifier: a modifier name starts with a letter")
		}
		return t, syntaxError(s, fmt.Sprintf("unknown mechanism %s", printable(t.Name)))
	}
	if err != nil {
		return t, syntaxError(s, err.Error())
	}
	return t, nil
}

// parseHostMechanism reads the [":" domain-spec] [dual-cidr-length] of a
// and mx.
func parseHostMechanism(t *Term, rest string) error {
	spec, v4, v6, err := splitDualCIDR(rest)
	if err != nil {
		return err
	}
	t.V4Len, t.V6Len = v4, v6
	switch {
	case spec == "":
		return nil
	case !strings.HasPrefix(spec, ":"):
		return fmt.Errorf("%s is not a prefix length like /24 or //64", printable(spec))
	}
	t.Value = spec[1:]
	t.Macro, err = checkDomainSpec(t.Value)
	return err
}

// parseIPMechanism reads the ":" network ["/" length] of ip4 and ip6.
func parseIPMechanism(t *Term, rest string) error {
	v6 := t.Name == "ip6"
	family, limit := "IPv4", 32
	if v6 {
		family, limit = "IPv6", 128
	}
	if !strings.HasPrefix(rest, ":") || len(rest) == 1 {
		return fmt.Errorf("an %s address is required", family)
	}
	addrText, lenText, hasLen := strings.Cut(rest[1:], "/")
	addr, err := netip.ParseAddr(addrText)
	if err != nil || addr.Zone() != "" || addr.Is4() == v6 {
		return fmt.Errorf("not an %s address", family)
	}
	bits := limit
	if hasLen {
		if bits, err = prefixLen(lenText, limit); err != nil {
			return err
		}
	}
	t.Value = rest[1:]
	t.Net = netip.PrefixFrom(addr, bits)
	return nil
}

// modifierName returns the length of the modifier name s starts with when
// s is a name=value modifier (RFC 7208 §6: name is ALPHA *( ALPHA / DIGIT /
// "-" / "_" / "." )), else 0.
func modifierName(s string) int {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '=' && i > 0:
			return i
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.'):
		default:
			return 0
		}
	}
	return 0
}

// parseModifier parses a name=value term whose name is n bytes long.
func parseModifier(s string, n int) (Term, error) {
	t := Term{Text: s, Modifier: true, Name: strings.ToLower(s[:n]), Value: s[n+1:], V4Len: -1, V6Len: -1}
	var err error
	switch t.Name {
	case "redirect", "exp":
		if t.Value == "" {
			return t, syntaxError(s, t.Name+" without a domain")
		}
		t.Macro, err = checkDomainSpec(t.Value)
	case "all", "include", "a", "mx", "ptr", "ip4", "ip6", "exists":
		return t, syntaxError(s, fmt.Sprintf("%s is a mechanism, written %s:…, not a modifier; receivers ignore this term", t.Name, t.Name))
	default:
		var sc macroScan
		sc, err = scanMacroString(t.Value, true)
		t.Macro = sc.macros > 0
	}
	if err != nil {
		return t, syntaxError(s, err.Error())
	}
	return t, nil
}
