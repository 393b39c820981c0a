package secrets

import (
	"fmt"
	"strings"
	"time"

	"github.com/launchgate/launchgate/pkg/finding"
	"github.com/launchgate/launchgate/pkg/redact"
)

// Rules of gitleaks' that find a value by the name it is assigned to or
// the command it is passed to, not by a provider's format.
const (
	ruleGenericKey = "generic-api-key"
	rulePrivateKey = "private-key"
	rulePKCS12     = "pkcs12-file"
)

// contextualRules find a value by its name or its command, not by a
// provider's format, so where the value is written says whether it is a
// credential: an `api_key: …` in a README is an example, the same line in
// a production config is not. A key in a provider's own format (sk_live_,
// ghp_, AKIA… with its secret) is judged by its format alone, wherever it
// is pasted: any key that was ever pasted into docs or a comment is to be
// rotated.
var contextualRules = map[string]bool{
	ruleGenericKey: true, "curl-auth-user": true, "curl-auth-header": true, "jwt": true,
	"jwt-base64": true, ruleAWSSecretKey: true,
}

// weighing is what judge knows of a fragment when it weighs a candidate.
type weighing struct {
	path    string
	content string
	lines   lineIndex
	place   place
	now     time.Time
}

// weigh lowers the severity of a candidate that its place, its line, its
// name or its value show to be an example, a development setting or an
// identifier, and says why in c.why. It never raises one.
func (w weighing) weigh(c *candidate) {
	switch {
	case c.pathOnly || c.rule == rulePrivateKey || keyMaterialRules[c.rule]:
		w.weighKey(c)
	case c.rule == ruleConnString:
		w.weighConnString(c)
	case contextualRules[c.rule] && !providerFormat(c):
		w.weighContextual(c)
	case formText(w.content, c.at.start):
		w.lower(c, finding.Low, "It is the placeholder or hint text of a form field, which the form shows to every user as an example of the format it expects: reported at low. If it is a real key, rotate it, since everyone who opens the form sees it.")
	default:
		if valid, ok := gitHubChecksum(c.value); ok && !valid && w.quiet(c) != "" {
			w.lower(c, finding.Info, fmt.Sprintf("Its checksum does not hold, so GitHub never issued it: a made-up example %s, reported at info.", w.quiet(c)))
		}
	}
}

// weighKey judges a private key, a key store or a keyset: its format
// says what it is wherever it is written, so only an example folder, a
// debug store's name or a store file that holds no store lower it; each
// applies, and the lowest stands.
func (w weighing) weighKey(c *candidate) {
	nameOnly := c.pathOnly && c.rule == rulePKCS12 && c.store.rule() == ""
	switch {
	case nameOnly && c.store == lfsPointer:
		w.lower(c, finding.Low, "It is a Git LFS pointer: the key store itself is kept in LFS storage, where whoever can clone the repository can fetch it, reported at low. Check what the LFS object holds; if it is a real store, replace its keys and keep it out of the repository.")
	case nameOnly && c.store == unreadStore:
		w.lower(c, finding.High, "Only its name says key store, since its bytes were not read here: reported at high. If it is a store, replace its keys and keep it out of the repository.")
	case nameOnly:
		w.lower(c, finding.High, "Its first bytes are not a PKCS #12 store's (a DER sequence with version 3), so only its name says key store: reported at high. If it is a store, replace its keys and keep it out of the repository.")
	}
	if c.store.rule() != "" && debugStore(w.path) {
		w.lower(c, finding.Low, "Its name says it is a debug key store, such as the debug.keystore Android's SDK makes to sign debuggable builds, which no app store accepts: reported at low. Make sure no release build is signed with it.")
	}
	if w.place.example && (c.rule == rulePKCS12 || c.rule == rulePrivateKey || keyMaterialRules[c.rule]) {
		w.lower(c, finding.Low, "It is in an example folder, so it is most likely an example certificate's key: reported at low. Make sure no deployment loads it; if one does, replace the key and its certificate.")
	}
}

// providerFormat reports whether a contextual rule's value carries a
// provider's marker after all (an Authorization header holding a ghp_
// token), which its own rule reports too. A JWT's "eyJ" marks only the
// encoding.
func providerFormat(c *candidate) bool {
	m := redact.Marker(c.value)
	return m != "" && m != "eyJ"
}

// quiet names the place of a candidate when values there are examples
// (documentation, comments), and "" elsewhere.
func (w weighing) quiet(c *candidate) string {
	switch {
	case w.place.docs:
		return "in documentation"
	case commented(w.content, w.lines, c.at.start):
		return "on a commented-out line"
	}
	return ""
}

// devPlace names the place of a candidate when it holds example code,
// seed data or development settings, and "" elsewhere.
func (w weighing) devPlace() string {
	switch {
	case w.place.data:
		return "in seed, migration, fixture, mock or translation data, where such values are record IDs and type keys"
	case w.place.example:
		return "in example code"
	case w.place.dev:
		return "in development, test, example or CI configuration, which production does not read"
	}
	return ""
}

// weighContextual judges a value found by its name or command: more than
// low only when its name says credential, its value has a credential's
// shape and it is written where credentials are kept; info in
// documentation and comments.
func (w weighing) weighContextual(c *candidate) {
	if q := w.quiet(c); q != "" {
		w.lower(c, finding.Info, "It is "+q+" and in no provider's own format, so it is most likely an example: reported at info. If it was ever a real credential, rotate it.")
		return
	}
	strength := credentialName
	if c.rule == ruleGenericKey {
		strength = strengthOf(nameBefore(w.content, c.at.start))
		if strength == weakName {
			w.lower(c, finding.Low, "Its name does not say secret, token, password or API key (a bare key, an identifier or a type key): reported at low. If it is a credential after all, rotate it and load it at run time.")
			return
		}
	}
	if shape := idShape(c.value, strength); shape != "" && c.rule != ruleAWSSecretKey {
		w.lower(c, finding.Low, "The value is "+shape+": reported at low. If it is a credential after all, rotate it and load it at run time.")
		return
	}
	if at, expired := jwtExpired(c.value, w.now); expired && strings.HasPrefix(c.rule, "jwt") {
		w.lower(c, finding.Low, "The token expired on "+at.Format("2006-01-02")+", so it grants nothing on a server that checks expiry: reported at low. It still shows its claims, and a token signed with a guessable secret lets anyone sign new ones.")
		return
	}
	// An AWS key opens a real account whatever file it is in.
	if d := w.devPlace(); d != "" && c.rule != ruleAWSSecretKey {
		w.lower(c, finding.Low, "It is "+d+": reported at low. Make sure the value is not used in production; if it is, rotate it.")
	}
}

// weighConnString judges a connection string by who can reach its host,
// whether its password is a default, and where it is written.
func (w weighing) weighConnString(c *candidate) {
	quiet := w.quiet(c)
	if quiet == "" && w.place.example {
		quiet = "in example code"
	}
	if quiet == "" && w.place.dev {
		quiet = "in development, test, example or CI configuration"
	}
	sev, why := connSeverity(exposureOf(c.host), defaultPassword(connUser(c.match), c.value), quiet)
	w.lower(c, sev, why)
}

// lower sets c's severity to sev, with why, when that is lower.
func (w weighing) lower(c *candidate, sev finding.Severity, why string) {
	if sev < c.severity {
		c.severity, c.why = sev, why
	}
}
