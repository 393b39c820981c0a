package probetransport

import (
	"strings"

	"github.com/launchgate/launchgate/pkg/check"
)

// bannerHeaders are the response headers that name server software.
var bannerHeaders = [...]string{"Server", "X-Powered-By", "X-AspNet-Version", "X-AspNetMvc-Version", "X-Generator"}

// namesVersion reports whether a banner names a version: digits, a dot,
// digits ("nginx/1.18.0", "PHP/8.1", "4.0.30319").
func namesVersion(v string) bool {
	for i := 0; i+2 < len(v); i++ {
		if isDigit(v[i]) && v[i+1] == '.' && isDigit(v[i+2]) {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// judgeVersions reports each banner header that names a version, once
// by header name.
func (r *run) judgeVersions(responses []seen) {
	for _, name := range bannerHeaders {
		for _, s := range responses {
			v := strings.TrimSpace(s.resp.Header.Get(name))
			if v == "" || !namesVersion(v) {
				continue
			}
			add(&r.ev.banners, name)
			r.emit(check.Report{Rule: ruleVersion, URL: s.url(), Key: ruleVersion + " " + strings.ToLower(name),
				Message: "the " + name + " header of " + s.url() + " names a software version (" + clip(v) + ")"})
			break
		}
	}
}

// clip bounds a header value quoted in a message.
func clip(v string) string {
	const max = 60
	if len(v) > max {
		return v[:max] + "…"
	}
	return v
}
