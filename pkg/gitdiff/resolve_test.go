package gitdiff

import (
	"context"
	"errors"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/testkit"
)

// branchy is main: c1 - c2, and feature: c1 - c3.
type branchy struct {
	repo           *testRepo
	c1, c2, c3     string
	onMain, onFeat string
}

func newBranchy(t *testing.T) *branchy {
	t.Helper()
	r := newTestRepo(t)
	r.write("shared.txt", lines("s", 5))
	c1 := r.commit("c1")
	r.write("main-only.txt", "from main\n")
	c2 := r.commit("c2")
	r.git("checkout", "-q", "-b", "feature", c1)
	r.write("feature.txt", "f1\nf2\n")
	c3 := r.commit("c3")
	return &branchy{repo: r, c1: c1, c2: c2, c3: c3}
}

func TestResolveRange(t *testing.T) {
	b := newBranchy(t)
	repo := b.repo.open()
	ctx := context.Background()
	tests := []struct {
		spec     string
		base     string
		head     string
		addFiles []string
	}{
		{spec: "main..feature", base: b.c2, head: b.c3, addFiles: []string{"feature.txt"}},
		{spec: "main...feature", base: b.c1, head: b.c3, addFiles: []string{"feature.txt"}},
		{spec: "main", base: b.c2, head: b.c3, addFiles: []string{"feature.txt"}},
		{spec: "main..", base: b.c2, head: b.c3, addFiles: []string{"feature.txt"}},
		{spec: "main...", base: b.c1, head: b.c3, addFiles: []string{"feature.txt"}},
		{spec: "feature..main", base: b.c3, head: b.c2, addFiles: []string{"main-only.txt"}},
		{spec: "feature...main", base: b.c1, head: b.c2, addFiles: []string{"main-only.txt"}},
		{spec: b.c1[:8] + "..HEAD", base: b.c1, head: b.c3, addFiles: []string{"feature.txt"}},
		{spec: " HEAD~1 ", base: b.c1, head: b.c3, addFiles: []string{"feature.txt"}},
	}
	for _, tc := range tests {
		t.Run(tc.spec, func(t *testing.T) {
			base, head, err := repo.ResolveRange(ctx, tc.spec)
			if err != nil {
				t.Fatal(err)
			}
			if base != tc.base || head != tc.head {
				t.Fatalf("ResolveRange(%q) = %s, %s; want %s, %s", tc.spec, base, head, tc.base, tc.head)
			}
			added, err := repo.AddedLines(ctx, base, head)
			if err != nil {
				t.Fatal(err)
			}
			// With two dots, main..feature also "adds" back nothing of
			// main: main-only.txt is deleted on that side, so absent.
			if got := added.Files(); !reflect.DeepEqual(got, tc.addFiles) {
				t.Errorf("files added by %q = %v, want %v", tc.spec, got, tc.addFiles)
			}
		})
	}
}

func TestResolveRangeErrors(t *testing.T) {
	b := newBranchy(t)
	repo := b.repo.open()
	ctx := context.Background()
	unknown := strings.Repeat("0123456789", 4)
	tests := []struct {
		spec     string
		missing  string   // Rev of the *MissingCommitError, "" for other errors
		contains []string // parts of the message
	}{
		{spec: unknown + "..HEAD", missing: unknown, contains: []string{
			unknown + "..HEAD: commit \"" + unknown + "\" is not in this clone",
			"git fetch origin " + unknown, "fetch-depth: 0"}},
		{spec: "nope..feature", missing: "nope", contains: []string{`commit "nope"`, "git fetch --depth=1 origin nope:nope"}},
		{spec: "main...nope", missing: "nope", contains: []string{`commit "nope"`, "git fetch origin nope:nope"}},
		{spec: "abc1234", missing: "abc1234", contains: []string{"full 40-character commit ID of abc1234"}},
		{spec: "HEAD~9", missing: "HEAD~9", contains: []string{"--deepen"}},
		{spec: "", contains: []string{"empty git range"}},
		{spec: "a..b..c", contains: []string{"not a git range"}},
		{spec: "--output=x..HEAD", contains: []string{"not a revision"}},
		{spec: "HEAD^{tree}..HEAD", contains: []string{"not a commit"}},
	}
	for _, tc := range tests {
		t.Run(tc.spec, func(t *testing.T) {
			_, _, err := repo.ResolveRange(ctx, tc.spec)
			if err == nil {
				t.Fatalf("ResolveRange(%q) succeeded, want an error", tc.spec)
			}
			var missing *MissingCommitError
			if got := errors.As(err, &missing); got != (tc.missing != "") || got && missing.Rev != tc.missing {
				t.Errorf("error %v: missing-commit error = %v, want rev %q", err, got, tc.missing)
			}
			for _, part := range tc.contains {
				if !strings.Contains(err.Error(), part) {
					t.Errorf("error %q lacks %q", err, part)
				}
			}
		})
	}
}

