package main

import (
	"log"
	"net/http"
	"net/http/pprof"

	"github.com/gin-gonic/gin"
)

func main() {
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	r.GET("/health", func(c *gin.Context) { c.JSON(200, gin.H{"ok": true}) })
	debug := http.NewServeMux()
	debug.HandleFunc("/debug/pprof/", pprof.Index)
	go func() { log.Println(http.ListenAndServe("127.0.0.1:6060", debug)) }()
	log.Fatal(r.Run(":8080"))
}
