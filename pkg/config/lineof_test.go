package config

import "testing"

func TestLineOf(t *testing.T) {
	cfg, err := Parse("c.yml", []byte("version: 1\nprobe:\n  login: \"POST /api/login\"\ndns:\n  domain: example.com\n"))
	if err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]int{"probe": 3, "probe.login": 3, "dns": 5, "dns.domain": 5, "probe.health": 0} {
		if got := cfg.LineOf(path); got != want {
			t.Errorf("LineOf(%q) = %d, want %d", path, got, want)
		}
	}
	if Default().LineOf("probe") != 0 {
		t.Error("the default configuration has lines")
	}
}
