package ghapitest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
)

const token = "ghs_fakeServerToken0123456789"

// call sends one request with GitHub's usual headers and decodes the JSON
// answer into a generic value.
func call(t *testing.T, method, url, body string, hdr map[string]string) (*http.Response, any) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("User-Agent", "test")
	req.Header.Set("Accept", "application/vnd.github+json")
	req.Header.Set("Authorization", "Bearer "+token)
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatalf("%s %s: body is not JSON: %q", method, url, raw)
	}
	return resp, v
}

func TestFilesPaginationLinks(t *testing.T) {
	s := New(t)
	s.RequireToken(token)
	for i := range 250 {
		s.AddFiles("o", "r", 1, File{Filename: fmt.Sprintf("f%d", i), Status: "added", Additions: 2, Deletions: 1})
	}
	tests := []struct {
		name      string
		query     string
		wantCount int
		wantRels  []string
	}{
		{name: "first page", query: "per_page=100&page=1", wantCount: 100, wantRels: []string{"next", "last"}},
		{name: "middle page", query: "per_page=100&page=2", wantCount: 100, wantRels: []string{"prev", "next", "last", "first"}},
		{name: "last page", query: "per_page=100&page=3", wantCount: 50, wantRels: []string{"prev", "first"}},
		{name: "past the end", query: "per_page=100&page=9", wantCount: 0, wantRels: []string{"prev", "first"}},
		{name: "default size", query: "", wantCount: 30, wantRels: []string{"next", "last"}},
		{name: "size capped at 100", query: "per_page=500", wantCount: 100, wantRels: []string{"next", "last"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, v := call(t, "GET", s.URL()+"repos/o/r/pulls/1/files?"+tt.query, "", nil)
			if resp.StatusCode != 200 {
				t.Fatalf("status %d", resp.StatusCode)
			}
			list, ok := v.([]any)
			if !ok || len(list) != tt.wantCount {
				t.Fatalf("got %T of %d, want a list of %d", v, len(list), tt.wantCount)
			}
			link := resp.Header.Get("Link")
			for _, rel := range tt.wantRels {
				if !strings.Contains(link, `; rel="`+rel+`"`) {
					t.Errorf("Link %q lacks rel=%q", link, rel)
				}
			}
			if got := strings.Count(link, "rel="); got != len(tt.wantRels) {
				t.Errorf("Link %q has %d rels, want %d", link, got, len(tt.wantRels))
			}
			if len(list) > 0 {
				f := list[0].(map[string]any)
				for _, k := range []string{"sha", "filename", "status", "additions", "deletions", "changes", "blob_url", "raw_url", "contents_url"} {
					if _, ok := f[k]; !ok {
						t.Errorf("file lacks %q: %v", k, f)
					}
				}
				if f["changes"] != float64(3) {
					t.Errorf("changes = %v, want additions+deletions = 3", f["changes"])
				}
			}
		})
	}
}

func TestFilesListingStopsAt3000(t *testing.T) {
	s := New(t)
	for i := range 3001 {
		s.AddFiles("o", "r", 1, File{Filename: fmt.Sprint(i)})
	}
	resp, v := call(t, "GET", s.URL()+"repos/o/r/pulls/1/files?per_page=100&page=30", "", nil)
	if n := len(v.([]any)); n != 100 || strings.Contains(resp.Header.Get("Link"), `rel="next"`) {
		t.Errorf("page 30: %d files, Link %q; want 100 and no next", n, resp.Header.Get("Link"))
	}
	_, pr := call(t, "GET", s.URL()+"repos/o/r/pulls/1", "", nil)
	if got := pr.(map[string]any)["changed_files"]; got != float64(3001) {
		t.Errorf("changed_files = %v, want 3001", got)
	}
}

func TestCommentLifecycle(t *testing.T) {
	s := New(t)
	s.RequireToken(token)
	resp, created := call(t, "POST", s.URL()+"repos/o/r/issues/4/comments", `{"body":"hi"}`, nil)
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("create status %d, want 201", resp.StatusCode)
	}
	c := created.(map[string]any)
	for _, k := range []string{"id", "node_id", "url", "html_url", "issue_url", "body", "user", "created_at", "updated_at", "author_association"} {
		if _, ok := c[k]; !ok {
			t.Errorf("comment lacks %q", k)
		}
	}
	if login := c["user"].(map[string]any)["login"]; login != "github-actions[bot]" {
		t.Errorf("author = %v", login)
	}
	if resp.Header.Get("Location") != c["url"] {
		t.Errorf("Location %q, want the comment's url %v", resp.Header.Get("Location"), c["url"])
	}
	id := int64(c["id"].(float64))
	resp, updated := call(t, "PATCH", fmt.Sprintf("%srepos/o/r/issues/comments/%d", s.URL(), id), `{"body":"bye"}`, nil)
	if resp.StatusCode != 200 || updated.(map[string]any)["body"] != "bye" {
		t.Fatalf("update: %d %v", resp.StatusCode, updated)
	}
	if u := updated.(map[string]any); u["updated_at"] == u["created_at"] {
		t.Error("updated_at did not move")
	}
	resp, _ = call(t, "PATCH", fmt.Sprintf("%srepos/other/r/issues/comments/%d", s.URL(), id), `{"body":"x"}`, nil)
	if resp.StatusCode != 404 {
		t.Errorf("update through another repository: %d, want 404", resp.StatusCode)
	}
	got := s.Comments("o", "r", 4)
	if len(got) != 1 || got[0].Body != "bye" {
		t.Errorf("comments = %+v", got)
	}
}

