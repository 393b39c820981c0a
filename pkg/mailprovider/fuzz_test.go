package mailprovider

import (
	"strings"
	"testing"
)

func FuzzInfer(f *testing.F) {
	f.Add("_spf.google.com,sendgrid.net", "aspmx.l.google.com")
	f.Add("spf.mtasv.net", "mail.protonmail.ch.")
	f.Fuzz(func(t *testing.T, spf, mx string) {
		guesses := Infer(strings.Split(spf, ","), strings.Split(mx, ","))
		if len(guesses) > len(providers) {
			t.Fatalf("%d guesses for %d providers", len(guesses), len(providers))
		}
		for _, g := range guesses {
			if len(g.Reason) > 500 || g.Guessable == (len(g.Selectors) == 0) {
				t.Fatalf("bad guess %+v", g)
			}
		}
		Selectors(guesses)
	})
}
