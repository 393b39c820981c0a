package envcheck

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/check/checktest"
	"github.com/launchgate/launchgate/pkg/finding"
)

// TestReachFixtures holds the check to testdata/prodconfig/reach: weak
// and placeholder passwords of a database, cache or broker that publishes
// no port, or only on loopback, and placeholders of credentials the
// application presents to other services (SMTP_PASS, SENDGRID_API_KEY)
// are low, saying why; the application's own secrets, stores published
// on every interface and stores the file does not run keep the rule's
// severity; a key file's password (TLS_KEYSTORE_PASSWORD) is medium. A
// finding is capped exactly on the lines marked "# low" or "# medium", at
// the marked severity.
func TestReachFixtures(t *testing.T) {
	root := filepath.Join("..", "..", "..", "testdata", "prodconfig", "reach")
	tree := checktest.Tree(t, root)
	target := &check.Target{Root: tree.Root(), Tree: tree}
	checktest.Compare(t, checktest.Findings(t, New(), target), fixtureWants(t, tree))
	checktest.CapMarks(t, root, checktest.Reports(t, New(), target), "cannot be reached from outside", "presents to another service", "unlocks a key file")
}

// TestLocalExample holds env/committed-env-file on example files with a
// generated-looking key: low, saying why, when the example's own content
// says it is for local development; medium (the rule's cap for examples)
// when it is for production or says nothing.
func TestLocalExample(t *testing.T) {
	const key = "APP_KEY=base64:Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5d2FsZG8=\n"
	tests := []struct {
		name, content string
		low           bool
	}{
		{"app env local", "APP_NAME=portal\nAPP_ENV=local\n" + key, true},
		{"node env development", "NODE_ENV=development\nSESSION_SECRET=9f8e7d6c5b4a39281706f5e4d3c2b1a0ffeeddcc\n", true},
		{"rails env development", "RAILS_ENV=development\nSECRET_KEY_BASE=9f8e7d6c5b4a39281706f5e4d3c2b1a0ffeeddcc9f8e7d6c\n", true},
		{"debug on localhost", "APP_DEBUG=true\nAPP_URL=http://localhost:8000\n" + key, true},
		{"app env production", "APP_ENV=production\nAPP_DEBUG=false\n" + key, false},
		{"production beside a local mode", "APP_ENV=local\nNODE_ENV=production\n" + key, false},
		{"debug on a public host", "APP_DEBUG=true\nAPP_URL=https://portal.example.org\n" + key, false},
		{"nothing said", key, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := committedOne(t, ".env.example", tc.content)
			switch {
			case !r.Capped:
				t.Errorf("an example file is not capped: %s", r.Message)
			case tc.low && r.MaxSeverity != finding.Low:
				t.Errorf("capped at %v, want low: %s", r.MaxSeverity, r.Message)
			case tc.low && !strings.Contains(r.Message, "local development"):
				t.Errorf("does not say why it is low: %s", r.Message)
			case !tc.low && r.MaxSeverity != finding.Medium:
				t.Errorf("capped at %v, want medium: %s", r.MaxSeverity, r.Message)
			}
		})
	}
}

// TestLocalRun holds env/committed-env-file on env files that are not
// examples: medium, saying why, when every store the file names is on
// this machine and no secret it holds looks generated; the rule's
// severity when a store is elsewhere, a secret looks generated or the
// file names no store at all.
func TestLocalRun(t *testing.T) {
	const generated = "9f8e7d6c5b4a39281706f5e4d3c2b1a0ffeeddcc"
	tests := []struct {
		name, content string
		medium        bool
	}{
		{"database host on loopback", "DB_HOST=127.0.0.1\nDB_PASSWORD=portalsecretpassword\nJWT_SECRET=portal\n", true},
		{"database URL on localhost", "DATABASE_URL=postgres://app:portal@localhost:5432/app\nSESSION_SECRET=keyboard-cat\n", true},
		{"local stores, a public API", "REDIS_URL=redis://localhost:6379\nDB_HOST=localhost\nDB_PASSWORD=portal\nAPI_GATEWAY_URL=https://api.acme-portal.io\n", true},
		{"generated secret beside a local database", "DB_HOST=localhost\nDB_PASSWORD=portal\nSESSION_SECRET=" + generated + "\n", false},
		{"generated database password", "DATABASE_URL=postgres://app@localhost:5432/app\nDB_PASSWORD=" + generated + "\n", false},
		{"database on a public host", "DB_HOST=db.acme-portal.io\nDB_PASSWORD=portalsecretpassword\n", false},
		{"one store local, one elsewhere", "DB_HOST=localhost\nREDIS_URL=redis://cache.acme-portal.io:6379\nDB_PASSWORD=portal\n", false},
		{"no store named", "JWT_SECRET=portal\nSMTP_HOST=127.0.0.1\n", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := committedOne(t, "services/api/.env", tc.content)
			switch {
			case tc.medium && (!r.Capped || r.MaxSeverity != finding.Medium):
				t.Errorf("capped %v at %v, want medium: %s", r.Capped, r.MaxSeverity, r.Message)
			case tc.medium && !strings.Contains(r.Message, "developer's machine"):
				t.Errorf("does not say why it is medium: %s", r.Message)
			case !tc.medium && r.Capped:
				t.Errorf("capped at %v, want the rule's severity: %s", r.MaxSeverity, r.Message)
			}
		})
	}
}

// committedOne is the one env/committed-env-file report of a tree holding
// content at name.
func committedOne(t *testing.T, name, content string) check.Report {
	t.Helper()
	var got []check.Report
	for _, r := range runScenario(t, parseScenario(t, "-- "+name+" --\n"+content)) {
		if r.Rule == ruleCommitted {
			got = append(got, r)
		}
	}
	if len(got) != 1 {
		t.Fatalf("got %d committed-env-file reports, want 1: %v", len(got), got)
	}
	return got[0]
}
