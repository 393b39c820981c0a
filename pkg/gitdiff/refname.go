package gitdiff

import (
	"fmt"
	"strings"
)

// splitRelative splits a revision such as "origin/main~3", "HEAD^2" or
// "main@{1}" into the name it starts from and the suffix that walks from
// there; suffix is "" for a plain name.
func splitRelative(rev string) (name, suffix string) {
	i := strings.IndexAny(rev, "~^")
	if j := strings.Index(rev, "@{"); j >= 0 && (i < 0 || j < i) {
		i = j
	}
	if i < 0 {
		return rev, ""
	}
	return rev[:i], rev[i:]
}

// unexpanded reports whether name holds a variable reference that was
// never expanded: "${BASE}" in single quotes, or %BASE% outside cmd.exe.
// git allows $ and % in names, but no CI range means one.
func unexpanded(name string) bool {
	return strings.Contains(name, "$") || strings.Count(name, "%") >= 2
}

// refnameProblem says why git could not have a branch, tag or
// remote-tracking branch called name, following git check-ref-format, or
// returns "" for a name it could. Such a name cannot be fetched, so it gets
// no fetch hint: it is a mistake in the range.
func refnameProblem(name string) string {
	for _, c := range []byte(name) {
		switch {
		case c < 0x20 || c == 0x7f:
			return "git does not allow control characters in names"
		case strings.IndexByte(" ~^:?*[\\", c) >= 0:
			return fmt.Sprintf("git does not allow %q in branch or tag names", string(c))
		}
	}
	switch {
	case name == "":
		return "the name is empty"
	case name == "@":
		return ""
	case strings.Contains(name, "@{"):
		return `git does not allow "@{" in branch or tag names`
	case strings.HasPrefix(name, "/") || strings.HasSuffix(name, "/") || strings.Contains(name, "//"):
		return "git does not allow a name to start or end with /, or to hold //"
	case strings.HasSuffix(name, "."):
		return "git does not allow a name to end with ."
	}
	for _, part := range strings.Split(name, "/") {
		if strings.HasPrefix(part, ".") || strings.HasSuffix(part, ".lock") {
			return "git does not allow a part of a name to start with . or end with .lock"
		}
	}
	return ""
}
