package action

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/ghapi/ghapitest"
	"github.com/launchgate/launchgate/pkg/probe/portaltest"
)

// portalPath is the test portal's folder as the path input names it,
// from the repository root as the workspace, so that the findings'
// files must be made relative to the root.
const portalPath = "testdata/probe/portal"

// probeRunner is a runner whose workspace is this repository, set to
// probe p with the portal's configuration and the tokens in the step's
// environment, as a deploy job passes them from secrets.
func probeRunner(t *testing.T, p *portaltest.Portal) *runnerSim {
	t.Helper()
	ws, err := filepath.Abs(filepath.Join(portaltest.Dir(), "..", "..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	sim := newRunner(t, ws).event("workflow_dispatch", map[string]any{})
	for _, kv := range p.Env() {
		k, v, _ := strings.Cut(kv, "=")
		sim.vars[k] = v
	}
	sim.input("command", "probe").input("url", p.URL).input("path", portalPath).
		input("spec", portalPath+"/openapi.yaml").input("rate", "0").input("category", "launchgate/probe")
	return sim
}

// specLine is the line of the method key of an operation in the portal's
// openapi.yaml, where its findings must be annotated.
func specLine(t *testing.T, method, path string) int {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(portaltest.Dir(), "openapi.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	inPath := false
	for i, line := range strings.Split(string(data), "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(line, "  /"):
			inPath = trimmed == path+":"
		case inPath && trimmed == strings.ToLower(method)+":":
			return i + 1
		}
	}
	t.Fatalf("openapi.yaml has no %s %s", method, path)
	return 0
}

func TestProbeFromTheAction(t *testing.T) {
	exp, err := portaltest.LoadExpected()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		twin  portaltest.Twin
		exit  int
		extra map[string]string
		conds []string
	}{
		{name: "vulnerable", twin: portaltest.Vulnerable, exit: 1},
		{name: "vulnerable allow-writes", twin: portaltest.Vulnerable, exit: 1, extra: map[string]string{"allow-writes": "true"}, conds: []string{"allow-writes"}},
		{name: "hardened", twin: portaltest.Hardened, exit: 0},
		{name: "hardened allow-writes", twin: portaltest.Hardened, exit: 0, extra: map[string]string{"allow-writes": "true"}, conds: []string{"allow-writes"}},
		{name: "catchall", twin: portaltest.CatchAll, exit: 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := portaltest.Start(t, tc.twin)
			sim := probeRunner(t, p)
			for k, v := range tc.extra {
				sim.input(k, v)
			}
			res := sim.run()
			if got := exitOf(res.err); got != tc.exit {
				t.Fatalf("exit %d (%v), want %d\n%s\n%s", got, res.err, tc.exit, unmasked(res.stdout), res.stderr)
			}
			want := exp.For(tc.twin, tc.conds...)
			all := portaltest.Blocking(exp.For(tc.twin, append(tc.conds, portaltest.HygieneSection)...))
			if got := res.outputs["blocking"]; got != strconv.Itoa(len(all)) {
				t.Errorf("blocking output %q, want %d (expected.txt's findings at high or above)\n%s", got, len(all), unmasked(res.stdout))
			}
			if got, want := res.outputs["passed"], strconv.FormatBool(tc.exit == 0); got != want {
				t.Errorf("passed output %q, want %q", got, want)
			}
			if n, err := strconv.Atoi(res.outputs["findings"]); err != nil || n < len(want) {
				t.Errorf("findings output %q, want at least %d", res.outputs["findings"], len(want))
			}
			keys, automation := sarifKeys(t, res.outputs["sarif-file"])
			if !strings.HasPrefix(automation, "launchgate/probe/") {
				t.Errorf("SARIF automation id %q does not carry the category", automation)
			}
			errLines := commandLines(res.stdout, "error")
			errs := strings.Join(errLines, "\n")
			// GitHub shows ten annotations of a type per step: past them a
			// notice says how many more there are.
			capped := len(all) > maxAnnotationsPerType
			if capped && (len(errLines) != maxAnnotationsPerType || !strings.Contains(res.stdout, "more findings are not annotated here")) {
				t.Errorf("%d findings at high or above: want %d error annotations and a notice for the rest, got %d", len(all), maxAnnotationsPerType, len(errLines))
			}
			for _, e := range want {
				line := strconv.Itoa(specLine(t, e.Method, e.Path))
				if key := e.Rule + "@" + portalPath + "/openapi.yaml:" + line; !containsString(keys, key) {
					t.Errorf("SARIF lacks %s (%s): %v", key, e, keys)
				}
				ann := "::error file=" + portalPath + "/openapi.yaml,line=" + line + ",title=" + e.Rule
				if !strings.Contains(errs, ann) && !capped {
					t.Errorf("no annotation %s… for %s:\n%s", ann, e, errs)
				}
			}
			for _, a := range commandLines(res.stdout, "error") {
				// The auth rules are about spec operations; a served file
				// (/.env) is placed on its URL alone.
				if !strings.Contains(a, "title=probe/") || strings.Contains(a, "title=probe/exposed-file") || strings.Contains(a, "title=probe/admin-surface-exposed") {
					continue
				}
				if !strings.Contains(a, "file="+portalPath+"/openapi.yaml,line=") || !strings.Contains(a, "("+p.URL+"/") {
					t.Errorf("annotation %q is not on the spec or does not name the URL", a)
				}
			}
			if !strings.Contains(res.summary, "Probed: the deployment at "+p.URL) {
				t.Errorf("the job summary does not say what was probed:\n%s", res.summary)
			}
			for _, e := range want {
				if !strings.Contains(res.summary, e.Rule) {
					t.Errorf("the job summary lacks %s:\n%s", e.Rule, res.summary)
				}
			}
			if !strings.Contains(res.stdout, "launchgate: probed ") {
				t.Errorf("the log lacks the probe's coverage note:\n%s", unmasked(res.stdout))
			}
			if len(p.Requests()) == 0 {
				t.Error("the portal answered no request")
			}
		})
	}
}

