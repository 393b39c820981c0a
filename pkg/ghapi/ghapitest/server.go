// Package ghapitest is an in-process fake of the few GitHub REST endpoints
// package ghapi calls, speaking GitHub's JSON shapes, headers, pagination
// and errors, so the Action can be tested without the network.
package ghapitest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// epoch is the fake clock's start; each comment written moves it a minute
// so "newest" is well defined.
var epoch = time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)

// maxBody bounds a request body the fake reads; GitHub's own comment limit
// is far below it.
const maxBody = 4 << 20

// Server is a fake GitHub REST API on 127.0.0.1, closed when the test ends.
// It is safe for concurrent use.
type Server struct {
	srv *httptest.Server

	mu          sync.Mutex
	prefix      string
	token       string
	readOnly    bool
	rateLimited bool
	secondary   bool
	failMethod  string
	failStatus  int
	failMessage string
	files       map[issueKey][]File
	comments    []*commentRecord
	nextID      int64
	ticks       int
	requests    []Request
}

// issueKey names one pull request.
type issueKey struct {
	owner, repo string
	number      int
}

// commentRecord is a stored comment and the pull request it belongs to.
type commentRecord struct {
	key issueKey
	Comment
}

// New starts a fake for one test.
func New(t testing.TB) *Server {
	t.Helper()
	ln, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("ghapitest: listen on 127.0.0.1: %v", err)
	}
	s := &Server{files: map[issueKey][]File{}, nextID: 1_000_001}
	s.srv = httptest.NewUnstartedServer(http.HandlerFunc(s.serve))
	s.srv.Listener = ln
	s.srv.Start()
	t.Cleanup(s.srv.Close)
	return s
}

// URL is the API root to hand to ghapi.New, with the enterprise prefix if
// one is set and a trailing slash.
func (s *Server) URL() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.srv.URL + s.prefix + "/"
}

// SetPathPrefix serves the API under prefix, as GitHub Enterprise Server
// does under "/api/v3"; requests outside it get 404.
func (s *Server) SetPathPrefix(prefix string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.prefix = "/" + strings.Trim(prefix, "/")
	if s.prefix == "/" {
		s.prefix = ""
	}
}

// RequireToken makes every request need "Authorization: Bearer <token>"
// or "token <token>"; others get GitHub's 401 "Bad credentials".
func (s *Server) RequireToken(token string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.token = token
}

// SetReadOnly makes writes fail as they do with a fork pull request's
// token: 403 "Resource not accessible by integration".
func (s *Server) SetReadOnly(on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.readOnly = on
}

// SetRateLimited makes every request fail with the primary rate limit's
// 403 and X-RateLimit-Remaining: 0.
func (s *Server) SetRateLimited(on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.rateLimited = on
}

// SetSecondaryRateLimited makes every request fail with the secondary
// rate limit's 403 and Retry-After.
func (s *Server) SetSecondaryRateLimited(on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.secondary = on
}

// FailRequests makes requests with method ("" for any) answer status with
// message as GitHub's error body; status 0 turns it off.
func (s *Server) FailRequests(method string, status int, message string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failMethod, s.failStatus, s.failMessage = method, status, message
}

// AddFiles appends files to the listing of pull request number.
func (s *Server) AddFiles(owner, repo string, number int, files ...File) {
	s.mu.Lock()
	defer s.mu.Unlock()
	k := issueKey{owner, repo, number}
	for _, f := range files {
		if f.Changes == 0 {
			f.Changes = f.Additions + f.Deletions
		}
		s.files[k] = append(s.files[k], f)
	}
}

// AddComment seeds a comment by login on issue or pull request number and
// returns it as GitHub would.
func (s *Server) AddComment(owner, repo string, number int, login, body string) Comment {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.addCommentLocked(issueKey{owner, repo, number}, login, body).Comment
}

