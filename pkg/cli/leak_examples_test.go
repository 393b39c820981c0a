package cli

import (
	"fmt"
	"path"
	"regexp"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/check/checktest"
	"github.com/launchgate/launchgate/pkg/checks"
	"github.com/launchgate/launchgate/pkg/testkit"
)

// literalRE finds the values written in an example: quoted strings, and
// unquoted values after = or :.
var literalRE = regexp.MustCompile(`"([^"\\\n]*)"|'([^'\\\n]*)'|[:=][ \t]*([^\s"'#,;{}\[\]()<>]+)`)

// maxVariants bounds the variants made of one example.
const maxVariants = 6

// variant is one example with one of its values replaced by a secret.
type variant struct {
	rule, file string
	line       int
}

// plantVariants returns input with each of its values, one at a time,
// replaced by a fresh secret: a URL keeps its shape and gets a password
// in its userinfo, anything else becomes a token (with a provider prefix
// for every other value, so both recognisers are exercised).
func plantVariants(t *testing.T, input string) (texts []string, lines []int, plants []testkit.Planted) {
	for k, m := range literalRE.FindAllStringSubmatchIndex(input, -1) {
		if len(texts) == maxVariants {
			break
		}
		start, end := -1, -1
		for g := 1; g <= 3; g++ {
			if m[2*g] >= 0 {
				start, end = m[2*g], m[2*g+1]
			}
		}
		if start < 0 {
			continue
		}
		value := input[start:end]
		var p testkit.Planted
		var repl string
		if scheme, rest, ok := strings.Cut(value, "://"); ok && rest != "" {
			if at := strings.LastIndexByte(rest, '@'); at >= 0 {
				rest = rest[at+1:]
			}
			p = testkit.Plant(t, "URL password in an example", "", 20)
			repl = scheme + "://deploy:" + p.Value + "@" + rest
		} else if k%2 == 0 {
			p = testkit.Plant(t, "token in an example", "ghp_", 36)
			repl = p.Value
		} else {
			p = testkit.Plant(t, "random value in an example", "", 32)
			repl = p.Value
		}
		texts = append(texts, input[:start]+repl+input[end:])
		lines = append(lines, strings.Count(input[:start], "\n")+1)
		plants = append(plants, p)
	}
	return texts, lines, plants
}

// TestRuleExamplesShowNoPlantedSecret runs every rule's examples that
// must match, each value in turn replaced by a secret, through every
// format: whatever a message quotes of the line, no piece of the secret
// may appear.
func TestRuleExamplesShowNoPlantedSecret(t *testing.T) {
	reg, err := checks.Load()
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	var plants []testkit.Planted
	var variants []variant
	n := 0
	for _, r := range reg.Catalog.Rules() {
		for _, ex := range r.Examples {
			file := checktest.ExampleFile(r, ex)
			if file == "" && r.Category() == "openapi" {
				file = "api/openapi.yaml"
			}
			if !ex.Match || file == "" {
				continue
			}
			texts, lines, ps := plantVariants(t, ex.Input)
			for i, text := range texts {
				n++
				name := path.Join(fmt.Sprintf("v%04d", n), file)
				files[name] = text
				variants = append(variants, variant{rule: r.ID, file: name, line: lines[i]})
			}
			plants = append(plants, ps...)
		}
	}
	if len(variants) < 150 {
		t.Fatalf("only %d variants from the rule examples", len(variants))
	}
	dir := writeTree(t, files)
	got := scanEveryFormat(t, reg, dir)
	if leaked := testkit.Leaks(got.out, plants); len(leaked) > 0 {
		t.Errorf("the outputs show %d planted values, such as %v", len(leaked), leaked[:min(5, len(leaked))])
	}
	// The test means something only when the rules still fire on lines
	// that hold the planted secret, so their messages had it to quote.
	fired, firedFile := got.keys, map[string]bool{}
	for k := range got.keys {
		firedFile[k[:strings.LastIndexByte(k, ':')]] = true
	}
	onLine, inFile := map[string]bool{}, map[string]bool{}
	for _, v := range variants {
		if fired[v.rule+"@"+v.file+":"+fmt.Sprint(v.line)] {
			onLine[v.rule] = true
		}
		if firedFile[v.rule+"@"+v.file] {
			inFile[v.rule] = true
		}
	}
	var missing []string
	for _, r := range reg.Catalog.Rules() {
		if len(r.Examples) > 0 && !inFile[r.ID] {
			missing = append(missing, r.ID)
		}
	}
	t.Logf("%d variants; %d rules fired on the line holding the secret, %d in its file; never: %v", len(variants), len(onLine), len(inFile), missing)
	// Measured: 30 and 48. The rest of the rules need the very value a
	// variant replaces (display_errors = On) or have no value to replace.
	if len(onLine) < 25 || len(inFile) < 40 {
		t.Errorf("only %d rules fired on a line holding a planted secret and %d in its file", len(onLine), len(inFile))
	}
}
