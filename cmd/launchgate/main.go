// Command launchgate is the launch-readiness security gate for client
// portals and their APIs. See `launchgate help`.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"

	"github.com/launchgate/launchgate/pkg/cli"
)

// version is stamped by release builds with -ldflags "-X main.version=v1.2.3".
var version = ""

func main() {
	if os.Getenv("GOGC") == "" {
		// Most of a scan passes many files through a small live heap, so
		// collecting often keeps the peak near what is live at no cost in
		// time; checks that hold large documents raise it while they run
		// (check.Check.GCPercent).
		debug.SetGCPercent(25)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := cli.Run(ctx, os.Args[1:], cli.OSEnv(version))
	stop()
	os.Exit(code)
}
