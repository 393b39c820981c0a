package probetransport

import (
	"net/http"
	"strings"

	"github.com/launchgate/launchgate/pkg/check"
)

// sessionName reports whether a cookie name looks like it holds a
// session or a credential.
func sessionName(name string) bool {
	n := strings.ToLower(name)
	switch n {
	case "sid", "sess", "session", "connect.sid", "auth", "token", "jwt":
		return true
	}
	for _, suffix := range []string{"_session", "_sess", "_sid", "_auth", "_token", "_jwt", "sessionid", "-session", ".session"} {
		if strings.HasSuffix(n, suffix) {
			return true
		}
	}
	for _, prefix := range []string{"remember_", "session_", "sess_", "auth_", "__host-session", "__secure-session"} {
		if strings.HasPrefix(n, prefix) {
			return true
		}
	}
	return false
}

// cookieGaps lists the attributes a session cookie lacks.
func cookieGaps(c *http.Cookie) []string {
	var out []string
	if !c.Secure {
		out = append(out, "Secure")
	}
	if !c.HttpOnly {
		out = append(out, "HttpOnly")
	}
	switch c.SameSite {
	case 0, http.SameSiteDefaultMode:
		out = append(out, "SameSite")
	case http.SameSiteNoneMode:
		out = append(out, "SameSite other than None")
	}
	return out
}

// judgeCookies reports each session-like cookie, once by name, set
// without Secure, HttpOnly or SameSite. The value is never read out.
func (r *run) judgeCookies(responses []seen) {
	done := map[string]bool{}
	for _, s := range responses {
		for _, line := range s.resp.Header.Values("Set-Cookie") {
			c, err := http.ParseSetCookie(line)
			if err != nil || !sessionName(c.Name) || done[c.Name] || c.MaxAge < 0 {
				continue
			}
			gaps := cookieGaps(c)
			add(&r.ev.cookies, c.Name)
			if len(gaps) == 0 {
				continue
			}
			add(&r.ev.lacking, c.Name)
			done[c.Name] = true
			r.emit(check.Report{Rule: ruleCookie, URL: s.url(), Key: ruleCookie + " " + c.Name,
				Message: "the session cookie " + c.Name + " set by " + s.url() + " lacks " + strings.Join(gaps, ", ")})
		}
	}
}
