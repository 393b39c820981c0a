package probetransport

import (
	"net/http"
	"net/url"
	"testing"
)

// FuzzHeaderParsers feeds arbitrary header values to the parsers of
// HSTS, version banners, content types, cookies and redirects: none may
// panic.
func FuzzHeaderParsers(f *testing.F) {
	for _, s := range []string{"max-age=31536000; includeSubDomains", "nginx/1.18.0", "text/html; charset=utf-8",
		"sid=x; Secure; HttpOnly; SameSite=Lax", "https://127.0.0.1/", "\xff\xfe", "max-age=99999999999999999999999", "//evil", ""} {
		f.Add(s)
	}
	from, _ := url.Parse("http://127.0.0.1:8080/")
	f.Fuzz(func(t *testing.T, v string) {
		hstsMaxAge(v)
		namesVersion(v)
		clip(v)
		class := mediaClass(v)
		missingHeaders(class, http.Header{"Cache-Control": {v}, "Content-Security-Policy": {v}}, true)
		if c, err := http.ParseSetCookie(v); err == nil {
			sessionName(c.Name)
			cookieGaps(c)
		}
		badRedirect(v, from, "127.0.0.1")
	})
}
