package envcheck

import (
	"fmt"
	"net"
	"strings"
	"unicode/utf8"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/envvalue"
	"github.com/launchgate/launchgate/pkg/finding"
)

// valueReports judges one literal value of a production environment:
// placeholder or weak secrets, local or plain-http URLs and, where the
// debug check does not look, development switches. ex is the example env
// file of the source's folder, or nil.
func valueReports(src *prodSource, v variable, ex *example, emit func(check.Report)) {
	// low, when not "", says why the finding opens nothing anyone else
	// can use, and lowers it.
	report := func(rule, msg, low string) {
		r := check.Report{Rule: rule, Line: v.line, Message: msg, Key: rule + "\x00" + src.name + "\x00" + v.key}
		place(&r, src.file, src.url)
		src.cap(&r)
		switch {
		case r.Capped:
		case low != "":
			r.Message += " (low: " + low + ")"
			r.Capped, r.MaxSeverity = true, finding.Low
		case rule != ruleLocalURL && rule != ruleDevMode && envvalue.KeyFilePassword(v.key):
			r.Message += " (medium: " + envvalue.KeyFileNote + ")"
			r.Capped, r.MaxSeverity = true, finding.Medium
		}
		emit(r)
	}
	where := src.name
	key := v.name()
	if envvalue.SecretName(v.key) && !envvalue.Reference(v.value) && !envvalue.Setting(v.key, v.value) {
		n := utf8.RuneCountInString(v.value)
		placeholderLow := v.unreachable
		if envvalue.Outbound(v.key) {
			placeholderLow = fmt.Sprintf("%s is a credential the application presents to another service; a placeholder there makes that integration fail and opens nothing", key)
		}
		switch {
		case envvalue.Placeholder(v.value):
			report(rulePlaceholder, fmt.Sprintf("the value of %s in %s is a placeholder (%d characters)", key, where, n), placeholderLow)
		case ex != nil && ex.values[v.key] == v.value:
			report(rulePlaceholder, fmt.Sprintf("the value of %s in %s is the one %s gives as an example (%d characters)", key, where, ex.file, n), placeholderLow)
		default:
			if why := envvalue.WeakReason(v.key, v.value); why != "" {
				report(ruleWeak, fmt.Sprintf("the value of %s in %s is %s (%d characters)", key, where, why, n), v.unreachable)
			}
		}
	}
	if v.defaulted {
		return
	}
	if urlKey(v.key, v.value) {
		switch {
		case envvalue.LocalURL(v.value) && !selfAddress(v.key, v.value):
			report(ruleLocalURL, fmt.Sprintf("%s in %s points at this machine (localhost, a loopback or unspecified address, or a .local name), which in production is not the service it names", key, where), "")
		case envvalue.InsecureURL(v.value):
			report(ruleLocalURL, fmt.Sprintf("%s in %s is a plain http:// URL to a public host; use https://", key, where), "")
		}
	}
	if src.devMode && !v.noMode && (envvalue.DevMode(v.key, v.value) || v.modeKey != "" && envvalue.DevMode(v.modeKey, v.value)) {
		report(ruleDevMode, fmt.Sprintf("%s in %s switches the application out of production mode", key, where), "")
	}
}

// bindKeys name the address a server listens on, where 0.0.0.0 or
// 127.0.0.1 is a choice, not a mistake.
var bindKeys = map[string]bool{
	"HOST": true, "HOSTNAME": true, "ADDR": true, "HTTP_ADDR": true,
	"HTTPS_ADDR": true, "GRPC_ADDR": true, "SERVER_ADDR": true,
	"SERVER_HOST": true, "APP_HOST": true, "METRICS_ADDR": true,
}

// hostWords in a key say its value is where a service is reached.
var hostWords = []string{"_HOST", "_HOSTNAME", "_SERVER", "_ADDR", "_ADDRESS", "DATABASE", "REDIS", "MONGO", "MEMCACHE", "AMQP", "RABBIT", "KAFKA", "BROKER", "DSN"}

// urlKey reports whether the value of key says where a service is: any
// URL value, or a host value of a key that names a host or a database;
// never a listen address or a proxy setting.
func urlKey(key, value string) bool {
	k := strings.ToUpper(key)
	if bindKeys[k] || strings.Contains(k, "BIND") || strings.Contains(k, "LISTEN") || strings.HasSuffix(k, "PROXY") {
		return false
	}
	if strings.Contains(value, "://") {
		return true
	}
	for _, w := range hostWords {
		if strings.Contains(k, w) {
			return true
		}
	}
	return false
}

// selfAddress reports whether a local value is where the service itself
// is, which is the machine it runs on by design: a key with the word
// INTERNAL (the URL the application calls itself on,
// INTERNAL_WEBAPP_URL=http://localhost:3000), or an unspecified address
// without a scheme ("0.0.0.0:9000"), which is a listen address, since no
// client connects to it.
func selfAddress(key, value string) bool {
	for _, w := range strings.FieldsFunc(strings.ToUpper(key), func(r rune) bool { return r == '_' || r == '-' || r == '.' }) {
		if w == "INTERNAL" {
			return true
		}
	}
	v := strings.TrimSpace(value)
	if strings.Contains(v, "://") {
		return false
	}
	host := v
	if h, _, err := net.SplitHostPort(v); err == nil {
		host = h
	}
	return host == "0.0.0.0" || host == "::" || host == ""
}
