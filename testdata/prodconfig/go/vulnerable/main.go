// Command acmeportal serves the ACME client portal API.
package main

import (
	"log"
	"net/http"
	"os"

	"github.com/rs/cors"

	"example.com/acmeportal/internal/web"
)

func main() {
	mux := http.NewServeMux()
	web.Routes(mux)
	c := cors.New(cors.Options{
		AllowOriginFunc: func(origin string) bool {
			return true
		},
		AllowCredentials: true, // want "cors/wildcard-with-credentials"
	})
	log.Fatal(http.ListenAndServe(":"+os.Getenv("PORT"), c.Handler(mux)))
}
