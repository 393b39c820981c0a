package probeexposure

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/config"
	"github.com/launchgate/launchgate/pkg/live"
	"github.com/launchgate/launchgate/pkg/secrets"
	"github.com/launchgate/launchgate/pkg/spec"
)

// sharedEngine builds the secrets engine once for the package's tests.
var sharedEngine = sync.OnceValues(func() (*secrets.Engine, error) { return secrets.New(secrets.Options{}) })

// plantedToken is a GitHub token shaped value the exposed twin plants in
// its .env and source map; it is derived at run time, so it is in no
// file of the tree.
func plantedToken() string {
	sum := sha256.Sum256([]byte("launchgate exposure test"))
	h := hex.EncodeToString(sum[:])
	var b strings.Builder
	for i, c := range h[:36] {
		if i%3 == 0 && c >= 'a' {
			c -= 'a' - 'A'
		}
		b.WriteRune(c)
	}
	return "ghp_" + b.String()
}

// itemsSpec is a small API with one object route and one admin route.
const itemsSpec = `openapi: 3.0.3
info: {title: items, version: "1"}
paths:
  /api/items/{itemId}:
    get:
      parameters:
        - {name: itemId, in: path, required: true, schema: {type: integer}}
      responses: {"200": {description: ok}}
  /api/admin/stats:
    get:
      responses: {"200": {description: ok}}
`

// sites are the loopback targets of the tests, by name. Each serves the
// named problem and answers everything else with a plain 404.
func sites() map[string]http.HandlerFunc {
	token := plantedToken()
	home := `<!doctype html><html><head><title>Shop</title><script src="/static/app.js"></script><script src="https://cdn.example.test/x.js"></script></head><body></body></html>`
	notFound := func(w http.ResponseWriter) { http.Error(w, "404 page not found", http.StatusNotFound) }
	files := func(m map[string]string, headers map[string]string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			body, ok := m[r.URL.Path]
			if !ok {
				notFound(w)
				return
			}
			for k, v := range headers {
				if strings.HasSuffix(r.URL.Path, ".js") {
					w.Header().Set(k, v)
				}
			}
			_, _ = w.Write([]byte(body))
		}
	}
	mapWith := func(content bool) string {
		m := map[string]any{"version": 3, "sources": []string{"src/config.ts"}, "mappings": "AAAA"}
		if content {
			m["sourcesContent"] = []string{"export const githubToken = \"" + token + "\";\n"}
		}
		b, _ := json.Marshal(m)
		return string(b)
	}
	trace := func(status int, body string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			if strings.HasPrefix(r.URL.Path, "/api/items/") {
				http.Error(w, body, status)
				return
			}
			notFound(w)
		}
	}
	return map[string]http.HandlerFunc{
		// spa answers every path with its index page, as a single-page
		// app's catch-all does.
		"spa": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			_, _ = w.Write([]byte(`<!doctype html><html><head><title>App</title></head><body><div id="root"></div><!-- .git/config [core] ref: refs/heads/main --></body></html>`))
		},
		// catchall-text answers every path with the same key=value
		// status text, which an environment file's signature alone
		// would take for one.
		"catchall-text": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/plain")
			_, _ = w.Write([]byte("STATUS=up\nREGION=eu-west-1\n"))
		},
		"exposed": files(map[string]string{
			"/":                  home,
			"/.git/config":       "[core]\n\trepositoryformatversion = 0\n\tbare = false\n",
			"/.env":              "APP_ENV=production\nGITHUB_TOKEN=" + token + "\n",
			"/static/app.js":     "console.log(1);\n//# sourceMappingURL=app.js.map\n",
			"/static/app.js.map": mapWith(true),
		}, nil),
		"exposed-header-map": files(map[string]string{
			"/":                  home,
			"/static/app.js":     "console.log(1);\n",
			"/static/bundle.map": mapWith(true),
		}, map[string]string{"SourceMap": "/static/bundle.map"}),
		"secret-in-js": files(map[string]string{
			"/":              home,
			"/static/app.js": "const t = \"" + token + "\";\n",
		}, nil),
		"quiet": files(map[string]string{
			"/":                  home,
			"/static/app.js":     "console.log(1);\n//# sourceMappingURL=app.js.map\n",
			"/static/app.js.map": mapWith(false),
		}, nil),
		"traceback": trace(500, "Traceback (most recent call last):\n  File \"/app/views.py\", line 12, in get\n    item = Item.objects.get(pk=int(item_id))\nValueError: invalid literal for int()\n"),
		"panic":     trace(500, "panic: strconv.Atoi: parsing \"launchgate-probe-0\": invalid syntax\n\ngoroutine 7 [running]:\nmain.getItem()\n\t/src/main.go:40 +0x65\n"),
		"spring":    trace(500, "<html><body><h1>Whitelabel Error Page</h1><div>java.lang.NumberFormatException: For input string: \"launchgate-probe-0\"\n\tat java.base/java.lang.NumberFormatException.forInputString(NumberFormatException.java:67)\n\tat com.example.items.ItemController.get(ItemController.java:31)\n</div></body></html>"),
		"panic-everywhere": func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "goroutine 1 [running]:\nmain.main()\n\t/src/main.go:9 +0x1\n", http.StatusInternalServerError)
		},
		"quiet-error": trace(400, `{"error":"bad_request","message":"itemId must be an integer"}`),
		"admin": files(map[string]string{
			"/admin":       "<!doctype html><html><head><title>Admin dashboard</title></head><body>Users</body></html>",
			"/robots.txt":  "User-agent: *\nDisallow: /internal/reports\nDisallow: /admin/\n",
			"/sitemap.xml": `<?xml version="1.0"?><urlset><url><loc>https://shop.example.test/</loc></url><url><loc>https://shop.example.test/staff/login</loc></url></urlset>`,
		}, nil),
		// graphql answers introspection; graphql-closed refuses it, as
		// production servers should.
		"graphql": func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path != "/graphql" || !strings.Contains(r.URL.Query().Get("query"), "__schema") {
				notFound(w)
				return
			}
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write([]byte(`{"data":{"__schema":{"queryType":{"name":"Query"}}}}`))
		},
		// graphql-post answers introspection sent as a JSON POST only, and
		// refuses a query sent with GET, as Apollo Server's CSRF
		// prevention does.
		"graphql-post": func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path != "/graphql" {
				notFound(w)
				return
			}
			body, _ := io.ReadAll(io.LimitReader(r.Body, 4096))
			w.Header().Set("Content-Type", "application/json")
			if r.Method != "POST" || r.Header.Get("Content-Type") != "application/json" {
				w.WriteHeader(http.StatusBadRequest)
				_, _ = w.Write([]byte(`{"errors":[{"message":"This operation has been blocked as a potential Cross-Site Request Forgery (CSRF)."}]}`))
				return
			}
			if !strings.Contains(string(body), "__schema") {
				w.WriteHeader(http.StatusBadRequest)
				return
			}
			_, _ = w.Write([]byte(`{"data":{"__schema":{"queryType":{"name":"Query"}}}}`))
		},
		"graphql-closed": func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path != "/graphql" {
				notFound(w)
				return
			}
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write([]byte(`{"errors":[{"message":"GraphQL introspection is not allowed"}]}`))
		},
		// body-parser parses the body before it authenticates, and
		// answers bad JSON with the parser's stack, as Express's default
		// error handler does outside production.
		"body-parser": func(w http.ResponseWriter, r *http.Request) {
			if r.Method == "POST" && r.URL.Path == "/api/items" {
				http.Error(w, "SyntaxError: Unexpected end of JSON input\n    at JSON.parse (<anonymous>)\n    at parse (/app/node_modules/body-parser/lib/types/json.js:89:19)\n    at /app/node_modules/body-parser/lib/read.js:128:18\n", http.StatusBadRequest)
				return
			}
			notFound(w)
		},
		"quiet-admin": files(map[string]string{
			"/robots.txt":  "User-agent: *\nDisallow: /search\n",
			"/sitemap.xml": `<?xml version="1.0"?><urlset><url><loc>https://shop.example.test/pricing</loc></url></urlset>`,
		}, nil),
	}
}

