package calibrate

import (
	"net/http"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzMatches feeds junk bodies and content types: nothing panics, a
// response always matches the profile built from it, and the summary is
// one printable line.
func FuzzMatches(f *testing.F) {
	f.Add(200, "text/html", []byte(spaIndex("n0nce", 1)), []byte(spaIndex("other", 2)))
	f.Add(404, "application/json", []byte(`{"error":"not found"}`), []byte(`{"id":1}`))
	f.Add(200, "application/json", []byte(`[[[[[[[[[[[[[[{"a":[{"b":{"c":1}}]}]]]]]]]]]]]]]]`), []byte(`[]`))
	f.Add(403, "", []byte("<html><title>x</title"), []byte("<HTML><TITLE>"))
	f.Add(500, "text/plain; charset=\xff", []byte("\x00\xff\xfe"), []byte(""))
	f.Add(200, "application/json", []byte(`{"a":`), []byte(`{"a":1} {}`))
	f.Fuzz(func(t *testing.T, status int, contentType string, a, b []byte) {
		h := http.Header{"Content-Type": {contentType}}
		sa, sb := Sample{Status: status, Header: h, Body: a}, Sample{Status: status, Header: h, Body: b}
		p := Build([]Sample{sa})
		if !p.Matches(sa) {
			t.Fatal("a response does not match its own profile")
		}
		p.Matches(sb)
		Build([]Sample{sa, sb}).CatchAll()
		s := Build([]Sample{sa, sb}).String()
		if strings.ContainsAny(s, "\r\n") || !utf8.ValidString(s) {
			t.Fatalf("summary is not one line")
		}
	})
}
