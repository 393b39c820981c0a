package dnscheck

import (
	"context"
	"net/netip"
	"strings"

	"github.com/launchgate/launchgate/pkg/dnsq"
)

// spfResolver is the run's DNS client as SPF evaluation asks it: a name
// without records of the type is (nil, nil), a void lookup; any failure
// is an error.
type spfResolver struct{ c *dnsq.Client }

func (s spfResolver) TXT(ctx context.Context, name string) ([]string, error) {
	txts, _, err := s.c.TXT(ctx, name)
	return txts, err
}

func (s spfResolver) MX(ctx context.Context, name string) ([]string, error) {
	mxs, _, err := s.c.MX(ctx, name)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, m := range mxs {
		out = append(out, strings.TrimSuffix(m.Mx, "."))
	}
	return out, nil
}

func (s spfResolver) Addrs(ctx context.Context, name string) ([]netip.Addr, error) {
	return s.c.Addrs(ctx, name)
}
