package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/probe/portaltest"
)

// probeEnv points the CLI's environment at p: its tokens and its CA.
func probeEnv(p *portaltest.Portal) func(*Env) {
	vars := map[string]string{}
	for _, kv := range p.Env() {
		k, v, _ := strings.Cut(kv, "=")
		vars[k] = v
	}
	return func(e *Env) { e.Getenv = func(k string) string { return vars[k] } }
}

type probeFinding struct {
	RuleID   string `json:"rule_id"`
	Severity string `json:"severity"`
	File     string `json:"file"`
	Line     int    `json:"line"`
	URL      string `json:"url"`
	Message  string `json:"message"`
}

// probeFindings runs the probe on twin and returns its findings as
// "RULE METHOD PATH SEVERITY": the operation a message starts with (the
// first of a list), or else GET and the path of the finding's URL.
func probeFindings(t *testing.T, twin portaltest.Twin, extra ...string) ([]string, result) {
	t.Helper()
	p := portaltest.Start(t, twin)
	args := append([]string{"probe", "--url", p.URL, "--spec", "openapi.yaml", "--rate", "0", "--format", "json", "--fail-on", "never"}, extra...)
	res := runWith(t, portaltest.Dir(), probeEnv(p), args...)
	if res.code != ExitOK {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	var rep struct{ Findings []probeFinding }
	if err := json.Unmarshal([]byte(res.stdout), &rep); err != nil {
		t.Fatalf("%v: %s", err, res.stdout)
	}
	var got []string
	for _, f := range rep.Findings {
		op, _, _ := strings.Cut(f.Message, ":")
		fields := strings.Fields(op)
		switch {
		case len(fields) >= 2 && isMethod(fields[0]):
			op = fields[0] + " " + strings.TrimRight(fields[1], ",")
		default:
			u, err := url.Parse(f.URL)
			if err != nil || u.Path == "" {
				t.Fatalf("%s names no operation and has no URL path: %q", f.RuleID, f.URL)
			}
			op = "GET " + u.Path
		}
		got = append(got, fmt.Sprintf("%s %s %s", f.RuleID, op, f.Severity))
	}
	slices.Sort(got)
	return got, res
}

// isMethod reports whether s is an HTTP method as messages write it.
func isMethod(s string) bool {
	switch s {
	case "GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE":
		return true
	}
	return false
}

// blocking keeps the findings of list at high or above.
func blocking(list []string) []string {
	var out []string
	for _, f := range list {
		if strings.HasSuffix(f, " high") || strings.HasSuffix(f, " critical") {
			out = append(out, f)
		}
	}
	return out
}

func TestProbePortalTwins(t *testing.T) {
	exp, err := portaltest.LoadExpected()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		twin  portaltest.Twin
		extra []string
		conds []string
	}{
		{"vulnerable", portaltest.Vulnerable, nil, nil},
		{"vulnerable allow-writes", portaltest.Vulnerable, []string{"--allow-writes"}, []string{"allow-writes"}},
		{"hardened", portaltest.Hardened, nil, nil},
		{"hardened allow-writes", portaltest.Hardened, []string{"--allow-writes"}, []string{"allow-writes"}},
		{"catchall", portaltest.CatchAll, nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, res := probeFindings(t, tc.twin, tc.extra...)
			var want []string
			for _, e := range exp.For(tc.twin, append(tc.conds, portaltest.HygieneSection)...) {
				want = append(want, e.String()+" "+e.Severity)
			}
			slices.Sort(want)
			if g, w := blocking(got), blocking(want); strings.Join(g, "\n") != strings.Join(w, "\n") {
				t.Errorf("findings at high or above:\n%s\nwant:\n%s\nstderr:\n%s", strings.Join(g, "\n"), strings.Join(w, "\n"), res.stderr)
			}
			for _, w := range want {
				if !slices.Contains(got, w) {
					t.Errorf("no %s (expected.txt); got:\n%s", w, strings.Join(got, "\n"))
				}
			}
		})
	}
}

// Without --allow-writes the probe sends nothing but GET, HEAD and
// OPTIONS; with it, writes go out only with credentials a correct server
// refuses: never with the owner's own token.
func TestProbeSendsNoWriteUnasked(t *testing.T) {
	for _, allow := range []bool{false, true} {
		p := portaltest.Start(t, portaltest.Vulnerable)
		args := []string{"probe", "--url", p.URL, "--spec", "openapi.yaml", "--rate", "0", "--format", "json", "--fail-on", "never"}
		if allow {
			args = append(args, "--allow-writes")
		}
		if res := runWith(t, portaltest.Dir(), probeEnv(p), args...); res.code != ExitOK {
			t.Fatalf("exit %d: %s", res.code, res.stderr)
		}
		writes := 0
		for _, r := range p.Requests() {
			switch r.Method {
			case "GET", "HEAD", "OPTIONS":
				continue
			}
			writes++
			if !allow {
				t.Errorf("a %s %s was sent without --allow-writes", r.Method, r.Path)
			}
			// The objects written to are acme's: alice's and root's
			// tokens would be accepted.
			if r.Identity == "alice" || r.Identity == "root" {
				t.Errorf("a %s %s was sent with %s's own credentials", r.Method, r.Path, r.Identity)
			}
		}
		if allow && writes == 0 {
			t.Error("--allow-writes sent no write, so the check above tested nothing")
		}
	}
}

