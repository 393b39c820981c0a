package secrets

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/launchgate/launchgate/pkg/finding"
)

func scanOne(t *testing.T, e *Engine, path, content string) []Secret {
	t.Helper()
	got, err := e.Scan(context.Background(), Fragment{Path: path, Content: content, StartLine: 1})
	if err != nil {
		t.Fatalf("Scan(%s): %v", path, err)
	}
	return got
}

func ruleIDs(ss []Secret) []string {
	var ids []string
	for _, s := range ss {
		ids = append(ids, s.RuleID+"/"+s.Severity.String())
	}
	return ids
}

func TestScanKinds(t *testing.T) {
	e := newEngine(t, Options{})
	g := newGen(t)
	stripe, stripeTest, aws, gh, slack, pk := g.stripeLive(), g.stripeTest(), g.aws(), g.githubPAT(), g.slackBot(), g.privateKey()
	pw := g.dbPassword().value
	service := g.jwt(map[string]any{"iss": "supabase", "role": "service_role"}).value
	anon := g.jwt(map[string]any{"iss": "supabase", "role": "anon"}).value
	hexKey := g.from("0123456789abcdef", 32)
	genericKey := g.from("0123456789", 8) + g.from("ABCDEFGHJKMNPQRSTUVWXYZ", 24)
	tests := []struct {
		name, path, content string
		// want is "rule/severity", or "" when the engine must stay quiet.
		want string
	}{
		{"stripe live key", "src/pay.ts", `const stripe = new Stripe("` + stripe.value + `");`, "secret/stripe-access-token/critical"},
		{"stripe test key is still a secret", "src/pay.ts", `const stripe = new Stripe("` + stripeTest.value + `");`, "secret/stripe-access-token/high"},
		{"aws access key", "deploy/env.sh", "export AWS_ACCESS_KEY_ID=" + aws.value + "\n", "secret/aws-access-token/critical"},
		{"github token", ".github/scripts/release.sh", "TOKEN=" + gh.value, "secret/github-pat/critical"},
		{"slack bot token", "src/notify.py", `SLACK = "` + slack.value + `"`, "secret/slack-bot-token/critical"},
		{"private key block", "deploy/key.pem", pk.value + "\n", "secret/private-key/critical"},
		{"generic key is medium", "src/client.js", `const api_key = "` + genericKey + `";`, "secret/generic-api-key/medium"},
		{"postgres password", ".env.production", "DATABASE_URL=postgres://app:" + pw + "@db.prod.internal:5432/app", "secret/connection-string-password/critical"},
		{"mysql password", "config/database.yml", "  url: mysql://root:" + pw + "@10.0.3.7/portal", "secret/connection-string-password/critical"},
		{"mongodb+srv password", "src/db.ts", `connect("mongodb+srv://svc:` + pw + `@cluster0.x.mongodb.net/app")`, "secret/connection-string-password/critical"},
		{"redis on localhost is medium", "docker-compose.yml", "REDIS_URL: redis://:" + pw + "@localhost:6379", "secret/connection-string-password/medium"},
		{"amqps password", "k8s/app.yaml", "value: amqps://user:" + pw + "@mq.internal/vhost", "secret/connection-string-password/critical"},
		{"connection string template password", ".env.example", "DATABASE_URL=postgres://app:password@db/app", ""},
		{"connection string variable password", "compose.yml", "DATABASE_URL: postgres://app:${DB_PASSWORD}@db/app", ""},
		{"connection string without password", "src/db.ts", `"postgres://app@db.prod.internal/app"`, ""},
		{"supabase service role", "src/admin.ts", `createClient(url, "` + service + `")`, "secret/supabase-service-role-key/critical"},
		{"supabase secret key", "supabase/functions/admin/index.ts", `const key = "sb_` + `secret_` + g.alnum(31) + `";`, "secret/supabase-service-role-key/critical"},
		{"binary and non-UTF-8 text", "dist/blob.bin.txt", "\x00\xff\xfe token=\x80\x81\x82 \xc3\x28 key\x00", ""},
		{"supabase anon key is public", "src/client.ts", `createClient(url, "` + anon + `")`, ""},
		{"public env with a stripe secret", ".env.production", "NEXT_PUBLIC_STRIPE=" + stripe.value, "secret/public-env-secret/critical"},
		{"public env with a service-role key", ".env", "VITE_SUPABASE_KEY=" + service, "secret/public-env-secret/critical"},
		{"public env named secret", ".env.production", "NEXT_PUBLIC_AUTH_SECRET=" + g.alnum(20), "secret/public-env-secret/critical"},
		{"public env named secret in a Dockerfile", "Dockerfile", "ENV REACT_APP_PRIVATE_TOKEN " + g.alnum(20), "secret/public-env-secret/critical"},
		{"public env default in code", "src/api.ts", `const t = process.env.EXPO_PUBLIC_API_TOKEN ?? "` + g.alnum(20) + `";`, "secret/public-env-secret/critical"},
		{"public env in CI yaml", ".github/workflows/deploy.yml", "      NUXT_PUBLIC_DB_PASSWORD: ${{ secrets.DB_PASSWORD }}", "secret/public-env-secret/critical"},
		{"public env anon key", ".env", "NEXT_PUBLIC_SUPABASE_ANON_KEY=" + anon, ""},
		{"public env publishable key", ".env", "NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY=pk_" + "live_" + g.alnum(32), ""},
		{"public env site key", ".env", "NEXT_PUBLIC_RECAPTCHA_SITE_KEY=" + g.alnum(40), ""},
		{"public env dsn", ".env", "NEXT_PUBLIC_SENTRY_DSN=https://" + hexKey + "@o12345.ingest.sentry.io/678", ""},
		{"public env type declaration", "src/env.d.ts", "  readonly VITE_API_TOKEN: string;", ""},
		{"public env empty default", "src/api.ts", `const t = process.env.NEXT_PUBLIC_TOKEN || "";`, ""},
		{"server env named secret", ".env", "AUTH_SECRET_NAME=session", ""},
		{"stripe publishable key", "src/pay.ts", `const publishableKey = "pk_` + `live_` + g.alnum(32) + `";`, ""},
		{"firebase web config", "src/firebase.ts", `const firebaseConfig = { apiKey: "AI` + `za` + g.alnum(35) + `", authDomain: "acme.firebaseapp.com", projectId: "acme" };`, ""},
		{"google key outside firebase config", "src/maps.ts", `const key = "AI` + `za` + g.alnum(35) + `";`, "secret/gcp-api-key/high"},
		{"sentry dsn", "src/sentry.ts", `Sentry.init({ dsn: "https://` + hexKey + `@o12345.ingest.sentry.io/678" });`, ""},
		{"placeholder value", "README.md", `api_key = "your-api-key-here"`, ""},
		{"all same char", "src/a.ts", `const secret_key = "aaaaaaaaaaaaaaaaaaaaaaaa";`, ""},
		{"env reference", "src/a.ts", `const api_key = process.env.API_KEY_VALUE;`, ""},
		{"PUBLIC_ constant in code holding a path", "src/main/java/Routes.java", `static final String PUBLIC_PASSWORD_RESET = "/api/v3/password/reset";`, ""},
		{"bare PUBLIC_ name in a workflow", ".github/workflows/build.yml", "      PUBLIC_CREDENTIAL: ${{ secrets.CREDENTIAL }}", ""},
		{"framework prefix with a URL value", ".env.production", "NEXT_PUBLIC_TOKEN_URL=https://auth.example.com/oauth/token", ""},
		{"SvelteKit public secret in an env file", ".env", "PUBLIC_SUPABASE_SECRET=" + g.alnum(12), "secret/public-env-secret/critical"},
		{"gitleaks allow comment", "src/pay.ts", `const k = "` + stripe.value + `"; // gitleaks:allow`, ""},
		{"gitleaks allow on another line", "src/pay.ts", "// gitleaks:allow\nconst k = \"" + stripe.value + "\";", "secret/stripe-access-token/critical"},
		{"lock file", "package-lock.json", `"integrity": "sha512-` + g.alnum(40) + `", "token": "` + gh.value + `"`, ""},
		{"lock file inside an archive", "dist/app.zip!yarn.lock", "token " + gh.value, ""},
		{"cargo lock", "Cargo.lock", "checksum = \"" + stripe.value + "\"", ""},
		{"generic key in a test fixture", "src/__fixtures__/client.js", `const api_key = "` + genericKey + `";`, ""},
		{"specific key in a test fixture still fires", "testdata/pay.ts", `const k = "` + stripe.value + `";`, "secret/stripe-access-token/critical"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ruleIDs(scanOne(t, e, tt.path, tt.content))
			switch {
			case tt.want == "" && len(got) != 0:
				t.Errorf("want no secrets, got %v", got)
			case tt.want != "" && (len(got) != 1 || got[0] != tt.want):
				t.Errorf("got %v, want exactly [%s]", got, tt.want)
			}
		})
	}
}

