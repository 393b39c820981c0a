package credential

import (
	"net/http"
	"slices"
	"testing"
	"time"
)

// FuzzInvalid feeds junk tokens, cookies and keys: Invalid never panics,
// every variant has a known kind and its fixed name, and no variant other
// than the JWT ones built from the claims sends any of the identity's own
// credential values.
func FuzzInvalid(f *testing.F) {
	seeds := [][3]string{
		{"Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln", "sid=abc", "key"},
		{"Bearer eyJhbGciOiJub25lIn0.eyJleHAiOjF9.", "", ""},
		{"Basic YTpi", "a=; b", "!!!"},
		{"bearer", ";", ""},
		{"", "=", "\x00\xff"},
		{"Bearer e30.e30.e30", "sid=\xff", "invalid"},
		{"Bearer eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjEuNWUxMDAwfQ.AA", "x", "y"},
	}
	for _, s := range seeds {
		f.Add(s[0], s[1], s[2], false)
	}
	names := map[string]string{}
	for _, v := range Invalid(http.Header{"Authorization": {"Bearer " + "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln"}, "Cookie": {"a=b"}, "X-Api-Key": {"k"}}, time.Unix(0, 0), true) {
		names[v.Kind] = v.Name
	}
	f.Fuzz(func(t *testing.T, auth, cookie, key string, basic bool) {
		h := http.Header{"Authorization": {auth}, "Cookie": {cookie}, "X-Api-Key": {key}, "X-Tenant-Id": {"t"}}
		for _, v := range Invalid(h, time.Unix(1700000000, 0), basic) {
			if name, ok := names[v.Kind]; !ok || name != v.Name {
				t.Fatalf("kind %q with name %q", v.Kind, v.Name)
			}
			if v.Header.Get("X-Tenant-Id") != "t" {
				t.Fatalf("%s: tenant header lost", v.Kind)
			}
			if v.Kind == KindExpiredJWT || v.Kind == KindAlgNoneJWT || v.Kind == KindGarbageBasic {
				continue
			}
			for name, values := range v.Header {
				if classify(name) == notCredential {
					continue
				}
				for _, val := range values {
					if slices.Contains(h.Values(name), val) {
						t.Fatalf("%s: sends the identity's own %s", v.Kind, name)
					}
				}
			}
		}
	})
}
