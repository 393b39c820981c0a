//go:build gore2regex

package debug

import re2 "github.com/wasilibs/go-re2"

// compileWindowed compiles the pattern of a rule that sees several lines.
// Such patterns join alternatives across frameworks with lazy gaps
// (`[\s\S]*?`) and run once per line near their literals; Go's regexp
// runs them on its NFA, RE2 on a DFA, an order of magnitude faster on
// large trees. Release builds carry the gore2regex tag for the secret scan
// already, so the engine is there.
func compileWindowed(pattern string) (expr, error) {
	return re2.Compile(pattern)
}
