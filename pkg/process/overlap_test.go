package process

import (
	"fmt"
	"slices"
	"testing"

	"github.com/launchgate/launchgate/pkg/finding"
)

func TestOverlap(t *testing.T) {
	rank := func(rule string) int {
		return map[string]int{"secret/stripe": 1, "env/manifest": 2, "secret/generic": 3}[rule]
	}
	at := func(rule, file string, line int) finding.Finding {
		return finding.Finding{RuleID: rule, File: file, Line: line}
	}
	suppressed := at("secret/stripe", "c.yml", 9)
	suppressed.Suppressed = true
	cases := []struct {
		name string
		in   []finding.Finding
		want []string
	}{
		{"specific secret wins over the manifest rule and the generic one",
			[]finding.Finding{at("env/manifest", "a.yml", 3), at("secret/stripe", "a.yml", 3), at("secret/generic", "a.yml", 3)},
			[]string{"secret/stripe@a.yml:3"}},
		{"manifest rule wins over the generic one",
			[]finding.Finding{at("secret/generic", "a.yml", 4), at("env/manifest", "a.yml", 4)},
			[]string{"env/manifest@a.yml:4"}},
		{"other lines and files are not compared",
			[]finding.Finding{at("secret/generic", "a.yml", 4), at("env/manifest", "a.yml", 5), at("secret/stripe", "b.yml", 4)},
			[]string{"secret/generic@a.yml:4", "env/manifest@a.yml:5", "secret/stripe@b.yml:4"}},
		{"unranked rules stay",
			[]finding.Finding{at("secret/stripe", "a.yml", 4), at("debug/x", "a.yml", 4)},
			[]string{"secret/stripe@a.yml:4", "debug/x@a.yml:4"}},
		{"a suppressed finding shadows nothing",
			[]finding.Finding{suppressed, at("env/manifest", "c.yml", 9)},
			[]string{"secret/stripe@c.yml:9", "env/manifest@c.yml:9"}},
		{"findings without a line stay",
			[]finding.Finding{at("secret/stripe", "d.yml", 0), at("secret/generic", "d.yml", 0)},
			[]string{"secret/stripe@d.yml:0", "secret/generic@d.yml:0"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := Overlap(rank).Process(c.in)
			if err != nil {
				t.Fatal(err)
			}
			var keys []string
			for _, f := range got {
				keys = append(keys, fmt.Sprintf("%s@%s:%d", f.RuleID, f.File, f.Line))
			}
			if !slices.Equal(keys, c.want) {
				t.Errorf("got %v, want %v", keys, c.want)
			}
		})
	}
}

// The finding kept for a line names what the ones it stands for said.
func TestOverlapMentionsTheOthers(t *testing.T) {
	rank := func(rule string) int {
		return map[string]int{"env/manifest": 2, "env/weak": 3}[rule]
	}
	in := []finding.Finding{
		{RuleID: "env/weak", File: "a.yml", Line: 3, Message: "the value of JWT_SECRET is shorter than 32 bytes."},
		{RuleID: "env/manifest", File: "a.yml", Line: 3, Message: "JWT_SECRET is written into the manifest"},
		{RuleID: "env/manifest", File: "a.yml", Line: 4, Message: "DB_PASSWORD is written into the manifest"},
	}
	got, err := Overlap(rank).Process(in)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("got %d findings, want 2: %v", len(got), got)
	}
	want := "JWT_SECRET is written into the manifest. Also reported here as env/weak: the value of JWT_SECRET is shorter than 32 bytes."
	if got[0].Message != want {
		t.Errorf("kept message = %q, want %q", got[0].Message, want)
	}
	if got[1].Message != "DB_PASSWORD is written into the manifest" {
		t.Errorf("a line without overlap changed: %q", got[1].Message)
	}
}
