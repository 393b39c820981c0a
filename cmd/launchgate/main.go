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
		// A scan's live heap is small (a few files in flight) while the
		// files themselves pass through fast, so collecting more often
		// keeps the peak near what is live; the time goes to matching, not
		// to the collector, and measured the same.
		debug.SetGCPercent(25)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := cli.Run(ctx, os.Args[1:], cli.OSEnv(version))
	stop()
	os.Exit(code)
}