func TestRefusals(t *testing.T) {
	tests := []struct {
		name       string
		setup      func(s *Server)
		method     string
		hdr        map[string]string
		body       string
		wantStatus int
		wantMsg    string
		wantHeader string
	}{
		{name: "read-only token writes", setup: func(s *Server) { s.SetReadOnly(true) }, method: "POST", body: `{"body":"x"}`,
			wantStatus: 403, wantMsg: "Resource not accessible by integration", wantHeader: "X-Accepted-GitHub-Permissions"},
		{name: "read-only token reads", setup: func(s *Server) { s.SetReadOnly(true) }, method: "GET", wantStatus: 200},
		{name: "wrong token", method: "GET", hdr: map[string]string{"Authorization": "Bearer nope"}, wantStatus: 401, wantMsg: "Bad credentials"},
		{name: "token scheme", method: "GET", hdr: map[string]string{"Authorization": "token " + token}, wantStatus: 200},
		{name: "html accept", method: "GET", hdr: map[string]string{"Accept": "text/html"}, wantStatus: 415, wantMsg: "Unsupported 'Accept' header"},
		{name: "unknown API version", method: "GET", hdr: map[string]string{"X-GitHub-Api-Version": "1999-01-01"}, wantStatus: 400, wantMsg: "not supported"},
		{name: "rate limited", setup: func(s *Server) { s.SetRateLimited(true) }, method: "GET", wantStatus: 403, wantMsg: "API rate limit exceeded", wantHeader: "X-RateLimit-Reset"},
		{name: "secondary rate limit", setup: func(s *Server) { s.SetSecondaryRateLimited(true) }, method: "GET", wantStatus: 403, wantMsg: "secondary rate limit", wantHeader: "Retry-After"},
		{name: "empty body", method: "POST", body: `{"body":""}`, wantStatus: 422, wantMsg: "Validation Failed"},
		{name: "body over the limit", method: "POST", body: `{"body":"` + strings.Repeat("é", 65537) + `"}`, wantStatus: 422, wantMsg: "Validation Failed"},
		{name: "body at the limit", method: "POST", body: `{"body":"` + strings.Repeat("é", 65536) + `"}`, wantStatus: 201},
		{name: "unknown route", method: "DELETE", wantStatus: 404, wantMsg: "Not Found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := New(t)
			s.RequireToken(token)
			if tt.setup != nil {
				tt.setup(s)
			}
			resp, v := call(t, tt.method, s.URL()+"repos/o/r/issues/1/comments", tt.body, tt.hdr)
			if resp.StatusCode != tt.wantStatus {
				t.Fatalf("status %d, want %d (%v)", resp.StatusCode, tt.wantStatus, v)
			}
			if tt.wantMsg != "" {
				m, _ := v.(map[string]any)
				if msg, _ := m["message"].(string); !strings.Contains(msg, tt.wantMsg) {
					t.Errorf("message %q, want %q", msg, tt.wantMsg)
				}
				if _, ok := m["documentation_url"]; !ok && tt.wantStatus != 422 {
					t.Errorf("error body lacks documentation_url: %v", m)
				}
			}
			if tt.wantHeader != "" && resp.Header.Get(tt.wantHeader) == "" {
				t.Errorf("response lacks %s", tt.wantHeader)
			}
			if n := len(s.Requests()); n != 1 {
				t.Errorf("recorded %d requests, want 1", n)
			}
		})
	}
}

func TestPathPrefix(t *testing.T) {
	s := New(t)
	s.SetPathPrefix("/api/v3/")
	if !strings.HasSuffix(s.URL(), "/api/v3/") {
		t.Fatalf("URL %q lacks the prefix", s.URL())
	}
	resp, _ := call(t, "GET", strings.TrimSuffix(s.URL(), "api/v3/")+"repos/o/r/issues/1/comments", "", nil)
	if resp.StatusCode != 404 {
		t.Errorf("outside the prefix: %d, want 404", resp.StatusCode)
	}
	resp, _ = call(t, "GET", s.URL()+"repos/o/r/issues/1/comments", "", nil)
	if resp.StatusCode != 200 {
		t.Errorf("inside the prefix: %d, want 200", resp.StatusCode)
	}
}

func TestConcurrentUse(t *testing.T) {
	s := New(t)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			// t.Fatal may not run off the test goroutine; report instead.
			req, _ := http.NewRequest("POST", s.URL()+"repos/o/r/issues/1/comments", strings.NewReader(fmt.Sprintf(`{"body":"c%d"}`, i)))
			req.Header.Set("User-Agent", "test")
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Errorf("POST: %v", err)
				return
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusCreated {
				t.Errorf("POST: status %d", resp.StatusCode)
			}
			s.AddComment("o", "r", 1, "octocat", "seed")
			_ = s.Requests()
		})
	}
	wg.Wait()
	cs := s.Comments("o", "r", 1)
	if len(cs) != 16 {
		t.Fatalf("%d comments, want 16", len(cs))
	}
	seen := map[int64]bool{}
	for _, c := range cs {
		if seen[c.ID] {
			t.Errorf("duplicate id %d", c.ID)
		}
		seen[c.ID] = true
	}
}
