package gitdiff

import (
	"cmp"
	"slices"
	"sort"
)

// Added lists, per file, the lines a diff added. Keys are head-side paths
// relative to the repository root with / separators; a renamed file is
// keyed by its new name and a deleted file is absent. A binary file that was
// added or changed is present with no ranges, so callers can tell "changed,
// but no lines to point at" from "not changed". A text file whose change
// only removed lines is absent.
type Added map[string][]LineRange

// LineRange is a run of added lines, inclusive and 1-based.
type LineRange struct{ From, To int }

// Touched reports whether any line in [from, to] of file was added. A to
// below from (an unknown end line, say 0) means the single line from.
func (a Added) Touched(file string, from, to int) bool {
	if to < from {
		to = from
	}
	ranges := a[file]
	// Ranges are sorted and disjoint: find the first that ends at or after
	// from, and see whether it starts by to.
	i := sort.Search(len(ranges), func(i int) bool { return ranges[i].To >= from })
	return i < len(ranges) && ranges[i].From <= to
}

// Files returns the changed files, sorted.
func (a Added) Files() []string {
	files := make([]string, 0, len(a))
	for f := range a {
		files = append(files, f)
	}
	slices.Sort(files)
	return files
}

// Binary reports whether file is a binary file the diff added or changed.
func (a Added) Binary(file string) bool {
	ranges, ok := a[file]
	return ok && len(ranges) == 0
}

// Rebase keeps the files under the folder prefix ("api" or "api/") and
// strips it, turning repository-relative paths into paths relative to a
// scan root inside the repository. An empty prefix or "." keeps everything.
func (a Added) Rebase(prefix string) Added {
	return rebase(a, prefix)
}

// add records that line n of file was added, extending the last range when
// the line follows it, which is the common case because hunks arrive in
// order.
func (a Added) add(file string, n int) {
	ranges := a[file]
	if k := len(ranges); k > 0 && ranges[k-1].To+1 == n {
		ranges[k-1].To = n
		return
	}
	a[file] = append(ranges, LineRange{From: n, To: n})
}

// touch records file as changed without added lines (a binary file).
func (a Added) touch(file string) {
	if _, ok := a[file]; !ok {
		a[file] = []LineRange{}
	}
}

// normalize sorts and merges each file's ranges so Touched can binary
// search; a hand-written or odd diff may list hunks out of order.
func (a Added) normalize() {
	for f, ranges := range a {
		if len(ranges) < 2 {
			continue
		}
		slices.SortFunc(ranges, func(x, y LineRange) int { return cmp.Compare(x.From, y.From) })
		merged := ranges[:1]
		for _, r := range ranges[1:] {
			last := &merged[len(merged)-1]
			if r.From <= last.To+1 {
				last.To = max(last.To, r.To)
				continue
			}
			merged = append(merged, r)
		}
		a[f] = merged
	}
}
