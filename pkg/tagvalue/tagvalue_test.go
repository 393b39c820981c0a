package tagvalue

import (
	"errors"
	"strings"
	"testing"
)

func TestSplit(t *testing.T) {
	tags, err := Split(" v=DKIM1 ;k = rsa;; p=AB CD\t; ", Options{MaxLen: 100, MaxTags: 8})
	if err != nil {
		t.Fatal(err)
	}
	if len(tags) != 3 || tags[1] != (Tag{"k", "rsa"}) || tags[2].Value != "AB CD" {
		t.Errorf("tags = %+v", tags)
	}
	folded, err := Split("V=DMARC1; P=reject", Options{MaxLen: 100, MaxTags: 8, FoldCase: true})
	if err != nil || folded[0].Name != "v" || folded[1] != (Tag{"p", "reject"}) {
		t.Errorf("folded = %+v, %v", folded, err)
	}
	for _, tc := range []struct{ record, want string }{
		{"v=1; novalue", `"novalue" is not a tag=value pair`},
		{"1v=x", `"1v" is not a valid tag name`},
		{"_v=x", `"_v" is not a valid tag name`},
		{strings.Repeat("a", 101), "more than the 100 accepted"},
		{"a=1;b=2;c=3;d=4;e=5;f=6;g=7;h=8;i=9", "more than 8 tags"},
	} {
		if _, err := Split(tc.record, Options{MaxLen: 100, MaxTags: 8}); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Split(%q) error %v, want %q", tc.record, err, tc.want)
		}
	}
	_, err = Split("p=a; P=b", Options{MaxLen: 100, MaxTags: 8, FoldCase: true})
	var dup *DuplicateError
	if !errors.As(err, &dup) || dup.Name != "p" {
		t.Errorf("duplicate under folding: %v", err)
	}
	if _, err := Split("p=a; P=b", Options{MaxLen: 100, MaxTags: 8}); err != nil {
		t.Errorf("case-sensitive names p and P are two tags: %v", err)
	}
}

func TestTruncate(t *testing.T) {
	if got := Truncate("short", 80); got != "short" {
		t.Errorf("%q", got)
	}
	s := strings.Repeat("é", 50) // 100 bytes
	got := Truncate(s, 81)
	if !strings.HasSuffix(got, "…") || len(got) > 81+len("…") || !strings.HasPrefix(s, strings.TrimSuffix(got, "…")) {
		t.Errorf("cut %q splits a rune or overruns", got)
	}
}

func FuzzSplit(f *testing.F) {
	f.Add("v=DKIM1; k=rsa; p=AAAA")
	f.Add("v=DMARC1;p=none;;=;a")
	f.Fuzz(func(t *testing.T, s string) {
		tags, err := Split(s, Options{MaxLen: 4096, MaxTags: 64, FoldCase: len(s)%2 == 0})
		if err != nil {
			return
		}
		if len(tags) > 64 {
			t.Fatalf("%d tags", len(tags))
		}
		for _, tg := range tags {
			if !validName(tg.Name) {
				t.Fatalf("invalid name %q kept", tg.Name)
			}
		}
	})
}
