package dkim

import "testing"

func FuzzParseKey(f *testing.F) {
	f.Add("v=DKIM1; k=rsa; p=" + smallRSASPKI(f, 512))
	f.Add("v=DKIM1; k=ed25519; p=" + ed25519Raw(f))
	f.Add("v=DKIM1; p=")
	f.Add("v=DKIM1; h=sha1:sha256; t=y:s; s=email; n=x; p=MIIB")
	f.Add("p=" + rsaPKCS1(f, 1024))
	f.Fuzz(func(t *testing.T, s string) {
		k, err := ParseKey(s)
		if err != nil {
			if k != nil {
				t.Fatal("ParseKey returned a key and an error")
			}
			if p := InvalidProblem("sel", err); len(p.Message) > 400 {
				t.Fatalf("message is %d bytes", len(p.Message))
			}
			return
		}
		if len(k.Public) > maxKeyBytes || len(k.Unknown) > maxTags {
			t.Fatal("unbounded output")
		}
		if k.Revoked != (len(k.Public) == 0) {
			t.Fatalf("revoked=%v with %d key bytes", k.Revoked, len(k.Public))
		}
		for _, p := range Judge(map[string]*Key{"s": k}) {
			if len(p.Message) > 400 {
				t.Fatalf("message is %d bytes", len(p.Message))
			}
		}
	})
}
