package secrets

import (
	"net"
	"net/url"
	"strings"

	"github.com/launchgate/launchgate/pkg/finding"
)

// exposure is who can reach the host a connection string points at.
type exposure int

const (
	// publicHost: a domain name or a public address.
	publicHost exposure = iota
	// unknownHost: a variable or a stand-in ($DB_HOST, [host]).
	unknownHost
	// internalHost: a service on the deployment's own network, a compose
	// or cluster service name (db, plane-db, redis.default.svc) or a
	// private address.
	internalHost
	// localHost: the developer's machine or its containers.
	localHost
)

// internalSuffixes end host names that resolve only inside a private
// network.
var internalSuffixes = []string{".local", ".internal", ".svc", ".lan", ".home.arpa"}

// exposureOf reads a connection string's host, lower-cased, as
// connStringParts returns it.
func exposureOf(host string) exposure {
	h := strings.Trim(host, "[]")
	switch {
	case host == "" || strings.ContainsAny(host, "${}<>%") || bracketed(host) || strings.Contains(host, "example") || strings.Contains(host, "your-"):
		return unknownHost
	case localHosts[host] || h == "::1" || h == "localhost" || strings.HasSuffix(h, ".localhost"):
		return localHost
	}
	if ip := net.ParseIP(h); ip != nil {
		switch {
		case ip.IsLoopback() || ip.IsUnspecified():
			return localHost
		case ip.IsPrivate() || ip.IsLinkLocalUnicast():
			return internalHost
		}
		return publicHost
	}
	if !strings.Contains(h, ".") {
		return internalHost
	}
	for _, s := range internalSuffixes {
		if strings.HasSuffix(h, s) {
			return internalHost
		}
	}
	return publicHost
}

// defaultPasswords are what database and broker images, tutorials and
// quick-start files use when no one chose a password.
var defaultPasswords = map[string]bool{
	"postgres": true, "root": true, "admin": true, "guest": true, "minioadmin": true, "test": true,
	"dev": true, "development": true, "mysql": true, "redis": true, "rabbitmq": true, "default": true,
	"toor": true, "docker": true, "local": true, "sa": true, "mongo": true, "mongodb": true,
	"password": true, "pass": true, "secret": true, "changeme": true, "example": true, "app": true,
	"user": true, "demo": true, "sample": true, "testing": true, "postgrespassword": true,
	"adminpassword": true, "rootpassword": true, "mysqlpassword": true, "supersecret": true,
	"admin123": true, "password123": true, "123456": true,
}

// defaultPassword reports whether pw, the password of user in a
// connection string, is a default: the user's name, the database's name,
// or a well-known default, also written with digits for letters
// ("p@ssw0rd") or URL-encoded.
func defaultPassword(user, pw string) bool {
	if d, err := url.PathUnescape(pw); err == nil {
		pw = d
	}
	if u, err := url.PathUnescape(user); err == nil {
		user = u
	}
	for _, leet := range []bool{false, true} {
		n := normalisePassword(pw, leet)
		if n != "" && (n == normalisePassword(user, leet) || defaultPasswords[n]) {
			return true
		}
	}
	return false
}

// normalisePassword lower-cases a password and drops its punctuation;
// with leet it also reads the digits and signs people put for letters as
// those letters: "P@ss#w0rd" is "password".
func normalisePassword(pw string, leet bool) string {
	var b strings.Builder
	for _, r := range strings.ToLower(pw) {
		if !leet {
			if ('a' <= r && r <= 'z') || ('0' <= r && r <= '9') {
				b.WriteRune(r)
			}
			continue
		}
		switch r {
		case '@', '4':
			r = 'a'
		case '0':
			r = 'o'
		case '$', '5':
			r = 's'
		case '3':
			r = 'e'
		case '!':
			r = 'i'
		}
		if ('a' <= r && r <= 'z') || ('0' <= r && r <= '9') {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// connUser returns the user name of a connection-string match.
func connUser(match string) string {
	_, rest, ok := strings.Cut(match, "://")
	if !ok {
		return ""
	}
	user, _, _ := strings.Cut(rest, ":")
	return user
}

// connSeverity ranks a connection string with a real or default password
// by who can reach its host and where it is written, and says why when
// that is less than critical. quiet names the place when it is one where
// values are examples or development settings ("in documentation"), and
// is "" elsewhere.
func connSeverity(ex exposure, isDefault bool, quiet string) (finding.Severity, string) {
	const change = "Change it wherever the same database is reachable from elsewhere, and keep real passwords out of committed files."
	const byDefault = " with a default password (the user's name or a well-known default)"
	switch {
	case ex == localHost || ex == internalHost:
		where := "It points at a local host"
		if ex == internalHost {
			where = "It points at a service on a private network (a compose or cluster service name, or a private address)"
		}
		switch {
		case isDefault && quiet != "":
			return finding.Info, where + byDefault + ", " + quiet + ": a development setup, reported at info. " + change
		case isDefault:
			return finding.Low, where + byDefault + ": reported at low, since only what runs on that network can use it. " + change
		case quiet != "":
			return finding.Low, where + ", " + quiet + ", so it is likely a development password: reported at low. " + change
		case ex == localHost:
			return finding.Medium, where + ", so it is likely a development password: reported at medium. Make sure it is not used anywhere else. " + rotateFirst
		}
	case isDefault && quiet != "":
		return finding.Low, "The password is a default (the user's name or a well-known default), " + quiet + ": reported at low. " + change
	}
	return finding.Critical, ""
}
