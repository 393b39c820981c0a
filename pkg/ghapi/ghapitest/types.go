package ghapitest

import (
	"net/http"
	"time"
)

// File is one entry of GET /repos/{owner}/{repo}/pulls/{number}/files, with
// GitHub's field names.
type File struct {
	SHA              string `json:"sha"`
	Filename         string `json:"filename"`
	Status           string `json:"status"`
	Additions        int    `json:"additions"`
	Deletions        int    `json:"deletions"`
	Changes          int    `json:"changes"`
	BlobURL          string `json:"blob_url"`
	RawURL           string `json:"raw_url"`
	ContentsURL      string `json:"contents_url"`
	Patch            string `json:"patch,omitempty"`
	PreviousFilename string `json:"previous_filename,omitempty"`
}

// User is the "user" object GitHub embeds in a comment.
type User struct {
	Login string `json:"login"`
	ID    int64  `json:"id"`
	// Type is "User" or "Bot".
	Type string `json:"type"`
}

// Comment is an issue comment as GitHub returns it.
type Comment struct {
	ID                int64     `json:"id"`
	NodeID            string    `json:"node_id"`
	URL               string    `json:"url"`
	HTMLURL           string    `json:"html_url"`
	IssueURL          string    `json:"issue_url"`
	Body              string    `json:"body"`
	User              User      `json:"user"`
	CreatedAt         time.Time `json:"created_at"`
	UpdatedAt         time.Time `json:"updated_at"`
	AuthorAssociation string    `json:"author_association"`
}

// pullRequest is the part of GET /repos/{owner}/{repo}/pulls/{number} a
// client of this fake reads.
type pullRequest struct {
	ID           int64  `json:"id"`
	Number       int    `json:"number"`
	State        string `json:"state"`
	Title        string `json:"title"`
	HTMLURL      string `json:"html_url"`
	ChangedFiles int    `json:"changed_files"`
	Additions    int    `json:"additions"`
	Deletions    int    `json:"deletions"`
	Commits      int    `json:"commits"`
}

// apiError is GitHub's error body.
type apiError struct {
	Message          string       `json:"message"`
	Errors           []fieldError `json:"errors,omitempty"`
	DocumentationURL string       `json:"documentation_url,omitempty"`
	Status           string       `json:"status,omitempty"`

	// headers are set on the error response before it is written.
	headers http.Header
}

// fieldError is one entry of a 422's "errors".
type fieldError struct {
	Resource string `json:"resource"`
	Code     string `json:"code"`
	Field    string `json:"field"`
	Message  string `json:"message,omitempty"`
}

// Request is one request the fake received.
type Request struct {
	Method string
	// Path is the URL path as sent, including any enterprise prefix.
	Path     string
	RawQuery string
	Header   http.Header
	Body     []byte
}
