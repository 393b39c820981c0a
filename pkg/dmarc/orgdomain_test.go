package dmarc

import (
	"slices"
	"testing"
)

func TestOrgDomain(t *testing.T) {
	tests := []struct{ in, want string }{
		{"example.com", "example.com"},
		{"Mail.Example.COM.", "example.com"},
		{"a.b.example.co.uk", "example.co.uk"},
		{"portal.acme.github.io", "acme.github.io"},
	}
	for _, tt := range tests {
		got, err := OrgDomain(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("OrgDomain(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"", "com", "co.uk", "a..b.com", "x." + string(make([]byte, 260))} {
		if got, err := OrgDomain(bad); err == nil {
			t.Errorf("OrgDomain(%.20q) = %q, want an error", bad, got)
		}
	}
}

func TestLookupNames(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"example.com", []string{"_dmarc.example.com"}},
		{"portal.Example.com.", []string{"_dmarc.portal.example.com", "_dmarc.example.com"}},
		{"co.uk", []string{"_dmarc.co.uk"}},
	}
	for _, tt := range tests {
		got, err := LookupNames(tt.in)
		if err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("LookupNames(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	if got, err := LookupNames(""); err == nil {
		t.Errorf("LookupNames(\"\") = %q, want an error", got)
	}
}
