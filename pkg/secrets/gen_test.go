package secrets

import (
	"encoding/base64"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
)

// Secrets in these tests are assembled at run time from a marker and random
// characters, so no committed file holds anything that looks like a key.

const (
	upperDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
	alnum       = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
)

// gen makes random test values; each test seeds its own.
type gen struct{ r *rand.Rand }

func newGen(t testing.TB) *gen {
	var seed uint64
	for _, c := range t.Name() {
		seed = seed*31 + uint64(c)
	}
	return &gen{rand.New(rand.NewPCG(seed, 42))}
}

func (g *gen) from(alphabet string, n int) string {
	var b strings.Builder
	for range n {
		b.WriteByte(alphabet[g.r.IntN(len(alphabet))])
	}
	return b.String()
}

func (g *gen) alnum(n int) string { return g.from(alnum, n) }

// planted is a generated secret: the whole value and its random part.
type planted struct {
	kind, value, random string
}

func (g *gen) stripeLive() planted {
	r := g.alnum(32)
	return planted{"stripe live", "sk_" + "live_" + r, r}
}

func (g *gen) stripeTest() planted {
	r := g.alnum(32)
	return planted{"stripe test", "sk_" + "test_" + r, r}
}

func (g *gen) aws() planted {
	r := g.from(upperDigits, 16)
	return planted{"aws", "AK" + "IA" + r, r}
}

func (g *gen) githubPAT() planted {
	r := g.alnum(36)
	return planted{"github", "gh" + "p_" + r, r}
}

func (g *gen) slackBot() planted {
	r := g.from("0123456789", 11) + "-" + g.from("0123456789", 12) + "-" + g.alnum(24)
	return planted{"slack", "xo" + "xb-" + r, r}
}

func (g *gen) privateKey() planted {
	var body strings.Builder
	for range 8 {
		body.WriteString(g.from(alnum+"+/", 64) + "\n")
	}
	r := body.String()
	return planted{"private key", "-----BEGIN RSA " + "PRIVATE KEY-----\n" + r + "-----END RSA " + "PRIVATE KEY-----", r}
}

func (g *gen) dbPassword() planted {
	r := g.alnum(18)
	return planted{"postgres", r, r}
}

// jwt builds an unsigned-looking token with the given claims and a random
// signature.
func (g *gen) jwt(claims map[string]any) planted {
	enc := func(v any) string {
		b, _ := json.Marshal(v)
		return base64.RawURLEncoding.EncodeToString(b)
	}
	sig := g.alnum(43)
	return planted{"jwt", enc(map[string]string{"alg": "HS256", "typ": "JWT"}) + "." + enc(claims) + "." + sig, sig}
}
