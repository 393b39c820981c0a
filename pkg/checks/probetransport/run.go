package probetransport

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/live"
)

// seen is one response the check judges.
type seen struct {
	resp *live.Response
	// authed says the request carried an identity's credentials.
	authed bool
}

// url is the printable URL of the response (query values redacted).
func (s seen) url() string { return live.Redact(s.resp.URL) }

// run is one transport check of one deployment.
type run struct {
	lt   *check.Live
	now  time.Time
	emit func(check.Report)
	// ev is what the run verified, for the scorecard.
	ev evidence
}

func newRun(t *check.Target, now time.Time, emit func(check.Report)) *run {
	lt := t.Live
	if lt.Coverage == nil {
		lt.Coverage = &check.Coverage{}
	}
	return &run{lt: lt, now: now, emit: emit}
}

// run sends the GETs, judges what came back and tries plain http.
func (r *run) run(ctx context.Context, t *check.Tally) {
	defer r.record(t)
	if r.lt.Client != nil {
		r.judgeMain(ctx)
	}
	if r.lt.HTTPClient != nil && r.lt.HTTPBase != nil {
		r.plainHTTP(ctx)
	}
}

// judgeMain fetches the base path and the spec's first GET, and judges
// the certificate and the headers of what answered.
func (r *run) judgeMain(ctx context.Context) {
	first, err := r.lt.Client.Do(ctx, live.Request{Method: http.MethodGet, Path: "/"})
	if err != nil {
		if errors.Is(err, live.ErrTLS) {
			r.emit(check.Report{Rule: ruleInvalid, URL: r.lt.Client.Origin(), Key: ruleInvalid,
				Message: "the TLS certificate of " + r.lt.Client.Origin() + " does not verify: " + certProblem(err, r.now)})
			r.ev.tlsLine = "certificate for " + r.host() + " does not verify: " + certProblem(err, r.now)
			return
		}
		// A server that speaks only TLS 1.0 or 1.1 fails the client's
		// handshake without a certificate error: say so when it is that.
		if v, ok := r.legacyAccepted(ctx, r.lt.Client.Origin()); ok {
			r.emit(check.Report{Rule: ruleWeakTLS, URL: r.lt.Client.Origin(), Key: ruleWeakTLS,
				Message: "the TLS of " + r.lt.Client.Origin() + " is weak: it accepts a " + v + " handshake and no newer version"})
			r.ev.tlsLine = r.host() + " answers a " + v + " handshake and no newer version"
			return
		}
		r.lt.Coverage.Note("transport: the base URL did not answer, so its TLS and headers were not judged")
		r.ev.tlsLine = r.lt.Client.Origin() + " did not answer: its TLS and headers were not checked"
		return
	}
	responses := []seen{{resp: first}}
	if path, header, ok := firstGet(r.lt); ok && path != "/" {
		if resp, err := r.lt.Client.Do(ctx, live.Request{Method: http.MethodGet, Path: path, Header: header}); err == nil {
			responses = append(responses, seen{resp: resp, authed: header != nil})
		}
	}
	r.ev.responses = len(responses)
	if first.TLS != nil {
		r.certificate(ctx, first)
	} else {
		r.ev.tlsLine = r.lt.Client.Origin() + " is plain http: no certificate or TLS to check"
	}
	r.judgeHSTS(responses)
	r.judgeHeaders(responses)
	r.judgeCookies(responses)
	r.judgeVersions(responses)
}

// firstGet is the path of the spec's first GET without path parameters,
// with the first identity's credentials when there is one.
func firstGet(lt *check.Live) (string, http.Header, bool) {
	var header http.Header
	if len(lt.Identities) > 0 && len(lt.Identities[0].Headers) > 0 {
		header = http.Header{}
		for k, v := range lt.Identities[0].Headers {
			header.Set(k, v)
		}
	}
	for _, d := range lt.Docs {
		for _, o := range d.Operations {
			if o.Method != http.MethodGet || strings.Contains(o.Path, "{") {
				continue
			}
			return lt.SpecPrefix(d) + o.Path, header, true
		}
	}
	return "", nil, false
}
