package dkim

import (
	"fmt"
	"slices"
	"strings"
)

// maxSelectorsJudged bounds the selectors Judge looks at.
const maxSelectorsJudged = 256

// Judge judges the keys found for a domain, by selector (nil entries are
// ignored). Rules:
//
//   - dns/dkim-weak-key: an RSA key under 1024 bits is critical (it can be
//     factored and mail forged with a passing signature); under 2048 bits
//     is medium (below current guidance, RFC 8301). A key whose h tag
//     allows only sha1 is medium too: RFC 8301 forbids sha1 signatures.
//   - dns/dkim-testing, low: t=y asks verifiers to treat failures as
//     unsigned mail.
//   - dns/dkim-revoked, medium: every key found is revoked (empty p). A
//     revoked selector beside a live one is ordinary key rotation and stays
//     quiet. When nothing else is live the domain's mail cannot pass DKIM,
//     so DMARC rests on SPF alone, which breaks on forwarding; that is
//     medium, not high, because aligned SPF can still carry DMARC and a
//     domain that stopped sending may revoke on purpose.
//
// Problems come in selector order.
func Judge(keys map[string]*Key) []Problem {
	selectors := make([]string, 0, len(keys))
	for s, k := range keys {
		if k != nil {
			selectors = append(selectors, s)
		}
	}
	slices.Sort(selectors)
	if len(selectors) > maxSelectorsJudged {
		selectors = selectors[:maxSelectorsJudged]
	}
	var out []Problem
	var revoked []string
	for _, sel := range selectors {
		k := keys[sel]
		if k.Revoked {
			revoked = append(revoked, sel)
			continue
		}
		out = append(out, judgeKey(sel, k)...)
	}
	if len(revoked) > 0 && len(revoked) == len(selectors) {
		names := truncate(strings.Join(revoked, ", "))
		out = append(out, Problem{
			Rule: RuleRevoked, Severity: SeverityMedium, Selector: truncate(revoked[0]), Tag: "p",
			Message: fmt.Sprintf("Every DKIM key found (%s) is revoked, so no mail can pass DKIM; publish the current key of your mail service.", names),
		})
	}
	return out
}

// judgeKey judges one live key.
func judgeKey(sel string, k *Key) []Problem {
	name := truncate(sel)
	var out []Problem
	if k.Type == KeyTypeRSA {
		switch {
		case k.Bits < 1024:
			out = append(out, Problem{
				Rule: RuleWeakKey, Severity: SeverityCritical, Selector: name, Tag: "p",
				Message: fmt.Sprintf("The DKIM key of selector %s is RSA-%d, short enough to factor and forge signatures; rotate to a 2048-bit key.", name, k.Bits),
			})
		case k.Bits < 2048:
			out = append(out, Problem{
				Rule: RuleWeakKey, Severity: SeverityMedium, Selector: name, Tag: "p",
				Message: fmt.Sprintf("The DKIM key of selector %s is RSA-%d, below the 2048 bits now expected; rotate to a 2048-bit key.", name, k.Bits),
			})
		}
	}
	if len(k.HashAlgorithms) > 0 && !slices.Contains(k.HashAlgorithms, "sha256") {
		out = append(out, Problem{
			Rule: RuleWeakKey, Severity: SeverityMedium, Selector: name, Tag: "h",
			Message: fmt.Sprintf("The DKIM key of selector %s does not allow sha256 (h=%s); remove h or set h=sha256.", name, truncate(strings.Join(k.HashAlgorithms, ":"))),
		})
	}
	if k.Testing {
		out = append(out, Problem{
			Rule: RuleTesting, Severity: SeverityLow, Selector: name, Tag: "t",
			Message: fmt.Sprintf("The DKIM key of selector %s is in testing mode (t=y), so verifiers may ignore failures; remove y from t once signing works.", name),
		})
	}
	return out
}
