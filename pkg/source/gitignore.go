package source

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"path"
	"strings"

	"github.com/launchgate/launchgate/pkg/config"
)

// maxGitignoreBytes bounds how much of a .gitignore the walk reads.
const maxGitignoreBytes = 1 << 20

// ignoreRule is one line of a root .gitignore, in the subset of the syntax
// that the folder walk honours: comments, blank lines, "!" negation, a
// trailing "/" for folders only, a "/" inside or at the start anchoring the
// pattern at the root (with ** spanning folders), and otherwise a glob
// matched against the base name at any depth. Escapes ("\#", "\ ") and
// nested .gitignore files are not supported; when in doubt the walk reads a
// file rather than skip it.
type ignoreRule struct {
	pattern  string
	negate   bool
	dirOnly  bool
	anchored bool
}

// readRootGitignore parses root/.gitignore, or returns nil when there is
// none or it cannot be read.
func readRootGitignore(root string) []ignoreRule {
	f, err := os.OpenInRoot(root, ".gitignore")
	if err != nil {
		return nil
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxGitignoreBytes))
	if err != nil {
		return nil
	}
	return parseGitignore(data)
}

func parseGitignore(data []byte) []ignoreRule {
	var rules []ignoreRule
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), maxGitignoreBytes)
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), " \t\r")
		if line == "" || strings.HasPrefix(line, "#") || strings.Contains(line, `\`) {
			continue
		}
		var r ignoreRule
		if rest, ok := strings.CutPrefix(line, "!"); ok {
			r.negate, line = true, rest
		}
		if rest, ok := strings.CutSuffix(line, "/"); ok {
			r.dirOnly, line = true, rest
		}
		if strings.Contains(line, "/") {
			r.anchored = true
			line = strings.TrimPrefix(line, "/")
		}
		if line == "" || !validGlob(line) {
			continue
		}
		r.pattern = line
		rules = append(rules, r)
	}
	return rules
}

func validGlob(p string) bool {
	for _, seg := range strings.Split(p, "/") {
		if _, err := path.Match(seg, ""); err != nil {
			return false
		}
	}
	return true
}

// ignored reports whether rel (a file, or a folder when dir is set) is
// ignored; the last matching rule decides, as in git.
func ignored(rules []ignoreRule, rel string, dir bool) bool {
	out := false
	for _, r := range rules {
		if r.dirOnly && !dir {
			continue
		}
		var hit bool
		if r.anchored {
			hit = config.MatchPath(r.pattern, rel)
		} else {
			hit, _ = path.Match(r.pattern, path.Base(rel))
		}
		if hit {
			out = !r.negate
		}
	}
	return out
}
