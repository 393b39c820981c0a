package dnsq

import (
	"fmt"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/dnstest"
	"github.com/miekg/dns"
)

func TestTXTJoinsCharacterStrings(t *testing.T) {
	noLeaks(t)
	parts := []string{strings.Repeat("a", 255), strings.Repeat("b", 255), strings.Repeat("c", 255)}
	zone := fmt.Sprintf("@ 300 IN SOA ns hm 1 1 1 1 1\nlong 300 IN TXT \"%s\" \"%s\" \"%s\"\nshort 300 IN TXT \"v=spf1\" \" -all\"\nesc 300 IN TXT \"a\\\"b\\\\c\\009d\"\ntwo 300 IN TXT \"one\"\ntwo 300 IN TXT \"two\"\n",
		parts[0], parts[1], parts[2])
	s := dnstest.StartText(t, map[string]string{"txt.test": zone})
	c := client(t, Options{}, s)
	cases := []struct {
		name string
		want []string
	}{
		{"long.txt.test", []string{parts[0] + parts[1] + parts[2]}},
		{"short.txt.test", []string{"v=spf1 -all"}},
		{"esc.txt.test", []string{"a\"b\\c\td"}},
	}
	for _, tc := range cases {
		got, a, err := c.TXT(testCtx(t), tc.name)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
		if a == nil || len(a.Records) != len(tc.want) {
			t.Errorf("%s: answer %v", tc.name, a)
		}
	}
	two, _, err := c.TXT(testCtx(t), "two.txt.test")
	if err != nil || len(two) != 2 {
		t.Fatalf("two records must stay two strings: %q %v", two, err)
	}
	none, a, err := c.TXT(testCtx(t), "nothere.txt.test")
	if err != nil || len(none) != 0 || !a.NXDomain() {
		t.Fatalf("no record: %q %v %v", none, a, err)
	}
}

func TestUnescapeTXT(t *testing.T) {
	cases := map[string]string{
		``:          ``,
		`plain`:     `plain`,
		`\"q\"`:     `"q"`,
		`\\`:        `\`,
		`\065\066`:  `AB`,
		`\999`:      `999`,
		`\06`:       `06`,
		`trailing\`: `trailing\`,
	}
	for in, want := range cases {
		if got := unescapeTXT(in); got != want {
			t.Errorf("unescapeTXT(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTypedRecords(t *testing.T) {
	noLeaks(t)
	s := dnstest.StartText(t, map[string]string{
		"example.test": mustRead(t, zoneFile),
		"sub.example.test": "@ 300 IN SOA ns hm 1 1 1 1 1\n" +
			"deep.x 300 IN A 192.0.2.99\n" +
			"ca 300 IN CAA 0 issue \"pki.goog\"\n",
	})
	c := client(t, Options{}, s)
	ctx := testCtx(t)
	mx, _, err := c.MX(ctx, "example.test")
	if err != nil || len(mx) != 2 || mx[0].Mx != "mx2.example.test." || mx[1].Mx != "mx1.example.test." {
		t.Fatalf("MX not in preference order: %v %v", mx, err)
	}
	addrs, err := c.Addrs(ctx, "mx2.example.test")
	if err != nil || len(addrs) != 2 || addrs[0].String() != "192.0.2.11" || addrs[1].String() != "2001:db8::11" {
		t.Fatalf("Addrs: %v %v", addrs, err)
	}
	v6, a, err := c.AAAA(ctx, "mx1.example.test")
	if err != nil || len(v6) != 0 || !a.Empty() {
		t.Fatalf("AAAA of a v4-only host: %v %v %v", v6, a, err)
	}
	caa, _, err := c.CAA(ctx, "example.test")
	if err != nil || len(caa) != 1 || caa[0].Value != "letsencrypt.org" {
		t.Fatalf("CAA: %v %v", caa, err)
	}
	cases := []struct{ name, at, value string }{
		{"deep.x.sub.example.test", "example.test.", "letsencrypt.org"},
		{"ca.sub.example.test", "ca.sub.example.test.", "pki.goog"},
	}
	for _, tc := range cases {
		recs, at, err := c.RelevantCAA(ctx, tc.name)
		if err != nil || at != tc.at || len(recs) != 1 || recs[0].Value != tc.value {
			t.Errorf("RelevantCAA(%s) = %v at %q, %v; want %s at %s", tc.name, recs, at, err, tc.value, tc.at)
		}
	}
	// test. is outside the served zones, so the climb ends in a refusal,
	// which must come back as an error rather than as "no CAA".
	_, _, err = c.RelevantCAA(ctx, "nothere.other.test")
	wantKind(t, err, ErrRefused)
	if _, err := c.Addrs(ctx, "refused.other.test"); err == nil {
		t.Fatal("Addrs hid a refusal")
	}
	if got := dns.TypeToString[dns.TypeCAA]; typeName(dns.TypeCAA) != got || typeName(65000) != "TYPE65000" {
		t.Fatalf("typeName: %s %s", typeName(dns.TypeCAA), typeName(65000))
	}
}
