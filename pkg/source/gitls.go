package source

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
)

// errNotWorkTree marks a root outside any git work tree, the ordinary case
// for a walk rather than something worth a note.
var errNotWorkTree = errors.New("not a git work tree")

// gitFiles asks git for the files under root that it tracks or would track:
// `git ls-files --cached --others --exclude-standard`, NUL-separated so no
// name needs unquoting. Dependency folders are excluded from the untracked
// walk up front, since node_modules can hold far more files than the
// project itself; tracked files inside them still arrive and are filtered
// later.
func gitFiles(ctx context.Context, root string, includeVendor bool) ([]string, error) {
	args := []string{"-c", "core.quotepath=off", "-C", root, "ls-files", "-z", "--cached", "--others", "--exclude-standard"}
	if !includeVendor {
		for _, d := range dependencyDirs {
			args = append(args, "--exclude="+d+"/")
		}
	}
	cmd := exec.CommandContext(ctx, "git", args...)
	cmd.Env = append(os.Environ(), "GIT_TERMINAL_PROMPT=0", "GIT_OPTIONAL_LOCKS=0", "LC_ALL=C")
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &limitedWriter{w: &stderr, left: 4 << 10}
	if err := cmd.Run(); err != nil {
		if errors.Is(err, exec.ErrNotFound) {
			return nil, fmt.Errorf("git is not installed: listed files by walking the folder, honouring only the root .gitignore")
		}
		msg := strings.TrimSpace(stderr.String())
		if strings.Contains(msg, "not a git repository") {
			return nil, errNotWorkTree
		}
		if i := strings.IndexByte(msg, '\n'); i >= 0 {
			msg = msg[:i]
		}
		return nil, fmt.Errorf("git ls-files failed (%s): listed files by walking the folder, honouring only the root .gitignore", msg)
	}
	out := stdout.Bytes()
	var names []string
	for len(out) > 0 {
		name, rest, _ := bytes.Cut(out, []byte{0})
		out = rest
		if len(name) > 0 {
			names = append(names, string(name))
		}
	}
	return names, nil
}

// limitedWriter keeps the first bytes written to it and drops the rest, so
// a chatty child process cannot grow memory.
type limitedWriter struct {
	w    *bytes.Buffer
	left int
}

func (l *limitedWriter) Write(p []byte) (int, error) {
	if l.left > 0 {
		n := min(len(p), l.left)
		l.w.Write(p[:n])
		l.left -= n
	}
	return len(p), nil
}
