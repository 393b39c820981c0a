package action

import (
	"fmt"
	"slices"
	"strings"

	"github.com/sethvargo/go-githubactions"

	"github.com/launchgate/launchgate/pkg/finding"
)

// The names of the action's inputs, as action.yml declares them.
const (
	inputCommand   = "command"
	inputPath      = "path"
	inputSpec      = "spec"
	inputArtifacts = "artifacts"
	inputEnvFiles  = "env-files"
	inputEnvProc   = "env-from-process"
	inputConfig    = "config"
	inputFailOn    = "fail-on"
	inputBaseline  = "baseline"
	inputOnlyNew   = "only-new"
	inputToken     = "github-token"
	inputComment   = "comment"
	inputCategory  = "category"
	inputVersion   = "version"
	inputURL       = "url"
	inputWrites    = "allow-writes"
	inputMaxReq    = "max-requests"
	inputRate      = "rate"
	inputTimeout   = "timeout"
	inputDomain    = "domain"
	inputSelectors = "dkim-selectors"
	inputResolver  = "resolver"
)

// inputNames lists every input the entrypoint reads, in action.yml order.
var inputNames = [...]string{
	inputCommand, inputPath, inputSpec, inputArtifacts, inputEnvFiles,
	inputEnvProc, inputURL, inputWrites, inputMaxReq, inputRate, inputTimeout,
	inputDomain, inputSelectors, inputResolver, inputConfig, inputFailOn, inputBaseline, inputOnlyNew, inputToken,
	inputComment, inputCategory, inputVersion,
}

// InputNames returns the inputs the entrypoint reads, as a fresh slice, so
// that a test can hold action.yml and the README to the same list.
func InputNames() []string { return slices.Clone(inputNames[:]) }

// DefaultCategory is the code-scanning category when the category input is
// empty.
const DefaultCategory = "launchgate"

// Inputs are the action's inputs, parsed and checked.
type Inputs struct {
	// Commands are what the step runs, in the order scan, probe, dns:
	// the command input's list, plus the probe when a scan is given a
	// url and the DNS check when it is given a domain.
	Commands []string
	// Path is the folder to scan, relative to the workspace.
	Path      string
	Specs     []string
	Artifacts []string
	// EnvFiles are production env files for the env check (the scan's
	// --env), relative to the workspace.
	EnvFiles []string
	// EnvFromProcess checks the environment the step runs in as
	// production (the scan's --env-from-process).
	EnvFromProcess bool
	Config         string
	FailOn         finding.Severity
	Baseline       string
	// OnlyNew is nil when the input is empty: the event decides.
	OnlyNew *bool
	Token   string
	// Comment asks for the sticky pull-request comment.
	Comment  bool
	Category string
	// Version is the launchgate version action.yml installed, "" when not
	// given.
	Version string
	// Probe holds the inputs of command: probe.
	Probe ProbeInputs
	// DNS holds the inputs of command: dns.
	DNS DNSInputs
}

// DNSInputs are the inputs only command: dns reads.
type DNSInputs struct {
	// Domain is the sending domain; empty means dns.domain of the config.
	Domain string
	// Selectors are DKIM selectors, one per line or comma-separated.
	Selectors []string
	// Resolvers are DNS servers as HOST:PORT; empty means the runner's.
	Resolvers []string
}

// InputError is an input with a value the action cannot use.
type InputError struct {
	Name  string
	Value string
	// Want says what the input accepts.
	Want string
}

// Error names the input the way a workflow file spells it.
func (e *InputError) Error() string {
	if e.Value == "" {
		return fmt.Sprintf("input %s is required: want %s", e.Name, e.Want)
	}
	return fmt.Sprintf("input %s: %q is not valid: want %s", e.Name, e.Value, e.Want)
}

