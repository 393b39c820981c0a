// Package web holds the portal's HTTP handlers.
package web

import (
	"net/http"
)

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
		HttpOnly: true,
		SameSite: http.SameSiteNoneMode, // want "transport/samesite-none-without-secure"
	}) // want "transport/session-cookie-not-secure"
	w.WriteHeader(http.StatusNoContent)
}

// withEmbedCORS lets the invoice widget call the API from partner sites.
func withEmbedCORS(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		origin := r.Header.Get("Origin")
		w.Header().Set("Access-Control-Allow-Origin", origin)
		w.Header().Set("Access-Control-Allow-Credentials", "true") // want "cors/reflected-origin-with-credentials"
		next(w, r)
	}
}
