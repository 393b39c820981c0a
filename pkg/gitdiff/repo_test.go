package gitdiff

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// scenario is a repository with one commit of every kind of change the diff
// filter meets, and the lines each adds.
type scenario struct {
	repo       *testRepo
	base, head string
	want       Added
}

func newScenario(t *testing.T) *scenario {
	t.Helper()
	r := newTestRepo(t)
	a := lines("a", 10)
	old := lines("old", 20)
	spec := lines("spec", 6)
	spaced := lines("sp", 4)
	shrink := lines("shrink", 5)
	r.write("a.txt", a)
	r.write("old.txt", old)
	r.write("gone.txt", lines("gone", 3))
	r.write("sub/api/spec.yaml", spec)
	r.write("img.bin", "\x00\x01\x02binary")
	r.write("space name.txt", spaced)
	r.write("shrink.txt", shrink)
	r.write("nonl.txt", "a\nb")
	base := r.commit("base")

	r.write("a.txt", insertAfter(replaceLine(a, 2, "changed two"), 8, "new nine", "new ten"))
	r.write("new.txt", lines("new", 3))
	if err := os.Remove(filepath.Join(r.dir, "gone.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(r.dir, "old.txt")); err != nil {
		t.Fatal(err)
	}
	r.write("moved/renamed.txt", replaceLine(old, 3, "edited after the move"))
	r.write("sub/api/spec.yaml", insertAfter(spec, 0, "openapi: 3.1.0"))
	r.write("img.bin", "\x00\x01\x03binary changed")
	r.write("space name.txt", replaceLine(spaced, 4, "four"))
	r.write("tab\tand\"quote.txt", "one\ntwo\n")
	r.write("ünïcode.txt", "un\n")
	// A folder named like git's b/ prefix catches a prefix left out.
	r.write("b/inner.txt", "in\n")
	r.write("shrink.txt", strings.Replace(shrink, lines("shrink", 2)[len(lines("shrink", 1)):], "", 1))
	r.write("nonl.txt", "a\nB\nc")
	head := r.commit("head")

	// Uncommitted edits must not leak into a commit-to-commit comparison.
	r.write("a.txt", "dirty\n")
	r.write("untracked.txt", "dirty\n")

	return &scenario{repo: r, base: base, head: head, want: Added{
		"a.txt":               {{2, 2}, {9, 10}},
		"new.txt":             {{1, 3}},
		"moved/renamed.txt":   {{3, 3}},
		"sub/api/spec.yaml":   {{1, 1}},
		"img.bin":             {},
		"space name.txt":      {{4, 4}},
		"tab\tand\"quote.txt": {{1, 2}},
		"ünïcode.txt":         {{1, 1}},
		"b/inner.txt":         {{1, 1}},
		"nonl.txt":            {{2, 3}},
	}}
}

func TestAddedLines(t *testing.T) {
	s := newScenario(t)
	got, err := s.repo.open().AddedLines(context.Background(), s.base, s.head)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, s.want) {
		t.Errorf("AddedLines:\n got %v\nwant %v", got, s.want)
	}
	for _, absent := range []string{"gone.txt", "old.txt", "shrink.txt", "untracked.txt"} {
		if _, ok := got[absent]; ok {
			t.Errorf("%s is listed; deleted, renamed-away, deletion-only and untracked files must be absent", absent)
		}
	}
	if !got.Binary("img.bin") || got.Binary("a.txt") {
		t.Errorf("Binary: img.bin=%v a.txt=%v, want true false", got.Binary("img.bin"), got.Binary("a.txt"))
	}
}

// TestAddedLinesIgnoresUserConfig sets every configuration knob that would
// change git diff's output format and expects the same result.
func TestAddedLinesIgnoresUserConfig(t *testing.T) {
	s := newScenario(t)
	for k, v := range map[string]string{
		"diff.noprefix":       "true",
		"diff.mnemonicPrefix": "true",
		"color.ui":            "always",
		"color.diff":          "always",
		"diff.external":       "false",
		"diff.relative":       "true",
		"diff.renames":        "false",
		"core.quotepath":      "true",
		"diff.context":        "5",
	} {
		s.repo.git("config", k, v)
	}
	s.repo.write(".gitattributes", "* diff=dropfirst\n")
	// A textconv driver that drops the first line would shift every
	// added line if git applied it.
	s.repo.git("config", "diff.dropfirst.textconv", "sed 1d")
	sub := filepath.Join(s.repo.dir, "sub")
	repo, err := Open(context.Background(), sub)
	if err != nil {
		t.Fatal(err)
	}
	got, err := repo.AddedLines(context.Background(), s.base, s.head)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, s.want) {
		t.Errorf("AddedLines with hostile config:\n got %v\nwant %v", got, s.want)
	}
}

