package dnscheck

import "testing"

// A domain that neither sends nor receives mail — v=spf1 -all, a Null
// MX, DMARC p=reject without reports — is correct: nothing is reported,
// no DKIM selector is looked up, and no MTA-STS or TLS-RPT is asked for.
func TestParkedDomainIsQuiet(t *testing.T) {
	out := runScenario(t, scenario{Zone: `@ TXT "v=spf1 -all"
@ MX 0 .
_dmarc TXT "v=DMARC1; p=reject"
@ CAA 0 issue ";"
`})
	if len(out.reports) != 0 {
		t.Errorf("a parked domain got findings:%s", describe(out.reports))
	}
	for _, name := range []string{"google._domainkey.example.com.", "default._domainkey.example.com.", "_mta-sts.example.com.", "_smtp._tls.example.com."} {
		for q, n := range out.server.Queries() {
			if q.Name == name && n > 0 {
				t.Errorf("%s was asked for a parked domain", name)
			}
		}
	}
	// The same domain with mail exchangers receives mail: MTA-STS and
	// TLS-RPT are then expected, and DMARC without rua is reported.
	out = runScenario(t, scenario{Zone: `@ TXT "v=spf1 -all"
@ MX 10 mx.example.com.
mx A 192.0.2.10
_dmarc TXT "v=DMARC1; p=reject"
@ CAA 0 issue ";"
`})
	if out.server.Count("_mta-sts.example.com.", 16, "udp") == 0 {
		t.Error("the receiving domain's _mta-sts TXT was not asked: the names above are not what the server counts")
	}
	got := map[string]bool{}
	for _, r := range out.reports {
		got[r.Rule] = true
	}
	for _, want := range []string{ruleMTASTS, ruleTLSRPT, ruleDMARCNoReports} {
		if !got[want] {
			t.Errorf("a receiving domain lacks %s:%s", want, describe(out.reports))
		}
	}
}
