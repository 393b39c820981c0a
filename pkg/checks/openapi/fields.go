package openapi

import (
	"strconv"
	"strings"

	"github.com/launchgate/launchgate/pkg/spec"
)

// sensitiveFieldParts, found in a response field's name (folded by
// normalName), make the field personal, secret or privileged data: contact
// details, credentials, identity and money.
var sensitiveFieldParts = []string{
	"email", "mail", "phone", "mobile", "telephone", "fax", "password", "passwd",
	"secret", "token", "apikey", "privatekey", "credential", "ssn", "socialsecurity",
	"birth", "dob", "salary", "income", "iban", "accountnumber", "routing", "cardnumber",
	"creditcard", "cvv", "cvc", "address", "street", "postcode", "postalcode", "zip",
	"passport", "taxid", "nationalid", "balance", "admin", "role", "permission",
	"session", "otp", "mfa", "totp", "recovery", "ip", "geo", "latitude", "longitude",
}

// sensitiveField reports whether a response field carries personal,
// secret or privileged data.
func sensitiveField(name string) bool {
	n := normalName(name)
	for _, p := range sensitiveFieldParts {
		if p == "ip" {
			// Too short to search inside words: only a word of its own
			// (ip, client_ip, ipAddress).
			for _, w := range splitWords(name) {
				if w == "ip" || strings.HasPrefix(w, "ipaddr") {
					return true
				}
			}
			continue
		}
		if strings.Contains(n, p) {
			return true
		}
	}
	return false
}

// unsafeVerbs begin path words that do something, whatever the method:
// GET /createdb, GET /reset-cache.
var unsafeVerbs = []string{
	"create", "delete", "remove", "reset", "drop", "init", "seed", "wipe", "purge",
	"destroy", "update", "restart", "reload", "shutdown", "flush", "clear", "import",
	"migrate", "exec", "truncate", "rebuild", "restore", "kill",
}

// unsafeRead reports a GET or HEAD whose path names an action: it changes
// state despite its method.
func unsafeRead(op *spec.Operation) bool {
	for _, w := range routeWords(op.Path) {
		for _, v := range unsafeVerbs {
			if strings.HasPrefix(w, v) {
				return true
			}
		}
	}
	return false
}

// harmlessRead says what a GET or HEAD serves when its declared responses
// show it carries nothing private: the route names no private records,
// tenant or admin scope and no action, every success response declares
// its shape, and none of the fields they name is personal, secret or
// privileged. It is "" otherwise, and for a response it cannot see into.
func (rc *ruleContext) harmlessRead(op *spec.Operation) string {
	if !op.Read() || unsafeRead(op) {
		return ""
	}
	if _, private := firstIn(routeWords(op.Path), isPrivateWord); private || rc.cfg.IsAdminPath(op.Path, op.Tags) || rc.tenantScoped(op) {
		return ""
	}
	var fields []string
	seen := map[string]bool{}
	success := 0
	for _, r := range op.Responses {
		if !strings.HasPrefix(r.Code, "2") {
			continue
		}
		success++
		if !r.Shaped {
			return ""
		}
		for _, f := range r.Fields {
			if sensitiveField(f) {
				return ""
			}
			if !seen[f] {
				seen[f] = true
				fields = append(fields, f)
			}
		}
	}
	if success == 0 || len(fields) == 0 {
		return ""
	}
	return "its declared response names " + strconv.Itoa(len(fields)) + " fields, none personal, secret or privileged (" + examples(fields, 4) + ")"
}
