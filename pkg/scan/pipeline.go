package scan

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/config"
	"github.com/launchgate/launchgate/pkg/gitdiff"
	"github.com/launchgate/launchgate/pkg/process"
)

// pipeline is the ordered list of processors a scan's findings go through.
type pipeline struct {
	list []process.Processor
}

// noter is a processor with something to tell people, such as an ignore
// that expired.
type noter interface {
	Notes() []string
}

func (p *pipeline) notes() []string {
	var out []string
	for _, pr := range p.list {
		if n, ok := pr.(noter); ok {
			out = append(out, n.Notes()...)
		}
	}
	return out
}

// processors builds the pipeline for one scan, and sets t.Diff when a git
// range narrows what is reported. Its notes are things to say before the
// scan runs (a diff that could not be narrowed, say).
func (s *Scanner) processors(ctx context.Context, t *check.Target, cfg *config.Config, opts Options) (*pipeline, []string, error) {
	head, err := Suppressions(t.Root, cfg, opts)
	if err != nil {
		return nil, nil, err
	}
	p := &pipeline{list: head}
	var notes []string
	if opts.Diff != "" {
		touched, note, err := diffLines(ctx, t, opts.Diff)
		if err != nil {
			return nil, nil, err
		}
		if note != "" {
			notes = append(notes, note)
		}
		p.list = append(p.list, process.DiffOnly(touched))
	}
	p.list = append(p.list, process.Dedupe(), process.Overlap(SecretRank), process.Sort())
	return p, notes, nil
}

// Suppressions are the processors that decide what is reported and what
// blocks, the same for a scan and a probe: severity overrides, inline
// launchgate:ignore comments in the files under root, the configuration's
// ignores (as of opts.Now) and opts.Baseline (taken from opts.WorkDir
// when relative).
func Suppressions(root string, cfg *config.Config, opts Options) ([]process.Processor, error) {
	list := []process.Processor{
		process.SeverityOverride(cfg.Severity),
		process.InlineIgnore(root, opts.Logger),
		process.ConfigIgnore(cfg.Ignores, opts.Now),
	}
	if opts.Baseline != "" {
		path := opts.Baseline
		if !filepath.IsAbs(path) {
			path = filepath.Join(opts.WorkDir, path)
		}
		b, err := process.LoadBaseline(path)
		if err != nil {
			return nil, err
		}
		list = append(list, process.Baseline(b))
	}
	return list, nil
}

// diffLines resolves the --diff range in the repository around t.Root and
// returns what it added, in paths relative to t.Root.
func diffLines(ctx context.Context, t *check.Target, rng string) (func(string, int, int) bool, string, error) {
	repo, err := gitdiff.Open(ctx, t.Root)
	if err != nil {
		return nil, "", fmt.Errorf("--diff %s: %w", rng, err)
	}
	base, head, err := repo.ResolveRange(ctx, rng)
	if err != nil {
		return nil, "", fmt.Errorf("--diff %w", err)
	}
	added, err := repo.Changes(ctx, base, head)
	if err != nil {
		return nil, "", fmt.Errorf("--diff %s: %w", rng, err)
	}
	prefix, err := filepath.Rel(repo.Root(), t.Root)
	if err != nil {
		return nil, "", err
	}
	if prefix = filepath.ToSlash(prefix); prefix != "." {
		added = added.Rebase(prefix + "/")
	}
	t.Diff = &check.Range{Base: base, Head: head}
	t.Changed = added.Changed
	var note string
	if !repo.HeadIs(ctx, head) {
		note = fmt.Sprintf("--diff %s: %s is not the checked-out commit; files are read from the work tree", rng, head[:min(12, len(head))])
	}
	return added.Touched, note, nil
}
