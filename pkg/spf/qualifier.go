package spf

// Qualifier is the result a mechanism gives when it matches: one of the
// characters + - ~ ? (RFC 7208 §4.6.2). The zero value means "not known",
// for a final all that could not be determined.
type Qualifier byte

// The qualifiers. Pass is the default when a mechanism is written without
// one.
const (
	Pass     Qualifier = '+'
	Fail     Qualifier = '-'
	SoftFail Qualifier = '~'
	Neutral  Qualifier = '?'
)

// String returns the qualifier character, or "unknown" for the zero value.
func (q Qualifier) String() string {
	switch q {
	case Pass, Fail, SoftFail, Neutral:
		return string(rune(q))
	}
	return "unknown"
}

// Result returns the RFC 7208 name of the result the qualifier gives:
// "pass", "fail", "softfail" or "neutral", or "unknown".
func (q Qualifier) Result() string {
	switch q {
	case Pass:
		return "pass"
	case Fail:
		return "fail"
	case SoftFail:
		return "softfail"
	case Neutral:
		return "neutral"
	}
	return "unknown"
}

// qualifierOf returns the qualifier a term starts with, if any.
func qualifierOf(c byte) (Qualifier, bool) {
	switch q := Qualifier(c); q {
	case Pass, Fail, SoftFail, Neutral:
		return q, true
	}
	return 0, false
}
