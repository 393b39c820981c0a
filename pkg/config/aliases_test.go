package config

import (
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestAliasBomb checks that a file which multiplies through aliases is
// refused quickly, never expanded without bound: by the shape check when
// the aliases land where they don't fit, and by our own budget when they
// fit. The yaml package's own ratio limit stays behind the budget: below
// 400,000 values it allows up to 99% aliases, so the budget is what trips.
func TestAliasBomb(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want string
	}{
		{"nested lists", laughs(), "bomb.yml:2: exclude[0]: want a string, not a list"},
		// 4,001 values per alias: the 25th alias, on line 4+2000+25,
		// passes 100,000.
		{"past the budget", wideAliases(2000, 20000), "bomb.yml:2029: aliases expand the file to more than 100000 extra values"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			done := make(chan error, 1)
			go func() {
				_, err := Parse("bomb.yml", []byte(tt.yaml))
				done <- err
			}()
			select {
			case err := <-done:
				if err == nil {
					t.Fatal("Parse accepted an alias bomb")
				}
				if !strings.HasPrefix(err.Error(), "bomb.yml:") || !strings.Contains(err.Error(), tt.want) {
					t.Errorf("error %q, want one naming the file and saying %q", err, tt.want)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("Parse did not return within 10s")
			}
		})
	}
}

// laughs is the classic shape: each level lists the previous one nine times.
func laughs() string {
	var b strings.Builder
	b.WriteString("tenant_params: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	b.WriteString("exclude: &a1 [*a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0]\n")
	return b.String()
}

// wideAliases fits the schema: the same mapping of keys headers used by
// users identities, which expands to keys×users values.
func wideAliases(keys, users int) string {
	var b strings.Builder
	b.WriteString("probe:\n  identities:\n    - name: a\n      headers: &h\n")
	for i := range keys {
		b.WriteString("        X-H" + strconv.Itoa(i) + ": v\n")
	}
	for i := range users {
		b.WriteString("    - {name: i" + strconv.Itoa(i) + ", headers: *h}\n")
	}
	return b.String()
}

// An alias inside its own anchor expands forever: it is an error with its
// line, not a stack overflow (found by FuzzParse; testdata/fuzz keeps it).
func TestAliasInsideItsAnchor(t *testing.T) {
	for _, yml := range []string{"a: &a [*a] ", "a: &a {b: [1, {c: *a}]}\n", "public_routes: &r\n  - *r\n"} {
		_, err := Parse("x.yml", []byte(yml))
		if err == nil || !strings.Contains(err.Error(), "inside its own anchor") {
			t.Errorf("Parse(%q) = %v, want the alias refused", yml, err)
		}
	}
}
