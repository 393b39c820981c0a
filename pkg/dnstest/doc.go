// Package dnstest runs a real DNS server on 127.0.0.1 for tests: it
// serves RFC 1035 zone files authoritatively over UDP and TCP on one
// port, and can be told to truncate, drop, fail or refuse chosen names so
// that a resolver's handling of each failure can be shown. It counts the
// queries it receives by name, type and protocol, so a test can prove
// what a client sent. Servers stop, and their goroutines end, when the
// test is cleaned up.
package dnstest
