package mtasts

import (
	"fmt"
	"strings"
)

// Record is a parsed _mta-sts.DOMAIN TXT record (RFC 8461 §3.1).
type Record struct {
	// ID identifies the current policy; senders refetch it when it changes.
	ID string
	// Extensions holds other fields, in order.
	Extensions []Field
}

// ParseRecord parses an MTA-STS TXT record: "v=STSv1" first (exact), then
// id (1 to 32 letters and digits, required) and any extension fields.
func ParseRecord(txt string) (*Record, error) {
	const what = "MTA-STS record"
	fields, err := splitRecord(what, "v=STSv1", txt)
	if err != nil {
		return nil, err
	}
	rec := &Record{}
	for _, f := range fields {
		if f.Name == "id" {
			if !validID(f.Value) {
				return nil, &ParseError{What: what, Field: "id", Reason: fmt.Sprintf("%q is not 1 to 32 letters and digits", truncate(f.Value))}
			}
			rec.ID = f.Value
			continue
		}
		if !validExtValue(f.Value) {
			return nil, &ParseError{What: what, Field: f.Name, Reason: "value must be visible characters other than ; and ="}
		}
		rec.Extensions = append(rec.Extensions, f)
	}
	if rec.ID == "" {
		return nil, &ParseError{What: what, Field: "id", Reason: "missing; add id= with a new value each time the policy changes"}
	}
	return rec, nil
}

// SelectRecord picks the MTA-STS record among the TXT strings at
// _mta-sts.DOMAIN: those starting with "v=STSv1". It returns "" when there
// is none, and an error when there are several, since senders then act as
// if there were no policy (RFC 8461 §3.1).
func SelectRecord(txts []string) (string, error) {
	var found []string
	for i, t := range txts {
		if i == maxFields {
			break
		}
		if s := strings.TrimLeft(t, " \t"); s == "v=STSv1" || strings.HasPrefix(s, "v=STSv1;") || strings.HasPrefix(s, "v=STSv1 ") {
			found = append(found, t)
		}
	}
	switch len(found) {
	case 0:
		return "", nil
	case 1:
		return found[0], nil
	}
	return "", &ParseError{What: "MTA-STS record", Field: "v", Reason: fmt.Sprintf("%d TXT records start with v=STSv1, so senders ignore them all; keep one", len(found))}
}

// validID reports whether s is 1*32(ALPHA / DIGIT).
func validID(s string) bool {
	if s == "" || len(s) > 32 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}
