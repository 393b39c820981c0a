package debug

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// FuzzRequiredLiterals checks that the prefilter is sound: whenever a
// pattern matches a text, the lowercased text holds one of its literals.
func FuzzRequiredLiterals(f *testing.F) {
	f.Add(`\bFLASK_DEBUG\s*=\s*1`, "FLASK_DEBUG=1")
	f.Add(`(?i)true|on`, "TRUE")
	f.Add(`(?i)k`, "\u212a")
	f.Add(`a(?:b|c)+d`, "xacbd")
	f.Add(`^\s*DEBUG\s*=\s*(?:True\b|.*\bdefault\s*=\s*True\b)`, "DEBUG = env(default=True)")
	f.Fuzz(func(t *testing.T, pattern, text string) {
		re, err := regexp.Compile(pattern)
		if err != nil {
			return
		}
		lits, err := requiredLiterals(pattern)
		if err != nil {
			t.Fatalf("regexp compiles %q but requiredLiterals fails: %v", pattern, err)
		}
		if lits == nil || !re.MatchString(text) || foldsPastASCII([]byte(text)) {
			// scanLines does without the prefilter where a rune folds to
			// an ASCII letter.
			return
		}
		lower := lowerASCII([]byte(text))
		for _, l := range lits {
			if bytes.Contains(lower, []byte(l)) {
				return
			}
		}
		t.Fatalf("%q matches %q, which holds none of %q", pattern, text, lits)
	})
}

// FuzzScanLines runs the catalog's rules over arbitrary content: no panic,
// hits in range and in order, and for one-line rules exactly the lines a
// plain per-line evaluation finds, so the prefilter never hides a match.
func FuzzScanLines(f *testing.F) {
	f.Add([]byte("app.run(debug=True)\nDEBUG = True\r\n"))
	f.Add([]byte("env:\n  - name: NODE_ENV\n    value: development\n"))
	f.Add([]byte("management:\n  endpoints:\n    web:\n      exposure:\n        include: \"*\"\n"))
	f.Add([]byte("if (env.IsDevelopment())\n{\n    app.UseDeveloperExceptionPage();\n}\n"))
	f.Add([]byte("res.status(500).json({\n  stack: err.stack\n})\n\xff\xfe"))
	rs := loadRules(f)
	var plain []*lineRule
	for _, r := range rs {
		p := *r
		p.literals = nil
		plain = append(plain, &p)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		lines := bytes.Split(data, []byte("\n"))
		if len(data) > 0 && data[len(data)-1] == '\n' {
			lines = lines[:len(lines)-1]
		}
		type key struct {
			rule string
			line int
		}
		want := map[key]bool{}
		for i, l := range lines {
			l = bytes.TrimSuffix(l, []byte("\r"))
			for _, r := range rs {
				if r.window == 1 && r.pattern.Match(l) && (r.unless == nil || !r.unless.Match(l)) {
					want[key{r.id, i + 1}] = true
				}
			}
		}
		last := 0
		scanLines(data, rs, func(h hit) {
			if h.line < last || h.line < 1 || h.line > len(lines) {
				t.Fatalf("hit on line %d after %d, of %d lines", h.line, last, len(lines))
			}
			last = h.line
			text := bytes.TrimSuffix(lines[h.line-1], []byte("\r"))
			if h.column < 1 || h.column > len(text)+1 {
				t.Fatalf("column %d on a line of %d bytes", h.column, len(text))
			}
			if h.rule.window > 1 {
				return
			}
			k := key{h.rule.id, h.line}
			if !want[k] {
				t.Fatalf("%s fired on line %d, which it does not match", h.rule.id, h.line)
			}
			delete(want, k)
		})
		for k := range want {
			t.Fatalf("%s missed line %d", k.rule, k.line)
		}
		// Windowed rules too: the same rules without a prefilter fire on
		// exactly the same lines.
		if a, b := fuzzHits(data, rs), fuzzHits(data, plain); a != b {
			t.Fatalf("with prefilter:\n%s\nwithout:\n%s", a, b)
		}
	})
}

// fuzzHits lists every hit as rule:line:column.
func fuzzHits(data []byte, rs []*lineRule) string {
	var b strings.Builder
	scanLines(data, rs, func(h hit) { fmt.Fprintf(&b, "%s:%d:%d\n", h.rule.id, h.line, h.column) })
	return b.String()
}
