package spf

import (
	"errors"
	"net/netip"
	"strings"
	"testing"
)

func TestIsSPF(t *testing.T) {
	cases := []struct {
		txt  string
		want bool
	}{
		{"v=spf1 -all", true},
		{"v=spf1", true},
		{"V=SPF1 -all", true},
		{"v=Spf1 mx", true},
		{"v=spf10 -all", false},
		{"v=spf1-all", false},
		{" v=spf1 -all", false},
		{"v=spf1\t-all", false},
		{"spf2.0/pra -all", false},
		{"google-site-verification=abc", false},
		{"v=spf", false},
		{"", false},
	}
	for _, c := range cases {
		if got := IsSPF(c.txt); got != c.want {
			t.Errorf("IsSPF(%q) = %v, want %v", c.txt, got, c.want)
		}
	}
}

func TestParseTerms(t *testing.T) {
	rec, err := Parse("V=SPF1 ip4:192.0.2.0/24 -ip6:2001:db8::/32 ~a a:mail.example.com/28//64 ?mx//48 " +
		"include:_spf.example.net exists:%{i}._spf.example.com ptr:example.org all " +
		"redirect=_spf.example.com exp=explain.example.com x-custom=%{d}  ")
	if err != nil {
		t.Fatal(err)
	}
	want := []Term{
		{Text: "ip4:192.0.2.0/24", Qualifier: Pass, Name: "ip4", Value: "192.0.2.0/24", Net: netip.MustParsePrefix("192.0.2.0/24"), V4Len: -1, V6Len: -1},
		{Text: "-ip6:2001:db8::/32", Qualifier: Fail, Name: "ip6", Value: "2001:db8::/32", Net: netip.MustParsePrefix("2001:db8::/32"), V4Len: -1, V6Len: -1},
		{Text: "~a", Qualifier: SoftFail, Name: "a", V4Len: -1, V6Len: -1},
		{Text: "a:mail.example.com/28//64", Qualifier: Pass, Name: "a", Value: "mail.example.com", V4Len: 28, V6Len: 64},
		{Text: "?mx//48", Qualifier: Neutral, Name: "mx", V4Len: -1, V6Len: 48},
		{Text: "include:_spf.example.net", Qualifier: Pass, Name: "include", Value: "_spf.example.net", V4Len: -1, V6Len: -1},
		{Text: "exists:%{i}._spf.example.com", Qualifier: Pass, Name: "exists", Value: "%{i}._spf.example.com", V4Len: -1, V6Len: -1, Macro: true},
		{Text: "ptr:example.org", Qualifier: Pass, Name: "ptr", Value: "example.org", V4Len: -1, V6Len: -1},
		{Text: "all", Qualifier: Pass, Name: "all", V4Len: -1, V6Len: -1},
		{Text: "redirect=_spf.example.com", Modifier: true, Name: "redirect", Value: "_spf.example.com", V4Len: -1, V6Len: -1},
		{Text: "exp=explain.example.com", Modifier: true, Name: "exp", Value: "explain.example.com", V4Len: -1, V6Len: -1},
		{Text: "x-custom=%{d}", Modifier: true, Name: "x-custom", Value: "%{d}", V4Len: -1, V6Len: -1, Macro: true},
	}
	if len(rec.Terms) != len(want) {
		t.Fatalf("got %d terms, want %d: %+v", len(rec.Terms), len(want), rec.Terms)
	}
	for i := range want {
		if rec.Terms[i] != want[i] {
			t.Errorf("term %d:\n got %+v\nwant %+v", i, rec.Terms[i], want[i])
		}
	}
}

func TestParseCaseInsensitiveNames(t *testing.T) {
	rec, err := Parse("v=spf1 INCLUDE:Example.NET Redirect=example.org")
	if err != nil {
		t.Fatal(err)
	}
	if rec.Terms[0].Name != "include" || rec.Terms[1].Name != "redirect" || !rec.Terms[1].Modifier {
		t.Errorf("names not lower-cased: %+v", rec.Terms)
	}
}