func containsString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// TestProbeShowsNoToken plants the portal's tokens in the step's
// environment and runs a probe with writes on a pull request with the
// sticky comment on. No token, nor any piece of one 8 characters long,
// shows in the log, the job summary, the outputs, the SARIF file or the
// comment; the only lines that hold them are the add-mask commands, and
// those come before every other line.
func TestProbeShowsNoToken(t *testing.T) {
	p := portaltest.Start(t, portaltest.Vulnerable)
	api := ghapitest.New(t)
	ghToken := "ghs_" + strings.Repeat("k", 4) + strconv.Itoa(len(p.URL)) + "xRq81Zm0TtYvW3pLnB6cD2eF"
	api.RequireToken(ghToken)
	sim := probeRunner(t, p).event("pull_request", (&prRepo{base: strings.Repeat("a", 40), head: strings.Repeat("b", 40)}).prEvent(9, false))
	// A version that differs from the one running makes a notice, which
	// must come after the masks too.
	sim.input("allow-writes", "true").input("comment", "true").input("github-token", ghToken).input("version", "v9.9.9")
	sim.env.APIURL = api.URL()
	res := sim.run()
	if exitOf(res.err) != 1 {
		t.Fatalf("exit %d (%v), want 1\n%s", exitOf(res.err), res.err, unmasked(res.stdout))
	}
	comments := api.Comments("acme", "portal", 9)
	if len(comments) != 1 {
		t.Fatalf("%d comments, want the sticky one", len(comments))
	}
	sarif, err := os.ReadFile(res.outputs["sarif-file"])
	if err != nil {
		t.Fatal(err)
	}
	outputs, err := os.ReadFile(sim.outputFile)
	if err != nil {
		t.Fatal(err)
	}

	// The masks come first, one for each whole header value, token and
	// JWT segment.
	masks := map[string]bool{}
	lines := strings.Split(strings.TrimSuffix(res.stdout, "\n"), "\n")
	var rest []string
	for i, line := range lines {
		v, ok := strings.CutPrefix(line, "::add-mask::")
		if !ok {
			rest = lines[i:]
			break
		}
		masks[v] = true
	}
	for _, line := range rest {
		if strings.HasPrefix(line, "::add-mask::") {
			t.Errorf("an add-mask command comes after other output: %.20s…", line)
		}
	}
	if len(rest) == 0 || !strings.HasPrefix(rest[0], "::notice::The version input") {
		t.Fatalf("the first line after the masks is not the version notice: %.80q", redactedLine(strings.Join(rest, "\n")))
	}
	for name, tok := range p.Tokens {
		want := append([]string{tok, "Bearer " + tok}, longSegments(tok)...)
		for _, w := range want {
			if !masks[w] {
				t.Errorf("no add-mask before the output for a part of %s's token (%d chars)", name, len(w))
			}
		}
	}
	if !masks[ghToken] {
		t.Error("the github-token is not masked")
	}
	if masks["Bearer"] {
		t.Error("the scheme word Bearer is masked, which would blot it out of every log line")
	}

	for what, text := range map[string]string{
		"the log and annotations": strings.Join(rest, "\n"), "stderr": res.stderr, "the job summary": res.summary,
		"the outputs": string(outputs), "the SARIF file": string(sarif), "the comment": comments[0].Body,
	} {
		for name, tok := range p.Tokens {
			if piece := sharedPiece(text, tok, 8); piece >= 0 {
				t.Errorf("%s shows 8 characters of %s's token (at offset %d of the token)", what, name, piece)
			}
		}
		if strings.Contains(text, ghToken) {
			t.Errorf("%s shows the github-token", what)
		}
	}
	// What was checked holds the findings, so the greps above looked at
	// real output.
	for what, in := range map[string]string{"the summary": res.summary, "the comment": comments[0].Body, "the SARIF file": string(sarif), "the log": res.stdout} {
		if !strings.Contains(in, "probe/cross-tenant-access") {
			t.Errorf("%s lacks the probe's findings", what)
		}
	}
}

