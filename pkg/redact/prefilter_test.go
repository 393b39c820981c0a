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
	"Authorization: BASIC dXNlcjpwYXNzd29yZA==",
	"ba\u017fic dXNlcjpwYXNzd29yZA==",
	`key = "Zk7Qp2Xv9Lm4Rt8Wb1Nc"`,
	"a run of thirty-two: Zk7Qp2Xv9Lm4Rt8Wb1Nc6Yd3Hf0Js5Gu",
	"AGE-SECRET-KEY-1QQQQQQQQQQQQ",
	"",
}

// TestPrefiltersLoseNothing holds the prefilters of the built-in
// recognisers to the expressions on their own: where one says no, the
// expression finds nothing.
func TestPrefiltersLoseNothing(t *testing.T) {
	for _, s := range prefilterSeeds {
		checkPrefilters(t, s)
	}
	if newPrefilter("plain words").marker() || !newPrefilter("x sk_live_abcdefgh").marker() {
		t.Error("marker misjudges plain words or a marker")
	}
	if newPrefilter("plain: words").assignments() != nil || newPrefilter("secret: words").assignments() == nil {
		t.Error("assignments misjudges text without or with a credential name")
	}
}

// TestMarkersAreValueRuns holds up what the marker prefilter rests on:
// every marker markerRE looks for is made of the value class, so a marker
// and its random part are one run of it.
func TestMarkersAreValueRuns(t *testing.T) {
	for _, m := range markers {
		if m[0] == '-' {
			continue
		}
		if p := newPrefilter(m); p.valueRun != len(m) {
			t.Errorf("marker %q holds a character outside the value class", m)
		}
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
	p := newPrefilter(s)
	if !p.marker() && markerRE.MatchString(s) {
		t.Errorf("marker(%q) is false but markerRE matches", s)
	}
	for _, tt := range []struct {
		name      string
		got, want [][]int
	}{
		{"assignRE", p.assignments(), assignRE.FindAllStringSubmatchIndex(s, -1)},
		{"schemeRE", p.scheme(), schemeRE.FindAllStringSubmatchIndex(s, -1)},
		{"quotedRE", p.quoted(), quotedRE.FindAllStringSubmatchIndex(s, -1)},
		{"tokenRE", p.tokens(), tokenRE.FindAllStringIndex(s, -1)},
	} {
		if !slices.EqualFunc(tt.got, tt.want, slices.Equal[[]int]) {
			t.Errorf("%s on %q: prefiltered %v, the expression finds %v", tt.name, s, tt.got, tt.want)
		}
	}
}
