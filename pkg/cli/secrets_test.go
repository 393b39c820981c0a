package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/testkit"
)

// upper is the base32 alphabet of AWS key IDs.
const upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"

func plant(t *testing.T) []testkit.Planted {
	t.Helper()
	stripe := testkit.Random(t, testkit.Alnum, 24)
	aws := testkit.Random(t, upper, 16)
	gh := testkit.Random(t, testkit.Alnum, 36)
	pw := testkit.Random(t, testkit.Alnum, 20)
	return []testkit.Planted{
		{Kind: "stripe", Value: "sk_" + "live_" + stripe, Random: stripe},
		{Kind: "aws", Value: "AKIA" + aws, Random: aws},
		{Kind: "github", Value: "ghp_" + gh, Random: gh},
		{Kind: "postgres", Value: "postgres://app:" + pw + "@db.internal.example.com:5432/portal", Random: pw},
	}
}

// leaks reports which planted values, or 8-character pieces of their
// random parts, appear in out.
func leaks(secrets []testkit.Planted, out string) []string {
	return testkit.Leaks(out, secrets)
}

func TestSecretsAreRedactedInEveryFormat(t *testing.T) {
	secrets := plant(t)
	byKind := map[string]string{}
	for _, s := range secrets {
		byKind[s.Kind] = s.Value
	}
	dir := writeTree(t, map[string]string{
		"server/config.go":   "package server\n\nconst stripeKey = \"" + byKind["stripe"] + "\"\n",
		"deploy/aws.env":     "AWS_ACCESS_KEY_ID=" + byKind["aws"] + "\n",
		"scripts/ci.sh":      "#!/bin/sh\nexport GITHUB_TOKEN=" + byKind["github"] + "\n",
		"server/db.py":       "DATABASE_URL = \"" + byKind["postgres"] + "\"\n",
		"dist/assets/app.js": strings.Repeat("var a=1;", 50000) + "const k=\"" + byKind["stripe"] + "\";",
		"dist/assets/app.js.map": `{"version":3,"file":"app.js","sources":["webpack:///./src/keys.ts"],"sourcesContent":["export const gh = \"` +
			byKind["github"] + `\";\n"],"mappings":"AAAA"}`,
	})
	var outputs []string
	for _, format := range []string{"text", "json", "sarif", "markdown"} {
		r := run(t, dir, "scan", "--artifacts", "dist", "--format", format, "--verbose")
		if r.code != ExitBlocking {
			t.Fatalf("%s: exit %d, want 1\n%s%s", format, r.code, r.stdout, r.stderr)
		}
		outputs = append(outputs, r.stdout, r.stderr)
		if got := leaks(secrets, r.stdout+r.stderr); len(got) > 0 {
			t.Errorf("%s output shows %v", format, got)
		}
	}
	// The test means something only if the secrets were found.
	json := run(t, dir, "scan", "--artifacts", "dist", "--format", "json")
	keys := ruleKeys(t, json.stdout)
	for _, want := range []string{"server/config.go:3", "deploy/aws.env:1", "scripts/ci.sh:2", "server/db.py:1", "dist/assets/app.js:1", "dist/assets/app.js.map!src/keys.ts:1"} {
		found := false
		for _, k := range keys {
			if strings.HasPrefix(k, "secret/") && strings.HasSuffix(k, "@"+want) {
				found = true
			}
		}
		if !found {
			t.Errorf("no secret finding at %s in %v", want, keys)
		}
	}
	if !contains(keys, "debug/source-map-published@dist/assets/app.js.map:1") {
		t.Errorf("the published source map is not reported: %v", keys)
	}
	// Written to a file, the report must not leak either.
	out := filepath.Join(dir, "report.sarif")
	run(t, dir, "scan", "--artifacts", "dist", "--format", "sarif", "--output", out)
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if got := leaks(secrets, string(data)); len(got) > 0 {
		t.Errorf("SARIF file shows %v", got)
	}
}

func TestSecretsDiffReportsOnlyNewSecrets(t *testing.T) {
	secrets := plant(t)
	old, added := secrets[0].Value, secrets[2].Value // on main already; added by the PR
	repo := t.TempDir()
	testkit.InitRepo(t, repo)
	writeFile := func(name, content string) {
		p := filepath.Join(repo, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	writeFile("app/settings.py", "import os\n\nSTRIPE_KEY = \""+old+"\"\nDEBUG = False\n")
	testkit.Commit(t, repo, "base")
	// The PR moves the old key to another file (not new) and adds a token.
	writeFile("app/settings.py", "import os\n\nDEBUG = False\n")
	writeFile("app/billing.py", "# billing\nSTRIPE_KEY = \""+old+"\"\n")
	writeFile("scripts/deploy.sh", "#!/bin/sh\nset -e\nexport GITHUB_TOKEN="+added+"\n")
	testkit.Commit(t, repo, "head")

	full := run(t, repo, "scan", "--format", "json")
	if n := countPrefix(ruleKeys(t, full.stdout), "secret/"); n < 2 {
		t.Fatalf("the whole tree holds both secrets, found %d:\n%s", n, full.stdout)
	}
	r := run(t, repo, "scan", "--diff", "HEAD~1..HEAD", "--format", "json")
	if r.code != ExitBlocking {
		t.Fatalf("exit %d, want 1\n%s%s", r.code, r.stdout, r.stderr)
	}
	keys := ruleKeys(t, r.stdout)
	var secretKeys []string
	for _, k := range keys {
		if strings.HasPrefix(k, "secret/") {
			secretKeys = append(secretKeys, k)
		}
	}
	if len(secretKeys) != 1 || !strings.HasSuffix(secretKeys[0], "@scripts/deploy.sh:3") {
		t.Errorf("want only the new token at scripts/deploy.sh:3, got %v", secretKeys)
	}
	if got := leaks(secrets, r.stdout+r.stderr); len(got) > 0 {
		t.Errorf("output shows %v", got)
	}
}

func countPrefix(list []string, prefix string) int {
	n := 0
	for _, s := range list {
		if strings.HasPrefix(s, prefix) {
			n++
		}
	}
	return n
}
