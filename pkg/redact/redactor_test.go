package redact

import (
	"log/slog"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/testkit"
)

// upper32 is the base32 alphabet of AWS key IDs.
const upper32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"

// pieces reports the first 8-byte piece of secret that appears in text.
func pieces(text, secret string) string {
	for i := 0; i+8 <= len(secret); i++ {
		if strings.Contains(text, secret[i:i+8]) {
			return secret[i : i+8]
		}
	}
	return ""
}

func TestStringTakesOutValues(t *testing.T) {
	gh := testkit.Random(t, testkit.Alnum, 36)
	pw := testkit.Random(t, testkit.Alnum, 18)
	rnd := testkit.Random(t, testkit.Alnum, 32)
	aws := testkit.Random(t, upper32, 16)
	lab := testkit.Random(t, testkit.Alnum, 20)
	letters := testkit.Random(t, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", 32)
	cases := []struct {
		name, text, secret, want string
	}{
		{"server URL with a password", "server http://deploy:" + pw + "@api.example.com/v1 is plain HTTP", pw, "http://deploy:…(redacted, 18 chars)@api.example.com/v1"},
		{"token as the URL's user", "remote https://" + rnd + "@github.com/acme/portal.git", rnd, "https://…(redacted, 32 chars)@github.com"},
		{"token in the query", "GET https://api.example.com/x?page=2&access_token=" + rnd + "&q=1", rnd, "?page=2&access_token=…(redacted, 32 chars)&q=1"},
		{"SAS signature", "https://acct.blob.core.windows.net/c?sv=2022&sig=" + rnd, rnd, "&sig=…(redacted"},
		{"provider prefix in a cookie call", "cookie(\"sid\", \"ghp_" + gh + "\", { secure: false", gh, "\"ghp_…(redacted, 40 chars)\""},
		{"session secret in quoted code", "session({ secret: \"" + pw + "\", cookie: {", pw, "secret: \"…(redacted, 18 chars)\""},
		{"http.Cookie value", "http.Cookie{Name: \"sid\", Value: \"" + rnd + "\"}", rnd, "Value: \"…(redacted, 32 chars)\""},
		{"unknown config key", "unknown key \"glpat-" + lab + "\"", lab, "glpat-…(redacted, 26 chars)"},
		{"AWS key ID", "key AKIA" + aws + " in deploy", aws, "AKIA…(redacted, 20 chars)"},
		{"env assignment", "SECRET_KEY=" + pw, pw, "SECRET_KEY=…(redacted, 18 chars)"},
		{"JSON password", `{"password": "` + pw + `"}`, pw, `"password": "…(redacted, 18 chars)"`},
		{"bearer header", "Authorization: Bearer " + rnd, rnd, "Bearer …(redacted"},
		{"unquoted random token", "refused value " + rnd + " for severity", rnd, "value …(redacted, 32 chars) for"},
		{"value cut by a clipped excerpt", "Session cookie sent without Secure: `http.Cookie{Name: \"s\", SameSite: " + rnd[:12] + "7Q…`", rnd[:12], "SameSite: …(redacted, 14 chars)…`"},
		{"unquoted keyword argument", ".run(host=\"0.0.0.0\", port=" + rnd + ", debug=True)", rnd, "port=…(redacted, 32 chars),"},
		{"random letters without a digit", "cookie(\"sid\", \"" + letters + "\")", letters, "\"…(redacted, 32 chars)\""},
		{"PEM block", "-----BEGIN RSA PRIVATE KEY-----\n" + rnd + rnd + "\n-----END RSA PRIVATE KEY-----", rnd, "-----BEGIN…(redacted"},
	}
	var r *Redactor
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := r.String(c.text)
			if p := pieces(got, c.secret); p != "" {
				t.Errorf("%q still shows %q", got, p)
			}
			if !strings.Contains(got, c.want) {
				t.Errorf("got %q, want it to contain %q", got, c.want)
			}
			if again := r.String(got); again != got {
				t.Errorf("redacting twice changed %q to %q", got, again)
			}
		})
	}
}

