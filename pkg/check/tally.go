package check

import (
	"fmt"
	"maps"
	"slices"
	"sync"
)

// Tally collects, per scorecard area, what the checks verified: the
// evidence behind a row's verdict ("12 of 12 spec operations declare
// auth"), said whether the row passes or fails. It is safe for concurrent
// use, and a nil *Tally ignores what it is told, so a check records
// without asking whether anyone listens.
type Tally struct {
	mu         sync.Mutex
	lines      map[string][]string
	unverified map[string][]string
}

// Record adds one line of evidence to area, formatted as fmt.Sprintf
// does; a line already recorded for the area is not repeated.
func (t *Tally) Record(area, format string, args ...any) {
	if t == nil {
		return
	}
	line := fmt.Sprintf(format, args...)
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.lines == nil {
		t.lines = map[string][]string{}
	}
	if !slices.Contains(t.lines[area], line) {
		t.lines[area] = append(t.lines[area], line)
	}
}

// Unverified records that a check which ran could not verify area, and
// why ("sign-in burst not sent: needs --allow-writes and probe.login"):
// a row with nothing else to vouch for it is not run, not a pass.
func (t *Tally) Unverified(area, format string, args ...any) {
	if t == nil {
		return
	}
	line := fmt.Sprintf(format, args...)
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.unverified == nil {
		t.unverified = map[string][]string{}
	}
	if !slices.Contains(t.unverified[area], line) {
		t.unverified[area] = append(t.unverified[area], line)
	}
}

// UnverifiedLines returns a copy of what was not verified, by area.
func (t *Tally) UnverifiedLines() map[string][]string {
	if t == nil {
		return nil
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	return cloneLines(t.unverified)
}

// Lines returns a copy of the evidence by area, each area's lines in the
// order recorded.
func (t *Tally) Lines() map[string][]string {
	if t == nil {
		return nil
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	return cloneLines(t.lines)
}

func cloneLines(m map[string][]string) map[string][]string {
	out := maps.Clone(m)
	for k, v := range out {
		out[k] = slices.Clone(v)
	}
	return out
}
