package spf

import (
	"context"
	"errors"
	"fmt"
	"net/netip"
	"strings"
	"testing"
)

// fakeDNS is a Resolver over maps, keyed by canonical name. It follows the
// Resolver convention: absent names give (nil, nil), names listed in fail
// give the error.
type fakeDNS struct {
	txt   map[string][]string
	mx    map[string][]string
	addrs map[string][]netip.Addr
	fail  map[string]error // keyed "TXT name", "MX name", "A/AAAA name"
	// asked lists every query in order.
	asked []string
}

// errServfail stands for any failure that is not "no such records".
var errServfail = errors.New("SERVFAIL")

// zone builds a fakeDNS from lines "name TYPE data". TXT data is either the
// record text as is, or quoted character-strings ("..." "...") which the
// fake joins with nothing between them, as the Resolver convention says a
// real adapter must. MX data is exchange names; A data is addresses. Data
// "!" makes every query of that type for the name fail.
func zone(text string) (*fakeDNS, error) {
	z := &fakeDNS{txt: map[string][]string{}, mx: map[string][]string{}, addrs: map[string][]netip.Addr{}, fail: map[string]error{}}
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, rest, _ := strings.Cut(line, " ")
		typ, data, _ := strings.Cut(rest, " ")
		name = canonical(name)
		if data == "!" {
			q := typ
			if typ == "A" {
				q = "A/AAAA"
			}
			z.fail[q+" "+name] = errServfail
			continue
		}
		switch typ {
		case "TXT":
			z.txt[name] = append(z.txt[name], joinQuoted(data))
		case "MX":
			z.mx[name] = append(z.mx[name], strings.Fields(data)...)
		case "A":
			for _, f := range strings.Fields(data) {
				a, err := netip.ParseAddr(f)
				if err != nil {
					return z, fmt.Errorf("zone line %q: %w", line, err)
				}
				z.addrs[name] = append(z.addrs[name], a)
			}
		default:
			return z, fmt.Errorf("zone line %q: unknown type", line)
		}
	}
	return z, nil
}

// mustZone is zone for fixtures, which must be well formed.
func mustZone(t testing.TB, text string) *fakeDNS {
	t.Helper()
	z, err := zone(text)
	if err != nil {
		t.Fatal(err)
	}
	return z
}

// joinQuoted joins `"a" "b"` into "ab"; text not starting with a quote is
// returned as is.
func joinQuoted(data string) string {
	if !strings.HasPrefix(data, `"`) {
		return data
	}
	var b strings.Builder
	for _, part := range strings.Split(data, `" "`) {
		b.WriteString(strings.Trim(part, `"`))
	}
	return b.String()
}

func (z *fakeDNS) ask(qtype, name string) error {
	q := qtype + " " + canonical(name)
	z.asked = append(z.asked, q)
	return z.fail[q]
}

func (z *fakeDNS) TXT(_ context.Context, name string) ([]string, error) {
	if err := z.ask("TXT", name); err != nil {
		return nil, err
	}
	return z.txt[canonical(name)], nil
}

func (z *fakeDNS) MX(_ context.Context, name string) ([]string, error) {
	if err := z.ask("MX", name); err != nil {
		return nil, err
	}
	return z.mx[canonical(name)], nil
}

func (z *fakeDNS) Addrs(_ context.Context, name string) ([]netip.Addr, error) {
	if err := z.ask("A/AAAA", name); err != nil {
		return nil, err
	}
	return z.addrs[canonical(name)], nil
}
