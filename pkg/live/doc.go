// Package live is the one HTTP client every live check of a deployment uses.
//
// The probe is a guest in someone's production, so the client enforces the
// limits itself rather than trusting each check to:
//
//   - One origin. The origin is scheme + host + port of Options.Base (the
//     default port of the scheme when none is written). Request paths are
//     resolved under Base and anything that would leave its origin is refused
//     before sending (ErrOffOrigin); the dialer refuses any address but the
//     origin's as a second line. http://host and https://host are two origins,
//     so an upgrade redirect is not followed. There is no proxy (HTTP_PROXY is
//     not read) and no cookie jar: identities carry their own Cookie header.
//   - Redirects are followed by the client itself, at most MaxRedirects (5) in
//     a row, and only on the origin. A redirect to another origin is not
//     followed: the 3xx is returned with Response.OffOrigin naming the target.
//     When the limit is reached the last 3xx is returned as is, without error,
//     with Response.Redirects equal to MaxRedirects.
//   - Bounded work. One token bucket (golang.org/x/time/rate) and one
//     concurrency semaphore shared by every goroutine; a hard cap on requests
//     for the whole run, counted before sending, redirects and retries included
//     (ErrRequestCap); a timeout for each request (each hop and retry)
//     covering connect, TLS, headers and body (ErrTimeout); bodies
//     read at most MaxBodyBytes after decompression, the rest left unread and
//     the connection closed. Every wait ends when the caller's context ends.
//   - Reads only. GET, HEAD and OPTIONS are sent; any other method only when
//     Options.AllowWrites is set and the request carries credentials a correct
//     server must refuse (Request.Refusable); otherwise ErrWriteRefused and
//     nothing is sent. CONNECT is never sent.
//   - TLS is always verified, against the system roots plus the PEM file the
//     caller names (SSL_CERT_FILE). Nothing in this package turns it off.
//   - 429 and 503 with Retry-After are honoured: the whole client pauses that
//     long (at most MaxRetryWait) and the request is retried, at most
//     MaxRetries times, only when the wait fits both MaxRetryWait and the
//     context deadline and the cap has room; otherwise the response is
//     returned as is. No other status is retried.
//   - Errors are *RequestError; ErrTimeout, ErrTLS and ErrUnreachable tell
//     a slow, untrusted or down target apart, and the caller's context error
//     is kept when the run ends.
//   - Secrets stay inside. Errors and debug logs name the method and the path
//     without its query; header values and query values never appear in them.
package live
