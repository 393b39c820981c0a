package secrets

import (
	"slices"
	"testing"
)

func TestRuleReach(t *testing.T) {
	cases := []struct {
		pattern string
		want    int
	}{
		{`abc`, 3},
		{`sk_live_[0-9a-z]{24}`, 32},
		{`(?i)k`, 3}, // the Kelvin sign folds to k
		{`(?:ab|cdef)x?`, 5},
		{`\bghp_[0-9a-zA-Z]{36}\b`, 40},
		{`[\w.-]{0,50}?key`, 53},
		{`a+`, unbounded},
		{`x[a-z]{17,}`, unbounded},
		{`é`, 2},
		{`(`, unbounded},
	}
	for _, c := range cases {
		if got := ruleReach(c.pattern); got != c.want {
			t.Errorf("ruleReach(%q) = %d, want %d", c.pattern, got, c.want)
		}
	}
}

func TestHoldsKeyword(t *testing.T) {
	cases := []struct {
		name     string
		pattern  string
		keywords []string
		want     bool
	}{
		{"literal prefix", `sk_live_[0-9a-z]{24}`, []string{"sk_live"}, true},
		{"case-folded literal", `(?i)stripe[a-z]{4}`, []string{"stripe"}, true},
		{"alternation, each branch", `(?:ghp|gho)_[a-z]{36}`, []string{"ghp_", "gho_"}, true},
		{"spelled across a class", `(?-i:ETSY|[Ee]tsy)=x`, []string{"etsy"}, true},
		{"keyword names the provider only", `\bpat[a-z]{14}\.[a-f0-9]{64}`, []string{"airtable"}, false},
		{"one branch lacks it", `(?:hvs\.|b\.)[a-z]{24}`, []string{"hvs."}, false},
		{"optional literal", `(?:key)?[a-z]{8}`, []string{"key"}, false},
		{"repeated at least once", `(?:token){1,3}=`, []string{"token"}, true},
		{"unreadable", `(`, []string{"x"}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := holdsKeyword(c.pattern, c.keywords); got != c.want {
				t.Errorf("holdsKeyword(%q, %q) = %v, want %v", c.pattern, c.keywords, got, c.want)
			}
		})
	}
}

func TestRequiredLiterals(t *testing.T) {
	cases := []struct {
		name    string
		pattern string
		want    []literal
	}{
		{"concatenation", `\bey[a-z]{17,}\.ey[a-z]{17,}`, []literal{{text: ".ey"}}},
		{"folded", `(?i)data:\s+x`, []literal{{text: "data:", fold: true}}},
		{"folded with k and s, checked by present", `(?i)kind:\s+secret`, []literal{{text: "kind:", fold: true}, {text: "secret", fold: true}}},
		{"common to every branch", `(?:a|b)xyz|cxyz`, []literal{{text: "xyz"}}},
		{"nothing common", `abc|def`, nil},
		{"optional is not required", `(?:abcd)?x`, nil},
		{"too short", `ab[0-9]+`, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := requiredLiterals(c.pattern); !slices.Equal(got, c.want) {
				t.Errorf("requiredLiterals(%q) = %v, want %v", c.pattern, got, c.want)
			}
		})
	}
}

func TestPresent(t *testing.T) {
	lits := []literal{{text: ".ey"}, {text: "data:", fold: true}}
	cases := []struct {
		name string
		view string
		want bool
	}{
		{"both", "x.eyJ DATA: y", true},
		{"folded one in another case", "x.ey Data:", true},
		{"exact one in another case", "x.EY data:", false},
		{"one missing", "x.ey", false},
		{"a Kelvin sign may stand for k", "x \u212a", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := present(lits, c.view, asciiLower(c.view)); got != c.want {
				t.Errorf("present(%q) = %v, want %v", c.view, got, c.want)
			}
		})
	}
}
