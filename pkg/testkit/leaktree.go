package testkit

import (
	"strings"
	"testing"
)

// LeakTree is a small portal whose findings sit on lines that also hold
// secrets: a spec server and a remote $ref with passwords in their URLs,
// session and cookie code that quotes tokens, a debug switch beside a key,
// a production env file, a deploy manifest and build output with a bundle
// and a source map. Every message about those lines quotes or names
// something next to a secret, which is what a redaction test needs. It
// returns the files and what was planted in them; Wants lists the
// findings the tree must produce, as "rule@file:line", where the rule may
// be alternatives joined by "|" (see Found).
func LeakTree(t testing.TB) (files map[string]string, plants []Planted, wants []string) {
	t.Helper()
	p := func(kind, prefix string, n int) string {
		pl := Plant(t, kind, prefix, n)
		plants = append(plants, pl)
		return pl.Value
	}
	serverPW := p("spec server password", "", 20)
	refPW := p("remote $ref password", "", 18)
	// Random letters and digits, with digits guaranteed: gitleaks' generic
	// rule passes over a value of letters only.
	sessionSecret := Random(t, Alnum, 24) + Random(t, "0123456789", 4)
	plants = append(plants, Planted{Kind: "express-session secret", Value: sessionSecret, Random: sessionSecret})
	cookieToken := p("cookie value token", "glpat-", 20)
	goCookie := p("Go cookie value", "ghp_", 36)
	djangoKey := p("Django secret key", "", 40)
	dbPW := p("env database password", "", 22)
	composePW := p("compose password", "", 24)
	stripe := p("bundle Stripe key", "sk_"+"live_", 24)
	mapToken := p("source map token", "ghp_", 36)
	corsToken := p("CORS line token", "ghp_", 36)

	files = map[string]string{
		"api/openapi.yaml": strings.Join([]string{
			"openapi: 3.0.3",
			"info: {title: portal, version: '1'}",
			"servers:",
			"  - url: http://deploy:" + serverPW + "@api.portal-example.com/v1",
			"paths:",
			"  /invoices/{invoiceId}:",
			"    get:",
			"      parameters:",
			"        - $ref: 'https://svc:" + refPW + "@schemas.portal-example.com/params.yaml#/invoiceId'",
			"      responses:",
			"        '200': {description: ok}",
			"",
		}, "\n"),
		"server/session.js": strings.Join([]string{
			"const session = require('express-session');",
			"app.use(session({ secret: \"" + sessionSecret + "\", cookie: { secure: false } }));",
			"res.cookie(\"sid\", \"" + cookieToken + "\", { secure: false, httpOnly: false });",
			"app.use(cors({ origin: '*', credentials: true, key: '" + corsToken + "' }));",
			"",
		}, "\n"),
		"server/cookie.go": strings.Join([]string{
			"package server",
			"",
			"import \"net/http\"",
			"",
			"func login(w http.ResponseWriter) {",
			"\thttp.SetCookie(w, &http.Cookie{Name: \"sid\", Value: \"" + goCookie + "\", HttpOnly: false})",
			"}",
			"",
		}, "\n"),
		"portal/settings/production.py": "DEBUG = True; SECRET_KEY = '" + djangoKey + "'\nALLOWED_HOSTS = ['*']\n",
		".env.production":               "DATABASE_URL=postgres://app:" + dbPW + "@db.internal.portal-example.com:5432/portal\nNODE_ENV=development\n",
		"docker-compose.yml": strings.Join([]string{
			"services:",
			"  api:",
			"    image: portal/api",
			"    environment:",
			"      DB_PASSWORD: " + composePW,
			"",
		}, "\n"),
		"dist/assets/app.js": strings.Repeat("var a=1;", 2000) + "const k=\"" + stripe + "\";",
		"dist/assets/app.js.map": `{"version":3,"file":"app.js","sources":["webpack:///./src/keys.ts"],"sourcesContent":["export const gh = \"` +
			mapToken + `\";\n"],"mappings":"AAAA"}`,
	}
	wants = []string{
		"openapi/insecure-server-url@api/openapi.yaml:4",
		"secret/connection-string-password@api/openapi.yaml:4",
		"secret/connection-string-password@api/openapi.yaml:9",
		"openapi/invalid-document@api/openapi.yaml:9",
		// A random value is now and then one the signing rule judges
		// typed rather than generated; then its finding stands for the
		// generic one on the line.
		"secret/generic-api-key|secret/session-secret-literal@server/session.js:2",
		"transport/session-cookie-not-secure@server/session.js:3",
		"cors/wildcard-with-credentials@server/session.js:4",
		"transport/session-cookie-not-secure@server/cookie.go:6",
		"debug/django-debug-true@portal/settings/production.py:1",
		"secret/connection-string-password@.env.production:1",
		"debug/source-map-published@dist/assets/app.js.map:1",
	}
	return files, plants, wants
}

// Found reports whether keys, as "rule@file:line", hold want, one of
// LeakTree's wants: the rule, or one of its "|" alternatives, at that
// place.
func Found(keys []string, want string) bool {
	rules, place, _ := strings.Cut(want, "@")
	for _, r := range strings.Split(rules, "|") {
		for _, k := range keys {
			if k == r+"@"+place {
				return true
			}
		}
	}
	return false
}
