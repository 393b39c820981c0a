package ghapi

import (
	"context"
	"fmt"
	"net/http"

	"github.com/google/go-github/v60/github"
)

// MaxPullFiles is the most files GitHub lists for one pull request; a
// larger pull request's listing stops there.
const MaxPullFiles = 3000

const (
	filesPerPage = 100
	// maxFilePages is MaxPullFiles/filesPerPage: GitHub never serves more,
	// and a server that claims to is not followed further.
	maxFilePages = MaxPullFiles / filesPerPage
)

// ChangedFile is one file of a pull request as GitHub lists it.
type ChangedFile struct {
	// Path is the file's path in the head commit, with /.
	Path string
	// PreviousPath is the base-side path of a renamed file, else "".
	PreviousPath string
	// Status is GitHub's: added, removed, modified, renamed, copied,
	// changed or unchanged.
	Status string
	// Additions and Deletions count lines as GitHub reports them.
	Additions, Deletions int
	// Patch is GitHub's unified diff hunks for the file (no ---/+++ header);
	// empty for binary files and for diffs too large for GitHub to show.
	// AddedLines reads it.
	Patch string
}

// PullFiles is the file listing of a pull request.
type PullFiles struct {
	// Files are in GitHub's order.
	Files []ChangedFile
	// Truncated is set when the pull request changes more files than
	// GitHub lists (MaxPullFiles), so Files is incomplete and a diff-only
	// filter built from it would hide findings in the missing files.
	Truncated bool
}

// ChangedFiles lists the files pull request number of owner/repo changes,
// following every page GitHub serves.
func (c *Client) ChangedFiles(ctx context.Context, owner, repo string, number int) (PullFiles, error) {
	if err := validRepo(owner, repo, number); err != nil {
		return PullFiles{}, err
	}
	endpoint := fmt.Sprintf("/repos/%s/%s/pulls/%d/files", owner, repo, number)
	var out PullFiles
	opts := &github.ListOptions{PerPage: filesPerPage, Page: 1}
	for pages := 0; ; pages++ {
		if pages == maxFilePages {
			out.Truncated = true
			break
		}
		got, resp, err := c.gh.PullRequests.ListFiles(ctx, owner, repo, number, opts)
		if err != nil {
			return PullFiles{}, c.wrap(http.MethodGet, endpoint, resp, err)
		}
		for _, f := range got {
			if f == nil {
				continue
			}
			out.Files = append(out.Files, ChangedFile{
				Path:         f.GetFilename(),
				PreviousPath: f.GetPreviousFilename(),
				Status:       f.GetStatus(),
				Additions:    f.GetAdditions(),
				Deletions:    f.GetDeletions(),
				Patch:        f.GetPatch(),
			})
		}
		// A next page that does not move forward would loop forever.
		if resp.NextPage <= opts.Page {
			break
		}
		opts.Page = resp.NextPage
	}
	if !out.Truncated && len(out.Files) >= MaxPullFiles {
		out.Truncated = c.moreThanListed(ctx, owner, repo, number, len(out.Files))
	}
	return out, nil
}

// moreThanListed asks the pull request itself how many files it changes,
// since a listing that stopped at the cap looks the same as one that ended
// there. When that cannot be learned it answers true: a gate must not
// assume it saw everything.
func (c *Client) moreThanListed(ctx context.Context, owner, repo string, number, listed int) bool {
	pr, _, err := c.gh.PullRequests.Get(ctx, owner, repo, number)
	if err != nil || pr == nil || pr.ChangedFiles == nil {
		return true
	}
	return pr.GetChangedFiles() > listed
}
