package probetransport

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/live"
)

// plainHTTP asks the plain-http origin for the base path and reports a
// 2xx answer or a redirect that does not go to https on the same host.
// Nothing listening there is fine.
func (r *run) plainHTTP(ctx context.Context) {
	resp, err := r.lt.HTTPClient.Do(ctx, live.Request{Method: http.MethodGet, Path: "/"})
	plain := "plain " + r.lt.HTTPClient.Origin()
	if err != nil {
		if !errors.Is(err, live.ErrUnreachable) && !errors.Is(err, context.Canceled) {
			r.lt.Coverage.Note("transport: plain http on " + r.lt.HTTPClient.Origin() + " did not answer usably, so its redirect was not judged")
			r.ev.plainLine = plain + " did not answer usably: its redirect was not checked"
		} else {
			r.ev.plainLine = plain + " does not answer (nothing served over plain http)"
		}
		return
	}
	r.judgeCookies([]seen{{resp: resp}})
	where := live.Redact(resp.URL)
	loc := resp.Header.Get("Location")
	why := badRedirect(loc, resp.URL, r.httpsHost())
	switch {
	case resp.Status >= 200 && resp.Status <= 299:
		r.ev.plainLine = fmt.Sprintf("%s serves content (%d) instead of redirecting to https", plain, resp.Status)
	case resp.Status < 300 || resp.Status > 399:
		r.ev.plainLine = fmt.Sprintf("%s answers %d, no redirect and no content", plain, resp.Status)
	case why != "":
		r.ev.plainLine = fmt.Sprintf("%s redirects (%d) %s", plain, resp.Status, why)
	default:
		r.ev.plainLine = fmt.Sprintf("%s redirects (%d) to https on %s", plain, resp.Status, r.httpsHost())
	}
	if resp.Status >= 200 && resp.Status <= 299 {
		r.emit(check.Report{Rule: ruleHTTPPlain, URL: where, Key: ruleHTTPPlain,
			Message: "plain http " + where + " serves content (status " + strconv.Itoa(resp.Status) + ") instead of redirecting to https"})
		return
	}
	if resp.Status < 300 || resp.Status > 399 {
		return
	}
	if why != "" {
		r.emit(check.Report{Rule: ruleHTTPPlain, URL: where, Key: ruleHTTPPlain,
			Message: "plain http " + where + " redirects " + why})
	}
}

// httpsHost is the host name of the https origin.
func (r *run) httpsHost() string {
	if r.lt.Base != nil && r.lt.Base.Scheme == "https" {
		return r.lt.Base.Hostname()
	}
	return r.lt.HTTPBase.Hostname()
}

// badRedirect says what is wrong with a redirect of plain http, or "" when
// it goes to https on host.
func badRedirect(location string, from *url.URL, host string) string {
	if location == "" {
		return "without a Location"
	}
	to, err := url.Parse(location)
	if err != nil {
		return "to a Location that does not parse"
	}
	if from != nil {
		to = from.ResolveReference(to)
	}
	switch {
	case !strings.EqualFold(to.Scheme, "https"):
		return "to " + live.Redact(to) + ", not to https"
	case !strings.EqualFold(to.Hostname(), host):
		return "to another host, " + live.Redact(to) + ", not to https on " + host
	}
	return ""
}
