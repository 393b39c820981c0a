package source

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"strings"
)

// errNotWorkTree marks a root outside any git work tree, the ordinary case
// for a walk rather than something worth a note.
var errNotWorkTree = errors.New("not a git work tree")

// gitListing is what git ls-files says of a work tree: the files, and the
// folders it could not open (git warns about those and goes on, so
// without this an unreadable folder would vanish from the scan unseen).
type gitListing struct {
	names []string
	// unreadable are the folders git could not open, relative to the root,
	// with its reason ("Permission denied").
	unreadable []Unreadable
}

// gitFiles asks git for the files under root that it tracks or would track:
// `git ls-files --cached --others --exclude-standard`, NUL-separated so no
// name needs unquoting. Dependency folders are excluded from the untracked
// walk up front, since node_modules can hold far more files than the
// project itself; tracked files inside them still arrive and are filtered
// later.
func gitFiles(ctx context.Context, root string, includeVendor bool) (gitListing, error) {
	args := []string{"-c", "core.quotepath=off", "-C", root, "ls-files", "-z", "--cached", "--others", "--exclude-standard"}
	if !includeVendor {
		for _, d := range dependencyDirs {
			args = append(args, "--exclude="+d+"/")
		}
	}
	var stdout bytes.Buffer
	stderr := &gitStderr{}
	if err := runGit(ctx, args, &stdout, stderr); err != nil {
		if errors.Is(err, exec.ErrNotFound) {
			return gitListing{}, fmt.Errorf("git is not installed: listed files by walking the folder, honouring only the root .gitignore")
		}
		msg := strings.TrimSpace(stderr.head.String())
		if strings.Contains(msg, "not a git repository") {
			return gitListing{}, errNotWorkTree
		}
		if i := strings.IndexByte(msg, '\n'); i >= 0 {
			msg = msg[:i]
		}
		return gitListing{}, fmt.Errorf("git ls-files failed (%s): listed files by walking the folder, honouring only the root .gitignore", msg)
	}
	var out gitListing
	rest := stdout.Bytes()
	for len(rest) > 0 {
		name, after, _ := bytes.Cut(rest, []byte{0})
		rest = after
		if len(name) > 0 {
			out.names = append(out.names, string(name))
		}
	}
	if len(stderr.dirs) > 0 {
		out.unreadable = unreadableDirs(ctx, root, stderr.dirs)
	}
	return out, nil
}

// runGit runs git with args in an environment that never prompts, locks
// or translates.
func runGit(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cmd := exec.CommandContext(ctx, "git", args...)
	cmd.Env = append(os.Environ(), "GIT_TERMINAL_PROMPT=0", "GIT_OPTIONAL_LOCKS=0", "LC_ALL=C")
	cmd.Stdout = stdout
	cmd.Stderr = stderr
	return cmd.Run()
}

// unreadableDirs turns the folders git warned about, which it names from
// the top of the work tree, into paths relative to root.
func unreadableDirs(ctx context.Context, root string, dirs []Unreadable) []Unreadable {
	var prefix bytes.Buffer
	if err := runGit(ctx, []string{"-C", root, "rev-parse", "--show-prefix"}, &prefix, io.Discard); err != nil {
		return dirs
	}
	p := strings.TrimSpace(prefix.String())
	var out []Unreadable
	for _, d := range dirs {
		rel, ok := strings.CutPrefix(d.Path, p)
		if ok && rel != "" {
			d.Path = rel
			out = append(out, d)
		}
	}
	return out
}

// maxWarnedDirs bounds the unreadable folders kept from git's warnings.
const maxWarnedDirs = 10_000

// gitStderr keeps the start of what git writes to stderr, for an error
// message, and picks out its warnings about folders it could not open.
// It holds a bounded amount whatever git writes.
type gitStderr struct {
	head    bytes.Buffer
	partial []byte
	dirs    []Unreadable
}

func (g *gitStderr) Write(p []byte) (int, error) {
	if room := 4<<10 - g.head.Len(); room > 0 {
		g.head.Write(p[:min(len(p), room)])
	}
	data := p
	for len(data) > 0 {
		line, rest, complete := bytes.Cut(data, []byte{'\n'})
		data = rest
		if !complete {
			if len(g.partial)+len(line) <= 8<<10 {
				g.partial = append(g.partial, line...)
			}
			break
		}
		if len(g.partial) > 0 {
			line = append(g.partial, line...)
			g.partial = nil
		}
		g.warning(string(line))
	}
	return len(p), nil
}

// warning records the folder of a line
// "warning: could not open directory 'web/private/': Permission denied".
func (g *gitStderr) warning(line string) {
	rest, ok := strings.CutPrefix(line, "warning: could not open directory '")
	if !ok || len(g.dirs) >= maxWarnedDirs {
		return
	}
	i := strings.LastIndex(rest, "': ")
	if i < 0 {
		return
	}
	dir := strings.TrimSuffix(rest[:i], "/")
	if dir == "" || !fs.ValidPath(dir) {
		return
	}
	g.dirs = append(g.dirs, Unreadable{Path: dir, Folder: true, Reason: strings.ToLower(rest[i+3:])})
}
