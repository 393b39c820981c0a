package ghapi

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/launchgate/launchgate/pkg/ghapi/ghapitest"
)

func TestNewBaseURL(t *testing.T) {
	tests := []struct {
		name    string
		apiURL  string
		want    string
		wantErr string
	}{
		{name: "empty means github.com", apiURL: "", want: "https://api.github.com/"},
		{name: "github.com without slash", apiURL: "https://api.github.com", want: "https://api.github.com/"},
		{name: "enterprise server kept verbatim", apiURL: "https://ghe.example/api/v3", want: "https://ghe.example/api/v3/"},
		{name: "enterprise with slash", apiURL: "https://ghe.example/api/v3/", want: "https://ghe.example/api/v3/"},
		{name: "surrounding space", apiURL: " https://ghe.example/api/v3 \n", want: "https://ghe.example/api/v3/"},
		{name: "no scheme", apiURL: "ghe.example/api/v3", wantErr: "scheme must be http or https"},
		{name: "ftp", apiURL: "ftp://ghe.example/", wantErr: "scheme must be http or https"},
		{name: "credentials in URL", apiURL: "https://bot:hunter2pass@ghe.example/api/v3", wantErr: "must not carry credentials"},
		{name: "query", apiURL: "https://ghe.example/api/v3?x=1", wantErr: "query or fragment"},
		{name: "unparsable", apiURL: "https://ghe.example/%zz", wantErr: "GitHub API URL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := New("", tt.apiURL, nil)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("New(%q) error = %v, want it to contain %q", tt.apiURL, err, tt.wantErr)
				}
				if strings.Contains(err.Error(), "hunter2pass") {
					t.Fatalf("error %q shows the URL's password", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("New(%q): %v", tt.apiURL, err)
			}
			if got := c.gh.BaseURL.String(); got != tt.want {
				t.Errorf("BaseURL = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestNewDefaultTimeout(t *testing.T) {
	c, err := New("", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := c.gh.Client().Timeout; got != 30*time.Second {
		t.Errorf("default client timeout = %v, want 30s", got)
	}
}

func TestRequestHeaders(t *testing.T) {
	tests := []struct {
		name     string
		token    string
		wantAuth string
	}{
		{name: "token sent as bearer", token: testToken, wantAuth: "Bearer " + testToken},
		{name: "no token, no header", token: "", wantAuth: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := ghapitest.New(t)
			s.RequireToken(tt.token)
			s.AddFiles("acme", "portal", 3, ghapitest.File{Filename: "a.go", Status: "added"})
			c, err := New(tt.token, s.URL(), nil)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := c.ChangedFiles(context.Background(), "acme", "portal", 3); err != nil {
				t.Fatalf("ChangedFiles: %v", err)
			}
			reqs := s.Requests()
			if len(reqs) != 1 {
				t.Fatalf("got %d requests, want 1", len(reqs))
			}
			h := reqs[0].Header
			if got := h.Get("Authorization"); got != tt.wantAuth {
				t.Errorf("Authorization = %q, want %q", got, tt.wantAuth)
			}
			if got := h.Get("Accept"); !strings.Contains(got, "application/vnd.github") {
				t.Errorf("Accept = %q, want a GitHub media type", got)
			}
			if got := h.Get("X-GitHub-Api-Version"); got != "2022-11-28" {
				t.Errorf("X-GitHub-Api-Version = %q, want 2022-11-28", got)
			}
			if got := h.Get("User-Agent"); got != "launchgate" {
				t.Errorf("User-Agent = %q, want launchgate", got)
			}
		})
	}
}

func TestEnterpriseBaseURL(t *testing.T) {
	s := ghapitest.New(t)
	s.SetPathPrefix("/api/v3")
	s.RequireToken(testToken)
	s.AddFiles("acme", "portal", 9, ghapitest.File{Filename: "api/openapi.yaml", Status: "modified", Patch: "@@ -1 +1 @@\n-a\n+b"})
	// $GITHUB_API_URL on Enterprise Server has no trailing slash.
	apiURL := strings.TrimSuffix(s.URL(), "/")
	if !strings.HasSuffix(apiURL, "/api/v3") {
		t.Fatalf("fake URL %q lacks the enterprise prefix", apiURL)
	}
	c, err := New(testToken, apiURL, nil)
	if err != nil {
		t.Fatal(err)
	}
	got, err := c.ChangedFiles(context.Background(), "acme", "portal", 9)
	if err != nil {
		t.Fatalf("ChangedFiles: %v", err)
	}
	if len(got.Files) != 1 || got.Files[0].Path != "api/openapi.yaml" {
		t.Errorf("files = %+v, want api/openapi.yaml", got.Files)
	}
	res, err := c.UpsertComment(context.Background(), "acme", "portal", 9, "<!-- m -->", "hello")
	if err != nil {
		t.Fatalf("UpsertComment: %v", err)
	}
	if !res.Created {
		t.Errorf("Created = false, want true")
	}
	for _, r := range s.Requests() {
		if !strings.HasPrefix(r.Path, "/api/v3/repos/acme/portal/") {
			t.Errorf("%s %s: not under /api/v3/repos/acme/portal/", r.Method, r.Path)
		}
	}
}

func TestInvalidRepoMakesNoRequest(t *testing.T) {
	tests := []struct {
		name, owner, repo string
		number            int
	}{
		{name: "empty owner", owner: "", repo: "portal", number: 1},
		{name: "slash in repo", owner: "acme", repo: "portal/../../x", number: 1},
		{name: "dot-dot owner", owner: "..", repo: "portal", number: 1},
		{name: "query in repo", owner: "acme", repo: "portal?x=1", number: 1},
		{name: "zero number", owner: "acme", repo: "portal", number: 0},
		{name: "negative number", owner: "acme", repo: "portal", number: -4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, c := newFake(t)
			ctx := context.Background()
			if _, err := c.ChangedFiles(ctx, tt.owner, tt.repo, tt.number); err == nil {
				t.Error("ChangedFiles: no error")
			}
			if _, err := c.UpsertComment(ctx, tt.owner, tt.repo, tt.number, "<!-- m -->", "x"); err == nil {
				t.Error("UpsertComment: no error")
			}
			if n := len(s.Requests()); n != 0 {
				t.Errorf("made %d requests, want 0", n)
			}
		})
	}
}

func TestRejectedHeadersAreErrors(t *testing.T) {
	// The fake refuses what GitHub refuses; a client that sends an odd
	// Accept must see the 415 as an error naming the endpoint.
	s, _ := newFake(t)
	hc := &http.Client{Transport: rewriteAccept{}}
	c, err := New(testToken, s.URL(), hc)
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.ChangedFiles(context.Background(), "acme", "portal", 1)
	if err == nil || !strings.Contains(err.Error(), "GET /repos/acme/portal/pulls/1/files: 415") {
		t.Fatalf("error = %v, want a 415 naming the endpoint", err)
	}
}

// rewriteAccept sends a media type GitHub does not serve.
type rewriteAccept struct{}

func (rewriteAccept) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set("Accept", "text/html")
	return http.DefaultTransport.RoundTrip(r)
}

func TestCanceledContext(t *testing.T) {
	s, c := newFake(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := c.ChangedFiles(ctx, "acme", "portal", 7)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error = %v, want context.Canceled", err)
	}
	if _, err := c.UpsertComment(ctx, "acme", "portal", 7, "<!-- m -->", "x"); !errors.Is(err, context.Canceled) {
		t.Fatalf("UpsertComment error = %v, want context.Canceled", err)
	}
	if n := len(s.Requests()); n != 0 {
		t.Errorf("%d requests reached the server after cancel", n)
	}
}
