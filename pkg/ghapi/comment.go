package ghapi

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	"github.com/google/go-github/v60/github"
)

const (
	commentsPerPage = 100
	// maxCommentPages bounds the search for the sticky comment; a pull
	// request with more than 5,000 comments gets a new one instead of an
	// endless listing.
	maxCommentPages = 50
	// maxMarkerBytes keeps the marker a small fraction of the body limit.
	maxMarkerBytes = 1024
)

// CommentResult is the sticky comment after UpsertComment.
type CommentResult struct {
	// ID is GitHub's comment id.
	ID int64
	// URL is the comment's page on GitHub.
	URL string
	// Created is set when no comment carried the marker and a new one was
	// posted; otherwise the newest marked comment was updated in place.
	Created bool
}

// UpsertComment keeps one comment on issue or pull request number that
// carries marker (an HTML comment such as "<!-- launchgate:scorecard -->",
// invisible when rendered): it edits the newest comment whose body contains
// marker, or posts a new one if none does. The posted body is
// FitCommentBody(marker, body). A body identical to the current one is not
// sent again. Other comments are never touched.
func (c *Client) UpsertComment(ctx context.Context, owner, repo string, number int, marker, body string) (CommentResult, error) {
	if err := validRepo(owner, repo, number); err != nil {
		return CommentResult{}, err
	}
	if err := validMarker(marker); err != nil {
		return CommentResult{}, err
	}
	body = FitCommentBody(marker, body)
	existing, err := c.findMarked(ctx, owner, repo, number, marker)
	if err != nil {
		return CommentResult{}, err
	}
	if existing == nil {
		endpoint := fmt.Sprintf("/repos/%s/%s/issues/%d/comments", owner, repo, number)
		created, resp, err := c.gh.Issues.CreateComment(ctx, owner, repo, number, &github.IssueComment{Body: github.String(body)})
		if err != nil {
			return CommentResult{}, c.wrap(http.MethodPost, endpoint, resp, err)
		}
		return CommentResult{ID: created.GetID(), URL: created.GetHTMLURL(), Created: true}, nil
	}
	if existing.GetBody() == body {
		return CommentResult{ID: existing.GetID(), URL: existing.GetHTMLURL()}, nil
	}
	endpoint := fmt.Sprintf("/repos/%s/%s/issues/comments/%d", owner, repo, existing.GetID())
	edited, resp, err := c.gh.Issues.EditComment(ctx, owner, repo, existing.GetID(), &github.IssueComment{Body: github.String(body)})
	if err != nil {
		return CommentResult{}, c.wrap(http.MethodPatch, endpoint, resp, err)
	}
	return CommentResult{ID: edited.GetID(), URL: edited.GetHTMLURL()}, nil
}

// findMarked returns the newest comment whose body contains marker, or nil.
// Newest is by creation time, then id, since that is the one readers see
// last in the thread.
func (c *Client) findMarked(ctx context.Context, owner, repo string, number int, marker string) (*github.IssueComment, error) {
	endpoint := fmt.Sprintf("/repos/%s/%s/issues/%d/comments", owner, repo, number)
	opts := &github.IssueListCommentsOptions{ListOptions: github.ListOptions{PerPage: commentsPerPage, Page: 1}}
	var newest *github.IssueComment
	for pages := 0; pages < maxCommentPages; pages++ {
		got, resp, err := c.gh.Issues.ListComments(ctx, owner, repo, number, opts)
		if err != nil {
			return nil, c.wrap(http.MethodGet, endpoint, resp, err)
		}
		for _, cm := range got {
			if cm == nil || cm.GetID() == 0 || !strings.Contains(cm.GetBody(), marker) {
				continue
			}
			if newest == nil || newer(cm, newest) {
				newest = cm
			}
		}
		if resp.NextPage <= opts.Page {
			break
		}
		opts.Page = resp.NextPage
	}
	return newest, nil
}

// newer reports whether a was created after b.
func newer(a, b *github.IssueComment) bool {
	ta, tb := a.GetCreatedAt().Time, b.GetCreatedAt().Time
	if !ta.Equal(tb) {
		return ta.After(tb)
	}
	return a.GetID() > b.GetID()
}

// validMarker insists on a marker that can only match comments it wrote: an
// empty one would match every comment, a multi-line one could be split by
// an editor.
func validMarker(marker string) error {
	switch {
	case strings.TrimSpace(marker) == "":
		return fmt.Errorf("sticky comment marker is empty")
	case strings.ContainsAny(marker, "\r\n"):
		return fmt.Errorf("sticky comment marker %q spans lines", clip(marker))
	case len(marker) > maxMarkerBytes:
		return fmt.Errorf("sticky comment marker is %d bytes, more than %d", len(marker), maxMarkerBytes)
	}
	return nil
}
