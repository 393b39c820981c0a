package scan

import (
	"path/filepath"
	"testing"

	"github.com/launchgate/launchgate/pkg/config"
	"github.com/launchgate/launchgate/pkg/finding"
)

func TestAnchorToConfig(t *testing.T) {
	root := t.TempDir()
	cfg, err := config.Parse(filepath.Join(root, ".launchgate.yml"), []byte(
		"version: 1\nprobe:\n  login: \"POST /api/login\"\n  health: \"GET /health\"\ndns:\n  domain: example.com\n"))
	if err != nil {
		t.Fatal(err)
	}
	fs := []finding.Finding{
		{RuleID: "ratelimit/login-not-throttled", URL: "https://portal.example/api/login"},
		{RuleID: "probe/exposed-file", URL: "https://portal.example/.env"},
		{RuleID: "probe/cross-tenant-access", File: "openapi.yaml", Line: 40, URL: "https://portal.example/api/invoices/1"},
	}
	AnchorToConfig(fs, cfg, root, "probe", "")
	for i, want := range []struct {
		file string
		line int
	}{{".launchgate.yml", 3}, {".launchgate.yml", 3}, {"", 0}} {
		if fs[i].AnchorFile != want.file || fs[i].AnchorLine != want.line {
			t.Errorf("%s anchored at %s:%d, want %s:%d", fs[i].RuleID, fs[i].AnchorFile, fs[i].AnchorLine, want.file, want.line)
		}
	}
	if fs[2].File != "openapi.yaml" || fs[0].File != "" {
		t.Error("anchoring changed a finding's own file")
	}

	dns := []finding.Finding{{RuleID: "dns/spf-missing", URL: "dns://example.com/TXT"}}
	AnchorToConfig(dns, cfg, root, "dns", "")
	if dns[0].AnchorLine != 6 {
		t.Errorf("dns finding anchored at line %d, want 6 (dns.domain)", dns[0].AnchorLine)
	}

	// A configuration outside the checkout, or none, anchors nothing but
	// to the fallback (the spec the probe replayed), at its first line.
	outside := []finding.Finding{{RuleID: "probe/exposed-file", URL: "https://portal.example/.env"}}
	AnchorToConfig(outside, cfg, filepath.Join(root, "sub"), "probe", "")
	AnchorToConfig(outside, config.Default(), root, "probe", "")
	if outside[0].AnchorFile != "" {
		t.Errorf("anchored to %s outside the checkout", outside[0].AnchorFile)
	}
	AnchorToConfig(outside, config.Default(), root, "probe", "api/openapi.yaml")
	if outside[0].AnchorFile != "api/openapi.yaml" || outside[0].AnchorLine != 1 {
		t.Errorf("anchored at %s:%d, want the spec's first line", outside[0].AnchorFile, outside[0].AnchorLine)
	}
}
