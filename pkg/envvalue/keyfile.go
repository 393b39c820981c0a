package envvalue

import "strings"

// keyFileWords are words of a key that name a file of key material:
// a Java keystore or truststore, a PKCS #12 bundle, a certificate's key.
var keyFileWords = map[string]bool{
	"JKS": true, "P12": true, "PFX": true,
	"PKCS12": true, "STOREPASS": true, "KEYPASS": true,
}

// certWords are words of a key that name TLS; with KEY before the
// password they name the certificate's private key file
// (TLS_KEY_PASSWORD, SSL_KEY_PASSPHRASE).
var certWords = map[string]bool{"TLS": true, "SSL": true, "CERT": true, "CERTIFICATE": true, "HTTPS": true}

// KeyFileNote says why a key file's password is not a credential to a
// service, for the findings that judge one.
const KeyFileNote = "it unlocks a key file (a keystore or an encrypted private key), not a service, so it is worth something only beside that file; a committed key file is reported on its own"

// KeyFilePassword reports whether key names the password of a key file
// (TLS_KEYSTORE_PASSWORD, SERVER_SSL_KEY_STORE_PASSWORD,
// TRUSTSTORE_PASSWORD, TLS_KEY_PASSWORD, PFX_PASSPHRASE): it unlocks a
// file, not a service, so it is worth something only beside that file.
func KeyFilePassword(key string) bool {
	k := strings.ToUpper(strings.NewReplacer("-", "_", ".", "_").Replace(strings.TrimSpace(key)))
	if !SecretName(k) || !password(k) {
		return false
	}
	k = strings.NewReplacer("KEY_STORE", "KEYSTORE", "TRUST_STORE", "TRUSTSTORE").Replace(k)
	if strings.Contains(k, "KEYSTORE") || strings.Contains(k, "TRUSTSTORE") {
		return true
	}
	words := strings.Split(k, "_")
	cert := false
	for i, w := range words {
		if keyFileWords[w] {
			return true
		}
		if certWords[w] {
			cert = true
		}
		if cert && w == "KEY" && i+1 < len(words) && password(words[i+1]) {
			return true
		}
	}
	return false
}
