package source

import (
	"fmt"
	"path"
	"strings"

	"github.com/launchgate/launchgate/pkg/config"
)

// matchAny reports whether rel matches one of the slash globs, with the
// config file's glob semantics so an exclude means the same everywhere.
func matchAny(patterns []string, rel string) bool {
	for _, p := range patterns {
		if config.MatchPath(p, rel) {
			return true
		}
	}
	return false
}

// checkPatterns rejects a malformed glob up front; path.Match would
// otherwise just never match it and the user would wonder why.
func checkPatterns(patterns []string) error {
	for _, p := range patterns {
		for _, seg := range strings.Split(strings.Trim(p, "/"), "/") {
			if seg == "**" {
				continue
			}
			if _, err := path.Match(seg, ""); err != nil {
				return fmt.Errorf("exclude pattern %q: %w", p, err)
			}
		}
	}
	return nil
}
