package dnsrun

import (
	"context"
	"crypto/tls"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/checks"
	"github.com/launchgate/launchgate/pkg/dnstest"
	"github.com/launchgate/launchgate/pkg/finding"
	"github.com/launchgate/launchgate/pkg/report"
	"github.com/launchgate/launchgate/pkg/testkit"
)

// zonesDir holds the test domains: acme.example (vulnerable),
// acme-fixed.example (its hardened twin) and the provider zones their
// SPF includes reach.
var zonesDir = filepath.Join("..", "..", "testdata", "dns")

// fixture serves the test zones on 127.0.0.1 and the MTA-STS policy of
// acme-fixed.example over HTTPS with a throwaway CA.
type fixture struct {
	dns    *dnstest.Server
	caFile string
	port   int
}

func startFixture(t testing.TB) fixture {
	t.Helper()
	zones, err := dnstest.ZoneFiles(zonesDir)
	if err != nil {
		t.Fatal(err)
	}
	srv := dnstest.Start(t, zones...)
	policy, err := os.ReadFile(filepath.Join(zonesDir, "mta-sts.txt"))
	if err != nil {
		t.Fatal(err)
	}
	ca, err := testkit.NewAuthority("mta-sts.acme-fixed.example")
	if err != nil {
		t.Fatal(err)
	}
	caFile := filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(caFile, ca.CAPEM, 0o600); err != nil {
		t.Fatal(err)
	}
	ln, err := tls.Listen("tcp", "127.0.0.1:0", ca.ServerConfig())
	if err != nil {
		t.Fatal(err)
	}
	hs := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Host != "mta-sts.acme-fixed.example" || r.URL.Path != "/.well-known/mta-sts.txt" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/plain")
		_, _ = w.Write(policy)
	})}
	go func() { _ = hs.Serve(ln) }()
	t.Cleanup(func() { _ = hs.Close() })
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	p, _ := strconv.Atoi(port)
	return fixture{dns: srv, caFile: caFile, port: p}
}

// run checks domain against the fixture.
func (f fixture) run(t testing.TB, domain string, selectors ...string) *report.Result {
	t.Helper()
	reg, err := checks.Load()
	if err != nil {
		t.Fatal(err)
	}
	return f.runWith(t, &Runner{Catalog: reg.Catalog, Checks: reg.DNS, Redactor: reg.Redactor}, domain, selectors...)
}

// runWith checks domain against the fixture with a loaded runner.
func (f fixture) runWith(t testing.TB, r *Runner, domain string, selectors ...string) *report.Result {
	t.Helper()
	res, err := r.Run(context.Background(), Options{Domain: domain, Selectors: selectors, Resolvers: []string{f.dns.Addr},
		WorkDir: t.TempDir(), Threshold: finding.High, CertFile: f.caFile, HTTPSPort: f.port})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// found lists res's findings as "SEVERITY RULE URL".
func found(res *report.Result) []string {
	var out []string
	for _, f := range res.Findings {
		out = append(out, f.Severity.String()+" "+f.RuleID+" "+f.URL)
	}
	slices.Sort(out)
	return out
}

// expected reads testdata/dns/expected.txt: per [domain], its findings
// as "SEVERITY RULE URL", sorted.
func expected(t testing.TB) map[string][]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(zonesDir, "expected.txt"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	section := ""
	for _, line := range strings.Split(string(data), "\n") {
		line, _, _ = strings.Cut(line, "#")
		line = strings.TrimSpace(line)
		switch {
		case line == "":
		case strings.HasPrefix(line, "["):
			section = strings.Trim(line, "[]")
			out[section] = []string{}
		default:
			out[section] = append(out[section], strings.Join(strings.Fields(line), " "))
		}
	}
	for k := range out {
		slices.Sort(out[k])
	}
	return out
}

// The vulnerable domain gives exactly what expected.txt lists, every
// severity; its hardened twin gives nothing, its MTA-STS policy fetched
// over verified HTTPS.
func TestTwins(t *testing.T) {
	f := startFixture(t)
	want := expected(t)
	if len(want) != 2 {
		t.Fatalf("expected.txt has %d domains, want 2", len(want))
	}
	for domain, list := range want {
		t.Run(domain, func(t *testing.T) {
			res := f.run(t, domain)
			if got := found(res); !slices.Equal(got, list) {
				t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(list, "\n"))
			}
			if len(res.Evidence) < 4 {
				t.Errorf("%d evidence blocks, want SPF, MX, DMARC and DKIM at least", len(res.Evidence))
			}
		})
	}
}

// The SPF lookup tree is in the evidence with the count at each include.
func TestSPFTreeInEvidence(t *testing.T) {
	res := startFixture(t).run(t, "acme.example")
	var tree []string
	for _, e := range res.Evidence {
		if strings.HasPrefix(e.Title, "SPF of acme.example") {
			if e.Title != "SPF of acme.example: 13 of 10 DNS lookups, 0 of 2 void lookups" {
				t.Errorf("title %q", e.Title)
			}
			tree = e.Lines
		}
	}
	joined := strings.Join(tree, "\n")
	for _, want := range []string{
		"acme.example  v=spf1 include:_spf.google.com",
		"[13 lookups]",
		"\n  include:_spf.google.com  v=spf1 include:_netblocks.google.com include:_netblocks2.google.com ~all   [2 lookups]",
		"\n    include:_netblocks.google.com  ",
		"\n  include:sendgrid.net  ",
	} {
		if !strings.Contains(joined, want) {
			t.Errorf("the SPF tree lacks %q:\n%s", want, joined)
		}
	}
}
