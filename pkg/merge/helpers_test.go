package merge

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/launchgate/launchgate/pkg/catalog"
	"github.com/launchgate/launchgate/pkg/finding"
	"github.com/launchgate/launchgate/pkg/report"
	"github.com/launchgate/launchgate/rules"
)

func testCatalog(t testing.TB) *catalog.Catalog {
	t.Helper()
	c, err := catalog.Load(rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// fnd is a fingerprinted finding of rule at file:line (or url).
func fnd(rule string, sev finding.Severity, file string, line int, url string) finding.Finding {
	f := finding.Finding{RuleID: rule, Severity: sev, File: file, Line: line, URL: url,
		Message: rule + " at " + file + url, Key: file + url}
	f.SetFingerprint()
	return f
}

// write writes r in format to dir/name and returns the path.
func write(t testing.TB, dir, name, format string, r *report.Result) string {
	t.Helper()
	rep, err := report.New(format)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := rep.Write(&buf, r); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// read reads the report at path, named by its path relative to dir.
func read(t testing.TB, dir, path string, cat *catalog.Catalog) *Input {
	t.Helper()
	rel, _ := filepath.Rel(dir, path)
	in, err := Read(path, filepath.ToSlash(rel), cat)
	if err != nil {
		t.Fatal(err)
	}
	return in
}
