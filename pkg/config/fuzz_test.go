package config

import (
	"errors"
	"os"
	"strings"
	"testing"
)

func FuzzParse(f *testing.F) {
	full, err := os.ReadFile("testdata/full.launchgate.yml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(full)
	f.Add([]byte(""))
	f.Add([]byte("version: 1\npublic_routes:\n  - {method: GET, path: /h, reason: r}\n"))
	f.Add([]byte("ignores:\n  - rule: openapi/*\n    path: '**'\n    reason: r\n    expires: 2026-01-31\n"))
	f.Add([]byte("a: &a [x]\nb: [*a, *a]\n"))
	f.Add([]byte("probe:\n  identities: [{name: a, headers: &h {A: b}}, {name: b, headers: *h}]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := Parse("f.yml", data)
		if err != nil {
			var ce *Error
			if !errors.As(err, &ce) {
				t.Fatalf("error %v is not a *config.Error", err)
			}
			if msg := err.Error(); !strings.HasPrefix(msg, "f.yml") || strings.Contains(msg, "\n") {
				t.Fatalf("error %q is not one line naming the file", msg)
			}
			return
		}
		if cfg.Version != Version {
			t.Fatalf("accepted version %d", cfg.Version)
		}
		for _, r := range cfg.PublicRoutes {
			if r.Reason == "" || !strings.HasPrefix(r.Path, "/") {
				t.Fatalf("accepted route %+v", r)
			}
			cfg.PublicRoute(r.Method, r.Path)
		}
		for _, ig := range cfg.Ignores {
			if ig.Expires.IsZero() || ig.Reason == "" {
				t.Fatalf("accepted ignore %+v", ig)
			}
		}
		_ = cfg.Validate(func(string) bool { return true })
	})
}

func FuzzMatchRoute(f *testing.F) {
	f.Add("/a/**/{x}/*", "/a/b/c/{id}/d")
	f.Add("/**/**/**", "/")
	f.Fuzz(func(t *testing.T, pattern, path string) {
		if MatchRoute("GET", pattern, "GET", path) != MatchRoute("*", pattern, "get", path) {
			t.Fatal("method * and GET disagree on the path")
		}
		MatchPath(pattern, path)
	})
}
