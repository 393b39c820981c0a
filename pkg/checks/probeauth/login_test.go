package probeauth

import (
	"net/http"
	"testing"

	"github.com/launchgate/launchgate/pkg/config"
)

const loginSpec = `openapi: 3.0.3
info: {title: t, version: "1"}
components:
  securitySchemes:
    bearer: {type: http, scheme: bearer}
security: [{bearer: []}]
paths:
  /api/items:
    get:
      responses: {"200": {description: ok}, "401": {description: no}}
`

// probeHandler runs the check on loginSpec served by h, as alice with
// token "tok-valid-1234", and returns the rules it reported.
func probeHandler(t *testing.T, h http.Handler) []string {
	t.Helper()
	ids := []config.Identity{{Name: "alice", Tenant: "acme", Headers: map[string]string{"Authorization": "Bearer tok-valid-1234"}}}
	var got []string
	for _, r := range probeServed(t, loginSpec, h, nil, ids) {
		got = append(got, r.Rule)
	}
	return got
}

// An API that sends callers without a valid token to a login page, by a
// redirect or by serving the page itself with 200, refuses them: no
// finding. The same API answering its JSON without a token is one.
func TestLoginPageIsARefusal(t *testing.T) {
	const page = "<!doctype html><title>Sign in</title><form method=post action=/login></form>"
	items := func(w http.ResponseWriter) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`[{"id":"itm_1"}]`))
	}
	valid := func(r *http.Request) bool { return r.Header.Get("Authorization") == "Bearer tok-valid-1234" }
	cases := map[string]struct {
		h    http.HandlerFunc
		want bool
	}{
		"redirect to login": {func(w http.ResponseWriter, r *http.Request) {
			switch {
			case r.URL.Path == "/login":
				w.Header().Set("Content-Type", "text/html")
				w.Write([]byte(page))
			case valid(r) && r.URL.Path == "/api/items":
				items(w)
			default:
				http.Redirect(w, r, "/login", http.StatusFound)
			}
		}, false},
		"login page served with 200": {func(w http.ResponseWriter, r *http.Request) {
			if valid(r) && r.URL.Path == "/api/items" {
				items(w)
				return
			}
			if r.URL.Path != "/api/items" {
				http.NotFound(w, r)
				return
			}
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte(page))
		}, false},
		"JSON without a token": {func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path != "/api/items" {
				http.NotFound(w, r)
				return
			}
			items(w)
		}, true},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			got := probeHandler(t, tc.h)
			fired := false
			for _, r := range got {
				fired = fired || r == ruleUnauth
			}
			if fired != tc.want {
				t.Errorf("%s fired: %v, want %v (all %v)", ruleUnauth, fired, tc.want, got)
			}
		})
	}
}
