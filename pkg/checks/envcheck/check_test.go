package envcheck

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/check/checktest"
)

// TestScenarios runs the check over small checkouts and compares its
// reports, as "rule@file:line", with what each case expects.
func TestScenarios(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  []string
	}{
		{
			name: "committed env file in a plain walk and in git",
			input: `-- .env --
SESSION_SECRET=Jq3v9XkP0sLw7Rz2Nc5Ht8Bm1Fy4Dg6Ae0Ui
`,
			want: []string{"env/committed-env-file@.env:1"},
		},
		{
			name: "committed report sits on the first real value",
			input: `-- deploy/api.env --
PORT=8080
DB_PASSWORD=${DB_PASSWORD}
API_TOKEN=tok_9f8e7d6c5b4a39281706
`,
			want: []string{"env/committed-env-file@deploy/api.env:3"},
		},
		{
			name: "connection string with a password to a remote host",
			input: `-- .env.local --
DATABASE_URL=postgres://portal:Xk29fLq81mVz@db.portal-prod.net/portal
`,
			want: []string{"env/committed-env-file@.env.local:1"},
		},
		{
			name: "files that are not env files",
			input: `-- .envrc --
export SESSION_SECRET=Jq3v9XkP0sLw7Rz2Nc5Ht8Bm1Fy4Dg6Ae0Ui
-- .env.vault --
DOTENV_VAULT_PRODUCTION="Jq3v9XkP0sLw7Rz2Nc5Ht8Bm1Fy4Dg6Ae0Ui"
-- .env.production.want --
1 env/weak-secret
-- testdata/.env --
SESSION_SECRET=Jq3v9XkP0sLw7Rz2Nc5Ht8Bm1Fy4Dg6Ae0Ui
`,
		},
		{
			name: "sops-encrypted production file",
			input: `-- .env.production --
SESSION_SECRET=ENC[AES256_GCM,data:Tr7o=,iv:1=,tag:k=,type:str]
`,
		},
		{
			name: "example of the production file comes first",
			input: `-- .env.example --
A=
-- .env.production.example --
B=
-- .env.production --
A=${A}
`,
			want: []string{"env/missing-required-key@.env.production.example:1"},
		},
		{
			name: "config requires a key at its line",
			input: `-- (config) --
version: 1
env:
  required:
    - DATABASE_URL
    - "SESSION_SECRET"
-- .env.production --
DATABASE_URL=${DATABASE_URL}
`,
			want: []string{"env/missing-required-key@.launchgate.yml:5"},
		},
		{
			name: "a key the example and the config both require is reported once",
			input: `-- (config) --
env: {required: [SESSION_SECRET]}
-- .env.example --
SESSION_SECRET=
-- .env.production --
PORT=8080
`,
			want: []string{"env/missing-required-key@.env.example:1"},
		},
		{
			name: "kubernetes manifest lacking a required key",
			input: `-- (config) --
env: {required: [SESSION_SECRET, DATABASE_URL]}
-- k8s/api.yaml --
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  template:
    spec:
      containers:
        - name: api
          image: portal/api:1.4.2
          env:
            - name: DATABASE_URL
              valueFrom: {secretKeyRef: {name: api, key: database-url}}
`,
			want: []string{"env/missing-required-key@.launchgate.yml:1"},
		},
		{
			name: "kubernetes manifest importing its variables",
			input: `-- (config) --
env: {required: [SESSION_SECRET]}
-- k8s/api.yaml --
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  template:
    spec:
      containers:
        - name: api
          image: portal/api:1.4.2
          envFrom: [{secretRef: {name: api}}]
          env:
            - name: PORT
              value: "8080"
`,
		},
		{
			name: "dockerfile says nothing about missing keys",
			input: `-- (config) --
env: {required: [SESSION_SECRET]}
-- Dockerfile --
FROM node:22-alpine
ENV NODE_ENV=production
`,
		},
		{
			name: "weak and local values in a compose file",
			input: `-- docker-compose.prod.yml --
services:
  api:
    image: portal/api:1.4.2
    environment:
      SESSION_SECRET: portal-2024
      API_PUBLIC_URL: http://localhost:8080
`,
			want: []string{"env/weak-secret@docker-compose.prod.yml:5", "env/local-url@docker-compose.prod.yml:6"},
		},
		{
			name: "listen addresses and proxies",
			input: `-- .env.production --
HOST=0.0.0.0
BIND_ADDRESS=127.0.0.1:8080
LISTEN=localhost:3000
HTTP_PROXY=http://proxy.corp.example.com:3128
`,
		},
		{
			name: "host keys without a scheme",
			input: `-- .env.production --
DB_HOST=localhost
REDIS_ADDR=127.0.0.1:6379
CDN_DOMAIN=cdn.example.com
`,
			want: []string{"env/local-url@.env.production:1", "env/local-url@.env.production:2"},
		},
		{
			name: "parse problems in every env file but test files",
			input: `-- .env.example --
A="open
-- .env.test --
B="open
`,
			want: []string{"env/unreadable-env-file@.env.example:1"},
		},
		{
			name:  "binary junk named like an env file",
			input: "-- .env --\nA=1\n\x00\x01\x02\x03\xff\n",
		},
		{
			name: "process environment without the runner's variables",
			input: `-- (process) --
GITHUB_TOKEN=changeme
RUNNER_TEMP=/tmp
HTTPS_PROXY=http://localhost:3128
SESSION_SECRET=changeme
SESSION_SECRET=Jq3v9XkP0sLw7Rz2Nc5Ht8Bm1Fy4Dg6Ae0Ui
APP_ENV=staging
`,
			want: []string{"env/dev-mode@:0"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, r := range runScenario(t, parseScenario(t, tc.input)) {
				got = append(got, fmt.Sprintf("%s@%s:%d", r.Rule, r.File, r.Line))
			}
			slices.Sort(got)
			want := slices.Clone(tc.want)
			slices.Sort(want)
			if strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("got  %v\nwant %v", got, want)
			}
		})
	}
}

