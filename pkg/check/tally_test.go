package check

import (
	"slices"
	"sync"
	"testing"
)

func TestTally(t *testing.T) {
	var tl Tally
	tl.Record("auth", "%d of %d spec operations declare auth", 3, 4)
	tl.Record("auth", "%d of %d spec operations declare auth", 3, 4)
	tl.Record("email", "SPF: 4 of 10 lookups")
	got := tl.Lines()
	if want := []string{"3 of 4 spec operations declare auth"}; !slices.Equal(got["auth"], want) {
		t.Errorf("auth = %q, want %q", got["auth"], want)
	}
	if len(got) != 2 {
		t.Errorf("areas = %v, want auth and email", got)
	}
	got["auth"][0] = "changed"
	if tl.Lines()["auth"][0] == "changed" {
		t.Error("Lines shares its slices with the tally")
	}
}

func TestNilTallyIgnores(t *testing.T) {
	var tl *Tally
	tl.Record("auth", "ignored")
	if tl.Lines() != nil {
		t.Error("a nil tally has lines")
	}
}

func TestTallyConcurrent(t *testing.T) {
	var tl Tally
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() { tl.Record("secrets", "line %d", i) })
	}
	wg.Wait()
	if n := len(tl.Lines()["secrets"]); n != 8 {
		t.Errorf("%d lines, want 8", n)
	}
}

func TestTallyUnverified(t *testing.T) {
	var tl Tally
	tl.Unverified("ratelimit", "sign-in burst not sent: needs %s", "--allow-writes")
	tl.Unverified("ratelimit", "sign-in burst not sent: needs %s", "--allow-writes")
	if got := tl.UnverifiedLines()["ratelimit"]; len(got) != 1 || got[0] != "sign-in burst not sent: needs --allow-writes" {
		t.Errorf("unverified = %q", got)
	}
	if len(tl.Lines()) != 0 {
		t.Errorf("an unverified line counts as evidence: %v", tl.Lines())
	}
	var none *Tally
	none.Unverified("ratelimit", "ignored")
	if none.UnverifiedLines() != nil {
		t.Error("a nil tally has unverified lines")
	}
}
