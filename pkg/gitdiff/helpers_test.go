package gitdiff

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/testkit"
)

// TestMain isolates the tests from the machine's git configuration, so
// results depend only on what each test sets up.
func TestMain(m *testing.M) {
	os.Setenv("GIT_CONFIG_GLOBAL", os.DevNull)
	os.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	os.Exit(m.Run())
}

// testRepo is a real git repository in a temporary folder.
type testRepo struct {
	t   *testing.T
	dir string
}

func newTestRepo(t *testing.T) *testRepo {
	t.Helper()
	r := &testRepo{t: t, dir: t.TempDir()}
	testkit.InitRepo(t, r.dir)
	return r
}

// git runs a git command in the repository and returns its trimmed output.
func (r *testRepo) git(args ...string) string {
	r.t.Helper()
	return testkit.Git(r.t, r.dir, args...)
}

func (r *testRepo) write(name, content string) {
	r.t.Helper()
	testkit.WriteFiles(r.t, r.dir, map[string]string{name: content})
}

// commit stages everything and commits, returning the new commit ID.
func (r *testRepo) commit(msg string) string {
	r.t.Helper()
	return testkit.Commit(r.t, r.dir, msg)
}

func (r *testRepo) open() *Repo {
	r.t.Helper()
	repo, err := Open(context.Background(), r.dir)
	if err != nil {
		r.t.Fatalf("Open(%s): %v", r.dir, err)
	}
	return repo
}

// lines joins numbered lines "name 1\n" ... "name n\n".
func lines(name string, n int) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		b.WriteString(name)
		b.WriteString(" line ")
		b.WriteString(string(rune('0' + i%10)))
		b.WriteString(strings.Repeat("x", i))
		b.WriteString("\n")
	}
	return b.String()
}

// replaceLine returns content with 1-based line n replaced by s.
func replaceLine(content string, n int, s string) string {
	ls := strings.SplitAfter(content, "\n")
	ls[n-1] = s + "\n"
	return strings.Join(ls, "")
}

// insertAfter returns content with s inserted after 1-based line n.
func insertAfter(content string, n int, s ...string) string {
	ls := strings.SplitAfter(content, "\n")
	var ins []string
	for _, x := range s {
		ins = append(ins, x+"\n")
	}
	out := append([]string{}, ls[:n]...)
	out = append(out, ins...)
	out = append(out, ls[n:]...)
	return strings.Join(out, "")
}
