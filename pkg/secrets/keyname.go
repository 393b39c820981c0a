package secrets

import "strings"

// maxOperator is how many bytes of quotes, blanks and operator
// (`" => '`, `": "`, `=`) nameBefore skips between a value and its name.
const maxOperator = 12

// maxName is the longest name nameBefore reads.
const maxName = 96

// nameBefore returns the name the value at content[start:] is assigned
// to: the identifier before the operator, as in `api_key = "…"`,
// `'key' => '…'`, `"token": "…"` or `where('gateway_key', '…')`. It
// returns "" when there is none within reach.
func nameBefore(content string, start int) string {
	i := start
	for skipped := 0; i > 0 && skipped < maxOperator && strings.IndexByte(" \t'\"`=:>|?,", content[i-1]) >= 0; skipped++ {
		i--
	}
	end := i
	for i > 0 && end-i < maxName && isNameByte(content[i-1]) {
		i--
	}
	return strings.Trim(content[i:end], ".-$")
}

func isNameByte(b byte) bool {
	return b == '_' || b == '-' || b == '.' || b == '$' || ('a' <= b && b <= 'z') || ('A' <= b && b <= 'Z') || ('0' <= b && b <= '9')
}

// nameStrength is what a variable's name says about the value assigned
// to it.
type nameStrength int

const (
	// weakName names a key that is no credential by itself: a bare "key"
	// (a map key, a gateway's type key), a cache or public key, or an
	// identifier (client_id, key_id, token_type).
	weakName nameStrength = iota
	// credentialName says secret, password, token, credential, or a kind
	// of key that is one (API key, access key, master key).
	credentialName
	// passwordName says password: such values are often short.
	passwordName
)

// credentialWords in a name make it a credential's wherever they stand.
var credentialWords = map[string]bool{
	"secret": true, "secrets": true, "token": true, "tokens": true, "credential": true,
	"credentials": true, "creds": true, "apikey": true, "apikeys": true, "auth": true,
	"bearer": true, "jwt": true, "hmac": true, "salt": true, "passphrase": true, "authorization": true,
	"privatekey": true, "accesskey": true, "secretkey": true,
}

// passwordWords in a name say it is a password.
var passwordWords = map[string]bool{"password": true, "passwd": true, "pwd": true, "pass": true}

// keyQualifiers before the word "key" make it a credential: an API key, a
// master key, an encryption key.
var keyQualifiers = map[string]bool{
	"api": true, "access": true, "secret": true, "private": true, "master": true, "encryption": true,
	"encrypt": true, "signing": true, "sign": true, "signature": true, "app": true, "application": true,
	"license": true, "licence": true, "session": true, "auth": true, "service": true, "admin": true,
	"write": true, "account": true, "storage": true, "consumer": true, "webhook": true, "crypto": true,
	"cipher": true, "aes": true, "root": true, "shared": true, "server": true, "client": true,
	"developer": true, "dev": true, "live": true, "prod": true, "production": true, "management": true,
}

// identifierEnds are last words of names whose value identifies or
// describes a credential without being one: client_id, key_type,
// token_url, password_length, secret_name.
var identifierEnds = map[string]bool{
	"id": true, "ids": true, "uuid": true, "guid": true, "name": true, "names": true, "type": true,
	"types": true, "url": true, "uri": true, "path": true, "file": true, "filename": true,
	"header": true, "field": true, "param": true, "prefix": true, "suffix": true, "length": true,
	"len": true, "size": true, "count": true, "ttl": true, "expiry": true, "expires": true,
	"timeout": true, "hash": true, "version": true, "format": true, "label": true, "hint": true,
	"placeholder": true, "regex": true, "pattern": true, "endpoint": true, "host": true,
	"region": true, "mode": true, "enabled": true, "disabled": true, "required": true,
}

// strengthOf reads a name: "PASSPORT_CLIENT_SECRET" is a credential's,
// "gateway_key" and "PASSPORT_CLIENT_ID" are not.
func strengthOf(name string) nameStrength {
	words := splitWords(name)
	if len(words) == 0 || identifierEnds[words[len(words)-1]] {
		return weakName
	}
	for _, w := range words {
		if passwordWords[w] {
			return passwordName
		}
	}
	// An upper-case name is an environment variable or a constant, and
	// one that ends in KEY names a credential whatever qualifies it
	// (SENDGRID_KEY); a lower-case one is as often a map key or a
	// record's field (gateway_key).
	constant := strings.ToUpper(name) == name
	for i, w := range words {
		if credentialWords[w] {
			return credentialName
		}
		if (w == "key" || w == "keys") && i > 0 && (keyQualifiers[words[i-1]] || constant) {
			return credentialName
		}
	}
	return weakName
}
