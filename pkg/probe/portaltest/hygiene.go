package portaltest

import (
	"encoding/hex"
	"net/http"
	"strings"
)

// The transport and exposure plants of the vulnerable twin, and the
// headers the hardened twin sends on every response. The catch-all twin
// sends neither: it stands for a static host, judged by calibration.

// hardenHeaders sets what a hardened deployment sends on every response.
func hardenHeaders(h http.Header) {
	h.Set("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "no-store")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
}

// (10) The vulnerable twin serves its production env file, with a live
// payment key in it, at /.env. (11) It answers any Origin with that
// Origin and credentials allowed. (12) Its Server header names the
// version of the web server.
func (a *API) mountHygiene() {
	if a.twin != Vulnerable {
		return
	}
	key := "sk_" + "live_" + hex.EncodeToString(randomBytes(12))
	env := "APP_ENV=production\nDATABASE_URL=postgres://portal@db.internal:5432/portal\nSTRIPE_SECRET_KEY=" + key + "\n"
	a.mux.HandleFunc("GET /.env", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		_, _ = w.Write([]byte(env))
	})
}

// respond sets the twin's response headers before r is served.
func (a *API) respond(w http.ResponseWriter, r *http.Request) {
	switch a.twin {
	case Hardened:
		hardenHeaders(w.Header())
	case Vulnerable:
		w.Header().Set("Server", "nginx/1.18.0")
		if o := r.Header.Get("Origin"); o != "" && strings.HasPrefix(r.URL.Path, "/api/") {
			w.Header().Set("Access-Control-Allow-Origin", o)
			w.Header().Set("Access-Control-Allow-Credentials", "true")
		}
	}
}
