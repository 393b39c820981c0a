package mtasts

import "testing"

func FuzzParseRecord(f *testing.F) {
	f.Add("v=STSv1; id=20240101;")
	f.Add("v=STSv1;id=a;x.y=z")
	f.Fuzz(func(t *testing.T, s string) {
		rec, err := ParseRecord(s)
		if err == nil && (rec.ID == "" || len(rec.ID) > 32 || len(rec.Extensions) > maxFields) {
			t.Fatalf("bad record %+v", rec)
		}
	})
}

func FuzzParsePolicy(f *testing.F) {
	f.Add([]byte("version: STSv1\r\nmode: enforce\r\nmx: *.example.com\r\nmax_age: 86400\r\n"))
	f.Add([]byte("version: STSv1\nmode: none\nmax_age: 0"))
	f.Add([]byte("version: STSv1\nmode: testing\nmx: a.b\nmx: c.d.\nmax_age: 31557600\nk: v v\n"))
	f.Fuzz(func(t *testing.T, body []byte) {
		p, err := ParsePolicy(body)
		if err != nil {
			return
		}
		if p.MaxAge < 0 || p.MaxAge > MaxMaxAge || len(p.MX) > maxMX {
			t.Fatalf("bad policy %+v", p)
		}
		if p.Mode != ModeNone && len(p.MX) == 0 {
			t.Fatalf("mode %s without mx", p.Mode)
		}
		for _, mx := range p.MX {
			host := mx
			if len(mx) > 2 && mx[:2] == "*." {
				host = "a" + mx[1:]
			}
			if !p.Matches(host) {
				t.Fatalf("pattern %q does not match %q", mx, host)
			}
		}
	})
}

func FuzzParseTLSRPT(f *testing.F) {
	f.Add("v=TLSRPTv1; rua=mailto:a@example.com,https://r.example.net/x")
	f.Add("v=TLSRPTv1;rua=mailto:%41@x.y;e=1;")
	f.Fuzz(func(t *testing.T, s string) {
		rec, err := ParseTLSRPT(s)
		if err == nil && (len(rec.RUA) == 0 || len(rec.RUA) > maxRUA) {
			t.Fatalf("bad record %+v", rec)
		}
	})
}
