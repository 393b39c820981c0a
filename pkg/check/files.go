package check

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"runtime"

	"golang.org/x/sync/errgroup"

	"github.com/launchgate/launchgate/pkg/source"
)

// Files is what checks read files through: a source.Tree, or a map in
// tests.
type Files interface {
	Files() []string
	Read(name string) ([]byte, error)
}

// RuleUnreadableFile is the rule of a tree file or folder that could not
// be read: nothing in it was checked, so the gate cannot vouch for it.
const RuleUnreadableFile = "secret/unreadable-file"

// Unreadable is the report of a tree entry that could not be read. Every
// reader of the tree reports one alike, with the same rule, file and key,
// so that when several checks meet the same file the pipeline's dedupe
// keeps one. It quotes no content.
func Unreadable(u source.Unreadable) Report {
	what := "could not be read"
	unchecked := "nothing in it was checked"
	if u.Folder {
		what, unchecked = "is a folder that could not be listed", "none of its files were checked"
	}
	return Report{
		Rule: RuleUnreadableFile,
		File: u.Path,
		Message: fmt.Sprintf("%s %s (%s): %s, for secrets or anything else, so the gate cannot vouch for it. Make it readable by the user the scan runs as, or exclude it in .launchgate.yml if it is not part of what ships",
			u.Path, what, u.Reason, unchecked),
		Key: u.Path,
	}
}

// EachFile reads the named files of fs concurrently, passes the text ones
// to examine, and emits the reports in the order of names, so a check's
// output does not depend on scheduling. A file that cannot be read is
// reported as RuleUnreadableFile at its place in that order, since what it
// holds went unchecked; one that vanished since it was listed, or grew
// past the tree's size limit, is logged and skipped. what stops when ctx
// ends. what names the work in errors and logs.
func EachFile(ctx context.Context, fs Files, names []string, what string, log *slog.Logger, examine func(name string, data []byte) []Report, emit func(Report)) error {
	results := make([][]Report, len(names))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, name := range names {
		g.Go(func() error {
			if err := gctx.Err(); err != nil {
				return err
			}
			data, err := fs.Read(name)
			if err != nil {
				if r, ok := ReadFailure(name, err); ok {
					results[i] = []Report{r}
				} else {
					log.Debug(what+" skipped a file", "file", name, "err", err)
				}
				return nil
			}
			if source.IsBinary(data) {
				return nil
			}
			results[i] = examine(name, data)
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return fmt.Errorf("%s: reading the tree: %w", what, err)
	}
	for _, rs := range results {
		for _, r := range rs {
			emit(r)
		}
	}
	return nil
}

// ReadFailure returns the report for err, the error reading the tree file
// name, and true, unless err leaves nothing unchecked: a file gone since
// the tree was listed holds nothing, and one over the size limit is the
// tree's documented skip, which its notes count.
func ReadFailure(name string, err error) (Report, bool) {
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, source.ErrTooLarge) {
		return Report{}, false
	}
	return Unreadable(source.Unreadable{Path: name, Reason: reason(err)}), true
}

// reason is a read error without the path it repeats.
func reason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
