package probeabuse

import (
	"fmt"
	"net/url"
	"sort"
	"strings"
	"time"

	"github.com/launchgate/launchgate/pkg/check"
)

// maxLatencyLines bounds the latency lines of the monitoring row, so the
// health line and these stay within four.
const maxLatencyLines = 3

// evidence is what the run verified, for the scorecard's cors,
// ratelimit, monitoring and edge rows. It names routes, identities and
// vendors, never a credential or a body.
type evidence struct {
	// origins label the forged origins sent; corsOps counts the routes
	// that answered them, corsAllowed those that let one in.
	origins          []string
	corsOps          int
	corsAllowed      int
	corsCredentialed int
	// login and health are their lines, "" when not known; loginJudged
	// says the sign-in burst was judged, not cut short or skipped.
	login, health string
	loginJudged   bool
	// latency are the sampled routes, by identity.
	latency []sampled
}

// sampled is the latency of one critical route as one identity.
type sampled struct {
	route, who    string
	p50, p95, p99 time.Duration
	n             int
}

// originLabel says what kind of forgery a forged origin is.
func originLabel(o string, base *url.URL) string {
	host := base.Hostname()
	switch o {
	case "https://" + forgedHost:
		return "other site"
	case "null":
		return "null"
	case "https://" + host + "." + forgedHost:
		return "suffix twin"
	case "https://evil" + host:
		return "prefix twin"
	case "http://" + base.Host:
		return "plain http"
	}
	return "forged"
}

// record tells the tally what the run verified.
func (r *run) record(t *check.Tally) {
	e := &r.ev
	switch {
	case e.corsOps == 0 && len(e.origins) == 0:
		t.Unverified("cors", "forged origins not sent: no authenticated GET route without path parameters in the spec")
	case e.corsOps == 0:
		t.Unverified("cors", "%s sent: no authenticated route answered", forged(e.origins))
	default:
		line := fmt.Sprintf("%s refused on %d of %s", forged(e.origins), e.corsOps-e.corsAllowed, plural(e.corsOps, "authenticated route"))
		if e.corsCredentialed > 0 {
			line += fmt.Sprintf(" (credentialed reads allowed on %d)", e.corsCredentialed)
		}
		t.Record("cors", "%s", line)
	}

	switch {
	case e.login == "":
		t.Unverified("ratelimit", "sign-in burst not sent (needs --allow-writes and probe.login)")
	case e.loginJudged:
		t.Record("ratelimit", "%s", e.login)
	default:
		t.Unverified("ratelimit", "%s", e.login)
	}

	if e.health != "" {
		t.Record("monitoring", "%s", e.health)
	}
	lat := e.latency
	if len(lat) > maxLatencyLines {
		lat = append([]sampled(nil), lat...)
		sort.SliceStable(lat, func(i, j int) bool { return lat[i].p95 > lat[j].p95 })
		rest := lat[maxLatencyLines-1:]
		lat = lat[:maxLatencyLines-1]
		defer t.Record("monitoring", "%d more route samplings: p95 at most %s (budget %s)", len(rest), spaced(rest[0].p95), spaced(r.budget()))
	}
	for _, s := range lat {
		if s.n < minSamples {
			t.Unverified("monitoring", "%s as %s: only %d latency samples, not judged", s.route, s.who, s.n)
			continue
		}
		t.Record("monitoring", "%s as %s: p50 %s, p95 %s, p99 %s (budget %s, %d samples)",
			s.route, s.who, spaced(s.p50), spaced(s.p95), spaced(s.p99), spaced(r.budget()), s.n)
	}

	r.recordEdge(t)
}

// recordEdge says which CDN or WAF the responses came through, if any.
func (r *run) recordEdge(t *check.Tally) {
	if len(r.headers) == 0 {
		t.Unverified("edge", "no response seen: CDN or WAF headers not looked for")
		return
	}
	count := map[string]int{}
	best := ""
	for _, h := range r.headers {
		if v := edgeVendor(h); v != "" {
			count[v]++
			if count[v] > count[best] || count[v] == count[best] && v < best {
				best = v
			}
		}
	}
	if best != "" {
		t.Record("edge", "%s in front (its headers on %d of %d responses)", best, count[best], len(r.headers))
		return
	}
	line := fmt.Sprintf("no CDN or WAF header on %s", plural(len(r.headers), "response"))
	if r.lt.Base != nil && !edgeExpected(r.lt.Base.Hostname()) {
		line += fmt.Sprintf(" (%s is a loopback or private host: none expected)", r.lt.Base.Hostname())
	}
	t.Record("edge", "%s", line)
}

// forged is "5 forged origins (other site, null, …)".
func forged(labels []string) string {
	return fmt.Sprintf("%s (%s)", plural(len(labels), "forged origin"), strings.Join(labels, ", "))
}

// spaced is a duration as "12 ms", and "under 0.1 ms" for less.
func spaced(d time.Duration) string {
	if d < 100*time.Microsecond {
		return "under 0.1 ms"
	}
	return strings.TrimSuffix(ms(d), "ms") + " ms"
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