// longSegments are the dot-separated parts of a JWT of 8 characters or
// more.
func longSegments(tok string) []string {
	var out []string
	for _, s := range strings.Split(tok, ".") {
		if len(s) >= 8 {
			out = append(out, s)
		}
	}
	return out
}

// sharedPiece returns the offset in secret of the first n-character piece
// of it, dots excluded, that text contains, or -1.
func sharedPiece(text, secret string, n int) int {
	for i := 0; i+n <= len(secret); i++ {
		piece := secret[i : i+n]
		if !strings.Contains(piece, ".") && strings.Contains(text, piece) {
			return i
		}
	}
	return -1
}

// An unset ${NAME} in the identities stops the probe before any request,
// naming the variable and showing no value.
func TestProbeUnsetIdentityVariable(t *testing.T) {
	p := portaltest.Start(t, portaltest.Vulnerable)
	sim := probeRunner(t, p)
	delete(sim.vars, "BOB_TOKEN")
	res := sim.run()
	if exitOf(res.err) != 2 {
		t.Fatalf("exit %d (%v), want 2", exitOf(res.err), res.err)
	}
	if !strings.Contains(res.err.Error(), "${BOB_TOKEN}") || !strings.Contains(res.err.Error(), "not set") {
		t.Errorf("error %q does not name the unset variable", res.err)
	}
	errs := commandLines(res.stdout, "error")
	if len(errs) != 1 || !strings.Contains(errs[0], "BOB_TOKEN") {
		t.Errorf("want one ::error:: naming BOB_TOKEN, got %q", errs)
	}
	for name, tok := range p.Tokens {
		if sharedPiece(res.stdout+res.stderr+res.err.Error(), tok, 8) >= 0 {
			t.Errorf("the failed run shows a piece of %s's token", name)
		}
	}
	if n := len(p.Requests()); n != 0 {
		t.Errorf("the portal got %d requests from a probe that could not be set up", n)
	}
	if len(res.outputs) != 0 || res.summary != "" {
		t.Errorf("a probe that could not start wrote outputs %v or a summary", res.outputs)
	}
}

// A bad url is exit 2 before any request, and the inputs a probe does not
// read are named in a notice rather than silently dropped.
func TestProbeBadURLAndIgnoredInputs(t *testing.T) {
	p := portaltest.Start(t, portaltest.Hardened)
	sim := probeRunner(t, p).input("url", "ftp://staging.example.com")
	if res := sim.run(); exitOf(res.err) != 2 || !strings.Contains(res.err.Error(), "--url") {
		t.Errorf("ftp url: exit %d (%v), want 2 naming the url", exitOf(res.err), res.err)
	}
	sim = probeRunner(t, p).input("artifacts", "dist").input("only-new", "true")
	res := sim.run()
	if exitOf(res.err) != 0 {
		t.Fatalf("exit %d (%v), want 0", exitOf(res.err), res.err)
	}
	notices := strings.Join(commandLines(res.stdout, "notice"), "\n")
	if !strings.Contains(notices, "command: probe does not read the inputs artifacts, only-new") {
		t.Errorf("no notice names the ignored inputs:\n%s", notices)
	}
}

// A probe that fails to start on an input that holds a piece of a token
// shows the piece in none of its lines: the error goes through the run's
// redactor, which knows the identities' credentials.
func TestProbeErrorShowsNoToken(t *testing.T) {
	p := portaltest.Start(t, portaltest.Vulnerable)
	seg := longSegments(p.Tokens["alice"])
	piece := seg[len(seg)-1]
	sim := probeRunner(t, p).input("spec", portalPath+"/openapi-"+piece+".yaml")
	res := sim.run()
	if exitOf(res.err) != 2 {
		t.Fatalf("exit %d, want 2", exitOf(res.err))
	}
	if sharedPiece(res.err.Error(), piece, 8) >= 0 {
		t.Errorf("the error returned, which the command line prints, shows a piece of alice's token: %s", redactedLine(res.err.Error()))
	}
	errs := commandLines(res.stdout, "error")
	if len(errs) != 1 || !strings.Contains(errs[0], "--spec") || !strings.Contains(errs[0], "redacted") {
		t.Errorf("want one ::error:: naming the spec with the token taken out, got %d: %q", len(errs), redactedLine(strings.Join(errs, "\n")))
	}
	for _, line := range strings.Split(res.stdout, "\n") {
		if !strings.HasPrefix(line, "::add-mask::") && sharedPiece(line, piece, 8) >= 0 {
			t.Errorf("a log line shows a piece of alice's token: %.40s…", redactedLine(line))
		}
	}
}

// unmasked is stdout without its add-mask commands, for a failure
// message.
func unmasked(stdout string) string {
	var out []string
	for _, line := range strings.Split(stdout, "\n") {
		if !strings.HasPrefix(line, "::add-mask::") {
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n")
}

// redactedLine is a line for a failure message, with letters and digits
// hidden, so a failing test does not print the token it found.
func redactedLine(line string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			return 'x'
		}
		return r
	}, line)
}