func TestCausesLookup(t *testing.T) {
	rec, err := Parse("v=spf1 include:a.example a mx ptr exists:b.example ip4:192.0.2.1 ip6:2001:db8::1 exp=c.example redirect=d.example -all")
	if err != nil {
		t.Fatal(err)
	}
	var counted []string
	for _, term := range rec.Terms {
		if term.CausesLookup() {
			counted = append(counted, term.Name)
		}
	}
	if got, want := strings.Join(counted, " "), "include a mx ptr exists redirect"; got != want {
		t.Errorf("counted %q, want %q", got, want)
	}
}

func TestParseErrors(t *testing.T) {
	cases := []struct {
		record string
		want   string // the error must contain it: the term and why
	}{
		{"v=spf1 ip4:10.0.0.300", "ip4:10.0.0.300: not an IPv4 address"},
		{"v=spf1 ip4:2001:db8::1", "ip4:2001:db8::1: not an IPv4 address"},
		{"v=spf1 ip4:192.0.2.0/33", "ip4:192.0.2.0/33: prefix length 33 is over 32"},
		{"v=spf1 ip4:192.0.2.0/024", "ip4:192.0.2.0/024: prefix length"},
		{"v=spf1 ip4:192.0.2.0/", "ip4:192.0.2.0/: prefix length"},
		{"v=spf1 ip4", "ip4: an IPv4 address is required"},
		{"v=spf1 ip6:192.0.2.1", "ip6:192.0.2.1: not an IPv6 address"},
		{"v=spf1 ip6:fe80::1%eth0", "ip6:fe80::1%eth0: not an IPv6 address"},
		{"v=spf1 ip6:2001:db8::/129", "ip6:2001:db8::/129: prefix length 129 is over 128"},
		{"v=spf1 include", "include: include without a domain"},
		{"v=spf1 include:", "include:: a domain is required"},
		{"v=spf1 exists", "exists: exists without a domain"},
		{"v=spf1 a/33", "a/33: prefix length 33 is over 32"},
		{"v=spf1 mx//129", "mx//129: prefix length 129 is over 128"},
		{"v=spf1 a/x", "a/x: /x is not a prefix length"},
		{"v=spf1 ptr/24", "ptr/24: ptr takes no prefix length"},
		{"v=spf1 all:example.com", "all:example.com: all takes no domain"},
		{"v=spf1 -", "-: a qualifier without a mechanism"},
		{"v=spf1 foo:example.com", "foo:example.com: unknown mechanism foo"},
		{"v=spf1 +redirect=example.com", "+redirect=example.com: a modifier takes no qualifier"},
		{"v=spf1 =example.com", "=example.com: not a mechanism, and not a modifier"},
		{"v=spf1 1x=example.com", "1x=example.com: not a mechanism, and not a modifier"},
		{"v=spf1 redirect=a.example redirect=b.example", "redirect=b.example: redirect given twice"},
		{"v=spf1 exp=a.example exp=b.example", "exp=b.example: exp given twice"},
		{"v=spf1 redirect=", "redirect=: redirect without a domain"},
		{"v=spf1 include=_spf.example.com", "include=_spf.example.com: include is a mechanism"},
		{"v=spf1 include:localhost", "include:localhost: localhost is not a fully qualified domain name"},
		{"v=spf1 a:192.0.2.1", "a:192.0.2.1: 192.0.2.1 does not end in a top-level label"},
		{"v=spf1 include:exa mple.com", "include:exa: exa is not a fully qualified domain name"},
		{"v=spf1 include:ex!ample.com", `include:ex!ample.com: ex!ample.com: '!' is not allowed`},
		{"v=spf1 include:a..example.com", "include:a..example.com: a..example.com has an empty label"},
		{"v=spf1 include:" + strings.Repeat("a", 64) + ".com", "has an empty label or one over 63 bytes"},
		{"v=spf1 include:" + strings.Repeat("abcdefghi.", 26) + "com", "domain is 263 bytes long, over 253"},
		{"v=spf1 mx:example.com\x01", `"mx:example.com\x01": character '\x01' is not allowed`},
		{"v=spf10 -all", "v=spf10: not an SPF record"},
		{"v=spf2 -all", "v=spf2: not an SPF record"},
	}
	for _, c := range cases {
		t.Run(c.record, func(t *testing.T) {
			rec, err := Parse(c.record)
			if err == nil {
				t.Fatalf("Parse(%q) = %+v, want an error containing %q", c.record, rec, c.want)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q does not contain %q", err, c.want)
			}
			if !errors.Is(err, ErrSyntax) {
				t.Errorf("error %q is not ErrSyntax", err)
			}
		})
	}
}

