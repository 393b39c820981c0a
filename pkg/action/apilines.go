package action

import (
	"context"
	"errors"
	"fmt"
	"math"
	"path"
	"strings"

	"github.com/launchgate/launchgate/pkg/finding"
	"github.com/launchgate/launchgate/pkg/ghapi"
	"github.com/launchgate/launchgate/pkg/gitdiff"
	"github.com/launchgate/launchgate/pkg/process"
)

// apiLines are the lines a pull request adds as GitHub's API lists them,
// relative to the scan root.
type apiLines struct {
	added gitdiff.Added
}

// apiLines asks the GitHub API which lines the pull request adds. A file
// GitHub shows no patch for (binary, or too large a diff) counts as added
// whole: its findings are kept rather than hidden.
func (r *runner) apiLines(ctx context.Context, root string) (*apiLines, error) {
	if r.inputs.Token == "" {
		return nil, errors.New("no github-token input")
	}
	client, err := r.client()
	if err != nil {
		return nil, err
	}
	files, err := client.ChangedFiles(ctx, r.event.Owner, r.event.Repo, r.event.PR)
	if err != nil {
		return nil, err
	}
	if files.Truncated {
		// Findings in the files past the listing would vanish.
		return nil, fmt.Errorf("the pull request changes more than the %d files GitHub lists", ghapi.MaxPullFiles)
	}
	added := gitdiff.Added{}
	for _, f := range files.Files {
		if f.Status == "removed" || f.Path == "" {
			continue
		}
		if f.Patch == "" {
			added[f.Path] = []gitdiff.LineRange{{From: 1, To: math.MaxInt}}
			continue
		}
		lines, err := ghapi.AddedLines(f.Patch)
		if err != nil {
			return nil, fmt.Errorf("the patch GitHub lists for %s: %w", f.Path, err)
		}
		added[f.Path] = toRanges(lines)
	}
	prefix, err := r.rootPrefix(root)
	if err != nil {
		return nil, err
	}
	return &apiLines{added: added.Rebase(prefix)}, nil
}

// toRanges turns ascending line numbers into the sorted, disjoint ranges
// gitdiff.Added.Touched searches.
func toRanges(lines []int) []gitdiff.LineRange {
	out := []gitdiff.LineRange{}
	for _, n := range lines {
		if k := len(out); k > 0 && n <= out[k-1].To+1 {
			out[k-1].To = max(out[k-1].To, n)
			continue
		}
		out = append(out, gitdiff.LineRange{From: n, To: n})
	}
	return out
}

// filter keeps the findings on added lines through the same processor the
// scan uses for its own --diff, so both paths judge a finding alike.
func (a *apiLines) filter(fs []finding.Finding) ([]finding.Finding, error) {
	return process.DiffOnly(a.added.Touched).Process(fs)
}

// rootPrefix is the scan root relative to the workspace, with /, "" for
// the workspace itself. A root outside the workspace has no
// repository-relative form and gets "".
func (r *runner) rootPrefix(root string) (string, error) {
	rel, err := relPath(r.workspace, root)
	if err != nil {
		return "", err
	}
	if rel == "." || rel == ".." || strings.HasPrefix(rel, "../") {
		return "", nil
	}
	return path.Clean(rel), nil
}
