package check

import (
	"context"
	"fmt"
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

// EachFile reads the named files of fs concurrently, passes the text ones
// to examine, and emits the reports in the order of names, so a check's
// output does not depend on scheduling. A file that cannot be read (it
// vanished, or grew past the tree's limit since it was listed) is logged
// and skipped; what is stops when ctx ends. what names the work in errors
// and logs.
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
				log.Debug(what+" skipped a file", "file", name, "err", err)
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
