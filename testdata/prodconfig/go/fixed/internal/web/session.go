// Package web holds the portal's HTTP handlers.
package web

import (
	"net/http"
	"slices"
)

// embedOrigins are the sites the invoice widget is embedded in.
var embedOrigins = []string{"https://portal.acme-invoices.com"}

// Routes registers the portal's handlers on mux.
func Routes(mux *http.ServeMux) {
	mux.HandleFunc("POST /api/login", login)
	mux.HandleFunc("GET /api/embed/invoices", withEmbedCORS(listInvoices))
}

func login(w http.ResponseWriter, r *http.Request) {
	id, err := startSession(r.Context(), r.FormValue("email"), r.FormValue("password"))
	if err != nil {
		http.Error(w, "sign-in failed", http.StatusUnauthorized)
		return
	}
	http.SetCookie(w, &http.Cookie{
		Name:     "portal_session",
		Value:    id,
		Path:     "/",
		Secure:   true,
		HttpOnly: true,
		SameSite: http.SameSiteLaxMode,
	})
	w.WriteHeader(http.StatusNoContent)
}

// withEmbedCORS lets the invoice widget call the API from the sites it is
// embedded in, and no others.
func withEmbedCORS(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Add("Vary", "Origin")
		if origin := r.Header.Get("Origin"); slices.Contains(embedOrigins, origin) {
			w.Header().Set("Access-Control-Allow-Origin", origin)
			w.Header().Set("Access-Control-Allow-Credentials", "true")
		}
		next(w, r)
	}
}
