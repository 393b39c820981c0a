package calibrate

// normalize blanks the parts of a body that change from one response to
// the next while the page stays the same: runs of digits (timestamps,
// counters, lengths), hex runs of four or more holding a digit (request
// IDs, UUID groups, hashes) and long base64-like runs mixing letters and
// digits (nonces, CSRF tokens). Each becomes a single '#'.
func normalize(body []byte) []byte {
	out := make([]byte, 0, len(body))
	for i := 0; i < len(body); {
		if n := volatileRun(body[i:]); n > 0 {
			out = append(out, '#')
			i += n
			continue
		}
		out = append(out, body[i])
		i++
	}
	return out
}

// volatileRun is the length of the volatile run b starts with, 0 when it
// starts with none.
func volatileRun(b []byte) int {
	if len(b) == 0 || !isTokenByte(b[0]) {
		return 0
	}
	if n := tokenRun(b); n >= 16 && mixed(b[:n]) {
		return n
	}
	if n := hexRun(b); n >= 4 && hasDigit(b[:n]) {
		return n
	}
	n := 0
	for n < len(b) && isDigit(b[n]) {
		n++
	}
	return n
}

// tokenRun is the length of the base64url-or-standard run b starts with.
func tokenRun(b []byte) int {
	n := 0
	for n < len(b) && isTokenByte(b[n]) {
		n++
	}
	return n
}

func hexRun(b []byte) int {
	n := 0
	for n < len(b) && isHex(b[n]) {
		n++
	}
	return n
}

// mixed reports whether b holds both a letter and a digit: a word of
// text does not, a nonce almost always does.
func mixed(b []byte) bool {
	letter, digit := false, false
	for _, c := range b {
		letter = letter || isLetter(c)
		digit = digit || isDigit(c)
	}
	return letter && digit
}

func hasDigit(b []byte) bool {
	for _, c := range b {
		if isDigit(c) {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isHex(c byte) bool    { return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }
func isTokenByte(c byte) bool {
	return isDigit(c) || isLetter(c) || c == '-' || c == '_' || c == '+' || c == '/'
}
