package scan

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/launchgate/launchgate/pkg/config"
	"github.com/launchgate/launchgate/pkg/spec"
)

// specs decides which OpenAPI documents to check: those named by --spec,
// else those the config lists, else those discovered under root.
func specs(ctx context.Context, root string, cfg *config.Config, opts Options) ([]string, error) {
	if len(opts.Specs) > 0 {
		return relativeFiles(root, opts.WorkDir, opts.Specs, "--spec")
	}
	if len(cfg.Specs) > 0 {
		return relativeFiles(root, root, cfg.Specs, cfg.File+": specs")
	}
	found, err := spec.Discover(ctx, root, cfg.Exclude)
	if err != nil {
		return nil, fmt.Errorf("looking for OpenAPI documents under %s: %w", root, err)
	}
	return found, nil
}

// relativeFiles checks that each named file exists inside root and returns
// it relative to root, with / separators.
func relativeFiles(root, base string, names []string, what string) ([]string, error) {
	var out []string
	for _, name := range names {
		if isURL(name) {
			return nil, fmt.Errorf("%s %s: URLs are not fetched, launchgate reads only local files; download the document and pass its path", what, name)
		}
		p := name
		if !filepath.IsAbs(p) {
			p = filepath.Join(base, p)
		}
		p, err := filepath.Abs(p)
		if err != nil {
			return nil, fmt.Errorf("%s %s: %w", what, name, err)
		}
		fi, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("%s %s: %w", what, name, err)
		}
		if fi.IsDir() {
			return nil, fmt.Errorf("%s %s is a folder; name the document itself", what, name)
		}
		rel, err := filepath.Rel(root, p)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return nil, fmt.Errorf("%s %s is outside the scanned folder %s; scan its folder instead (launchgate scan %s --spec %s)",
				what, name, root, filepath.Dir(p), p)
		}
		rel = filepath.ToSlash(rel)
		if !slices.Contains(out, rel) {
			out = append(out, rel)
		}
	}
	return out, nil
}

// isURL reports whether name is a URL (scheme://…) rather than a path.
// Without this a URL is read as a relative path and fails as a missing file
// under a folder named "http:". A single letter before "://" is a Windows
// drive, not a scheme.
func isURL(name string) bool {
	scheme, _, ok := strings.Cut(name, "://")
	if !ok || len(scheme) < 2 {
		return false
	}
	for i, c := range scheme {
		letter := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
		if !letter && (i == 0 || !('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.')) {
			return false
		}
	}
	return true
}

// artifacts resolves the build outputs to check: those named by
// --artifacts (from the working directory), then those the config lists
// (from root), as absolute paths. Each must exist.
func artifacts(root string, cfg *config.Config, opts Options) ([]string, error) {
	var out []string
	add := func(base, name, what string) error {
		p := name
		if !filepath.IsAbs(p) {
			p = filepath.Join(base, p)
		}
		p, err := filepath.Abs(p)
		if err != nil {
			return fmt.Errorf("%s %s: %w", what, name, err)
		}
		if _, err := os.Stat(p); err != nil {
			return fmt.Errorf("%s %s: %w", what, name, err)
		}
		if err := readable(p); err != nil {
			return fmt.Errorf("%s %s: cannot be read: %w", what, name, err)
		}
		if !slices.Contains(out, p) {
			out = append(out, p)
		}
		return nil
	}
	for _, a := range opts.Artifacts {
		if err := add(opts.WorkDir, a, "--artifacts"); err != nil {
			return nil, err
		}
	}
	for _, a := range cfg.Artifacts {
		if err := add(root, a, cfg.File+": artifacts"); err != nil {
			return nil, err
		}
	}
	return out, nil
}
