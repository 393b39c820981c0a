// Package dmarc parses DMARC policy records (RFC 7489, with the np and t
// tags of RFC 9091 and DMARCbis), finds the organizational domain a policy
// is inherited from, and judges how well a record protects a sending
// domain. It performs no lookups: it names what to look up and judges the
// answers it is given.
package dmarc
