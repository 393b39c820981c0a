package main

import (
	"log"
	"net/http"
	_ "net/http/pprof" // want "debug/pprof-imported"

	"github.com/gin-gonic/gin"
)

func main() {
	gin.SetMode(gin.DebugMode) // want "debug/gin-debug-mode"
	r := gin.New()
	r.GET("/health", func(c *gin.Context) { c.JSON(200, gin.H{"ok": true}) })
	go func() { log.Println(http.ListenAndServe(":6060", nil)) }()
	log.Fatal(r.Run(":8080"))
}
