package gitdiff

import (
	"cmp"
	"context"
	"errors"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
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
	// A remote, so that the hints have somewhere to fetch from; the tests
	// only read them here (TestShallowClone runs them).
	b.repo.git("remote", "add", "origin", "file://"+b.repo.dir)
	repo := b.repo.open()
	ctx := context.Background()
	unknown := strings.Repeat("0123456789", 4)
	tests := []struct {
		spec     string
		missing  string   // Rev of the *MissingCommitError, "" for other errors
		contains []string // parts of the message
	}{
		{spec: unknown + "..HEAD", missing: unknown, contains: []string{
			`"` + unknown + `..HEAD": commit "` + unknown + `" is not in this clone`,
			"git fetch origin " + unknown, "fetch-depth: 0"}},
		// A full clone gets no --depth=1: the fetch must not make it shallow.
		{spec: "nope..feature", missing: "nope", contains: []string{`commit "nope"`, "fetch it first: git fetch origin nope:nope;"}},
		{spec: "main...nope", missing: "nope", contains: []string{`commit "nope"`, "fetch it first: git fetch origin nope:nope;"}},
		{spec: "abc1234", missing: "abc1234", contains: []string{"full 40-character commit ID of abc1234"}},
		{spec: "origin/feature~1..HEAD", missing: "origin/feature~1", contains: []string{"git fetch origin feature:refs/remotes/origin/feature"}},
		{spec: "HEAD~9", contains: []string{`"HEAD~9" names no commit: HEAD exists, but its history does not go back that far`}},
		{spec: "HEAD^{tree}..HEAD", contains: []string{"not a commit"}},

		// Empty sides: what an unset variable leaves.
		{spec: "", contains: []string{`"": empty git range (an unset variable?)`}},
		{spec: "  \t", contains: []string{"empty git range"}},
		{spec: "..HEAD", contains: []string{`"..HEAD": the base side of the range is empty (an unset variable such as ${BASE}?)`}},
		{spec: " ..HEAD", contains: []string{"the base side of the range is empty"}},
		{spec: "...HEAD", contains: []string{"the base side of the range is empty", "BASE...HEAD"}},
		{spec: "main..", contains: []string{`"main..": the head side of the range is empty (an unset variable such as ${HEAD}?)`}},
		{spec: "main... ", contains: []string{"the head side of the range is empty"}},
		{spec: "..", contains: []string{"both sides of the range are empty (unset variables such as ${BASE} and ${HEAD}?)"}},
		{spec: "...", contains: []string{"both sides of the range are empty"}},

		// Malformed sides.
		{spec: "a..b..c", contains: []string{`"a..b..c" is not a git range`}},
		{spec: "main....HEAD", contains: []string{"is not a git range"}},
		{spec: "main.....HEAD", contains: []string{"is not a git range"}},
		{spec: "--output=x..HEAD", contains: []string{`the base side "--output=x" starts with "-", which git would take as an option`}},
		{spec: "main..-p", contains: []string{`the head side "-p" starts with "-"`}},
		{spec: "main ..HEAD", contains: []string{`the base side "main " contains white space`}},
		{spec: "main.. HEAD", contains: []string{`the head side " HEAD" contains white space`}},
		{spec: "ma in", contains: []string{`the base side "ma in" contains white space`}},
		{spec: "main\n..HEAD", contains: []string{"contains white space"}},
		{spec: "main..HE\x00AD", contains: []string{"contains a control character"}},

		// Names no remote can have get no fetch hint.
		{spec: "${BASE}..HEAD", contains: []string{`"${BASE}" names no commit in this clone`, "a variable that was never expanded"}},
		{spec: "%BASE%..HEAD", contains: []string{"a variable that was never expanded"}},
		{spec: "ma?n..HEAD", contains: []string{`no branch or tag can be called "ma?n"`, `git does not allow "?"`}},
		{spec: "nope:x..HEAD", contains: []string{`git does not allow ":"`}},
		{spec: "ref[1]..HEAD", contains: []string{`git does not allow "["`}},
		{spec: "feature/..HEAD", contains: []string{"end with /"}},
		{spec: "x.lock..HEAD", contains: []string{".lock"}},
		{spec: "refs/remotes/upstream/main..HEAD", contains: []string{`"upstream" is not one of its remotes (origin)`}},
		{spec: "upstream/main..HEAD", contains: []string{`"upstream" is not one of its remotes`}},
		{spec: "main@{9}..HEAD", contains: []string{`"main@{9}" names no commit in this clone`}},
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
			if tc.missing == "" && strings.Contains(err.Error(), "git fetch") {
				t.Errorf("error %q has a fetch hint for a range no fetch can mend", err)
			}
			if strings.Contains(err.Error(), "--depth") {
				t.Errorf("error %q would make a full clone shallow", err)
			}
		})
	}
}

