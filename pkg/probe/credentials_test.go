package probe

import (
	"slices"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/config"
)

func TestCredentials(t *testing.T) {
	jwt := "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLXBhcnQ"
	ids := []config.Identity{
		{Name: "alice", Headers: map[string]string{"Authorization": "Bearer " + jwt}},
		{Name: "bob", Headers: map[string]string{"Authorization": "Basic Ym9iOmh1bnRlcjI=", "Cookie": "sid=0123456789abcdef; theme=dark"}},
		{Name: "carol", Headers: map[string]string{"X-Api-Key": "k3y"}},
	}
	got := Credentials(ids)
	for _, want := range []string{
		"Bearer " + jwt, jwt, "eyJhbGciOiJIUzI1NiJ9", "eyJzdWIiOiJhbGljZSJ9", "c2lnbmF0dXJlLXBhcnQ",
		"Basic Ym9iOmh1bnRlcjI=", "Ym9iOmh1bnRlcjI=",
		"sid=0123456789abcdef; theme=dark", "0123456789abcdef",
	} {
		if !slices.Contains(got, want) {
			t.Errorf("Credentials lacks a part of %d chars (%.6s…)", len(want), want)
		}
	}
	// The scheme words are no secret, and a part shorter than 4 bytes
	// would blot out ordinary words; "dark" is a cookie value under 8.
	for _, not := range []string{"Bearer", "Basic", "k3y", "dark"} {
		if slices.Contains(got, not) {
			t.Errorf("Credentials holds %q", not)
		}
	}
	seen := map[string]bool{}
	for _, v := range got {
		if seen[v] {
			t.Errorf("Credentials lists a part twice")
		}
		seen[v] = true
	}
	if Credentials(nil) != nil {
		t.Error("no identities, yet credentials")
	}
}

// FuzzCredentials feeds header values of any shape: Credentials never
// panics, returns only pieces of the values of 4 bytes or more, and
// always the whole value.
func FuzzCredentials(f *testing.F) {
	for _, s := range []string{"Bearer a.b.c", "Basic YTpi", "sid=abcdefgh; x=1", "", " ", "Bearer", "\xff\x00 .;=", "Token  abcd  efgh "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		got := Credentials([]config.Identity{{Name: "x", Headers: map[string]string{"H": v}}})
		for _, c := range got {
			if len(c) < 4 || !strings.Contains(v, c) {
				t.Fatalf("part of %d bytes is short or not in the value", len(c))
			}
		}
		if len(v) >= 4 && !slices.Contains(got, v) {
			t.Fatal("the whole value is missing")
		}
	})
}
