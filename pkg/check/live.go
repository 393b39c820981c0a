package check

import (
	"context"
	"net/url"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/launchgate/launchgate/pkg/config"
	"github.com/launchgate/launchgate/pkg/live"
	"github.com/launchgate/launchgate/pkg/spec"
)

// Live is what live checks examine: a running deployment, the spec
// operations it serves and the identities the probe acts as.
type Live struct {
	// Base is --url.
	Base *url.URL
	// Client sends every request of the run; it keeps the run inside the
	// origin of Base and within its request, rate, size and time limits.
	Client Doer
	// Docs are the loaded OpenAPI documents (--spec); their operations'
	// locations are relative to Root.
	Docs []*spec.Document
	// Identities are probe.identities with ${NAME} expanded: their header
	// values are credentials, which the run's redactor takes out of every
	// output.
	Identities []config.Identity
	// AllowWrites is --allow-writes: mutating operations are sent, with
	// credentials a correct server refuses only.
	AllowWrites bool
	// Coverage collects what the checks probed and did not.
	Coverage *Coverage
	// HTTPBase is the plain-http origin the transport check tries when
	// Base is https (probe.http_url, else http://host:80); nil otherwise.
	HTTPBase *url.URL
	// HTTPClient sends the few requests to HTTPBase, under a small cap of
	// its own; nil when HTTPBase is.
	HTTPClient Doer
}

// SpecPrefix is the path d's operations sit under on the target: the
// path of d's first server ("/v1" for https://api.example.com/v1 or /v1)
// when --url names none of its own; "" when it does, since the client
// joins every path under --url's, and for a server URL with variables.
func (l *Live) SpecPrefix(d *spec.Document) string {
	if l.Base != nil && strings.Trim(l.Base.Path, "/") != "" || len(d.Servers) == 0 {
		return ""
	}
	raw := d.Servers[0].URL
	if strings.Contains(raw, "{") {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return strings.TrimRight(u.Path, "/")
}

// Locate is where the spec writes the operation a live check sent
// method and path for: the path as sent, under the document's prefix,
// or as the spec writes it. Zero when no operation matches.
func (l *Live) Locate(method, path string) spec.Location {
	for _, d := range l.Docs {
		prefix := l.SpecPrefix(d)
		for _, o := range d.Operations {
			if o.Method == method && (prefix+o.Path == path || o.Path == path) {
				return o.Loc
			}
		}
	}
	return spec.Location{}
}

// Doer sends one request of a live run (a *live.Client).
type Doer interface {
	Do(ctx context.Context, r live.Request) (*live.Response, error)
	// Sent counts the requests sent so far.
	Sent() int
	// Origin is scheme://host:port of the target.
	Origin() string
}

// Coverage records, for the run's summary, the operations live checks
// probed and those they could not, with the reason. It is safe for
// concurrent use.
type Coverage struct {
	mu      sync.Mutex
	probed  map[string]bool
	skipped map[string]string
	notes   []string
}

// Probed records that the operation "METHOD /path" was probed.
func (c *Coverage) Probed(op string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.probed == nil {
		c.probed = map[string]bool{}
	}
	c.probed[op] = true
}

// Skipped records that the operation was not probed, and why; an
// operation probed by another check stays probed.
func (c *Coverage) Skipped(op, reason string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.skipped == nil {
		c.skipped = map[string]string{}
	}
	if _, ok := c.skipped[op]; !ok {
		c.skipped[op] = reason
	}
}

// Note records one line for the summary (the catch-all profile, say).
func (c *Coverage) Note(line string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !slices.Contains(c.notes, line) {
		c.notes = append(c.notes, line)
	}
}

// Counts returns how many operations were probed and not probed.
func (c *Coverage) Counts() (probed, skipped int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for op := range c.skipped {
		if !c.probed[op] {
			skipped++
		}
	}
	return len(c.probed), skipped
}

// Lines says what was probed and what not, one line each, sorted: the
// notes first, then each operation not probed with its reason.
func (c *Coverage) Lines() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := slices.Clone(c.notes)
	var ops []string
	for op := range c.skipped {
		if !c.probed[op] {
			ops = append(ops, op)
		}
	}
	sort.Strings(ops)
	for _, op := range ops {
		out = append(out, "not probed: "+op+": "+c.skipped[op])
	}
	return out
}
