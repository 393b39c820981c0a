package main

import (
	"fmt"
	"math"
	"strings"
)

// The kinds of fake secret the generators plant. Values are assembled from
// pieces at generation time so that this source holds no complete
// look-alike for a scanner to flag.
const (
	kindAWS      = "aws-access-key"
	kindStripe   = "stripe-secret-key"
	kindGitHub   = "github-pat"
	kindSlack    = "slack-bot-token"
	kindPostgres = "postgres-url"
	kindPEM      = "private-key"
)

// secretNames holds how code usually names a variable that holds each
// kind, in camelCase.
var secretNames = map[string]string{
	kindAWS:      "awsAccessKeyId",
	kindStripe:   "stripeSecretKey",
	kindGitHub:   "githubToken",
	kindSlack:    "slackBotToken",
	kindPostgres: "databaseUrl",
}

// newSecret returns a fresh fake value of kind. Random parts are checked for
// entropy so that scanners with an entropy floor still treat them as real.
func newSecret(g *gen, kind string) string {
	for {
		v := rawSecret(g, kind)
		if kind == kindPEM || kind == kindPostgres || entropy(v) >= 3.5 {
			return v
		}
	}
}

func rawSecret(g *gen, kind string) string {
	switch kind {
	case kindAWS:
		return "AK" + "IA" + g.chars(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
	case kindStripe:
		return "sk" + "_live_" + g.chars(24, mixedAlnum)
	case kindGitHub:
		return "gh" + "p_" + g.chars(36, mixedAlnum)
	case kindSlack:
		return "xo" + "xb-" + g.chars(12, "0123456789") + "-" + g.chars(13, "0123456789") + "-" + g.chars(24, mixedAlnum)
	case kindPostgres:
		return "postgres" + "://portal_app:" + g.chars(20, mixedAlnum) + "@db.prod.internal:5432/portal?sslmode=require"
	case kindPEM:
		lines := []string{"-----BEGIN " + "RSA PRIVATE" + " KEY-----"}
		for range 25 {
			lines = append(lines, g.chars(64, base64Std))
		}
		lines = append(lines, g.chars(44, base64Std)+"==", "-----END "+"RSA PRIVATE"+" KEY-----")
		return strings.Join(lines, "\n")
	}
	panic("gentree: unknown secret kind " + kind)
}

// secretStatement renders a statement in language l that assigns value to
// a variable named after kind; the value is on the statement's only line.
func secretStatement(l lang, kind, value string) string {
	name := secretNames[kind]
	switch l {
	case langGo:
		return fmt.Sprintf("const %s = %q", name, value)
	case langTS, langJS:
		return fmt.Sprintf("export const %s = %q;", name, value)
	case langPython:
		return fmt.Sprintf("%s = %q", screamingOf(name), value)
	case langJava:
		return fmt.Sprintf("    private static final String %s = %q;", screamingOf(name), value)
	case langYAML:
		return fmt.Sprintf("%s: %q", snakeOf(name), value)
	case langJSON:
		return fmt.Sprintf("  %q: %q,", name, value)
	case langMarkdown:
		return fmt.Sprintf("Set `%s=%s` before running the job.", screamingOf(name), value)
	}
	return value
}

// entropy is the Shannon entropy of s in bits per byte, the measure
// scanners use to tell random keys from words.
func entropy(s string) float64 {
	if s == "" {
		return 0
	}
	var counts [256]int
	for i := 0; i < len(s); i++ {
		counts[s[i]]++
	}
	var h float64
	for _, c := range counts {
		if c > 0 {
			p := float64(c) / float64(len(s))
			h -= p * math.Log2(p)
		}
	}
	return h
}

func snakeOf(camel string) string {
	var b strings.Builder
	for i, r := range camel {
		if r >= 'A' && r <= 'Z' {
			if i > 0 {
				b.WriteByte('_')
			}
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

func screamingOf(camel string) string { return strings.ToUpper(snakeOf(camel)) }
