package live

import (
	"fmt"
	"net/http"
)

// checkHeader refuses a header the transport would refuse on the wire, before
// anything is counted or sent. The error names the field, never its value.
func checkHeader(h http.Header) error {
	for k, vs := range h {
		if !isFieldName(k) {
			return fmt.Errorf("header field name %q is not an HTTP token", k)
		}
		for _, v := range vs {
			if !isFieldValue(v) {
				return fmt.Errorf("header %s has a control character in its value", k)
			}
		}
	}
	return nil
}

// isFieldName reports whether k is an RFC 9110 token.
func isFieldName(k string) bool {
	if k == "" {
		return false
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case c < 0x21 || c > 0x7e:
			return false
		default:
			switch c {
			case '"', '(', ')', ',', '/', ':', ';', '<', '=', '>', '?', '@', '[', '\\', ']', '{', '}':
				return false
			}
		}
	}
	return true
}

// isFieldValue reports whether v has no control character but tab.
func isFieldValue(v string) bool {
	for i := 0; i < len(v); i++ {
		if c := v[i]; c < 0x20 && c != '\t' || c == 0x7f {
			return false
		}
	}
	return true
}
