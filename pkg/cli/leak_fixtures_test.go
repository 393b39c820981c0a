package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/checks"
	"github.com/launchgate/launchgate/pkg/testkit"
)

// fixturePortals are the example projects under testdata.
func fixturePortals(t *testing.T) []string {
	t.Helper()
	var roots []string
	for _, glob := range []string{"portal/*", "debug/*", "prodconfig/*/*"} {
		m, err := filepath.Glob(filepath.Join("..", "..", "testdata", glob))
		if err != nil {
			t.Fatal(err)
		}
		roots = append(roots, m...)
	}
	if len(roots) < 10 {
		t.Fatalf("found only %d fixture portals", len(roots))
	}
	return roots
}

// findingLines returns the lines findings point at, by file.
func findingLines(keys map[string]bool) map[string]map[int]bool {
	out := map[string]map[int]bool{}
	for k := range keys {
		_, at, _ := strings.Cut(k, "@")
		i := strings.LastIndexByte(at, ':')
		file, line := at[:i], at[i+1:]
		n, err := strconv.Atoi(line)
		if file == "" || strings.Contains(file, "!") || err != nil || n == 0 {
			continue
		}
		if out[file] == nil {
			out[file] = map[int]bool{}
		}
		out[file][n] = true
	}
	return out
}

// plantOnLines replaces every value on the given lines of the file at
// path with a fresh secret, and returns what it planted.
func plantOnLines(t *testing.T, path string, lines map[int]bool) []testkit.Planted {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Split(string(data), "\n")
	var plants []testkit.Planted
	for n := range lines {
		if n < 1 || n > len(text) || len(text[n-1]) > 4096 {
			continue
		}
		line := text[n-1]
		// Replace from the right, so earlier offsets stay valid.
		ms := literalRE.FindAllStringSubmatchIndex(line, -1)
		for i := len(ms) - 1; i >= 0; i-- {
			m := ms[i]
			for g := 3; g >= 1; g-- {
				if start, end := m[2*g], m[2*g+1]; start >= 0 && end > start {
					p := testkit.Plant(t, fmt.Sprintf("value on %s:%d", filepath.Base(path), n), "", 24)
					line = line[:start] + p.Value + line[end:]
					plants = append(plants, p)
					break
				}
			}
		}
		text[n-1] = line
	}
	if err := os.WriteFile(path, []byte(strings.Join(text, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	return plants
}

// TestFixturePortalsShowNoPlantedSecret replaces every value on every
// line a fixture portal's findings point at with a secret, and greps
// every format for it.
func TestFixturePortalsShowNoPlantedSecret(t *testing.T) {
	reg, err := checks.Load()
	if err != nil {
		t.Fatal(err)
	}
	stillFound := 0
	for _, src := range fixturePortals(t) {
		name, _ := filepath.Rel(filepath.Join("..", "..", "testdata"), src)
		t.Run(filepath.ToSlash(name), func(t *testing.T) {
			dir := t.TempDir()
			if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
				t.Fatal(err)
			}
			var plants []testkit.Planted
			before := findingLines(scanEveryFormat(t, reg, dir).keys)
			for file, lines := range before {
				plants = append(plants, plantOnLines(t, filepath.Join(dir, filepath.FromSlash(file)), lines)...)
			}
			after := scanEveryFormat(t, reg, dir)
			if got := testkit.Leaks(after.out, plants); len(got) > 0 {
				t.Errorf("the outputs show %v", got)
			}
			for file, lines := range findingLines(after.keys) {
				for n := range lines {
					if before[file][n] {
						stillFound++
					}
				}
			}
		})
	}
	// The secrets sat where the messages look: most findings still point
	// at the lines that now hold them.
	if stillFound < 50 {
		t.Errorf("only %d findings still point at a line holding a planted secret", stillFound)
	}
	t.Logf("%d findings point at lines holding planted secrets", stillFound)
}
