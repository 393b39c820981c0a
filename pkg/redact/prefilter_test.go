package redact

import (
	"slices"
	"testing"
)

// prefilterSeeds hold each recogniser's match and near misses: names in
// other cases, runes that fold to ASCII letters, markers mid-word.
var prefilterSeeds = []string{
	`password: "hunter2hunter2"`,
	`DB_PASSWD=s3cr3t`,
	`API-KEY => 'abc'`,
	`the credential: tokens are logged`,
	"ſecret=xyz",
	"api_\u212aey=xyz",
	"AUTHORIZATION: Bearer abcdefgh12345678",
	"no names here = 1",
	"sk_live_4eC39HqLyjWDarjtT1zdp7dc",
	"xsk_live_4eC39HqLyjWDarjtT1zdp7dc",
	"ghp_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
	"",
}

// TestPrefiltersLoseNothing holds the prefilters of markerRE and assignRE
// to the expressions on their own: where one says no, the expression
// finds nothing.
func TestPrefiltersLoseNothing(t *testing.T) {
	for _, s := range prefilterSeeds {
		checkPrefilters(t, s)
	}
	if holdsMarker("plain words") || !holdsMarker("x sk_live_abc") {
		t.Error("holdsMarker misjudges plain words or a marker")
	}
	if assignMatches("plain: words") != nil || assignMatches("secret: words") == nil {
		t.Error("assignMatches misjudges text without or with a credential name")
	}
}

func FuzzPrefilters(f *testing.F) {
	for _, s := range prefilterSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 4096 {
			return
		}
		checkPrefilters(t, s)
	})
}

func checkPrefilters(t *testing.T, s string) {
	t.Helper()
	if !holdsMarker(s) && markerRE.MatchString(s) {
		t.Errorf("holdsMarker(%q) is false but markerRE matches", s)
	}
	if got, want := assignMatches(s), assignRE.FindAllStringSubmatchIndex(s, -1); !slices.EqualFunc(got, want, slices.Equal[[]int]) {
		t.Errorf("assignMatches(%q) = %v, assignRE finds %v", s, got, want)
	}
}
