// Command acmeportal serves the ACME client portal API.
package main

import (
	"log"
	"net/http"
	"os"
	"strings"

	"github.com/rs/cors"

	"example.com/acmeportal/internal/web"
)

func main() {
	mux := http.NewServeMux()
	web.Routes(mux)
	c := cors.New(cors.Options{
		AllowedOrigins:   strings.Split(os.Getenv("CORS_ORIGINS"), ","),
		AllowCredentials: true,
	})
	log.Fatal(http.ListenAndServe(":"+os.Getenv("PORT"), c.Handler(mux)))
}
