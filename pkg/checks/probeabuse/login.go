package probeabuse

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/live"
)

// maxLoginAttempts bounds the burst of failed sign-ins.
const maxLoginAttempts = 20

// login sends up to maxLoginAttempts failed sign-ins to probe.login, with
// --allow-writes only, and reports when none was throttled. It stops at
// the first 429 or lockout.
func (r *run) login(ctx context.Context) {
	if r.cfg.Probe.Login == "" {
		return
	}
	if !r.lt.AllowWrites {
		r.ev.login = "sign-in burst to " + r.cfg.Probe.Login + " not sent (needs --allow-writes)"
		r.lt.Coverage.Skipped(r.cfg.Probe.Login, "sign-in throttling is probed with --allow-writes only")
		return
	}
	method, path, ok := route(r.cfg.Probe.Login)
	if !ok || hasParam(path) {
		r.ev.login = "sign-in burst not sent: probe.login names no one route to sign in at"
		r.lt.Coverage.Skipped(r.cfg.Probe.Login, "probe.login names no one route to sign in at")
		return
	}
	body, err := loginBody()
	if err != nil {
		return
	}
	h := http.Header{}
	h.Set("Content-Type", "application/json")
	answered, retryAfter := 0, ""
	for range maxLoginAttempts {
		if ctx.Err() != nil {
			r.ev.login = fmt.Sprintf("sign-in burst to %s cut short by the run's time limit after %d answers: throttling not judged", r.cfg.Probe.Login, answered)
			return
		}
		resp := r.send(ctx, live.Request{Method: method, Path: path, Header: h, Body: body, Refusable: true, NoRetry: true})
		if resp == nil {
			continue
		}
		if !refusal(resp) && !throttled(resp) {
			r.ev.login = fmt.Sprintf("%s answered %d to a sign-in that cannot succeed: throttling not judged", r.cfg.Probe.Login, resp.Status)
			// A 2xx, a redirect or a 404 to a sign-in that cannot succeed
			// is a form page, a catch-all or no route: not a count of
			// refused attempts.
			r.lt.Coverage.Note(fmt.Sprintf("probe-abuse: %s answered %d to a sign-in that cannot succeed, not a refusal; throttling not judged", r.cfg.Probe.Login, resp.Status))
			return
		}
		answered++
		if ra := resp.Header.Get("Retry-After"); ra != "" && retryAfter == "" {
			retryAfter = strings.TrimSpace(ra)
		}
		if throttled(resp) {
			r.ev.login = fmt.Sprintf("%s throttled after %d failed sign-ins (%d on sign-in %d", r.cfg.Probe.Login, answered-1, resp.Status, answered)
			if ra := printable(strings.TrimSpace(resp.Header.Get("Retry-After"))); ra != "" {
				r.ev.login += ", Retry-After " + ra
			}
			r.ev.login += ")"
			r.ev.loginJudged = true
			r.lt.Coverage.Note(fmt.Sprintf("probe-abuse: %s throttled failed sign-ins after %d attempts", r.cfg.Probe.Login, answered))
			return
		}
	}
	if answered < maxLoginAttempts {
		// Some attempts got no answer: the burst proves nothing.
		r.ev.login = fmt.Sprintf("only %d of %d failed sign-ins to %s answered: throttling not judged", answered, maxLoginAttempts, r.cfg.Probe.Login)
		r.lt.Coverage.Note(fmt.Sprintf("probe-abuse: only %d of %d sign-in attempts to %s got an answer; throttling not judged", answered, maxLoginAttempts, r.cfg.Probe.Login))
		return
	}
	msg := fmt.Sprintf("%s took %d failed sign-ins in a row without a 429 or a lockout", r.cfg.Probe.Login, answered)
	r.ev.login, r.ev.loginJudged = msg, true
	if retryAfter != "" {
		msg += " (a Retry-After of " + printable(retryAfter) + " was sent, but nothing was refused)"
	}
	loc := r.lt.Locate(method, path)
	r.emit(check.Report{Rule: ruleLogin, URL: r.lt.Client.Origin() + path, File: loc.File, Line: loc.Line, Message: msg,
		Key: ruleLogin + "\x00" + method + " " + path})
}

// refusal reports the answers of a server that refused a sign-in:
// 400, 401, 403 or 422.
func refusal(resp *live.Response) bool {
	switch resp.Status {
	case http.StatusBadRequest, http.StatusUnauthorized, http.StatusForbidden, http.StatusUnprocessableEntity:
		return true
	}
	return false
}

// throttled reports a 429, a 423 Locked, or a 401/403 whose body says the
// account is locked or there were too many attempts.
func throttled(resp *live.Response) bool {
	switch resp.Status {
	case http.StatusTooManyRequests, http.StatusLocked:
		return true
	case http.StatusUnauthorized, http.StatusForbidden:
		b := bytes.ToLower(resp.Body)
		return bytes.Contains(b, []byte("locked")) || bytes.Contains(b, []byte("too many"))
	}
	return false
}

// loginBody is a sign-in for a user that cannot exist (.invalid.test is
// reserved) with a random wrong password.
func loginBody() ([]byte, error) {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		return nil, err
	}
	tag := hex.EncodeToString(b[:])
	return json.Marshal(map[string]string{
		"email":    "launchgate-probe-" + tag + "@invalid.test",
		"username": "launchgate-probe-" + tag + "@invalid.test",
		"password": "wrong-" + tag,
	})
}

// printable keeps at most 32 printable ASCII bytes of a header value.
func printable(s string) string {
	var b strings.Builder
	for i := 0; i < len(s) && b.Len() < 32; i++ {
		if s[i] >= 0x20 && s[i] < 0x7f {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}
