package probeexposure

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/config"
	"github.com/launchgate/launchgate/pkg/live"
)

// origin is a fixed Doer origin for the parsing tests; it sends nothing.
type origin string

func (o origin) Origin() string { return string(o) }

// parseRun is a run whose client only names its origin.
func parseRun() *run {
	u, _ := url.Parse("https://shop.example.test")
	return &run{lt: &check.Live{Base: u, Client: originDoer{origin("https://shop.example.test")}}, cfg: config.Default()}
}

func TestScripts(t *testing.T) {
	page := `<script src="/a.js"></script><script src='b.js'></script><script src=//evil.test/c.js></script>` +
		`<script src="https://evil.test/d.js"></script><script src="https://shop.example.test/e.js?v=1"></script><script src="/a.js"></script>` +
		`<script src="http://shop.example.test/f.js"></script>`
	got := strings.Join(parseRun().scripts("/shop/", []byte(page)), " ")
	if want := "/a.js /shop/b.js /e.js?v=1"; got != want {
		t.Errorf("scripts: got %q, want %q", got, want)
	}
}

func TestInternal(t *testing.T) {
	r := parseRun()
	for p, want := range map[string]bool{"/admin/": true, "/internal/reports": true, "/api/private/x": true,
		"/search": false, "/": false, "/*": false, "/administrators-guide": false} {
		if got := r.internal(p); got != want {
			t.Errorf("internal(%q) = %v, want %v", p, got, want)
		}
	}
}

// FuzzParse feeds arbitrary bodies to every parser of the check: the
// file signatures, the script and source-map references, robots.txt and
// sitemap entries. None may panic.
func FuzzParse(f *testing.F) {
	f.Add([]byte(`<script src="/a.js"></script>`))
	f.Add([]byte("console.log(1)\n//# sourceMappingURL=data:application/json;base64,e30=\n"))
	f.Add([]byte("User-agent: *\nDisallow: /admin/\n"))
	f.Add([]byte("<urlset><url><loc>https://x.test/internal/</loc></url></urlset>"))
	f.Add([]byte("\x00\x00\x00\x01Bud1\xff\xfe"))
	r := parseRun()
	f.Fuzz(func(t *testing.T, body []byte) {
		for _, w := range wellKnownFiles() {
			w.sig(body)
		}
		for _, p := range r.scripts("/", body) {
			if !strings.HasPrefix(p, "/") {
				t.Errorf("script path %q is not on the origin", p)
			}
		}
		mappingURL.FindAllSubmatch(body, -1)
		for _, m := range robotsPath.FindAllSubmatch(body, 100) {
			r.internal(string(m[1]))
		}
		for _, m := range sitemapLoc.FindAllSubmatch(body, 100) {
			r.internal(string(m[1]))
		}
	})
}

// originDoer is a check.Doer that sends nothing.
type originDoer struct{ origin }

func (originDoer) Do(context.Context, live.Request) (*live.Response, error) {
	return nil, errors.New("no requests in parsing tests")
}

func (originDoer) Sent() int { return 0 }
