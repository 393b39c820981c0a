// Package mtasts parses the records of SMTP MTA Strict Transport Security
// (RFC 8461): the _mta-sts TXT record and the policy file served at
// https://mta-sts.DOMAIN/.well-known/mta-sts.txt, and the SMTP TLS
// Reporting record at _smtp._tls (RFC 8460). It performs no lookups or
// fetches: the caller hands it what it retrieved.
package mtasts
