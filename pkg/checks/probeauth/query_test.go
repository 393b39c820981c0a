package probeauth

import (
	"net/http"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/config"
)

const reportSpec = `openapi: 3.0.3
info: {title: t, version: "1"}
components:
  securitySchemes:
    bearer: {type: http, scheme: bearer}
security: [{bearer: []}]
paths:
  /api/reports:
    get:
      parameters:
        - {name: report_id, in: query, required: true, schema: {type: string}}
      responses: {"200": {description: ok}, "401": {description: no}}
`

// An object addressed by a required query parameter is probed across
// tenants like one in the path: the vulnerable server hands alice's
// report to bob, the hardened one does not.
func TestObjectInQuery(t *testing.T) {
	tokens := map[string]string{"Bearer tok-alice-1234": "acme", "Bearer tok-bob-5678": "globex"}
	owners := map[string]string{"rep_a1": "acme", "rep_b1": "globex"}
	serve := func(checkOwner bool) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			tenant, ok := tokens[r.Header.Get("Authorization")]
			id := r.URL.Query().Get("report_id")
			switch {
			case r.URL.Path != "/api/reports":
				http.NotFound(w, r)
			case !ok:
				http.Error(w, `{"error":"unauthorized"}`, http.StatusUnauthorized)
			case owners[id] == "" || checkOwner && owners[id] != tenant:
				http.Error(w, `{"error":"not found"}`, http.StatusNotFound)
			default:
				w.Header().Set("Content-Type", "application/json")
				w.Write([]byte(`{"id":"` + id + `","tenant":"` + owners[id] + `","total":1200}`))
			}
		}
	}
	for _, tc := range []struct {
		name       string
		checkOwner bool
		want       bool
	}{{"vulnerable", false, true}, {"hardened", true, false}} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := config.Default()
			cfg.Probe.Objects = map[string]map[string]string{"acme": {"report_id": "rep_a1"}, "globex": {"report_id": "rep_b1"}}
			ids := []config.Identity{
				{Name: "alice", Tenant: "acme", Headers: map[string]string{"Authorization": "Bearer tok-alice-1234"}},
				{Name: "bob", Tenant: "globex", Headers: map[string]string{"Authorization": "Bearer tok-bob-5678"}},
			}
			got := probeServed(t, reportSpec, serve(tc.checkOwner), cfg, ids)
			fired := false
			for _, r := range got {
				if r.Rule == ruleCross {
					fired = true
					if strings.Contains(r.URL, "?") {
						t.Errorf("the finding's URL carries the query: %s", r.URL)
					}
				}
			}
			if fired != tc.want {
				t.Errorf("%s fired: %v, want %v (%+v)", ruleCross, fired, tc.want, got)
			}
		})
	}
}
