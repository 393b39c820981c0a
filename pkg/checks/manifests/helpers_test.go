package manifests

import (
	"context"
	"io/fs"
	"log/slog"
	"slices"
	"testing"

	"github.com/launchgate/launchgate/pkg/catalog"
	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/rules"
)

// memFiles is an in-memory tree.
type memFiles map[string]string

func (m memFiles) Files() []string {
	var names []string
	for n := range m {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

func (m memFiles) Read(name string) ([]byte, error) {
	s, ok := m[name]
	if !ok {
		return nil, fs.ErrNotExist
	}
	return []byte(s), nil
}

func loadCatalog(t testing.TB) *catalog.Catalog {
	t.Helper()
	c, err := catalog.Load(rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// run scans files and returns the reports.
func run(t testing.TB, files files) []check.Report {
	t.Helper()
	var out []check.Report
	err := scanFiles(context.Background(), files, slog.New(slog.DiscardHandler), func(r check.Report) {
		out = append(out, r)
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
