// Command launchgate is the launch-readiness security gate for client
// portals and their APIs. See `launchgate help`.
package main

import (
	"context"
	"os"
	"os/signal"

	"github.com/launchgate/launchgate/pkg/cli"
)

// version is stamped by release builds with -ldflags "-X main.version=v1.2.3".
var version = ""

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := cli.Run(ctx, os.Args[1:], cli.OSEnv(version))
	stop()
	os.Exit(code)
}
