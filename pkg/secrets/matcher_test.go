package secrets

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/zricethezav/gitleaks/v8/detect"
)

// ruleSamples returns, for every rule, texts its expression matches (with
// a keyword of the rule beside them, as gitleaks requires), generated
// without consulting either engine.
func ruleSamples(t testing.TB, e *Engine, perRule int) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for _, id := range e.cfg.OrderedRules {
		r := e.cfg.Rules[id]
		expr := e.expression(r)
		if expr == "" {
			continue
		}
		for seed := uint64(1); len(out[id]) < perRule && seed <= uint64(4*perRule); seed++ {
			if s, ok := sample(expr, seed); ok {
				out[id] = append(out[id], withKeyword(s, r.Keywords))
			}
		}
	}
	return out
}

// candidateKeys describes candidates by rule, value and place, sorted.
func candidateKeys(cs []*candidate) []string {
	keys := make([]string, 0, len(cs))
	for _, c := range cs {
		if c.pathOnly {
			keys = append(keys, c.rule+"|file")
			continue
		}
		keys = append(keys, fmt.Sprintf("%s|%q|%d-%d", c.rule, c.value, c.at.start, c.at.end))
	}
	slices.Sort(keys)
	return keys
}

// agree checks that the matcher, judging stop words as gitleaks does,
// finds in view exactly what gitleaks' detector finds, and that the
// engine's matcher finds the same and, besides, only secrets gitleaks
// let a stop word allow.
func agree(t *testing.T, e *Engine, strict *matcher, d *detect.Detector, name, path, view string) {
	t.Helper()
	got := candidateKeys(strict.find(context.Background(), path, view))
	want := candidateKeys(gitleaksCandidates(d, path, view))
	if !slices.Equal(got, want) {
		t.Errorf("%s: matcher and gitleaks differ\n only the matcher: %v\n only gitleaks: %v", name, missing(want, got), missing(got, want))
	}
	ours := e.matcher.find(context.Background(), path, view)
	if lost := missing(candidateKeys(ours), got); len(lost) > 0 {
		t.Errorf("%s: judging stop words by words lost %v", name, lost)
	}
	for _, c := range ours {
		if !slices.Contains(got, candidateKeys([]*candidate{c})[0]) && !stopWorded(e, c) {
			t.Errorf("%s: the engine's matcher alone finds %s|%d-%d, which holds no stop word", name, c.rule, c.at.start, c.at.end)
		}
	}
}

// strictMatcher returns a matcher of e's rules that judges stop words as
// gitleaks does.
func strictMatcher(e *Engine) *matcher {
	m := newMatcher(&e.cfg, e.patterns)
	m.stopWord = gitleaksStopWord
	return m
}

// stopWorded reports whether a stop word of c's rule, or a global one,
// occurs in c's value as gitleaks looks for them.
func stopWorded(e *Engine, c *candidate) bool {
	for _, a := range append(slices.Clone(e.cfg.Allowlists), e.cfg.Rules[c.rule].Allowlists...) {
		if gitleaksStopWord(a, c.value) {
			return true
		}
	}
	return false
}

// missing returns the keys of b that a lacks.
func missing(a, b []string) []string {
	var out []string
	for _, k := range b {
		if !slices.Contains(a, k) {
			out = append(out, k)
		}
	}
	return out
}

func TestMatcherAgreesWithGitleaksPerRule(t *testing.T) {
	e := newEngine(t, Options{})
	d := reference(e)
	strict := strictMatcher(e)
	g := newGen(t)
	filler := minifiedBundle(g, 4<<10)
	lines := strings.Repeat("const apiKeyName = \"token\"; // key, secret, password\n", 60)
	samples := ruleSamples(t, e, 4)
	if len(samples) < 150 {
		t.Fatalf("only %d rules produced samples; the generator or the rules changed", len(samples))
	}
	for id, texts := range samples {
		for i, s := range texts {
			name := fmt.Sprintf("%s#%d", id, i)
			agree(t, e, strict, d, name+" alone", examplePath, s)
			agree(t, e, strict, d, name+" in a bundle", "dist/app.js", filler+`;var c="`+s+`";`+filler)
			agree(t, e, strict, d, name+" on a line", "src/config.ts", lines+"export const v = "+s+"\n"+lines)
			agree(t, e, strict, d, name+" glued to words", "src/glued.txt", "xx"+s+"yy")
		}
	}
}

// Every rule's samples in one content: rules see each other's matches, the
// generic rule yields to specific ones, regions merge and widen.
func TestMatcherAgreesWithGitleaksMixed(t *testing.T) {
	e := newEngine(t, Options{})
	d := reference(e)
	strict := strictMatcher(e)
	g := newGen(t)
	var all []string
	for _, texts := range ruleSamples(t, e, 2) {
		all = append(all, texts...)
	}
	slices.Sort(all)
	for _, sep := range []string{"\n", ";", " ", ""} {
		var b strings.Builder
		for i, s := range all {
			b.WriteString(s)
			b.WriteString(sep)
			if i%7 == 0 {
				b.WriteString(minifiedBundle(g, 300))
			}
		}
		agree(t, e, strict, d, fmt.Sprintf("mixed, separated by %q", sep), "dist/mixed.js", b.String())
	}
}

// The project's own fixtures: real files with real shapes.
func TestMatcherAgreesWithGitleaksOnFixtures(t *testing.T) {
	e := newEngine(t, Options{})
	d := reference(e)
	strict := strictMatcher(e)
	n := 0
	err := filepath.WalkDir(filepath.Join("..", "..", "testdata"), func(p string, de os.DirEntry, err error) error {
		if err != nil || de.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		n++
		agree(t, e, strict, d, p, filepath.ToSlash(p), string(b))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 20 {
		t.Fatalf("read %d fixture files; the testdata tree moved", n)
	}
}

func TestRegionsAround(t *testing.T) {
	cases := []struct {
		name    string
		hits    []hit
		margin  int
		want    []span
		covered int
	}{
		{"one in the middle", []hit{{50, 3}}, 10, []span{{40, 63}}, 23},
		{"clamped at both ends", []hit{{2, 3}, {95, 4}}, 10, []span{{0, 15}, {85, 100}}, 30},
		{"overlapping merge", []hit{{10, 3}, {20, 3}}, 10, []span{{0, 33}}, 33},
		{"nested in the one before", []hit{{10, 10}, {12, 2}}, 5, []span{{5, 25}}, 20},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, covered := regionsAround(c.hits, c.margin, 100)
			if !slices.Equal(got, c.want) || covered != c.covered {
				t.Errorf("got %v covering %d, want %v covering %d", got, covered, c.want, c.covered)
			}
		})
	}
}

func FuzzMatcherAgreesWithGitleaks(f *testing.F) {
	e := newEngine(f, Options{})
	d := reference(e)
	strict := strictMatcher(e)
	for _, texts := range ruleSamples(f, e, 1) {
		f.Add("src/app.ts", texts[0])
	}
	f.Add("dist/app.js", "var k='sk_live_'+x;const apiKey = \"AKIA\" + token;")
	f.Fuzz(func(t *testing.T, path, content string) {
		if len(content) > 64<<10 {
			return
		}
		got := candidateKeys(strict.find(context.Background(), path, content))
		want := candidateKeys(gitleaksCandidates(d, path, content))
		if !slices.Equal(got, want) {
			t.Errorf("matcher and gitleaks differ\n only the matcher: %v\n only gitleaks: %v", missing(want, got), missing(got, want))
		}
	})
}