// TestShallowClone makes the clone a CI checkout gets, checks that ranges
// reaching past it fail with the fetch command to run, runs that command,
// and checks that the range then resolves.
func TestShallowClone(t *testing.T) {
	b := newBranchy(t)
	b.repo.git("checkout", "-q", "main")
	ctx := context.Background()

	tests := []struct {
		spec    string
		missing string
		fetch   string
		base    string
		head    string
	}{
		{spec: b.c1 + "..HEAD", missing: b.c1, fetch: "git fetch origin " + b.c1, base: b.c1, head: b.c2},
		{spec: "origin/feature..HEAD", missing: "origin/feature", fetch: "git fetch --depth=1 origin feature:refs/remotes/origin/feature", base: b.c3, head: b.c2},
		{spec: "HEAD~1..HEAD", missing: "HEAD~1", fetch: "git fetch --deepen=50 origin", base: b.c1, head: b.c2},
		{spec: "origin/feature...HEAD", missing: "origin/feature", fetch: "git fetch --unshallow origin feature:refs/remotes/origin/feature", base: b.c1, head: b.c2},
	}
	for _, tc := range tests {
		t.Run(tc.spec, func(t *testing.T) {
			clone := filepath.Join(t.TempDir(), "clone")
			testkit.Git(t, b.repo.dir, "clone", "-q", "--depth=1", "--single-branch", "--branch", "main",
				"file://"+b.repo.dir, clone)
			repo, err := Open(ctx, clone)
			if err != nil {
				t.Fatal(err)
			}
			_, _, err = repo.ResolveRange(ctx, tc.spec)
			var missing *MissingCommitError
			if !errors.As(err, &missing) {
				t.Fatalf("ResolveRange(%q) = %v, want *MissingCommitError", tc.spec, err)
			}
			if missing.Rev != tc.missing || !missing.Shallow || !strings.HasPrefix(missing.Fetch, tc.fetch) {
				t.Fatalf("error = %+v, want rev %q, shallow, fetch %q", missing, tc.missing, tc.fetch)
			}
			if !strings.Contains(err.Error(), "(a shallow CI checkout?)") {
				t.Errorf("message %q does not suggest a shallow checkout", err)
			}
			// The hint must work as written.
			cmdline := strings.Fields(strings.SplitN(missing.Fetch, " (", 2)[0])
			cmd := exec.Command(cmdline[0], cmdline[1:]...)
			cmd.Dir = clone
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("hint %q failed: %v\n%s", missing.Fetch, err, out)
			}
			base, head, err := repo.ResolveRange(ctx, tc.spec)
			if err != nil || base != tc.base || head != tc.head {
				t.Fatalf("after the fetch, ResolveRange(%q) = %s, %s, %v; want %s, %s", tc.spec, base, head, err, tc.base, tc.head)
			}
			if _, err := repo.AddedLines(ctx, base, head); err != nil {
				t.Errorf("AddedLines after the fetch: %v", err)
			}
		})
	}
}

// TestShallowNoMergeBase has both tips but not the history between them,
// which is what a depth-1 fetch of the base branch gives.
func TestShallowNoMergeBase(t *testing.T) {
	b := newBranchy(t)
	b.repo.git("checkout", "-q", "main")
	clone := filepath.Join(t.TempDir(), "clone")
	testkit.Git(t, b.repo.dir, "clone", "-q", "--depth=1", "--single-branch", "--branch", "main", "file://"+b.repo.dir, clone)
	testkit.Git(t, clone, "fetch", "-q", "--depth=1", "origin", "feature:refs/remotes/origin/feature")
	repo, err := Open(context.Background(), clone)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := repo.ResolveRange(context.Background(), "origin/feature..HEAD"); err != nil {
		t.Fatalf("two-dot range needs only the tips: %v", err)
	}
	_, _, err = repo.ResolveRange(context.Background(), "origin/feature...HEAD")
	if err == nil {
		t.Fatal("three-dot range without history succeeded")
	}
	for _, part := range []string{"no merge base", "git fetch --unshallow", "fetch-depth: 0"} {
		if !strings.Contains(err.Error(), part) {
			t.Errorf("error %q lacks %q", err, part)
		}
	}
}