func TestParseBounds(t *testing.T) {
	terms := func(n int) string {
		return "v=spf1" + strings.Repeat(" ip4:192.0.2.1", n)
	}
	if _, err := Parse(terms(MaxTerms)); err != nil {
		t.Errorf("%d terms: %v", MaxTerms, err)
	}
	if _, err := Parse(terms(MaxTerms + 1)); err == nil || !strings.Contains(err.Error(), "more than 64 terms") {
		t.Errorf("%d terms: error %v, want one about the term count", MaxTerms+1, err)
	}
	// Spaces between terms are allowed in any number, so a record can be
	// long with few terms.
	long := "v=spf1 -all" + strings.Repeat(" ", MaxRecordLen-len("v=spf1 -all"))
	if _, err := Parse(long); err != nil {
		t.Errorf("%d bytes: %v", len(long), err)
	}
	if _, err := Parse(long + " "); err == nil || !strings.Contains(err.Error(), "over the 4096-byte limit") {
		t.Errorf("%d bytes: error %v, want one about the length", len(long)+1, err)
	}
}

func TestParseDomainSpecs(t *testing.T) {
	valid := []string{
		"example.com", "example.com.", "_spf.example.com", "mail-1.example.co.uk",
		"example.xn--p1ai", "example.123a", "%{d}", "%{i}._spf.%{d}", "%{ir}.%{v}._spf.example.com",
		"%{l1r-}.example.com", "%{o}.example.com.", "%{D2}.example.com", "%-%_%%.example.com",
	}
	for _, d := range valid {
		if _, err := Parse("v=spf1 exists:" + d); err != nil {
			t.Errorf("exists:%s: %v", d, err)
		}
	}
	invalid := []string{
		"example", "example.123", "example.-com", "example.com-", "%{d}.x-",
		"%{i}.example.1", "exa_mple.c_m", "%{d}x",
	}
	for _, d := range invalid {
		if _, err := Parse("v=spf1 exists:" + d); err == nil {
			t.Errorf("exists:%s parsed, want an error", d)
		}
	}
}

func TestParseMacros(t *testing.T) {
	valid := []string{
		"%{s}", "%{l}", "%{o}", "%{d}", "%{i}", "%{p}", "%{v}", "%{h}",
		"%{S}", "%{d4}", "%{d128}", "%{dr}", "%{d2r}", "%{l-}", "%{l.-+,/_=}", "%{ir.}",
	}
	for _, m := range valid {
		if _, err := Parse("v=spf1 exists:" + m + ".example.com"); err != nil {
			t.Errorf("%s: %v", m, err)
		}
	}
	invalid := map[string]string{
		"%{x}":     `'x' is not a macro letter`,
		"%{}":      "has no letter",
		"%{d":      "has no closing }",
		"%{d0}":    "must not be zero",
		"%{d01}":   "must not be zero",
		"%{d1234}": "too long",
		"%{d*}":    `'*' is not a delimiter`,
		"%{drr}":   `'r' is not a delimiter`,
		"%{c}":     "allowed only in explanation strings",
		"%{r}":     "allowed only in explanation strings",
		"%{t}":     "allowed only in explanation strings",
		"%x":       `"%x" is not a macro`,
		"a%":       "a lone % ends the string",
	}
	for m, want := range invalid {
		_, err := Parse("v=spf1 exists:" + m + ".example.com")
		if m == "a%" {
			_, err = Parse("v=spf1 x-note=" + m)
		}
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want one containing %q", m, err, want)
		}
	}
	// c, r and t belong to explanation text, which an unknown modifier may
	// carry; a domain-spec may not.
	if _, err := Parse("v=spf1 x-note=%{c}%{r}%{t}"); err != nil {
		t.Errorf("explanation letters in an unknown modifier: %v", err)
	}
}