// TestCommittedWording says "committed" only when git listed the tree.
func TestCommittedWording(t *testing.T) {
	tree := checktest.MemFiles{".env": "API_TOKEN=tok_9f8e7d6c5b4a39281706\n"}
	for _, fromGit := range []bool{true, false} {
		var msgs []string
		in := inputs{tree: tree, fromGit: fromGit}
		if err := run(context.Background(), in, func(r check.Report) { msgs = append(msgs, r.Message) }); err != nil {
			t.Fatal(err)
		}
		if len(msgs) != 1 {
			t.Fatalf("fromGit=%v: %d reports %v", fromGit, len(msgs), msgs)
		}
		if got := strings.Contains(msgs[0], "committed"); got != fromGit {
			t.Errorf("fromGit=%v: %q", fromGit, msgs[0])
		}
		if !fromGit && !strings.Contains(msgs[0], "present in the checkout") {
			t.Errorf("plain walk: %q", msgs[0])
		}
	}
}

// TestReportsNeverCarryValues plants a distinct value in every kind of
// finding and holds messages and fingerprint keys to never containing any
// of it.
func TestReportsNeverCarryValues(t *testing.T) {
	values := map[string]string{
		"weak":        "w3akS3ss10n",
		"placeholder": "changeme-QZ7",
		"example":     "ex4mpleSharedV4lueThatIsLongEnoughToPass",
		"local":       "postgres://portal:Lp9sQ2vX@localhost/portal",
		"http":        "http://api.portal.example.org/v1?key=Hk2Lm9Qz",
		"dev":         "developmentQ7",
		"password":    "Pz8!kq",
	}
	input := `-- .env.example --
JWT_SECRET=` + values["example"] + `
MISSING_KEY=
-- .env.production --
SESSION_SECRET=` + values["weak"] + `
API_TOKEN=` + values["placeholder"] + `
JWT_SECRET=` + values["example"] + `
DATABASE_URL=` + values["local"] + `
PARTNER_URL=` + values["http"] + `
DB_PASSWORD=` + values["password"] + `
DUP="` + values["weak"] + `" trailing
-- (process) --
NODE_ENV=` + values["dev"] + `
SESSION_SECRET=` + values["weak"] + `
`
	reports := runScenario(t, parseScenario(t, input))
	rules := map[string]bool{}
	for _, r := range reports {
		rules[r.Rule] = true
		for name, v := range values {
			// The whole value, and its last characters, which are
			// distinct to it.
			for _, part := range []string{v, v[len(v)-6:]} {
				if strings.Contains(r.Message, part) || strings.Contains(r.Key, part) {
					t.Errorf("%s report shows the %s value: %q", r.Rule, name, r.Message)
				}
			}
		}
	}
	for _, rule := range Rules {
		if !rules[rule] {
			t.Errorf("no %s report, so the test proves nothing about it", rule)
		}
	}
}

// TestAppliesWithoutTree runs the check for --env files or the process
// environment alone.
func TestAppliesWithoutTree(t *testing.T) {
	c := New()
	for _, tc := range []struct {
		name   string
		target check.Target
		want   bool
	}{
		{"nothing", check.Target{}, false},
		{"env files", check.Target{EnvFiles: []string{"/x.env"}}, true},
		{"empty process environment", check.Target{Environ: []string{}}, true},
	} {
		if got := c.Applies(&tc.target); got != tc.want {
			t.Errorf("%s: Applies = %v, want %v", tc.name, got, tc.want)
		}
	}
}
