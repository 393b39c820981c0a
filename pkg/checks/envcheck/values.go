package envcheck

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/envvalue"
)

// valueReports judges one literal value of a production environment:
// placeholder or weak secrets, local or plain-http URLs and, where the
// debug check does not look, development switches. ex is the example env
// file of the source's folder, or nil.
func valueReports(src *prodSource, v variable, ex *example, emit func(check.Report)) {
	report := func(rule, msg string) {
		r := check.Report{Rule: rule, Line: v.line, Message: msg, Key: rule + "\x00" + src.name + "\x00" + v.key}
		place(&r, src.file, src.url)
		emit(r)
	}
	where := src.name
	if envvalue.SecretName(v.key) && !envvalue.Reference(v.value) {
		n := utf8.RuneCountInString(v.value)
		switch {
		case envvalue.Placeholder(v.value):
			report(rulePlaceholder, fmt.Sprintf("the value of %s in %s is a placeholder (%d characters)", v.key, where, n))
		case ex != nil && ex.values[v.key] == v.value:
			report(rulePlaceholder, fmt.Sprintf("the value of %s in %s is the one %s gives as an example (%d characters)", v.key, where, ex.file, n))
		default:
			if why := envvalue.WeakReason(v.key, v.value); why != "" {
				report(ruleWeak, fmt.Sprintf("the value of %s in %s is %s (%d characters)", v.key, where, why, n))
			}
		}
	}
	if urlKey(v.key, v.value) {
		switch {
		case envvalue.LocalURL(v.value):
			report(ruleLocalURL, fmt.Sprintf("%s in %s points at this machine (localhost, a loopback or unspecified address, or a .local name), which in production is not the service it names", v.key, where))
		case envvalue.InsecureURL(v.value):
			report(ruleLocalURL, fmt.Sprintf("%s in %s is a plain http:// URL to a public host; use https://", v.key, where))
		}
	}
	if src.devMode && envvalue.DevMode(v.key, v.value) {
		report(ruleDevMode, fmt.Sprintf("%s in %s switches the application out of production mode", v.key, where))
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
