package portaltest

import "net/http"

// indexHTML is the page the catch-all host serves for every request.
const indexHTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Acme Client Portal</title>
<script type="module" src="/assets/index-4f2a9c.js"></script></head>
<body><div id="root"></div><noscript>Enable JavaScript to use the portal.</noscript></body>
</html>
`

// index is the single-page-app host: the same 200 page to every path and
// method, credentials or not, as a client-side router expects.
func (a *API) index(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write([]byte(indexHTML))
}
