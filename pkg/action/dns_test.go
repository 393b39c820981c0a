package action

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/dnstest"
)

// dnsZones serves the zones of testdata/dns on 127.0.0.1.
func dnsZones(t *testing.T) *dnstest.Server {
	t.Helper()
	files, err := dnstest.ZoneFiles(filepath.Join("..", "..", "testdata", "dns"))
	if err != nil {
		t.Fatal(err)
	}
	return dnstest.Start(t, files...)
}

// command: dns checks the domain input against the resolver input: the
// vulnerable domain fails the step with its findings in SARIF (valid
// against the schema), as annotations and on the summary's email row;
// its hardened twin passes.
func TestDNSFromTheAction(t *testing.T) {
	srv := dnsZones(t)
	for _, tc := range []struct {
		domain string
		exit   int
	}{{"acme.example", 1}, {"acme-fixed.example", 0}} {
		t.Run(tc.domain, func(t *testing.T) {
			sim := newRunner(t, t.TempDir()).event("workflow_dispatch", map[string]any{})
			sim.input("command", "dns").input("domain", tc.domain).input("resolver", srv.Addr).input("category", "launchgate/dns")
			res := sim.run()
			if got := exitOf(res.err); got != tc.exit {
				t.Fatalf("exit %d (%v), want %d\n%s", got, res.err, tc.exit, res.stdout)
			}
			keys, automation := sarifKeys(t, res.outputs["sarif-file"])
			if !strings.HasPrefix(automation, "launchgate/dns/") {
				t.Errorf("SARIF automation id %q does not carry the category", automation)
			}
			if !strings.Contains(res.summary, "Checked: the DNS of "+tc.domain) || !strings.Contains(res.summary, "Email trust") {
				t.Errorf("the summary does not say what was checked:\n%s", res.summary)
			}
			if tc.exit == 0 {
				if res.outputs["blocking"] != "0" {
					t.Errorf("blocking %q on the hardened twin", res.outputs["blocking"])
				}
				return
			}
			for _, rule := range []string{"dns/spf-permissive-all", "dns/spf-too-many-lookups", "dns/dmarc-policy-none"} {
				want := rule + "@dns://"
				found := false
				for _, k := range keys {
					found = found || strings.HasPrefix(k, want)
				}
				if !found {
					t.Errorf("SARIF lacks %s: %v", rule, keys)
				}
				if !strings.Contains(strings.Join(commandLines(res.stdout, "error"), "\n"), "title="+rule) {
					t.Errorf("no error annotation for %s", rule)
				}
			}
			if res.outputs["blocking"] != "3" {
				t.Errorf("blocking %q, want 3", res.outputs["blocking"])
			}
		})
	}
}
