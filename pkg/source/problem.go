package source

import "fmt"

// Problem is what could not be checked in one artifact on disk, or what is
// suspicious about it: a file or folder that could not be read, an archive
// damaged, truncated, nested too deep or over a limit, members whose names
// leave the archive folder. Problems of one kind in one artifact are one
// Problem with a count, however many members share them, so a crafted
// archive of 4,096 nested zips costs one line. Upstream a Problem becomes a
// finding.
type Problem struct {
	// Path is the artifact on disk the problem is in, relative to the scan
	// root with / separators: a file, an archive or a folder of build output.
	Path string
	// Kind names the problem in a stable slug ("too-deep", "damaged"), so a
	// finding keyed by it survives a change of count.
	Kind string
	// Count is how many members (or nested archives) have the problem; 1
	// for a problem of the artifact itself.
	Count int
	// First is the display path of the first occurrence: Path itself, or a
	// member as in Blob.Path ("dist/site.zip!a.zip!b.zip").
	First string
	// Message says what is wrong and what was or was not read, naming First,
	// without file content.
	Message string
}

// problemKind is one kind of Problem.
type problemKind int

const (
	// kindUnreadable is a file or folder of build output that could not be
	// opened or read.
	kindUnreadable problemKind = iota
	// kindDamaged is an archive that is not one, or is truncated or corrupt:
	// the members before the damage were read, the rest not.
	kindDamaged
	// kindMember is a member that could not be read (corrupt data, an
	// unsupported method) in an archive that is otherwise read on.
	kindMember
	// kindTooDeep is a nested archive beyond MaxDepth, not opened.
	kindTooDeep
	// kindTooLarge is a file or member over MaxEntryBytes, not read.
	kindTooLarge
	// kindTooMany is an archive with more than MaxEntries members: the
	// rest was not read.
	kindTooMany
	// kindBudget is an archive abandoned at MaxTotalBytes: the members
	// before the limit were read, the rest not.
	kindBudget
	// kindTraversal is a member whose stored name leaves the archive
	// folder; its content is read under the cleaned name.
	kindTraversal
	// kindLinkOutside is a link member whose target lies outside the
	// archive folder.
	kindLinkOutside
	problemKinds
)

// kindSlugs are the Problem.Kind of each kind.
var kindSlugs = [problemKinds]string{
	kindUnreadable:  "unreadable",
	kindDamaged:     "damaged",
	kindMember:      "unreadable-member",
	kindTooDeep:     "too-deep",
	kindTooLarge:    "too-large",
	kindTooMany:     "too-many-members",
	kindBudget:      "total-limit",
	kindTraversal:   "path-traversal",
	kindLinkOutside: "link-outside",
}

// problemSet gathers the problems of one walk, one per artifact and kind,
// in the order they first occur.
type problemSet struct {
	list []*gathered
	at   map[problemAt]*gathered
}

// gathered is a Problem being counted.
type gathered struct {
	Problem
	kind problemKind
}

type problemAt struct {
	path string
	kind problemKind
}

// add counts one occurrence of kind in the artifact top, at the display
// path where; detail says what is wrong with where. The first occurrence's
// detail is the one kept.
func (s *problemSet) add(top string, kind problemKind, where, detail string) {
	if s.at == nil {
		s.at = map[problemAt]*gathered{}
	}
	key := problemAt{top, kind}
	if g := s.at[key]; g != nil {
		g.Count++
		return
	}
	g := &gathered{Problem: Problem{Path: top, Kind: kindSlugs[kind], Count: 1, First: where, Message: where + ": " + detail}, kind: kind}
	s.at[key] = g
	s.list = append(s.list, g)
}

// problems returns the gathered problems with their final messages; a
// kind that occurred more than once is summed up by summary.
func (s *problemSet) problems(summary func(kind problemKind, n int) string) []Problem {
	out := make([]Problem, 0, len(s.list))
	for _, g := range s.list {
		p := g.Problem
		if p.Count > 1 {
			p.Message = fmt.Sprintf("%s; first: %s", summary(g.kind, p.Count), p.Message)
		}
		out = append(out, p)
	}
	return out
}

// summary says how many occurrences of kind one artifact has, and what that
// means for what was read.
func (w *walker) summary(kind problemKind, n int) string {
	switch kind {
	case kindUnreadable:
		return fmt.Sprintf("%d entries could not be read; what they hold was not checked", n)
	case kindDamaged:
		return fmt.Sprintf("%d archives (this one or archives nested in it) are damaged or truncated; the members after the damage were not read", n)
	case kindMember:
		return fmt.Sprintf("%d members could not be read; what they hold was not checked", n)
	case kindTooDeep:
		return fmt.Sprintf("%d nested archives deeper than %d levels were not opened", n, w.opts.MaxDepth)
	case kindTooLarge:
		return fmt.Sprintf("%d files over the %s limit were not read", n, formatBytes(w.opts.MaxEntryBytes))
	case kindTooMany:
		return fmt.Sprintf("%d archives (this one or archives nested in it) hold more than %d members; only the first %d of each were read", n, w.opts.MaxEntries, w.opts.MaxEntries)
	case kindTraversal:
		return fmt.Sprintf("%d members are named to leave the archive folder (path traversal, zip slip); their content was scanned under the cleaned names", n)
	case kindLinkOutside:
		return fmt.Sprintf("%d links point outside the archive folder (path traversal)", n)
	}
	return fmt.Sprintf("%d problems", n)
}
