package mtasts

import (
	"strings"
	"testing"
)

func TestParseTLSRPT(t *testing.T) {
	rec, err := ParseTLSRPT("v=TLSRPTv1; rua=mailto:tls@example.com, https://reports.example.net/tlsrpt; ext=1")
	if err != nil {
		t.Fatalf("ParseTLSRPT: %v", err)
	}
	want := []ReportURI{
		{URI: "mailto:tls@example.com", Scheme: "mailto", Target: "tls@example.com"},
		{URI: "https://reports.example.net/tlsrpt", Scheme: "https", Target: "reports.example.net"},
	}
	if len(rec.RUA) != 2 || rec.RUA[0] != want[0] || rec.RUA[1] != want[1] {
		t.Errorf("rua = %+v, want %+v", rec.RUA, want)
	}
	if len(rec.Extensions) != 1 || rec.Extensions[0] != (Field{"ext", "1"}) {
		t.Errorf("extensions = %v", rec.Extensions)
	}
}

func TestParseTLSRPTErrors(t *testing.T) {
	tests := []struct{ in, field string }{
		{"", "v"},
		{"v=TLSRPTv2; rua=mailto:a@example.com", "v"},
		{"rua=mailto:a@example.com; v=TLSRPTv1", "v"},
		{"v=TLSRPTv1", "rua"},
		{"v=TLSRPTv1; rua=", "rua"},
		{"v=TLSRPTv1; rua=http://example.com/r", "rua"},
		{"v=TLSRPTv1; rua=mailto:nobody", "rua"},
		{"v=TLSRPTv1; rua=https:///path", "rua"},
		{"v=TLSRPTv1; rua=mailto:a@example.com,", "rua"},
		{"v=TLSRPTv1; rua=mailto:a@example.com; rua=mailto:b@example.com", "rua"},
		{"v=TLSRPTv1; rua=" + strings.Repeat("mailto:a@example.com,", maxRUA) + "mailto:a@example.com", "rua"},
	}
	for _, tt := range tests {
		rec, err := ParseTLSRPT(tt.in)
		if err == nil {
			t.Errorf("ParseTLSRPT(%.60q) = %+v, want an error", tt.in, rec)
			continue
		}
		wantField(t, tt.in, err, tt.field)
	}
}