// TestResolveRangeNoRemote: with no remote there is nothing to fetch from,
// so the error says that instead of a command that cannot work.
func TestResolveRangeNoRemote(t *testing.T) {
	b := newBranchy(t)
	_, _, err := b.repo.open().ResolveRange(context.Background(), "nope..HEAD")
	var missing *MissingCommitError
	if !errors.As(err, &missing) || missing.Fetch != "" {
		t.Fatalf("ResolveRange = %v, want *MissingCommitError without a fetch command", err)
	}
	if want := `commit "nope" is not in this clone, which has no remote to fetch it from`; !strings.Contains(err.Error(), want) {
		t.Errorf("error %q lacks %q", err, want)
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
		branch  string // the branch the clone checks out, main if empty
		missing string
		fetch   string
		base    string
		head    string
	}{
		{spec: b.c1 + "..HEAD", missing: b.c1, fetch: "git fetch origin " + b.c1, base: b.c1, head: b.c2},
		{spec: "origin/feature..HEAD", missing: "origin/feature", fetch: "git fetch --depth=1 origin feature:refs/remotes/origin/feature", base: b.c3, head: b.c2},
		{spec: "refs/remotes/origin/feature..HEAD", missing: "refs/remotes/origin/feature", fetch: "git fetch --depth=1 origin feature:refs/remotes/origin/feature", base: b.c3, head: b.c2},
		{spec: "HEAD~1..HEAD", missing: "HEAD~1", fetch: "git fetch --deepen=50 origin", base: b.c1, head: b.c2},
		{spec: "origin/feature...HEAD", missing: "origin/feature", fetch: "git fetch --unshallow origin feature:refs/remotes/origin/feature", base: b.c1, head: b.c2},
		{spec: "feature..HEAD", missing: "feature", fetch: "git fetch --depth=1 origin feature:feature", base: b.c3, head: b.c2},
		// The ancestor of a branch the clone lacks: the branch and its history.
		{spec: "origin/feature~1..HEAD", missing: "origin/feature~1", fetch: "git fetch --unshallow origin feature:refs/remotes/origin/feature", base: b.c1, head: b.c2},
		// A pull request's checkout: the head branch only, one commit deep,
		// compared with the base branch it lacks.
		{spec: "origin/main..HEAD", branch: "feature", missing: "origin/main", fetch: "git fetch --depth=1 origin main:refs/remotes/origin/main", base: b.c2, head: b.c3},
		{spec: "origin/main...HEAD", branch: "feature", missing: "origin/main", fetch: "git fetch --unshallow origin main:refs/remotes/origin/main", base: b.c1, head: b.c3},
		{spec: "main...HEAD", branch: "feature", missing: "main", fetch: "git fetch --unshallow origin main:main", base: b.c1, head: b.c3},
	}
	for _, tc := range tests {
		t.Run(tc.spec+" on "+cmp.Or(tc.branch, "main"), func(t *testing.T) {
			clone := shallowClone(t, b.repo.dir, cmp.Or(tc.branch, "main"))
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

// TestShallowCloneGarbage: in the clone where a missing base gets a fetch
// hint, a range no fetch can mend gets none, and an empty side is refused
// before git is asked anything.
func TestShallowCloneGarbage(t *testing.T) {
	b := newBranchy(t)
	b.repo.git("checkout", "-q", "main")
	clone := shallowClone(t, b.repo.dir, "feature")
	repo, err := Open(context.Background(), clone)
	if err != nil {
		t.Fatal(err)
	}
	for _, spec := range []string{
		"..HEAD", "origin/main..", "...", "origin/ma in..HEAD", "${BASE}..HEAD", "origin/ma?n..HEAD",
		"origin/main:x..HEAD", "upstream/main..HEAD", "refs/remotes/fork/main..HEAD", "-origin/main..HEAD",
	} {
		t.Run(spec, func(t *testing.T) {
			_, _, err := repo.ResolveRange(context.Background(), spec)
			if err == nil {
				t.Fatalf("ResolveRange(%q) succeeded", spec)
			}
			var missing *MissingCommitError
			if errors.As(err, &missing) || strings.Contains(err.Error(), "git fetch") {
				t.Errorf("error %q offers a fetch for a range no fetch can mend", err)
			}
			if !strings.HasPrefix(err.Error(), strconv.Quote(spec)) {
				t.Errorf("error %q does not start with the range", err)
			}
		})
	}
}

// shallowClone makes the checkout actions/checkout makes by default: one
// branch, one commit deep, with the source as origin.
func shallowClone(t *testing.T, src, branch string) string {
	t.Helper()
	clone := filepath.Join(t.TempDir(), "clone")
	testkit.Git(t, src, "clone", "-q", "--depth=1", "--single-branch", "--branch", branch, "file://"+src, clone)
	return clone
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