// probeSite runs the check against the named site over plain HTTP on
// loopback, with the items spec and one identity, and returns its
// reports and how many requests it sent.
func probeSite(t *testing.T, name string) ([]check.Report, int) {
	t.Helper()
	return probeSiteSpec(t, name, itemsSpec)
}

// probeSiteSpec is probeSite with the spec specYAML.
func probeSiteSpec(t *testing.T, name, specYAML string) ([]check.Report, int) {
	t.Helper()
	return probeSiteWith(t, name, specYAML, false)
}

// probeSiteWith is probeSiteSpec, with --allow-writes when allowWrites.
func probeSiteWith(t *testing.T, name, specYAML string, allowWrites bool) ([]check.Report, int) {
	t.Helper()
	return probeSiteTally(t, name, specYAML, allowWrites, nil)
}

// probeSiteTally is probeSiteWith, recording into tally.
func probeSiteTally(t *testing.T, name, specYAML string, allowWrites bool, tally *check.Tally) ([]check.Report, int) {
	t.Helper()
	h, ok := sites()[name]
	if !ok {
		t.Fatalf("unknown site %q", name)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	u, _ := url.Parse(srv.URL)
	client, err := live.New(live.Options{Base: u, RequestTimeout: 2 * time.Second, AllowWrites: allowWrites})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(client.Close)
	doc, problems := spec.Load(context.Background(), "api.yaml", spec.MapReader(map[string]string{"api.yaml": specYAML}), spec.Options{})
	if doc == nil || len(problems) > 0 {
		t.Fatal(problems)
	}
	ids := []config.Identity{{Name: "alice", Headers: map[string]string{"Authorization": "Bearer alice-token"}}}
	target := &check.Target{Config: config.Default(), Live: &check.Live{Base: u, Client: client, Docs: []*spec.Document{doc}, Identities: ids, AllowWrites: allowWrites}, Tally: tally}
	var got []check.Report
	if err := New(sharedEngine).Run(context.Background(), target, func(r check.Report) { got = append(got, r) }); err != nil {
		t.Fatal(err)
	}
	return got, client.Sent()
}