func TestAddedLinesRebase(t *testing.T) {
	s := newScenario(t)
	repo := s.repo.open()
	got, err := repo.AddedLines(context.Background(), s.base, s.head)
	if err != nil {
		t.Fatal(err)
	}
	prefix, err := repo.RelPath(filepath.Join(s.repo.dir, "sub", "api"))
	if err != nil {
		t.Fatal(err)
	}
	if prefix != "sub/api" {
		t.Fatalf("RelPath = %q, want sub/api", prefix)
	}
	rebased := got.Rebase(prefix)
	want := Added{"spec.yaml": {{1, 1}}}
	if !reflect.DeepEqual(rebased, want) {
		t.Errorf("Rebase(%q) = %v, want %v", prefix, rebased, want)
	}
	if !rebased.Touched("spec.yaml", 1, 1) || rebased.Touched("spec.yaml", 2, 6) {
		t.Errorf("Touched on rebased set is wrong: %v", rebased)
	}
}

func TestOpen(t *testing.T) {
	r := newTestRepo(t)
	r.write("deep/er/file.txt", "x\n")
	r.commit("c")
	ctx := context.Background()
	for _, dir := range []string{r.dir, filepath.Join(r.dir, "deep", "er"), filepath.Join(r.dir, "deep", "er", "file.txt")} {
		repo, err := Open(ctx, dir)
		if err != nil {
			t.Fatalf("Open(%s): %v", dir, err)
		}
		want, _ := filepath.EvalSymlinks(r.dir)
		if got, _ := filepath.EvalSymlinks(repo.Root()); got != want || !filepath.IsAbs(repo.Root()) {
			t.Errorf("Open(%s).Root() = %q, want %q", dir, repo.Root(), want)
		}
	}

	plain := t.TempDir()
	_, err := Open(ctx, plain)
	if !errors.Is(err, ErrNotWorkTree) {
		t.Fatalf("Open(non-repo) = %v, want ErrNotWorkTree", err)
	}
	if want := plain + " is not inside a git work tree"; err.Error() != want {
		t.Errorf("message = %q, want %q", err, want)
	}
	if _, err := Open(ctx, filepath.Join(plain, "missing")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Open(missing dir) = %v, want fs.ErrNotExist", err)
	}
	if _, err := Open(ctx, filepath.Join(r.dir, ".git")); !errors.Is(err, ErrNotWorkTree) {
		t.Errorf("Open(.git) = %v, want ErrNotWorkTree", err)
	}
}

func TestReadFile(t *testing.T) {
	r := newTestRepo(t)
	r.write("api/openapi.yaml", "v1\n")
	r.write("keep.txt", "k\n")
	first := r.commit("first")
	r.write("api/openapi.yaml", "v2\n")
	if err := os.Remove(filepath.Join(r.dir, "keep.txt")); err != nil {
		t.Fatal(err)
	}
	second := r.commit("second")
	r.write("api/openapi.yaml", "dirty\n")
	repo := r.open()
	ctx := context.Background()

	tests := []struct {
		name, rev, file string
		want            string
		wantErr         error
	}{
		{name: "at first commit", rev: first, file: "api/openapi.yaml", want: "v1\n"},
		{name: "at HEAD ignores work tree", rev: "HEAD", file: "api/openapi.yaml", want: "v2\n"},
		{name: "relative rev", rev: "HEAD~1", file: "keep.txt", want: "k\n"},
		{name: "deleted at head", rev: second, file: "keep.txt", wantErr: fs.ErrNotExist},
		{name: "never existed", rev: first, file: "nope.yaml", wantErr: fs.ErrNotExist},
		{name: "escaping path", rev: first, file: "../x", wantErr: fs.ErrInvalid},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := repo.ReadFile(ctx, tc.rev, tc.file)
			if tc.wantErr != nil {
				if !errors.Is(err, tc.wantErr) {
					t.Fatalf("ReadFile = %q, %v; want error %v", got, err, tc.wantErr)
				}
				return
			}
			if err != nil || string(got) != tc.want {
				t.Fatalf("ReadFile = %q, %v; want %q", got, err, tc.want)
			}
		})
	}

	_, err := repo.ReadFile(ctx, first, "api")
	if err == nil || errors.Is(err, fs.ErrNotExist) {
		t.Errorf("ReadFile(directory) = %v, want a not-a-file error", err)
	}
	var missing *MissingCommitError
	if _, err := repo.ReadFile(ctx, strings.Repeat("ab", 20), "keep.txt"); !errors.As(err, &missing) {
		t.Errorf("ReadFile(unknown commit) = %v, want *MissingCommitError", err)
	}
}

func TestHeadIs(t *testing.T) {
	r := newTestRepo(t)
	r.write("f", "1\n")
	first := r.commit("1")
	r.write("f", "2\n")
	second := r.commit("2")
	repo := r.open()
	ctx := context.Background()
	for rev, want := range map[string]bool{
		second: true, "HEAD": true, "main": true, second[:10]: true,
		first: false, "HEAD~1": false, "no-such-branch": false,
	} {
		if got := repo.HeadIs(ctx, rev); got != want {
			t.Errorf("HeadIs(%q) = %v, want %v", rev, got, want)
		}
	}
}
