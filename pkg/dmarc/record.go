package dmarc

import (
	"fmt"
	"strconv"
	"strings"
)

// Policy values of the p, sp and np tags.
const (
	PolicyNone       = "none"
	PolicyQuarantine = "quarantine"
	PolicyReject     = "reject"
)

// Record is a parsed DMARC record. Optional tags that were absent hold
// their RFC defaults; the *Set fields say whether they were published.
type Record struct {
	// Policy is p, lowercased. When PolicyDefaulted is true, p was missing
	// or invalid and Policy is "none" because a valid rua was present
	// (RFC 7489 §6.6.3).
	Policy          string
	PolicyDefaulted bool
	// SubdomainPolicy is sp; "" when absent (subdomains then inherit p).
	SubdomainPolicy string
	// NonexistentPolicy is np (RFC 9091); "" when absent (inherits sp, then p).
	NonexistentPolicy string
	// Percent is pct, 0–100; 100 when absent.
	Percent    int
	PercentSet bool
	// Testing is t=y (DMARCbis): receivers are asked not to enforce.
	Testing bool
	// Aggregate and Failure are the rua and ruf destinations.
	Aggregate []ReportURI
	Failure   []ReportURI
	// DKIMAlignment and SPFAlignment are adkim and aspf: "r" (default) or "s".
	DKIMAlignment string
	SPFAlignment  string
	// FailureOptions is fo split on ':' ("0" when absent).
	FailureOptions []string
	// ReportFormats is rf split on ':' ("afrf" when absent).
	ReportFormats []string
	// ReportInterval is ri in seconds (86400 when absent).
	ReportInterval uint32
	// Unknown holds tags this package does not interpret, in order.
	Unknown []Tag
}

// Parse parses a DMARC TXT record. The v tag must come first with the
// value DMARC1 (compared case-insensitively), tags may not repeat, and an
// invalid value of a known tag is an error naming the tag. The one
// tolerated defect is RFC 7489's: no valid p but a valid rua is read as
// p=none, with PolicyDefaulted set so Judge reports it.
func Parse(record string) (*Record, error) {
	tags, err := splitTags(record)
	if err != nil {
		return nil, fmt.Errorf("parse DMARC record: %w", err)
	}
	if len(tags) == 0 || tags[0].Name != "v" {
		return nil, &ParseError{Tag: "v", Reason: "the record must start with v=DMARC1"}
	}
	if !strings.EqualFold(tags[0].Value, "DMARC1") {
		return nil, &ParseError{Tag: "v", Reason: fmt.Sprintf("version %q is not DMARC1", truncate(tags[0].Value))}
	}
	rec := &Record{
		Percent:        100,
		DKIMAlignment:  "r",
		SPFAlignment:   "r",
		FailureOptions: []string{"0"},
		ReportFormats:  []string{"afrf"},
		ReportInterval: 86400,
	}
	var policyErr error
	for _, t := range tags[1:] {
		if err := rec.apply(t); err != nil {
			if t.Name == "p" {
				policyErr = err
				continue
			}
			return nil, err
		}
	}
	if rec.Policy == "" {
		if len(rec.Aggregate) == 0 {
			if policyErr != nil {
				return nil, policyErr
			}
			return nil, &ParseError{Tag: "p", Reason: "missing; set p=none, quarantine or reject"}
		}
		rec.Policy, rec.PolicyDefaulted = PolicyNone, true
	}
	return rec, nil
}

// apply records one tag after tags[0] into rec.
func (rec *Record) apply(t Tag) error {
	v := t.Value
	var err error
	switch t.Name {
	case "v":
		return &ParseError{Tag: "v", Reason: "must be the first tag"}
	case "p":
		rec.Policy, err = parsePolicy(t.Name, v)
	case "sp":
		rec.SubdomainPolicy, err = parsePolicy(t.Name, v)
	case "np":
		rec.NonexistentPolicy, err = parsePolicy(t.Name, v)
	case "pct":
		rec.Percent, err = parsePercent(v)
		rec.PercentSet = true
	case "t":
		rec.Testing, err = parseYesNo(t.Name, v)
	case "rua":
		rec.Aggregate, err = parseURIs(t.Name, v)
	case "ruf":
		rec.Failure, err = parseURIs(t.Name, v)
	case "adkim":
		rec.DKIMAlignment, err = parseAlignment(t.Name, v)
	case "aspf":
		rec.SPFAlignment, err = parseAlignment(t.Name, v)
	case "fo":
		rec.FailureOptions, err = parseList(t.Name, v, []string{"0", "1", "d", "s"})
	case "rf":
		rec.ReportFormats, err = parseList(t.Name, v, nil)
	case "ri":
		rec.ReportInterval, err = parseInterval(v)
	default:
		rec.Unknown = append(rec.Unknown, t)
	}
	return err
}

// parsePolicy parses a p, sp or np value.
func parsePolicy(tag, v string) (string, error) {
	switch lv := strings.ToLower(v); lv {
	case PolicyNone, PolicyQuarantine, PolicyReject:
		return lv, nil
	}
	return "", &ParseError{Tag: tag, Reason: fmt.Sprintf("%q is not none, quarantine or reject", truncate(v))}
}

// parsePercent parses pct: an integer from 0 to 100.
func parsePercent(v string) (int, error) {
	if !allDigits(v) || len(v) > 3 {
		return 0, &ParseError{Tag: "pct", Reason: fmt.Sprintf("%q is not an integer from 0 to 100", truncate(v))}
	}
	n, _ := strconv.Atoi(v)
	if n > 100 {
		return 0, &ParseError{Tag: "pct", Reason: fmt.Sprintf("%d is more than 100", n)}
	}
	return n, nil
}

// parseYesNo parses a y|n flag.
func parseYesNo(tag, v string) (bool, error) {
	switch strings.ToLower(v) {
	case "y":
		return true, nil
	case "n":
		return false, nil
	}
	return false, &ParseError{Tag: tag, Reason: fmt.Sprintf("%q is not y or n", truncate(v))}
}

// parseAlignment parses adkim or aspf: r (relaxed) or s (strict).
func parseAlignment(tag, v string) (string, error) {
	switch lv := strings.ToLower(v); lv {
	case "r", "s":
		return lv, nil
	}
	return "", &ParseError{Tag: tag, Reason: fmt.Sprintf("%q is not r or s", truncate(v))}
}

// parseList parses a colon-separated list; when allowed is non-nil every
// item must be one of it.
func parseList(tag, v string, allowed []string) ([]string, error) {
	var out []string
	for item := range strings.SplitSeq(v, ":") {
		item = strings.ToLower(strings.Trim(item, " \t\r\n"))
		ok := item != ""
		if ok && allowed != nil {
			ok = false
			for _, a := range allowed {
				ok = ok || item == a
			}
		}
		if !ok {
			return nil, &ParseError{Tag: tag, Reason: fmt.Sprintf("%q is not a valid option", truncate(item))}
		}
		out = append(out, item)
	}
	return out, nil
}

// parseInterval parses ri: seconds as a 32-bit unsigned integer.
func parseInterval(v string) (uint32, error) {
	n, err := strconv.ParseUint(v, 10, 32)
	if err != nil || !allDigits(v) {
		return 0, &ParseError{Tag: "ri", Reason: fmt.Sprintf("%q is not a number of seconds", truncate(v))}
	}
	return uint32(n), nil
}
