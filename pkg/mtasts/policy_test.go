package mtasts

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestParsePolicy(t *testing.T) {
	body := "version: STSv1\r\nmode: enforce\r\nmx: mx1.Example.com\r\nmx: *.mx.example.net.\r\nmax_age: 604800\r\nfuture_key: some value\r\n"
	p, err := ParsePolicy([]byte(body))
	if err != nil {
		t.Fatalf("ParsePolicy: %v", err)
	}
	if p.Version != "STSv1" || p.Mode != ModeEnforce || p.MaxAge != 604800 {
		t.Errorf("policy = %+v", p)
	}
	if !slices.Equal(p.MX, []string{"mx1.example.com", "*.mx.example.net"}) {
		t.Errorf("mx = %q", p.MX)
	}
	if len(p.Extensions) != 1 || p.Extensions[0] != (Field{"future_key", "some value"}) {
		t.Errorf("extensions = %v", p.Extensions)
	}
	lf, err := ParsePolicy([]byte("mode: none\nmax_age: 0\n\nversion: STSv1"))
	if err != nil || lf.Mode != ModeNone || lf.MaxAge != 0 || len(lf.MX) != 0 {
		t.Errorf("LF policy with mode none = %+v, %v", lf, err)
	}
	top, err := ParsePolicy(fmt.Appendf(nil, "version: STSv1\nmode: testing\nmx: a.example\nmax_age: %d\n", MaxMaxAge))
	if err != nil || top.MaxAge != MaxMaxAge {
		t.Errorf("largest max_age = %+v, %v", top, err)
	}
}

func TestParsePolicyErrors(t *testing.T) {
	const ok = "version: STSv1\nmode: enforce\nmx: mx.example.com\nmax_age: 86400\n"
	tests := []struct{ name, body, field string }{
		{"no version", "mode: enforce\nmx: a.example\nmax_age: 1", "version"},
		{"bad version", strings.Replace(ok, "STSv1", "STSv2", 1), "version"},
		{"no mode", "version: STSv1\nmx: a.example\nmax_age: 1", "mode"},
		{"bad mode", strings.Replace(ok, "enforce", "Enforce", 1), "mode"},
		{"no max_age", "version: STSv1\nmode: enforce\nmx: a.example", "max_age"},
		{"max_age too big", strings.Replace(ok, "86400", "31557601", 1), "max_age"},
		{"max_age negative", strings.Replace(ok, "86400", "-1", 1), "max_age"},
		{"max_age signed", strings.Replace(ok, "86400", "+1", 1), "max_age"},
		{"max_age text", strings.Replace(ok, "86400", "1d", 1), "max_age"},
		{"no mx in enforce", "version: STSv1\nmode: enforce\nmax_age: 1", "mx"},
		{"bad mx", strings.Replace(ok, "mx.example.com", "mx_.example.com", 1), "mx"},
		{"wildcard inside", strings.Replace(ok, "mx.example.com", "mx.*.example.com", 1), "mx"},
		{"duplicate mode", ok + "mode: testing\n", "mode"},
		{"not key value", ok + "garbage\n", "garbage"},
		{"space before colon", ok + "mode : enforce\n", "mode "},
		{"too long", ok + strings.Repeat("#", MaxPolicyLen), "body"},
		{"too many mx", ok + strings.Repeat("mx: a.example\n", maxMX), "mx"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := ParsePolicy([]byte(tt.body))
			if err == nil {
				t.Fatalf("ParsePolicy = %+v, want an error", p)
			}
			wantField(t, tt.name, err, tt.field)
		})
	}
	_, err := ParsePolicy([]byte("version: STSv1\nmode: enforce\nmx: a.example\nmax_age: x\n"))
	if err == nil || !strings.Contains(err.Error(), "line 4") {
		t.Errorf("error %v does not name line 4", err)
	}
}

func TestMatches(t *testing.T) {
	p, err := ParsePolicy([]byte("version: STSv1\nmode: enforce\nmx: mail.example.com\nmx: *.mx.example.net\nmax_age: 86400\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, host := range []string{"mail.example.com", "MAIL.example.com.", "a.mx.example.net", "mx1.MX.example.net."} {
		if !p.Matches(host) {
			t.Errorf("Matches(%q) = false, want true", host)
		}
	}
	for _, host := range []string{"", ".", "example.com", "x.mail.example.com", "mx.example.net", "a.b.mx.example.net", ".mx.example.net", "evilmx.example.net"} {
		if p.Matches(host) {
			t.Errorf("Matches(%q) = true, want false", host)
		}
	}
}
