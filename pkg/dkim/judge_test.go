package dkim

import (
	"fmt"
	"slices"
	"testing"
)

// problemKeys renders problems as "rule severity selector tag".
func problemKeys(ps []Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, fmt.Sprintf("%s %s %s %s", p.Rule, p.Severity, p.Selector, p.Tag))
	}
	return out
}

// mustKey parses record or fails the test.
func mustKey(t *testing.T, record string) *Key {
	t.Helper()
	k, err := ParseKey(record)
	if err != nil {
		t.Fatalf("ParseKey: %v", err)
	}
	return k
}

func TestJudge(t *testing.T) {
	k512 := mustKey(t, "v=DKIM1; p="+smallRSASPKI(t, 512))
	k1000 := mustKey(t, "v=DKIM1; p="+smallRSASPKI(t, 1000))
	k1024 := mustKey(t, "v=DKIM1; p="+rsaSPKI(t, 1024))
	k2048 := mustKey(t, "v=DKIM1; p="+rsaSPKI(t, 2048))
	k2048test := mustKey(t, "v=DKIM1; t=y; p="+rsaSPKI(t, 2048))
	k2048strict := mustKey(t, "v=DKIM1; t=s; h=sha256; p="+rsaSPKI(t, 2048))
	k2048sha1 := mustKey(t, "v=DKIM1; h=sha1; p="+rsaSPKI(t, 2048))
	ed := mustKey(t, "v=DKIM1; k=ed25519; p="+ed25519Raw(t))
	revoked := mustKey(t, "v=DKIM1; p=")

	tests := []struct {
		name string
		keys map[string]*Key
		want []string
	}{
		{"2048 is quiet", map[string]*Key{"google": k2048}, nil},
		{"ed25519 is quiet", map[string]*Key{"ed": ed}, nil},
		{"t=s and h=sha256 are quiet", map[string]*Key{"s1": k2048strict}, nil},
		{"512 is critical", map[string]*Key{"old": k512}, []string{"dns/dkim-weak-key critical old p"}},
		{"1000 is critical", map[string]*Key{"odd": k1000}, []string{"dns/dkim-weak-key critical odd p"}},
		{"1024 is medium", map[string]*Key{"s1": k1024}, []string{"dns/dkim-weak-key medium s1 p"}},
		{"sha1 only", map[string]*Key{"s1": k2048sha1}, []string{"dns/dkim-weak-key medium s1 h"}},
		{"testing is low", map[string]*Key{"s1": k2048test}, []string{"dns/dkim-testing low s1 t"}},
		{"only selector revoked", map[string]*Key{"gone": revoked}, []string{"dns/dkim-revoked medium gone p"}},
		{"all revoked", map[string]*Key{"b": revoked, "a": revoked}, []string{"dns/dkim-revoked medium a p"}},
		{"revoked beside live is rotation", map[string]*Key{"old": revoked, "new": k2048}, nil},
		{"nil entries ignored", map[string]*Key{"missing": nil, "s1": k2048}, nil},
		{"sorted by selector", map[string]*Key{"z": k1024, "a": k512},
			[]string{"dns/dkim-weak-key critical a p", "dns/dkim-weak-key medium z p"}},
		{"nothing found", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := problemKeys(Judge(tt.keys)); !slices.Equal(got, tt.want) {
				t.Errorf("Judge = %q, want %q", got, tt.want)
			}
		})
	}
}
