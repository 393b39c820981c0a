package gitdiff

import (
	"path"
	"sort"
	"strings"
)

// Changes is what a diff did to each file of head: the lines it added, and
// the places where it removed lines. A removal at n means lines were taken
// out just before head line n (n is one past the last line when they were
// at the end).
type Changes struct {
	Added   Added
	Removed map[string][]int
}

// Touched reports whether the block [from, to] of file changed: a line in
// it was added, or lines were removed between two of its lines. A removal
// right before from belongs to whatever came before the block, so it does
// not count. A to below from means the single line from.
func (c Changes) Touched(file string, from, to int) bool {
	if c.Added.Touched(file, from, to) {
		return true
	}
	if to < from {
		to = from
	}
	at := c.Removed[file]
	i := sort.SearchInts(at, from+1)
	return i < len(at) && at[i] <= to
}

// Changed reports whether the range added lines to file, changed it as a
// binary file, or removed lines from it: whether Touched can be true for
// some block of it.
func (c Changes) Changed(file string) bool {
	_, added := c.Added[file]
	return added || len(c.Removed[file]) > 0
}

// Rebase keeps the files under the folder prefix and strips it, as
// Added.Rebase does.
func (c Changes) Rebase(prefix string) Changes {
	return Changes{Added: rebase(c.Added, prefix), Removed: rebase(c.Removed, prefix)}
}

// rebase keeps the entries of m under the folder prefix ("api" or "api/")
// and strips it; an empty prefix or "." keeps everything.
func rebase[V any](m map[string]V, prefix string) map[string]V {
	prefix = strings.Trim(path.Clean("/"+strings.ReplaceAll(prefix, "\\", "/")), "/")
	out := make(map[string]V, len(m))
	for f, v := range m {
		if prefix == "" {
			out[f] = v
			continue
		}
		if rest, ok := strings.CutPrefix(f, prefix+"/"); ok && rest != "" {
			out[rest] = v
		}
	}
	return out
}
