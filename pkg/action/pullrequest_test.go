package action

import (
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/report/sariftest"
)

// sarifKeys validates the SARIF file a run wrote and returns its results
// as rule@uri:line, with its automation ID.
func sarifKeys(t *testing.T, file string) (keys []string, automationID string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("reading the SARIF output: %v", err)
	}
	doc := sariftest.Check(t, sariftest.Schema(t), data)
	run := doc.Runs[0]
	if run.AutomationDetails != nil {
		automationID = run.AutomationDetails.ID
	}
	for _, r := range run.Results {
		loc := r.Locations[0].PhysicalLocation
		keys = append(keys, r.RuleID+"@"+loc.ArtifactLocation.URI+":"+strconv.Itoa(loc.Region.StartLine))
	}
	slices.Sort(keys)
	return keys, automationID
}

func TestPullRequestReportsOnlyTheChange(t *testing.T) {
	tests := []struct {
		name   string
		prefix string
	}{
		{name: "project at the repository root"},
		{name: "project in a subfolder", prefix: "apps/portal"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			repo := newPRRepo(t, tt.prefix)
			const token = "ghs_" + "testtokenvalue0123456789abcdefABCDEF"
			sim := newRunner(t, repo.dir).event("pull_request", repo.prEvent(7, false))
			sim.vars["GITHUB_SHA"] = repo.head
			sim.input("github-token", token).input("category", "launchgate/api")
			if tt.prefix != "" {
				sim.input("path", tt.prefix)
			}
			res := sim.run()
			if exitOf(res.err) != 1 {
				t.Fatalf("exit %d (%v), want 1\n%s", exitOf(res.err), res.err, res.stdout)
			}
			keys, id := sarifKeys(t, res.outputs["sarif-file"])
			if want := repo.want(); !slices.Equal(keys, want) {
				t.Errorf("SARIF results %v, want exactly %v", keys, want)
			}
			if id != "launchgate/api/" {
				t.Errorf("automationDetails.id %q, want launchgate/api/", id)
			}
			checkScorecardOutput(t, res.outputs["scorecard"], map[string]string{"auth": "fail", "secrets": "fail", "email": "not run"})
			delete(res.outputs, "scorecard")
			if got, want := res.outputs, map[string]string{
				"sarif-file": sim.tempDir + "/launchgate/launchgate.sarif",
				"findings":   "2", "blocking": "2", "passed": "false",
			}; !mapsEqual(got, want) {
				t.Errorf("outputs %v, want %v", got, want)
			}
			// Most severe first: the critical secret, then the high route.
			wantErrs := []string{
				"::error col=20,file=" + repo.path("server/config.go") + ",line=3,title=secret/stripe-access-token%3A Stripe access token::Stripe access token (sk_live_…(redacted, 32 chars)).",
				"::error col=5,endLine=23,file=" + repo.path("api/openapi.yaml") + ",line=21,title=openapi/operation-without-auth%3A Operation without authentication::GET /exports has no security requirement",
			}
			errs := commandLines(res.stdout, "error")
			if len(errs) != len(wantErrs) {
				t.Fatalf("error annotations %q, want %d", errs, len(wantErrs))
			}
			for i, want := range wantErrs {
				if !strings.HasPrefix(errs[i], want) {
					t.Errorf("annotation %d is\n%s\nwant it to start with\n%s", i, errs[i], want)
				}
			}
			if !strings.Contains(res.summary, "only lines added in "+repo.base[:12]+".."+repo.head[:12]+" (pull request #7)") {
				t.Errorf("the summary does not say what was scanned:\n%s", res.summary)
			}
			link := "https://github.com/acme/portal/blob/" + repo.head + "/" + repo.path("server/config.go") + "#L3"
			if !strings.Contains(res.summary, link) {
				t.Errorf("the summary does not link %s:\n%s", link, res.summary)
			}
			if !strings.HasPrefix(res.stdout, "::add-mask::"+token+"\n") {
				t.Errorf("the token is not masked first:\n%s", res.stdout)
			}
			assertNoLeak(t, res, sim, token, repo.secret)
		})
	}
}

// assertNoLeak checks that neither the token (beyond its mask command)
// nor any piece of the planted secret appears in anything the run wrote.
func assertNoLeak(t *testing.T, res runResult, sim *runnerSim, token, secret string) {
	t.Helper()
	sarif, _ := os.ReadFile(res.outputs["sarif-file"])
	outputs, _ := os.ReadFile(sim.outputFile)
	stdout := strings.Replace(res.stdout, "::add-mask::"+token+"\n", "", 1)
	all := map[string]string{
		"stdout": stdout, "stderr": res.stderr, "summary": res.summary,
		"outputs": string(outputs), "sarif": string(sarif),
	}
	for name, text := range all {
		if token != "" && strings.Contains(text, token) {
			t.Errorf("the token appears in %s", name)
		}
		random := secret[len(secret)-24:]
		for i := 0; i+8 <= len(random); i++ {
			if strings.Contains(text, random[i:i+8]) {
				t.Errorf("a piece of the secret appears in %s", name)
				break
			}
		}
	}
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}