// ReadInputs reads and checks the inputs a runner hands the step.
func ReadInputs(gh *githubactions.Action) (Inputs, error) {
	in := Inputs{
		Path:      gh.GetInput(inputPath),
		Specs:     splitList(gh.GetInput(inputSpec)),
		Artifacts: splitList(gh.GetInput(inputArtifacts)),
		EnvFiles:  splitList(gh.GetInput(inputEnvFiles)),
		Config:    gh.GetInput(inputConfig),
		Baseline:  gh.GetInput(inputBaseline),
		Token:     gh.GetInput(inputToken),
		Category:  gh.GetInput(inputCategory),
		Version:   gh.GetInput(inputVersion),
	}
	asked, err := readCommands(gh.GetInput(inputCommand))
	if err != nil {
		return in, err
	}
	if in.Path == "" {
		in.Path = "."
	}
	failOn := gh.GetInput(inputFailOn)
	if failOn == "" {
		failOn = "high"
	}
	sev, err := finding.ParseSeverity(failOn, true)
	if err != nil {
		return in, &InputError{Name: inputFailOn, Value: failOn, Want: "critical, high, medium, low or never"}
	}
	in.FailOn = sev
	if in.Probe, err = readProbeInputs(gh, slices.Contains(asked, "probe")); err != nil {
		return in, err
	}
	in.DNS = DNSInputs{Domain: gh.GetInput(inputDomain), Selectors: splitList(gh.GetInput(inputSelectors)), Resolvers: splitList(gh.GetInput(inputResolver))}
	if slices.Contains(asked, "scan") {
		if in.Probe.URL != "" {
			asked = append(asked, "probe")
		}
		if in.DNS.Domain != "" {
			asked = append(asked, "dns")
		}
	}
	for _, c := range commandOrder {
		if slices.Contains(asked, c) {
			in.Commands = append(in.Commands, c)
		}
	}
	if v := gh.GetInput(inputOnlyNew); v != "" {
		b, err := parseBool(inputOnlyNew, v)
		if err != nil {
			return in, err
		}
		in.OnlyNew = &b
	}
	if v := gh.GetInput(inputEnvProc); v != "" {
		if in.EnvFromProcess, err = parseBool(inputEnvProc, v); err != nil {
			return in, err
		}
	}
	if v := gh.GetInput(inputComment); v != "" {
		if in.Comment, err = parseBool(inputComment, v); err != nil {
			return in, err
		}
	}
	if in.Category == "" {
		in.Category = DefaultCategory
	}
	if !validCategory(in.Category) {
		return in, &InputError{Name: inputCategory, Value: in.Category,
			Want: "letters, digits and . _ / : = @ + - (such as launchgate/api)"}
	}
	return in, nil
}

// commandOrder is the order the commands run and report in.
var commandOrder = [...]string{"scan", "probe", "dns"}

// readCommands reads the command input: one command or several, comma-
// or line-separated ("scan,probe,dns"); empty is scan.
func readCommands(v string) ([]string, error) {
	list := splitList(strings.ToLower(v))
	if len(list) == 0 {
		return []string{"scan"}, nil
	}
	for _, c := range list {
		if !slices.Contains(commandOrder[:], c) {
			return nil, &InputError{Name: inputCommand, Value: v, Want: "scan, probe or dns, or several of them comma-separated (scan,probe,dns)"}
		}
	}
	return list, nil
}

// Runs reports whether the step runs command.
func (in Inputs) Runs(command string) bool { return slices.Contains(in.Commands, command) }

// parseBool reads a boolean input as YAML 1.2 core schema booleans are
// written, which is how GitHub passes `true` and `false`.
func parseBool(name, v string) (bool, error) {
	switch strings.ToLower(v) {
	case "true":
		return true, nil
	case "false":
		return false, nil
	}
	return false, &InputError{Name: name, Value: v, Want: "true or false"}
}

// splitList reads a list input, one item a line or comma-separated, the
// two ways people write lists in a workflow file.
func splitList(v string) []string {
	var out []string
	for _, line := range strings.Split(v, "\n") {
		for _, item := range strings.Split(line, ",") {
			if item = strings.TrimSpace(item); item != "" {
				out = append(out, item)
			}
		}
	}
	return out
}

// validCategory keeps the category to characters that are safe both as a
// SARIF automation ID and inside the HTML comment that marks the sticky
// comment (no "--", which could end it).
func validCategory(s string) bool {
	if len(s) > 100 || strings.Contains(s, "--") {
		return false
	}
	for _, r := range s {
		ok := 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || strings.ContainsRune("._/:=@+-", r)
		if !ok {
			return false
		}
	}
	return true
}
