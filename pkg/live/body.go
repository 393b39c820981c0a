package live

import "io"

// readBounded reads r up to max bytes. truncated says more was there; the
// rest is left unread, so closing the body closes the connection.
func readBounded(r io.Reader, max int64) (body []byte, truncated bool, err error) {
	body, err = io.ReadAll(io.LimitReader(r, max+1))
	if int64(len(body)) > max {
		return body[:max:max], true, nil
	}
	return body, false, err
}
