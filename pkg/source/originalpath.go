package source

import (
	"path"
	"regexp"
	"strings"
)

// urlScheme matches a scheme prefix ("webpack:", "file:"); one letter is a
// Windows drive, not a scheme.
var urlScheme = regexp.MustCompile(`^([a-zA-Z][a-zA-Z0-9+.-]+):`)

// OriginalPath turns a source map's sources[] entry, with the map's
// sourceRoot, into a slash path relative to the project, best effort:
// bundler schemes and namespaces go (webpack:///./src/x.ts and
// webpack://app/src/x.ts are both src/x.ts), loader queries go, and ".."
// cannot climb above the project ("../src/x.ts" is src/x.ts). An absolute
// path keeps its segments without the leading slash, since the build
// machine's project folder is not known. It returns "" when nothing is
// left.
func OriginalPath(sourceRoot, source string) string {
	s := strings.ReplaceAll(joinSourceRoot(sourceRoot, source), `\`, "/")
	if i := strings.IndexAny(s, "?#"); i >= 0 {
		s = s[:i]
	}
	if m := urlScheme.FindStringSubmatch(s); m != nil {
		scheme := strings.ToLower(m[1])
		s = s[len(m[0]):]
		if rest, ok := strings.CutPrefix(s, "//"); ok {
			s = rest
			switch {
			case strings.HasPrefix(s, "/"):
				// An empty authority: webpack:///src, file:///home.
			case scheme == "webpack" || scheme == "http" || scheme == "https" || scheme == "ng":
				// The authority is a bundle namespace or a host, not a
				// folder of the project; "." or ".." would be a folder.
				if first, rest, _ := strings.Cut(s, "/"); first != "." && first != ".." {
					s = rest
				}
			}
		}
	}
	if len(s) >= 2 && s[1] == ':' && isLetter(s[0]) {
		s = s[2:]
	}
	s = strings.TrimPrefix(path.Clean("/"+s), "/")
	if s == "." {
		return ""
	}
	return s
}

// joinSourceRoot prefixes a relative source with the map's sourceRoot, as
// the format defines it.
func joinSourceRoot(root, source string) string {
	if root == "" || urlScheme.MatchString(source) || strings.HasPrefix(source, "/") {
		return source
	}
	return strings.TrimSuffix(root, "/") + "/" + source
}
