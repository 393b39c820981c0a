package ghapitest

import (
	"fmt"
	"net/http"
	"strings"
	"time"
)

// apiVersions are the X-GitHub-Api-Version values GitHub accepts.
var apiVersions = map[string]bool{"2022-11-28": true, "2026-03-10": true}

// refuseLocked applies, in GitHub's order, the checks that reject a request
// before it reaches an endpoint: headers, credentials, rate limits, then the
// configured failure modes. ok is false when the request is refused.
func (s *Server) refuseLocked(r *http.Request) (status int, e apiError, ok bool) {
	if r.Header.Get("User-Agent") == "" {
		return http.StatusForbidden, apiError{
			Message: "Request forbidden by administrative rules. Please make sure your request has a User-Agent header (https://docs.github.com/en/rest/overview/resources-in-the-rest-api#user-agent-required).",
		}, false
	}
	if !acceptable(r.Header.Get("Accept")) {
		return http.StatusUnsupportedMediaType, apiError{
			Message:          fmt.Sprintf("Unsupported 'Accept' header: %q. Must accept 'application/json'.", r.Header.Get("Accept")),
			DocumentationURL: "https://docs.github.com/v3/media",
		}, false
	}
	if v := r.Header.Get("X-GitHub-Api-Version"); v != "" && !apiVersions[v] {
		return http.StatusBadRequest, apiError{
			Message:          fmt.Sprintf("API version '%s' is not supported.", v),
			DocumentationURL: "https://docs.github.com/rest/overview/api-versions",
		}, false
	}
	if s.token != "" && !authorized(r.Header.Get("Authorization"), s.token) {
		return http.StatusUnauthorized, apiError{Message: "Bad credentials", DocumentationURL: "https://docs.github.com/rest"}, false
	}
	h := make(http.Header)
	switch {
	case s.rateLimited:
		h.Set("X-RateLimit-Remaining", "0")
		h.Set("X-RateLimit-Used", "5000")
		h.Set("X-RateLimit-Reset", fmt.Sprint(time.Now().Add(10*time.Minute).Unix()))
		return http.StatusForbidden, apiError{
			Message:          "API rate limit exceeded for installation ID 4242.",
			DocumentationURL: "https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting",
			headers:          h,
		}, false
	case s.secondary:
		h.Set("Retry-After", "60")
		return http.StatusForbidden, apiError{
			Message:          "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
			DocumentationURL: "https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits",
			headers:          h,
		}, false
	case s.failStatus != 0 && (s.failMethod == "" || s.failMethod == r.Method):
		return s.failStatus, apiError{Message: s.failMessage, DocumentationURL: "https://docs.github.com/rest"}, false
	case s.readOnly && r.Method != http.MethodGet && r.Method != http.MethodHead:
		h.Set("X-Accepted-GitHub-Permissions", "issues=write; pull_requests=write")
		return http.StatusForbidden, apiError{
			Message:          "Resource not accessible by integration",
			DocumentationURL: "https://docs.github.com/rest/issues/comments#create-an-issue-comment",
			headers:          h,
		}, false
	}
	return 0, apiError{}, true
}

// acceptable reports whether an Accept header admits GitHub's JSON.
func acceptable(accept string) bool {
	if accept == "" {
		return true
	}
	for part := range strings.SplitSeq(accept, ",") {
		mt, _, _ := strings.Cut(strings.TrimSpace(part), ";")
		switch {
		case mt == "*/*", mt == "application/*", mt == "application/json",
			strings.HasPrefix(mt, "application/vnd.github"):
			return true
		}
	}
	return false
}

// authorized reports whether an Authorization header carries token in one
// of the two schemes GitHub takes for it.
func authorized(header, token string) bool {
	return header == "Bearer "+token || header == "token "+token
}
