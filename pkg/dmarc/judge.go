package dmarc

import "fmt"

// Judge judges rec as the DMARC policy published for domain itself (found
// at _dmarc.DOMAIN). Rules:
//
//   - dns/dmarc-policy-none, high: p=none, so spoofed mail is delivered.
//     Medium when p enforces but sp=none or np=none leaves subdomains or
//     nonexistent names open.
//   - dns/dmarc-partial, medium: pct below 100 with quarantine or reject,
//     or t=y (DMARCbis testing mode).
//   - dns/dmarc-no-reports, low: no rua, so the owner never learns who
//     sends as the domain. Parked, non-sending domains get it too: reports
//     are how the owner sees the name being spoofed, and low does not block
//     at the default threshold.
//   - dns/dmarc-invalid, medium: p was missing or invalid and only RFC
//     7489's rua fallback makes the record usable (read as p=none).
//
// A correct record (p=quarantine or reject, no pct below 100, no t=y, a
// rua) yields nothing.
func Judge(rec *Record, domain string) []Problem {
	return judge(rec, domain, false)
}

// JudgeInherited judges rec for domain when the record was found at the
// organizational domain's _dmarc name instead of domain's own: receivers
// then apply sp (or p when sp is absent) to domain, so sp is what is judged.
func JudgeInherited(rec *Record, domain string) []Problem {
	return judge(rec, domain, true)
}

// judge implements Judge and JudgeInherited.
func judge(rec *Record, domain string, inherited bool) []Problem {
	if rec == nil {
		return nil
	}
	name := truncate(domain)
	var out []Problem
	policy, tag := rec.Policy, "p"
	if inherited && rec.SubdomainPolicy != "" {
		policy, tag = rec.SubdomainPolicy, "sp"
	}
	if rec.PolicyDefaulted {
		out = append(out, Problem{
			Rule: RuleInvalid, Severity: SeverityMedium, Tag: "p",
			Message: fmt.Sprintf("The DMARC record of %s has no valid p tag, so receivers fall back to p=none; add p=quarantine or p=reject.", name),
		})
	}
	enforcing := policy != PolicyNone
	if !enforcing {
		out = append(out, Problem{
			Rule: RulePolicyNone, Severity: SeverityHigh, Tag: tag,
			Message: fmt.Sprintf("DMARC for %s is %s=none, so mail forged in its name is still delivered; move to %s=quarantine, then %s=reject.", name, tag, tag, tag),
		})
	}
	if enforcing && !inherited && rec.SubdomainPolicy == PolicyNone {
		out = append(out, Problem{
			Rule: RulePolicyNone, Severity: SeverityMedium, Tag: "sp",
			Message: fmt.Sprintf("DMARC for %s enforces p but sets sp=none, so forged mail from its subdomains is delivered; remove sp or set sp=quarantine or reject.", name),
		})
	}
	if enforcing && rec.NonexistentPolicy == PolicyNone {
		out = append(out, Problem{
			Rule: RulePolicyNone, Severity: SeverityMedium, Tag: "np",
			Message: fmt.Sprintf("DMARC for %s sets np=none, so forged mail from names under it that do not exist is delivered; remove np or set np=reject.", name),
		})
	}
	if enforcing && rec.Percent < 100 {
		out = append(out, Problem{
			Rule: RulePartial, Severity: SeverityMedium, Tag: "pct",
			Message: fmt.Sprintf("DMARC for %s applies %s to only %d%% of failing mail; raise pct to 100 or remove it.", name, policy, rec.Percent),
		})
	}
	if rec.Testing {
		out = append(out, Problem{
			Rule: RulePartial, Severity: SeverityMedium, Tag: "t",
			Message: fmt.Sprintf("DMARC for %s is in testing mode (t=y), so receivers are asked not to enforce it; remove t=y.", name),
		})
	}
	if len(rec.Aggregate) == 0 {
		out = append(out, Problem{
			Rule: RuleNoReports, Severity: SeverityLow, Tag: "rua",
			Message: fmt.Sprintf("DMARC for %s has no rua, so nobody sees who sends or forges mail as it; add rua=mailto: a mailbox you read.", name),
		})
	}
	return out
}