func TestReportPublic(t *testing.T) {
	g := newGen(t)
	anon := g.jwt(map[string]any{"role": "anon"}).value
	content := `const supabase = createClient(url, "` + anon + `");`
	if got := scanOne(t, newEngine(t, Options{}), "src/c.ts", content); len(got) != 0 {
		t.Fatalf("anon key reported by default: %v", ruleIDs(got))
	}
	got := scanOne(t, newEngine(t, Options{ReportPublic: true}), "src/c.ts", content)
	if len(got) != 1 || !got[0].Public {
		t.Fatalf("with ReportPublic the anon key must be reported once, marked public; got %+v", got)
	}
}

func TestAllowOptions(t *testing.T) {
	g := newGen(t)
	stripe := g.stripeLive()
	content := `const k = "` + stripe.value + `";`
	e := newEngine(t, Options{AllowPaths: []string{`^vendor/`}, AllowValues: []string{`^sk_live_` + stripe.random[:6]}})
	if got := scanOne(t, e, "vendor/x.ts", `const k = "`+g.stripeLive().value+`";`); len(got) != 0 {
		t.Errorf("allowed path still reported: %v", ruleIDs(got))
	}
	if got := scanOne(t, e, "src/x.ts", content); len(got) != 0 {
		t.Errorf("allowed value still reported: %v", ruleIDs(got))
	}
	if got := scanOne(t, e, "src/x.ts", `const k = "`+g.stripeLive().value+`";`); len(got) != 1 {
		t.Errorf("other values must still be reported, got %v", ruleIDs(got))
	}
	for _, bad := range []Options{{AllowPaths: []string{"("}}, {AllowValues: []string{"[z-a]"}}} {
		if _, err := New(bad); err == nil {
			t.Errorf("New(%+v) accepted an invalid pattern", bad)
		}
	}
}

