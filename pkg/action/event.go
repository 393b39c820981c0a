package action

import (
	"cmp"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/sethvargo/go-githubactions"
)

// Event is what the entrypoint needs from the event that started the
// workflow.
type Event struct {
	// Name is GITHUB_EVENT_NAME: pull_request, push, schedule…
	Name string
	// Owner and Repo name the repository the workflow runs in.
	Owner, Repo string
	// Base and Head are the commits a change goes from and to; both are
	// empty when the event names no range (a schedule, a new branch).
	Base, Head string
	// SHA is the commit the runner checked out (GITHUB_SHA); on a pull
	// request it is the merge commit GitHub prepared, not Head.
	SHA string
	// PR is the pull-request number, 0 when the event is not about one.
	PR int
	// Fork is set for a pull request from another repository, whose token
	// can read but not write.
	Fork bool
	// NewBranch is set for a push that created its branch: there is no
	// earlier commit to compare with.
	NewBranch bool
	// ServerURL is where links to the repository point
	// (https://github.com, or a GitHub Enterprise host).
	ServerURL string
	// APIURL is the REST API base the runner names.
	APIURL string
}

// IsPullRequest reports whether the event is about a pull request.
func (e *Event) IsPullRequest() bool { return e.PR > 0 }

// payload is the part of an event payload the entrypoint reads.
type payload struct {
	Before      string `json:"before"`
	After       string `json:"after"`
	Number      int    `json:"number"`
	PullRequest *struct {
		Number int `json:"number"`
		Base   struct {
			SHA  string    `json:"sha"`
			Repo *repoName `json:"repo"`
		} `json:"base"`
		Head struct {
			SHA  string    `json:"sha"`
			Repo *repoName `json:"repo"`
		} `json:"head"`
	} `json:"pull_request"`
}

type repoName struct {
	FullName string `json:"full_name"`
}

// readEvent reads the event from the runner's context. The payload is
// never quoted in an error: it can hold text from anyone who can open a
// pull request.
func readEvent(gh *githubactions.Action) (Event, error) {
	ctx, err := gh.Context()
	if ctx == nil {
		return Event{}, fmt.Errorf("reading the event at GITHUB_EVENT_PATH: %w", err)
	}
	ev := Event{Name: ctx.EventName, SHA: ctx.SHA, ServerURL: strings.TrimRight(ctx.ServerURL, "/"), APIURL: ctx.APIURL}
	ev.Owner, ev.Repo = ctx.Repo()
	if ctx.Event == nil {
		return ev, nil
	}
	// The library decodes the payload into a map; a second decode into the
	// fields we use is simpler than walking it by hand.
	raw, err := json.Marshal(ctx.Event)
	if err != nil {
		return ev, fmt.Errorf("reading the event at %s: %w", ctx.EventPath, err)
	}
	var p payload
	if err := json.Unmarshal(raw, &p); err != nil {
		return ev, fmt.Errorf("reading the %s event at %s: unexpected payload shape: %w", ev.Name, ctx.EventPath, err)
	}
	switch ev.Name {
	case "pull_request", "pull_request_target":
		pr := p.PullRequest
		if pr == nil {
			return ev, fmt.Errorf("reading the %s event at %s: it has no pull_request", ev.Name, ctx.EventPath)
		}
		ev.PR = cmp.Or(pr.Number, p.Number)
		ev.Base, ev.Head = pr.Base.SHA, pr.Head.SHA
		// A deleted fork leaves head.repo null; treat it as a fork, whose
		// token cannot write either.
		ev.Fork = pr.Head.Repo == nil || pr.Base.Repo == nil ||
			!strings.EqualFold(pr.Head.Repo.FullName, pr.Base.Repo.FullName)
		if !isCommitID(ev.Base) || !isCommitID(ev.Head) {
			return ev, fmt.Errorf("reading the %s event at %s: pull_request.base.sha and head.sha must be commit IDs", ev.Name, ctx.EventPath)
		}
	case "push":
		ev.Base, ev.Head = p.Before, p.After
		if ev.Head == "" {
			ev.Head = ev.SHA
		}
		if isZeroID(ev.Base) || ev.Base == "" {
			ev.Base, ev.NewBranch = "", true
		}
		if (ev.Base != "" && !isCommitID(ev.Base)) || (ev.Head != "" && !isCommitID(ev.Head)) {
			return ev, fmt.Errorf("reading the push event at %s: before and after must be commit IDs", ctx.EventPath)
		}
	}
	return ev, nil
}

// HeadSHA is the commit the reported files come from: the pull request's
// or push's head, else the checked-out commit.
func (e *Event) HeadSHA() string {
	if e.Head != "" {
		return e.Head
	}
	return e.SHA
}

func isCommitID(s string) bool {
	if len(s) != 40 && len(s) != 64 {
		return false
	}
	for _, c := range []byte(s) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

func isZeroID(s string) bool {
	return s != "" && strings.Trim(s, "0") == ""
}
