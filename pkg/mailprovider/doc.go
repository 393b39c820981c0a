// Package mailprovider guesses which DKIM selectors a domain uses from
// what its DNS already reveals: the includes of its SPF record and its MX
// hosts point at the mail services it uses, and most services sign with
// fixed, documented selectors. The guesses only say where to look; a key
// found there is what proves DKIM.
package mailprovider
