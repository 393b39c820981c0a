// Package ghapi is the small part of the GitHub REST API that the Action
// needs: the files a pull request changes (with the lines each adds), and
// one sticky pull-request comment that is updated in place on every run.
//
// It wraps go-github and adds what a gate needs on top: bounded
// pagination, GitHub Enterprise Server base URLs taken verbatim from
// $GITHUB_API_URL, a comment body that always fits GitHub's size limit, and
// errors that name the endpoint and status, never the token, and that tell a
// read-only token (a fork's pull request) from a rate limit, so the caller
// can degrade instead of failing the step.
package ghapi
