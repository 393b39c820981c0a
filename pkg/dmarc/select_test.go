package dmarc

import "testing"

func TestSelectRecords(t *testing.T) {
	rec, ps := SelectRecords([]string{"v=spf1 -all", "google-site-verification=x", "v=DMARC1; p=reject"})
	if rec != "v=DMARC1; p=reject" || ps != nil {
		t.Errorf("one record: got %q, %v", rec, ps)
	}
	rec, ps = SelectRecords([]string{"v=spf1 -all", "v=DMARC1x; p=reject"})
	if rec != "" || ps != nil {
		t.Errorf("no record: got %q, %v", rec, ps)
	}
	rec, ps = SelectRecords([]string{"v=DMARC1; p=reject", "V=dmarc1; p=none"})
	if rec != "" || len(ps) != 1 || ps[0].Rule != RuleInvalid || ps[0].Severity != SeverityHigh {
		t.Errorf("two records: got %q, %v", rec, ps)
	}
}
