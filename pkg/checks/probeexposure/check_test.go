package probeexposure

import (
	"fmt"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/finding"
)

// TestSites probes each loopback site and checks which URLs each rule
// fired on, and at what severity floor.
func TestSites(t *testing.T) {
	cases := []struct {
		site string
		// want lists "rule path severity" of every report, in order;
		// severity is the report's MinSeverity ("-" for the rule's own).
		want []string
	}{
		{"spa", nil},
		{"catchall-text", nil},
		{"quiet", nil},
		{"exposed", []string{
			ruleFile + " /.env critical",
			ruleFile + " /.git/config critical",
			ruleFile + " /static/app.js.map critical",
		}},
		{"secret-in-js", []string{ruleFile + " /static/app.js critical"}},
		{"exposed-header-map", []string{ruleFile + " /static/bundle.map critical"}},
		{"traceback", []string{ruleStack + " /api/items/launchgate-probe-0 -"}},
		{"panic", []string{ruleStack + " /api/items/launchgate-probe-0 -"}},
		{"spring", []string{ruleStack + " /api/items/launchgate-probe-0 -"}},
		{"quiet-error", nil},
		{"admin", []string{ruleAdmin + " /admin -", ruleAdmin + " /robots.txt -", ruleAdmin + " /sitemap.xml -"}},
		{"quiet-admin", nil},
	}
	for _, c := range cases {
		t.Run(c.site, func(t *testing.T) {
			reps, sent := probeSite(t, c.site)
			var got []string
			for _, r := range reps {
				got = append(got, describe(r))
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
			if sent > maxRequests {
				t.Errorf("%d requests sent, over the bound of %d", sent, maxRequests)
			}
		})
	}
}

// describe is "rule path severity" of r.
func describe(r check.Report) string {
	path := r.URL[strings.Index(r.URL[len("http://"):], "/")+len("http://"):]
	sev := "-"
	if r.MinSeverity != finding.Severity(0) {
		sev = strings.ToLower(r.MinSeverity.String())
	}
	return fmt.Sprintf("%s %s %s", r.Rule, path, sev)
}

// TestSecretKindNotValue checks that a planted secret is named by its
// kind and its value appears in no field of any report.
func TestSecretKindNotValue(t *testing.T) {
	token := plantedToken()
	reps, _ := probeSite(t, "exposed")
	named := 0
	for _, r := range reps {
		if strings.Contains(fmt.Sprintf("%#v", r), token) || strings.Contains(fmt.Sprintf("%#v", r), token[4:20]) {
			t.Errorf("a %s report carries the planted value", r.Rule)
		}
		if strings.Contains(r.Message, "GitHub") {
			named++
		}
	}
	if named < 2 {
		t.Errorf("%d reports name the secret's kind, want the .env and the source map", named)
	}
}

// TestBounded probes a host that answers every path with a Go panic,
// with a spec of many object routes: the pass stays within its bound and
// reports the trace once.
func TestBounded(t *testing.T) {
	var spec strings.Builder
	spec.WriteString("openapi: 3.0.3\ninfo: {title: many, version: \"1\"}\npaths:\n")
	for i := range 30 {
		fmt.Fprintf(&spec, "  /api/c%d/{id}:\n    get:\n      parameters: [{name: id, in: path, required: true, schema: {type: string}}]\n      responses: {\"200\": {description: ok}}\n", i)
		fmt.Fprintf(&spec, "  /api/admin/r%d:\n    get:\n      responses: {\"200\": {description: ok}}\n", i)
	}
	reps, sent := probeSiteSpec(t, "panic-everywhere", spec.String())
	if sent > maxRequests {
		t.Errorf("%d requests sent, over the bound of %d", sent, maxRequests)
	}
	stacks := 0
	for _, r := range reps {
		if r.Rule == ruleStack {
			stacks++
		}
		if r.Rule == ruleFile || r.Rule == ruleAdmin {
			t.Errorf("an error page everywhere gave %s", describe(r))
		}
	}
	if stacks != 1 {
		t.Errorf("%d stack-trace reports, want 1", stacks)
	}
}

// GraphQL introspection over POST: asked with --allow-writes only, once
// per endpoint, without credentials, and not again for an endpoint that
// answered it as a GET.
func TestGraphQLPost(t *testing.T) {
	reps, _ := probeSiteWith(t, "graphql-post", itemsSpec, true)
	var msgs []string
	for _, r := range reps {
		if r.Rule == ruleFile {
			msgs = append(msgs, r.Message)
		}
	}
	if len(msgs) != 1 || !strings.HasPrefix(msgs[0], "POST /graphql answers GraphQL introspection") {
		t.Errorf("exposed-file findings %q, want one for POST /graphql", msgs)
	}
	if reps, _ := probeSiteWith(t, "graphql-post", itemsSpec, false); len(reps) != 0 {
		t.Errorf("without --allow-writes: %+v", reps)
	}
	// The GET already showed the schema: one finding, and no POST.
	reps, _ = probeSiteWith(t, "graphql", itemsSpec, true)
	n := 0
	for _, r := range reps {
		if r.Rule == ruleFile {
			n++
			if strings.HasPrefix(r.Message, "POST ") {
				t.Errorf("asked again by POST: %s", r.Message)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d exposed-file findings on the GET-answering endpoint, want 1", n)
	}
}
