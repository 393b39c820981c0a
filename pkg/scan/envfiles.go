package scan

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
)

// envFiles resolves the --env files from the working directory into
// absolute paths. Each must be a file; unlike specs they may lie outside
// the scanned folder, since production env files are often kept apart
// from the checkout.
func envFiles(opts Options) ([]string, error) {
	var out []string
	for _, name := range opts.EnvFiles {
		p := name
		if !filepath.IsAbs(p) {
			p = filepath.Join(opts.WorkDir, p)
		}
		p, err := filepath.Abs(p)
		if err != nil {
			return nil, fmt.Errorf("--env %s: %w", name, err)
		}
		fi, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("--env %s: %w", name, err)
		}
		if fi.IsDir() {
			return nil, fmt.Errorf("--env %s is a folder; name the env file itself", name)
		}
		if err := readable(p); err != nil {
			return nil, fmt.Errorf("--env %s: cannot be read: %w", name, err)
		}
		if !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out, nil
}
