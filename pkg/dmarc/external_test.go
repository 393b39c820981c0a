package dmarc

import (
	"slices"
	"testing"
)

func TestExternalReportDomains(t *testing.T) {
	rec, err := Parse("v=DMARC1; p=reject; rua=mailto:a@example.com, mailto:b@reports.example.com," +
		"mailto:c@dmarc.vendor.net,mailto:d@dmarc.vendor.net,mailto:e@other.vendor.net")
	if err != nil {
		t.Fatal(err)
	}
	got := ExternalReportDomains(rec, "portal.example.com")
	want := []string{"dmarc.vendor.net", "other.vendor.net"}
	if !slices.Equal(got, want) {
		t.Errorf("ExternalReportDomains = %q, want %q", got, want)
	}
	own, err := Parse("v=DMARC1; p=reject; rua=mailto:a@example.com,mailto:b@x.example.com")
	if err != nil {
		t.Fatal(err)
	}
	if got := ExternalReportDomains(own, "example.com"); len(got) != 0 {
		t.Errorf("same organization gave external domains %q", got)
	}
	if ExternalReportDomains(nil, "example.com") != nil {
		t.Error("nil record gave external domains")
	}
}

func TestAuthorizationName(t *testing.T) {
	if got, want := AuthorizationName("Example.com.", "dmarc.Vendor.net"), "example.com._report._dmarc.dmarc.vendor.net"; got != want {
		t.Errorf("AuthorizationName = %q, want %q", got, want)
	}
}

func TestAuthorizes(t *testing.T) {
	if !Authorizes([]string{"unrelated", "v=DMARC1"}) {
		t.Error("v=DMARC1 did not authorize")
	}
	if !Authorizes([]string{"v = dmarc1; "}) {
		t.Error("spaced v=DMARC1 did not authorize")
	}
	for _, txts := range [][]string{nil, {"v=spf1 -all"}, {"v=DMARC10"}, {"xv=DMARC1"}} {
		if Authorizes(txts) {
			t.Errorf("Authorizes(%q) = true", txts)
		}
	}
}
