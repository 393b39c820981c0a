//go:build !gore2regex

package debug

import "regexp"

// compileWindowed compiles the pattern of a rule that sees several lines;
// builds with the gore2regex tag use RE2 for it (see pattern_re2.go).
func compileWindowed(pattern string) (expr, error) {
	return regexp.Compile(pattern)
}
