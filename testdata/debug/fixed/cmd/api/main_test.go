package main

import (
	"testing"

	_ "net/http/pprof"

	"github.com/gin-gonic/gin"
)

func TestMain(m *testing.M) {
	gin.SetMode(gin.DebugMode)
	m.Run()
}
