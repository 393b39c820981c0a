package ghapi

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/google/go-github/v60/github"
)

// DefaultAPIURL is the REST API root of github.com, used when $GITHUB_API_URL
// is empty.
const DefaultAPIURL = "https://api.github.com/"

// defaultTimeout bounds each request when the caller brings no client: a
// hung API must not hold the job until the runner's own timeout.
const defaultTimeout = 30 * time.Second

// userAgent identifies the gate in GitHub's logs; GitHub rejects requests
// without one.
const userAgent = "launchgate"

// Client calls the GitHub REST API for one token. It is safe for concurrent
// use.
type Client struct {
	gh *github.Client
	// token is kept only to scrub it from error text that a server or proxy
	// might echo back.
	token string
}

// New returns a Client for the REST API at apiURL ($GITHUB_API_URL; ""
// means github.com). apiURL is used as given, so a GitHub Enterprise Server
// root such as https://ghe.example/api/v3 works. An empty token makes
// unauthenticated requests; a nil hc gets a client with a 30 s timeout.
func New(token, apiURL string, hc *http.Client) (*Client, error) {
	base, err := baseURL(apiURL)
	if err != nil {
		return nil, err
	}
	if hc == nil {
		hc = &http.Client{Timeout: defaultTimeout}
	}
	gh := github.NewClient(hc)
	if token != "" {
		gh = gh.WithAuthToken(token)
	}
	gh.BaseURL = base
	gh.UserAgent = userAgent
	return &Client{gh: gh, token: token}, nil
}

// baseURL checks apiURL and gives it the trailing slash go-github resolves
// relative paths against. It does not append /api/v3 the way go-github's
// enterprise helper does: the runner's $GITHUB_API_URL already has it.
func baseURL(apiURL string) (*url.URL, error) {
	if strings.TrimSpace(apiURL) == "" {
		apiURL = DefaultAPIURL
	}
	u, err := url.Parse(strings.TrimSpace(apiURL))
	if err != nil {
		return nil, fmt.Errorf("GitHub API URL: %w", redactURLError(err))
	}
	switch {
	case u.Scheme != "http" && u.Scheme != "https":
		return nil, fmt.Errorf("GitHub API URL %q: scheme must be http or https", u.Redacted())
	case u.Host == "":
		return nil, fmt.Errorf("GitHub API URL %q: no host", u.Redacted())
	case u.User != nil:
		// Credentials belong in the token, not in a URL that ends up in logs.
		return nil, fmt.Errorf("GitHub API URL %q: must not carry credentials; pass a token", u.Redacted())
	case u.RawQuery != "" || u.Fragment != "":
		return nil, fmt.Errorf("GitHub API URL %q: must not have a query or fragment", u.Redacted())
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
		if u.RawPath != "" {
			u.RawPath += "/"
		}
	}
	return u, nil
}

// redactURLError keeps url.Parse's reason but drops the input it quotes,
// which could hold credentials.
func redactURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return fmt.Errorf("%s: %w", ue.Op, ue.Err)
	}
	return err
}

// validRepo rejects owner and repo names that would change the request
// path, so a bad input fails here instead of calling another endpoint.
func validRepo(owner, repo string, number int) error {
	for _, part := range []struct{ what, v string }{{"owner", owner}, {"repository", repo}} {
		if part.v == "" || part.v == "." || part.v == ".." || strings.ContainsAny(part.v, "/\\?#% \t\r\n") {
			return fmt.Errorf("GitHub %s name %q is not valid", part.what, part.v)
		}
	}
	if number <= 0 {
		// Number 0 would make go-github list every comment in the repository.
		return fmt.Errorf("pull request number %d is not valid", number)
	}
	return nil
}
