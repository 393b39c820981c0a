package dmarc

import (
	"testing"
)

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"v=DMARC1; p=reject; rua=mailto:a@example.com!10m",
		"v=DMARC1; rua=mailto:a@example.com",
		"v=DMARC1; p=none; sp=none; np=none; pct=0; t=y; fo=1:d; ri=1; x=y",
		"v=DMARC1;;;p=quarantine;",
		"v=DMARC1; p=reject; rua=mailto:%zz@x!",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		rec, err := Parse(s)
		if err != nil {
			if rec != nil {
				t.Fatalf("Parse returned a record and an error")
			}
			if p := InvalidProblem(err); len(p.Message) > 400 {
				t.Fatalf("invalid message is %d bytes", len(p.Message))
			}
			return
		}
		if rec.Percent < 0 || rec.Percent > 100 {
			t.Fatalf("pct %d out of range", rec.Percent)
		}
		if len(rec.Aggregate) > maxURIs || len(rec.Unknown) > maxTags {
			t.Fatalf("unbounded output")
		}
		for _, p := range Judge(rec, "example.com") {
			if len(p.Message) > 400 {
				t.Fatalf("message is %d bytes", len(p.Message))
			}
		}
		ExternalReportDomains(rec, "example.com")
		SelectRecords([]string{s})
	})
}
