// Package redact takes secret values out of text on its way out of the
// process: finding messages and the code they quote, notes, errors and log
// lines. Every channel launchgate writes to passes its text through one
// Redactor, so a check that quotes a line of code, a configuration error
// that echoes a bad value or a server URL with a password in it cannot show
// the value, whatever format the report is in.
//
// A Redactor recognises, in this order of certainty:
//
//   - the value a Detector finds (the secrets engine, with gitleaks' rules
//     and launchgate's own);
//   - the random part behind a provider's public prefix (ghp_, sk_live_,
//     AKIA, glpat-, xoxb-, …), JSON Web Tokens and PEM private keys;
//   - the password (or token) in a URL's userinfo, and the values of query
//     parameters whose names carry credentials (token, key, sig, password);
//   - in quoted code, the value assigned to a credential-like name
//     (`secret: "…"`, `password=…`), and any quoted string that looks like
//     random key material.
//
// A value is replaced by its shape: the public prefix, if it has one, and
// its length, as in `ghp_…(redacted, 40 chars)`. References such as
// ${DB_PASSWORD}, $SECRET or <password> are not values and stay.
//
// Over-redacting costs a reader a little context; under-redacting leaks a
// credential into a pull-request comment. When in doubt the Redactor
// redacts.
package redact
