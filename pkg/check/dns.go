package check

import (
	"context"
	"slices"
	"sync"

	"github.com/launchgate/launchgate/pkg/dnsq"
)

// DNS is the sending domain `launchgate dns` examines, and how to ask
// about it.
type DNS struct {
	// Domain is the domain checked, lowercase, without the root dot.
	Domain string
	// Selectors are the DKIM selectors given (--dkim-selector, else
	// dns.dkim_selectors); when empty the check infers them.
	Selectors []string
	// SelectorSource says where Selectors came from, for messages.
	SelectorSource string
	// Resolver answers the run's queries, within its budget.
	Resolver *dnsq.Client
	// FetchPolicy fetches https://HOST/.well-known/mta-sts.txt, TLS
	// verified, bounded in size and time, without following redirects.
	FetchPolicy func(ctx context.Context, host string) ([]byte, error)
	// Coverage takes the run's notes (what was not checked, and why).
	Coverage *Coverage
	// Evidence takes the blocks that explain the verdicts.
	Evidence *Evidence
}

// EvidenceBlock is one block of evidence: the SPF lookup tree, where
// the DMARC record came from.
type EvidenceBlock struct {
	Title string
	Lines []string
}

// Evidence collects a run's evidence blocks, in the order added. It is
// safe for concurrent use.
type Evidence struct {
	mu     sync.Mutex
	blocks []EvidenceBlock
}

// Add appends a block.
func (e *Evidence) Add(title string, lines []string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.blocks = append(e.blocks, EvidenceBlock{Title: title, Lines: slices.Clone(lines)})
}

// Blocks returns the blocks added so far.
func (e *Evidence) Blocks() []EvidenceBlock {
	e.mu.Lock()
	defer e.mu.Unlock()
	return slices.Clone(e.blocks)
}
