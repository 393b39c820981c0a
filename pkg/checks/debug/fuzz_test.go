package debug

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// Go's fuzzing engine minimises every input that reaches new code, with a
// step that is quadratic in the input's length and a budget of a minute
// (-fuzzminimizetime), so an input the mutator has grown to kilobytes
// stalls a run for that minute; the targets bound theirs.
const (
	// maxFuzzPattern holds the catalog's one-line patterns and an
	// alternation of more two-letter literals than maxLiterals.
	maxFuzzPattern = 160
	// maxFuzzText holds a line of code with a setting, a call and a
	// comment, which is what the patterns match.
	maxFuzzText = 128
	// maxFuzzContent holds a dozen short lines: more than a window of
	// catalog.MaxWindow lines with a match at its end, CRLF and blank
	// lines among them.
	maxFuzzContent = 256
)

// FuzzRequiredLiterals checks that the prefilter is sound: whenever a
// pattern matches a text, the lowercased text holds one of its literals.
func FuzzRequiredLiterals(f *testing.F) {
	for _, s := range [][2]string{
		{`\bFLASK_DEBUG\s*=\s*1`, "FLASK_DEBUG=1"},
		{`(?i)true|on`, "TRUE"},
		{`(?i)k`, "\u212a"},
		{`a(?:b|c)+d`, "xacbd"},
		{`^\s*DEBUG\s*=\s*(?:True\b|.*\bdefault\s*=\s*True\b)`, "DEBUG = env(default=True)"},
		{`\b(?:jwt|JWT)\.(?:sign|verify)\(\s*\w+,\s*[rb]?["']`, "JWT.verify(t, b'"},
		{`(?:ab)?[xY]\b(?:c|d)?z`, "abYz"},
	} {
		if len(s[0]) > maxFuzzPattern || len(s[1]) > maxFuzzText {
			f.Fatalf("seed %q over the %d and %d bytes the target tries", s, maxFuzzPattern, maxFuzzText)
		}
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, pattern, text string) {
		if len(pattern) > maxFuzzPattern || len(text) > maxFuzzText {
			return
		}
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
	for _, s := range []string{
		"app.run(debug=True)\nDEBUG = True\r\n",
		"env:\n  - name: NODE_ENV\n    value: development\n",
		"management:\n  endpoints:\n    web:\n      exposure:\n        include: \"*\"\n",
		"if (env.IsDevelopment())\n{\n    app.UseDeveloperExceptionPage();\n}\n",
		"res.status(500).json({\n  stack: err.stack\n})\n\xff\xfe",
		// Signing keys: a weak one, a generated one left to the secret
		// rules, and both on one line.
		"app.config['SECRET_KEY'] = 'random'\napp.use(session({\n  secret: \"keyboard cat\",\n}))\n",
		"x = jwt.sign(p, 'Zk7Qp2Xv9Lm4Rt8Wb1Nc6Yd3Hf0Js5Gu2Ke9Lo4Qi7Xa1W') || jwt.sign(p, 'secret')\n",
	} {
		if len(s) > maxFuzzContent {
			f.Fatalf("seed of %d bytes, over the %d the target tries: %q", len(s), maxFuzzContent, s)
		}
		f.Add([]byte(s))
	}
	rs := loadRules(f)
	var plain []*lineRule
	for _, r := range rs {
		p := *r
		p.literals = nil
		plain = append(plain, &p)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > maxFuzzContent {
			return
		}
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
				if r.window == 1 && firesOn(r, l) && (r.unless == nil || !r.unless.Match(l)) {
					want[key{r.id, i + 1}] = true
				}
			}
		}
		last := 0
		var hits strings.Builder
		scanLines(data, rs, func(h hit) {
			writeHit(&hits, h)
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
		// Windowed rules too: the same rules without a prefilter hit
		// exactly what the scan above did.
		var without strings.Builder
		scanLines(data, plain, func(h hit) { writeHit(&without, h) })
		if a, b := hits.String(), without.String(); a != b {
			t.Fatalf("with prefilter:\n%s\nwithout:\n%s", a, b)
		}
	})
}

// firesOn reports whether one-line rule r matches line, and for a rule
// that judges what it captures, whether one of its matches is judged to
// fire.
func firesOn(r *lineRule, line []byte) bool {
	if r.judge == nil {
		return r.pattern.Match(line)
	}
	for _, loc := range r.pattern.FindAllSubmatchIndex(line, -1) {
		if s := loc[2*r.valueGroup]; s >= 0 {
			if _, ok := r.judge(string(line[s:loc[2*r.valueGroup+1]])); ok {
				return true
			}
		}
	}
	return false
}

// writeHit lists a hit as rule:line:column.
func writeHit(b *strings.Builder, h hit) {
	fmt.Fprintf(b, "%s:%d:%d\n", h.rule.id, h.line, h.column)
}
