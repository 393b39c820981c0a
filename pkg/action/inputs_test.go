package action

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sethvargo/go-githubactions"

	"github.com/launchgate/launchgate/pkg/finding"
	"github.com/launchgate/launchgate/pkg/testkit"
)

func actionWith(vars map[string]string) *githubactions.Action {
	return githubactions.New(githubactions.WithGetenv(func(k string) string { return vars[k] }))
}

func TestReadInputs(t *testing.T) {
	yes, no := true, false
	tests := []struct {
		name string
		vars map[string]string
		want Inputs
	}{
		{
			name: "defaults",
			vars: map[string]string{},
			want: Inputs{Commands: []string{"scan"}, Path: ".", FailOn: finding.High, Category: "launchgate", Probe: probeDefaults()},
		},
		{
			name: "every input",
			vars: map[string]string{
				"INPUT_COMMAND": "Scan", "INPUT_PATH": "apps/portal",
				"INPUT_SPEC":      "api/a.yaml\napi/b.yaml, api/c.yaml\n\n",
				"INPUT_ARTIFACTS": "dist", "INPUT_ENV-FILES": ".env.production",
				"INPUT_CONFIG": "ci/launchgate.yml", "INPUT_FAIL-ON": "Medium",
				"INPUT_BASELINE": "old.sarif", "INPUT_ONLY-NEW": "TRUE",
				"INPUT_GITHUB-TOKEN": "tok", "INPUT_COMMENT": "false",
				"INPUT_CATEGORY": "launchgate/api", "INPUT_VERSION": "v1.2.3",
			},
			want: Inputs{
				Commands: []string{"scan"}, Path: "apps/portal",
				Specs: []string{"api/a.yaml", "api/b.yaml", "api/c.yaml"}, Artifacts: []string{"dist"},
				EnvFiles: []string{".env.production"}, Config: "ci/launchgate.yml", FailOn: finding.Medium,
				Baseline: "old.sarif", OnlyNew: &yes, Token: "tok", Category: "launchgate/api", Version: "v1.2.3",
				Probe: probeDefaults(),
			},
		},
		{
			name: "probe",
			vars: map[string]string{
				"INPUT_COMMAND": "probe", "INPUT_URL": "https://staging.example.com",
				"INPUT_ALLOW-WRITES": "true", "INPUT_MAX-REQUESTS": "150", "INPUT_RATE": "2.5",
				"INPUT_TIMEOUT": "90s", "INPUT_SPEC": "openapi.yaml", "INPUT_FAIL-ON": "critical",
			},
			want: Inputs{
				Commands: []string{"probe"}, Path: ".", Specs: []string{"openapi.yaml"}, FailOn: finding.Critical, Category: "launchgate",
				Probe: ProbeInputs{URL: "https://staging.example.com", AllowWrites: true, MaxRequests: 150, Rate: 2.5, Timeout: 90 * time.Second},
			},
		},
		{
			name: "probe defaults",
			vars: map[string]string{"INPUT_COMMAND": "probe", "INPUT_URL": "https://staging.example.com", "INPUT_RATE": "0"},
			want: Inputs{
				Commands: []string{"probe"}, Path: ".", FailOn: finding.High, Category: "launchgate",
				Probe: ProbeInputs{URL: "https://staging.example.com", MaxRequests: 2000, Rate: 0, Timeout: 5 * time.Minute},
			},
		},
		{
			name: "several commands, in their order",
			vars: map[string]string{"INPUT_COMMAND": "dns, Scan\nprobe,scan", "INPUT_URL": "https://staging.example.com"},
			want: Inputs{
				Commands: []string{"scan", "probe", "dns"}, Path: ".", FailOn: finding.High, Category: "launchgate",
				Probe: ProbeInputs{URL: "https://staging.example.com", MaxRequests: 2000, Rate: 10, Timeout: 5 * time.Minute},
			},
		},
		{
			name: "a scan given url and domain adds the probe and the DNS check",
			vars: map[string]string{"INPUT_URL": "https://staging.example.com", "INPUT_DOMAIN": "example.com"},
			want: Inputs{
				Commands: []string{"scan", "probe", "dns"}, Path: ".", FailOn: finding.High, Category: "launchgate",
				Probe: ProbeInputs{URL: "https://staging.example.com", MaxRequests: 2000, Rate: 10, Timeout: 5 * time.Minute},
			},
		},
		{
			name: "a dns run given a url does not probe",
			vars: map[string]string{"INPUT_COMMAND": "dns", "INPUT_URL": "https://staging.example.com"},
			want: Inputs{
				Commands: []string{"dns"}, Path: ".", FailOn: finding.High, Category: "launchgate",
				Probe: ProbeInputs{URL: "https://staging.example.com", MaxRequests: 2000, Rate: 10, Timeout: 5 * time.Minute},
			},
		},
		{
			name: "only-new off and fail-on never",
			vars: map[string]string{"INPUT_ONLY-NEW": "false", "INPUT_FAIL-ON": "never"},
			want: Inputs{Commands: []string{"scan"}, Path: ".", FailOn: finding.Never, OnlyNew: &no, Category: "launchgate", Probe: probeDefaults()},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadInputs(actionWith(tt.vars))
			if err != nil {
				t.Fatal(err)
			}
			if !inputsEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func inputsEqual(a, b Inputs) bool {
	sameBool := (a.OnlyNew == nil) == (b.OnlyNew == nil) && (a.OnlyNew == nil || *a.OnlyNew == *b.OnlyNew)
	a.OnlyNew, b.OnlyNew = nil, nil
	return sameBool && slices.Equal(a.Commands, b.Commands) && a.Path == b.Path && slices.Equal(a.Specs, b.Specs) &&
		slices.Equal(a.Artifacts, b.Artifacts) && slices.Equal(a.EnvFiles, b.EnvFiles) && a.Config == b.Config &&
		a.FailOn == b.FailOn && a.Baseline == b.Baseline && a.Token == b.Token && a.Comment == b.Comment &&
		a.Category == b.Category && a.Version == b.Version && a.Probe == b.Probe
}

// probeDefaults are the probe's inputs when none is given.
func probeDefaults() ProbeInputs {
	return ProbeInputs{MaxRequests: 2000, Rate: 10, Timeout: 5 * time.Minute}
}

func TestBadInputsExitTwoNamingTheInput(t *testing.T) {
	probe := map[string]string{"command": "probe", "url": "https://staging.example.com"}
	tests := []struct {
		name, input, value string
		want               string
		// with sets further inputs; named is the input the error names,
		// when not input.
		with  map[string]string
		named string
	}{
		{name: "unknown severity", input: "fail-on", value: "banana", want: `input fail-on: "banana" is not valid`},
		{name: "not a boolean", input: "only-new", value: "maybe", want: `input only-new: "maybe" is not valid: want true or false`},
		{name: "comment not a boolean", input: "comment", value: "yes please", want: "input comment:"},
		{name: "unknown command", input: "command", value: "deploy", want: `input command: "deploy" is not valid: want scan, probe or dns`},
		{name: "one unknown command among several", input: "command", value: "scan,deploy", want: `input command: "scan,deploy" is not valid: want scan, probe or dns, or several`},
		{name: "probe among several without url", input: "command", value: "scan,probe", named: "url", want: "input url is required"},
		{name: "probe without url", input: "command", value: "probe", named: "url", want: "input url is required: want the deployment's base URL"},
		{name: "probe with empty url", input: "url", value: "", with: map[string]string{"command": "probe"}, want: "input url is required"},
		{name: "max-requests not a number", input: "max-requests", value: "lots", with: probe, want: `input max-requests: "lots" is not valid: want a whole number`},
		{name: "max-requests zero", input: "max-requests", value: "0", with: probe, want: `input max-requests: "0" is not valid`},
		{name: "negative rate", input: "rate", value: "-1", with: probe, want: `input rate: "-1" is not valid: want requests per second`},
		{name: "rate not a number", input: "rate", value: "NaN", with: probe, want: `input rate: "NaN" is not valid`},
		{name: "timeout without a unit", input: "timeout", value: "300", with: probe, want: `input timeout: "300" is not valid: want a positive duration`},
		{name: "negative timeout", input: "timeout", value: "-5m", with: probe, want: `input timeout: "-5m" is not valid`},
		{name: "allow-writes not a boolean", input: "allow-writes", value: "sure", with: probe, want: `input allow-writes: "sure" is not valid: want true or false`},
		{name: "category that could end the marker", input: "category", value: "x-->y", want: "input category:"},
		{name: "category with a space", input: "category", value: "my gate", want: "input category:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sim := newRunner(t, t.TempDir()).event("workflow_dispatch", map[string]any{})
			for k, v := range tt.with {
				sim.input(k, v)
			}
			sim.input(tt.input, tt.value)
			named := cmp.Or(tt.named, tt.input)
			res := sim.run()
			if exitOf(res.err) != 2 {
				t.Fatalf("exit %d (%v), want 2", exitOf(res.err), res.err)
			}
			if !strings.Contains(res.err.Error(), tt.want) {
				t.Errorf("error %q, want it to contain %q", res.err, tt.want)
			}
			if strings.Contains(res.err.Error(), "\n") {
				t.Errorf("error %q is not one line", res.err)
			}
			if errs := commandLines(res.stdout, "error"); len(errs) != 1 || !strings.HasPrefix(errs[0], "::error title=launchgate::input "+named) {
				t.Errorf("want one ::error:: annotation naming the input, got %q", errs)
			}
			if len(res.outputs) != 0 || res.summary != "" {
				t.Errorf("a run with bad inputs wrote outputs %v or a summary", res.outputs)
			}
		})
	}
	var ie *InputError
	if _, err := ReadInputs(actionWith(map[string]string{"INPUT_FAIL-ON": "banana"})); !errors.As(err, &ie) || ie.Name != "fail-on" {
		t.Errorf("ReadInputs error %v, want an *InputError for fail-on", err)
	}
}

func TestInputNamesAreTheInputsRead(t *testing.T) {
	names := InputNames()
	read := map[string]bool{}
	getenv := func(k string) string {
		if name, ok := strings.CutPrefix(k, "INPUT_"); ok {
			read[strings.ToLower(name)] = true
		}
		return ""
	}
	if _, err := ReadInputs(githubactions.New(githubactions.WithGetenv(getenv))); err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		if !read[n] {
			t.Errorf("InputNames lists %q but ReadInputs never reads it", n)
		}
		delete(read, n)
	}
	for n := range read {
		t.Errorf("ReadInputs reads %q, which InputNames does not list", n)
	}
	names[0] = "changed"
	if InputNames()[0] == "changed" {
		t.Error("InputNames returned its own array, not a copy")
	}
}

func TestVersionNoticeAndEnvFiles(t *testing.T) {
	sim := portalRunner(t)
	const envFile = "testdata/prodconfig/express/vulnerable/.env.production"
	sim.input("version", "v1.3.0").input("env-files", envFile)
	res := sim.run()
	if !slices.Contains(commandLines(res.stdout, "notice"), "::notice::The version input asks for launchgate v1.3.0, but v1.4.0 is running.") {
		t.Errorf("no version notice:\n%s", res.stdout)
	}
	for _, w := range commandLines(res.stdout, "warning") {
		if strings.Contains(w, "env-files") {
			t.Errorf("env-files still warns: %s", w)
		}
	}
	// The file lies outside the scanned path; the env check reads it and
	// reports its weak session secret.
	if !strings.Contains(res.summary, "env/weak-secret") || !strings.Contains(res.summary, `SESSION\_SECRET`) {
		t.Errorf("the env-files input was not checked; summary:\n%s", res.summary)
	}
	same := portalRunner(t)
	same.input("version", "1.4.0")
	if n := commandLines(same.run().stdout, "notice"); len(n) != 0 {
		t.Errorf("matching versions gave notices %q", n)
	}
}

// env-from-process judges the step's own environment, and only when asked.
func TestEnvFromProcess(t *testing.T) {
	secret := testkit.Random(t, testkit.Alnum, 12)
	environ := func() []string {
		return []string{"NODE_ENV=development", "SESSION_SECRET=" + secret, "PATH=/usr/bin", "INPUT_FAIL-ON=high"}
	}
	asked := portalRunner(t)
	asked.env.Environ = environ
	asked.input("env-from-process", "true")
	res := asked.run()
	if !strings.Contains(res.summary, "env/dev-mode") || !strings.Contains(res.summary, `NODE\_ENV`) {
		t.Errorf("the process environment was not checked; summary:\n%s", res.summary)
	}
	if !strings.Contains(res.summary, "env/weak-secret") {
		t.Errorf("the short SESSION_SECRET was not reported; summary:\n%s", res.summary)
	}
	if strings.Contains(res.stdout+res.stderr+res.summary+fmt.Sprint(res.outputs), secret) {
		t.Error("a value of the environment reached the output")
	}
	quiet := portalRunner(t)
	quiet.env.Environ = environ
	if s := quiet.run().summary; strings.Contains(s, "env/dev-mode") {
		t.Errorf("the process environment was checked without the input; summary:\n%s", s)
	}
	bad := portalRunner(t)
	bad.input("env-from-process", "sometimes")
	if r := bad.run(); r.err == nil || !strings.Contains(r.err.Error(), "env-from-process") {
		t.Errorf("a bad env-from-process value: err %v, want one naming the input", r.err)
	}
}
