package cors

import (
	"path/filepath"
	"testing"

	"github.com/launchgate/launchgate/pkg/check/checktest"
)

// TestCookieSwitchesInConfig holds the cookie-security switches written
// in the env and config files production reads: turned off they fire at
// their line, turned on, referenced, or in a development, test or
// example file they stay quiet.
func TestCookieSwitchesInConfig(t *testing.T) {
	const (
		secure   = "transport/session-cookie-not-secure"
		httpOnly = "transport/session-cookie-not-httponly"
	)
	tests := []struct {
		name, file, content string
		want                []string
	}{
		{"django env", ".env.production", "DEBUG=False\nSESSION_COOKIE_SECURE=False\n", []string{".env.production:2 " + secure}},
		{"csrf lower case", ".env", "APP=portal\nCSRF_COOKIE_SECURE=false\n", []string{".env:2 " + secure}},
		{"laravel env", ".env", "SESSION_SECURE_COOKIE=false\n", []string{".env:1 " + secure}},
		{"insecure switch", "prod.env", "AUTH_COOKIE_INSECURE=true\n", []string{"prod.env:1 " + secure}},
		{"bare cookie secure", ".env.production", "COOKIE_SECURE=false\n", []string{".env.production:1 " + secure}},
		{"httponly off", ".env.production", "SESSION_COOKIE_HTTPONLY=False\n", []string{".env.production:1 " + httpOnly}},
		{"laravel httponly off", ".env", "SESSION_HTTP_ONLY=false\n", []string{".env:1 " + httpOnly}},
		{"yaml cookie block", "config/production.yaml", "session:\n  name: sid\n  cookie:\n    secure: false\n", []string{"config/production.yaml:4 " + secure}},
		{"json cookie object", "config/production.json", "{\n  \"session\": {\n    \"cookie\": {\"secure\": false}\n  }\n}\n", []string{"config/production.json:3 " + secure}},
		{"kubernetes env entry", "k8s/deployment.yaml", "env:\n  - name: SESSION_COOKIE_SECURE\n    value: \"false\"\n", []string{"k8s/deployment.yaml:3 " + secure}},
		{"compose environment", "docker-compose.yml", "services:\n  web:\n    environment:\n      SESSION_COOKIE_SECURE: \"false\"\n", []string{"docker-compose.yml:4 " + secure}},
		{"secure on", ".env.production", "SESSION_COOKIE_SECURE=True\nSESSION_COOKIE_HTTPONLY=True\n", nil},
		{"insecure switch off", ".env.production", "AUTH_COOKIE_INSECURE=false\n", nil},
		{"referenced value", ".env.production", "SESSION_COOKIE_SECURE=${COOKIE_SECURE}\n", nil},
		{"commented", ".env.production", "# SESSION_COOKIE_SECURE=False\n", nil},
		{"example env", ".env.example", "SESSION_COOKIE_SECURE=False\n", nil},
		{"development env", ".env.development", "SESSION_COOKIE_SECURE=False\nSESSION_COOKIE_HTTPONLY=False\n", nil},
		{"test env", ".env.test", "SESSION_SECURE_COOKIE=false\n", nil},
		{"yaml cookie secure on", "config/production.yaml", "cookie:\n  secure: true\n", nil},
	}
	c, err := New(checktest.Catalog(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checktest.Compare(t, where(runFiles(t, c, map[string]string{tt.file: tt.content}, nil)), tt.want)
		})
	}
}

// TestCookieFixtures runs the check over the twins of testdata/cookies,
// env and config files a production deploy loads, and compares its
// findings with what their want comments and NAME.want files expect of
// this check's rules: the vulnerable twin's switches fire at their lines,
// the fixed twin's, and its development, test and example env files, stay
// quiet.
func TestCookieFixtures(t *testing.T) {
	c, err := New(checktest.Catalog(t))
	if err != nil {
		t.Fatal(err)
	}
	base := filepath.Join("..", "..", "..", "testdata", "cookies")
	for _, twin := range []string{"vulnerable", "fixed"} {
		t.Run(twin, func(t *testing.T) {
			root := filepath.Join(base, twin)
			want := checktest.Wants(t, checktest.DirFiles(t, root), checktest.Select{Rule: checktest.Only(c.Rules)})
			if twin == "fixed" && len(want) > 0 {
				t.Fatalf("the fixed twin expects findings: %v", want)
			}
			if twin == "vulnerable" && len(want) < 8 {
				t.Fatalf("the vulnerable twin expects only %d findings of this check", len(want))
			}
			checktest.Compare(t, checktest.Findings(t, c, target(t, root, nil)), want)
		})
	}
}
