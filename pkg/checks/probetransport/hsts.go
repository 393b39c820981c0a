package probetransport

import (
	"strconv"
	"strings"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/finding"
)

// minHSTSAge is the max-age (one year) below which HSTS is too short.
const minHSTSAge = 31536000

// hstsMaxAge is the max-age directive of a Strict-Transport-Security
// value, and whether there is a well-formed one.
func hstsMaxAge(v string) (int64, bool) {
	for _, d := range strings.Split(v, ";") {
		name, val, ok := strings.Cut(strings.TrimSpace(d), "=")
		if !ok || !strings.EqualFold(strings.TrimSpace(name), "max-age") {
			continue
		}
		val = strings.Trim(strings.TrimSpace(val), `"`)
		n, err := strconv.ParseInt(val, 10, 64)
		if err != nil || n < 0 {
			return 0, false
		}
		return n, true
	}
	return 0, false
}

// judgeHSTS reports the first HTTPS response without HSTS (medium) or,
// when all have it, the first with a max-age under a year (low).
func (r *run) judgeHSTS(responses []seen) {
	for _, s := range responses {
		if s.resp.TLS != nil {
			r.ev.hstsSeen(s.resp.Header.Get("Strict-Transport-Security"))
		}
	}
	var short *check.Report
	for _, s := range responses {
		if s.resp.TLS == nil {
			continue
		}
		v := s.resp.Header.Get("Strict-Transport-Security")
		age, ok := hstsMaxAge(v)
		if v == "" || !ok {
			r.emit(check.Report{Rule: ruleHSTS, URL: s.url(), Key: ruleHSTS,
				Message: "the HTTPS response of " + s.url() + " has no valid Strict-Transport-Security header"})
			return
		}
		if age < minHSTSAge && short == nil {
			short = &check.Report{Rule: ruleHSTS, URL: s.url(), Key: ruleHSTS, Capped: true, MaxSeverity: finding.Low,
				Message: "the Strict-Transport-Security max-age of " + s.url() + " is " + strconv.FormatInt(age, 10) +
					" seconds, under a year (31536000): low, as browsers keep HTTPS for a while"}
		}
	}
	if short != nil {
		r.emit(*short)
	}
}