func TestPositions(t *testing.T) {
	e := newEngine(t, Options{})
	g := newGen(t)
	aws, pk := g.aws(), g.privateKey()
	content := "line one\n\tkey = \"" + aws.value + "\"\n" + pk.value + "\nend\n"
	got, err := e.Scan(context.Background(), Fragment{Path: "a.txt", Content: content, StartLine: 40})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		rule                   string
		line, col, eLine, eCol int
	}{
		{"secret/aws-access-token", 41, 9, 41, 29},
		{"secret/private-key", 42, 1, 51, 30},
	}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %d secrets", ruleIDs(got), len(want))
	}
	for i, w := range want {
		s := got[i]
		if s.RuleID != w.rule || s.Line != w.line || s.Column != w.col || s.EndLine != w.eLine || s.EndColumn != w.eCol {
			t.Errorf("secret %d: %s at %d:%d-%d:%d, want %s at %d:%d-%d:%d", i, s.RuleID, s.Line, s.Column, s.EndLine, s.EndColumn, w.rule, w.line, w.col, w.eLine, w.eCol)
		}
	}
}

func TestNewIsRepeatable(t *testing.T) {
	var counts []int
	for range 3 {
		counts = append(counts, newEngine(t, Options{}).RuleCount())
	}
	if counts[0] < 200 || counts[0] != counts[1] || counts[1] != counts[2] {
		t.Fatalf("rule counts over three builds: %v; want the same, over 200", counts)
	}
}

func TestScanDoesNotAccumulate(t *testing.T) {
	e := newEngine(t, Options{})
	g := newGen(t)
	dirty := `const k = "` + g.stripeLive().value + `";`
	for i := range 3 {
		if got := scanOne(t, e, "a.ts", dirty); len(got) != 1 {
			t.Fatalf("scan %d of the same fragment: %d secrets, want 1", i, len(got))
		}
	}
	if got := scanOne(t, e, "b.ts", "const x = 1;\n"); len(got) != 0 {
		t.Fatalf("a clean fragment after dirty ones: %v", ruleIDs(got))
	}
}

func TestScanConcurrent(t *testing.T) {
	e := newEngine(t, Options{})
	g := newGen(t)
	var contents []string
	for range 8 {
		contents = append(contents, "x = 1\nconst k = \""+g.stripeLive().value+"\";\nAWS="+g.aws().value+"\n")
	}
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for i, c := range contents {
		wg.Go(func() {
			for range 20 {
				got, err := e.Scan(context.Background(), Fragment{Path: fmt.Sprintf("f%d.ts", i), Content: c, StartLine: 1})
				if err != nil {
					errs <- err
					return
				}
				if len(got) != 2 || got[0].Line != 2 || got[1].Line != 3 {
					errs <- fmt.Errorf("goroutine %d: got %v", i, ruleIDs(got))
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestScanCanceled(t *testing.T) {
	e := newEngine(t, Options{})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := e.Scan(ctx, Fragment{Path: "a.ts", Content: "token = 1"})
	if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "a.ts") {
		t.Fatalf("err = %v, want context.Canceled naming the path", err)
	}
}

func TestSeverityTable(t *testing.T) {
	tests := []struct {
		id   string
		want finding.Severity
	}{
		{"aws-access-token", finding.Critical},
		{"private-key", finding.Critical},
		{"stripe-access-token", finding.Critical},
		{"github-pat", finding.Critical},
		{"gitlab-pat", finding.Critical},
		{"slack-bot-token", finding.Critical},
		{"twilio-api-key", finding.Critical},
		{"sendgrid-api-token", finding.Critical},
		{"connection-string-password", finding.Critical},
		{"openai-api-key", finding.High},
		{"gcp-api-key", finding.High},
		{"generic-api-key", finding.Medium},
		{"jwt", finding.Medium},
		{"discord-client-id", finding.Medium},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			if got := severityOf(tt.id); got != tt.want {
				t.Errorf("severityOf(%s) = %s, want %s", tt.id, got, tt.want)
			}
		})
	}
}
