package cors

import (
	"bytes"
	"testing"
	"unicode/utf8"
)

// maxFuzzFile bounds the files FuzzOrigins tries. Go's fuzzing engine
// minimises every input that reaches new code, with a step that is
// quadratic in the input's length and a budget of a minute
// (-fuzzminimizetime), so a file the mutator has grown to kilobytes stalls
// a run for that minute. 256 bytes hold a setting that opens a list of a
// few origins over several lines, comments and quotes of every kind, and
// more than maxListLines short lines, so the list's end is within reach.
const maxFuzzFile = 256

// FuzzOrigins runs origin extraction and normalisation over arbitrary
// files: no panic, literals on real lines at real columns, and every
// origin that parses normalises to itself and is allowed by a list that
// names it.
func FuzzOrigins(f *testing.F) {
	for _, s := range []string{
		"CORS_ALLOWED_ORIGINS = [\n  \"https://a.example:443/\",\n]\n",
		"origins \"https://*.example.com\", 'http://[::1]:3000'\r\n",
		`{ key: "Access-Control-Allow-Origin", value: "HTTPS://A.EXAMPLE." }`,
		"origin: [\"\\\"https://x\", `https://y`\n\xff\"https://z\"",
	} {
		if len(s) > maxFuzzFile {
			f.Fatalf("seed of %d bytes, over the %d the target tries: %q", len(s), maxFuzzFile, s)
		}
		f.Add([]byte(s))
	}
	allow := parseAllowList([]string{"https://a.example"})
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > maxFuzzFile {
			return
		}
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
		for _, r := range originReports("f.js", data, allow) {
			if r.Rule != ruleNotAllowed || r.Line < 1 || r.Line > lines {
				t.Fatalf("bad report %+v", r)
			}
		}
	})
}
