package ghapi

import (
	"net/http"
	"testing"
	"time"

	"github.com/launchgate/launchgate/pkg/ghapi/ghapitest"
)

// testToken looks like an installation token so a leak would be obvious.
const testToken = "ghs_TESTTOKENabcdefghijklmnopqrstuvwxyz0123"

// newFake starts a fake that requires testToken and a client for it.
func newFake(t *testing.T) (*ghapitest.Server, *Client) {
	t.Helper()
	s := ghapitest.New(t)
	s.RequireToken(testToken)
	c, err := New(testToken, s.URL(), &http.Client{Timeout: 10 * time.Second})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return s, c
}

// countRequests counts the fake's requests with method.
func countRequests(s *ghapitest.Server, method string) int {
	n := 0
	for _, r := range s.Requests() {
		if r.Method == method {
			n++
		}
	}
	return n
}