// Tokens never show: not in any format, not in the verbose log, not in a
// report file.
func TestProbeShowsNoToken(t *testing.T) {
	p := portaltest.Start(t, portaltest.Vulnerable)
	// The payment key the vulnerable twin serves in /.env, which the
	// exposure check reads and must not repeat.
	resp, err := p.Client().Get(p.URL + "/.env")
	if err != nil {
		t.Fatal(err)
	}
	envFile, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	_, stripeKey, ok := strings.Cut(string(envFile), "STRIPE_SECRET_KEY=")
	stripeKey = strings.TrimSpace(stripeKey)
	if !ok || len(stripeKey) < 20 {
		t.Fatal("the vulnerable twin serves no payment key in /.env")
	}
	dir := t.TempDir()
	for _, format := range []string{"text", "json", "sarif", "markdown"} {
		out := dir + "/report." + format
		// One run per format: the report goes to the file, the verbose
		// log and the summary to stderr.
		for _, args := range [][]string{
			{"--format", format, "--output", out, "--verbose"},
		} {
			all := append([]string{"probe", "--url", p.URL, "--spec", "openapi.yaml", "--rate", "0", "--allow-writes", "--fail-on", "never"}, args...)
			res := runWith(t, portaltest.Dir(), probeEnv(p), all...)
			if res.code != ExitOK {
				t.Fatalf("%v: exit %d: %s", args, res.code, res.stderr)
			}
			text := res.stdout + res.stderr
			if data, err := os.ReadFile(out); err == nil {
				text += string(data)
			}
			if strings.Contains(text, stripeKey) || strings.Contains(text, stripeKey[len(stripeKey)-12:]) {
				t.Errorf("%s %v shows the key read from /.env", format, args)
			}
			if !strings.Contains(text, "exposed-file") {
				t.Errorf("%s %v: no exposed-file finding, so the key was not read", format, args)
			}
			for name, tok := range p.Tokens {
				for _, piece := range append([]string{tok}, strings.Split(tok, ".")...) {
					if len(piece) >= 8 && strings.Contains(text, piece) {
						t.Errorf("%s %v shows a piece of %s's token", format, args, name)
					}
				}
			}
			if format == "text" && !strings.Contains(res.stderr, "level=DEBUG") {
				t.Errorf("--verbose logged nothing, so the log was not checked")
			}
		}
	}
}

// Without probe.objects the probe fills object IDs from each identity's
// own lists, and still finds the cross-tenant read.
func TestProbeHarvestsIDs(t *testing.T) {
	src := portaltest.Dir()
	cfg, err := os.ReadFile(src + "/.launchgate.yml")
	if err != nil {
		t.Fatal(err)
	}
	spec, err := os.ReadFile(src + "/openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	head, _, ok := strings.Cut(string(cfg), "  objects:")
	if !ok {
		t.Fatal("the portal's config has no probe.objects to take out")
	}
	dir := writeTree(t, map[string]string{".launchgate.yml": head, "openapi.yaml": string(spec)})
	p := portaltest.Start(t, portaltest.Vulnerable)
	res := runWith(t, dir, probeEnv(p), "probe", "--url", p.URL, "--rate", "0", "--format", "json", "--fail-on", "never")
	if res.code != ExitOK {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	for _, want := range []string{
		`"rule_id": "probe/cross-tenant-access"`,
		`"rule_id": "probe/unauthenticated-access"`,
	} {
		if !strings.Contains(res.stdout, want) {
			t.Errorf("no %s with harvested IDs:\n%s", want, res.stderr)
		}
	}
}

// A probe report is a baseline for the next run, also against another
// deployment of the same spec: fingerprints rest on the rule, the method
// and the path template, not the host or the concrete ID.
func TestProbeBaseline(t *testing.T) {
	first := portaltest.Start(t, portaltest.Vulnerable)
	base := t.TempDir() + "/probe.json"
	res := runWith(t, portaltest.Dir(), probeEnv(first), "probe", "--url", first.URL, "--spec", "openapi.yaml", "--rate", "0",
		"--format", "json", "--output", base)
	if res.code != ExitBlocking {
		t.Fatalf("first run: exit %d, want 1: %s", res.code, res.stderr)
	}
	second := portaltest.Start(t, portaltest.Vulnerable)
	res = runWith(t, portaltest.Dir(), probeEnv(second), "probe", "--url", second.URL, "--spec", "openapi.yaml", "--rate", "0",
		"--format", "json", "--baseline", base)
	if res.code != ExitOK {
		t.Fatalf("second deployment against the first's baseline: exit %d, want 0:\n%s", res.code, res.stdout)
	}
	if !strings.Contains(res.stdout, `"suppressed": true`) {
		t.Error("the baselined findings are not reported as suppressed")
	}
}
