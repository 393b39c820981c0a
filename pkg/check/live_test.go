package check

import (
	"net/url"
	"testing"

	"github.com/launchgate/launchgate/pkg/spec"
)

func TestSpecPrefix(t *testing.T) {
	doc := func(servers ...string) *spec.Document {
		d := &spec.Document{}
		for _, s := range servers {
			d.Servers = append(d.Servers, spec.Server{URL: s})
		}
		return d
	}
	base := func(s string) *url.URL { u, _ := url.Parse(s); return u }
	tests := []struct {
		base string
		doc  *spec.Document
		want string
	}{
		{"https://staging.example.com", doc("https://api.example.com/v1/"), "/v1"},
		{"https://staging.example.com/", doc("/api"), "/api"},
		{"https://staging.example.com/v2", doc("https://api.example.com/v1"), ""},
		{"https://staging.example.com", doc("https://{region}.example.com/v1"), ""},
		{"https://staging.example.com", doc(), ""},
		{"https://staging.example.com", doc("https://api.example.com"), ""},
	}
	for _, tt := range tests {
		l := &Live{Base: base(tt.base)}
		if got := l.SpecPrefix(tt.doc); got != tt.want {
			t.Errorf("base %s, servers %v: SpecPrefix = %q, want %q", tt.base, tt.doc.Servers, got, tt.want)
		}
	}
}
