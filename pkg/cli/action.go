package cli

import (
	"context"
	"errors"

	"github.com/launchgate/launchgate/pkg/action"
)

// runAction runs the GitHub Action entrypoint, which takes everything from
// the runner's environment and no arguments.
func runAction(ctx context.Context, args []string, env Env) error {
	if len(args) > 0 {
		return usageErrorf("action takes no arguments (it reads INPUT_* variables), got %v", args)
	}
	err := action.Run(ctx, action.Env{
		Getenv:  env.Getenv,
		Stdout:  env.Stdout,
		Stderr:  env.Stderr,
		Now:     env.Now,
		WorkDir: env.WorkDir,
		Version: env.Version,
		Environ: env.Environ,
	})
	if errors.Is(err, action.ErrBlocking) {
		return errBlocking
	}
	return err
}