// Comments returns the comments on issue or pull request number, oldest
// first.
func (s *Server) Comments(owner, repo string, number int) []Comment {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Comment
	for _, c := range s.comments {
		if c.key == (issueKey{owner, repo, number}) {
			out = append(out, c.Comment)
		}
	}
	return out
}

// Requests returns every request received so far, in order.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Request, len(s.requests))
	for i, r := range s.requests {
		r.Header = r.Header.Clone()
		r.Body = bytes.Clone(r.Body)
		out[i] = r
	}
	return out
}

// addCommentLocked stores a new comment; s.mu must be held.
func (s *Server) addCommentLocked(k issueKey, login, body string) *commentRecord {
	id := s.nextID
	s.nextID++
	now := s.tickLocked()
	typ := "User"
	if strings.HasSuffix(login, "[bot]") {
		typ = "Bot"
	}
	c := &commentRecord{key: k, Comment: Comment{
		ID:                id,
		NodeID:            fmt.Sprintf("IC_kwDO%d", id),
		URL:               fmt.Sprintf("%s%s/repos/%s/%s/issues/comments/%d", s.srv.URL, s.prefix, k.owner, k.repo, id),
		HTMLURL:           fmt.Sprintf("%s/%s/%s/pull/%d#issuecomment-%d", s.srv.URL, k.owner, k.repo, k.number, id),
		IssueURL:          fmt.Sprintf("%s%s/repos/%s/%s/issues/%d", s.srv.URL, s.prefix, k.owner, k.repo, k.number),
		Body:              body,
		User:              User{Login: login, ID: int64(len(login)) * 1009, Type: typ},
		CreatedAt:         now,
		UpdatedAt:         now,
		AuthorAssociation: "NONE",
	}}
	s.comments = append(s.comments, c)
	return c
}

// tickLocked advances the fake clock; s.mu must be held.
func (s *Server) tickLocked() time.Time {
	s.ticks++
	return epoch.Add(time.Duration(s.ticks) * time.Minute)
}

// serve records the request, applies the checks GitHub applies before
// routing, then routes.
func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBody))
	if err != nil {
		writeError(w, http.StatusBadRequest, apiError{Message: "Problems parsing JSON"})
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = append(s.requests, Request{
		Method: r.Method, Path: r.URL.Path, RawQuery: r.URL.RawQuery,
		Header: r.Header.Clone(), Body: body,
	})
	commonHeaders(w)
	if status, e, ok := s.refuseLocked(r); !ok {
		writeError(w, status, e)
		return
	}
	path, ok := strings.CutPrefix(r.URL.Path, s.prefix)
	if !ok || !strings.HasPrefix(path, "/") {
		writeError(w, http.StatusNotFound, notFound())
		return
	}
	s.routeLocked(w, r, path, body)
}

// commonHeaders are those GitHub sends on every API response.
func commonHeaders(w http.ResponseWriter) {
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("X-GitHub-Media-Type", "github.v3; format=json")
	h.Set("X-GitHub-Api-Version-Selected", "2022-11-28")
	h.Set("X-RateLimit-Limit", "5000")
	h.Set("X-RateLimit-Remaining", "4999")
	h.Set("X-RateLimit-Used", "1")
	h.Set("X-RateLimit-Resource", "core")
	h.Set("X-RateLimit-Reset", fmt.Sprint(time.Now().Add(time.Hour).Unix()))
}

// notFound is GitHub's 404 body.
func notFound() apiError {
	return apiError{Message: "Not Found", DocumentationURL: "https://docs.github.com/rest", Status: "404"}
}

// writeJSON answers status with v as JSON.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		// The client went away; nothing to tell it.
		return
	}
}

// writeError answers status with GitHub's error body.
func writeError(w http.ResponseWriter, status int, e apiError) {
	if e.Status == "" {
		e.Status = fmt.Sprint(status)
	}
	for k, v := range e.headers {
		w.Header()[k] = v
	}
	writeJSON(w, status, e)
}
