package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/finding"
	"github.com/launchgate/launchgate/pkg/report/sariftest"
)

// A live finding without a file of its own is a code-scanning alert on
// the configuration line it is anchored to, naming its URL; one without
// an anchor keeps its URL as the location.
func TestSARIFAnchoredLiveFinding(t *testing.T) {
	r := &Result{Catalog: testCatalog(t), Threshold: finding.High, Findings: []finding.Finding{
		{RuleID: "openapi/operation-without-auth", Severity: finding.High, Message: "GET /.env serves an environment file",
			URL: "https://portal.example/.env", AnchorFile: "deploy/.launchgate.yml", AnchorLine: 7, Fingerprint: "a"},
		{RuleID: "openapi/operation-without-auth", Severity: finding.High, Message: "no anchor",
			URL: "https://portal.example/x", Fingerprint: "b"},
	}}
	var buf bytes.Buffer
	if err := (SARIFReporter{}).Write(&buf, r); err != nil {
		t.Fatal(err)
	}
	doc := sariftest.Check(t, sariftest.Schema(t), buf.Bytes())
	res := doc.Runs[0].Results
	loc := res[0].Locations[0].PhysicalLocation
	if loc.ArtifactLocation.URI != "deploy/.launchgate.yml" || loc.ArtifactLocation.URIBaseID != "%SRCROOT%" || loc.Region.StartLine != 7 {
		t.Errorf("anchored finding at %+v, want deploy/.launchgate.yml:7 under %%SRCROOT%%", loc)
	}
	if !strings.Contains(res[0].Message.Text, "https://portal.example/.env") {
		t.Errorf("message %q does not name the URL", res[0].Message.Text)
	}
	if res[0].Properties["url"] != "https://portal.example/.env" || res[0].Properties["launchgate/anchored"] != true {
		t.Errorf("properties %v, want the url and the anchored mark", res[0].Properties)
	}
	if got := res[1].Locations[0].PhysicalLocation.ArtifactLocation.URI; got != "https://portal.example/x" {
		t.Errorf("unanchored live finding at %q, want its URL", got)
	}
}
