package live

import (
	"errors"
	"fmt"
	"strings"
)

// checkMethod returns the method to send (upper case; "" is GET) or the reason
// it is not sent. Any method but GET, HEAD and OPTIONS is a write: sent only
// with AllowWrites and credentials a correct server must refuse. CONNECT
// would ask the origin to open a tunnel elsewhere and is never sent.
func checkMethod(m string, allowWrites, refusable bool) (string, error) {
	if m == "" {
		m = "GET"
	}
	m = strings.ToUpper(m)
	if !isToken(m) {
		return "", errors.New("the method is not an HTTP token")
	}
	switch {
	case isRead(m):
		return m, nil
	case m == "CONNECT":
		return m, fmt.Errorf("%w: CONNECT is never sent", ErrWriteRefused)
	case !allowWrites:
		return m, fmt.Errorf("%w: %s needs --allow-writes", ErrWriteRefused, m)
	case !refusable:
		return m, fmt.Errorf("%w: %s is sent only with credentials a correct server refuses", ErrWriteRefused, m)
	}
	return m, nil
}

// isToken reports whether s is a non-empty RFC 9110 token of letters and
// the few punctuation characters methods use.
func isToken(s string) bool {
	if s == "" || len(s) > 32 {
		return false
	}
	for _, r := range s {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.') {
			return false
		}
	}
	return true
}

// isRead reports whether m is always sent: it changes nothing on a correct
// server.
func isRead(m string) bool { return m == "GET" || m == "HEAD" || m == "OPTIONS" }
