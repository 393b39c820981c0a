package action

import (
	"path/filepath"
	"testing"

	"github.com/launchgate/launchgate/pkg/testkit"
)

// baseSpec has one open route, POST /legacy at line 10: an old finding a
// pull request did not cause.
const baseSpec = testkit.PortalSpec

// headSpec adds GET /exports (line 21) without security.
const headSpec = baseSpec + `  /exports:
    get:
      responses:
        "200": {description: ok}
`

// prRepo is a repository with a main branch and a pull-request branch
// that adds an open route and a secret.
type prRepo struct {
	dir        string
	base, head string
	secret     string
	// prefix is the folder inside the repository that holds the project,
	// "" for the top.
	prefix string
}

// want lists the findings the pull request adds, as rule@file:line from
// the repository root; the old POST /legacy finding is not among them.
func (p *prRepo) want() []string {
	return []string{
		"openapi/operation-without-auth@" + p.path("api/openapi.yaml") + ":21",
		"secret/stripe-access-token@" + p.path("server/config.go") + ":3",
	}
}

// old is the finding already on the base branch.
func (p *prRepo) old() string {
	return "openapi/operation-without-auth@" + p.path("api/openapi.yaml") + ":10"
}

func (p *prRepo) path(rel string) string {
	if p.prefix == "" {
		return rel
	}
	return p.prefix + "/" + rel
}

// newPRRepo builds the repository, with the project under prefix.
func newPRRepo(t *testing.T, prefix string) *prRepo {
	t.Helper()
	p := &prRepo{dir: t.TempDir(), secret: fakeStripeKey(t), prefix: prefix}
	testkit.InitRepo(t, p.dir)
	testkit.Git(t, p.dir, "config", "uploadpack.allowAnySHA1InWant", "true")
	testkit.WriteFiles(t, p.dir, map[string]string{
		p.path("api/openapi.yaml"): baseSpec,
		p.path("server/main.go"):   "package server\n",
	})
	p.base = testkit.Commit(t, p.dir, "base")
	testkit.Git(t, p.dir, "checkout", "-q", "-b", "feature")
	testkit.WriteFiles(t, p.dir, map[string]string{
		p.path("api/openapi.yaml"): headSpec,
		p.path("server/config.go"): "package server\n\nconst stripeKey = \"" + p.secret + "\"\n",
	})
	p.head = testkit.Commit(t, p.dir, "exports and billing")
	return p
}

// shallowClone clones the feature branch at depth 1, the way
// actions/checkout does by default, so the base commit is missing.
func (p *prRepo) shallowClone(t *testing.T) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "checkout")
	testkit.Git(t, t.TempDir(), "clone", "-q", "--depth", "1", "--branch", "feature", "file://"+p.dir, dst)
	return dst
}

// prEvent is a pull_request payload; fork makes the head another
// repository.
func (p *prRepo) prEvent(number int, fork bool) map[string]any {
	headRepo := "acme/portal"
	if fork {
		headRepo = "mallory/portal"
	}
	return map[string]any{
		"action": "synchronize",
		"number": number,
		"pull_request": map[string]any{
			"number": number,
			"title":  "Add exports ::error::not a command",
			"base":   map[string]any{"sha": p.base, "ref": "main", "repo": map[string]any{"full_name": "acme/portal"}},
			"head":   map[string]any{"sha": p.head, "ref": "feature", "repo": map[string]any{"full_name": headRepo}},
		},
		"repository": map[string]any{"full_name": "acme/portal", "name": "portal", "owner": map[string]any{"login": "acme"}},
	}
}
