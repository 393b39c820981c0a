package dmarc

import (
	"strings"
)

// maxTXTs bounds how many TXT strings SelectRecords examines.
const maxTXTs = 64

// SelectRecords picks the DMARC record among the TXT strings at a _dmarc
// name: those starting with v=DMARC1 (RFC 7489 §6.6.3). It returns the one
// record, or "" when there is none. More than one is dns/dmarc-invalid
// (high): receivers then apply no DMARC at all.
func SelectRecords(txts []string) (string, []Problem) {
	var found []string
	for i, t := range txts {
		if i == maxTXTs {
			break
		}
		if isDMARC(t) {
			found = append(found, t)
		}
	}
	switch len(found) {
	case 0:
		return "", nil
	case 1:
		return found[0], nil
	}
	return "", []Problem{{
		Rule: RuleInvalid, Severity: SeverityHigh, Tag: "v",
		Message: "More than one TXT record starts with v=DMARC1, so receivers ignore them all; keep exactly one.",
	}}
}

// isDMARC reports whether txt starts with the v=DMARC1 tag: "v", optional
// spaces, "=", optional spaces, "DMARC1" in any case, then the end, a
// space or a semicolon.
func isDMARC(txt string) bool {
	s := strings.TrimLeft(txt, " \t")
	if len(s) == 0 || (s[0] != 'v' && s[0] != 'V') {
		return false
	}
	s = strings.TrimLeft(s[1:], " \t")
	if !strings.HasPrefix(s, "=") {
		return false
	}
	s = strings.TrimLeft(s[1:], " \t")
	if len(s) < 6 || !strings.EqualFold(s[:6], "DMARC1") {
		return false
	}
	s = s[6:]
	return s == "" || s[0] == ';' || s[0] == ' ' || s[0] == '\t'
}
