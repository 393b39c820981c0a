package dnsrun

import (
	"slices"
	"testing"

	"github.com/launchgate/launchgate/pkg/checks"
)

// BenchmarkDNSCheck is a full `launchgate dns` run of each test domain
// against the loopback server: a fresh client, cache and query budget per
// iteration, so each op pays every query a user's run pays (the rule
// catalog is loaded once, outside the loop). It reports
// the queries each run sends and fails if the findings drift from
// testdata/dns/expected.txt.
func BenchmarkDNSCheck(b *testing.B) {
	f := startFixture(b)
	want := expected(b)
	reg, err := checks.Load()
	if err != nil {
		b.Fatal(err)
	}
	r := &Runner{Catalog: reg.Catalog, Checks: reg.DNS, Redactor: reg.Redactor}
	for _, domain := range []string{"acme.example", "acme-fixed.example"} {
		b.Run(domain, func(b *testing.B) {
			b.ReportAllocs()
			start := f.dns.Total()
			for b.Loop() {
				res := f.runWith(b, r, domain)
				if got := found(res); !slices.Equal(got, want[domain]) {
					b.Fatalf("%s: findings\n%v\nwant\n%v", domain, got, want[domain])
				}
			}
			b.ReportMetric(float64(f.dns.Total()-start)/float64(b.N), "queries/op")
		})
	}
}
