package cli

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/launchgate/launchgate/pkg/testkit"
)

// --diff narrows the production-config checks as it does the others: a
// pull request that adds a wildcard CORS setup with credentials and a
// password written into compose is blamed for those, not for the
// insecure session cookie already on main.
func TestProdConfigDiff(t *testing.T) {
	dir := t.TempDir()
	testkit.InitRepo(t, dir)
	testkit.WriteFiles(t, dir, map[string]string{
		"src/session.js": `const session = require("express-session");
app.use(session({
  secret: process.env.SESSION_SECRET,
  cookie: { secure: false, httpOnly: true },
}));
`,
		"docker-compose.yml": `services:
  api:
    image: portal/api
    environment:
      NODE_ENV: production
`,
	})
	base := testkit.Commit(t, dir, "portal")
	testkit.WriteFiles(t, dir, map[string]string{
		"src/cors.js": `const cors = require("cors");
app.use(cors({
  origin: true,
  credentials: true,
}));
`,
		"docker-compose.yml": `services:
  api:
    image: portal/api
    environment:
      NODE_ENV: production
      DATABASE_PASSWORD: "Qm7vR2xLp9TzWc4N"
`,
	})
	head := testkit.Commit(t, dir, "cors and db")

	all := scanRules(t, dir, "scan", ".", "--format", "json", "--fail-on", "never")
	for _, want := range []string{"transport/session-cookie-not-secure@src/session.js", "cors/wildcard-with-credentials@src/cors.js", "env/literal-secret-in-manifest@docker-compose.yml"} {
		if !slices.Contains(all, want) {
			t.Errorf("whole scan lacks %s: %v", want, all)
		}
	}
	diff := scanRules(t, dir, "scan", ".", "--diff", base+".."+head, "--format", "json", "--fail-on", "never")
	if slices.Contains(diff, "transport/session-cookie-not-secure@src/session.js") {
		t.Errorf("--diff reports the cookie setting already on main: %v", diff)
	}
	for _, want := range []string{"cors/wildcard-with-credentials@src/cors.js", "env/literal-secret-in-manifest@docker-compose.yml"} {
		if !slices.Contains(diff, want) {
			t.Errorf("--diff lacks %s: %v", want, diff)
		}
	}
}

// scanRules runs the CLI and returns its findings as "rule@file".
func scanRules(t *testing.T, dir string, args ...string) []string {
	t.Helper()
	res := run(t, dir, args...)
	if res.code != ExitOK {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	var rep struct {
		Findings []struct {
			RuleID string `json:"rule_id"`
			File   string `json:"file"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(res.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range rep.Findings {
		out = append(out, f.RuleID+"@"+f.File)
	}
	return out
}
