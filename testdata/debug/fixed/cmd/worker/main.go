// The worker imports net/http/pprof for its side effect, but serves only
// a router of its own; the default mux, where the profiles are registered,
// is mounted only when DEBUG is set. Nothing outside reaches the profiles.
package main

import (
	"log"
	"net/http"
	_ "net/http/pprof"
	"os"

	"github.com/gorilla/mux"
)

func main() {
	r := mux.NewRouter()
	r.HandleFunc("/health", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) })
	if os.Getenv("DEBUG") == "1" {
		r.PathPrefix("/debug/pprof/").Handler(http.DefaultServeMux)
	}
	srv := &http.Server{Addr: ":8081", Handler: r}
	log.Fatal(srv.ListenAndServe())
}
