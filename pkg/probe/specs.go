package probe

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/launchgate/launchgate/pkg/config"
	"github.com/launchgate/launchgate/pkg/spec"
)

// loadSpecs loads the documents the probe replays: --spec, else the
// configuration's specs, else the ones discovered under the working
// folder, which is the root their findings' files are relative to. A
// document that cannot be read at all is an error; one with problems is
// probed as far as it was read, with a note.
func loadSpecs(ctx context.Context, opts Options, cfg *config.Config) ([]*spec.Document, string, []string, error) {
	root, err := filepath.Abs(opts.WorkDir)
	if err != nil {
		return nil, "", nil, err
	}
	var names []string
	switch {
	case len(opts.Specs) > 0:
		names = opts.Specs
	case len(cfg.Specs) > 0:
		names = cfg.Specs
	default:
		if names, err = spec.Discover(ctx, root, cfg.Exclude); err != nil {
			return nil, "", nil, fmt.Errorf("looking for OpenAPI documents under %s: %w", root, err)
		}
	}
	var docs []*spec.Document
	var notes []string
	for _, name := range names {
		rel, err := inside(root, name)
		if err != nil {
			return nil, "", nil, err
		}
		doc, problems := spec.Load(ctx, rel, spec.DirReader(root), spec.Options{})
		if doc == nil {
			msg := "cannot be read"
			if len(problems) > 0 {
				msg = problems[0].Message
			}
			return nil, "", nil, fmt.Errorf("--spec %s: %s", name, msg)
		}
		if len(problems) > 0 {
			notes = append(notes, fmt.Sprintf("%s has %d problems (launchgate scan reports them); its operations were probed as far as they could be read", rel, len(problems)))
		}
		docs = append(docs, doc)
	}
	if len(docs) == 0 {
		notes = append(notes, "no OpenAPI document found under "+root+"; the authentication and tenant checks need one (name it with --spec)")
	}
	return docs, root, notes, nil
}

// inside returns name, taken from root when relative, as a slash path
// relative to root; a document outside root is an error.
func inside(root, name string) (string, error) {
	p := name
	if !filepath.IsAbs(p) {
		p = filepath.Join(root, p)
	}
	if fi, err := os.Stat(p); err != nil {
		return "", fmt.Errorf("--spec %s: %w", name, err)
	} else if fi.IsDir() {
		return "", fmt.Errorf("--spec %s is a folder; name the document itself", name)
	}
	rel, err := filepath.Rel(root, p)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("--spec %s is outside %s; run the probe from a folder that holds it", name, root)
	}
	return filepath.ToSlash(rel), nil
}
