package spf

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// The fuzz engine minimises every input that reaches new code with a step
// quadratic in its length, so inputs grown to kilobytes stall a run. These
// bound what each target tries: a few hundred bytes hold every term and
// macro form for Parse (the length limit has its own test), and a zone of
// a dozen records with includes, redirects and failures for Evaluate.
const (
	maxFuzzRecord = 512
	maxFuzzZone   = 1024
)

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"v=spf1 -all",
		"V=SPF1 ip4:192.0.2.0/24 ip6:2001:db8::/32 a:mail.example.com/28//64 mx//48 ~all",
		"v=spf1 include:_spf.example.net exists:%{ir}.%{l1r-}._spf.%{d} ptr redirect=example.org exp=x.example.com",
		"v=spf1 x-custom=%{c}%% %_%- ?all",
		"v=spf1 ip4:10.0.0.300 include include:localhost a/33 %{",
		"v=spf10",
		"v=spf1 mx:\xff\x00.example.com",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > maxFuzzRecord {
			t.Skip("over 512 bytes an input adds length, not syntax, and slows the fuzzer; the 4096-byte bound has a test of its own")
		}
		rec, err := Parse(s)
		if err != nil {
			if rec != nil || !errors.Is(err, ErrSyntax) {
				t.Fatalf("error %v with record %v", err, rec)
			}
			if n := len(err.Error()); n > 16*len(s)+300 {
				t.Fatalf("error of %d bytes for %d bytes of input", n, len(s))
			}
			return
		}
		if len(s) > MaxRecordLen || len(rec.Terms) > MaxTerms || !IsSPF(s) {
			t.Fatalf("accepted %d bytes, %d terms", len(s), len(rec.Terms))
		}
		// The terms, written again, are the same record.
		texts := make([]string, 0, len(rec.Terms))
		for _, term := range rec.Terms {
			if term.Text == "" || strings.ContainsRune(term.Text, ' ') || !strings.Contains(s, term.Text) {
				t.Fatalf("term %q of %q", term.Text, s)
			}
			texts = append(texts, term.Text)
		}
		again, err := Parse(strings.Join(append([]string{"v=spf1"}, texts...), " "))
		if err != nil || len(again.Terms) != len(rec.Terms) {
			t.Fatalf("re-parse of %q: %v", s, err)
		}
		for i := range again.Terms {
			if again.Terms[i] != rec.Terms[i] {
				t.Fatalf("re-parse of %q: term %d %+v, was %+v", s, i, again.Terms[i], rec.Terms[i])
			}
		}
	})
}

func FuzzEvaluate(f *testing.F) {
	for _, s := range []string{
		tenLookups + "c.example.com TXT v=spf1 a -all",
		"example.com TXT v=spf1 include:a.example.com redirect=b.example.com\na.example.com TXT v=spf1 include:example.com +all\nb.example.com TXT !",
		"example.com TXT v=spf1 mx ptr exists:%{i}.example.com ?all" + mxNames(12),
		"example.com TXT v=spf1 -all\nexample.com TXT v=spf1 ~all",
		"example.com TXT \"v=spf1 a:x\" \".example.com\" \" -all\"\nx.example.com A 192.0.2.1",
	} {
		f.Add(s)
	}
	const limit = 20
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > maxFuzzZone {
			t.Skip("a zone this long only slows the fuzzer: the evaluation's bounds are reached well below it")
		}
		z, _ := zone(s) // a malformed line ends the zone; what came before stays
		res := Evaluate(context.Background(), z, "example.com", Options{MaxQueries: limit})
		if len(z.asked) > limit {
			t.Fatalf("%d queries over the cap of %d", len(z.asked), limit)
		}
		if len(res.TempErrors) > limit+1 {
			t.Fatalf("%d temp errors", len(res.TempErrors))
		}
		if len(res.TempErrors) > 0 && res.Status() == Passed {
			t.Fatal("a temporary error passed")
		}
		if n := len(res.Problems); n > (limit+1)*MaxTerms+2 {
			t.Fatalf("%d problems", n)
		}
		if n := len(res.Tree.String()); n > (limit+1)*8*MaxRecordLen {
			t.Fatalf("tree of %d bytes", n)
		}
		if res.Tree != nil && res.Tree.Total != res.Lookups && res.Lookups != 0 {
			t.Fatalf("root total %d, lookups %d", res.Tree.Total, res.Lookups)
		}
	})
}
