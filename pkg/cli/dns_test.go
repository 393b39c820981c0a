package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/dnstest"
	"github.com/launchgate/launchgate/pkg/report/sariftest"
)

// dnsServer serves the zones of testdata/dns on 127.0.0.1.
func dnsServer(t *testing.T) *dnstest.Server {
	t.Helper()
	files, err := dnstest.ZoneFiles(filepath.Join("..", "..", "testdata", "dns"))
	if err != nil {
		t.Fatal(err)
	}
	return dnstest.Start(t, files...)
}

// launchgate dns DOMAIN --resolver ADDR: exit 1 on the vulnerable domain
// with the SPF tree in the text report, the evidence in JSON and SARIF
// that passes the schema; exit 0 on its hardened twin.
func TestDNSCommand(t *testing.T) {
	srv := dnsServer(t)
	dir := t.TempDir()
	res := run(t, dir, "dns", "acme.example", "--resolver", srv.Addr)
	if res.code != ExitBlocking {
		t.Fatalf("exit %d, want %d: %s", res.code, ExitBlocking, res.stderr)
	}
	for _, want := range []string{
		"SPF of acme.example: 13 of 10 DNS lookups",
		"    include:_spf.google.com  v=spf1",
		"DMARC of acme.example\n  found at _dmarc.acme.example",
		"dns/spf-too-many-lookups",
		"3 blocking: FAILED at --fail-on high",
	} {
		if !strings.Contains(res.stdout, want) {
			t.Errorf("text report lacks %q:\n%s", want, res.stdout)
		}
	}
	js := run(t, dir, "dns", "acme.example", "--resolver", srv.Addr, "--format", "json")
	var rep struct {
		Findings []struct {
			RuleID string `json:"rule_id"`
			URL    string `json:"url"`
		}
		Evidence []struct{ Title string }
	}
	if err := json.Unmarshal([]byte(js.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Findings) != 11 || len(rep.Evidence) < 4 || !strings.HasPrefix(rep.Findings[0].URL, "dns://") {
		t.Errorf("JSON: %d findings, %d evidence blocks, first URL %q", len(rep.Findings), len(rep.Evidence), rep.Findings[0].URL)
	}
	sarif := run(t, dir, "dns", "acme.example", "--resolver", srv.Addr, "--format", "sarif")
	doc := sariftest.Check(t, sariftest.Schema(t), []byte(sarif.stdout))
	if n := len(doc.Runs[0].Results); n != 11 {
		t.Errorf("SARIF holds %d results, want 11", n)
	}
	if fixed := run(t, dir, "dns", "acme-fixed.example", "--resolver", srv.Addr, "--fail-on", "medium"); fixed.code != ExitOK {
		t.Errorf("hardened twin at --fail-on medium: exit %d\n%s", fixed.code, fixed.stdout)
	}
}

// Bad input is exit 2 with one line naming what is wrong.
func TestDNSBadInput(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"no domain", []string{"dns"}, "dns needs a DOMAIN to check"},
		{"two domains", []string{"dns", "a.example", "b.example"}, "dns takes one DOMAIN, got 2"},
		{"not a domain", []string{"dns", "localhost"}, `DOMAIN: "localhost" is not a domain name`},
		{"bad selector", []string{"dns", "acme.example", "--dkim-selector", "s1/x"}, `--dkim-selector: selector "s1/x"`},
		{"bad resolver", []string{"dns", "acme.example", "--resolver", "no port here:"}, "--resolver:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := run(t, dir, tc.args...)
			if res.code != ExitError || !strings.Contains(res.stderr, tc.want) || strings.Count(strings.TrimSpace(res.stderr), "\n") > 0 {
				t.Errorf("exit %d, stderr %q, want exit 2 with one line containing %q", res.code, res.stderr, tc.want)
			}
		})
	}
}
