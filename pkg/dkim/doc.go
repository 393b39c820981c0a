// Package dkim parses DKIM public-key records (RFC 6376 §3.6.1, with the
// ed25519 keys of RFC 8463) published at SELECTOR._domainkey.DOMAIN and
// judges the keys a domain publishes. It performs no lookups.
package dkim