func TestStringKeepsWhatIsNotSecret(t *testing.T) {
	for _, text := range []string{
		"GET /invoices/{invoiceId} has no security requirement",
		"server http://localhost:8080 is plain HTTP",
		"postgres://app:${DB_PASSWORD}@db.internal/app",
		"postgres://app:<password>@db/app",
		"https://api.example.com/v1/search?page=2&sort=desc",
		"commit 3f9a1c0b7d2e4f6a8b0c1d2e3f4a5b6c7d8e9f0a is not in the clone",
		"fingerprint 0123456789abcdef0123456789abcdef",
		"request id 123e4567-e89b-12d3-a456-426614174000",
		"secret: process.env.SESSION_SECRET",
		"password: os.Getenv(\"DB_PASSWORD\")",
		"maxTokens: 4096",
		"secure: false, httpOnly: true",
		"DEBUG = True in settings/production.py",
		"openapi/object-without-ownership-check at api/openapi.yaml:42",
		"token: true",
		"src/components/InvoiceListContainer.tsx",
		"ALLOWED_HOSTS = ['*']",
		"sk_live_…(redacted, 32 chars)",
		"see https://docs.github.com/en/code-security/code-scanning",
		"task-scheduler-service-v2 restarted",
		"app.UseDeveloperExceptionPage(); app.UseHttpsRedirection();",
		"`InvoiceAttachmentDownloadController` handles it",
		"NEXT_PUBLIC_SUPABASE_URL is a public variable",
		"app.get('/api/invoices/:invoiceId/attachm…",
		"sk_live_…(redacted, 32 chars)…",
		"GET https://127.0.0.1:43193/api/projects/launchgate-probe-0 answered 500",
		"uploads/2024/11/invoice-9931-acme-final-v3.pdf",
	} {
		if got := (*Redactor)(nil).String(text); got != text {
			t.Errorf("String(%q) = %q, want it unchanged", text, got)
		}
	}
}

func TestDetectorSpans(t *testing.T) {
	word := "correct-horse-battery"
	r := New(func(text string) []Span {
		if i := strings.Index(text, word); i >= 0 {
			return []Span{{i, i + len(word)}, {-1, 3}, {0, len(text) + 10}}
		}
		return nil
	})
	got := r.String("the word " + word + " was found")
	if strings.Contains(got, "horse") || got != "the word …(redacted, 21 chars) was found" {
		t.Errorf("got %q", got)
	}
}

func TestHandlerRedactsLogs(t *testing.T) {
	gh := "ghp_" + testkit.Random(t, testkit.Alnum, 36)
	pw := testkit.Random(t, testkit.Alnum, 20)
	var b strings.Builder
	log := slog.New((*Redactor)(nil).Handler(slog.NewTextHandler(&b, &slog.HandlerOptions{Level: slog.LevelDebug})))
	log = log.With("url", "https://u:"+pw+"@h.example.com")
	log.WithGroup("g").Debug("read "+gh, "err", errString("open "+gh), "n", 3, slog.Group("in", "v", "token="+pw))
	out := b.String()
	if p := pieces(out, gh[4:]); p != "" {
		t.Errorf("log shows %q: %s", p, out)
	}
	if p := pieces(out, pw); p != "" {
		t.Errorf("log shows %q: %s", p, out)
	}
	if !strings.Contains(out, "ghp_…(redacted") || !strings.Contains(out, "n=3") {
		t.Errorf("log lost its content: %s", out)
	}
}

type errString string

func (e errString) Error() string { return string(e) }

func TestStringKeepsProse(t *testing.T) {
	for _, text := range []string{
		"the token endpoint declares no 429",
		"a bearer token in the Authorization header",
		"Basic authentication sends the password with every request",
		`takes query parameter "access_token", which looks like a credential: tokens are kept in access logs`,
		"secret/stripe-access-token: Stripe access token",
	} {
		if got := (*Redactor)(nil).String(text); got != text {
			t.Errorf("String(%q) = %q, want it unchanged", text, got)
		}
	}
}

func TestWithValues(t *testing.T) {
	base := New(nil)
	r := base.WithValues("cookie-value-17", "on", "Bearer opaque.tok.91")
	in := "sent Cookie: sid=cookie-value-17; and Authorization: Bearer opaque.tok.91 twice cookie-value-17 on"
	out := r.String(in)
	for _, v := range []string{"cookie-value-17", "opaque.tok.91"} {
		if strings.Contains(out, v) {
			t.Errorf("%q survived: %s", v, out)
		}
	}
	if !strings.HasSuffix(out, " on") {
		t.Errorf("a value under four bytes was taken out: %s", out)
	}
	if !strings.Contains(base.String("x cookie-value-17 y"), "cookie-value-17") {
		t.Error("WithValues changed the Redactor it was called on")
	}
	var nilR *Redactor
	if got := nilR.WithValues("secret-value-1").String("a secret-value-1 b"); strings.Contains(got, "secret-value-1") {
		t.Error("WithValues on a nil Redactor")
	}
}

// Exact takes out the values it was given and nothing a recogniser would:
// a commit hash in a link stays.
func TestExact(t *testing.T) {
	hash := "5f3c0a1e9b7d2c4f6a8e0b1d3c5e7f9a1b3d5c7e"
	in := "[file](https://github.com/acme/portal/blob/" + hash + "/a.yaml) Bearer tok-exact-4821 and tok-exact-4821"
	out := Exact("Bearer tok-exact-4821", "tok-exact-4821", "ab").String(in)
	if strings.Contains(out, "tok-exact-4821") {
		t.Errorf("a known value survived: %s", out)
	}
	if !strings.Contains(out, hash) {
		t.Errorf("Exact took out what only a recogniser would: %s", out)
	}
	if got := Exact().String(in); got != in {
		t.Errorf("Exact with no values changed the text: %s", got)
	}
}
