package probeabuse

import (
	"net/http"
	"testing"
)

func TestEdgeExpected(t *testing.T) {
	for host, want := range map[string]bool{
		"api.example.com": true, "203.0.113.7": true, "2001:db8::1": true,
		"localhost": false, "app.localhost": false, "127.0.0.1": false, "::1": false,
		"10.1.2.3": false, "192.168.0.4": false, "172.16.9.9": false, "169.254.1.1": false, "fd00::5": false, "": false,
	} {
		if got := edgeExpected(host); got != want {
			t.Errorf("edgeExpected(%q) = %v, want %v", host, got, want)
		}
	}
}

func TestEdgeVendor(t *testing.T) {
	for _, tc := range []struct {
		k, v, want string
	}{
		{"CF-Ray", "8a1b-AMS", "Cloudflare"},
		{"Server", "cloudflare", "Cloudflare"},
		{"X-Served-By", "cache-ams21", "Fastly"},
		{"X-Amz-Cf-Id", "abc", "CloudFront"},
		{"Via", "1.1 abc.cloudfront.net (CloudFront)", "CloudFront"},
		{"X-Vercel-Id", "fra1::x", "Vercel"},
		{"X-Nf-Request-Id", "01H", "Netlify"},
		{"Akamai-Grn", "0.1", "Akamai"},
		{"X-Sucuri-Id", "1", "Sucuri"},
		{"X-Azure-Ref", "0x", "Azure Front Door"},
		{"Server", "nginx", ""},
		{"X-Served-By", "web-1", ""},
	} {
		h := http.Header{}
		h.Set(tc.k, tc.v)
		if got := edgeVendor(h); got != tc.want {
			t.Errorf("%s: %s = %q, want %q", tc.k, tc.v, got, tc.want)
		}
	}
}

func TestEdgeIntegration(t *testing.T) {
	if reps := reportsOf(probeScenario(t, scenario{}), ruleEdge); len(reps) != 0 {
		t.Errorf("a loopback target: %d edge findings", len(reps))
	}
	if reps := reportsOf(probeScenario(t, scenario{Host: "api.example.com"}), ruleEdge); len(reps) != 1 {
		t.Errorf("a public host without edge headers: %d findings, want 1", len(reps))
	}
	if reps := reportsOf(probeScenario(t, scenario{Host: "api.example.com", Headers: map[string]string{"X-Amz-Cf-Id": "abc"}}), ruleEdge); len(reps) != 0 {
		t.Errorf("a public host behind CloudFront: %d findings", len(reps))
	}
}
