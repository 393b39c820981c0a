package ghapitest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"
)

const (
	// maxListedFiles is where GitHub stops listing a pull request's files.
	maxListedFiles = 3000
	// maxCommentChars is GitHub's comment body limit, in characters.
	maxCommentChars = 65536
	// botLogin is who a GITHUB_TOKEN writes as.
	botLogin = "github-actions[bot]"
)

// routeLocked dispatches path (without the enterprise prefix) to the
// endpoint it names; s.mu must be held.
func (s *Server) routeLocked(w http.ResponseWriter, r *http.Request, path string, body []byte) {
	parts := strings.Split(strings.Trim(path, "/"), "/")
	if len(parts) < 5 || parts[0] != "repos" {
		writeError(w, http.StatusNotFound, notFound())
		return
	}
	owner, repo, rest := parts[1], parts[2], parts[3:]
	switch {
	case r.Method == http.MethodGet && len(rest) == 3 && rest[0] == "pulls" && rest[2] == "files":
		if n, ok := number(rest[1]); ok {
			s.listFilesLocked(w, r, issueKey{owner, repo, n})
			return
		}
	case r.Method == http.MethodGet && len(rest) == 2 && rest[0] == "pulls":
		if n, ok := number(rest[1]); ok {
			s.getPullLocked(w, issueKey{owner, repo, n})
			return
		}
	case len(rest) == 3 && rest[0] == "issues" && rest[2] == "comments":
		n, ok := number(rest[1])
		if ok && r.Method == http.MethodGet {
			s.listCommentsLocked(w, r, issueKey{owner, repo, n})
			return
		}
		if ok && r.Method == http.MethodPost {
			s.createCommentLocked(w, issueKey{owner, repo, n}, body)
			return
		}
	case r.Method == http.MethodPatch && len(rest) == 3 && rest[0] == "issues" && rest[1] == "comments":
		if id, err := strconv.ParseInt(rest[2], 10, 64); err == nil {
			s.editCommentLocked(w, owner, repo, id, body)
			return
		}
	}
	writeError(w, http.StatusNotFound, notFound())
}

// number parses a pull request or issue number.
func number(s string) (int, bool) {
	n, err := strconv.Atoi(s)
	return n, err == nil && n > 0
}

func (s *Server) listFilesLocked(w http.ResponseWriter, r *http.Request, k issueKey) {
	files := s.files[k]
	if len(files) > maxListedFiles {
		files = files[:maxListedFiles]
	}
	writeJSON(w, http.StatusOK, paginate(w, r, files))
}

func (s *Server) getPullLocked(w http.ResponseWriter, k issueKey) {
	pr := pullRequest{
		ID: int64(k.number) + 500_000, Number: k.number, State: "open",
		Title:        fmt.Sprintf("Pull request %d", k.number),
		HTMLURL:      fmt.Sprintf("%s/%s/%s/pull/%d", s.srv.URL, k.owner, k.repo, k.number),
		ChangedFiles: len(s.files[k]), Commits: 1,
	}
	for _, f := range s.files[k] {
		pr.Additions += f.Additions
		pr.Deletions += f.Deletions
	}
	writeJSON(w, http.StatusOK, pr)
}

func (s *Server) listCommentsLocked(w http.ResponseWriter, r *http.Request, k issueKey) {
	comments := []Comment{}
	for _, c := range s.comments {
		if c.key == k {
			comments = append(comments, c.Comment)
		}
	}
	writeJSON(w, http.StatusOK, paginate(w, r, comments))
}

func (s *Server) createCommentLocked(w http.ResponseWriter, k issueKey, body []byte) {
	text, e, ok := commentBody(body)
	if !ok {
		writeError(w, http.StatusUnprocessableEntity, e)
		return
	}
	c := s.addCommentLocked(k, botLogin, text)
	w.Header().Set("Location", c.URL)
	writeJSON(w, http.StatusCreated, c.Comment)
}

func (s *Server) editCommentLocked(w http.ResponseWriter, owner, repo string, id int64, body []byte) {
	var c *commentRecord
	for _, cand := range s.comments {
		if cand.ID == id && cand.key.owner == owner && cand.key.repo == repo {
			c = cand
		}
	}
	if c == nil {
		writeError(w, http.StatusNotFound, notFound())
		return
	}
	text, e, ok := commentBody(body)
	if !ok {
		writeError(w, http.StatusUnprocessableEntity, e)
		return
	}
	c.Body = text
	c.UpdatedAt = s.tickLocked()
	writeJSON(w, http.StatusOK, c.Comment)
}

// commentBody reads {"body": ...} and applies GitHub's validation.
func commentBody(raw []byte) (string, apiError, bool) {
	var in struct {
		Body *string `json:"body"`
	}
	if err := json.Unmarshal(raw, &in); err != nil {
		return "", apiError{Message: "Problems parsing JSON", DocumentationURL: "https://docs.github.com/rest"}, false
	}
	invalid := func(code, msg string) apiError {
		return apiError{
			Message:          "Validation Failed",
			Errors:           []fieldError{{Resource: "IssueComment", Code: code, Field: "body", Message: msg}},
			DocumentationURL: "https://docs.github.com/rest/issues/comments",
		}
	}
	switch {
	case in.Body == nil || strings.TrimSpace(*in.Body) == "":
		return "", invalid("missing_field", ""), false
	case utf8.RuneCountInString(*in.Body) > maxCommentChars:
		return "", invalid("custom", fmt.Sprintf("body is too long (maximum is %d characters)", maxCommentChars)), false
	}
	return *in.Body, apiError{}, true
}

// paginate returns the page of items that r's page and per_page ask for and
// sets GitHub's Link header for the others.
func paginate[T any](w http.ResponseWriter, r *http.Request, items []T) []T {
	perPage := queryInt(r, "per_page", 30)
	if perPage > 100 {
		perPage = 100
	}
	page := queryInt(r, "page", 1)
	last := max(1, (len(items)+perPage-1)/perPage)
	link := func(p int, rel string) string {
		q := r.URL.Query()
		q.Set("page", strconv.Itoa(p))
		q.Set("per_page", strconv.Itoa(perPage))
		return fmt.Sprintf(`<http://%s%s?%s>; rel="%s"`, r.Host, r.URL.Path, q.Encode(), rel)
	}
	var links []string
	if page > 1 {
		links = append(links, link(min(page-1, last), "prev"))
	}
	if page < last {
		links = append(links, link(page+1, "next"), link(last, "last"))
	}
	if page > 1 {
		links = append(links, link(1, "first"))
	}
	if len(links) > 0 {
		w.Header().Set("Link", strings.Join(links, ", "))
	}
	if page > last {
		return []T{}
	}
	from := (page - 1) * perPage
	return items[from:min(from+perPage, len(items))]
}

// queryInt reads a positive integer parameter, or def.
func queryInt(r *http.Request, name string, def int) int {
	n, err := strconv.Atoi(r.URL.Query().Get(name))
	if err != nil || n < 1 {
		return def
	}
	return n
}
