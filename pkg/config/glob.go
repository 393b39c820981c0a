package config

import (
	"path"
	"strings"
)

// MatchPath reports whether name, a slash-separated path relative to the
// scanned root, matches pattern. Pattern segments are path.Match globs
// (*, ?, [a-z]) within one folder level; a ** segment spans any number of
// levels, none included. The whole path must match: "*.min.js" is a file
// at the root, "**/*.min.js" one at any depth.
func MatchPath(pattern, name string) bool {
	pattern = strings.Trim(pattern, "/")
	name = strings.Trim(name, "/")
	if pattern == "" {
		return false
	}
	return matchSegments(split(pattern), split(name), func(p, s string) bool {
		ok, err := path.Match(p, s)
		return ok && err == nil
	})
}

// split cuts a slash path into segments; the root is no segments.
func split(p string) []string {
	p = strings.Trim(p, "/")
	if p == "" {
		return nil
	}
	return strings.Split(p, "/")
}

// matchSegments matches segments against a pattern in which "**" stands for
// any run of segments and eq decides every other pair. It runs in
// len(pat)×len(segs) steps whatever the pattern, so a pattern full of **
// cannot make it backtrack without end.
func matchSegments(pat, segs []string, eq func(p, s string) bool) bool {
	// ok[j] says whether the pattern so far matches segs[:j].
	ok := make([]bool, len(segs)+1)
	next := make([]bool, len(segs)+1)
	ok[0] = true
	for _, p := range pat {
		if p == "**" {
			// Zero or more segments: true from the first reachable j on.
			seen := false
			for j := range ok {
				seen = seen || ok[j]
				next[j] = seen
			}
		} else {
			next[0] = false
			for j := 1; j <= len(segs); j++ {
				next[j] = ok[j-1] && eq(p, segs[j-1])
			}
		}
		ok, next = next, ok
	}
	return ok[len(segs)]
}
