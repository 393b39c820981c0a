package cors

import (
	"bytes"
	"testing"
	"unicode/utf8"
)

// FuzzOrigins runs origin extraction and normalisation over arbitrary
// files: no panic, literals on real lines at real columns, and every
// origin that parses normalises to itself and is allowed by a list that
// names it.
func FuzzOrigins(f *testing.F) {
	f.Add([]byte("CORS_ALLOWED_ORIGINS = [\n  \"https://a.example:443/\",\n]\n"))
	f.Add([]byte("origins \"https://*.example.com\", 'http://[::1]:3000'\r\n"))
	f.Add([]byte(`{ key: "Access-Control-Allow-Origin", value: "HTTPS://A.EXAMPLE." }`))
	f.Add([]byte("origin: [\"\\\"https://x\", `https://y`\n\xff\"https://z\""))
	f.Fuzz(func(t *testing.T, data []byte) {
		lines := bytes.Count(data, []byte("\n")) + 1
		for _, l := range settingLiterals(data) {
			if l.line < 1 || l.line > lines || l.column < 1 {
				t.Fatalf("literal %q at %d:%d of %d lines", l.text, l.line, l.column, lines)
			}
			o, ok := parseOrigin(l.text, "")
			if !ok {
				continue
			}
			s := o.String()
			again, ok := parseOrigin(s, "")
			if !ok || again != o {
				t.Fatalf("%q normalises to %q, which reads back as %v %v", l.text, s, again, ok)
			}
			if !utf8.ValidString(s) {
				t.Fatalf("origin %q is not UTF-8", s)
			}
			if !parseAllowList([]string{s}).allows(o) {
				t.Fatalf("a list naming %q does not allow it", s)
			}
		}
		for _, r := range originReports("f.js", data, parseAllowList([]string{"https://a.example"})) {
			if r.Rule != ruleNotAllowed || r.Line < 1 || r.Line > lines {
				t.Fatalf("bad report %+v", r)
			}
		}
	})
}
